#include "vigil/core/discharge_readiness.hpp"

#include <algorithm>
#include <array>

#include "session_rule_text.hpp"

namespace vigil::core {
namespace {
using detail::number_text;
using C = DischargeCriterion;

bool breaches(const LimitTier& tier, double v) {
  switch (tier.comparison) {
    case LimitComparison::below:
      return v < tier.threshold;
    case LimitComparison::at_or_below:
      return v <= tier.threshold;
    case LimitComparison::above:
      return v > tier.threshold;
    case LimitComparison::at_or_above:
      return v >= tier.threshold;
  }
  return true;
}

class VitalsCheck {
 public:
  VitalsCheck(const AlarmProfile& profile, const DischargeRules& rules, UtcTime now,
              DischargeReadiness& out)
      : profile_(profile), rules_(rules), now_(now), out_(out) {}

  void check(const DischargeVitals& v) {
    check_oximetry(Channel::spo2, "SpO2", v.spo2_percent);
    check_oximetry(Channel::pulse_rate, "pulse rate", v.pulse_rate_bpm);
    if (!v.latest_bp) {
      unmet("no blood pressure recorded");
      return;
    }
    const auto& bp = *v.latest_bp;
    if (auto error = check_bp_reading(bp)) {
      unmet("latest BP is invalid: " + *error);
      return;
    }
    if (now_ - bp.time > rules_.max_bp_age) {
      unmet("latest BP is older than " + detail::minutes_text(rules_.max_bp_age));
    }
    const double mean = bp.diastolic_mmhg + (bp.systolic_mmhg - bp.diastolic_mmhg) / 3;
    check_limits(Channel::nibp_systolic, "systolic BP", bp.systolic_mmhg);
    check_limits(Channel::nibp_diastolic, "diastolic BP", bp.diastolic_mmhg);
    check_limits(Channel::nibp_mean, "mean BP", mean);
    const auto& rise = profile_.nibp_rise;
    if (rise.enabled && v.pre_dose_bp) {
      const auto& base = *v.pre_dose_bp;
      if (bp.systolic_mmhg - base.systolic_mmhg >= rise.systolic_rise ||
          bp.diastolic_mmhg - base.diastolic_mmhg >= rise.diastolic_rise) {
        unmet("BP " + number_text(bp.systolic_mmhg) + "/" + number_text(bp.diastolic_mmhg) +
              " mmHg is still " + number_text(rise.systolic_rise) + "/" +
              number_text(rise.diastolic_rise) + " mmHg or more above the pre-dose " +
              number_text(base.systolic_mmhg) + "/" + number_text(base.diastolic_mmhg) + " mmHg");
      }
    }
  }

 private:
  void unmet(std::string message) { out_.unmet.push_back({C::vitals, std::move(message)}); }

  void check_oximetry(Channel c, std::string_view label, const std::optional<TimedVital>& v) {
    if (!v) {
      unmet("no " + std::string{label} + " value");
      return;
    }
    if (now_ - v->time > rules_.max_oximetry_age) {
      unmet("latest " + std::string{label} + " is older than " +
            detail::minutes_text(rules_.max_oximetry_age));
    }
    check_limits(c, label, v->value);
  }

  void check_limits(Channel c, std::string_view label, double value) {
    for (const auto& tier : profile_.limits) {
      if (tier.channel != c || !breaches(tier, value)) continue;
      unmet(std::string{label} + " " + number_text(value) + " " + std::string{channel_unit(c)} +
            " is " + std::string{limit_comparison_name(tier.comparison)} + " the alarm limit " +
            number_text(tier.threshold));
      return;  // one message per value
    }
  }

  const AlarmProfile& profile_;
  const DischargeRules& rules_;
  UtcTime now_;
  DischargeReadiness& out_;
};

std::string met_value(C c, const DischargeInputs& in, UtcTime now) {
  switch (c) {
    case C::minimum_observation: {
      const auto since = std::chrono::duration_cast<std::chrono::minutes>(now - *in.first_dose);
      return detail::minutes_text(since) + " since the first dose";
    }
    case C::sedation:
      return "MOAA/S " + std::to_string(*in.last_moaas);
    case C::vitals: {
      const auto& v = in.vitals;
      return "SpO2 " + number_text(v.spo2_percent->value) + " %, pulse rate " +
             number_text(v.pulse_rate_bpm->value) + " bpm, BP " +
             number_text(v.latest_bp->systolic_mmhg) + "/" +
             number_text(v.latest_bp->diastolic_mmhg) + " mmHg";
    }
    case C::aldrete:
      return "modified Aldrete " + std::to_string(*in.modified_aldrete);
    case C::escort:
      return "escort present";
    case C::discharge_bp:
      return "pre-discharge BP taken";
    case C::self_harm_review:
      return "no PHQ-9 item 9 answer waiting for a clinician";
  }
  return {};
}

void fill_criteria(DischargeReadiness& r, const DischargeInputs& in, UtcTime now) {
  for (std::size_t i = 0; i < enum_count<C>(); ++i) {
    const auto c = static_cast<C>(i);
    DischargeCriterionStatus status{c, !r.is_unmet(c), {}};
    if (status.met) {
      status.value = met_value(c, in, now);
    } else {
      for (const auto& u : r.unmet) {
        if (u.criterion != c) continue;
        if (!status.value.empty()) status.value += "; ";
        status.value += u.message;
      }
    }
    r.criteria.push_back(std::move(status));
  }
}

}  // namespace

bool DischargeReadiness::is_unmet(DischargeCriterion c) const {
  return std::any_of(unmet.begin(), unmet.end(), [c](const auto& u) { return u.criterion == c; });
}

std::optional<UtcTime> earliest_discharge_time(std::optional<UtcTime> first_dose, DoseRoute route,
                                               const DischargeRules& rules) {
  if (!first_dose) return std::nullopt;
  return *first_dose + rules.minimum_for(route);
}

DischargeReadiness evaluate_discharge_readiness(const DischargeInputs& in,
                                                const AlarmProfile& profile,
                                                const DischargeRules& rules, UtcTime now) {
  DischargeReadiness r;
  r.earliest_discharge = earliest_discharge_time(in.first_dose, in.route, rules);
  if (!r.earliest_discharge) {
    r.unmet.push_back({C::minimum_observation, "no dose is recorded"});
  } else if (now < *r.earliest_discharge) {
    const auto since = std::chrono::duration_cast<std::chrono::minutes>(now - *in.first_dose);
    r.unmet.push_back(
        {C::minimum_observation, detail::minutes_text(since) + " since the first dose; " +
                                     std::string{dose_route_label(in.route)} + " needs at least " +
                                     detail::minutes_text(rules.minimum_for(in.route))});
  }
  if (!in.last_moaas) {
    r.unmet.push_back({C::sedation, "no MOAA/S recorded"});
  } else if (*in.last_moaas < 0 || *in.last_moaas > 5) {
    r.unmet.push_back({C::sedation, "last_moaas: " + std::to_string(*in.last_moaas) +
                                        " is outside the MOAA/S range 0-5"});
  } else if (*in.last_moaas != rules.required_moaas) {
    r.unmet.push_back({C::sedation, "last MOAA/S is " + std::to_string(*in.last_moaas) +
                                        "; discharge needs " +
                                        std::to_string(rules.required_moaas)});
  }
  VitalsCheck(profile, rules, now, r).check(in.vitals);
  if (!in.modified_aldrete) {
    r.unmet.push_back({C::aldrete, "no modified Aldrete score recorded"});
  } else if (*in.modified_aldrete < 0 || *in.modified_aldrete > 10) {
    r.unmet.push_back({C::aldrete, "modified_aldrete: " + std::to_string(*in.modified_aldrete) +
                                       " is outside the score range 0-10"});
  } else if (*in.modified_aldrete < rules.minimum_aldrete) {
    r.unmet.push_back({C::aldrete, "modified Aldrete is " + std::to_string(*in.modified_aldrete) +
                                       "; discharge needs " +
                                       std::to_string(rules.minimum_aldrete) + " or more"});
  }
  if (!in.escort_confirmed) r.unmet.push_back({C::escort, "escort not confirmed"});
  if (!in.discharge_bp_checkpoint_met) {
    r.unmet.push_back({C::discharge_bp, "the pre-discharge BP check is not done"});
  }
  if (in.unacknowledged_self_harm_flags > 0) {
    r.unmet.push_back({C::self_harm_review,
                       "PHQ-9 item 9 (self-harm) answered above 0: a clinician must acknowledge "
                       "it (" +
                           std::to_string(in.unacknowledged_self_harm_flags) + " open)"});
  }
  fill_criteria(r, in, now);
  return r;
}

}  // namespace vigil::core
