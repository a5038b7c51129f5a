#include "demo_bedside.hpp"

#include <unistd.h>

#include <stdexcept>

#include "vigil/db/store.hpp"
#include "vigil/drivers/sim/scenario.hpp"

namespace vigil::demo {
namespace {

namespace sim = drivers::sim;
using namespace std::chrono_literals;

constexpr double kMinSpeed = 0.1;
constexpr double kMaxSpeed = 100;
constexpr auto kNibpInterval = std::chrono::minutes(5);  // the demo's BP schedule

std::filesystem::path temporary_db_file() {
  const auto stamp = std::chrono::system_clock::now().time_since_epoch().count();
  return std::filesystem::temp_directory_path() /
         ("vigil-demo-" + std::to_string(::getpid()) + "-" + std::to_string(stamp) + ".db");
}

std::unique_ptr<sim::PtySimulator> start_simulator(const std::string& device, double speed,
                                                   double start_at_s,
                                                   std::chrono::steady_clock::time_point epoch) {
  sim::SimulatorOptions o;
  o.device = device;
  o.timeline = sim::demo_session_timeline();
  o.speed = speed;
  o.start_at_s = start_at_s;
  o.epoch = epoch;
  auto s = std::make_unique<sim::PtySimulator>(std::move(o));
  s->start();
  return s;
}

}  // namespace

std::optional<std::string> demo_options_problem(const DemoOptions& o) {
  if (!(o.speed >= kMinSpeed && o.speed <= kMaxSpeed)) {
    return "--speed: must be a number in 0.1..100 (scenario seconds per real second)";
  }
  if (!(o.start_at_min >= 0 && o.start_at_min <= sim::kDemoSessionLength_s / 60)) {
    return "--start-at: must be a number of minutes in 0..150 (the scripted session's length)";
  }
  return std::nullopt;
}

DemoBedside::DemoBedside(DemoOptions options)
    : options_(std::move(options)),
      // The simulators start sending a little after the station opens its ports.
      epoch_(std::chrono::steady_clock::now() + 200ms),
      clock_(options_.speed > 0 ? options_.speed : 1.0, epoch_,
             std::chrono::system_clock::now() + 200ms) {
  if (auto problem = demo_options_problem(options_)) throw std::invalid_argument(*problem);
  const double start_s = options_.start_at_min * 60;
  // Scenario second t happens at UTC utc0 + (t - start) on the scaled clock.
  const auto utc0 = clock_.utc_at_epoch();
  auto utc_at = [utc0, start_s](double t_s) {
    return utc0 + std::chrono::duration_cast<std::chrono::system_clock::duration>(
                      std::chrono::duration<double>(t_s - start_s));
  };
  const auto file = options_.db_file.empty() ? temporary_db_file() : options_.db_file;
  if (options_.scripted) {
    record_ = std::make_unique<DemoRecord>(file, utc_at);
  } else {
    site_ = std::make_unique<DemoSite>(file, std::chrono::duration_cast<std::chrono::milliseconds>(
                                                 clock_.utc_now().time_since_epoch())
                                                 .count());
  }
  db::RecorderOptions ro;
  ro.on_condition = [this](const core::DeviceCondition& c) {
    if (auto* s = station_.load()) s->report_recorder_condition(c);
  };
  recorder_ =
      std::make_unique<db::Recorder>(db::Store::open(db_file(), db::OpenMode::open_existing), ro);
  oximeter_ = start_simulator("nonin-df2", options_.speed, start_s, epoch_);
  nibp_ = start_simulator("suntech", options_.speed, start_s, epoch_);
}

DemoBedside::~DemoBedside() {
  station_ = nullptr;
  if (nibp_) nibp_->stop();
  if (oximeter_) oximeter_->stop();
  if (recorder_) recorder_->stop();
}

double DemoBedside::scenario_s() const {
  return options_.start_at_min * 60 +
         std::chrono::duration<double>(clock_.steady_now() - epoch_).count();
}

station::StationConfig DemoBedside::station_config() const {
  station::StationConfig c;
  c.clock = &clock_;
  auto device = [this](core::DeviceId id, const char* name, const char* protocol,
                       const sim::PtySimulator& simulator) {
    drivers::DeviceSessionConfig d;
    d.device_id = id;
    d.name = name;
    d.protocol = protocol;
    d.identity = drivers::DeviceIdentity::parse(simulator.link_path());
    d.time_scale = options_.speed;
    return d;
  };
  drivers::DeviceSessionConfig ox = device(1, "Pulse oximeter", "nonin-df2", *oximeter_);
  drivers::DeviceSessionConfig bp = device(2, "NIBP", "suntech", *nibp_);
  bp.nibp_interval = std::chrono::duration_cast<std::chrono::milliseconds>(kNibpInterval);
  c.devices = {ox, bp};
  return c;
}

std::vector<std::string> DemoBedside::begin(station::Station& station) {
  station_ = &station;
  if (!record_) return {};
  station::SessionRecording r;
  r.recorder = recorder_.get();
  r.actor = record_->accounts().nurse;
  r.session_id = record_->session_id();
  r.info.patient_id = "DEMO-0001";
  r.info.patient_name = "Alex Demo";
  r.info.phase = record_->phase();
  r.elapsed_before = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::duration<double>(options_.start_at_min * 60));
  station.begin_session(std::move(r));
  station.set_nibp_baseline(124, 78);  // the scripted record's pre-dose BP
  station.set_phase(record_->phase());
  // A first BP once the module's port is open; then every kNibpInterval of scenario time.
  first_nibp_due_ = std::chrono::steady_clock::now() + 1s;
  return step(station);
}

std::vector<std::string> DemoBedside::step(station::Station& station) {
  if (!record_) return {};
  if (first_nibp_due_ && std::chrono::steady_clock::now() >= *first_nibp_due_) {
    first_nibp_due_.reset();
    station.request_nibp(2);
  }
  DemoRecord::Hooks hooks;
  hooks.now_s = [this] { return scenario_s(); };
  hooks.on_phase = [&station](core::SessionPhase p) { station.set_phase(p); };
  hooks.on_dose = [this, &station](double at_s, const std::string& label) {
    const auto ago = std::chrono::duration_cast<core::SteadyTime::duration>(
        std::chrono::duration<double>(scenario_s() - at_s));
    station.add_marker(station::TrendMarker::Kind::dose, clock_.steady_now() - ago, label);
  };
  // A closed record takes no more vitals: the bedside keeps watching, unrecorded.
  hooks.before_close = [&station] { station.end_session(); };
  return record_->run_due(*recorder_, hooks);
}

std::vector<std::string> DemoBedside::finish(station::Station& station) {
  if (finished_) return {};
  finished_ = true;
  station_ = nullptr;
  if (!record_) return {};
  station.end_session();
  auto lines = record_->finish(scenario_s(), *recorder_);
  recorder_->flush();
  return lines;
}

}  // namespace vigil::demo
