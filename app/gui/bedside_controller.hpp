#pragma once
// What runs behind the monitor window: the station pipeline and its recorder, either on the
// demo's simulated bedside (`vigil --demo`) or on real devices recording into the clinic's
// database (`vigil --db FILE [--user NAME] [--device PROTOCOL:PORT ...] [--chair NAME]`).
// The station starts at once: devices watched, alarms live, the recorder open; the sign-in
// screen covers only the clinical area (BedsideAccess). The controller makes the forms'
// ClinicalGateway over the recorder and the station's clock and answers it: Start (the Today
// list) records that session as the signed-in user, a recorded dose becomes a marker on the
// trends, "Measure now" starts an NIBP measurement. Problems are shown in the window's status
// bar, naming the field and the rule. The scripted demo (`vigil --demo --scripted`) records
// its own script instead.

#include <QObject>
#include <QTimer>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bedside_access.hpp"
#include "clinical_gateway.hpp"
#include "demo_bedside.hpp"
#include "records_window.hpp"
#include "station.hpp"
#include "station_bridge.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/db/roles.hpp"

namespace vigil::gui {

class MonitorWindow;

inline constexpr const char* kDefaultChair = "chair-1";

struct StationModeOptions {
  std::string db_file;
  std::string user;      // empty: nobody signed in (the sign-in screen)
  std::string password;  // with `user`
  std::string chair = kDefaultChair;
  std::vector<drivers::DeviceSessionConfig> devices;
  // Instead of the site setting idle_lock_minutes (tests).
  std::optional<std::chrono::milliseconds> idle_lock;
  // The station's clock (null: the system clocks). Tests pass an accelerated one so that a
  // session's 40 minutes pass in seconds; records and screen stay on that one time.
  const drivers::DeviceClock* clock = nullptr;
};

class BedsideController : public QObject {
  Q_OBJECT
 public:
  explicit BedsideController(MonitorWindow& window, QObject* parent = nullptr);
  ~BedsideController() override;  // shutdown()

  // Each throws std::exception with a message naming the problem (bad option, existing demo
  // file, authentication failed for --user, ...). Call one of them once.
  void startDemo(const demo::DemoOptions& options);
  void startStation(const StationModeOptions& options);
  // Ends recording (completes the scripted demo record) and stops the devices. Idempotent.
  void shutdown();

  station::Station* station() { return station_.get(); }
  ClinicalGateway* gateway() { return gateway_.get(); }  // null in the scripted demo
  BedsideAccess* access() { return access_.get(); }      // null in the scripted demo
  RecordsWindow* records() { return records_.get(); }    // null in the scripted demo
  const StationBridge& bridge() const { return bridge_; }
  db::RowId recordingSession() const { return recording_session_; }  // 0: not recording

 private:
  void startScriptedDemo();
  // The station on `recorder` (recording into `db_file`), sign-in and gateway.
  void openStation(db::Recorder& recorder, std::filesystem::path db_file,
                   station::StationConfig config, const std::string& chair,
                   std::optional<std::chrono::milliseconds> idle_lock);
  void readIdleLockSetting(db::Recorder& recorder);
  void onStartRequested(db::RowId session_id);
  void onDoseRecorded(db::RowId session_id, db::UtcMs t_utc_ms, const QString& label);
  void onNibpRequested();
  void onRecordChanged(db::RowId session_id);  // a closed session stops recording
  void stopRecording();
  db::UtcMs utcNowMs() const;
  void report(const QString& text);  // status bar and stdout
  void printLines(const std::vector<std::string>& lines);

  MonitorWindow& window_;
  StationBridge bridge_;
  std::unique_ptr<demo::DemoBedside> demo_;
  std::unique_ptr<db::Recorder> recorder_;  // station mode (the demo owns its own)
  db::Recorder* active_recorder_ = nullptr;
  std::filesystem::path db_file_;  // followed for phase changes made through the store
  const drivers::DeviceClock* clock_ = nullptr;
  std::unique_ptr<station::Station> station_;
  std::unique_ptr<ClinicalGateway> gateway_;
  std::unique_ptr<BedsideAccess> access_;
  std::unique_ptr<RecordsWindow> records_;  // the look back (Records in the user bar)
  db::RowId recording_session_ = 0;
  bool scripted_recording_ = false;
  QTimer script_timer_;
};

}  // namespace vigil::gui
