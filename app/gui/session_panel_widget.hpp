#pragma once
// The running session at a glance (db::read_session_panel for gateway.activeSession()): the
// patient, the phase, the time since the first dose, the next steps (an allowed one is a button
// that advances the session; a refused one shows the rule in words), the BP checkpoints
// (upcoming, due, met by device or manually, overdue) with a countdown to the next, doses given,
// the checklist in force, "Measure BP now" (the NIBP device), a manual BP entry, and the buttons
// that open the checklist and the dose form.
//
// Refreshed from the record when the record changes and once a second while visible (the
// countdowns): one store read a second; labels are only set when their text changes, so a
// refresh repaints what changed and nothing else.

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <optional>
#include <vector>

#include "clinical_gateway.hpp"
#include "vigil/db/session_panel.hpp"

namespace vigil::gui {

class SessionPanelWidget : public QWidget {
  Q_OBJECT
 public:
  explicit SessionPanelWidget(ClinicalGateway& gateway, QWidget* parent = nullptr);

  // Reads the active session's panel state and shows it.
  void refresh();
  // The state last read (nullopt: no session, or the read was refused).
  const std::optional<db::SessionPanelState>& state() const { return state_; }

  void recordManualBp();
  void advanceTo(core::SessionPhase to);

  QString headerText() const { return header_->text(); }
  QString phaseLabelText() const { return phase_->text(); }
  QString sinceDoseText() const { return since_dose_->text(); }
  QString nextCheckpointLabel() const { return next_bp_->text(); }
  QString checkpointsText() const;  // one line per checkpoint
  QString stepReasonsText() const { return step_reasons_->text(); }
  QString refusalText() const { return refusal_->text(); }
  QString summaryText() const { return summary_->text(); }
  // The next-step button that moves to `to`, or nullptr.
  QPushButton* stepButton(core::SessionPhase to) const;
  QPushButton* measureButton() const { return measure_; }
  QLineEdit* systolicEdit() const { return systolic_; }
  QLineEdit* diastolicEdit() const { return diastolic_; }
  QPushButton* recordBpButton() const { return record_bp_; }
  QPushButton* checklistButton() const { return checklist_; }
  QPushButton* doseButton() const { return dose_; }
  QPushButton* scalesButton() const { return scales_; }
  QPushButton* eventButton() const { return event_; }
  QPushButton* notesButton() const { return notes_; }
  QPushButton* dischargeButton() const { return discharge_; }
  // The red PHQ-9 self-harm line ("" when no answer waits for a clinician).
  QString selfHarmText() const { return self_harm_->isHidden() ? QString() : self_harm_->text(); }

 signals:
  void checklistRequested();
  void doseRequested();
  void scalesRequested();
  void adverseEventRequested();
  void notesRequested();
  // The discharge page: the Discharge button, and the steps to discharge-ready and closed (both
  // are taken there, with the REMS answers and the list of what closing still needs).
  void dischargeRequested();
  void stateRefreshed();  // state() was read anew

 protected:
  void showEvent(QShowEvent* event) override;
  void hideEvent(QHideEvent* event) override;

 private:
  QWidget* buildBottomRow();
  void display(const db::SessionPanelState& s, db::UtcMs now);
  void showSteps(const db::SessionPanelState& s);
  void showCheckpoints(const db::SessionPanelState& s, db::UtcMs now);
  void showSummary(const db::SessionPanelState& s);
  void showSelfHarm(const db::SessionPanelState& s);
  void showNone(const QString& why);

  ClinicalGateway& gateway_;
  std::optional<db::SessionPanelState> state_;
  QLabel* header_;
  QLabel* phase_;
  QLabel* since_dose_;
  QHBoxLayout* steps_;
  std::vector<std::pair<core::SessionPhase, QPushButton*>> step_buttons_;
  std::vector<db::PanelNextStep> shown_steps_;
  QLabel* step_reasons_;
  QLabel* next_bp_;
  std::vector<std::pair<QLabel*, QLabel*>> checkpoint_rows_;  // name, state
  QLabel* summary_;
  QLabel* refusal_;
  QPushButton* measure_;
  QLineEdit* systolic_;
  QLineEdit* diastolic_;
  QPushButton* record_bp_;
  QPushButton* checklist_;
  QPushButton* dose_;
  QPushButton* scales_;
  QPushButton* event_;
  QPushButton* notes_;
  QPushButton* discharge_;
  QLabel* self_harm_;
  QTimer tick_;
};

}  // namespace vigil::gui
