#include "session_panel_widget.hpp"

#include <QGridLayout>
#include <QVBoxLayout>

#include "clinical_time.hpp"
#include "colours.hpp"
#include "form_page.hpp"
#include "form_style.hpp"
#include "patient_form.hpp"
#include "session_panel_text.hpp"
#include "treatment_text.hpp"
#include "vigil/db/observation_store.hpp"
#include "vigil/db/session_store.hpp"

namespace vigil::gui {
namespace {

constexpr int kCheckpointRows = 5;

QString checkpointColour(core::CheckpointState state) {
  switch (state) {
    case core::CheckpointState::met:
      return form_style::met().name();
    case core::CheckpointState::overdue:
      return colours::alarmLow().name();  // the low-priority "BP checkpoint overdue" alarm
    case core::CheckpointState::due:
      return QStringLiteral("#ffffff");
    case core::CheckpointState::upcoming:
      break;
  }
  return colours::dimText().name();
}

bool sameSteps(const std::vector<db::PanelNextStep>& a, const std::vector<db::PanelNextStep>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].to != b[i].to || a[i].allowed != b[i].allowed || a[i].reason != b[i].reason) {
      return false;
    }
  }
  return true;
}

}  // namespace

SessionPanelWidget::SessionPanelWidget(ClinicalGateway& gateway, QWidget* parent)
    : QWidget(parent),
      gateway_(gateway),
      header_(form_style::headingLabel({}, this)),
      phase_(new QLabel(this)),
      since_dose_(new QLabel(this)),
      steps_(new QHBoxLayout),
      step_reasons_(form_style::refusalLabel(this)),
      next_bp_(new QLabel(this)),
      summary_(new QLabel(this)),
      refusal_(form_style::refusalLabel(this)),
      measure_(new QPushButton(tr("&Measure BP now"), this)),
      systolic_(new QLineEdit(this)),
      diastolic_(new QLineEdit(this)),
      record_bp_(new QPushButton(tr("&Record BP"), this)),
      checklist_(new QPushButton(tr("Chec&klist"), this)),
      dose_(new QPushButton(tr("&Dose"), this)),
      scales_(new QPushButton(tr("&Scales"), this)),
      event_(new QPushButton(tr("Adverse &event"), this)),
      notes_(new QPushButton(tr("&Notes"), this)),
      discharge_(new QPushButton(tr("Disc&harge"), this)),
      self_harm_(new QLabel(this)) {
  form_style::apply(this);
  phase_->setStyleSheet(QStringLiteral("font-size: 22px; font-weight: bold;"));
  since_dose_->setStyleSheet(QStringLiteral("font-size: 20px; font-weight: bold;"));
  next_bp_->setStyleSheet(QStringLiteral("font-size: 17px; font-weight: bold;"));
  step_reasons_->setStyleSheet(QStringLiteral("color: %1;").arg(form_style::refusal().name()));
  summary_->setWordWrap(true);
  self_harm_->setWordWrap(true);
  self_harm_->setStyleSheet(
      QStringLiteral("background: %1; color: white; font-size: 16px; font-weight: bold; "
                     "padding: 4px 8px;")
          .arg(form_style::refusal().name()));
  self_harm_->hide();
  summary_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  // Phase and time since the first dose on one line, the next steps on their own below: the
  // clinical area is about 460 px wide at 1280x800.
  auto* top = new QHBoxLayout;
  top->addWidget(phase_);
  top->addSpacing(16);
  top->addWidget(since_dose_);
  top->addStretch(1);
  steps_->addStretch(1);
  auto* grid = new QGridLayout;
  grid->setVerticalSpacing(4);
  for (int i = 0; i < kCheckpointRows; ++i) {
    auto* name = new QLabel(this);
    auto* state = new QLabel(this);
    for (QLabel* l : {name, state}) l->setMinimumHeight(l->fontMetrics().height() + 2);
    grid->addWidget(name, i, 0);
    grid->addWidget(state, i, 1);
    checkpoint_rows_.emplace_back(name, state);
  }
  auto* middle = new QVBoxLayout;
  middle->addWidget(next_bp_);
  middle->addLayout(grid);
  middle->addWidget(summary_);
  middle->addStretch(1);
  auto* col = new QVBoxLayout(this);
  col->setContentsMargins(10, 6, 10, 6);
  col->setSpacing(4);
  col->addWidget(header_);
  col->addLayout(top);
  col->addLayout(steps_);
  col->addWidget(step_reasons_);
  col->addWidget(self_harm_);
  col->addLayout(middle, 1);
  col->addWidget(refusal_);
  col->addWidget(buildBottomRow());
  tick_.setInterval(1000);
  connect(&tick_, &QTimer::timeout, this, &SessionPanelWidget::refresh);
  connect(&gateway_, &ClinicalGateway::recordChanged, this, &SessionPanelWidget::refresh);
  connect(&gateway_, &ClinicalGateway::activeSessionChanged, this, &SessionPanelWidget::refresh);
  connect(&gateway_, &ClinicalGateway::userChanged, this, &SessionPanelWidget::refresh);
  showNone(tr("No session is recording at this station."));
}

QWidget* SessionPanelWidget::buildBottomRow() {
  auto* box = new QWidget(this);
  auto* rows = new QVBoxLayout(box);
  rows->setContentsMargins(0, 0, 0, 0);
  auto* row = new QHBoxLayout;
  auto* forms = new QHBoxLayout;
  auto* end = new QHBoxLayout;
  rows->addLayout(row);
  rows->addLayout(forms);
  rows->addLayout(end);
  end->addWidget(event_, 1);
  end->addWidget(notes_, 1);
  end->addWidget(discharge_, 1);
  connect(event_, &QPushButton::clicked, this, &SessionPanelWidget::adverseEventRequested);
  connect(notes_, &QPushButton::clicked, this, &SessionPanelWidget::notesRequested);
  connect(discharge_, &QPushButton::clicked, this, &SessionPanelWidget::dischargeRequested);
  systolic_->setPlaceholderText(tr("sys"));
  systolic_->setAccessibleName(tr("manual systolic mmHg"));
  diastolic_->setPlaceholderText(tr("dia"));
  diastolic_->setAccessibleName(tr("manual diastolic mmHg"));
  systolic_->setMaximumWidth(80);
  diastolic_->setMaximumWidth(80);
  row->addWidget(measure_);
  row->addSpacing(8);
  row->addWidget(systolic_);
  row->addWidget(new QLabel(QStringLiteral("/"), box));
  row->addWidget(diastolic_);
  row->addWidget(record_bp_);
  row->addStretch(1);
  forms->addWidget(checklist_, 1);
  forms->addWidget(dose_, 1);
  forms->addWidget(scales_, 1);
  onReturn(systolic_, [this] { recordManualBp(); });
  onReturn(diastolic_, [this] { recordManualBp(); });
  connect(measure_, &QPushButton::clicked, &gateway_, &ClinicalGateway::requestNibp);
  connect(record_bp_, &QPushButton::clicked, this, &SessionPanelWidget::recordManualBp);
  connect(checklist_, &QPushButton::clicked, this, &SessionPanelWidget::checklistRequested);
  connect(dose_, &QPushButton::clicked, this, &SessionPanelWidget::doseRequested);
  connect(scales_, &QPushButton::clicked, this, &SessionPanelWidget::scalesRequested);
  return box;
}

void SessionPanelWidget::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  refresh();
  tick_.start();
}

void SessionPanelWidget::hideEvent(QHideEvent* event) {
  tick_.stop();
  QWidget::hideEvent(event);
}

void SessionPanelWidget::refresh() {
  const db::RowId id = gateway_.activeSession();
  if (id == 0) return showNone(tr("No session is recording at this station."));
  try {
    auto s = gateway_.run([&](db::Store& st, const db::Actor& a, db::UtcMs now) {
      return db::read_session_panel(st, a, id, now);
    });
    state_ = std::move(s);
  } catch (const std::exception& e) {
    return showNone(gui::refusalText(e));
  }
  display(*state_, gateway_.now());
  emit stateRefreshed();
}

void SessionPanelWidget::showNone(const QString& why) {
  state_.reset();
  form_style::setTextIfChanged(header_, why);
  form_style::setTextIfChanged(phase_, {});
  form_style::setTextIfChanged(since_dose_, {});
  form_style::setTextIfChanged(next_bp_, {});
  form_style::setTextIfChanged(summary_, {});
  form_style::setRefusal(step_reasons_, {});
  for (auto& [name, state] : checkpoint_rows_) {
    name->hide();
    state->hide();
  }
  showSteps(db::SessionPanelState{});
  for (QWidget* w :
       std::initializer_list<QWidget*>{measure_, systolic_, diastolic_, record_bp_, checklist_,
                                       dose_, scales_, event_, notes_, discharge_}) {
    w->setEnabled(false);
  }
  self_harm_->hide();
}

void SessionPanelWidget::display(const db::SessionPanelState& s, db::UtcMs now) {
  QString header = QStringLiteral("%1 (%2)").arg(QString::fromStdString(s.patient_name),
                                                 QString::fromStdString(s.patient_identifier));
  if (s.age_years) header += tr(", %1 y").arg(*s.age_years);
  if (s.weight_kg) header += tr(", %1 kg").arg(*s.weight_kg);
  if (s.planned_route) header += QStringLiteral("  ·  ") + treatmentText(*s.planned_route);
  if (s.planned_dose_mg) header += tr(" %1 mg planned").arg(*s.planned_dose_mg);
  form_style::setTextIfChanged(header_, header);
  form_style::setTextIfChanged(phase_, phaseText(s.phase));
  form_style::setTextIfChanged(
      since_dose_, s.first_dose_utc_ms
                       ? tr("since first dose %1").arg(hmsText(now - *s.first_dose_utc_ms))
                       : tr("no dose yet"));
  showSteps(s);
  showCheckpoints(s, now);
  showSummary(s);
  showSelfHarm(s);
  const bool open = s.phase != core::SessionPhase::closed;
  const bool dosing = s.type == core::SessionType::dosing;
  event_->setEnabled(open && dosing);
  notes_->setEnabled(true);
  discharge_->setEnabled(dosing && (s.phase == core::SessionPhase::observation ||
                                    s.phase == core::SessionPhase::discharge_ready ||
                                    s.phase == core::SessionPhase::closed));
  measure_->setEnabled(open);
  systolic_->setEnabled(open);
  diastolic_->setEnabled(open);
  record_bp_->setEnabled(open);
  checklist_->setEnabled(s.phase == core::SessionPhase::pre_dose);
  dose_->setEnabled(s.phase == core::SessionPhase::dosing);
  scales_->setEnabled(open);
}

void SessionPanelWidget::showSteps(const db::SessionPanelState& s) {
  if (sameSteps(s.next_steps, shown_steps_)) return;
  shown_steps_ = s.next_steps;
  for (auto& [to, button] : step_buttons_) button->deleteLater();
  step_buttons_.clear();
  QStringList reasons;
  for (const db::PanelNextStep& step : s.next_steps) {
    auto* b = new QPushButton(tr("→ %1").arg(phaseText(step.to)), this);
    b->setEnabled(step.allowed);
    const core::SessionPhase to = step.to;
    const bool on_discharge_page =
        s.type == core::SessionType::dosing &&
        (to == core::SessionPhase::discharge_ready || to == core::SessionPhase::closed);
    if (on_discharge_page) {
      b->setEnabled(true);  // the page shows each criterion and each missing field
      connect(b, &QPushButton::clicked, this, &SessionPanelWidget::dischargeRequested);
    } else {
      connect(b, &QPushButton::clicked, this, [this, to] { advanceTo(to); });
    }
    steps_->insertWidget(steps_->count() - 1, b);
    step_buttons_.emplace_back(to, b);
    if (!step.allowed) {
      reasons << tr("%1: %2").arg(phaseText(step.to), QString::fromStdString(step.reason));
    }
  }
  form_style::setRefusal(step_reasons_, reasons.join(QLatin1Char('\n')));
}

void SessionPanelWidget::showCheckpoints(const db::SessionPanelState& s, db::UtcMs now) {
  form_style::setTextIfChanged(next_bp_, nextCheckpointText(s.checkpoints, now));
  // The newest rows (the series grows through a long session; the list ends with the next one).
  const std::size_t first = s.checkpoints.size() > checkpoint_rows_.size()
                                ? s.checkpoints.size() - checkpoint_rows_.size()
                                : 0;
  for (std::size_t i = 0; i < checkpoint_rows_.size(); ++i) {
    auto [name, state] = checkpoint_rows_[i];
    const bool shown = first + i < s.checkpoints.size();
    name->setVisible(shown);
    state->setVisible(shown);
    if (!shown) continue;
    const auto& c = s.checkpoints[first + i];
    form_style::setTextIfChanged(name, checkpointName(c));
    form_style::setTextIfChanged(state, checkpointStateText(c, now));
    const QString style =
        QStringLiteral("color: %1; font-weight: bold;").arg(checkpointColour(c.state));
    if (state->styleSheet() != style) state->setStyleSheet(style);
  }
}

void SessionPanelWidget::showSummary(const db::SessionPanelState& s) {
  QStringList lines;
  if (s.doses.empty()) {
    lines << tr("Doses: none yet");
  } else {
    QStringList doses;
    for (const auto& d : s.doses) {
      doses << tr("%1 mg at %2").arg(d.dose_mg).arg(localClockText(d.start_utc_ms));
    }
    lines
        << tr("Doses: %1 (total %2 mg)").arg(doses.join(QStringLiteral(", "))).arg(s.total_dose_mg);
  }
  if (s.pre_dose_bp) {
    lines << tr("Pre-dose BP %1/%2 mmHg")
                 .arg(s.pre_dose_bp->systolic_mmhg)
                 .arg(s.pre_dose_bp->diastolic_mmhg);
  }
  if (!s.checklist_recorded) {
    lines << tr("Checklist: not recorded yet");
  } else if (s.checklist_complete) {
    lines << (s.checklist_override_reason
                  ? tr("Checklist: overridden (%1)")
                        .arg(QString::fromStdString(*s.checklist_override_reason))
                  : tr("Checklist: complete"));
  } else {
    lines << tr("Checklist: %n item(s) missing", nullptr,
                static_cast<int>(s.checklist_missing.size()));
  }
  if (s.bp_advisory) lines << QString::fromStdString(*s.bp_advisory);
  if (s.adverse_events > 0) {
    lines << tr("Adverse events: %1 (%2 serious, for the REMS form)")
                 .arg(s.adverse_events)
                 .arg(s.serious_adverse_events);
  }
  if (!s.notes.empty()) {
    QStringList notes;
    for (const auto& [type, is_signed] : s.notes) {
      notes << tr("%1 %2").arg(QString::fromStdString(type),
                               is_signed ? tr("signed") : tr("draft"));
    }
    lines << tr("Notes: %1").arg(notes.join(QStringLiteral(", ")));
  }
  if (s.monitoring_minutes)
    lines << tr("Ready to leave: %1 min monitored").arg(*s.monitoring_minutes);
  form_style::setTextIfChanged(summary_, lines.join(QLatin1Char('\n')));
}

void SessionPanelWidget::showSelfHarm(const db::SessionPanelState& s) {
  const int open = s.unacknowledged_self_harm_flags;
  self_harm_->setVisible(open > 0);
  if (open == 0) return;
  form_style::setTextIfChanged(
      self_harm_, tr("PHQ-9 item 9 (self-harm) answered above 0: a clinician must acknowledge it "
                     "before discharge (%1 open)")
                      .arg(open));
}

void SessionPanelWidget::advanceTo(core::SessionPhase to) {
  const db::RowId id = gateway_.activeSession();
  try {
    gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      db::advance_session(s, a, id, to, now);
    });
  } catch (const std::exception& e) {
    form_style::setRefusal(refusal_, gui::refusalText(e));
    return;
  }
  form_style::setRefusal(refusal_, {});
  gateway_.notifyRecordChanged(id);
}

void SessionPanelWidget::recordManualBp() {
  const db::RowId id = gateway_.activeSession();
  const auto sys = parseNumber(systolic_->text());
  const auto dia = parseNumber(diastolic_->text());
  if (!sys || !dia) {
    form_style::setRefusal(refusal_, tr("manual BP: type systolic and diastolic in mmHg, as "
                                        "numbers (got '%1' / '%2')")
                                         .arg(systolic_->text(), diastolic_->text()));
    return;
  }
  try {
    gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::record_bp(s, a, {id, now, *sys, *dia, std::nullopt, core::BpSource::manual}, now);
    });
  } catch (const std::exception& e) {
    form_style::setRefusal(refusal_, gui::refusalText(e));
    return;
  }
  form_style::setRefusal(refusal_, {});
  systolic_->clear();
  diastolic_->clear();
  gateway_.notifyRecordChanged(id);
}

QPushButton* SessionPanelWidget::stepButton(core::SessionPhase to) const {
  for (const auto& [phase, button] : step_buttons_) {
    if (phase == to) return button;
  }
  return nullptr;
}

QString SessionPanelWidget::checkpointsText() const {
  QStringList lines;
  for (const auto& [name, state] : checkpoint_rows_) {
    if (!name->isHidden()) lines << name->text() + QStringLiteral(": ") + state->text();
  }
  return lines.join(QLatin1Char('\n'));
}

}  // namespace vigil::gui
