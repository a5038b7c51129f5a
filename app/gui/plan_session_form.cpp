#include "plan_session_form.hpp"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>
#include <vector>

#include "clinical_time.hpp"
#include "form_style.hpp"
#include "patient_form.hpp"
#include "treatment_text.hpp"
#include "vigil/db/session_store.hpp"
#include "vigil/db/site_store.hpp"
#include "vigil/db/user_store.hpp"

namespace vigil::gui {
PlanSessionForm::PlanSessionForm(ClinicalGateway& gateway, QWidget* parent)
    : FormPage(parent),
      gateway_(gateway),
      picker_(new PatientPicker(gateway, 4, this)),
      treatment_(new QComboBox(this)),
      dose_(new QLineEdit(this)),
      per_kg_(new QLabel(this)),
      chair_(new QLineEdit(QString::fromStdString(gateway.chair()), this)),
      nurse_(new QComboBox(this)),
      nurse_note_(form_style::refusalLabel(this)),
      profile_(new QComboBox(this)),
      planned_at_(new QDateTimeEdit(this)),
      plan_(new QPushButton(tr("&Plan session"), this)),
      status_(form_style::statusLabel(this)),
      patient_refusal_(form_style::refusalLabel(this)),
      refusals_(form_style::refusalLabel(this)) {
  auto* left = new QWidget(this);
  auto* col = new QVBoxLayout(left);
  col->setContentsMargins(0, 0, 0, 0);
  col->addWidget(form_style::headingLabel(tr("Plan a session: patient"), left));
  col->addWidget(picker_);
  col->addWidget(patient_refusal_);
  col->addLayout(buildNurseRow(left));
  col->addStretch(1);
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(10, 6, 10, 6);
  row->setSpacing(16);
  row->addWidget(left, 1);
  row->addWidget(buildDetails(), 1);
  refusals_.add({"patient_id", "patient"}, patient_refusal_);
  connect(plan_, &QPushButton::clicked, this, &PlanSessionForm::submit);
  connect(dose_, &QLineEdit::textChanged, this, &PlanSessionForm::updatePerKg);
  connect(treatment_, &QComboBox::currentIndexChanged, this, &PlanSessionForm::updatePerKg);
  connect(picker_, &PatientPicker::selectionChanged, this, &PlanSessionForm::updatePerKg);
  connect(&gateway_, &ClinicalGateway::userChanged, this, [this] {
    if (!isVisible()) return;
    loadNurses();
    loadProfiles();
  });
  updatePerKg();
}

// The session's nurse, under the patient: the treatment column beside it has no room left at
// the panel's 470 px.
QLayout* PlanSessionForm::buildNurseRow(QWidget* parent) {
  auto* form = new QFormLayout;
  QLabel* label = form_style::fieldLabel(tr("&Nurse"), parent);
  label->setBuddy(nurse_);
  nurse_->setAccessibleName(tr("Nurse"));
  refusals_.add({"nurse_id", "nurse"}, nurse_note_);
  form->addRow(label, form_style::withNote(nurse_, nurse_note_, parent));
  return form;
}

QWidget* PlanSessionForm::buildDetails() {
  auto* box = new QWidget(this);
  auto* col = new QVBoxLayout(box);
  col->setContentsMargins(0, 0, 0, 0);
  col->addWidget(form_style::headingLabel(tr("Treatment"), box));
  for (core::DoseRoute r : kTreatments) {
    treatment_->addItem(treatmentText(r), static_cast<int>(r));
  }
  dose_->setPlaceholderText(tr("session total, mg"));
  per_kg_->setStyleSheet(QStringLiteral("color: #bdbdbd;"));
  profile_->addItem(tr("site default"));
  planned_at_->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
  planned_at_->setCalendarPopup(true);
  auto* form = new QFormLayout;
  form->setVerticalSpacing(4);
  QLabel* dose_refusal = form_style::refusalLabel(box);
  auto* dose_box = new QWidget(box);
  auto* dose_col = new QVBoxLayout(dose_box);
  dose_col->setContentsMargins(0, 0, 0, 0);
  dose_col->setSpacing(1);
  dose_col->addWidget(dose_);
  dose_col->addWidget(per_kg_);
  dose_col->addWidget(dose_refusal);
  refusals_.add({"planned_dose_mg"}, dose_refusal);
  const std::pair<QString, QWidget*> plain[] = {
      {tr("Treatment"), treatment_}, {tr("Chair"), chair_}, {tr("Planned at"), planned_at_}};
  const std::initializer_list<const char*> names[] = {
      {"planned_route", "type"}, {"chair"}, {"planned_utc_ms"}};
  for (int i = 0; i < 3; ++i) {
    QLabel* refusal = form_style::refusalLabel(box);
    refusals_.add(names[i], refusal);
    form->addRow(form_style::fieldLabel(plain[i].first, box),
                 form_style::withNote(plain[i].second, refusal, box));
    if (i == 0) form->addRow(form_style::fieldLabel(tr("Dose (mg)"), box), dose_box);
  }
  form->addRow(form_style::fieldLabel(tr("Alarm profile"), box), profile_);
  col->addLayout(form);
  col->addWidget(refusals_.general());
  status_->setWordWrap(true);
  col->addWidget(status_);
  col->addWidget(plan_);
  col->addStretch(1);
  // The order the rows are read in: the patients found, the nurse under them, then this column
  // (the profile box is made before the time but shown after it).
  const std::pair<QWidget*, QWidget*> order[] = {
      {picker_->list(), nurse_}, {nurse_, treatment_},    {treatment_, dose_}, {dose_, chair_},
      {chair_, planned_at_},     {planned_at_, profile_}, {profile_, plan_}};
  for (auto [a, b] : order) {
    setTabOrder(a, b);
  }
  return box;
}

void PlanSessionForm::showEvent(QShowEvent* event) {
  FormPage::showEvent(event);
  if (planned_at_->dateTime() < localDateTime(gateway_.now()).addSecs(-60)) {
    planned_at_->setDateTime(localDateTime(gateway_.now()));
  }
  loadNurses();
  loadProfiles();
}

// The site default, then each profile the admin stored ("alarm_profile.<name>", vigilctl site
// set): the clinician's choice is stored with the session, audited with it.
void PlanSessionForm::loadProfiles() {
  const QString chosen = profile_->currentText();
  std::vector<std::pair<std::string, std::string>> stored;
  try {
    stored = gateway_.run([](db::Store& s, const db::Actor&, db::UtcMs) {
      return db::site_settings_with_prefix(s, db::kStoredProfilePrefix);
    });
  } catch (const std::exception&) {
    // Nobody signed in: only the site default is offered.
  }
  profile_->clear();
  profile_->addItem(tr("site default"));
  for (const auto& [key, toml] : stored) {
    profile_->addItem(QString::fromStdString(key.substr(db::kStoredProfilePrefix.size())),
                      QString::fromStdString(toml));
  }
  profile_->setCurrentIndex(std::max(0, profile_->findText(chosen)));
}

// The active nurses, read again each time the form is shown (a nurse added or deactivated since
// is listed or gone); the chosen one stays chosen while still listed.
void PlanSessionForm::loadNurses() {
  const QVariant chosen = nurse_->currentData();
  form_style::setRefusal(nurse_note_, {});
  std::vector<db::UserListing> nurses;
  try {
    nurses = gateway_.run([](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::list_active_users(s, a, db::Role::nurse, now);
    });
  } catch (const NotSignedIn&) {
    // The box offers "(not assigned)" only; signing in reads the list (userChanged).
  } catch (const db::PermissionDenied&) {
    // An admin: the store refuses the plan too, and the form shows that refusal.
  } catch (const std::exception& e) {
    form_style::setRefusal(
        nurse_note_, tr("nurse: the list of nurses could not be read: %1").arg(refusalText(e)));
  }
  nurse_->clear();
  nurse_->addItem(tr("(not assigned)"));
  for (const auto& n : nurses) {
    nurse_->addItem(QString::fromStdString(n.name), QVariant::fromValue<qint64>(n.id));
  }
  nurse_->setCurrentIndex(std::max(0, nurse_->findData(chosen)));
}

void PlanSessionForm::selectTreatment(core::DoseRoute route) {
  treatment_->setCurrentIndex(treatment_->findData(static_cast<int>(route)));
}

void PlanSessionForm::updatePerKg() {
  const auto route = static_cast<core::DoseRoute>(treatment_->currentData().toInt());
  const auto p = picker_->selected();
  const std::optional<double> mg = parseNumber(dose_->text());
  form_style::setTextIfChanged(
      per_kg_, gui::perKgText(route, mg, p ? p->weight_kg : std::optional<double>()));
}

void PlanSessionForm::submit() {
  const auto p = picker_->selected();
  if (!p) {
    refusals_.show(tr("patient: find and pick the patient first"));
    return;
  }
  db::NewSession n;
  n.patient_id = p->id;
  n.chair = chair_->text().trimmed().toStdString();
  if (nurse_->currentData().isValid()) n.nurse_id = nurse_->currentData().toLongLong();
  n.planned_route = static_cast<core::DoseRoute>(treatment_->currentData().toInt());
  n.planned_utc_ms = utcMs(planned_at_->dateTime());
  if (profile_->currentData().isValid())
    n.alarm_profile = profile_->currentData().toString().toStdString();
  if (!dose_->text().trimmed().isEmpty()) {
    n.planned_dose_mg = parseNumber(dose_->text());
    if (!n.planned_dose_mg) {
      refusals_.show(tr("planned_dose_mg: not a number (got '%1')").arg(dose_->text()));
      return;
    }
  }
  db::RowId id = 0;
  try {
    id = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      n.clinician_id = a.id;
      return db::create_session(s, a, n, now);
    });
  } catch (const db::PermissionDenied& e) {
    refusals_.show(tr("A clinician plans sessions: %1").arg(refusalText(e)));
    return;
  } catch (const std::exception& e) {
    refusals_.show(e);
    return;
  }
  refusals_.clear();
  status_->setText(
      tr("Planned: %1, %2, %3 at %4")
          .arg(QString::fromStdString(p->name), treatment_->currentText(), chair_->text().trimmed(),
               localDateTime(n.planned_utc_ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
  emit sessionPlanned(id);
  gateway_.notifyRecordChanged(id);
}

QString PlanSessionForm::refusalAt(const QString& field) const {
  if (field.isEmpty()) return refusals_.general()->text();
  return refusals_.labelFor(field + QStringLiteral(":"))->text();
}

}  // namespace vigil::gui
