#include "bedside_controller.hpp"

#include <QStatusBar>
#include <chrono>
#include <cstdio>

#include "bedside_session.hpp"
#include "monitor_window.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/user_store.hpp"

namespace vigil::gui {
namespace {

db::UtcMs utc_ms_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

BedsideController::BedsideController(MonitorWindow& window, QObject* parent)
    : QObject(parent), window_(window), bridge_(window) {
  window_.statusBar()->setStyleSheet(QStringLiteral("color: white; background: #202024;"));
  connect(&window_, &MonitorWindow::sessionStartRequested, this,
          [this](const QString& id, const QString&) { onStartSession(id); });
  connect(&window_, &MonitorWindow::sessionStopRequested, this, [this] { onStopSession(); });
}

BedsideController::~BedsideController() { shutdown(); }

void BedsideController::report(const QString& text) {
  window_.statusBar()->showMessage(text, 15000);
  std::printf("vigil: %s\n", qPrintable(text));
  std::fflush(stdout);
}

void BedsideController::printLines(const std::vector<std::string>& lines) {
  for (const auto& l : lines) report(QStringLiteral("demo ") + QString::fromStdString(l));
}

void BedsideController::startDemo(const demo::DemoOptions& options) {
  demo_ = std::make_unique<demo::DemoBedside>(options);
  station_ = std::make_unique<station::Station>(demo_->station_config(), bridge_);
  bridge_.attach(*station_, QStringLiteral("demo-nurse"));
  station_->start();
  printLines(demo_->begin(*station_));
  recording_ = true;
  report(QStringLiteral("demo recording session %1 into %2")
             .arg(demo_->session_id())
             .arg(QString::fromStdString(demo_->db_file().string())));
  connect(&script_timer_, &QTimer::timeout, this, [this] {
    if (recording_) printLines(demo_->step(*station_));
  });
  script_timer_.start(1000);
}

void BedsideController::startStation(const StationModeOptions& options) {
  {
    db::Store store = db::Store::open(options.db_file, db::OpenMode::open_existing);
    actor_ = db::authenticate(store, options.user, options.password, utc_ms_now());
  }
  if (actor_.role != db::Role::nurse && actor_.role != db::Role::clinician) {
    throw db::PermissionDenied("role " + std::string(db::role_name(actor_.role)) +
                               " may not run the bedside station (nurse or clinician)");
  }
  db::RecorderOptions ro;
  ro.on_condition = [this](const core::DeviceCondition& c) {
    if (station_) station_->report_recorder_condition(c);
  };
  recorder_ = std::make_unique<db::Recorder>(
      db::Store::open(options.db_file, db::OpenMode::open_existing), ro);
  db_file_ = options.db_file;
  station::StationConfig config;
  config.devices = options.devices;
  station_ = std::make_unique<station::Station>(std::move(config), bridge_);
  bridge_.attach(*station_, QString::fromStdString(actor_.name));
  station_->start();
  report(QStringLiteral("%1 logged in; enter the patient identifier and press Start session")
             .arg(QString::fromStdString(actor_.name)));
}

void BedsideController::onStartSession(const QString& patient_id) {
  if (demo_) {
    report(QStringLiteral("the demo runs its one scripted session"));
    return;
  }
  if (!recorder_ || recording_) return;
  try {
    const auto session = recorder_->run_clinical([&](db::Store& store) {
      return station::start_patient_session(store, actor_, patient_id.trimmed().toStdString(),
                                            utc_ms_now());
    });
    station::SessionRecording r;
    r.recorder = recorder_.get();
    r.actor = actor_;
    r.session_id = session.id;
    r.info = session.info;
    r.profile = session.profile;
    r.database_file = db_file_;  // phase changes made through the store reach the engine
    station_->set_phase(session.info.phase);
    station_->begin_session(std::move(r));
    recording_ = true;
    report(QStringLiteral("recording session %1 for %2").arg(session.id).arg(patient_id));
  } catch (const std::exception& e) {
    report(QStringLiteral("cannot start the session: %1").arg(QString::fromUtf8(e.what())));
  }
}

void BedsideController::onStopSession() {
  if (!recording_) return;
  recording_ = false;
  if (demo_) {
    script_timer_.stop();
    printLines(demo_->finish(*station_));
  } else {
    station_->end_session();
  }
  report(QStringLiteral("recording stopped"));
}

void BedsideController::shutdown() {
  script_timer_.stop();
  if (!station_) return;
  bridge_.detach();
  if (recording_) onStopSession();
  station_->stop();
  station_.reset();
  if (recorder_) recorder_->stop();
}

}  // namespace vigil::gui
