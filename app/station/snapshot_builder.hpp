#pragma once
// Keeps what the screen needs between snapshots, on the acquisition thread: the latest value of
// every channel and why it is absent, NIBP timing, pleth samples and trend points since the last
// snapshot, alarm markers, device cards. build() turns it into a ScreenSnapshot and starts the
// next delta (pleth, trend, markers). Not thread-safe: the station's acquisition thread owns it.

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "screen_snapshot.hpp"
#include "vigil/core/alarm_event.hpp"
#include "vigil/core/alarm_profile.hpp"
#include "vigil/core/device_condition.hpp"
#include "vigil/core/reading.hpp"

namespace vigil::station {

// One device as the builder knows it from the station's configuration.
struct DeviceCard {
  core::DeviceId id = 0;
  std::string name;      // "Oximeter (nonin-df2)"
  std::string identity;  // port or serial number
  std::string protocol;  // "nonin-df2"
  bool accepts_nibp_command = false;
  // Device seconds per real second: a simulator at --speed 4 sends 4 x 75 pleth samples per
  // real second, so the screen sweeps them 4 x faster to keep the waveform's shape.
  double time_scale = 1.0;
};

// Pleth samples per second a protocol sends (Nonin 75, Contec 60); 0 when unknown.
double pleth_rate_hz(std::string_view protocol);

// Limits of one channel as tiles show them: the mildest tier of each side (the first to alarm).
struct ChannelLimits {
  std::optional<double> low;
  std::optional<double> high;
};
ChannelLimits mildest_limits(const core::AlarmProfile& profile, core::Channel channel);

class SnapshotBuilder {
 public:
  // Trend points are kept at most one per channel per `trend_step` of session time.
  SnapshotBuilder(const core::AlarmProfile& profile, std::vector<DeviceCard> devices,
                  std::chrono::milliseconds trend_step = std::chrono::seconds(1));

  // The limits tiles show (a session brings its own profile).
  void set_profile(const core::AlarmProfile& profile);

  void on_reading(const core::Reading& r);
  void on_condition(const core::DeviceCondition& c);
  // Driver state name ("streaming", "disconnected", ...) for the device card.
  void on_device_state(core::DeviceId device, std::string_view state);
  void on_alarm_event(const core::AlarmEvent& e);
  void add_marker(TrendMarker::Kind kind, core::SteadyTime at, std::string label);

  // Session timeline origin (0 s) and the session shown; without a session the timeline starts
  // at the builder's first reading.
  void set_session(const SessionInfo& info, core::SteadyTime start);
  void clear_session();
  void set_phase(core::SessionPhase phase);

  // A complete snapshot at `now` with the engine's annunciation; clears the deltas.
  ScreenSnapshot build(core::SteadyTime now, core::Annunciation annunciation);

 private:
  struct DeviceStatus {
    DeviceCard card;
    std::string state = "disconnected";
    bool connected = false;
    bool silent = false;
    std::optional<core::SteadyTime> last_data;
    std::vector<std::pair<core::DeviceConditionKind, std::string>> conditions;  // active, shown
    bool nibp_measuring = false;
  };
  DeviceStatus* device(core::DeviceId id);
  double timeline_s(core::SteadyTime t) const;
  void forget_values_of(core::DeviceId device, Absence why);
  void set_condition_text(DeviceStatus& d, const core::DeviceCondition& c);
  void add_trend_point(const core::Reading& r);

  std::vector<DeviceStatus> devices_;
  std::array<ChannelView, core::channel_count> channels_{};
  std::array<std::optional<core::SteadyTime>, core::channel_count> last_trend_{};
  std::chrono::milliseconds trend_step_;
  NibpView nibp_;
  PlethBlock pleth_;
  std::vector<TrendPoint> trend_;
  std::vector<TrendMarker> markers_;
  SessionInfo session_;
  std::optional<core::SteadyTime> origin_;
  std::uint64_t sequence_ = 0;
};

}  // namespace vigil::station
