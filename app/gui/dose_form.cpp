#include "dose_form.hpp"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QScrollArea>
#include <QVBoxLayout>

#include "clinical_time.hpp"
#include "form_style.hpp"
#include "patient_form.hpp"
#include "treatment_text.hpp"
#include "vigil/db/session_panel.hpp"

namespace vigil::gui {

DoseContext doseContextOf(const db::SessionPanelState& s) {
  DoseContext c;
  c.session_id = s.id;
  c.patient = QStringLiteral("%1 (%2)").arg(QString::fromStdString(s.patient_name),
                                            QString::fromStdString(s.patient_identifier));
  c.planned_route = s.planned_route;
  c.weight_kg = s.weight_kg;
  c.next_device_allowed_utc_ms = s.next_device_allowed_utc_ms;
  return c;
}

DoseForm::DoseForm(ClinicalGateway& gateway, QWidget* parent)
    : FormPage(parent),
      gateway_(gateway),
      title_(form_style::headingLabel(tr("Dose"), this)),
      route_(new QComboBox(this)),
      form_strength_(new QLineEdit(this)),
      dose_(new QLineEdit(this)),
      per_kg_(new QLabel(this)),
      lot_(new QLineEdit(this)),
      given_now_(new QCheckBox(tr("now"), this)),
      given_at_(new QDateTimeEdit(this)),
      ended_(new QCheckBox(tr("ended"), this)),
      ended_at_(new QDateTimeEdit(this)),
      given_by_(new QLabel(this)),
      witness_(new WitnessSign(tr("witness"), this)),
      waste_(new QLineEdit(this)),
      waste_method_(new QLineEdit(this)),
      waste_witness_(new WitnessSign(tr("waste witness"), this)),
      override_reason_(new QLineEdit(this)),
      spacing_(new QLabel(this)),
      status_(form_style::statusLabel(this)),
      give_(new QPushButton(tr("&Give dose"), this)),
      back_(new QPushButton(tr("Back (Esc)"), this)),
      refusals_(form_style::refusalLabel(this)) {
  // One column that scrolls down to the witness and waste: the clinical area is about 460 px
  // wide at 1280x800, too narrow for two.
  auto* columns = new QWidget(this);
  auto* row = new QVBoxLayout(columns);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(12);
  row->addWidget(buildDoseColumn());
  row->addWidget(buildWitnessColumn());
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setWidget(columns);
  auto* bar = new QHBoxLayout;
  spacing_->setStyleSheet(QStringLiteral("font-weight: bold;"));
  status_->setWordWrap(true);
  bar->addWidget(spacing_);
  bar->addWidget(status_, 1);
  bar->addWidget(back_);
  bar->addWidget(give_);
  auto* col = new QVBoxLayout(this);
  col->setContentsMargins(10, 4, 10, 4);
  col->setSpacing(2);
  col->addWidget(title_);
  col->addWidget(scroll, 1);
  col->addWidget(refusals_.general());
  col->addLayout(bar);
  refusals_.add({"witness_id"}, witness_->refusalLabel());
  refusals_.add({"waste_witness_id"}, waste_witness_->refusalLabel());
  labels_[QStringLiteral("witness")] = witness_->refusalLabel();
  labels_[QStringLiteral("waste witness")] = waste_witness_->refusalLabel();
  labels_[QString()] = refusals_.general();
  connectFields();
  onRouteChanged();
}

void DoseForm::connectFields() {
  give_->setDefault(true);
  connect(give_, &QPushButton::clicked, this, &DoseForm::submit);
  connect(back_, &QPushButton::clicked, this, &DoseForm::closeRequested);
  connect(route_, &QComboBox::currentIndexChanged, this, &DoseForm::onRouteChanged);
  connect(dose_, &QLineEdit::textChanged, this, &DoseForm::updatePerKg);
  connect(given_now_, &QCheckBox::toggled, given_at_, [this](bool now) {
    given_at_->setEnabled(!now);
    if (!now) given_at_->setDateTime(localDateTime(gateway_.now()));
  });
  connect(ended_, &QCheckBox::toggled, ended_at_, &QWidget::setEnabled);
  countdown_.setInterval(1000);
  connect(&countdown_, &QTimer::timeout, this, &DoseForm::updateSpacing);
}

QWidget* DoseForm::buildDoseColumn() {
  auto* box = new QWidget(this);
  auto* form = new QFormLayout(box);
  dose_rows_ = form;
  form->setContentsMargins(0, 0, 0, 0);
  form->setVerticalSpacing(4);
  for (core::DoseRoute r : kTreatments) route_->addItem(treatmentText(r), static_cast<int>(r));
  lot_->setPlaceholderText(tr("lot number"));
  dose_->setPlaceholderText(tr("mg"));
  per_kg_->setStyleSheet(QStringLiteral("color: #bdbdbd;"));
  given_now_->setChecked(true);
  given_at_->setEnabled(false);
  ended_at_->setEnabled(false);
  for (QDateTimeEdit* e : {given_at_, ended_at_}) {
    e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    e->setCalendarPopup(true);
  }
  auto timeRow = [box](QCheckBox* box_check, QDateTimeEdit* edit) {
    auto* w = new QWidget(box);
    auto* line = new QHBoxLayout(w);
    line->setContentsMargins(0, 0, 0, 0);
    line->addWidget(box_check);
    line->addWidget(edit, 1);
    return w;
  };
  auto add = [&](const QString& label, const QString& key,
                 std::initializer_list<const char*> store_fields, QWidget* field) {
    QLabel* refusal = form_style::refusalLabel(box);
    refusals_.add(store_fields, refusal);
    labels_[key] = refusal;
    form->addRow(form_style::fieldLabel(label, box), form_style::withNote(field, refusal, box));
  };
  add(tr("Treatment"), QStringLiteral("route"), {"drug", "route"}, route_);
  add(tr("Form"), QStringLiteral("form"), {"form_strength"}, form_strength_);
  add(tr("Dose (mg)"), QStringLiteral("dose"), {"dose_mg", "dose refused", "device_count"},
      form_style::withNote(dose_, per_kg_, box));
  add(tr("Lot"), QStringLiteral("lot"), {"lot"}, lot_);
  add(tr("Given at"), QStringLiteral("given at"), {"start_utc_ms", "start time"},
      timeRow(given_now_, given_at_));
  add(tr("Infusion end"), QStringLiteral("ended at"), {"end_utc_ms", "end time"},
      timeRow(ended_, ended_at_));
  return box;
}

QWidget* DoseForm::buildWitnessColumn() {
  auto* box = new QWidget(this);
  auto* col = new QVBoxLayout(box);
  col->setContentsMargins(0, 0, 0, 0);
  col->setSpacing(3);
  given_by_->setStyleSheet(QStringLiteral("font-weight: bold;"));
  col->addWidget(given_by_);
  col->addWidget(new QLabel(tr("Witness (signs with their own password)"), box));
  col->addWidget(witness_);
  waste_->setPlaceholderText(tr("waste, mg"));
  waste_method_->setPlaceholderText(tr("waste method"));
  col->addWidget(new QLabel(tr("Waste (none: leave empty)"), box));
  auto* waste_row = new QHBoxLayout;
  waste_row->addWidget(waste_, 2);
  waste_row->addWidget(waste_method_, 3);
  col->addLayout(waste_row);
  for (auto [key, store_field] :
       {std::pair{"waste", "waste_mg"}, std::pair{"waste method", "waste_method"}}) {
    QLabel* refusal = form_style::refusalLabel(box);
    refusals_.add({store_field}, refusal);
    labels_[QString::fromUtf8(key)] = refusal;
    col->addWidget(refusal);
  }
  col->addWidget(waste_witness_);
  override_reason_->setPlaceholderText(tr("clinician: reason to give outside the rules"));
  override_reason_->setAccessibleName(tr("override reason"));
  QLabel* override_refusal = form_style::refusalLabel(box);
  refusals_.add({"override_reason", "role"}, override_refusal);
  labels_[QStringLiteral("override")] = override_refusal;
  col->addWidget(override_reason_);
  col->addWidget(override_refusal);
  col->addStretch(1);
  return box;
}

core::DoseRoute DoseForm::route() const {
  return static_cast<core::DoseRoute>(route_->currentData().toInt());
}

void DoseForm::setContext(const DoseContext& context) {
  const bool new_session = context.session_id != context_.session_id;
  context_ = context;
  title_->setText(context.patient.isEmpty() ? tr("Dose") : tr("Dose for %1").arg(context.patient));
  if (new_session && context.planned_route) {
    route_->setCurrentIndex(route_->findData(static_cast<int>(*context.planned_route)));
  }
  updatePerKg();
  updateSpacing();
}

void DoseForm::onRouteChanged() {
  const bool nasal = route() == core::DoseRoute::esketamine_nasal;
  form_strength_->setText(defaultFormStrength(route()));
  dose_->setReadOnly(nasal);
  if (nasal) {
    dose_->setText(QStringLiteral("28"));
  } else if (dose_->text() == QLatin1String("28")) {
    dose_->clear();
  }
  const bool iv = route() == core::DoseRoute::iv;
  dose_rows_->setRowVisible(ended_->parentWidget()->parentWidget(), iv);
  if (!iv) ended_->setChecked(false);
  updatePerKg();
  updateSpacing();
}

void DoseForm::updatePerKg() {
  form_style::setTextIfChanged(
      per_kg_, gui::perKgText(route(), parseNumber(dose_->text()), context_.weight_kg));
}

void DoseForm::updateSpacing() {
  const bool nasal = route() == core::DoseRoute::esketamine_nasal;
  const db::UtcMs now = gateway_.now();
  const auto allowed = context_.next_device_allowed_utc_ms;
  const bool waiting = nasal && allowed && *allowed > now;
  form_style::setTextIfChanged(
      spacing_, waiting ? tr("Next device in %1").arg(msText(*allowed - now)) : QString());
  give_->setEnabled(!waiting && context_.session_id != 0);
  if (given_now_->isChecked()) {
    const QDateTime local = localDateTime(now);
    if (given_at_->dateTime().toString(QStringLiteral("yyyyMMddHHmm")) !=
        local.toString(QStringLiteral("yyyyMMddHHmm"))) {
      given_at_->setDateTime(local);
    }
  }
  const auto& user = gateway_.user();
  form_style::setTextIfChanged(given_by_,
                               user ? tr("Given by %1 (%2)")
                                          .arg(QString::fromStdString(user->name),
                                               QString::fromUtf8(db::role_name(user->role)))
                                    : tr("nobody signed in"));
}

void DoseForm::showEvent(QShowEvent* event) {
  FormPage::showEvent(event);
  const auto& user = gateway_.user();
  const bool clinician = user && user->role == db::Role::clinician;
  override_reason_->setEnabled(clinician);
  if (!clinician) override_reason_->clear();
  updateSpacing();
  countdown_.start();
}

void DoseForm::hideEvent(QHideEvent* event) {
  countdown_.stop();
  FormPage::hideEvent(event);
}

QString DoseForm::refusalAt(const QString& field) const {
  const auto it = labels_.find(field);
  return it == labels_.end() ? QString() : it->second->text();
}

namespace {

// mg typed in a field: nullopt with the refusal in words when it is no number or not above 0.
std::optional<double> positiveMg(const QString& text, const char* field, QString& refusal) {
  const auto v = parseNumber(text);
  if (!v) {
    refusal = QObject::tr("%1: not a number (got '%2')").arg(field, text.trimmed());
  } else if (*v <= 0) {
    refusal = QObject::tr("%1: must be more than 0 mg (got %2)").arg(field).arg(*v);
    return std::nullopt;
  }
  return v;
}

}  // namespace

std::optional<db::NewAdministration> DoseForm::readEntry() {
  db::NewAdministration a;
  a.session_id = context_.session_id;
  a.route = route();
  a.drug = drugName(a.route).toStdString();
  a.form_strength = form_strength_->text().trimmed().toStdString();
  a.lot = lot_->text().trimmed().toStdString();
  QString refusal;
  const auto mg = positiveMg(dose_->text(), "dose_mg", refusal);
  if (!mg) {
    refusals_.show(refusal);
    return std::nullopt;
  }
  a.dose_mg = *mg;
  if (a.route == core::DoseRoute::esketamine_nasal) a.device_count = 1;
  if (a.lot.empty()) {
    refusals_.show(tr("lot: required, must not be blank (the REMS and the drug record need it)"));
    return std::nullopt;
  }
  const db::UtcMs now = gateway_.now();
  a.start_utc_ms = given_now_->isChecked() ? now : utcMs(given_at_->dateTime());
  if (a.start_utc_ms > now) {
    refusals_.show(tr("start time: must not be in the future (%1 is after now, %2)")
                       .arg(localClockText(a.start_utc_ms), localClockText(now)));
    return std::nullopt;
  }
  if (ended_->isChecked()) {
    a.end_utc_ms = utcMs(ended_at_->dateTime());
    if (*a.end_utc_ms > now) {
      refusals_.show(tr("end time: must not be in the future (%1 is after now, %2)")
                         .arg(localClockText(*a.end_utc_ms), localClockText(now)));
      return std::nullopt;
    }
  }
  if (!override_reason_->text().trimmed().isEmpty()) {
    a.override_reason = override_reason_->text().trimmed().toStdString();
  }
  if (!readWaste(a)) return std::nullopt;
  return a;
}

bool DoseForm::readWaste(db::NewAdministration& a) {
  if (waste_->text().trimmed().isEmpty()) return true;
  QString refusal;
  const auto mg = positiveMg(waste_->text(), "waste_mg", refusal);
  if (!mg) {
    refusals_.show(refusal);
    return false;
  }
  a.waste_mg = *mg;
  a.waste_method = waste_method_->text().trimmed().toStdString();
  if (a.waste_method.empty()) {
    refusals_.show(tr("waste_method: required with a waste amount (how it was wasted)"));
    return false;
  }
  return true;
}

bool DoseForm::signWitnesses(db::NewAdministration& a) {
  const WitnessCheck w = witness_->verify(gateway_);
  if (w.refused) return false;
  const WitnessCheck ww = waste_witness_->verify(gateway_);
  if (ww.refused) return false;
  if (w.actor) a.witness_id = w.actor->id;
  if (ww.actor) a.waste_witness_id = ww.actor->id;
  if (a.waste_mg && !ww.actor) {
    form_style::setRefusal(waste_witness_->refusalLabel(),
                           tr("waste witness: wasted drug needs a witness who signs"));
    return false;
  }
  return true;
}

void DoseForm::submit() {
  if (!give_->isEnabled()) return;
  refusals_.clear();
  status_->clear();
  auto entry = readEntry();
  if (!entry || !signWitnesses(*entry)) return;
  try {
    gateway_.run([&](db::Store& s, const db::Actor& actor, db::UtcMs now) {
      return db::record_administration(s, actor, *entry, now);
    });
  } catch (const std::exception& e) {
    refusals_.show(e);
    return;
  }
  recorded(*entry);
}

void DoseForm::recorded(const db::NewAdministration& a) {
  const QString label =
      a.route == core::DoseRoute::esketamine_nasal
          ? tr("esketamine 28 mg")
          : tr("ketamine %1 %2 mg")
                .arg(QString::fromUtf8(
                    core::dose_route_label(a.route).data(),
                    static_cast<qsizetype>(core::dose_route_label(a.route).size())))
                .arg(a.dose_mg);
  status_->setText(tr("Recorded: %1 at %2, lot %3")
                       .arg(label, localClockText(a.start_utc_ms), QString::fromStdString(a.lot)));
  if (a.route != core::DoseRoute::esketamine_nasal) dose_->clear();
  waste_->clear();
  waste_method_->clear();
  override_reason_->clear();
  witness_->clear();
  waste_witness_->clear();
  given_now_->setChecked(true);
  gateway_.notifyDose(a.session_id, a.start_utc_ms, label);
  gateway_.notifyRecordChanged(a.session_id);
}

}  // namespace vigil::gui
