// The store's throughput targets (README "Performance"), in one run:
//   RawInsertCeiling     prepared-statement inserts into `vitals` (schema version 2), WAL + FULL,
//                        one row per INSERT or 32 (as the Recorder), 1000-row transactions (the
//                        ceiling: 32 rows per INSERT) and 16384 (the Recorder's batch)
//   RawInsertVersion1    one row per INSERT into version 1's vitals_numeric (text channel,
//                        foreign key, index), for comparison
//   RecorderVitals       the same rows through the Recorder, unsealed then sealed (batch_rows
//                        1000 as the ceiling, and 16384, the Recorder's default): sealed >= 1M
//                        rows/s at 1000-row batches and >= 80% of the unsealed run before it
//   ReadFourHourSession  6 numeric channels at 1 Hz + pleth 75 Hz in 1 s blocks: <= 100 ms
//   VerifyFourHourSession  audit verify of that session, sealed as the station seals it (a batch
//                        every half second: 28,800 seals): < 1 s
//   AuditVerify          a 100k-entry chain: >= 200k entries/s
//   DatabaseSizePerHour  bytes one hour of session adds (6 channels at 1 Hz + pleth 75 Hz,
//                        seals included)

#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <time.h>
#include <unistd.h>

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "vigil/db/audit_chain.hpp"
#include "vigil/db/channel_code.hpp"
#include "vigil/db/database.hpp"
#include "vigil/db/patient_store.hpp"
#include "vigil/db/recorder.hpp"
#include "vigil/db/schema.hpp"
#include "vigil/db/session_store.hpp"
#include "vigil/db/user_store.hpp"

namespace vigil::db {
namespace {

constexpr UtcMs kT0 = 1'790'000'000'000;
constexpr core::Channel kNumeric[] = {
    core::Channel::spo2, core::Channel::pulse_rate, core::Channel::perfusion_index,
    core::Channel::pvi,  core::Channel::spco,       core::Channel::spmet};
constexpr int kPlethHz = 75;
double g_ceiling_rows_per_s = 0;   // set by RawInsertCeiling, which runs first
double g_unsealed_rows_per_s = 0;  // set by the unsealed RecorderVitals run before the sealed

// A fresh database file with one session in a folder of its own, removed afterwards.
struct BenchDb {
  std::filesystem::path dir;
  std::filesystem::path file;
  RowId session = 0;

  explicit BenchDb(int schema_version = program_schema_version()) {
    static int counter = 0;
    dir = std::filesystem::temp_directory_path() /
          ("vigil-db-bench-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir);
    file = dir / "bench.db";
    if (schema_version < program_schema_version()) {
      // An older file: its session written as that version's schema holds it (the store's
      // functions write today's columns).
      auto db = open_database_at_schema_version(file, schema_version);
      db.exec(
          "INSERT INTO patients (identifier, name, date_of_birth, sex) VALUES "
          "('MRN-1', 'Pat', '1980-01-01', 'female');"
          "INSERT INTO sessions (type, patient_id, chair, planned_utc_ms, phase) VALUES "
          "('dosing', 1, 'chair 1', " +
          std::to_string(kT0) + ", 'planned')");
      session = db.getLastInsertRowid();
      return;
    }
    auto store = adopt_connection(open_database_at_schema_version(file, schema_version), file);
    const auto cheap = PasswordCost::cheapest();
    const Actor admin = create_first_admin(store, "admin", "correct horse battery", kT0, cheap);
    const Actor nurse =
        add_user(store, admin, "nina", Role::nurse, "correct horse battery", kT0, cheap);
    const Actor carl =
        add_user(store, admin, "carl", Role::clinician, "correct horse battery", kT0, cheap);
    NewSession s;
    s.patient_id = create_patient(store, nurse, {"MRN-1", "Pat", "1980-01-01", "female", 70}, kT0);
    s.chair = "chair 1";
    s.planned_utc_ms = kT0;
    session = create_session(store, carl, s, kT0);
  }
  ~BenchDb() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  BenchDb(const BenchDb&) = delete;
  BenchDb& operator=(const BenchDb&) = delete;

  SQLite::Database open() const { return open_database(file, OpenMode::open_existing); }
  // Without the upgrade open_database() would apply.
  SQLite::Database open_as_is() const {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=FULL");
    db.exec("PRAGMA foreign_keys=ON");
    return db;
  }
  // Main file size with the WAL checkpointed into it.
  std::uintmax_t checkpointed_size() const {
    auto db = open();
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return std::filesystem::file_size(file);
  }
};

double cpu_seconds(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// Binds one row as the recorder writes it (one session, a new time per row, so seq 0) at
// parameter offset `at`.
void bind_row(sqlite3_stmt* st, int at, RowId session, core::Channel ch, UtcMs t) {
  sqlite3_bind_int64(st, at + 1, session);
  sqlite3_bind_int64(st, at + 2, t);
  sqlite3_bind_int64(st, at + 3, 0);
  sqlite3_bind_int(st, at + 4, channel_code(ch));
  sqlite3_bind_double(st, at + 5, 97);
  sqlite3_bind_int64(st, at + 6, 0);
  sqlite3_bind_int(st, at + 7, 1);
}

// The same row in version 1's vitals_numeric (text channel).
void bind_row_v1(sqlite3_stmt* st, int at, RowId session, core::Channel ch, UtcMs t) {
  const auto name = core::channel_name(ch);
  sqlite3_bind_int64(st, at + 1, session);
  sqlite3_bind_text(st, at + 2, name.data(), static_cast<int>(name.size()), SQLITE_STATIC);
  sqlite3_bind_int64(st, at + 3, t);
  sqlite3_bind_double(st, at + 4, 97);
  sqlite3_bind_int64(st, at + 5, 0);
  sqlite3_bind_int(st, at + 6, 1);
}

sqlite3_stmt* prepare_insert(sqlite3* h, const std::string& head, const std::string& tuple,
                             int rows) {
  std::string sql = head;
  for (int i = 0; i < rows; ++i) sql += (i == 0 ? "" : ",") + tuple;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    throw std::runtime_error(sqlite3_errmsg(h));
  }
  return st;
}

// range(0) rows in transactions of range(1) rows, up to range(2) rows per INSERT statement
// (prepared once, bound in place); returns rows/s.
template <class BindRow>
double raw_inserts(benchmark::State& state, SQLite::Database& db, const std::string& head,
                   const std::string& tuple, int columns, RowId session, BindRow bind) {
  const int rows = static_cast<int>(state.range(0));
  const int per_tx = static_cast<int>(state.range(1));
  const int per_insert = static_cast<int>(state.range(2));
  sqlite3* h = db.getHandle();
  sqlite3_stmt* full = prepare_insert(h, head, tuple, per_insert);
  const int rest = per_tx % per_insert;  // the transaction's last, shorter INSERT
  sqlite3_stmt* tail = rest > 0 ? prepare_insert(h, head, tuple, rest) : nullptr;
  UtcMs t = kT0;
  double seconds = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < rows; i += per_tx) {
      sqlite3_exec(h, "BEGIN", nullptr, nullptr, nullptr);
      for (int j = 0; j < per_tx; j += per_insert) {
        const int n = std::min(per_insert, per_tx - j);
        sqlite3_stmt* st = n == per_insert ? full : tail;
        for (int k = 0; k < n; ++k, ++t) bind(st, k * columns, session, kNumeric[(j + k) % 6], t);
        if (sqlite3_step(st) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(h));
        sqlite3_reset(st);
      }
      sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr);
    }
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  sqlite3_finalize(full);
  sqlite3_finalize(tail);
  state.SetItemsProcessed(state.iterations() * rows);
  return static_cast<double>(state.iterations() * rows) / seconds;
}

void BM_RawInsertCeiling(benchmark::State& state) {
  BenchDb bench;
  auto store = adopt_connection(bench.open(), bench.file);
  SQLite::Database& db = raw_connection(store);
  const double rate = raw_inserts(state, db,
                                  "INSERT INTO vitals (session_id, t_utc_ms, seq, channel, value, "
                                  "flags, device_id) VALUES ",
                                  "(?,?,?,?,?,?,?)", 7, bench.session, bind_row);
  // The ceiling: 1000-row transactions with the recorder's statement (32 rows per INSERT).
  if (state.range(1) == 1000 && state.range(2) == 32) g_ceiling_rows_per_s = rate;
}
BENCHMARK(BM_RawInsertCeiling)
    ->ArgNames({"rows", "tx_rows", "insert_rows"})
    ->Args({200'000, 1000, 1})
    ->Args({200'000, 1000, 32})
    ->Args({196'608, 16384, 32})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_RawInsertVersion1(benchmark::State& state) {
  BenchDb bench(1);
  auto db = bench.open_as_is();
  raw_inserts(state, db,
              "INSERT INTO vitals_numeric (session_id, channel, t_utc_ms, value, flags, "
              "device_id) VALUES ",
              "(?,?,?,?,?,?)", 6, bench.session, bind_row_v1);
}
BENCHMARK(BM_RawInsertVersion1)
    ->ArgNames({"rows", "tx_rows", "insert_rows"})
    ->Args({200'000, 1000, 1})
    ->Args({196'608, 16384, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_RecorderVitals(benchmark::State& state) {
  BenchDb bench;
  RecorderOptions options;
  options.batch_rows = static_cast<std::size_t>(state.range(1));
  const bool sealed = state.range(2) != 0;
  options.seal_vitals = sealed;
  Recorder rec(adopt_connection(bench.open(), bench.file), std::move(options));
  const int rows = static_cast<int>(state.range(0));
  core::Reading r;
  r.value = 97;
  r.device = 1;
  UtcMs t = kT0;
  std::uint64_t full = 0;  // pushes retried because the ring was full
  double seconds = 0;
  double writer_cpu = 0;  // CPU seconds of every thread but this one (the producer)
  for (auto _ : state) {
    const double cpu_start =
        cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
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
    writer_cpu +=
        cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - cpu_start;
  }
  const auto c = rec.counters();
  state.SetItemsProcessed(state.iterations() * rows);
  const double rate = static_cast<double>(state.iterations() * rows) / seconds;
  if (g_ceiling_rows_per_s > 0)
    state.counters["pct_of_ceiling"] = 100 * rate / g_ceiling_rows_per_s;
  if (!sealed) {
    g_unsealed_rows_per_s = rate;
  } else if (g_unsealed_rows_per_s > 0) {
    state.counters["pct_of_unsealed"] = 100 * rate / g_unsealed_rows_per_s;
    state.counters["seals"] = static_cast<double>(c.seals);
  }
  state.counters["rows_per_batch"] = static_cast<double>(c.rows_written) /
                                     static_cast<double>(std::max<std::uint64_t>(1, c.batches));
  state.counters["max_depth"] = static_cast<double>(c.max_queue_depth);
  state.counters["full_retries"] = static_cast<double>(full);
  // The writer's CPU per row: what the recorder costs, whatever else the machine runs.
  state.counters["writer_cpu_us_per_row"] =
      1e6 * writer_cpu / static_cast<double>(state.iterations() * rows);
}
BENCHMARK(BM_RecorderVitals)
    ->ArgNames({"rows", "batch_rows", "sealed"})
    ->Args({200'000, 1000, 0})
    ->Args({200'000, 1000, 1})
    ->Args({200'000, 16384, 0})
    ->Args({200'000, 16384, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// One hour (or more) of a session: 6 numeric channels at 1 Hz and pleth at 75 Hz in 1 s blocks,
// through the Recorder as the station writes it: a batch (and its seal) every half second of
// data, as the station's 500 ms commit interval makes them. Without fsync (synchronous=OFF),
// which changes the time the set-up takes, not the file.
void record_session_hours(const BenchDb& bench, int hours) {
  auto store = adopt_connection(bench.open(), bench.file);
  raw_connection(store).exec("PRAGMA synchronous=OFF");
  Recorder rec(std::move(store));
  core::Reading r;
  std::vector<std::int16_t> pleth(kPlethHz);
  for (int s = 0; s < hours * 3600; ++s) {
    const UtcMs t = kT0 + UtcMs{s} * 1000;
    for (std::size_t ch = 0; ch < 6; ++ch) {
      r.channel = kNumeric[ch];
      r.value = 60 + (s + static_cast<int>(ch)) % 40;
      r.utc_time = core::UtcTime(std::chrono::milliseconds(t));
      while (!rec.record_reading(bench.session, r)) std::this_thread::yield();
      if (ch == 2) rec.flush();  // the first half second's batch
    }
    for (int i = 0; i < kPlethHz; ++i) {
      pleth[static_cast<std::size_t>(i)] = static_cast<std::int16_t>(2000 + (s * 75 + i) % 600);
    }
    while (!rec.record_waveform_block(bench.session, core::Channel::pleth, t, kPlethHz, pleth)) {
      std::this_thread::yield();
    }
    rec.flush();  // the second
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
  auto store = adopt_connection(bench.open(), bench.file);
  SQLite::Database& db = raw_connection(store);
  std::size_t rows = 0, samples = 0;
  for (auto _ : state) {
    std::vector<VitalRow> vitals;
    std::vector<Block> blocks;
    SQLite::Statement q(db,
                        "SELECT channel, t_utc_ms, value FROM vitals WHERE session_id = ? "
                        "ORDER BY t_utc_ms, seq");
    q.bind(1, bench.session);
    while (q.executeStep()) {
      const auto ch = channel_from_code(q.getColumn(0).getInt64()).value_or(core::Channel::spo2);
      const bool absent = q.getColumn(2).isNull();
      vitals.push_back(
          {ch, q.getColumn(1).getInt64(), absent ? 0 : q.getColumn(2).getDouble(), absent});
    }
    SQLite::Statement b(db,
                        "SELECT start_utc_ms, sample_rate_hz, samples FROM waveforms "
                        "WHERE session_id = ? AND channel = ? ORDER BY start_utc_ms");
    b.bind(1, bench.session);
    b.bind(2, channel_code(core::Channel::pleth));
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

void BM_VerifyFourHourSession(benchmark::State& state) {
  BenchDb bench;
  record_session_hours(bench, 4);
  auto store = adopt_connection(bench.open(), bench.file);
  AuditVerification v;
  for (auto _ : state) {
    v = verify_audit_chain(store);
    if (!v.ok) state.SkipWithError(v.problem.c_str());
  }
  state.counters["seals"] = static_cast<double>(v.seals);
  state.counters["numeric_rows"] = static_cast<double>(v.sealed_rows);
  state.counters["pleth_blocks"] = static_cast<double>(v.sealed_blocks);
  state.counters["audit_entries"] = static_cast<double>(v.entries);
}
BENCHMARK(BM_VerifyFourHourSession)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_AuditVerify(benchmark::State& state) {
  BenchDb bench;
  auto store = adopt_connection(bench.open(), bench.file);
  SQLite::Database& db = raw_connection(store);
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
    const auto v = verify_audit_chain(store);
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
