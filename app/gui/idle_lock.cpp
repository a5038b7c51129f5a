#include "idle_lock.hpp"

#include <QCoreApplication>
#include <QEvent>

namespace vigil::gui {
namespace {

constexpr int kMaxIdleLockMinutes = 720;

bool isInput(QEvent::Type t) {
  switch (t) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
      return true;
    default:
      return false;
  }
}

}  // namespace

IdleLockTimeout idleLockTimeout(const std::optional<std::string>& setting) {
  IdleLockTimeout out;
  if (!setting) return out;
  bool ok = false;
  const int minutes = QString::fromStdString(*setting).trimmed().toInt(&ok);
  if (ok && minutes >= 1 && minutes <= kMaxIdleLockMinutes) {
    out.timeout = std::chrono::minutes(minutes);
    return out;
  }
  out.problem = QStringLiteral(
                    "site setting idle_lock_minutes: must be whole minutes in 1..%1 (is '%2'); "
                    "the station locks after %3 minutes")
                    .arg(kMaxIdleLockMinutes)
                    .arg(QString::fromStdString(*setting))
                    .arg(kDefaultIdleLockMinutes);
  return out;
}

IdleLock::IdleLock(QObject* parent) : QObject(parent) {
  timer_.setSingleShot(true);
  timer_.setInterval(std::chrono::minutes(kDefaultIdleLockMinutes));
  connect(&timer_, &QTimer::timeout, this, [this] {
    stop();
    emit idle();
  });
}

IdleLock::~IdleLock() { stop(); }

void IdleLock::setTimeout(std::chrono::milliseconds timeout) {
  timer_.setInterval(timeout);
  if (watching_) timer_.start();
}

std::chrono::milliseconds IdleLock::timeout() const { return timer_.intervalAsDuration(); }

void IdleLock::start() {
  if (!watching_ && QCoreApplication::instance()) {
    QCoreApplication::instance()->installEventFilter(this);
  }
  watching_ = true;
  timer_.start();
}

void IdleLock::stop() {
  if (watching_ && QCoreApplication::instance()) {
    QCoreApplication::instance()->removeEventFilter(this);
  }
  watching_ = false;
  timer_.stop();
}

bool IdleLock::eventFilter(QObject* watched, QEvent* event) {
  if (watching_ && isInput(event->type())) timer_.start();
  return QObject::eventFilter(watched, event);
}

}  // namespace vigil::gui
