#include "patient_form.hpp"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "aftercare_page.hpp"
#include "form_style.hpp"

namespace vigil::gui {

std::optional<double> parseNumber(const QString& text) {
  QString t = text.trimmed();
  t.replace(QLatin1Char(','), QLatin1Char('.'));
  bool ok = false;
  const double v = t.toDouble(&ok);
  if (!ok || t.isEmpty()) return std::nullopt;
  return v;
}

PatientForm::PatientForm(ClinicalGateway& gateway, QWidget* parent)
    : FormPage(parent),
      gateway_(gateway),
      picker_(new PatientPicker(gateway, 3, this)),
      identifier_(new QLineEdit(this)),
      name_(new QLineEdit(this)),
      birth_(new QDateEdit(this)),
      sex_(new QComboBox(this)),
      weight_(new QLineEdit(this)),
      add_(new QPushButton(tr("&Add patient"), this)),
      new_weight_(new QLineEdit(this)),
      update_weight_(new QPushButton(tr("&Update weight"), this)),
      status_(form_style::statusLabel(this)),
      overdue_(new QLabel(this)),
      weight_update_refusal_(form_style::refusalLabel(this)),
      add_refusals_(form_style::refusalLabel(this)) {
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(10, 6, 10, 6);
  row->setSpacing(16);
  row->addWidget(buildFindColumn(), 1);
  row->addWidget(buildAddColumn(), 1);
  connect(add_, &QPushButton::clicked, this, &PatientForm::addPatient);
  connect(update_weight_, &QPushButton::clicked, this, &PatientForm::updateWeight);
  connect(picker_, &PatientPicker::selectionChanged, this, [this] {
    const auto p = picker_->selected();
    update_weight_->setEnabled(p.has_value());
    new_weight_->setEnabled(p.has_value());
    showOverdueFollowUps();
  });
  update_weight_->setEnabled(false);
  new_weight_->setEnabled(false);
  onReturn(new_weight_, [this] { updateWeight(); });
}

void PatientForm::showOverdueFollowUps() {
  const auto p = picker_->selected();
  QString text;
  if (p) {
    try {
      text =
          overdueFollowUpsText(gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
            return db::read_overdue_follow_ups(s, a, p->id, now);
          }));
    } catch (const std::exception& e) {
      text = refusalText(e);
    }
  }
  form_style::setTextIfChanged(overdue_, text);
  overdue_->setVisible(!text.isEmpty());
}

QWidget* PatientForm::buildFindColumn() {
  auto* box = new QWidget(this);
  auto* col = new QVBoxLayout(box);
  col->setContentsMargins(0, 0, 0, 0);
  col->addWidget(form_style::headingLabel(tr("Find patient"), box));
  col->addWidget(picker_);
  auto* weight_row = new QHBoxLayout;
  new_weight_->setPlaceholderText(tr("new weight, kg"));
  new_weight_->setAccessibleName(tr("new weight in kg"));
  weight_row->addWidget(new_weight_, 1);
  weight_row->addWidget(update_weight_);
  col->addLayout(weight_row);
  col->addWidget(weight_update_refusal_);
  overdue_->setWordWrap(true);
  overdue_->setStyleSheet(
      QStringLiteral("color: %1; font-weight: bold;").arg(form_style::refusal().name()));
  overdue_->hide();
  col->addWidget(overdue_);
  status_->setWordWrap(true);
  col->addWidget(status_);
  col->addStretch(1);
  return box;
}

QWidget* PatientForm::buildAddColumn() {
  auto* box = new QWidget(this);
  auto* col = new QVBoxLayout(box);
  col->setContentsMargins(0, 0, 0, 0);
  col->addWidget(form_style::headingLabel(tr("Add patient"), box));
  auto* form = new QFormLayout;
  form->setVerticalSpacing(4);
  identifier_->setPlaceholderText(tr("clinic record number"));
  birth_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
  birth_->setCalendarPopup(true);
  birth_->setDate(QDate(1980, 1, 1));
  birth_->setMaximumDate(QDate::currentDate().addDays(1));
  sex_->addItems({QStringLiteral("female"), QStringLiteral("male"), QStringLiteral("other"),
                  QStringLiteral("unknown")});
  weight_->setPlaceholderText(tr("20-300"));
  const std::pair<const char*, QWidget*> fields[] = {
      {"identifier", identifier_}, {"name", name_}, {"date_of_birth", birth_}, {"sex", sex_},
      {"weight_kg", weight_},
  };
  const QString labels[] = {tr("Identifier"), tr("Name"), tr("Date of birth"), tr("Sex"),
                            tr("Weight (kg)")};
  for (int i = 0; i < 5; ++i) {
    QLabel* refusal = form_style::refusalLabel(box);
    add_refusals_.add({fields[i].first}, refusal);
    form->addRow(form_style::fieldLabel(labels[i], box),
                 form_style::withNote(fields[i].second, refusal, box));
  }
  col->addLayout(form);
  col->addWidget(add_refusals_.general());
  col->addWidget(add_);
  col->addStretch(1);
  return box;
}

void PatientForm::submit() { addPatient(); }

void PatientForm::addPatient() {
  db::NewPatient p;
  p.identifier = identifier_->text().trimmed().toStdString();
  p.name = name_->text().trimmed().toStdString();
  p.date_of_birth = birth_->date().toString(Qt::ISODate).toStdString();
  p.sex = sex_->currentText().toStdString();
  if (!weight_->text().trimmed().isEmpty()) {
    p.weight_kg = parseNumber(weight_->text());
    if (!p.weight_kg) {
      add_refusals_.show(tr("weight_kg: not a number (got '%1')").arg(weight_->text()));
      return;
    }
  }
  try {
    gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::create_patient(s, a, p, now);
    });
  } catch (const std::exception& e) {
    add_refusals_.show(e);
    return;
  }
  add_refusals_.clear();
  status_->setText(tr("Added %1 (%2)").arg(name_->text().trimmed(), identifier_->text().trimmed()));
  picker_->queryEdit()->setText(identifier_->text().trimmed());
  picker_->find(identifier_->text().trimmed());
  if (const auto found = picker_->selected()) emit patientAdded(found->id);
  identifier_->clear();
  name_->clear();
  weight_->clear();
}

void PatientForm::updateWeight() {
  const auto p = picker_->selected();
  if (!p) return;
  const auto kg = parseNumber(new_weight_->text());
  if (!kg) {
    form_style::setRefusal(weight_update_refusal_,
                           tr("weight_kg: not a number (got '%1')").arg(new_weight_->text()));
    return;
  }
  try {
    gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      db::update_patient_weight(s, a, p->id, *kg, now);
    });
  } catch (const std::exception& e) {
    form_style::setRefusal(weight_update_refusal_, refusalText(e));
    return;
  }
  form_style::setRefusal(weight_update_refusal_, {});
  status_->setText(tr("Weight of %1 is now %2 kg").arg(QString::fromStdString(p->name)).arg(*kg));
  new_weight_->clear();
  picker_->refresh();
}

QString PatientForm::refusalAt(const QString& field) const {
  if (field == QLatin1String("new weight")) return weight_update_refusal_->text();
  return add_refusals_.labelFor(field + QStringLiteral(":"))->text();
}

}  // namespace vigil::gui
