#include "witness_sign.hpp"

#include <QHBoxLayout>
#include <QVBoxLayout>

#include "form_style.hpp"

namespace vigil::gui {

WitnessSign::WitnessSign(const QString& field, QWidget* parent)
    : QWidget(parent),
      field_(field),
      name_(new QLineEdit(this)),
      password_(new QLineEdit(this)),
      refusal_(form_style::refusalLabel(this)) {
  name_->setPlaceholderText(tr("%1 user name").arg(field));
  name_->setAccessibleName(tr("%1 user name").arg(field));
  password_->setPlaceholderText(tr("%1 password").arg(field));
  password_->setAccessibleName(tr("%1 password").arg(field));
  password_->setEchoMode(QLineEdit::Password);
  auto* row = new QHBoxLayout;
  row->addWidget(name_, 1);
  row->addWidget(password_, 1);
  auto* col = new QVBoxLayout(this);
  col->setContentsMargins(0, 0, 0, 0);
  col->setSpacing(2);
  col->addLayout(row);
  col->addWidget(refusal_);
}

WitnessCheck WitnessSign::verify(ClinicalGateway& gateway) {
  const std::string name = name_->text().trimmed().toStdString();
  const std::string password = password_->text().toStdString();
  password_->clear();
  form_style::setRefusal(refusal_, {});
  if (name.empty() && password.empty()) return {};
  if (name.empty() || password.empty()) {
    form_style::setRefusal(refusal_, tr("%1: the witness types both their user name and their "
                                        "password")
                                         .arg(field_));
    return {std::nullopt, true};
  }
  try {
    return {gateway.authenticateOther(name, password), false};
  } catch (const std::exception& e) {
    form_style::setRefusal(refusal_, tr("%1: %2 (user name or password wrong, or the account is "
                                        "locked)")
                                         .arg(field_, refusalText(e)));
    return {std::nullopt, true};
  }
}

void WitnessSign::clear() {
  name_->clear();
  password_->clear();
  form_style::setRefusal(refusal_, {});
}

}  // namespace vigil::gui
