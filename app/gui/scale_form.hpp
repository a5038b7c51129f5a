#pragma once
// Sedation and recovery scales at the bedside (docs/clinical.md "Scales"): MOAA/S with one tap
// per level, each level's description on its button; RASS likewise; the modified Aldrete score
// (activity, respiration, circulation, consciousness, SpO2) with the SpO2 item pre-filled from
// the oximeter's newest recorded value, editable and marked so. Every entry goes through
// db::record_scale as the signed-in user at the station's time; a refusal (an item out of its
// range, a role) is shown at the item in the store's words and nothing is written.

#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <array>
#include <optional>
#include <vector>

#include "clinical_gateway.hpp"
#include "field_refusals.hpp"
#include "form_page.hpp"
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

  explicit ScaleForm(ClinicalGateway& gateway, QWidget* parent = nullptr);

  // The session (patient, newest SpO2); a new session clears the Aldrete items.
  void setState(const db::SessionPanelState& state);
  void submit() override;  // saves the Aldrete score

  // The MOAA/S button of `level` (0-5) and the RASS button of `level` (-5..+4).
  QPushButton* moaasButton(int level) const;
  QPushButton* rassButton(int level) const;
  QSpinBox* aldreteItem(int i) const { return aldrete_.at(static_cast<std::size_t>(i)); }
  QString aldreteSpo2Note() const { return spo2_note_->text(); }
  QString totalText() const { return total_->text(); }
  QString statusText() const { return status_->text(); }
  // "aldrete.items[1]".."aldrete.items[5]" (the store numbers items from 1), "" (general).
  QString refusalAt(const QString& field) const;

 private:
  QWidget* buildMoaas();
  QWidget* buildRass();
  QWidget* buildAldrete();
  // Records `items` of `scale`; true when written.
  bool record(db::Scale scale, std::vector<int> items, const QString& done);

  ClinicalGateway& gateway_;
  db::RowId session_ = 0;
  QLabel* title_;
  std::vector<QPushButton*> moaas_;  // index = level
  std::vector<QPushButton*> rass_;   // index = level + 5
  std::array<QSpinBox*, kAldreteItems> aldrete_{};
  std::array<QLabel*, kAldreteItems> aldrete_refusals_{};
  QLabel* spo2_note_;
  QLabel* total_;
  QLabel* status_;
  QPushButton* save_;
  QPushButton* back_;
  FieldRefusals refusals_;
};

}  // namespace vigil::gui
