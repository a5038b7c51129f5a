// The REMS Patient Monitoring Form's fields a session must hold before it closes
// (docs/clinical.md "Closing a session"). Fields the record always holds (patient, date of
// birth, sex, treatment date, dose and lot: the schema requires them) and those derived from it
// (serious adverse events: the adverse events marked serious; none means "no") are not listed.
#include "close_facts.hpp"

namespace vigil::db {
namespace {

using Missing = std::optional<std::string>;

std::function<Missing(const CloseFacts&)> pre_dose_answer(std::string item) {
  return [item](const CloseFacts& f) -> Missing {
    if (f.pre_dose_items.is_object() && f.pre_dose_items.contains(item) &&
        f.pre_dose_items[item].is_boolean()) {
      return std::nullopt;
    }
    return "not answered on the pre-dose checklist";
  };
}

std::function<Missing(const CloseFacts&)> discharge_answer(std::string key,
                                                           std::string resolved = {}) {
  return [key, resolved](const CloseFacts& f) -> Missing {
    if (!f.answers) return "not answered (ready to leave is not recorded)";
    const auto& a = *f.answers;
    if (!a.contains(key) || a[key].is_null()) return "not answered when ready to leave";
    if (!resolved.empty() && a[key].is_boolean() && a[key].get<bool>() &&
        (!a.contains(resolved) || a[resolved].is_null())) {
      return "seen; whether it resolved is not answered";
    }
    return std::nullopt;
  };
}

std::function<Missing(const CloseFacts&)> checkpoint_met(core::CheckpointKind kind,
                                                         std::string what) {
  return [kind, what](const CloseFacts& f) -> Missing {
    for (const auto& c : f.checkpoints) {
      if (c.kind == kind && c.met_by) return std::nullopt;
    }
    return "no BP taken in the " + what + " checkpoint window";
  };
}

}  // namespace

const std::vector<RemsField>& rems_session_fields() {
  using K = core::CheckpointKind;
  static const std::vector<RemsField> fields{
      {"rems.monitoring_provider",
       [](const CloseFacts& f) -> Missing {
         if (f.site_provider_set) return std::nullopt;
         return "site setting rems.monitoring_provider is not set (an admin sets it)";
       }},
      {"rems.setting",
       [](const CloseFacts& f) -> Missing {
         if (f.site_setting_set) return std::nullopt;
         return "site setting rems.setting is not set (an admin sets it)";
       }},
      {"rems.first_treatment", pre_dose_answer("first_treatment")},
      {"rems.concomitant_benzodiazepines", pre_dose_answer("concomitant_benzodiazepines")},
      {"rems.concomitant_sedative_hypnotics", pre_dose_answer("concomitant_sedative_hypnotics")},
      {"rems.concomitant_psychostimulants", pre_dose_answer("concomitant_psychostimulants")},
      {"rems.concomitant_maois", pre_dose_answer("concomitant_maois")},
      {"rems.concomitant_opioids", pre_dose_answer("concomitant_opioids")},
      {"rems.bp_pre_dose", checkpoint_met(K::pre_dose_bp, "pre-dose")},
      {"rems.bp_40_min", checkpoint_met(K::post_dose_bp, "40-minute")},
      {"rems.bp_before_completion", checkpoint_met(K::discharge_bp, "pre-discharge")},
      {"rems.ready_minutes", discharge_answer("rems_ready_minutes")},
      {"rems.vitals_acceptable_before_completion",
       discharge_answer("vitals_acceptable_before_completion")},
      {"rems.sedation", discharge_answer("sedation", "sedation_resolved")},
      {"rems.dissociation", discharge_answer("dissociation", "dissociation_resolved")},
      {"rems.respiratory_depression",
       discharge_answer("respiratory_depression", "respiratory_depression_resolved")},
  };
  return fields;
}

std::vector<std::string> close_missing(const CloseFacts& f) {
  std::vector<std::string> out;
  if (f.session.type == core::SessionType::integration) {
    if (!f.signed_integration_note)
      out.emplace_back("integration note: no signed integration note");
    return out;
  }
  if (!f.signed_dosing_note) out.emplace_back("dosing note: no signed dosing note");
  if (!f.discharge_checklist_missing) {
    out.emplace_back("discharge checklist: not recorded");
  } else {
    for (const auto& item : *f.discharge_checklist_missing) {
      out.push_back("discharge checklist: " + item + " not ticked");
    }
  }
  if (!f.answers) out.emplace_back("ready to leave: not recorded");
  if (f.unacknowledged_self_harm_flags > 0) {
    out.emplace_back(
        "self-harm review: PHQ-9 item 9 answered above 0 is not acknowledged by a clinician");
  }
  if (!f.esketamine) return out;
  for (const auto& field : rems_session_fields()) {
    if (auto why = field.missing(f)) out.push_back(field.name + ": " + *why);
  }
  return out;
}

}  // namespace vigil::db
