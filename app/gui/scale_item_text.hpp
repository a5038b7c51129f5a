#pragma once
// What each bedside scale asks, in Vigil's own short wording (paraphrases for the screen, not
// the published instruments' text): the MOAA/S and RASS level descriptions, the modified
// Aldrete items, and the questionnaires (CADSS full and short form, PHQ-9, GAD-7) with their
// answer choices. A clinic checks these against its licensed copy of each instrument.

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

#include "vigil/db/observation_store.hpp"

namespace vigil::gui {

// MOAA/S level 0-5 and RASS level -5..+4 descriptions.
QString moaasLevelText(int level);
QString rassLevelText(int level);
// The modified Aldrete items in the store's order (activity ... SpO2).
QStringList aldreteItemNames();

// A questionnaire as the screen asks it: items all answered from 0 to choices.size() - 1.
struct QuestionnaireSpec {
  db::Scale scale = db::Scale::phq9;
  QString name;         // "PHQ-9"
  QString heading;      // what it measures, shown with the name
  QString instruction;  // the question the items answer
  QStringList items;    // in the store's item order
  std::vector<int>
      numbers;          // the number shown per item (the full form's, for the CADSS short form)
  QStringList choices;  // the answer of each value, from 0
  std::optional<int> flagged_item;  // 0-based: an answer above 0 here is flagged
  QString flag_text;                // the line shown at the flagged item
  int maxTotal() const {
    return static_cast<int>(items.size()) * (static_cast<int>(choices.size()) - 1);
  }
};

// The CADSS: all 23 items, or the 6-item short form (db::cadss6_items()).
QuestionnaireSpec cadssSpec(bool short_form);
QuestionnaireSpec phq9Spec();
QuestionnaireSpec gad7Spec();

}  // namespace vigil::gui
