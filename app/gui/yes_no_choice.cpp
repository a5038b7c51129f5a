#include "yes_no_choice.hpp"

#include <QHBoxLayout>

#include "form_style.hpp"

namespace vigil::gui {

YesNoChoice::YesNoChoice(const QString& name, QWidget* parent)
    : QWidget(parent),
      group_(new QButtonGroup(this)),
      yes_(new QPushButton(tr("Yes"), this)),
      no_(new QPushButton(tr("No"), this)) {
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(4);
  for (QPushButton* b : {yes_, no_}) {
    b->setCheckable(true);
    b->setMinimumSize(72, form_style::kTouchHeight);
    row->addWidget(b);
  }
  row->addStretch(1);
  yes_->setAccessibleName(tr("%1 yes").arg(name));
  no_->setAccessibleName(tr("%1 no").arg(name));
  group_->addButton(yes_);
  group_->addButton(no_);
  group_->setExclusive(true);
  connect(group_, &QButtonGroup::buttonClicked, this, &YesNoChoice::changed);
}

std::optional<bool> YesNoChoice::value() const {
  if (yes_->isChecked()) return true;
  if (no_->isChecked()) return false;
  return std::nullopt;
}

void YesNoChoice::setValue(std::optional<bool> v) {
  group_->setExclusive(false);  // an exclusive group keeps one button checked
  yes_->setChecked(v == true);
  no_->setChecked(v == false);
  group_->setExclusive(true);
  emit changed();
}

}  // namespace vigil::gui
