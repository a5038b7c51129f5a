// Crash: a child process records vitals and clinical records continuously through a Recorder
// and is killed with SIGKILL at random moments. After each kill the file must pass
// integrity_check, the audit chain must verify, every clinical record whose call had returned
// must be there, and no vital handed over more than 1 s before the kill may be missing.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "db_test_support.hpp"
#include "vigil/db/note_store.hpp"
#include "vigil/db/recorder.hpp"

namespace vigil::db {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr int kRounds = 20;
constexpr UtcMs kMaxVitalsLossMs = 1000;
constexpr core::Channel kChannels[] = {
    core::Channel::spo2, core::Channel::pulse_rate, core::Channel::perfusion_index,
    core::Channel::pvi,  core::Channel::spco,       core::Channel::spmet};

UtcMs wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// One line per write(): shorter than PIPE_BUF, so lines from two threads never interleave.
void send(int fd, const char* fmt, long long a, long long b = 0) {
  char line[64];
  const int n = std::snprintf(line, sizeof line, fmt, a, b);
  if (::write(fd, line, static_cast<std::size_t>(n)) != n) ::_exit(3);
}

// The child: 6 channels at 100 Hz stamped with the wall clock, a pleth block per second, and
// BP observations and draft notes one after the other. Reports:
//   "V <t> <n>"  every vital up to stamp t has been handed over, n of them this run
//   "B <id>" / "N <id>"  record_bp / draft_note returned this id
// With sparse_clinical the child pauses 2 s after each clinical record, so only the recorder's
// commit timer (not the commit before a clinical task) keeps vitals within the 1 s bound.
[[noreturn]] void child_main(const std::filesystem::path& file, RowId session, const Actor& nurse,
                             int fd, bool sparse_clinical) {
  try {
    Recorder rec(Store::open(file, OpenMode::open_existing));
    std::thread vitals([&] {
      long long handed = 0;
      std::vector<std::int16_t> pleth(75);
      auto next = Clock::now();
      for (int tick = 0;; ++tick) {
        const UtcMs t = wall_ms();
        for (core::Channel ch : kChannels) {
          core::Reading r;
          r.channel = ch;
          r.value = 50.0 + tick % 40;
          r.utc_time = core::UtcTime(std::chrono::milliseconds(t));
          if (!rec.record_reading(session, r)) send(fd, "D %lld %lld\n", t, handed);
          ++handed;
        }
        if (tick % 100 == 0) {
          for (std::size_t i = 0; i < pleth.size(); ++i) pleth[i] = static_cast<std::int16_t>(i);
          rec.record_waveform_block(session, core::Channel::pleth, t, 75.0, pleth);
        }
        send(fd, "V %lld %lld\n", t, handed);
        next += 10ms;
        std::this_thread::sleep_until(next);
      }
    });
    for (int i = 0;; ++i) {
      const UtcMs now = wall_ms();
      if (i % 2 == 0) {
        const BpObservation bp{session, now, 118, 76, std::nullopt, core::BpSource::device};
        send(fd, "B %lld\n",
             rec.run_clinical([&](db::Store& store) { return record_bp(store, nurse, bp, now); }));
      } else {
        send(fd, "N %lld\n", rec.run_clinical([&](db::Store& store) {
          return draft_note(store, nurse, session, NoteType::dosing, "observed, calm", now);
        }));
      }
      if (sparse_clinical) std::this_thread::sleep_for(2s);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "crash test child: %s\n", e.what());
  }
  ::_exit(2);
}

struct RoundReport {
  std::vector<RowId> bps, notes;
  std::vector<std::pair<UtcMs, long long>> vitals;  // (stamp, handed over so far)
  bool dropped = false;
  std::string unknown;
};

void parse(const std::string& text, RoundReport& out) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::istringstream f(line.substr(1));
    long long a = 0, b = 0;
    f >> a >> b;
    switch (line[0]) {
      case 'B':
        out.bps.push_back(a);
        break;
      case 'N':
        out.notes.push_back(a);
        break;
      case 'V':
        out.vitals.emplace_back(a, b);
        break;
      case 'D':
        out.dropped = true;
        break;
      default:
        out.unknown += line + "\n";
    }
  }
}

// Reads the pipe until `deadline` (or, with ready_only, until the first vitals report).
void pump(int fd, std::string& text, Clock::time_point deadline, bool ready_only = false) {
  char buf[4096];
  while (Clock::now() < deadline) {
    if (ready_only && text.find('V') != std::string::npos) return;
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count()) + 1) <= 0) continue;
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) return;
    text.append(buf, static_cast<std::size_t>(n));
  }
}

std::int64_t count_where(SQLite::Database& db, const std::string& sql) {
  return db.execAndGet(sql).getInt64();
}

TEST(RecorderCrash, SigkillLosesNoClinicalRecordAndAtMostOneSecondOfVitals) {
  test::TempDir dir;
  const auto file = dir / "crash.db";
  RowId session = 0;
  Actor nurse;
  {
    auto store = Store::open(file, OpenMode::create_or_open);
    const UtcMs now = wall_ms();
    const auto cheap = PasswordCost::cheapest();
    const Actor admin = create_first_admin(store, "admin", test::kPassword, now, cheap);
    nurse = add_user(store, admin, "nina", Role::nurse, test::kPassword, now, cheap);
    const Actor carl = add_user(store, admin, "carl", Role::clinician, test::kPassword, now, cheap);
    const RowId patient =
        create_patient(store, nurse, {"MRN-9", "Pat", "1980-01-01", "male", 80}, now);
    NewSession s;
    s.patient_id = patient;
    s.chair = "chair 1";
    s.planned_utc_ms = now;
    session = create_session(store, carl, s, now);
  }

  std::mt19937 rng(20260921);
  std::uniform_int_distribution<int> delay_ms(100, 600);
  std::vector<RowId> all_bps, all_notes;
  int vitals_checks = 0;
  UtcMs previous_kill = 0;
  for (int round = 0; round < kRounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::close(fds[0]);
      child_main(file, session, nurse, fds[1], round % 4 == 1);
    }
    ::close(fds[1]);
    // Even rounds: killed 100-600 ms after the start (also while opening); odd rounds: 100-600 ms
    // after it has recorded for a second, so that some vitals are older than the 1 s bound
    // (every other one with sparse clinical records: the commit timer alone keeps that bound).
    std::string text;
    const auto delay = std::chrono::milliseconds(delay_ms(rng));
    auto kill_at = Clock::now() + delay;
    if (round % 2 == 1) {
      pump(fds[0], text, Clock::now() + 5s, /*ready_only=*/true);
      kill_at = Clock::now() + 1000ms + delay;
    }
    pump(fds[0], text, kill_at);
    const UtcMs killed_at = wall_ms();
    ASSERT_EQ(::kill(pid, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status)) << "child ended by itself, status " << status;
    pump(fds[0], text, Clock::now() + 2s);  // the rest, up to EOF
    ::close(fds[0]);

    RoundReport report;
    parse(text, report);
    EXPECT_FALSE(report.dropped) << "the recorder dropped vitals";
    EXPECT_EQ(report.unknown, "");
    all_bps.insert(all_bps.end(), report.bps.begin(), report.bps.end());
    all_notes.insert(all_notes.end(), report.notes.begin(), report.notes.end());

    auto store = Store::open(file, OpenMode::open_existing);
    SQLite::Database& db = raw_connection(store);
    EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
    const auto chain = verify_audit_chain(store);
    EXPECT_TRUE(chain.ok) << chain.problem;
    EXPECT_GT(chain.seals, 0);  // the vitals' seals committed with them
    for (RowId id : all_bps) {
      EXPECT_EQ(count_where(db, "SELECT count(*) FROM observations WHERE id=" + std::to_string(id)),
                1)
          << "BP " << id << " returned but is missing";
    }
    for (RowId id : all_notes) {
      EXPECT_EQ(count_where(db, "SELECT count(*) FROM notes WHERE id=" + std::to_string(id)), 1)
          << "note " << id << " returned but is missing";
    }
    // The last vitals report at least 1 s before the kill: all it covers must be there.
    const std::pair<UtcMs, long long>* covered = nullptr;
    for (const auto& v : report.vitals) {
      if (v.first <= killed_at - kMaxVitalsLossMs) covered = &v;
    }
    if (covered) {
      ++vitals_checks;
      const auto stored = count_where(
          db, "SELECT count(*) FROM vitals_numeric WHERE session_id=" + std::to_string(session) +
                  " AND t_utc_ms > " + std::to_string(previous_kill) +
                  " AND t_utc_ms <= " + std::to_string(covered->first));
      EXPECT_EQ(stored, covered->second)
          << "vitals handed over up to " << killed_at - covered->first
          << " ms before the kill are missing";
    }
    previous_kill = killed_at;
  }
  EXPECT_GE(vitals_checks, kRounds / 2 - 1);
  EXPECT_GT(all_bps.size() + all_notes.size(), std::size_t{kRounds});
  std::printf("crash rounds %d, vitals checks %d, clinical records confirmed %zu\n", kRounds,
              vitals_checks, all_bps.size() + all_notes.size());
}

}  // namespace
}  // namespace vigil::db
