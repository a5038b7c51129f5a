#pragma once
// Modified Aldrete score (Aldrete 1995): five items scored 0-2, total 0-10; discharge needs
// >= 9 (docs/clinical.md). The SpO2 item is computed from the value and whether the patient is on
// supplemental oxygen:
//   2  SpO2 > 92 % on room air
//   1  SpO2 > 90 % (on oxygen, or on room air at 91-92 %)
//   0  SpO2 <= 90 %, even with oxygen
// The other items are charted by the nurse as scores 0-2.

#include <optional>
#include <string>

namespace vigil::core {

// 2: moves four limbs on command; 1: two limbs; 0: none.
// 2: breathes deeply and coughs freely; 1: dyspnoea or limited breathing; 0: apnoeic.
// 2: BP within 20 % of the pre-dose level; 1: 20-49 %; 0: 50 % or more.
// 2: fully awake; 1: arousable on calling; 0: not responding.
struct ModifiedAldreteItems {
  int activity = 0;       // 0-2
  int respiration = 0;    // 0-2
  int circulation = 0;    // 0-2
  int consciousness = 0;  // 0-2
  int spo2 = 0;           // 0-2, see aldrete_spo2_score()
};

// `spo2_percent`: the current SpO2, %. Values outside 0-100 score 0 (never a pass).
int aldrete_spo2_score(double spo2_percent, bool on_supplemental_oxygen);

struct ModifiedAldreteScore {
  std::optional<int> total;  // 0-10; absent when an item is invalid
  std::string error;         // names the item and the rule when total is absent
};

ModifiedAldreteScore modified_aldrete_score(const ModifiedAldreteItems& items);

}  // namespace vigil::core
