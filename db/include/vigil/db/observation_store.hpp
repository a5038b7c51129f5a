#pragma once
// Observations: BP (device or manual), rating scales with item answers and totals, adverse
// events. Each is validated (messages name the field and the rule) and audited. The session's
// phase at the time is stored with the observation (a BP in pre_dose meets the pre-dose
// checkpoint).

#include "vigil/db/store.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/core/session_bp_reading.hpp"
#include "vigil/db/roles.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::db {

struct BpObservation {
  RowId session_id = 0;
  UtcMs t_utc_ms = 0;
  double systolic_mmhg = 0;
  double diastolic_mmhg = 0;
  std::optional<double> mean_mmhg;
  core::BpSource source = core::BpSource::device;
};

// Scale answers, in item order:
//   moaas   1 item 0-5                  total = the item
//   rass    1 item -5..+4               total = the item
//   cadss   23 items 0-4                total 0-92
//   cadss6  6 items 0-4 (CADSS items 1, 2, 6, 7, 15, 22: the short form), total 0-24
//   aldrete 5 items 0-2 (activity, respiration, circulation, consciousness, SpO2), total 0-10
//   phq9    9 items 0-3                 total 0-27 (item 9 > 0 is flagged by the caller/UI)
//   gad7    7 items 0-3                 total 0-21
enum class Scale : std::uint8_t { moaas, rass, cadss, aldrete, phq9, gad7, cadss6 };
constexpr std::string_view scale_name(Scale v) {
  switch (v) {
    case Scale::moaas:
      return "moaas";
    case Scale::rass:
      return "rass";
    case Scale::cadss:
      return "cadss";
    case Scale::aldrete:
      return "aldrete";
    case Scale::phq9:
      return "phq9";
    case Scale::gad7:
      return "gad7";
    case Scale::cadss6:
      return "cadss6";
  }
  return {};
}
constexpr std::string_view enum_name(Scale v) { return scale_name(v); }

struct ScaleObservation {
  RowId session_id = 0;
  UtcMs t_utc_ms = 0;
  Scale scale = Scale::moaas;
  std::vector<int> items;
};

// Throws ValidationError ("cadss.items[3]: must be 0-4 (got 7)", items counted from 1);
// returns the total.
int validate_scale(Scale scale, const std::vector<int>& items);

// The severity band of a PHQ-9 or GAD-7 total ("minimal", "mild", "moderate", "moderately
// severe" (PHQ-9 only), "severe"); empty for the other scales.
std::string_view severity_band(Scale scale, int total);

// The CADSS items the 6-item short form asks, as numbers of the full form (1, 2, 6, 7, 15, 22).
// Which form a clinic uses is the site setting `cadss_form` ("full", the default, or "short").
const std::vector<int>& cadss6_items();

struct AdverseEvent {
  RowId session_id = 0;
  UtcMs t_utc_ms = 0;
  std::string type;      // e.g. "nausea", "hypertension"
  std::string severity;  // mild | moderate | severe | life_threatening
  UtcMs onset_utc_ms = 0;
  std::string action;  // what was done
  // Serious (death, life-threatening, hospitalisation, disability, or an important medical
  // event): marked for the REMS Patient Monitoring Form.
  bool serious = false;
};

RowId record_bp(Store& store, const Actor& actor, const BpObservation& bp, UtcMs now);
RowId record_scale(Store& store, const Actor& actor, const ScaleObservation& s, UtcMs now);
RowId record_adverse_event(Store& store, const Actor& actor, const AdverseEvent& ae, UtcMs now);

}  // namespace vigil::db
