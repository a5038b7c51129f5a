#pragma once
// A clinic's five years in one database file, for the look-back benchmark (history_bench.cpp):
// 20,000 dosing sessions over 2,000 patients, each with its records written through the store
// as the station writes them (plan, pre-dose BP and checklist, a dose, observation, scales, two
// BPs, an alarm with its end and acknowledgement, a signed dosing note), the audit log padded
// with valid chained entries to the target count (logins, views, exports: what five years add),
// and one session of 8 hours with full vitals (SpO2, pulse rate at 1 Hz, pleth 75 Hz in 1 s
// blocks) recorded through the Recorder, sealed. Built once; a later run reuses the file.

#include <filesystem>
#include <string>

#include "vigil/db/roles.hpp"
#include "vigil/db/store.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::bench {

struct ClinicSize {
  int patients = 2000;
  int sessions = 20000;
  long audit_entries = 5'000'000;
  int long_session_hours = 8;
};

struct ClinicFixture {
  std::filesystem::path file;
  db::RowId long_session = 0;  // the 8-hour session with vitals (the newest)
  std::string patient_of_long_session;
  db::RowId esketamine_session = 0;  // two devices given, for the REMS form
  double build_seconds = 0;          // 0 when the file was reused
};

inline constexpr db::UtcMs kClinicStart = 1'640'995'200'000;  // 2022-01-01 00:00 UTC
inline constexpr const char* kBenchPassword = "bench-password-1";

// Opens `file` when it holds a fixture of `size` (its site setting bench.fixture says so), or
// builds it afresh. Prints progress to stderr while building.
ClinicFixture clinic_fixture(const std::filesystem::path& file, const ClinicSize& size);

// The fixture's users (password kBenchPassword): "nurse1", "clin1", "audit1".
db::Actor login(db::Store& store, const std::string& name, db::UtcMs now);

}  // namespace vigil::bench
