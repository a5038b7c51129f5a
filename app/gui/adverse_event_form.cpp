#include "adverse_event_form.hpp"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QScrollArea>
#include <QVBoxLayout>

#include "clinical_time.hpp"
#include "form_style.hpp"

namespace vigil::gui {
namespace {

const char* const kCommonTypes[] = {"nausea",      "vomiting",   "hypertension", "tachycardia",
                                    "bradycardia", "hypoxaemia", "anxiety",      "agitation",
                                    "headache",    "dizziness",  "other"};

struct SeverityText {
  const char* value;   // the store's word
  const char* button;  // with its mnemonic
};
const SeverityText kSeverities[] = {
    {"mild", "&Mild"},
    {"moderate", "M&oderate"},
    {"severe", "Se&vere"},
    {"life_threatening", "&Life-threatening"},
};

}  // namespace

AdverseEventForm::AdverseEventForm(ClinicalGateway& gateway, QWidget* parent)
    : FormPage(parent),
      gateway_(gateway),
      title_(form_style::headingLabel(tr("Adverse event"), this)),
      type_(new QComboBox(this)),
      severity_(new QButtonGroup(this)),
      onset_(new QTimeEdit(this)),
      action_(new QLineEdit(this)),
      serious_(new QCheckBox(tr("S&erious adverse event (REMS)"), this)),
      status_(form_style::statusLabel(this)),
      record_(new QPushButton(tr("&Record adverse event"), this)),
      back_(new QPushButton(tr("Back (Esc)"), this)),
      refusals_(form_style::refusalLabel(this)) {
  form_style::apply(this);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setWidget(buildFields());
  auto* bar = new QHBoxLayout;
  bar->addWidget(status_, 1);
  bar->addWidget(back_);
  bar->addWidget(record_);
  auto* page = new QVBoxLayout(this);
  page->setContentsMargins(10, 6, 10, 6);
  page->addWidget(title_);
  page->addWidget(scroll, 1);
  page->addWidget(refusals_.general());
  page->addLayout(bar);
  for (QPushButton* b : {record_, back_}) b->setMinimumHeight(form_style::kTouchHeight);
  connect(record_, &QPushButton::clicked, this, &AdverseEventForm::submit);
  connect(back_, &QPushButton::clicked, this, &FormPage::closeRequested);
  connect(onset_, &QTimeEdit::timeChanged, this, [this] { onset_typed_ = !setting_onset_; });
  clearFields();
}

QWidget* AdverseEventForm::buildFields() {
  auto* box = new QWidget(this);
  auto* form = new QFormLayout(box);
  form->setContentsMargins(0, 0, 0, 0);
  form->setVerticalSpacing(4);
  type_->setEditable(true);
  type_->setInsertPolicy(QComboBox::NoInsert);
  for (const char* t : kCommonTypes) type_->addItem(tr(t), QString::fromUtf8(t));
  type_->lineEdit()->setPlaceholderText(tr("choose or type, e.g. nausea"));
  onset_->setDisplayFormat(QStringLiteral("HH:mm"));
  action_->setPlaceholderText(tr("e.g. ondansetron 4 mg IV, infusion paused"));
  auto* explanation =
      new QLabel(tr("Serious: death, life-threatening, hospitalisation (or a longer stay), lasting "
                    "disability, or another important medical event; it goes on the REMS form."),
                 box);
  explanation->setWordWrap(true);
  explanation->setStyleSheet(QStringLiteral("color: #bdbdbd;"));
  auto add = [&](const QString& label, const QString& key,
                 std::initializer_list<const char*> store_fields, QWidget* field, QWidget* buddy) {
    QLabel* refusal = form_style::refusalLabel(box);
    refusals_.add(store_fields, refusal);
    labels_[key] = refusal;
    QLabel* name = form_style::fieldLabel(label, box);
    name->setBuddy(buddy);
    form->addRow(name, form_style::withNote(field, refusal, box));
  };
  QWidget* severity = buildSeverity(box);
  add(tr("&Type"), QStringLiteral("type"), {"type"}, type_, type_);
  add(tr("Severity"), QStringLiteral("severity"), {"severity"}, severity, severity_->button(0));
  add(tr("O&nset (local)"), QStringLiteral("onset"), {"onset_utc_ms", "onset"}, onset_, onset_);
  add(tr("&Action taken"), QStringLiteral("action"), {"action"}, action_, action_);
  form->addRow(QString(), serious_);
  form->addRow(QString(), explanation);
  return box;
}

QWidget* AdverseEventForm::buildSeverity(QWidget* parent) {
  auto* w = new QWidget(parent);
  auto* row = new QHBoxLayout(w);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(4);
  for (int i = 0; i < static_cast<int>(std::size(kSeverities)); ++i) {
    auto* b = new QPushButton(tr(kSeverities[i].button), w);
    b->setCheckable(true);
    b->setMinimumHeight(form_style::kTouchHeight);
    b->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    b->setStyleSheet(QStringLiteral("padding: 0 4px;"));  // "Life-threatening" fits
    b->setAccessibleName(tr("severity %1").arg(QString::fromUtf8(kSeverities[i].value)));
    severity_->addButton(b, i);
    row->addWidget(b, 1);
  }
  return w;
}

QPushButton* AdverseEventForm::severityButton(const QString& severity) const {
  for (int i = 0; i < static_cast<int>(std::size(kSeverities)); ++i) {
    if (severity == QLatin1String(kSeverities[i].value)) {
      return static_cast<QPushButton*>(severity_->button(i));
    }
  }
  return nullptr;
}

QString AdverseEventForm::severity() const {
  const int id = severity_->checkedId();
  return id < 0 ? QString() : QString::fromUtf8(kSeverities[id].value);
}

db::UtcMs AdverseEventForm::onsetUtcMs(db::UtcMs now) const {
  return utcMs(QDateTime(localDateTime(now).date(), onset_->time()));
}

void AdverseEventForm::setOnsetToNow() {
  setting_onset_ = true;
  onset_->setTime(localDateTime(gateway_.now()).time());
  setting_onset_ = false;
}

void AdverseEventForm::showEvent(QShowEvent* event) {
  FormPage::showEvent(event);
  if (!onset_typed_) setOnsetToNow();
}

void AdverseEventForm::clearFields() {
  type_->setCurrentIndex(-1);
  type_->clearEditText();
  severity_->setExclusive(false);  // an exclusive group keeps one button checked
  for (QAbstractButton* b : severity_->buttons()) b->setChecked(false);
  severity_->setExclusive(true);
  setOnsetToNow();
  onset_typed_ = false;
  action_->clear();
  serious_->setChecked(false);
  refusals_.clear();
}

void AdverseEventForm::setState(const db::SessionPanelState& s) {
  form_style::setTextIfChanged(title_, tr("Adverse event for %1 (%2)")
                                           .arg(QString::fromStdString(s.patient_name),
                                                QString::fromStdString(s.patient_identifier)));
  if (s.id == session_) return;
  session_ = s.id;
  clearFields();
  status_->clear();
}

void AdverseEventForm::submit() {
  refusals_.clear();
  const db::RowId session = gateway_.activeSession();
  if (session == 0) {
    refusals_.show(tr("session: no session is recording at this station"));
    return;
  }
  db::AdverseEvent ae;
  ae.session_id = session;
  ae.type = type_->currentText().trimmed().toStdString();
  ae.severity = severity().toStdString();
  ae.action = action_->text().trimmed().toStdString();
  ae.serious = serious_->isChecked();
  try {
    gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      ae.t_utc_ms = now;
      ae.onset_utc_ms = onset_typed_ ? onsetUtcMs(now) : now;  // untouched: now
      return db::record_adverse_event(s, a, ae, now);
    });
  } catch (const std::exception& e) {
    refusals_.show(e);
    status_->clear();
    return;
  }
  status_->setText(tr("Adverse event recorded: %1 (%2%3), onset %4, at %5")
                       .arg(QString::fromStdString(ae.type), severity(),
                            ae.serious ? tr(", serious") : QString(),
                            localClockText(ae.onset_utc_ms), localClockText(ae.t_utc_ms)));
  clearFields();
  gateway_.notifyRecordChanged(session);
}

QString AdverseEventForm::refusalAt(const QString& field) const {
  if (field.isEmpty()) return refusals_.general()->text();
  const auto it = labels_.find(field);
  return it == labels_.end() ? QString() : it->second->text();
}

}  // namespace vigil::gui
