#include "bedside_controller.hpp"

#include <QStatusBar>
#include <chrono>
#include <cstdio>

#include "bedside_session.hpp"
#include "clinical_panel.hpp"
#include "monitor_window.hpp"
#include "user_bar.hpp"
#include "vigil/db/session_reader.hpp"
#include "vigil/db/site_store.hpp"
#include "vigil/db/store.hpp"

namespace vigil::gui {
namespace {

db::UtcMs to_ms(core::UtcTime t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

}  // namespace

BedsideController::BedsideController(MonitorWindow& window, QObject* parent)
    : QObject(parent), window_(window), bridge_(window) {
  window_.statusBar()->setStyleSheet(QStringLiteral("color: white; background: #202024;"));
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

db::UtcMs BedsideController::utcNowMs() const { return to_ms(clock_->utc_now()); }

void BedsideController::startDemo(const demo::DemoOptions& options) {
  demo_ = std::make_unique<demo::DemoBedside>(options);
  if (demo_->scripted()) {
    startScriptedDemo();
    return;
  }
  clock_ = &demo_->clock();
  openStation(demo_->recorder(), demo_->db_file(), demo_->station_config(), demo::kDemoChair,
              std::nullopt);
  demo_->begin(*station_);  // the recorder reports recording_behind to the station
  report(QStringLiteral("demo database %1: sign in as one of")
             .arg(QString::fromStdString(demo_->db_file().string())));
  for (const auto& line : demo::DemoSite::login_lines()) {
    report(QStringLiteral("demo ") + QString::fromStdString(line));
  }
  report(QStringLiteral("demo: session %1 is planned for the %2; start it from Today")
             .arg(demo_->session_id())
             .arg(QString::fromUtf8(demo::kDemoChair)));
}

void BedsideController::startScriptedDemo() {
  clock_ = &demo_->clock();
  station_ = std::make_unique<station::Station>(demo_->station_config(), bridge_);
  bridge_.attach(*station_, QStringLiteral("demo-nurse"));
  station_->start();
  printLines(demo_->begin(*station_));
  scripted_recording_ = true;
  window_.setClinicalCover(MonitorWindow::ClinicalCover::none);
  report(QStringLiteral("demo recording session %1 into %2")
             .arg(demo_->session_id())
             .arg(QString::fromStdString(demo_->db_file().string())));
  connect(&script_timer_, &QTimer::timeout, this, [this] {
    if (scripted_recording_) printLines(demo_->step(*station_));
  });
  script_timer_.start(1000);
}

void BedsideController::startStation(const StationModeOptions& options) {
  clock_ = options.clock ? options.clock : &drivers::system_device_clock();
  db::RecorderOptions ro;
  ro.on_condition = [this](const core::DeviceCondition& c) {
    if (station_) station_->report_recorder_condition(c);
  };
  recorder_ = std::make_unique<db::Recorder>(
      db::Store::open(options.db_file, db::OpenMode::open_existing), ro);
  station::StationConfig config;
  config.devices = options.devices;
  config.clock = clock_;
  openStation(*recorder_, options.db_file, std::move(config), options.chair, options.idle_lock);
  if (!options.user.empty()) access_->signIn(options.user, options.password);
  if (options.devices.empty()) report(QStringLiteral("no device: the monitor shows no values"));
}

void BedsideController::openStation(db::Recorder& recorder, std::filesystem::path db_file,
                                    station::StationConfig config, const std::string& chair,
                                    std::optional<std::chrono::milliseconds> idle_lock) {
  active_recorder_ = &recorder;
  db_file_ = std::move(db_file);
  gateway_ = std::make_unique<ClinicalGateway>(
      recorder, [this] { return utcNowMs(); }, chair);
  access_ = std::make_unique<BedsideAccess>(window_, *gateway_);
  window_.setClinicalPanel(new ClinicalPanel(*gateway_));
  records_ = std::make_unique<RecordsWindow>(*gateway_);
  connect(window_.userBar(), &UserBar::recordsRequested, records_.get(), &RecordsWindow::open);
  if (idle_lock) {
    access_->idleLock().setTimeout(*idle_lock);
  } else {
    readIdleLockSetting(recorder);
  }
  connect(gateway_.get(), &ClinicalGateway::startRequested, this,
          &BedsideController::onStartRequested);
  connect(gateway_.get(), &ClinicalGateway::doseRecorded, this, &BedsideController::onDoseRecorded);
  connect(gateway_.get(), &ClinicalGateway::nibpRequested, this,
          &BedsideController::onNibpRequested);
  connect(gateway_.get(), &ClinicalGateway::recordChanged, this,
          &BedsideController::onRecordChanged);
  connect(access_.get(), &BedsideAccess::operatorChanged, &bridge_,
          &StationBridge::setOperatorName);
  station_ = std::make_unique<station::Station>(std::move(config), bridge_);
  bridge_.attach(*station_, access_->operatorName());
  station_->start();
}

void BedsideController::readIdleLockSetting(db::Recorder& recorder) {
  const auto setting = recorder.run_clinical(
      [](db::Store& store) { return db::site_setting(store, "idle_lock_minutes"); });
  const IdleLockTimeout t = idleLockTimeout(setting);
  access_->idleLock().setTimeout(t.timeout);
  if (!t.problem.isEmpty()) report(t.problem);
}

void BedsideController::onStartRequested(db::RowId session_id) {
  if (!gateway_->user()) {
    report(QStringLiteral("cannot start session %1: sign in first").arg(session_id));
    return;
  }
  if (recording_session_ != 0) {
    if (recording_session_ != session_id) {
      report(QStringLiteral("cannot start session %1: session %2 is recording at this chair")
                 .arg(session_id)
                 .arg(recording_session_));
    }
    return;
  }
  const db::Actor actor = *gateway_->user();
  try {
    const db::UtcMs now = utcNowMs();
    const auto session = active_recorder_->run_clinical([&](db::Store& store) {
      return station::start_planned_session(store, actor, session_id, now);
    });
    station::SessionRecording r;
    r.recorder = active_recorder_;
    r.actor = actor;
    r.session_id = session.id;
    r.info = session.info;
    r.profile = session.profile;
    r.database_file = db_file_;  // phase changes made through the store reach the engine
    station_->set_phase(session.info.phase);
    station_->begin_session(std::move(r));
    recording_session_ = session.id;
    gateway_->setActiveSession(session.id);
    gateway_->notifyRecordChanged(session.id);
    report(QStringLiteral("recording session %1 for %2")
               .arg(session.id)
               .arg(QString::fromStdString(session.info.patient_name)));
  } catch (const std::exception& e) {
    report(QStringLiteral("cannot start session %1: %2").arg(session_id).arg(refusalText(e)));
  }
}

void BedsideController::onDoseRecorded(db::RowId session_id, db::UtcMs t_utc_ms,
                                       const QString& label) {
  if (session_id != recording_session_ || !station_) return;
  // The dose's UTC time on the station's steady timeline (the trends' clock).
  const auto ago = std::chrono::milliseconds(utcNowMs() - t_utc_ms);
  station_->add_marker(station::TrendMarker::Kind::dose, clock_->steady_now() - ago,
                       label.toStdString());
}

void BedsideController::onNibpRequested() {
  if (!station_) return;
  // The first connected device that takes NIBP commands, as the screen shows them.
  for (const station::DeviceInfo& d : window_.devices()) {
    if (d.connected && d.accepts_nibp_command && station_->request_nibp(d.id)) {
      report(QStringLiteral("NIBP measurement started on %1").arg(QString::fromStdString(d.name)));
      return;
    }
  }
  report(QStringLiteral("cannot measure NIBP: no connected device takes NIBP commands"));
}

void BedsideController::onRecordChanged(db::RowId session_id) {
  if (session_id == 0 || session_id != recording_session_) return;
  static const db::SystemIdentity kReader{"bedside controller"};
  const db::UtcMs now = gateway_->now();
  const auto state = active_recorder_->run_clinical([&](db::Store& store) {
    return db::read_session_watch_state(store, kReader, session_id, now,
                                        std::chrono::milliseconds(0));
  });
  if (state.phase == core::SessionPhase::closed) {
    report(QStringLiteral("session %1 is closed").arg(session_id));
    stopRecording();
  }
}

void BedsideController::stopRecording() {
  if (scripted_recording_) {
    scripted_recording_ = false;
    script_timer_.stop();
    printLines(demo_->finish(*station_));
    report(QStringLiteral("recording stopped"));
  } else if (recording_session_ != 0) {
    recording_session_ = 0;
    station_->end_session();
    if (gateway_) gateway_->setActiveSession(0);
    report(QStringLiteral("recording stopped"));
  }
}

void BedsideController::shutdown() {
  script_timer_.stop();
  if (!station_) return;
  if (gateway_) {  // the forms use the gateway and the recorder: they go first
    QWidget* panel = window_.clinicalPanel();
    window_.setClinicalPanel(new QWidget);
    delete panel;
  }
  bridge_.detach();
  stopRecording();
  if (demo_ && !demo_->scripted()) demo_->finish(*station_);
  station_->stop();
  station_.reset();
  if (recorder_) recorder_->stop();
}

}  // namespace vigil::gui
