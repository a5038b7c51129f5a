#include "checklist_form.hpp"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QMouseEvent>
#include <QScrollArea>
#include <QVBoxLayout>

#include "clinical_time.hpp"
#include "form_style.hpp"
#include "session_panel_text.hpp"
#include "vigil/db/checklist_store.hpp"

namespace vigil::gui {
namespace {

// A click on a tick's (wrapped) description toggles the tick, as a click on its box does.
class ToggleOnClick : public QObject {
 public:
  ToggleOnClick(QLabel* label, QCheckBox* box) : QObject(label), box_(box) {
    label->installEventFilter(this);
  }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() == QEvent::MouseButtonRelease) {
      box_->toggle();
      return true;
    }
    return QObject::eventFilter(watched, event);
  }

 private:
  QCheckBox* box_;
};

QString itemText(core::PreDoseItem item) {
  const auto d = core::pre_dose_item_description(item);
  return QString::fromUtf8(d.data(), static_cast<qsizetype>(d.size()));
}

}  // namespace

QString factText(const std::string& name) {
  QString t = QString::fromStdString(name);
  t.remove(QStringLiteral("concomitant_"));
  if (t == QLatin1String("maois")) return QStringLiteral("MAOIs");
  t.replace(QLatin1Char('_'),
            t.startsWith(QLatin1String("sedative")) ? QLatin1Char('-') : QLatin1Char(' '));
  if (!t.isEmpty()) t[0] = t[0].toUpper();
  return t;
}

ChecklistForm::ChecklistForm(ClinicalGateway& gateway, QWidget* parent)
    : FormPage(parent),
      gateway_(gateway),
      baseline_(new QLabel(this)),
      advisory_(new QLabel(this)),
      phq9_flag_(form_style::refusalLabel(this)),
      scale_refusal_(form_style::refusalLabel(this)),
      override_reason_(new QLineEdit(this)),
      missing_(form_style::refusalLabel(this)),
      status_(form_style::statusLabel(this)),
      save_(new QPushButton(tr("&Save checklist"), this)),
      back_(new QPushButton(tr("Back (Esc)"), this)),
      refusals_(form_style::refusalLabel(this)) {
  phq9_box_ = buildScale(tr("PHQ-9 (optional): 9 items, 0-3"), 9, phq9_);
  gad7_box_ = buildScale(tr("GAD-7 (optional): 7 items, 0-3"), 7, gad7_);
  auto* content = new QWidget(this);
  // One column (the clinical area is about 460 px wide): the ticks, then the REMS facts.
  auto* columns = new QVBoxLayout;
  columns->setSpacing(12);
  columns->addWidget(buildTicks());
  columns->addWidget(buildFacts());
  auto* col = new QVBoxLayout(content);
  col->setContentsMargins(0, 0, 0, 0);
  col->addLayout(columns);
  col->addWidget(phq9_box_);
  col->addWidget(phq9_flag_);
  col->addWidget(gad7_box_);
  col->addWidget(scale_refusal_);
  override_reason_->setPlaceholderText(
      tr("clinician override: the reason the checklist counts as complete"));
  override_reason_->setAccessibleName(tr("override reason"));
  col->addWidget(override_reason_);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setWidget(content);
  auto* bar = new QHBoxLayout;
  status_->setWordWrap(true);
  bar->addWidget(status_, 1);
  bar->addWidget(back_);
  bar->addWidget(save_);
  auto* page = new QVBoxLayout(this);
  page->setContentsMargins(10, 4, 10, 4);
  page->setSpacing(2);
  page->addWidget(scroll, 1);
  page->addWidget(missing_);
  page->addWidget(refusals_.general());
  page->addLayout(bar);
  refusals_.add({"override_reason", "items"}, refusals_.general());
  connect(save_, &QPushButton::clicked, this, &ChecklistForm::submit);
  connect(back_, &QPushButton::clicked, this, &ChecklistForm::closeRequested);
  connect(phq9_.back(), &QSpinBox::valueChanged, this, [this](int v) {
    form_style::setRefusal(phq9_flag_, v > 0 ? tr("PHQ-9 item 9 (thoughts of self-harm) is "
                                                  "above 0: tell the clinician now")
                                             : QString());
  });
}

QWidget* ChecklistForm::buildTicks() {
  auto* box = new QWidget(this);
  auto* col = new QVBoxLayout(box);
  col->setContentsMargins(0, 0, 0, 0);
  col->setSpacing(0);
  col->addWidget(form_style::headingLabel(tr("Before the first dose"), box));
  baseline_->setWordWrap(true);
  advisory_->setWordWrap(true);
  advisory_->setStyleSheet(QStringLiteral("color: #ffd28a; font-weight: bold;"));
  col->addWidget(baseline_);
  col->addWidget(advisory_);
  for (std::size_t i = 0; i < core::pre_dose_item_count; ++i) {
    const auto item = static_cast<core::PreDoseItem>(i);
    if (item == core::PreDoseItem::baseline_bp_recorded) continue;
    auto* check = new QCheckBox(box);
    check->setAccessibleName(itemText(item));
    auto* label = new QLabel(itemText(item), box);
    label->setWordWrap(true);
    new ToggleOnClick(label, check);
    auto* row = new QHBoxLayout;
    row->addWidget(check);
    row->addWidget(label, 1);
    col->addLayout(row);
    ticks_.emplace_back(item, check);
  }
  return box;
}

QWidget* ChecklistForm::buildFacts() {
  auto* box = new QWidget(this);
  auto* form = new QFormLayout(box);
  form->setContentsMargins(0, 0, 0, 0);
  form->setVerticalSpacing(4);
  form->addRow(form_style::headingLabel(tr("REMS facts"), box));
  bool medicines_heading = false;
  for (const std::string& name : db::pre_dose_fact_names()) {
    if (!medicines_heading && name.starts_with("concomitant_")) {
      form->addRow(new QLabel(tr("Concomitant medicines:"), box));
      medicines_heading = true;
    }
    auto* combo = new QComboBox(box);
    combo->addItem(tr("not asked"), QString());
    combo->addItem(tr("no"), QStringLiteral("no"));
    combo->addItem(tr("yes"), QStringLiteral("yes"));
    combo->setAccessibleName(factText(name));
    form->addRow(form_style::fieldLabel(factText(name), box), combo);
    facts_.emplace_back(name, combo);
  }
  return box;
}

QGroupBox* ChecklistForm::buildScale(const QString& title, int items,
                                     std::vector<QSpinBox*>& boxes) {
  auto* group = new QGroupBox(title, this);
  group->setCheckable(true);
  group->setChecked(false);
  auto* row = new QHBoxLayout(group);
  for (int i = 0; i < items; ++i) {
    auto* spin = new QSpinBox(group);
    spin->setRange(0, 3);
    spin->setMinimumWidth(58);
    spin->setAccessibleName(tr("%1 item %2").arg(title.section(QLatin1Char(' '), 0, 0)).arg(i + 1));
    row->addWidget(spin);
    boxes.push_back(spin);
  }
  row->addStretch(1);
  return group;
}

void ChecklistForm::showEvent(QShowEvent* event) {
  FormPage::showEvent(event);
  const auto& user = gateway_.user();
  const bool clinician = user && user->role == db::Role::clinician;
  override_reason_->setEnabled(clinician);
  if (!clinician) override_reason_->clear();
}

void ChecklistForm::setState(const db::SessionPanelState& s) {
  if (s.id != session_) {
    session_ = s.id;
    for (auto& [item, box] : ticks_) box->setChecked(false);
    for (auto& [name, combo] : facts_) combo->setCurrentIndex(0);
    phq9_box_->setChecked(false);
    gad7_box_->setChecked(false);
    override_reason_->clear();
    status_->clear();
    if (s.planned_route == core::DoseRoute::esketamine_nasal) {
      fact("first_treatment")->setCurrentIndex(s.first_esketamine_session ? 2 : 1);
    }
  }
  QString baseline;
  if (s.pre_dose_bp) {
    baseline =
        tr("Baseline BP %1/%2 mmHg at %3 (%4): met")
            .arg(s.pre_dose_bp->systolic_mmhg)
            .arg(s.pre_dose_bp->diastolic_mmhg)
            .arg(localClockText(utcMsOf(s.pre_dose_bp->time)),
                 s.pre_dose_bp->source == core::BpSource::device ? tr("device") : tr("manual"));
  } else {
    baseline =
        tr("Baseline BP: not yet recorded (Measure BP now, or enter it on the "
           "session panel); dosing needs it");
  }
  baseline += QLatin1Char('\n');
  if (s.latest_spo2_percent && s.latest_spo2_utc_ms) {  // the oximeter's, never typed
    baseline += tr("Baseline SpO2 %1 % at %2 (device)")
                    .arg(*s.latest_spo2_percent, 0, 'f', 0)
                    .arg(localClockText(*s.latest_spo2_utc_ms));
  } else {
    baseline += tr("Baseline SpO2: no value from the oximeter yet");
  }
  form_style::setTextIfChanged(baseline_, baseline);
  form_style::setRefusal(advisory_,
                         s.bp_advisory ? QString::fromStdString(*s.bp_advisory) : QString());
  if (s.checklist_recorded) showMissing(s.checklist_missing);
}

QCheckBox* ChecklistForm::tick(core::PreDoseItem item) const {
  for (const auto& [i, box] : ticks_) {
    if (i == item) return box;
  }
  return nullptr;
}

QComboBox* ChecklistForm::fact(const std::string& name) const {
  for (const auto& [n, combo] : facts_) {
    if (n == name) return combo;
  }
  return nullptr;
}

void ChecklistForm::showMissing(const std::vector<std::string>& missing) {
  QStringList items;
  for (const std::string& name : missing) {
    QString text = QString::fromStdString(name);
    for (std::size_t i = 0; i < core::pre_dose_item_count; ++i) {
      const auto item = static_cast<core::PreDoseItem>(i);
      if (core::pre_dose_item_name(item) == name) text = itemText(item);
    }
    items << text;
  }
  form_style::setRefusal(missing_,
                         items.isEmpty() ? QString() : tr("Missing: %1").arg(items.join("; ")));
}

void ChecklistForm::submit() {
  db::ChecklistEntry c;
  c.session_id = session_;
  c.kind = db::ChecklistKind::pre_dose;
  for (const auto& [item, box] : ticks_) {
    c.items.emplace_back(std::string(core::pre_dose_item_name(item)), box->isChecked());
  }
  for (const auto& [name, combo] : facts_) {
    const QString answer = combo->currentData().toString();
    if (!answer.isEmpty()) c.items.emplace_back(name, answer == QLatin1String("yes"));
  }
  if (!override_reason_->text().trimmed().isEmpty()) {
    c.override_reason = override_reason_->text().trimmed().toStdString();
  }
  db::ChecklistResult result;
  try {
    result = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      c.t_utc_ms = now;
      return db::record_checklist(s, a, c, now);
    });
  } catch (const std::exception& e) {
    refusals_.show(e);
    return;
  }
  refusals_.clear();
  showMissing(result.missing);
  status_->setText(result.complete ? tr("Checklist saved: complete")
                                   : tr("Checklist saved: not complete, dosing waits"));
  status_->setStyleSheet(
      QStringLiteral("font-weight: bold; color: %1;")
          .arg(result.complete ? form_style::met().name() : form_style::heading().name()));
  recordScales(session_);
  gateway_.notifyRecordChanged(session_);
}

bool ChecklistForm::recordScales(db::RowId session) {
  const std::pair<QGroupBox*, std::pair<db::Scale, const std::vector<QSpinBox*>*>> scales[] = {
      {phq9_box_, {db::Scale::phq9, &phq9_}}, {gad7_box_, {db::Scale::gad7, &gad7_}}};
  form_style::setRefusal(scale_refusal_, {});
  for (const auto& [group, scale] : scales) {
    if (!group->isChecked()) continue;
    db::ScaleObservation o;
    o.session_id = session;
    o.scale = scale.first;
    for (const QSpinBox* spin : *scale.second) o.items.push_back(spin->value());
    try {
      gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
        o.t_utc_ms = now;
        return db::record_scale(s, a, o, now);
      });
    } catch (const std::exception& e) {
      form_style::setRefusal(scale_refusal_, gui::refusalText(e));
      return false;
    }
    group->setChecked(false);
  }
  return true;
}

}  // namespace vigil::gui
