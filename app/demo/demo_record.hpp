#pragma once
// The demo's database: a new file (never an existing one: the demo must not write into a real
// clinic's records) with demo users, a demo patient and a dosing session, and the clinical script
// the demo nurse and clinician follow on scenario time:
//   setup   planned -> pre_dose, manual baseline BP 124/78, pre-dose checklist
//   +1 min  dosing: esketamine 28 mg nasal device 1 of 2, witnessed; +6 min device 2 of 2
//   +15 min observation
//   +110 min MOAA/S 5, modified Aldrete 10, +115 min discharge BP 126/80, discharge checklist
//   +125 min discharge_ready, +150 min closed
// finish() completes the record: a demo stopped earlier ends the session early with the reason.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "vigil/core/session_phase.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/db/roles.hpp"

namespace vigil::demo {

inline constexpr const char* kDemoPassword = "demo-password";  // every demo account

struct DemoAccounts {
  db::Actor admin;
  db::Actor nurse;
  db::Actor clinician;
};

class DemoRecord {
 public:
  // Creates `file` (its folder must exist); throws db::ValidationError ("--db: FILE exists; the
  // demo only writes a new database") when it exists. `utc_at` maps scenario seconds to UTC.
  DemoRecord(std::filesystem::path file, std::function<core::UtcTime(double)> utc_at);

  // What the script needs from the bedside while it runs.
  struct Hooks {
    std::function<double()> now_s;                            // scenario seconds now
    std::function<void(core::SessionPhase)> on_phase;         // a phase was reached
    std::function<void(double, const std::string&)> on_dose;  // scenario second, marker label
    std::function<void()> before_close;  // stop recording: a closed record takes no vitals
  };
  // Runs the script steps now due through `recorder`; returns the lines to print (one per
  // step, refusals with their reason). Steps due before the first call (the part of the session
  // --start-at skipped) are recorded at their scripted times; later ones when they run.
  std::vector<std::string> run_due(db::Recorder& recorder, const Hooks& hooks);
  // Ends the record at scenario second `t_s`: closed if the script got there, otherwise ended
  // early by the clinician with "demo stopped at +M min".
  std::vector<std::string> finish(double t_s, db::Recorder& recorder);

  const std::filesystem::path& file() const { return file_; }
  db::RowId session_id() const { return session_id_; }
  const DemoAccounts& accounts() const { return accounts_; }
  core::SessionPhase phase() const { return phase_; }

 private:
  struct Step {
    double at_s;
    std::string what;
    std::function<void(db::Store&, db::UtcMs)> run;
    std::optional<core::SessionPhase> phase;  // the phase reached
    std::string dose;                         // the dose marker's label; empty: no dose
  };
  std::optional<double> first_run_s_;  // scenario second of the first run_due
  void build_script();
  db::UtcMs ms_at(double t_s) const;

  std::filesystem::path file_;
  std::function<core::UtcTime(double)> utc_at_;
  DemoAccounts accounts_;
  db::RowId patient_id_ = 0;
  db::RowId session_id_ = 0;
  core::SessionPhase phase_ = core::SessionPhase::planned;
  std::vector<Step> steps_;
  std::size_t next_ = 0;
};

}  // namespace vigil::demo
