#pragma once
// The bedside scales (docs/clinical.md "Scales"), one section at a time behind a row of section
// buttons: Sedation (MOAA/S and RASS, one tap per level with the level's description, each tap
// records), Recovery (the modified Aldrete score with the SpO2 item pre-filled from the
// oximeter's newest recorded value, editable and marked so), CADSS (the full 23 items, or the
// 6-item short form when the site setting "cadss_form" is "short"), PHQ-9 and GAD-7 (with the
// severity band live and PHQ-9 item 9 flagged at the item). Every entry goes through
// db::record_scale as the signed-in user at the station's time; a refusal (an item out of its
// range, an item not answered, a role) is shown at the item in the store's words and nothing
// is written.

#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <array>
#include <optional>
#include <vector>

#include "clinical_gateway.hpp"
#include "field_refusals.hpp"
#include "form_page.hpp"
#include "questionnaire_section.hpp"
#include "vigil/db/observation_store.hpp"
#include "vigil/db/session_panel.hpp"

namespace vigil::gui {

// The Aldrete SpO2 item from a pulse oximeter reading on room air: > 92 % -> 2, 90-92 % -> 1,
// < 90 % -> 0 (a patient on oxygen is scored by the nurse).
int aldreteSpo2Item(double spo2_percent);

class ScaleForm : public FormPage {
  Q_OBJECT
 public:
  static constexpr int kAldreteItems = 5;
  enum class Section { sedation, recovery, cadss, phq9, gad7 };

  explicit ScaleForm(ClinicalGateway& gateway, QWidget* parent = nullptr);

  // The session (patient, newest SpO2); a new session clears every section's answers and reads
  // which CADSS form the site uses.
  void setState(const db::SessionPanelState& state);
  // Saves the section shown (Recovery: the Aldrete score; a questionnaire: its answers). The
  // Sedation section has nothing to save: each tap records.
  void submit() override;

  void showSection(Section section);
  Section section() const;
  QPushButton* sectionButton(Section section) const;
  QPushButton* saveButton() const { return save_; }

  // The MOAA/S button of `level` (0-5) and the RASS button of `level` (-5..+4).
  QPushButton* moaasButton(int level) const;
  QPushButton* rassButton(int level) const;
  QSpinBox* aldreteItem(int i) const { return aldrete_.at(static_cast<std::size_t>(i)); }
  QString aldreteSpo2Note() const { return spo2_note_->text(); }
  QString totalText() const { return total_->text(); }  // the Aldrete total
  QString statusText() const { return status_->text(); }
  // The CADSS form the site uses (full, or the short form), PHQ-9, GAD-7.
  QuestionnaireSection* cadssSection() const;
  QuestionnaireSection* phq9Section() const { return phq9_; }
  QuestionnaireSection* gad7Section() const { return gad7_; }
  // "aldrete.items[1]".."aldrete.items[5]" (the store numbers items from 1), a questionnaire's
  // "cadss.items[3]", "cadss6.items[2]", "phq9.items[9]", "gad7.items[1]", or "" (general: the
  // sedation and recovery sections').
  QString refusalAt(const QString& field) const;

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  QWidget* buildSectionBar();
  QWidget* buildSedation();
  QWidget* buildMoaas(QWidget* parent);
  QWidget* buildRass(QWidget* parent);
  QWidget* buildAldrete();
  QuestionnaireSection* addQuestionnaire(QuestionnaireSpec spec, QWidget* parent);
  void readCadssForm();
  // Records `items` of `scale`; true when written.
  bool record(db::Scale scale, std::vector<int> items, const QString& done);
  void showRecorded(const QString& done);

  ClinicalGateway& gateway_;
  db::RowId session_ = 0;
  QLabel* title_;
  QStackedWidget* sections_;
  std::vector<QPushButton*> section_buttons_;  // index = Section
  std::vector<QPushButton*> moaas_;            // index = level
  std::vector<QPushButton*> rass_;             // index = level + 5
  std::array<QSpinBox*, kAldreteItems> aldrete_{};
  std::array<QLabel*, kAldreteItems> aldrete_refusals_{};
  QLabel* spo2_note_;
  QLabel* total_;
  QStackedWidget* cadss_forms_;  // the full form, the short form
  QuestionnaireSection* cadss_full_ = nullptr;
  QuestionnaireSection* cadss_short_ = nullptr;
  QuestionnaireSection* phq9_ = nullptr;
  QuestionnaireSection* gad7_ = nullptr;
  QLabel* status_;
  QPushButton* save_;
  QPushButton* back_;
  FieldRefusals refusals_;
};

}  // namespace vigil::gui
