#include "clinical_panel.hpp"

#include <QHBoxLayout>
#include <QShortcut>
#include <QVBoxLayout>

#include "adverse_event_form.hpp"
#include "aftercare_page.hpp"
#include "checklist_form.hpp"
#include "discharge_page.hpp"
#include "dose_form.hpp"
#include "follow_up_form.hpp"
#include "form_style.hpp"
#include "note_page.hpp"
#include "patient_form.hpp"
#include "plan_session_form.hpp"
#include "scale_form.hpp"
#include "session_panel_widget.hpp"
#include "today_list.hpp"

namespace vigil::gui {

ClinicalPanel::ClinicalPanel(ClinicalGateway& gateway, QWidget* parent)
    : QWidget(parent),
      gateway_(gateway),
      stack_(new QStackedWidget(this)),
      nav_(new QButtonGroup(this)),
      today_(new TodayList(gateway, this)),
      patients_(new PatientForm(gateway, this)),
      plan_(new PlanSessionForm(gateway, this)),
      session_(new SessionPanelWidget(gateway, this)),
      checklist_(new ChecklistForm(gateway, this)),
      dose_(new DoseForm(gateway, this)),
      scales_(new ScaleForm(gateway, this)),
      adverse_event_(new AdverseEventForm(gateway, this)),
      notes_(new NotePage(gateway, this)),
      discharge_(new DischargePage(gateway, this)),
      aftercare_(new AftercarePage(gateway, this)),
      follow_up_(new FollowUpForm(gateway, this)) {
  form_style::apply(this);
  for (QWidget* page : std::initializer_list<QWidget*>{
           today_, patients_, plan_, session_, checklist_, dose_, scales_, adverse_event_, notes_,
           discharge_, aftercare_, follow_up_}) {
    stack_->addWidget(page);
  }
  auto* bar = new QHBoxLayout;
  bar->setSpacing(6);
  auto* col = new QVBoxLayout(this);
  col->setContentsMargins(0, 4, 0, 0);
  col->setSpacing(2);
  col->addLayout(bar);
  col->addWidget(stack_, 1);
  nav_->setExclusive(true);
  addNavButton(Page::today, tr("Today"), Qt::Key_F2);
  addNavButton(Page::patients, tr("Patients"), Qt::Key_F3);
  addNavButton(Page::plan, tr("Plan"), Qt::Key_F4);
  addNavButton(Page::session, tr("Session"), Qt::Key_F5);
  addNavButton(Page::aftercare, tr("Aftercare"), Qt::Key_F6);
  for (QAbstractButton* b : nav_->buttons()) bar->addWidget(b, 1);
  connectPages();
  showPage(gateway.activeSession() != 0 ? Page::session : Page::today);
}

void ClinicalPanel::addNavButton(Page page, const QString& text, Qt::Key key) {
  auto* b = new QPushButton(text, this);
  b->setToolTip(tr("%1 (%2)").arg(text, QKeySequence(key).toString()));  // the key, said
  b->setCheckable(true);
  b->setFocusPolicy(Qt::TabFocus);
  b->setStyleSheet(QStringLiteral("QPushButton { padding: 0 2px; }"));  // five fit at 460 px
  b->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
  nav_->addButton(b, static_cast<int>(page));
  connect(b, &QPushButton::clicked, this, [this, page] { showPage(page); });
  auto* shortcut = new QShortcut(QKeySequence(key), this);
  shortcut->setContext(Qt::WidgetWithChildrenShortcut);
  connect(shortcut, &QShortcut::activated, this, [this, page] { showPage(page); });
}

void ClinicalPanel::connectPages() {
  connect(session_, &SessionPanelWidget::checklistRequested, this,
          [this] { showPage(Page::checklist); });
  connect(session_, &SessionPanelWidget::doseRequested, this, [this] { showPage(Page::dose); });
  connect(session_, &SessionPanelWidget::scalesRequested, this, [this] { showPage(Page::scales); });
  connect(session_, &SessionPanelWidget::adverseEventRequested, this,
          [this] { showPage(Page::adverse_event); });
  connect(session_, &SessionPanelWidget::notesRequested, this, [this] { showPage(Page::notes); });
  connect(session_, &SessionPanelWidget::dischargeRequested, this,
          [this] { showPage(Page::discharge); });
  connect(session_, &SessionPanelWidget::stateRefreshed, this, &ClinicalPanel::forwardState);
  connect(aftercare_, &AftercarePage::followUpRequested, this,
          [this](const db::FollowUpView& v, const QString& patient) {
            follow_up_->setTarget(v, patient);
            openFromAftercare(Page::follow_up);
          });
  connect(aftercare_, &AftercarePage::integrationOpenRequested, this,
          &ClinicalPanel::openIntegrationNotes);
  for (FormPage* form :
       std::initializer_list<FormPage*>{patients_, plan_, checklist_, dose_, scales_,
                                        adverse_event_, notes_, discharge_, follow_up_}) {
    connect(form, &FormPage::closeRequested, this, &ClinicalPanel::backFromForm);
  }
  connect(&gateway_, &ClinicalGateway::activeSessionChanged, this,
          [this](db::RowId id) { showPage(id != 0 ? Page::session : Page::today); });
  connect(&gateway_, &ClinicalGateway::userChanged, this, [this] {
    if (!gateway_.user()) showPage(Page::today);
  });
}

void ClinicalPanel::forwardState() {
  if (!session_->state()) return;
  checklist_->setState(*session_->state());
  dose_->setContext(doseContextOf(*session_->state()));
  scales_->setState(*session_->state());
  adverse_event_->setState(*session_->state());
  if (!notes_pinned_) notes_->setState(*session_->state());
  discharge_->setState(*session_->state());
}

void ClinicalPanel::backFromForm() {
  if (return_to_aftercare_) {
    showPage(Page::aftercare);
    return;
  }
  showPage(gateway_.activeSession() != 0 ? Page::session : Page::today);
}

namespace {
// The forms opened from the session panel (their nav button is Session's).
bool isSessionForm(ClinicalPanel::Page page) {
  using P = ClinicalPanel::Page;
  return page == P::checklist || page == P::dose || page == P::scales || page == P::adverse_event ||
         page == P::notes || page == P::discharge;
}
}  // namespace

void ClinicalPanel::showPage(Page page) {
  return_to_aftercare_ = false;
  notes_pinned_ = false;
  if (isSessionForm(page)) {
    session_->refresh();  // the forms start from the record as it is now
    forwardState();
  }
  showStackPage(page, isSessionForm(page) ? Page::session : page);
}

void ClinicalPanel::openFromAftercare(Page page) {
  showStackPage(page, Page::aftercare);
  return_to_aftercare_ = true;
}

void ClinicalPanel::openIntegrationNotes(db::RowId session) {
  try {
    notes_->setState(gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::read_session_panel(s, a, session, now);
    }));
  } catch (const std::exception&) {
    return;  // the aftercare list read it a moment ago; a refusal here means no user
  }
  notes_pinned_ = true;  // the recording session's refreshes do not replace it
  openFromAftercare(Page::notes);
}

void ClinicalPanel::showStackPage(Page page, Page nav) {
  QWidget* target = stack_->widget(static_cast<int>(page));
  stack_->setCurrentWidget(target);
  if (QAbstractButton* b = nav_->button(static_cast<int>(nav))) b->setChecked(true);
  target->setFocus();
  if (QWidget* first = target->nextInFocusChain(); first && target->isAncestorOf(first)) {
    first->setFocus();
  }
}

ClinicalPanel::Page ClinicalPanel::currentPage() const {
  return static_cast<Page>(stack_->currentIndex());
}

QPushButton* ClinicalPanel::pageButton(Page page) const {
  return static_cast<QPushButton*>(nav_->button(static_cast<int>(page)));
}

}  // namespace vigil::gui
