// The store's throughput targets (issue 5), in one run:
//   RawInsertCeiling     prepared-statement inserts, 1000-row transactions, WAL + FULL
//   RecorderVitals       the same rows through the Recorder: >= 500k rows/s, >= 50% of ceiling
//                        (batch_rows 1000 as the ceiling, and 16384, the Recorder's default)
//   ReadFourHourSession  6 numeric channels at 1 Hz + pleth 75 Hz in 1 s blocks: <= 100 ms
//   AuditVerify          a 100k-entry chain: >= 200k entries/s
//   DatabaseSizePerHour  bytes one hour of session adds (6 channels at 1 Hz + pleth 75 Hz)

#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <SQLiteCpp/Statement.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "vigil/db/audit_chain.hpp"
#include "vigil/db/database.hpp"
#include "vigil/db/patient_store.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/db/session_store.hpp"
#include "vigil/db/user_store.hpp"

namespace vigil::db {
namespace {

constexpr UtcMs kT0 = 1'790'000'000'000;
constexpr core::Channel kNumeric[] = {
    core::Channel::spo2, core::Channel::pulse_rate, core::Channel::perfusion_index,
    core::Channel::pvi,  core::Channel::spco,       core::Channel::spmet};
constexpr int kPlethHz = 75;
double g_ceiling_rows_per_s = 0;  // set by RawInsertCeiling, which runs first

// A fresh database file with one session in a folder of its own, removed afterwards.
struct BenchDb {
  std::filesystem::path dir;
  std::filesystem::path file;
  RowId session = 0;

  BenchDb() {
    static int counter = 0;
    dir = std::filesystem::temp_directory_path() /
          ("vigil-db-bench-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir);
    file = dir / "bench.db";
    auto db = open_database(file, OpenMode::create_or_open);
    const auto cheap = PasswordCost::cheapest();
    const Actor admin = create_first_admin(db, "admin", "correct horse battery", kT0, cheap);
    const Actor nurse =
        add_user(db, admin, "nina", Role::nurse, "correct horse battery", kT0, cheap);
    const Actor carl =
        add_user(db, admin, "carl", Role::clinician, "correct horse battery", kT0, cheap);
    NewSession s;
    s.patient_id = create_patient(db, nurse, {"MRN-1", "Pat", "1980-01-01", "female", 70}, kT0);
    s.chair = "chair 1";
    s.planned_utc_ms = kT0;
    session = create_session(db, carl, s, kT0);
  }
  ~BenchDb() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  BenchDb(const BenchDb&) = delete;
  BenchDb& operator=(const BenchDb&) = delete;

  SQLite::Database open() const { return open_database(file, OpenMode::open_existing); }
  // Main file size with the WAL checkpointed into it.
  std::uintmax_t checkpointed_size() const {
    auto db = open();
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return std::filesystem::file_size(file);
  }
};

void raw_insert(sqlite3* db, sqlite3_stmt* st, RowId session, core::Channel ch, UtcMs t, double v) {
  const auto name = core::channel_name(ch);
  sqlite3_bind_int64(st, 1, session);
  sqlite3_bind_text(st, 2, name.data(), static_cast<int>(name.size()), SQLITE_STATIC);
  sqlite3_bind_int64(st, 3, t);
  sqlite3_bind_double(st, 4, v);
  sqlite3_bind_int64(st, 5, 0);
  sqlite3_bind_int(st, 6, 1);
  if (sqlite3_step(st) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
  sqlite3_reset(st);
}

void BM_RawInsertCeiling(benchmark::State& state) {
  BenchDb bench;
  auto db = bench.open();
  sqlite3* h = db.getHandle();
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h,
                     "INSERT INTO vitals_numeric (session_id, channel, t_utc_ms, value, flags, "
                     "device_id) VALUES (?,?,?,?,?,?)",
                     -1, &st, nullptr);
  const int rows = static_cast<int>(state.range(0));
  UtcMs t = kT0;
  double seconds = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < rows; i += 1000) {
      sqlite3_exec(h, "BEGIN", nullptr, nullptr, nullptr);
      for (int j = 0; j < 1000; ++j, ++t) raw_insert(h, st, bench.session, kNumeric[j % 6], t, 97);
      sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr);
    }
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  sqlite3_finalize(st);
  state.SetItemsProcessed(state.iterations() * rows);
  g_ceiling_rows_per_s = static_cast<double>(state.iterations() * rows) / seconds;
}
BENCHMARK(BM_RawInsertCeiling)
    ->ArgName("rows")
    ->Arg(200'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_RecorderVitals(benchmark::State& state) {
  BenchDb bench;
  RecorderOptions options;
  options.batch_rows = static_cast<std::size_t>(state.range(1));
  Recorder rec(bench.open(), std::move(options));
  const int rows = static_cast<int>(state.range(0));
  core::Reading r;
  r.value = 97;
  r.device = 1;
  UtcMs t = kT0;
  std::uint64_t full = 0;  // pushes retried because the ring was full
  double seconds = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < rows; ++i, ++t) {
      r.channel = kNumeric[i % 6];
      r.utc_time = core::UtcTime(std::chrono::milliseconds(t));
      while (!rec.record_reading(bench.session, r)) {
        ++full;
        std::this_thread::yield();
      }
    }
    rec.flush();  // all committed
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  const auto c = rec.counters();
  state.SetItemsProcessed(state.iterations() * rows);
  const double rate = static_cast<double>(state.iterations() * rows) / seconds;
  if (g_ceiling_rows_per_s > 0)
    state.counters["pct_of_ceiling"] = 100 * rate / g_ceiling_rows_per_s;
  state.counters["rows_per_batch"] = static_cast<double>(c.rows_written) /
                                     static_cast<double>(std::max<std::uint64_t>(1, c.batches));
  state.counters["max_depth"] = static_cast<double>(c.max_queue_depth);
  state.counters["full_retries"] = static_cast<double>(full);
}
BENCHMARK(BM_RecorderVitals)
    ->ArgNames({"rows", "batch_rows"})
    ->Args({200'000, 1000})
    ->Args({200'000, 16384})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// One hour (or more) of a session: 6 numeric channels at 1 Hz and pleth at 75 Hz in 1 s blocks,
// through the Recorder as the station writes it.
void record_session_hours(const BenchDb& bench, int hours) {
  Recorder rec(bench.open());
  core::Reading r;
  std::vector<std::int16_t> pleth(kPlethHz);
  for (int s = 0; s < hours * 3600; ++s) {
    const UtcMs t = kT0 + UtcMs{s} * 1000;
    for (std::size_t ch = 0; ch < 6; ++ch) {
      r.channel = kNumeric[ch];
      r.value = 60 + (s + static_cast<int>(ch)) % 40;
      r.utc_time = core::UtcTime(std::chrono::milliseconds(t));
      while (!rec.record_reading(bench.session, r)) std::this_thread::yield();
    }
    for (int i = 0; i < kPlethHz; ++i) {
      pleth[static_cast<std::size_t>(i)] = static_cast<std::int16_t>(2000 + (s * 75 + i) % 600);
    }
    while (!rec.record_waveform_block(bench.session, core::Channel::pleth, t, kPlethHz, pleth)) {
      std::this_thread::yield();
    }
  }
  rec.stop();
}

struct VitalRow {
  core::Channel channel;
  UtcMs t;
  double value;
  bool absent;
};
struct Block {
  UtcMs start;
  double rate;
  std::vector<std::int16_t> samples;
};

void BM_ReadFourHourSession(benchmark::State& state) {
  BenchDb bench;
  record_session_hours(bench, 4);
  auto db = bench.open();
  std::size_t rows = 0, samples = 0;
  for (auto _ : state) {
    std::vector<VitalRow> vitals;
    std::vector<Block> blocks;
    SQLite::Statement q(db,
                        "SELECT channel, t_utc_ms, value FROM vitals_numeric WHERE session_id = ? "
                        "ORDER BY t_utc_ms");
    q.bind(1, bench.session);
    while (q.executeStep()) {
      const char* name = q.getColumn(0).getText();
      const auto ch = core::channel_from_name(name).value_or(core::Channel::spo2);
      const bool absent = q.getColumn(2).isNull();
      vitals.push_back(
          {ch, q.getColumn(1).getInt64(), absent ? 0 : q.getColumn(2).getDouble(), absent});
    }
    SQLite::Statement b(db,
                        "SELECT start_utc_ms, sample_rate_hz, samples FROM waveform_blocks "
                        "WHERE session_id = ? AND channel = 'pleth' ORDER BY start_utc_ms");
    b.bind(1, bench.session);
    while (b.executeStep()) {
      const auto blob = b.getColumn(2);
      const auto* p = static_cast<const unsigned char*>(blob.getBlob());
      Block block{b.getColumn(0).getInt64(), b.getColumn(1).getDouble(), {}};
      block.samples.resize(static_cast<std::size_t>(blob.getBytes()) / 2);
      for (std::size_t i = 0; i < block.samples.size(); ++i) {
        block.samples[i] = static_cast<std::int16_t>(p[2 * i] | (p[2 * i + 1] << 8));
      }
      blocks.push_back(std::move(block));
    }
    rows = vitals.size();
    samples = blocks.size() * kPlethHz;
    benchmark::DoNotOptimize(vitals.data());
    benchmark::DoNotOptimize(blocks.data());
  }
  state.counters["numeric_rows"] = static_cast<double>(rows);
  state.counters["pleth_samples"] = static_cast<double>(samples);
}
BENCHMARK(BM_ReadFourHourSession)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_AuditVerify(benchmark::State& state) {
  BenchDb bench;
  auto db = bench.open();
  db.exec("BEGIN");
  for (std::int64_t i = 0; i < state.range(0); ++i) {
    AuditEntry e;
    e.t_utc_ms = kT0 + i;
    e.actor_id = 2;
    e.actor_name = "nina";
    e.action = "bench";
    e.entity = "bench";
    e.new_value = R"({"bp":"120/80","n":)" + std::to_string(i) + "}";
    append_audit_entry(db, std::move(e));
  }
  db.exec("COMMIT");
  std::int64_t entries = 0;
  for (auto _ : state) {
    const auto v = verify_audit_chain(db);
    if (!v.ok) state.SkipWithError(v.problem.c_str());
    entries = v.entries;
  }
  state.SetItemsProcessed(state.iterations() * entries);
  state.counters["entries"] = static_cast<double>(entries);
}
BENCHMARK(BM_AuditVerify)->Arg(100'000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_DatabaseSizePerHour(benchmark::State& state) {
  for (auto _ : state) {
    BenchDb bench;
    const auto empty = bench.checkpointed_size();
    record_session_hours(bench, 1);
    const auto full = bench.checkpointed_size();
    state.counters["bytes_per_hour"] = static_cast<double>(full - empty);
    state.counters["MiB_per_hour"] = static_cast<double>(full - empty) / (1024.0 * 1024.0);
  }
}
BENCHMARK(BM_DatabaseSizePerHour)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace vigil::db
