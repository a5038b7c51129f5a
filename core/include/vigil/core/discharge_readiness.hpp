#pragma once
// Discharge readiness of a dosing session (docs/clinical.md, REMS): every criterion must hold;
// the result lists each unmet one with a message for the nurse.
//   minimum_observation  >= 120 min since the first dose (esketamine REMS; the same default
//                        applies to racemic routes, configurable per route)
//   sedation             last MOAA/S == 5
//   vitals               latest SpO2, pulse rate and BP present, recent, and inside the alarm
//                        profile's limits (every tier of the channel, MAP computed from the
//                        cuff values, and the rise-over-baseline rule when a baseline is given)
//   aldrete              modified Aldrete >= 9
//   escort               escort confirmed present
//   discharge_bp         the pre-discharge BP checkpoint is met (checkpoint_schedule.hpp)
//   self_harm_review     every PHQ-9 item 9 answered above 0 is acknowledged by a clinician
// Besides the unmet list, the result holds every criterion's status with the value it was
// judged on, for a screen that shows each one live.
// Times are UtcTime; `now` is passed in.

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/core/alarm_profile.hpp"
#include "vigil/core/dose_route.hpp"
#include "vigil/core/enum_names.hpp"
#include "vigil/core/reading.hpp"
#include "vigil/core/session_bp_reading.hpp"

namespace vigil::core {

struct DischargeRules {
  // Indexed by DoseRoute: minimum time from the first dose to discharge.
  std::array<std::chrono::minutes, dose_route_count> minimum_observation{
      std::chrono::minutes{120}, std::chrono::minutes{120}, std::chrono::minutes{120},
      std::chrono::minutes{120}, std::chrono::minutes{120}};
  int required_moaas = 5;                    // MOAA/S 0-5
  int minimum_aldrete = 9;                   // modified Aldrete 0-10
  std::chrono::minutes max_oximetry_age{5};  // latest SpO2 / pulse rate no older than this
  std::chrono::minutes max_bp_age{30};       // latest BP no older than this

  std::chrono::minutes minimum_for(DoseRoute r) const {
    return minimum_observation[static_cast<std::size_t>(r)];
  }
};

struct TimedVital {
  double value = 0;  // in the channel's unit (SpO2 %, pulse rate bpm)
  UtcTime time{};
};

struct DischargeVitals {
  std::optional<TimedVital> spo2_percent;
  std::optional<TimedVital> pulse_rate_bpm;
  std::optional<BpReading> latest_bp;
  std::optional<BpReading> pre_dose_bp;  // baseline for the profile's rise rule
};

struct DischargeInputs {
  // The route that sets the observation time; with several routes, the one with the longest
  // minimum (the caller's choice).
  DoseRoute route = DoseRoute::esketamine_nasal;
  std::optional<UtcTime> first_dose;
  std::optional<int> last_moaas;        // 0-5
  std::optional<int> modified_aldrete;  // 0-10, modified_aldrete_score().total
  bool escort_confirmed = false;
  bool discharge_bp_checkpoint_met = false;
  DischargeVitals vitals;
  int unacknowledged_self_harm_flags = 0;  // PHQ-9 item 9 > 0 not yet acknowledged
};

enum class DischargeCriterion : std::uint8_t {
  minimum_observation,
  sedation,
  vitals,
  aldrete,
  escort,
  discharge_bp,
  self_harm_review,
};

constexpr std::string_view discharge_criterion_name(DischargeCriterion v) {
  switch (v) {
    case DischargeCriterion::minimum_observation:
      return "minimum_observation";
    case DischargeCriterion::sedation:
      return "sedation";
    case DischargeCriterion::vitals:
      return "vitals";
    case DischargeCriterion::aldrete:
      return "aldrete";
    case DischargeCriterion::escort:
      return "escort";
    case DischargeCriterion::discharge_bp:
      return "discharge_bp";
    case DischargeCriterion::self_harm_review:
      return "self_harm_review";
  }
  return {};
}
constexpr std::string_view enum_name(DischargeCriterion v) { return discharge_criterion_name(v); }

struct UnmetDischargeCriterion {
  DischargeCriterion criterion = DischargeCriterion::minimum_observation;
  std::string message;
};

// One criterion as a screen shows it: met or not, and the value behind it ("MOAA/S 5",
// "1 h 10 min since the first dose; needs 2 h", "SpO2 97 %, pulse rate 72 bpm, BP 128/82 mmHg").
struct DischargeCriterionStatus {
  DischargeCriterion criterion = DischargeCriterion::minimum_observation;
  bool met = false;
  std::string value;
};

struct DischargeReadiness {
  std::vector<UnmetDischargeCriterion> unmet;  // in criterion order; a criterion may repeat
                                               // (one entry per vital out of limits)
  std::optional<UtcTime> earliest_discharge;   // first dose + minimum observation
  std::vector<DischargeCriterionStatus> criteria;  // every criterion, in criterion order

  bool ready() const { return unmet.empty(); }
  bool is_unmet(DischargeCriterion c) const;
};

std::optional<UtcTime> earliest_discharge_time(std::optional<UtcTime> first_dose, DoseRoute route,
                                               const DischargeRules& rules = {});

DischargeReadiness evaluate_discharge_readiness(const DischargeInputs& inputs,
                                                const AlarmProfile& profile,
                                                const DischargeRules& rules, UtcTime now);

}  // namespace vigil::core
