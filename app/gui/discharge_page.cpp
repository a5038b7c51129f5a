#include "discharge_page.hpp"

#include <QHBoxLayout>
#include <QScrollArea>
#include <QStringList>
#include <QVBoxLayout>

#include "clinical_time.hpp"
#include "discharge_criteria_view.hpp"
#include "form_style.hpp"
#include "ready_to_leave_section.hpp"
#include "vigil/core/alarm_profile.hpp"
#include "vigil/db/checklist_store.hpp"
#include "vigil/db/discharge_store.hpp"

namespace vigil::gui {
namespace {

struct ItemText {
  const char* item;  // the store's name
  const char* text;
};
const ItemText kItems[] = {
    {"escort_present", "&Escort present (an adult takes them home)"},
    {"no_driving_advised", "No &driving until tomorrow, advised"},
    {"aftercare_instructions_given", "A&ftercare instructions given"},
};

bool isEsketamine(const db::SessionPanelState& s) {
  if (s.planned_route == core::DoseRoute::esketamine_nasal) return true;
  for (const auto& d : s.doses) {
    if (d.route == core::DoseRoute::esketamine_nasal) return true;
  }
  return false;
}

}  // namespace

DischargePage::DischargePage(ClinicalGateway& gateway, QWidget* parent)
    : FormPage(parent),
      gateway_(gateway),
      title_(form_style::headingLabel(tr("Discharge"), this)),
      summary_(new QLabel(this)),
      criteria_(new DischargeCriteriaView(this)),
      record_checklist_(new QPushButton(tr("Record discharge &checklist"), this)),
      self_harm_box_(nullptr),
      self_harm_(new QLabel(this)),
      self_harm_action_(new QLineEdit(this)),
      acknowledge_(new QPushButton(tr("Ac&knowledge (clinician)"), this)),
      ready_heading_(form_style::headingLabel(tr("Ready to leave"), this)),
      ready_(nullptr),
      record_ready_(new QPushButton(tr("Record &ready to leave"), this)),
      ready_done_(form_style::statusLabel(this)),
      missing_(new QLabel(this)),
      status_(form_style::statusLabel(this)),
      back_(new QPushButton(tr("Back (Esc)"), this)),
      close_(new QPushButton(tr("C&lose session"), this)),
      refusals_(form_style::refusalLabel(this)) {
  ready_ = new ReadyToLeaveSection(refusals_, this);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setWidget(buildContent());
  auto* bar = new QHBoxLayout;
  bar->addWidget(status_, 1);
  bar->addWidget(back_);
  bar->addWidget(close_);
  auto* page = new QVBoxLayout(this);
  page->setContentsMargins(10, 6, 10, 6);
  page->setSpacing(4);
  page->addWidget(title_);
  page->addWidget(summary_);
  page->addWidget(scroll, 1);
  page->addWidget(refusals_.general());
  page->addLayout(bar);
  for (QPushButton* b : {record_checklist_, acknowledge_, record_ready_, back_, close_}) {
    b->setMinimumHeight(form_style::kTouchHeight);
  }
  summary_->setStyleSheet(QStringLiteral("font-size: 16px; font-weight: bold;"));
  missing_->setWordWrap(true);
  connect(record_checklist_, &QPushButton::clicked, this, &DischargePage::recordChecklist);
  connect(acknowledge_, &QPushButton::clicked, this, &DischargePage::acknowledgeSelfHarm);
  connect(record_ready_, &QPushButton::clicked, this, &DischargePage::recordReadyToLeave);
  connect(close_, &QPushButton::clicked, this, &DischargePage::closeSession);
  connect(back_, &QPushButton::clicked, this, &FormPage::closeRequested);
  onReturn(self_harm_action_, [this] { acknowledgeSelfHarm(); });
  // Answers typed by one user are not recorded under the next one's name.
  connect(&gateway_, &ClinicalGateway::aboutToChangeUser, this, [this] {
    ready_->clear();
    self_harm_action_->clear();
    if (state_) showTicks(*state_);
  });
}

void DischargePage::showTicks(const db::SessionPanelState& s) {
  for (const auto& [name, b] : checklist_) {
    const auto& t = s.discharge_checklist_ticked;
    b->setChecked(std::find(t.begin(), t.end(), name.toStdString()) != t.end());
  }
}

QWidget* DischargePage::buildContent() {
  auto* box = new QWidget(this);
  auto* col = new QVBoxLayout(box);
  col->setContentsMargins(0, 0, 4, 0);
  col->setSpacing(4);
  col->addWidget(criteria_);
  col->addWidget(buildSelfHarm(box));
  col->addWidget(form_style::headingLabel(tr("Discharge checklist"), box));
  col->addWidget(buildChecklist(box));
  col->addWidget(ready_heading_);
  col->addWidget(ready_);
  col->addWidget(record_ready_, 0, Qt::AlignLeft);
  col->addWidget(ready_done_);
  col->addWidget(missing_);
  col->addStretch(1);
  return box;
}

QWidget* DischargePage::buildChecklist(QWidget* parent) {
  auto* w = new QWidget(parent);
  auto* col = new QVBoxLayout(w);
  col->setContentsMargins(0, 0, 0, 0);
  col->setSpacing(4);
  for (const ItemText& item : kItems) {
    auto* b = new QPushButton(tr(item.text), w);
    b->setCheckable(true);
    b->setMinimumHeight(form_style::kTouchHeight);
    b->setStyleSheet(QStringLiteral("QPushButton { text-align: left; padding-left: 10px; }"));
    b->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);  // the page never scrolls sideways
    b->setAccessibleName(QString::fromUtf8(item.item));
    const QString text = b->text();
    connect(b, &QPushButton::toggled, b, [b, text](bool on) {
      b->setText(on ? QStringLiteral("\u2714  ") + text : text);  // ticked, from across the room
    });
    col->addWidget(b);
    checklist_.emplace_back(QString::fromUtf8(item.item), b);
  }
  col->addWidget(record_checklist_, 0, Qt::AlignLeft);
  return w;
}

QWidget* DischargePage::buildSelfHarm(QWidget* parent) {
  self_harm_box_ = new QWidget(parent);
  auto* col = new QVBoxLayout(self_harm_box_);
  col->setContentsMargins(0, 4, 0, 4);
  col->setSpacing(4);
  self_harm_->setWordWrap(true);
  self_harm_->setStyleSheet(
      QStringLiteral("color: white; background: #b71c1c; font-size: 16px; font-weight: bold; "
                     "padding: 4px;"));
  self_harm_action_->setPlaceholderText(tr("What was done (safety plan, referral, ...)"));
  self_harm_action_->setAccessibleName(tr("self-harm review action"));
  QLabel* refusal = form_style::refusalLabel(self_harm_box_);
  refusals_.add({"action"}, refusal);
  auto* row = new QHBoxLayout;
  row->addWidget(self_harm_action_, 1);
  row->addWidget(acknowledge_);
  col->addWidget(self_harm_);
  col->addLayout(row);
  col->addWidget(refusal);
  self_harm_box_->hide();
  return self_harm_box_;
}

QPushButton* DischargePage::checklistButton(const QString& item) const {
  for (const auto& [name, b] : checklist_) {
    if (name == item) return b;
  }
  return nullptr;
}

QString DischargePage::refusalAt(const QString& field) const { return refusals_.textAt(field); }

void DischargePage::showEvent(QShowEvent* event) {
  FormPage::showEvent(event);
  tick_.start(1000);
}

void DischargePage::hideEvent(QHideEvent* event) {
  tick_.stop();
  FormPage::hideEvent(event);
}

void DischargePage::refresh() {
  if (!state_ || !gateway_.user()) return;
  try {
    setState(gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::read_session_panel(s, a, state_->id, now);
    }));
  } catch (const std::exception& e) {
    refusals_.show(e);
  }
}

void DischargePage::setState(const db::SessionPanelState& s) {
  const bool same = state_ && state_->id == s.id;
  const bool ticks_changed =
      !same || state_->discharge_checklist_ticked != s.discharge_checklist_ticked;
  if (!same) {
    ready_->clear();
    refusals_.clear();
    status_->clear();
    self_harm_action_->clear();
    connect(&tick_, &QTimer::timeout, this, &DischargePage::refresh, Qt::UniqueConnection);
  }
  state_ = s;
  form_style::setTextIfChanged(title_, tr("Discharge for %1 (%2)")
                                           .arg(QString::fromStdString(s.patient_name),
                                                QString::fromStdString(s.patient_identifier)));
  if (ticks_changed) showTicks(s);
  criteria_->setCriteria(s.discharge_criteria);
  ready_->setRemsRequired(isEsketamine(s));
  showEnd(s);
  if (s.unacknowledged_self_harm_flags != 0) {
    showSelfHarm();  // the flags themselves are read only while one waits for a clinician
  } else {
    flags_.clear();
    self_harm_box_->hide();
  }
}

void DischargePage::showEnd(const db::SessionPanelState& s) {
  using P = core::SessionPhase;
  QString summary;
  if (s.phase == P::closed) {
    summary = tr("Session closed");
  } else if (s.phase == P::discharge_ready) {
    summary = tr("Discharge-ready: the patient may leave once the session is closed");
  } else if (s.phase == P::observation) {
    summary =
        tr("%1 of %2 discharge criteria met").arg(criteria_->metCount()).arg(criteria_->count());
  } else {
    summary = tr("Discharge readiness is judged from the observation phase on");
  }
  form_style::setTextIfChanged(summary_, summary);
  const bool ask = s.phase == P::observation && !s.ready_to_leave_recorded;
  ready_heading_->setVisible(ask);
  ready_->setVisible(ask);
  record_ready_->setVisible(ask);
  form_style::setTextIfChanged(
      ready_done_,
      s.monitoring_minutes
          ? tr("Ready to leave recorded; total monitoring %1 min (REMS)").arg(*s.monitoring_minutes)
          : QString());
  QString missing;
  if (!s.close_missing.empty()) {
    QStringList lines;
    for (const auto& m : s.close_missing)
      lines << QStringLiteral("\u2022 ") + QString::fromStdString(m);
    missing = tr("Closing still needs:\n%1").arg(lines.join(QLatin1Char('\n')));
  } else if (s.phase == P::discharge_ready) {
    missing = tr("Nothing is missing: the session may close.");
  } else if (s.phase == P::observation) {
    missing = tr("Close comes after ready to leave.");
  }
  form_style::setTextIfChanged(missing_, missing);
  missing_->setStyleSheet(s.close_missing.empty()
                              ? QString()
                              : QStringLiteral("color: %1;").arg(form_style::refusal().name()));
  close_->setEnabled(s.phase == P::discharge_ready);
  close_->setToolTip(s.phase == P::discharge_ready ? QString() : tr("Record ready to leave first"));
}

void DischargePage::showSelfHarm() {
  flags_.clear();
  try {
    flags_ = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::read_self_harm_flags(s, a, state_->id, now);
    });
  } catch (const std::exception& e) {
    refusals_.show(e);
  }
  const auto open = std::find_if(flags_.begin(), flags_.end(),
                                 [](const db::SelfHarmFlag& f) { return !f.acknowledged; });
  self_harm_box_->setVisible(open != flags_.end());
  if (open == flags_.end()) return;
  form_style::setTextIfChanged(
      self_harm_, tr("PHQ-9 item 9 (thoughts of self-harm) answered %1 at %2 (total %3): a "
                     "clinician must review it before discharge")
                      .arg(open->item9)
                      .arg(localClockText(open->t_utc_ms))
                      .arg(open->phq9_total));
}

bool DischargePage::runRecord(
    const std::function<void(db::Store&, const db::Actor&, db::UtcMs)>& f) {
  refusals_.clear();
  if (!state_) return false;
  try {
    gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      f(s, a, now);
      return 0;
    });
  } catch (const std::exception& e) {
    refusals_.show(e);
    status_->clear();
    return false;
  }
  gateway_.notifyRecordChanged(state_->id);
  refresh();
  return true;
}

void DischargePage::recordChecklist() {
  db::ChecklistEntry c{state_ ? state_->id : 0, db::ChecklistKind::discharge, {}, 0, std::nullopt};
  for (const auto& [name, b] : checklist_) c.items.emplace_back(name.toStdString(), b->isChecked());
  if (runRecord([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
        c.t_utc_ms = now;
        db::record_checklist(s, a, c, now);
      })) {
    status_->setText(tr("Discharge checklist recorded at %1").arg(localClockText(c.t_utc_ms)));
  }
}

void DischargePage::acknowledgeSelfHarm() {
  const auto open = std::find_if(flags_.begin(), flags_.end(),
                                 [](const db::SelfHarmFlag& f) { return !f.acknowledged; });
  if (open == flags_.end()) return;
  const db::RowId observation = open->observation_id;
  const std::string action = self_harm_action_->text().trimmed().toStdString();
  if (runRecord([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
        db::acknowledge_self_harm_flag(s, a, observation, action, now);
      })) {
    self_harm_action_->clear();
    status_->setText(
        tr("PHQ-9 item 9 reviewed by %1").arg(QString::fromStdString(gateway_.user()->name)));
  }
}

void DischargePage::recordReadyToLeave() {
  refusals_.clear();
  if (!state_) return;
  const auto answers = ready_->answers(state_->id);
  if (!answers) return;
  if (runRecord([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
        db::record_ready_to_leave(s, a, *answers, core::default_alarm_profile(), now);
      })) {
    status_->setText(tr("Ready to leave recorded"));
  }
}

void DischargePage::closeSession() {
  if (!state_) return;
  const db::RowId id = state_->id;
  if (runRecord([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
        db::close_session(s, a, id, now);
      })) {
    status_->setText(tr("Session closed"));
  } else {
    // "close: 2 required fields are missing: a; b" -> one line each
    QString text = refusals_.general()->text();
    const int colon = text.indexOf(QStringLiteral("missing: "));
    if (colon >= 0) {
      const QString head = text.left(colon + 8);
      const QStringList items = text.mid(colon + 9).split(QStringLiteral("; "));
      refusals_.show(head + QStringLiteral("\n\u2022 ") + items.join(QStringLiteral("\n\u2022 ")));
    }
  }
}

void DischargePage::submit() {
  if (state_ && state_->phase == core::SessionPhase::observation) {
    recordReadyToLeave();
  } else {
    closeSession();
  }
}

}  // namespace vigil::gui
