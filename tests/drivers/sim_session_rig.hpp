#pragma once
// Test helper: a drivers/sim simulator on a real pty feeding a DeviceSession through the symlink
// the simulator publishes, both in compressed time (simulator speed = session time_scale), with
// conversions between real instants and scenario ("device") seconds. Plus the per-protocol table
// the table-driven simulator -> session tests run over.

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "pty_device.hpp"
#include "recording_listener.hpp"
#include "sim_test_support.hpp"
#include "vigil/drivers/acquisition_thread.hpp"
#include "vigil/drivers/device_session.hpp"
#include "vigil/drivers/session_protocol.hpp"
#include "vigil/drivers/sim/pty_simulator.hpp"
#include "vigil/drivers/sim/scenario.hpp"
#include "vigil/protocols/protocol_family.hpp"

namespace vigil::drivers::test {

using SteadyClock = std::chrono::steady_clock;

enum class DeviceKind {
  oximeter,     // streams unasked (Contec V7 after its start command)
  monitor,      // GE S/5: displayed values on request, SpO2 and NIBP
  nibp_module,  // SunTech: answers only when asked, one measurement at a time
};

struct SimProtocol {
  std::string_view protocol;
  DeviceKind kind = DeviceKind::oximeter;
  // Scenario seconds per real second, for both the simulator and the session's time_scale.
  double speed = 10;
  // Frames carry a checksum, so a corrupted frame is dropped rather than decoded. Without one
  // (Nonin DF8, Contec, Masimo ASCII) the session's decoder confirms values instead.
  bool frame_check = true;
  // Byte corruption rate in the noise test. The named "noise" scenario's 1 % leaves a 320-byte
  // GE record intact only 4 % of the time, so GE gets 0.2 % (about half its records intact).
  double noise_rate = 0.01;
  // Valid frames that must follow the first corrupted bytes for "the stream continues".
  int frames_after_noise = 10;
  // Speed in the noise test: DF8 sends 4 bytes a second, too few for 1 % noise to show at 10.
  double noise_speed = 0;  // 0: `speed`
};

// A family's test settings; no default, so a new protocol family needs its settings here.
inline SimProtocol sim_protocol_for(protocols::ProtocolFamily family) {
  using F = protocols::ProtocolFamily;
  const std::string_view name = protocols::protocol_name(family);
  switch (family) {
    case F::nonin_df2:
    case F::nonin_df7:
      return {name, DeviceKind::oximeter, 10, true, 0.01, 75};
    case F::nonin_df8:
      return {name, DeviceKind::oximeter, 10, false, 0.01, 5, 100};
    case F::contec_legacy:
    case F::contec_v7:
      return {name, DeviceKind::oximeter, 10, false, 0.01, 60};
    case F::masimo_ascii:
      return {name, DeviceKind::oximeter, 10, false, 0.01, 5};
    case F::ge_s5:
      return {name, DeviceKind::monitor, 20, true, 0.002, 3};
    case F::suntech:
      return {name, DeviceKind::nibp_module, 20, true, 0.01, 1};
  }
  return {name};
}

// Every protocol family, in the order of the protocol list.
inline const std::vector<SimProtocol>& sim_protocols() {
  static const std::vector<SimProtocol> table = [] {
    std::vector<SimProtocol> t;
    for (const auto family : protocols::kProtocolFamilies) t.push_back(sim_protocol_for(family));
    return t;
  }();
  return table;
}

// gtest prints the parameter into ctest's test names: the protocol, not the object's bytes.
inline void PrintTo(const SimProtocol& p, std::ostream* os) { *os << p.protocol; }

// "nonin-df2" -> "nonin_df2": gtest parameter names allow no '-'.
inline std::string test_name_of(std::string_view protocol) {
  std::string s(protocol);
  std::replace(s.begin(), s.end(), '-', '_');
  return s;
}

inline double ms_between(SteadyClock::time_point a, SteadyClock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

class SimSessionRig {
 public:
  using Tweak = std::function<void(DeviceSessionConfig&)>;

  SimSessionRig() = default;
  SimSessionRig(const SimSessionRig&) = delete;
  SimSessionRig& operator=(const SimSessionRig&) = delete;
  ~SimSessionRig() { stop(); }

  // Starts the simulator at scenario time `start_at_s`, then a session on its symlink.
  void start(std::string_view protocol, sim::Timeline timeline, double speed, double start_at_s = 0,
             const Tweak& tweak = {}, core::DeviceId id = 1) {
    speed_ = speed;
    start_at_s_ = start_at_s;
    epoch_ = SteadyClock::now();
    sim::SimulatorOptions o;
    o.device = std::string(protocol);
    o.timeline = std::move(timeline);
    o.speed = speed;
    o.start_at_s = start_at_s;
    o.link_path = sim_test::unique_link(test_name_of(protocol));
    o.epoch = epoch_;
    simulator_ = std::make_unique<sim::PtySimulator>(std::move(o));
    simulator_->start();

    DeviceSessionConfig c;
    c.device_id = id;
    c.protocol = std::string(protocol);
    c.identity = DeviceIdentity::parse(simulator_->link_path());
    c.time_scale = speed;
    // A 30 s measurement polled every (scaled) second: 45 s bounds it with room for a loaded
    // machine, instead of the default 150 s.
    c.nibp_timeout = std::chrono::seconds(45);
    if (tweak) tweak(c);
    config_ = c;
    if (!thread_.running()) thread_.start();
    session_ = std::make_unique<DeviceSession>(thread_, c, listener_);
    session_->start();
  }

  void stop() {
    if (session_) session_->stop();
    if (simulator_) simulator_->stop();
  }

  // Scenario seconds at a real instant, and back.
  double device_s(SteadyClock::time_point t) const {
    return start_at_s_ + speed_ * std::chrono::duration<double>(t - epoch_).count();
  }
  SteadyClock::time_point real_at(double device_s) const {
    const auto real = std::chrono::duration<double>((device_s - start_at_s_) / speed_);
    return epoch_ + std::chrono::duration_cast<SteadyClock::duration>(real);
  }
  // The session's silence limit (configured or the protocol's default), real milliseconds.
  double silence_limit_ms() const {
    const auto limit =
        config_.silence_limit.value_or(session_protocol_for(config_.protocol)->silence_limit);
    return static_cast<double>(limit.count()) / speed_;
  }

  bool wait_for_state(SessionState s, SteadyClock::time_point since = {},
                      std::chrono::milliseconds limit = std::chrono::milliseconds(10000)) const {
    return wait_until([&] { return listener_.find_state(s, since).has_value(); }, limit);
  }
  // Waits for `count` readings of `channel` with a value, stamped at or after `since`.
  bool wait_for_values(core::Channel channel, std::size_t count, SteadyClock::time_point since = {},
                       std::chrono::milliseconds limit = std::chrono::milliseconds(10000)) const {
    return wait_until([&] { return values(channel, since).size() >= count; }, limit);
  }
  std::vector<double> values(core::Channel channel, SteadyClock::time_point since = {}) const {
    std::vector<double> out;
    for (const auto& r : listener_.readings()) {
      if (r.channel == channel && r.value && r.steady_time >= since) out.push_back(*r.value);
    }
    return out;
  }
  // The last value of `channel` stamped at or after `since`; nullopt when there is none yet.
  std::optional<double> last(core::Channel channel, SteadyClock::time_point since = {}) const {
    const auto v = values(channel, since);
    return v.empty() ? std::nullopt : std::optional<double>(v.back());
  }
  // Last reading stamped before `t` (any channel), if any.
  std::optional<SteadyClock::time_point> last_reading_before(SteadyClock::time_point t) const {
    std::optional<SteadyClock::time_point> latest;
    for (const auto& r : listener_.readings()) {
      if (r.steady_time < t && (!latest || r.steady_time > *latest)) latest = r.steady_time;
    }
    return latest;
  }

  DeviceSession& session() { return *session_; }
  sim::PtySimulator& simulator() { return *simulator_; }
  const RecordingListener& listener() const { return listener_; }
  AcquisitionThread& thread() { return thread_; }
  double speed() const { return speed_; }

 private:
  // Destroyed in reverse: the session before the simulator, both before the thread.
  AcquisitionThread thread_;
  RecordingListener listener_;
  std::unique_ptr<sim::PtySimulator> simulator_;
  std::unique_ptr<DeviceSession> session_;
  DeviceSessionConfig config_;
  double speed_ = 1;
  double start_at_s_ = 0;
  SteadyClock::time_point epoch_{};
};

}  // namespace vigil::drivers::test
