#include "lock_overlay.hpp"

#include <QHBoxLayout>
#include <QVBoxLayout>

#include "access_style.hpp"

namespace vigil::gui {

LockOverlay::LockOverlay(QWidget* parent)
    : QWidget(parent),
      title_(access_style::title(QString(), this)),
      password_(new QLineEdit(this)),
      unlock_(new QPushButton(tr("&Unlock"), this)),
      switch_user_(new QPushButton(tr("Sign in as &someone else"), this)),
      message_(new QLabel(this)) {
  access_style::paintPanel(this);
  auto* hint = access_style::hint(
      tr("Acknowledge and Audio pause still work while locked; they are recorded as a bedside "
         "action with nobody signed in."),
      this);
  password_->setObjectName(QStringLiteral("lockPassword"));
  password_->setEchoMode(QLineEdit::Password);
  password_->setPlaceholderText(tr("password"));
  access_style::field(password_);
  access_style::button(unlock_, true);
  access_style::button(switch_user_, false);
  access_style::message(message_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(unlock_);
  buttons->addWidget(switch_user_);
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(24, 24, 24, 24);
  column->setSpacing(12);
  column->addStretch(1);
  column->addWidget(title_);
  column->addWidget(access_style::label(tr("&Password"), password_, this));
  column->addWidget(password_);
  column->addLayout(buttons);
  column->addWidget(message_);
  column->addWidget(hint);
  column->addStretch(2);
  setTabOrder(password_, unlock_);
  setTabOrder(unlock_, switch_user_);
  auto submit = [this] { emit unlockRequested(password_->text()); };
  connect(unlock_, &QPushButton::clicked, this, submit);
  connect(password_, &QLineEdit::returnPressed, this, submit);
  connect(switch_user_, &QPushButton::clicked, this, &LockOverlay::switchUserRequested);
}

void LockOverlay::lockFor(const QString& user_name) {
  title_->setText(tr("Locked \u2014 %1; password to unlock").arg(user_name));
  password_->clear();
  message_->clear();
  password_->setFocus();
}

void LockOverlay::showRefusal(const QString& text) {
  message_->setText(text);
  password_->clear();
  password_->setFocus();
}

}  // namespace vigil::gui
