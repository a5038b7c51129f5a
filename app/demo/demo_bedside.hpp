#pragma once
// The demo bedside (`vigil --demo`, `vigilctl demo`): a Nonin pulse oximeter and a SunTech NIBP
// module simulated on pseudo-terminals, both playing the scripted 2.5-hour session
// (drivers/sim demo_session_timeline: desaturation at +25 min, BP spike at +40 min, finger out
// at +70 min, brief unplug at +90 min), a scaled clock shared by simulators and station, and a
// new demo database with its recorder. Scripted (`vigilctl demo`, `vigil --demo --scripted`):
// the demo record (demo_record.hpp); the caller builds a Station from station_config() and
// hands it to begin(); step() once a second runs the clinical script. Interactive (`vigil
// --demo`): the demo site (demo_site.hpp), users sign in and document on screen; begin(),
// step() and finish() do nothing.

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "demo_record.hpp"
#include "demo_site.hpp"
#include "scaled_clock.hpp"
#include "station.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/drivers/sim/pty_simulator.hpp"

namespace vigil::demo {

struct DemoOptions {
  double speed = 1.0;             // scenario seconds per real second, 0.1..100
  double start_at_min = 0;        // scenario minute the demo starts at, 0..150
  std::filesystem::path db_file;  // a new file; empty: a new file in the temporary folder
  bool scripted = true;           // false: the interactive demo site
};

// The first problem with `o`, naming the option and the rule; nullopt when valid.
std::optional<std::string> demo_options_problem(const DemoOptions& o);

class DemoBedside {
 public:
  // Creates the record and starts the simulators. Throws std::invalid_argument for bad options,
  // db::ValidationError for an existing --db file, std::system_error when a pty cannot be made.
  explicit DemoBedside(DemoOptions options);
  ~DemoBedside();  // stops the simulators; the recorder flushes and closes
  DemoBedside(const DemoBedside&) = delete;
  DemoBedside& operator=(const DemoBedside&) = delete;

  // Devices on the simulators' ports, the scaled clock, the session's alarm profile.
  station::StationConfig station_config() const;
  // Starts recording into the demo session and runs the script up to --start-at.
  std::vector<std::string> begin(station::Station& station);
  // Runs the script steps now due.
  std::vector<std::string> step(station::Station& station);
  // Stops recording and completes the record (closed, or ended early with the reason).
  std::vector<std::string> finish(station::Station& station);

  double scenario_s() const;  // scenario seconds now
  bool scripted() const { return record_ != nullptr; }
  const std::filesystem::path& db_file() const { return record_ ? record_->file() : site_->file(); }
  db::RowId session_id() const { return record_ ? record_->session_id() : site_->session_id(); }
  const station::ScaledClock& clock() const { return clock_; }
  db::Recorder& recorder() { return *recorder_; }
  const std::string& oximeter_port() const { return oximeter_->link_path(); }
  const std::string& nibp_port() const { return nibp_->link_path(); }

 private:
  DemoOptions options_;
  std::chrono::steady_clock::time_point epoch_;
  station::ScaledClock clock_;
  std::unique_ptr<DemoRecord> record_;               // scripted
  std::unique_ptr<DemoSite> site_;                   // interactive
  std::atomic<station::Station*> station_{nullptr};  // for the recorder's recording_behind
  std::unique_ptr<db::Recorder> recorder_;
  std::unique_ptr<drivers::sim::PtySimulator> oximeter_;
  std::unique_ptr<drivers::sim::PtySimulator> nibp_;
  bool finished_ = false;
  std::optional<std::chrono::steady_clock::time_point> first_nibp_due_;  // real time
};

}  // namespace vigil::demo
