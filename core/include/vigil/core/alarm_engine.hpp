#pragma once
// The alarm engine: evaluates readings and device conditions against an AlarmProfile, reports
// every change as an AlarmEvent and answers what to annunciate now. Pure: no clock, no I/O;
// every call takes its time (a Reading or DeviceCondition carries its own). Not thread-safe:
// one acquisition thread owns it.
//
// Its behaviour (limits and delays, NIBP, technical conditions, acknowledge, audio pause, alarm
// off, latching, brief conditions, the state diagram of a condition) is described in
// docs/alarms.md; each rule is covered by tests/core/alarm_engine_*_test.cpp.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/core/alarm_annunciation.hpp"
#include "vigil/core/alarm_condition.hpp"
#include "vigil/core/alarm_event.hpp"
#include "vigil/core/alarm_profile.hpp"
#include "vigil/core/device_condition.hpp"
#include "vigil/core/reading.hpp"
#include "vigil/core/session_phase.hpp"

namespace vigil::core {

struct AlarmCommandResult {
  bool accepted = false;
  std::string_view reason;  // why it was refused (static text)
};

class AlarmEngine {
 public:
  // The sink must outlive the engine. The profile is assumed validated.
  AlarmEngine(AlarmProfile profile, AlarmEventSink& sink,
              SessionPhase phase = SessionPhase::planned);

  // Inputs. Times come from reading.steady_time / utc_time and condition.steady_time / utc_time.
  void on_reading(const Reading& reading);
  void on_device_condition(const DeviceCondition& condition);
  // Conditions computed elsewhere (bp_overdue by the session rules, recording_behind by the
  // recorder). The rule's delay applies from the first `active` report.
  void set_external_condition(TechnicalCondition condition, bool active, AlarmTime now,
                              DeviceId device = 0, std::string_view detail = {});
  // Time-driven work: technical delays, silence, end of audio pause, alarm-off reminders.
  // Call at least once a second.
  void tick(AlarmTime now);
  void set_phase(SessionPhase phase, AlarmTime now);
  // Pre-dose baseline for the NIBP rise rule, mmHg.
  void set_nibp_baseline(double systolic_mmhg, double diastolic_mmhg);
  void clear_nibp_baseline();
  // Stop watching a device that was removed on purpose: its conditions clear.
  void forget_device(DeviceId device, AlarmTime now);

  // Operator actions.
  void acknowledge_all(AlarmTime now, std::string_view who);
  // Acknowledges one visible condition; false when it is not visible.
  bool acknowledge(const AlarmConditionId& id, AlarmTime now, std::string_view who);
  void pause_audio(AlarmTime now, std::string_view who);   // (re)starts the pause
  void resume_audio(AlarmTime now, std::string_view who);  // ends a pause early
  AlarmCommandResult alarm_off(Channel channel, AlarmTime now, std::string_view who,
                               bool by_clinician);
  void alarm_on(Channel channel, AlarmTime now, std::string_view who);

  // The audio player reports that a full burst of `priority` started at `burst_start`: bursts
  // owed by conditions raised at or before then (of that priority or lower) are paid.
  void audio_burst_played(AlarmPriority priority, SteadyTime burst_start);

  // Outputs.
  Annunciation annunciation(SteadyTime now) const;
  void annunciation(SteadyTime now, Annunciation& out) const;             // reuses out's storage
  std::chrono::milliseconds audio_pause_remaining(SteadyTime now) const;  // ms; 0 if none
  bool is_alarm_off(Channel channel) const;
  SessionPhase phase() const { return phase_; }
  const AlarmProfile& profile() const { return profile_; }

 private:
  struct TierState {
    LimitTier tier;
    bool met = false;                // the tier's condition holds
    bool pending = false;            // on the alarm side, delay running
    bool paused = false;             // an absent value arrived while pending
    SteadyTime::duration on_side{};  // time on the alarm side so far (absent time excluded)
    SteadyTime last{};
  };
  struct ConditionSlot {
    AlarmConditionId id;
    bool active = false;
    bool latched = false;
    bool acknowledged = false;
    AlarmPriority priority = AlarmPriority::low;
    std::optional<AlarmPriority> burst_owed;
    std::optional<AlarmLimit> limit;
    std::optional<double> value;
    DeviceId device = 0;
    std::string_view detail;
    std::optional<int> device_code;
    SteadyTime onset{};
    SteadyTime signalled_at{};  // last raise or escalation
    bool visible() const { return active || latched; }
  };
  struct TechnicalState {
    bool present = false;
    SteadyTime since{};
    ConditionSlot slot;
  };
  struct DeviceState {
    DeviceId id = 0;
    bool streams = false;           // sends continuous channels: watched for silence
    bool reported_no_data = false;  // the driver reported no_data
    bool silent = false;            // no valid value for silence_limit
    SteadyTime last_valid{};
    std::array<TechnicalState, technical_condition_count> technical{};
  };
  struct ChannelOffState {
    bool off = false;
    std::string who;
    SteadyTime since{};
    SteadyTime next_reminder{};
  };

  // Limits (alarm_engine_limits.cpp).
  void evaluate_limits(const Reading& r, std::optional<double> value, AlarmTime now);
  void update_tier(TierState& t, double value, bool per_measurement, SteadyTime now);
  void update_limit_condition(Channel c, LimitSide side, double value, DeviceId device,
                              AlarmTime now);
  void evaluate_nibp_rise(Channel c, double value, DeviceId device, AlarmTime now);
  void reset_channel(Channel c, AlarmTime now);
  ConditionSlot& limit_slot(Channel c, LimitSide side);

  // Technical (alarm_engine_technical.cpp).
  DeviceState& device_state(DeviceId id, SteadyTime now);
  void set_present(DeviceState& d, TechnicalCondition c, bool present, AlarmTime now,
                   std::string_view detail = {}, std::optional<int> code = {});
  void check_technical(DeviceState& d, TechnicalCondition c, AlarmTime now);
  void update_silence(DeviceState& d, AlarmTime now);
  void technical_from_reading(DeviceState& d, const Reading& r, bool usable, AlarmTime now);

  // Condition life cycle and events (alarm_engine.cpp).
  void raise(ConditionSlot& s, AlarmPriority p, std::optional<AlarmLimit> limit,
             std::optional<double> value, DeviceId device, AlarmTime now);
  void end_pause_for_new_signal(AlarmTime now);
  void change_priority(ConditionSlot& s, AlarmPriority p, std::optional<AlarmLimit> limit,
                       std::optional<double> value, AlarmTime now);
  void clear(ConditionSlot& s, std::optional<double> value, AlarmTime now, bool may_latch);
  void acknowledge_slot(ConditionSlot& s, AlarmTime now, std::string_view who);
  AlarmEvent event_for(AlarmEventKind kind, const ConditionSlot& s, AlarmTime now) const;
  // Not "emit": Qt defines that as a macro, and Qt code includes this header via the station.
  void emit_event(const AlarmEvent& e) { sink_->on_alarm_event(e); }
  void emit_system(AlarmEventKind kind, AlarmConditionId id, AlarmTime now, std::string_view who);
  bool paused_at(SteadyTime t) const;
  bool owes_burst(const ConditionSlot& s) const;

  template <typename Self, typename Fn>
  static void for_each_slot(Self& self, Fn&& fn);

  AlarmProfile profile_;
  std::array<TechnicalRule, technical_condition_count> technical_rules_{};  // by condition
  AlarmEventSink* sink_;
  SessionPhase phase_;
  std::vector<TierState> tiers_;                               // grouped by channel
  std::array<std::uint16_t, channel_count + 1> tier_begin_{};  // tiers of c: [begin[c], begin[c+1])
  std::array<ConditionSlot, channel_count * 2> limit_slots_{};
  std::array<ConditionSlot, 2> rise_slots_{};  // systolic, diastolic
  std::optional<double> baseline_systolic_;
  std::optional<double> baseline_diastolic_;
  std::vector<DeviceState> devices_;
  std::array<ChannelOffState, channel_count> channel_off_{};
  std::optional<SteadyTime> pause_until_;
  SteadyTime pause_from_{};  // the last pause window [pause_from_, pause_to_)
  SteadyTime pause_to_{};
};

template <typename Self, typename Fn>
void AlarmEngine::for_each_slot(Self& self, Fn&& fn) {
  for (auto& s : self.limit_slots_) fn(s);
  for (auto& s : self.rise_slots_) fn(s);
  for (auto& d : self.devices_) {
    for (auto& t : d.technical) fn(t.slot);
  }
}

}  // namespace vigil::core
