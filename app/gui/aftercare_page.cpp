#include "aftercare_page.hpp"

#include <QScrollArea>
#include <QStringList>
#include <QVBoxLayout>

#include "clinical_time.hpp"
#include "follow_up_list.hpp"
#include "form_style.hpp"
#include "integration_planner.hpp"
#include "patient_picker.hpp"
#include "treatment_text.hpp"

namespace vigil::gui {

QString overdueFollowUpsText(const std::vector<db::FollowUpView>& overdue) {
  QStringList lines;
  for (const auto& v : overdue) {
    lines << QObject::tr("OVERDUE follow-up: %1 after session %2 (due %3)")
                 .arg(QString::fromUtf8(db::follow_up_interval_label(v.interval).data()))
                 .arg(v.session_id)
                 .arg(localDateTimeText(v.due_utc_ms));
  }
  return lines.join(QLatin1Char('\n'));
}

AftercarePage::AftercarePage(ClinicalGateway& gateway, QWidget* parent)
    : QWidget(parent),
      gateway_(gateway),
      picker_(new PatientPicker(gateway, 2, this)),
      overdue_(new QLabel(this)),
      message_(new QLabel(this)),
      session_box_(new QComboBox(this)),
      follow_ups_(new FollowUpList(this)),
      planner_(new IntegrationPlanner(gateway, this)) {
  form_style::apply(this);
  overdue_->setWordWrap(true);
  overdue_->setStyleSheet(QStringLiteral("color: %1; font-size: 16px; font-weight: bold;")
                              .arg(form_style::refusal().name()));
  overdue_->hide();
  message_->setWordWrap(true);
  session_box_->setAccessibleName(tr("closed dosing session"));
  auto* inner = new QWidget(this);
  auto* inner_col = new QVBoxLayout(inner);
  inner_col->setContentsMargins(0, 0, 4, 0);
  inner_col->addWidget(session_box_);
  inner_col->addWidget(form_style::headingLabel(tr("Follow-up"), inner));
  inner_col->addWidget(follow_ups_);
  inner_col->addWidget(form_style::headingLabel(tr("Integration sessions"), inner));
  inner_col->addWidget(planner_);
  inner_col->addStretch(1);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setWidget(inner);
  auto* col = new QVBoxLayout(this);
  col->setContentsMargins(10, 6, 10, 6);
  col->setSpacing(4);
  col->addWidget(form_style::headingLabel(tr("Aftercare: follow-up and integration"), this));
  col->addWidget(picker_);
  col->addWidget(overdue_);
  col->addWidget(message_);
  col->addWidget(scroll, 1);
  connect(picker_, &PatientPicker::selectionChanged, this, &AftercarePage::showPatient);
  connect(session_box_, &QComboBox::currentIndexChanged, this, &AftercarePage::showSession);
  connect(follow_ups_, &FollowUpList::recordRequested, this, [this](db::FollowUpInterval i) {
    for (const auto& v : follow_ups_->schedule()) {
      if (v.interval == i) emit followUpRequested(v, patientText());
    }
  });
  connect(planner_, &IntegrationPlanner::openRequested, this,
          &AftercarePage::integrationOpenRequested);
  connect(planner_, &IntegrationPlanner::planned, this, &AftercarePage::refresh);
}

QString AftercarePage::patientText() const {
  if (!patient_) return {};
  return QStringLiteral("%1 (%2)").arg(QString::fromStdString(patient_->name),
                                       QString::fromStdString(patient_->identifier));
}

void AftercarePage::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  refresh();
}

void AftercarePage::showPatient() {
  patient_ = picker_->selected();
  refresh();
}

void AftercarePage::refresh() {
  std::vector<db::FollowUpView> overdue;
  sessions_.clear();
  message_->clear();
  if (patient_) {
    try {
      gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
        overdue = db::read_overdue_follow_ups(s, a, patient_->id, now);
        sessions_ = db::read_closed_dosing_sessions(s, a, patient_->id, now);
        return 0;
      });
    } catch (const std::exception& e) {
      message_->setText(refusalText(e));
    }
  } else {
    message_->setText(tr("Find the patient to see their follow-up and integration sessions."));
  }
  const QString text = overdueFollowUpsText(overdue);
  form_style::setTextIfChanged(overdue_, text);
  overdue_->setVisible(!text.isEmpty());
  if (patient_ && sessions_.empty() && message_->text().isEmpty()) {
    message_->setText(tr("%1 has no closed dosing session yet.").arg(patientText()));
  }
  const db::RowId chosen = session_box_->currentData().toLongLong();
  const QSignalBlocker block(session_box_);
  session_box_->clear();
  for (const auto& s : sessions_) {
    session_box_->addItem(
        tr("Session %1, closed %2%3")
            .arg(s.id)
            .arg(localDateTimeText(s.closed_utc_ms))
            .arg(s.planned_route ? QStringLiteral(": ") + treatmentText(*s.planned_route)
                                 : QString()),
        QVariant::fromValue<qlonglong>(s.id));
    if (s.id == chosen) session_box_->setCurrentIndex(session_box_->count() - 1);
  }
  showSession();
}

void AftercarePage::showSession() {
  const int i = session_box_->currentIndex();
  const bool any = i >= 0 && i < static_cast<int>(sessions_.size());
  session_box_->setVisible(any);
  follow_ups_->parentWidget()->setVisible(any);
  if (!any) return;
  const db::ClosedDosingSession& s = sessions_[static_cast<std::size_t>(i)];
  std::vector<db::FollowUpView> schedule;
  try {
    schedule = gateway_.run([&](db::Store& st, const db::Actor& a, db::UtcMs now) {
      return db::read_follow_up_schedule(st, a, s.id, now);
    });
  } catch (const std::exception& e) {
    message_->setText(refusalText(e));
  }
  follow_ups_->setSchedule(schedule);
  planner_->setSession(s);
}

}  // namespace vigil::gui
