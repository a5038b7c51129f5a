#pragma once
// One questionnaire of the scales page (CADSS, PHQ-9, GAD-7): each item's text with one button
// per answer (a tap, or the answer's digit on the focused item), the total (and the PHQ-9 /
// GAD-7 severity band) computed live, and a flagged item (PHQ-9 item 9, thoughts of self-harm)
// shown in red at the item with what it requires. Save records every answer through
// db::record_scale as the signed-in user at the station's time; an item not answered, or one
// the store refuses, shows the refusal at the item and nothing is written.

#include <QAbstractButton>
#include <QButtonGroup>
#include <QLabel>
#include <QScrollArea>
#include <QWidget>
#include <optional>
#include <vector>

#include "clinical_gateway.hpp"
#include "field_refusals.hpp"
#include "scale_item_text.hpp"

namespace vigil::gui {

class QuestionnaireSection : public QWidget {
  Q_OBJECT
 public:
  QuestionnaireSection(ClinicalGateway& gateway, QuestionnaireSpec spec, QWidget* parent = nullptr);

  const QuestionnaireSpec& spec() const { return spec_; }
  int itemCount() const { return static_cast<int>(items_.size()); }
  // The button answering item `i` (0-based) with `value`; clicking it answers.
  QAbstractButton* choiceButton(int i, int value) const;
  std::optional<int> answer(int i) const;
  QLabel* itemLabel(int i) const { return items_.at(static_cast<std::size_t>(i)).text; }
  QString totalText() const { return total_->text(); }  // "Total 12 of 27: moderate"
  QString flagText() const;  // the flagged item's line while shown, else ""
  // "phq9.items[9]" (the store's numbering: position in the form, from 1) or "" (general).
  QString refusalAt(const QString& field) const;

  // Every item answered: records them; otherwise shows "not answered" at each open item.
  bool save();
  // Records `answers` as given (what save() sends); a refusal is shown at its item. True when
  // written.
  bool record(const std::vector<int>& answers);
  // A new session: every answer and refusal cleared.
  void clear();

 signals:
  // Written: "PHQ-9 12 (moderate) recorded" (with the flag's note when it is raised).
  void recorded(const QString& summary);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  struct Item {
    QLabel* text = nullptr;
    QButtonGroup* group = nullptr;
    QLabel* refusal = nullptr;
    QLabel* flag = nullptr;  // only at the flagged item
  };
  QWidget* buildItem(int i, QWidget* parent);
  void update();
  QString summary(const std::vector<int>& answers) const;

  ClinicalGateway& gateway_;
  QuestionnaireSpec spec_;
  std::vector<Item> items_;
  QLabel* total_;
  QScrollArea* scroll_;
  FieldRefusals refusals_;
};

}  // namespace vigil::gui
