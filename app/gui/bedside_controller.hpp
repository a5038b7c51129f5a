#pragma once
// What runs behind the monitor window: the station pipeline and its recorder, either on the
// demo's simulated bedside (`vigil --demo`) or on real devices recording into the clinic's
// database as the logged-in nurse (`vigil --db FILE --user NAME --device PROTOCOL:PORT ...`).
// It answers the session form: Start takes the named patient's open session (planned by a
// clinician) and records into it; Stop ends recording (the record stays open for the clinical
// workflow). Problems are shown in the window's status bar, naming the field and the rule.

#include <QObject>
#include <QTimer>
#include <memory>
#include <string>
#include <vector>

#include "demo_bedside.hpp"
#include "station.hpp"
#include "station_bridge.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/db/roles.hpp"

namespace vigil::gui {

class MonitorWindow;

struct StationModeOptions {
  std::string db_file;
  std::string user;
  std::string password;
  std::vector<drivers::DeviceSessionConfig> devices;
};

class BedsideController : public QObject {
  Q_OBJECT
 public:
  explicit BedsideController(MonitorWindow& window, QObject* parent = nullptr);
  ~BedsideController() override;  // shutdown()

  // Each throws std::exception with a message naming the problem (bad option, existing demo
  // file, authentication failed, ...). Call one of them once.
  void startDemo(const demo::DemoOptions& options);
  void startStation(const StationModeOptions& options);
  // Ends recording (completes the demo record) and stops the devices. Idempotent.
  void shutdown();

  station::Station* station() { return station_.get(); }

 private:
  void onStartSession(const QString& patient_id);
  void onStopSession();
  void report(const QString& text);  // status bar and stdout
  void printLines(const std::vector<std::string>& lines);

  MonitorWindow& window_;
  StationBridge bridge_;
  std::unique_ptr<demo::DemoBedside> demo_;
  std::unique_ptr<db::Recorder> recorder_;  // station mode (the demo owns its own)
  std::string db_file_;                     // station mode: followed for phase changes
  std::unique_ptr<station::Station> station_;
  db::Actor actor_;
  bool recording_ = false;
  QTimer script_timer_;
};

}  // namespace vigil::gui
