#pragma once
// The clinical area of the monitor window: a row of page buttons (Today, Patients, Plan,
// Session, Aftercare; F2-F6) over one page at a time. The session panel opens the pre-dose
// checklist, the dose form, the scales, adverse events, notes and discharge; Aftercare opens
// a follow-up entry and an integration session's notes. Escape (or Back) in a form returns to
// where it was opened: the session panel (or Today when no session is recording), or Aftercare.
// Everything goes through the ClinicalGateway as the signed-in user. Sized for the clinical area at
// 1280x800 (about 760x470).

#include <QButtonGroup>
#include <QPushButton>
#include <QStackedWidget>
#include <QWidget>

#include "clinical_gateway.hpp"

namespace vigil::gui {

class TodayList;
class PatientForm;
class PlanSessionForm;
class SessionPanelWidget;
class ChecklistForm;
class DoseForm;
class ScaleForm;
class AdverseEventForm;
class NotePage;
class DischargePage;
class AftercarePage;
class FollowUpForm;

class ClinicalPanel : public QWidget {
  Q_OBJECT
 public:
  enum class Page {
    today,
    patients,
    plan,
    session,
    checklist,
    dose,
    scales,
    adverse_event,
    notes,
    discharge,
    aftercare,
    follow_up
  };

  explicit ClinicalPanel(ClinicalGateway& gateway, QWidget* parent = nullptr);

  void showPage(Page page);
  Page currentPage() const;

  TodayList* todayList() const { return today_; }
  PatientForm* patientForm() const { return patients_; }
  PlanSessionForm* planForm() const { return plan_; }
  SessionPanelWidget* sessionPanel() const { return session_; }
  ChecklistForm* checklistForm() const { return checklist_; }
  DoseForm* doseForm() const { return dose_; }
  ScaleForm* scaleForm() const { return scales_; }
  AdverseEventForm* adverseEventForm() const { return adverse_event_; }
  NotePage* notePage() const { return notes_; }
  DischargePage* dischargePage() const { return discharge_; }
  AftercarePage* aftercarePage() const { return aftercare_; }
  FollowUpForm* followUpForm() const { return follow_up_; }
  // The notes of an integration session (from Aftercare; Back returns there).
  void openIntegrationNotes(db::RowId session);
  QPushButton* pageButton(Page page) const;

 private:
  void addNavButton(Page page, const QString& text, Qt::Key key);
  void connectPages();
  void backFromForm();
  void forwardState();
  void openFromAftercare(Page page);
  void showStackPage(Page page, Page nav);

  ClinicalGateway& gateway_;
  QStackedWidget* stack_;
  QButtonGroup* nav_;
  TodayList* today_;
  PatientForm* patients_;
  PlanSessionForm* plan_;
  SessionPanelWidget* session_;
  ChecklistForm* checklist_;
  DoseForm* dose_;
  ScaleForm* scales_;
  AdverseEventForm* adverse_event_;
  NotePage* notes_;
  DischargePage* discharge_;
  AftercarePage* aftercare_;
  FollowUpForm* follow_up_;
  bool return_to_aftercare_ = false;  // Back from a form opened from Aftercare goes there
  bool notes_pinned_ = false;         // the notes page shows an integration session
};

}  // namespace vigil::gui
