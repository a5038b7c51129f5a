// Looking back over a clinic's five years (clinic_fixture.hpp): the figures README "Performance"
// reports, each the median of several runs against the same file, with its target:
//   history list, one patient's sessions / sessions in a phase        <= 100 ms
//   opening the 8-hour session: its record, whole-session trends, one minute of pleth  <= 500 ms
//   the session report PDF of the 8-hour session                      <= 3 s
//   the REMS form (read and PDF)                                      <= 1 s
//   the auditor's first page over the log: by user, by action, by entity, by session, by time
//                                                                     <= 200 ms
//   the whole log exported (CSV, streamed to /dev/null): time and resident memory before and
//   after (memory flat: not proportional to the log)
// Usage: vigil_history_bench [--db FILE] [--sessions N] [--audit N] [--runs N]
//   (default: a fixture under the temp folder, kept for the next run; 20,000 sessions, 5 million
//   audit entries, 5 runs).
#include <sys/resource.h>

#include <QGuiApplication>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "clinic_fixture.hpp"
#include "rems_form_pdf.hpp"
#include "session_report_pdf.hpp"
#include "vigil/db/audit_review.hpp"
#include "vigil/db/rems_form.hpp"
#include "vigil/db/session_history.hpp"
#include "vigil/db/session_report.hpp"
#include "vigil/db/session_trends.hpp"

namespace {

using namespace vigil;

double median_ms(int runs, const std::function<void()>& f) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

long resident_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

void row(const char* what, double ms, double target_ms) {
  std::printf("%-72s %9.1f ms  (target <= %.0f ms: %s)\n", what, ms, target_ms,
              ms <= target_ms ? "met" : "NOT MET");
}

struct Options {
  std::string file;
  bench::ClinicSize size;
  int runs = 5;
};

Options parse(int argc, char** argv) {
  Options o;
  o.file = (std::filesystem::temp_directory_path() / "vigil-history-bench.db").string();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--db") o.file = argv[i + 1];
    if (k == "--sessions") o.size.sessions = std::stoi(argv[i + 1]);
    if (k == "--audit") o.size.audit_entries = std::stol(argv[i + 1]);
    if (k == "--runs") o.runs = std::stoi(argv[i + 1]);
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);  // fonts for the PDFs
  const Options o = parse(argc, argv);
  const auto fixture = bench::clinic_fixture(o.file, o.size);
  std::printf(
      "fixture: %s, %d sessions, %ld audit entries, an %d-hour session with vitals%s\n",
      o.file.c_str(), o.size.sessions, o.size.audit_entries, o.size.long_session_hours,
      fixture.build_seconds > 0
          ? (" (built in " + std::to_string(static_cast<int>(fixture.build_seconds)) + " s)")
                .c_str()
          : " (reused)");
  auto store = db::Store::open(o.file, db::OpenMode::open_existing);
  const db::UtcMs now = bench::kClinicStart + 5 * 365 * 86'400'000LL + 86'400'000LL;
  const auto nurse = bench::login(store, "nurse1", now);
  const auto clinician = bench::login(store, "clin1", now);
  const auto auditor = bench::login(store, "audit1", now);
  const int runs = o.runs;

  db::SessionHistoryFilter by_patient;
  by_patient.patient_identifier = fixture.patient_of_long_session;
  row("history: one patient's sessions",
      median_ms(runs, [&] { db::list_sessions(store, nurse, by_patient, now); }), 100);
  db::SessionHistoryFilter by_phase;
  by_phase.phase = core::SessionPhase::observation;
  row("history: every session in a phase (observation: all of them)",
      median_ms(runs, [&] { db::list_sessions(store, nurse, by_phase, now); }), 100);

  const auto id = fixture.long_session;
  row("open the 8-hour session: record, whole-session trends, a minute of pleth",
      median_ms(runs,
                [&] {
                  const auto r = db::view_session_record(store, nurse, id, now);
                  const auto span = db::session_vitals_span(store, nurse, id, now);
                  db::read_session_trends(store, nurse, id,
                                          {core::Channel::spo2, core::Channel::pulse_rate},
                                          span->first, span->second + 1, 600, now);
                  db::read_session_waveform(store, nurse, id, core::Channel::pleth, span->first,
                                            span->first + 60'000, now);
                }),
      500);
  const std::string pdf =
      (std::filesystem::temp_directory_path() / "vigil-history-bench.pdf").string();
  row("session report PDF of the 8-hour session",
      median_ms(runs,
                [&] {
                  report::write_session_report(store, clinician, id, QString::fromStdString(pdf),
                                               report::Paper::a4, now);
                }),
      3000);

  row("REMS form (read through the store and PDF)",
      median_ms(runs,
                [&] {
                  const auto form =
                      db::read_rems_form(store, clinician, fixture.esketamine_session, now);
                  report::write_rems_form(form, QString::fromStdString(pdf), report::Paper::a4);
                }),
      1000);

  const auto first_page = [&](db::AuditLogFilter f) {
    return median_ms(runs, [&] { db::read_audit_log_page(store, auditor, f, 0, 200, now); });
  };
  db::AuditLogFilter f;
  f.actor_name = "nurse1";
  row("auditor, first page: by user", first_page(f), 200);
  f = {};
  f.action = "sign_note";
  row("auditor, first page: by action (sign_note)", first_page(f), 200);
  f = {};
  f.entity = "administrations";
  row("auditor, first page: by entity (administrations)", first_page(f), 200);
  f = {};
  f.session_id = id;
  row("auditor, first page: by session (the newest)", first_page(f), 200);
  f = {};
  f.from_utc_ms = bench::kClinicStart + 3 * 365 * 86'400'000LL;
  f.to_utc_ms = *f.from_utc_ms + 86'400'000LL;
  row("auditor, first page: one day three years in", first_page(f), 200);

  const long rss_before = resident_kib();
  std::ofstream null("/dev/null");
  const auto t0 = std::chrono::steady_clock::now();
  const auto n = db::export_audit_log(store, auditor, {}, db::AuditExportFormat::csv, null, now);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const long rss_after = resident_kib();
  std::printf("%-72s %9.1f s   (%zu entries; resident %ld MiB before, %ld MiB after)\n",
              "auditor: the whole log exported as CSV (streamed)", s, n, rss_before / 1024,
              rss_after / 1024);
  return 0;
}
