// The REMS Patient Monitoring Form's fields, in the form's order, each filled from the record or
// marked missing with the reason. The field list is this one table so that it can follow the
// form when the REMS changes it (docs/clinical.md).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "vigil/db/rems_form.hpp"

namespace vigil::db {
namespace {

using Field = RemsFormField;

std::string number(double v) {
  const double r = std::round(v);
  if (std::abs(v - r) < 1e-9) return std::to_string(static_cast<long long>(r));
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

Field answered(std::string section, std::string label, const nlohmann::json& items,
               const std::string& key, std::string where) {
  Field f{std::move(section), std::move(label), {}, std::nullopt};
  if (items.is_object() && items.contains(key) && items[key].is_boolean()) {
    f.value = items[key].get<bool>() ? "yes" : "no";
  } else {
    f.missing = "not answered " + where;
  }
  return f;
}

Field checkpoint_bp(const SessionReport& r, core::CheckpointKind kind, std::string label) {
  Field f{"Vital signs", std::move(label), {}, std::nullopt};
  for (const auto& c : r.panel.checkpoints) {
    if (c.kind != kind || !c.met_by) continue;
    f.value = number(c.met_by->systolic_mmhg) + "/" + number(c.met_by->diastolic_mmhg) + " mmHg";
    return f;
  }
  f.missing = "no BP taken in its checkpoint window";
  return f;
}

Field seen_and_resolved(const SessionReport& r, std::string label,
                        std::optional<bool> ReadyToLeave::*seen,
                        std::optional<bool> ReadyToLeave::*resolved) {
  Field f{"During monitoring", std::move(label), {}, std::nullopt};
  if (!r.discharge) {
    f.missing = "ready to leave is not recorded";
    return f;
  }
  const auto& a = r.discharge->answers;
  if (!(a.*seen)) {
    f.missing = "not answered when ready to leave";
  } else if (!*(a.*seen)) {
    f.value = "no";
  } else if (!(a.*resolved)) {
    f.missing = "seen; whether it resolved is not answered";
  } else {
    f.value = *(a.*resolved) ? "yes, resolved" : "yes, not resolved";
  }
  return f;
}

std::vector<Field> patient_fields(const SessionReport& r, const nlohmann::json& items) {
  std::vector<Field> out{
      {"Patient", "Name", r.panel.patient_name, std::nullopt},
      {"Patient", "Date of birth", r.panel.date_of_birth, std::nullopt},
      {"Patient", "Sex", r.patient_sex, std::nullopt},
      answered("Patient", "First treatment", items, "first_treatment", "on the pre-dose checklist"),
  };
  if (out.back().value == "yes") {
    out.push_back(answered("Patient", "Enrolled in the REMS", items, "rems_enrollment_verified",
                           "on the pre-dose checklist"));
    if (out.back().value == "no") out.back().missing = "enrolment not verified";
  }
  return out;
}

void add_medications(std::vector<Field>& out, const nlohmann::json& items) {
  const std::pair<const char*, const char*> meds[] = {
      {"Benzodiazepines", "concomitant_benzodiazepines"},
      {"Non-benzodiazepine sedative hypnotics", "concomitant_sedative_hypnotics"},
      {"Opioids", "concomitant_opioids"},
      {"Psychostimulants", "concomitant_psychostimulants"},
      {"MAOIs", "concomitant_maois"},
  };
  for (const auto& [label, key] : meds) {
    out.push_back(
        answered("Concomitant medications", label, items, key, "on the pre-dose checklist"));
  }
}

void add_site(std::vector<Field>& out, const std::optional<std::string>& provider,
              const std::optional<std::string>& setting) {
  out.push_back({"Monitoring", "Monitoring provider (name, phone, email)", provider.value_or(""),
                 provider
                     ? std::nullopt
                     : std::optional<std::string>(
                           "site setting rems.monitoring_provider is not set (an admin sets it)")});
  out.push_back({"Monitoring", "Setting (name, address)", setting.value_or(""),
                 setting ? std::nullopt
                         : std::optional<std::string>(
                               "site setting rems.setting is not set (an admin sets it)")});
}

void add_treatment(std::vector<Field>& out, const SessionReport& r) {
  std::string lots;
  std::vector<std::string> seen;
  double esketamine_mg = 0;
  for (const auto& d : r.panel.doses) {
    if (d.route != core::DoseRoute::esketamine_nasal) continue;
    esketamine_mg += d.dose_mg;
    if (std::find(seen.begin(), seen.end(), d.lot) != seen.end()) continue;  // whole lots
    seen.push_back(d.lot);
    lots += (lots.empty() ? "" : ", ") + d.lot;
  }
  const auto no_dose = std::optional<std::string>("no esketamine dose is recorded");
  std::string dose;
  if (esketamine_mg == 56 || esketamine_mg == 84) {
    dose = number(esketamine_mg) + " mg";
  } else if (esketamine_mg > 0) {
    dose = "other: " + number(esketamine_mg) + " mg";
  }
  out.push_back({"Treatment", "Dose", dose, dose.empty() ? no_dose : std::nullopt});
  out.push_back({"Treatment", "Lot number", lots, lots.empty() ? no_dose : std::nullopt});
  // Assigned, not a conditional expression: GCC 12 at -O2 warns maybe-uninitialized on those.
  std::optional<int> minutes;
  if (r.discharge) minutes = r.discharge->monitoring_minutes;
  out.push_back(
      {"Treatment", "Total monitoring minutes (first device to end of monitoring)",
       minutes ? std::to_string(*minutes) : "",
       minutes ? std::nullopt : std::optional<std::string>("ready to leave is not recorded")});
  std::optional<int> ready;
  if (r.discharge) ready = r.discharge->answers.rems_ready_minutes;
  out.push_back(
      {"Treatment",
       "Minutes after which the patient would have been ready to leave (REMS "
       "evaluation question)",
       ready ? std::to_string(*ready) : "",
       ready ? std::nullopt : std::optional<std::string>("not answered when ready to leave")});
}

void add_vitals(std::vector<Field>& out, const SessionReport& r) {
  Field before{"Vital signs", "Acceptable before administration", {}, std::nullopt};
  if (const auto& bp = r.panel.pre_dose_bp) {
    const std::string reading = number(bp->systolic_mmhg) + "/" + number(bp->diastolic_mmhg);
    if (bp->systolic_mmhg <= 140 && bp->diastolic_mmhg <= 90) {
      before.value = "yes (pre-dose BP " + reading + " mmHg, within 140/90)";
    } else {
      before.missing = "pre-dose BP " + reading + " mmHg was above 140/90: the clinician answers";
    }
  } else {
    before.missing = "no pre-dose BP is recorded";
  }
  out.push_back(before);
  std::optional<bool> acceptable;
  if (r.discharge) acceptable = r.discharge->answers.vitals_acceptable_before_completion;
  out.push_back(
      {"Vital signs", "Acceptable before completion of monitoring",
       acceptable ? (*acceptable ? "yes" : "no") : "",
       acceptable ? std::nullopt : std::optional<std::string>("not answered when ready to leave")});
  out.push_back(checkpoint_bp(r, core::CheckpointKind::pre_dose_bp, "BP before administration"));
  out.push_back(checkpoint_bp(r, core::CheckpointKind::post_dose_bp, "BP at about 40 minutes"));
  out.push_back(checkpoint_bp(r, core::CheckpointKind::discharge_bp, "BP before completion"));
  Field spo2{"Vital signs", "Pulse oximetry", {}, std::nullopt};
  if (r.spo2.lowest) {
    spo2.value = "monitored; SpO2 lowest " + number(*r.spo2.lowest) + " %, highest " +
                 number(*r.spo2.highest) + " %";
  } else {
    spo2.missing = "no valid SpO2 is recorded";
  }
  out.push_back(spo2);
}

}  // namespace

std::vector<RemsFormField> rems_form_fields(const SessionReport& r,
                                            const std::string& pre_dose_items_json,
                                            const std::optional<std::string>& provider,
                                            const std::optional<std::string>& setting) {
  const auto items = nlohmann::json::parse(pre_dose_items_json, nullptr, false);
  std::vector<Field> out = patient_fields(r, items);
  add_medications(out, items);
  add_site(out, provider, setting);
  add_treatment(out, r);
  add_vitals(out, r);
  out.push_back(
      seen_and_resolved(r, "Sedation", &ReadyToLeave::sedation, &ReadyToLeave::sedation_resolved));
  out.push_back(seen_and_resolved(r, "Dissociation", &ReadyToLeave::dissociation,
                                  &ReadyToLeave::dissociation_resolved));
  out.push_back(seen_and_resolved(r, "Respiratory depression",
                                  &ReadyToLeave::respiratory_depression,
                                  &ReadyToLeave::respiratory_depression_resolved));
  std::string serious;
  for (const auto& ae : r.adverse_events) {
    if (ae.serious)
      serious += (serious.empty() ? "yes: " : "; ") + ae.type + " (" + ae.severity + ")";
  }
  out.push_back({"During monitoring", "Serious adverse events", serious.empty() ? "no" : serious,
                 std::nullopt});
  return out;
}

}  // namespace vigil::db
