#pragma once
// The clinical area of the monitor window: a row of page buttons (Today, Patients, Plan,
// Session; F2-F5) over one page at a time. The session panel opens the pre-dose checklist and
// the dose form; Escape (or Back) in a form returns to the session panel, or to Today when no
// session is recording. Everything goes through the ClinicalGateway as the signed-in user.
// Sized for the clinical area at 1280x800 (about 760x470).

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
    discharge
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
  QPushButton* pageButton(Page page) const;

 private:
  void addNavButton(Page page, const QString& text, Qt::Key key);
  void connectPages();
  void backFromForm();
  void forwardState();

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
};

}  // namespace vigil::gui
