#include "bedside_access.hpp"

#include "lock_overlay.hpp"
#include "monitor_window.hpp"
#include "sign_in_screen.hpp"
#include "user_bar.hpp"

namespace vigil::gui {
namespace {

QString roleText(db::Role r) {
  const auto n = db::role_name(r);
  return QString::fromUtf8(n.data(), static_cast<qsizetype>(n.size()));
}

}  // namespace

BedsideAccess::BedsideAccess(MonitorWindow& window, ClinicalGateway& gateway, QObject* parent)
    : QObject(parent), window_(window), gateway_(gateway) {
  connect(window_.signInScreen(), &SignInScreen::signInRequested, this,
          &BedsideAccess::onSignInRequested);
  connect(window_.lockOverlay(), &LockOverlay::unlockRequested, this,
          &BedsideAccess::onUnlockRequested);
  connect(window_.lockOverlay(), &LockOverlay::switchUserRequested, this,
          &BedsideAccess::switchUser);
  connect(window_.userBar(), &UserBar::lockRequested, this, &BedsideAccess::lock);
  connect(window_.userBar(), &UserBar::switchUserRequested, this, &BedsideAccess::switchUser);
  connect(&idle_, &IdleLock::idle, this, &BedsideAccess::lock);
  enter(State::signed_out);
}

QString BedsideAccess::operatorName() const {
  if (state_ == State::signed_in && gateway_.user()) {
    return QString::fromStdString(gateway_.user()->name);
  }
  return QString::fromUtf8(kBedsideOperator);
}

void BedsideAccess::signIn(const std::string& name, const std::string& password) {
  gateway_.signIn(name, password);
  locked_user_.reset();
  enter(State::signed_in);
}

void BedsideAccess::onSignInRequested(const QString& name, const QString& password) {
  try {
    signIn(name.toStdString(), password.toStdString());
  } catch (const std::exception& e) {
    window_.signInScreen()->showRefusal(refusalText(e));
    emit refused(refusalText(e));
  }
}

void BedsideAccess::onUnlockRequested(const QString& password) {
  if (!locked_user_) return;
  try {
    signIn(locked_user_->name, password.toStdString());
  } catch (const std::exception& e) {
    window_.lockOverlay()->showRefusal(refusalText(e));
    emit refused(refusalText(e));
  }
}

void BedsideAccess::lock() {
  if (state_ != State::signed_in || !gateway_.user()) return;
  locked_user_ = gateway_.user();
  gateway_.signOut();  // the forms write nothing while locked
  enter(State::locked);
}

void BedsideAccess::switchUser() {
  gateway_.signOut();
  locked_user_.reset();
  enter(State::signed_out);
}

void BedsideAccess::enter(State state) {
  state_ = state;
  using Cover = MonitorWindow::ClinicalCover;
  switch (state) {
    case State::signed_out:
      idle_.stop();
      window_.userBar()->setUser(QString(), QString(), false);
      window_.signInScreen()->clear();
      window_.setClinicalCover(Cover::sign_in);
      break;
    case State::signed_in:
      idle_.start();
      window_.userBar()->setUser(QString::fromStdString(gateway_.user()->name),
                                 roleText(gateway_.user()->role), false);
      window_.setClinicalCover(Cover::none);
      break;
    case State::locked:
      idle_.stop();
      window_.userBar()->setUser(QString::fromStdString(locked_user_->name),
                                 roleText(locked_user_->role), true);
      window_.lockOverlay()->lockFor(QString::fromStdString(locked_user_->name));
      window_.setClinicalCover(Cover::locked);
      break;
  }
  emit operatorChanged(operatorName());
}

}  // namespace vigil::gui
