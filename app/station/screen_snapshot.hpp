#pragma once
// What the monitor screen shows at one moment: a plain value the station pipeline fills on the
// acquisition thread and hands to the Qt thread by queued signal (at most 30 per second). No Qt,
// no pointers into the pipeline: a snapshot is copied and owns everything it holds.
//
// Time: `now` is the pipeline's steady clock (the engine's time base, so an accelerated demo
// clock works); trend and marker times are seconds on the session timeline (`t_s`, 0 = session
// start, or station start when no session is running).

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/core/alarm_annunciation.hpp"
#include "vigil/core/alarm_profile.hpp"
#include "vigil/core/channel.hpp"
#include "vigil/core/reading.hpp"
#include "vigil/core/reading_flags.hpp"
#include "vigil/core/session_phase.hpp"

namespace vigil::station {

// Why a channel has no value: shown under the `---` of its tile.
enum class Absence : std::uint8_t {
  none,                 // a value is present
  no_device,            // no configured device provides this channel
  no_data,              // the device sends nothing valid (silence)
  searching,            // pulse search in progress
  sensor_off,           // finger out / sensor off the patient
  sensor_disconnected,  // sensor cable unplugged
  sensor_fault,         // probe error, incompatible sensor
  disconnected,         // the device link is gone
  not_measured,         // NIBP: no measurement yet this session
  measuring,            // NIBP: a measurement is running and none is on record yet
};
// (A channel whose alarms a clinician turned off keeps its value; ChannelAlarmState says so.)

constexpr std::string_view absence_text(Absence a) {
  switch (a) {
    case Absence::none:
      return "";
    case Absence::no_device:
      return "no device";
    case Absence::no_data:
      return "no data";
    case Absence::searching:
      return "searching";
    case Absence::sensor_off:
      return "sensor off";
    case Absence::sensor_disconnected:
      return "sensor disconnected";
    case Absence::sensor_fault:
      return "sensor fault";
    case Absence::disconnected:
      return "disconnected";
    case Absence::not_measured:
      return "not measured";
    case Absence::measuring:
      return "measuring";
  }
  return "";
}

// The alarm state of one channel as its tile shows it.
struct ChannelAlarmState {
  std::optional<core::AlarmPriority> priority;  // highest visible condition on the channel
  bool acknowledged = false;                    // every visible condition on it acknowledged
  bool alarm_off = false;                       // a clinician turned its alarms off
  friend bool operator==(const ChannelAlarmState&, const ChannelAlarmState&) = default;
};

// One channel: latest value, why it is absent, limits in force and alarm state.
struct ChannelView {
  std::optional<double> value;  // unit: core::channel_unit(channel)
  core::ReadingFlags flags;     // flags of the latest reading
  Absence absence = Absence::no_device;
  std::optional<double> low_limit;   // mildest low tier in force (alarm below it); channel unit
  std::optional<double> high_limit;  // mildest high tier in force; channel unit
  ChannelAlarmState alarm;
  core::DeviceId device = 0;  // the device the value came from; 0 = none
};

// NIBP: the values are channels nibp_systolic / nibp_diastolic / nibp_mean; this adds when.
struct NibpView {
  std::optional<core::SteadyTime> measured_at;  // steady time the last measurement completed
  bool measuring = false;
  std::optional<double> cuff_pressure;  // mmHg while measuring
};

// New pleth samples since the last snapshot, in the device's scale.
struct PlethBlock {
  std::vector<float> samples;
  double rate_hz = 0;   // samples per second at the device (e.g. 75 Nonin, 62.5 Masimo)
  float scale_min = 0;  // device scale; scale_min == scale_max means "auto-scale"
  float scale_max = 0;
  core::DeviceId device = 0;
};

struct TrendPoint {
  core::Channel channel = core::Channel::spo2;  // spo2, pulse_rate, nibp_systolic/diastolic/mean
  double t_s = 0;                               // s on the session timeline
  double value = 0;                             // channel unit
};

struct TrendMarker {
  enum class Kind : std::uint8_t { dose, alarm };
  Kind kind = Kind::dose;
  double t_s = 0;                               // s on the session timeline
  std::string label;                            // "esketamine 28 mg", "spo2 low 87"
  std::optional<core::AlarmPriority> priority;  // alarm markers
};

// One device in the device strip.
struct DeviceInfo {
  core::DeviceId id = 0;
  std::string name;      // "Oximeter (Nonin 3150)"
  std::string identity;  // port, serial number, firmware
  std::string state;     // driver session state: "connected", "reconnecting", ...
  bool connected = false;
  std::optional<std::chrono::milliseconds> last_data_age;  // ms since its last valid data
  std::vector<std::string> technical_conditions;           // "sensor off", "low battery"
  bool accepts_nibp_command = false;
  bool nibp_measuring = false;
};

struct SessionInfo {
  bool active = false;
  std::string patient_id;
  std::string patient_name;
  core::SessionPhase phase = core::SessionPhase::planned;
  std::chrono::seconds elapsed{0};  // since session start
};

struct ScreenSnapshot {
  std::uint64_t sequence = 0;  // increases by one per snapshot
  core::SteadyTime now{};      // the pipeline's steady time when built
  double now_s = 0;            // the same instant on the session timeline
  std::array<ChannelView, core::channel_count> channels{};
  NibpView nibp;
  PlethBlock pleth;
  std::vector<TrendPoint> trend;     // new trend points since the last snapshot
  std::vector<TrendMarker> markers;  // new markers since the last snapshot
  core::Annunciation annunciation;
  std::vector<DeviceInfo> devices;
  SessionInfo session;

  ChannelView& channel(core::Channel c) { return channels[static_cast<std::size_t>(c)]; }
  const ChannelView& channel(core::Channel c) const {
    return channels[static_cast<std::size_t>(c)];
  }
};

}  // namespace vigil::station
