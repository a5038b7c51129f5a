#include "sign_in_screen.hpp"

#include <QFormLayout>
#include <QVBoxLayout>

#include "access_style.hpp"

namespace vigil::gui {

SignInScreen::SignInScreen(QWidget* parent)
    : QWidget(parent),
      user_(new QLineEdit(this)),
      password_(new QLineEdit(this)),
      sign_in_(new QPushButton(tr("&Sign in"), this)),
      message_(new QLabel(this)) {
  access_style::paintPanel(this);
  auto* title = access_style::title(tr("Sign in to document"), this);
  auto* hint = access_style::hint(
      tr("The monitor and its alarms keep running. Sign in to see patients and sessions."), this);
  user_->setObjectName(QStringLiteral("signInUser"));
  password_->setObjectName(QStringLiteral("signInPassword"));
  password_->setEchoMode(QLineEdit::Password);
  for (QLineEdit* e : {user_, password_}) access_style::field(e);
  access_style::button(sign_in_, true);
  access_style::message(message_);
  auto* form = new QFormLayout;
  form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
  form->addRow(access_style::label(tr("&User"), user_, this), user_);
  form->addRow(access_style::label(tr("&Password"), password_, this), password_);
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(24, 24, 24, 24);
  column->setSpacing(12);
  column->addStretch(1);
  column->addWidget(title);
  column->addWidget(hint);
  column->addLayout(form);
  column->addWidget(sign_in_);
  column->addWidget(message_);
  column->addStretch(2);
  setTabOrder(user_, password_);
  setTabOrder(password_, sign_in_);
  connect(sign_in_, &QPushButton::clicked, this, &SignInScreen::submit);
  connect(user_, &QLineEdit::returnPressed, password_, qOverload<>(&QWidget::setFocus));
  connect(password_, &QLineEdit::returnPressed, this, &SignInScreen::submit);
}

void SignInScreen::submit() {
  const QString name = user_->text().trimmed();
  if (name.isEmpty()) {
    showRefusal(tr("user: required to sign in"));
    user_->setFocus();
    return;
  }
  emit signInRequested(name, password_->text());
}

void SignInScreen::showRefusal(const QString& text) {
  message_->setText(text);
  password_->clear();
  password_->setFocus();
}

void SignInScreen::clear(const QString& user_name) {
  user_->setText(user_name);
  password_->clear();
  message_->clear();
  (user_name.isEmpty() ? user_ : password_)->setFocus();
}

}  // namespace vigil::gui
