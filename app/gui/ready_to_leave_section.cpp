#include "ready_to_leave_section.hpp"

#include <QFormLayout>

#include "form_style.hpp"
#include "yes_no_choice.hpp"

namespace vigil::gui {
namespace {

const char* const kSigns[] = {"sedation", "dissociation", "respiratory_depression"};

}  // namespace

ReadyToLeaveSection::ReadyToLeaveSection(FieldRefusals& refusals, QWidget* parent)
    : QWidget(parent),
      refusals_(refusals),
      minutes_label_(form_style::fieldLabel(QString(), this)),
      minutes_(new QLineEdit(this)) {
  auto* form = new QFormLayout(this);
  form->setContentsMargins(0, 0, 0, 0);
  form->setVerticalSpacing(4);
  minutes_->setPlaceholderText(tr("minutes, e.g. 90"));
  minutes_->setAccessibleName(tr("REMS ready minutes"));
  minutes_->setMaximumWidth(200);
  minutes_label_->setWordWrap(true);
  minutes_label_->setBuddy(minutes_);
  QLabel* refusal = form_style::refusalLabel(this);
  refusals_.add({"rems_ready_minutes"}, refusal);
  form->addRow(minutes_label_, form_style::withNote(minutes_, refusal, this));
  setRemsRequired(true);
  addChoice("sedation", tr("Sedation seen during monitoring?"), tr("sedation"));
  addChoice("sedation_resolved", tr("  Sedation resolved?"), tr("sedation resolved"));
  addChoice("dissociation", tr("Dissociation seen?"), tr("dissociation"));
  addChoice("dissociation_resolved", tr("  Dissociation resolved?"), tr("dissociation resolved"));
  addChoice("respiratory_depression", tr("Respiratory depression seen?"),
            tr("respiratory depression"));
  addChoice("respiratory_depression_resolved", tr("  Respiratory depression resolved?"),
            tr("respiratory depression resolved"));
  addChoice("vitals_acceptable_before_completion",
            tr("Vital signs acceptable before the end of monitoring?"), tr("vitals acceptable"));
  updateResolvedRows();
}

void ReadyToLeaveSection::addChoice(const char* field, const QString& label, const QString& name) {
  auto* form = static_cast<QFormLayout*>(layout());
  auto* choice = new YesNoChoice(name, this);
  QLabel* refusal = form_style::refusalLabel(this);
  refusals_.add({field}, refusal);
  QLabel* text = form_style::fieldLabel(label, this);
  text->setWordWrap(true);
  text->setBuddy(choice->yesButton());
  QWidget* row = form_style::withNote(choice, refusal, this);
  form->addRow(text, row);
  const QString key = QString::fromUtf8(field);
  choices_[key] = choice;
  if (key.endsWith(QLatin1String("_resolved"))) {
    rows_[key] = row;
  }
  connect(choice, &YesNoChoice::changed, this, &ReadyToLeaveSection::updateResolvedRows);
}

void ReadyToLeaveSection::updateResolvedRows() {
  for (const char* sign : kSigns) {
    const QString key = QString::fromUtf8(sign);
    const bool seen = choices_.at(key)->value() == true;
    static_cast<QFormLayout*>(layout())->setRowVisible(rows_.at(key + QLatin1String("_resolved")),
                                                       seen);
    if (!seen && choices_.at(key + QLatin1String("_resolved"))->value()) {
      choices_.at(key + QLatin1String("_resolved"))->setValue(std::nullopt);
    }
  }
}

void ReadyToLeaveSection::setRemsRequired(bool required) {
  minutes_label_->setText(required
                              ? tr("REMS: after how many minutes from the first dose would the "
                                   "patient have been ready to leave without the 2-hour rule?")
                              : tr("After how many minutes from the first dose would the patient "
                                   "have been ready to leave? (optional)"));
}

YesNoChoice* ReadyToLeaveSection::choice(const QString& field) const {
  const auto it = choices_.find(field);
  return it == choices_.end() ? nullptr : it->second;
}

std::optional<db::ReadyToLeave> ReadyToLeaveSection::answers(db::RowId session) {
  db::ReadyToLeave r;
  r.session_id = session;
  const QString typed = minutes_->text().trimmed();
  if (!typed.isEmpty()) {
    bool ok = false;
    const int minutes = typed.toInt(&ok);
    if (!ok) {
      refusals_.show(
          tr("rems_ready_minutes: must be a whole number of minutes (got '%1')").arg(typed));
      return std::nullopt;
    }
    r.rems_ready_minutes = minutes;
  }
  auto v = [&](const char* f) { return choices_.at(QString::fromUtf8(f))->value(); };
  r.sedation = v("sedation");
  r.sedation_resolved = v("sedation_resolved");
  r.dissociation = v("dissociation");
  r.dissociation_resolved = v("dissociation_resolved");
  r.respiratory_depression = v("respiratory_depression");
  r.respiratory_depression_resolved = v("respiratory_depression_resolved");
  r.vitals_acceptable_before_completion = v("vitals_acceptable_before_completion");
  return r;
}

void ReadyToLeaveSection::clear() {
  minutes_->clear();
  for (const auto& [field, choice] : choices_) choice->setValue(std::nullopt);
}

}  // namespace vigil::gui
