#include "user_bar.hpp"

#include <QHBoxLayout>

#include "access_style.hpp"

namespace vigil::gui {

UserBar::UserBar(QWidget* parent)
    : QWidget(parent),
      user_(new QLabel(this)),
      records_(new QPushButton(tr("&Records"), this)),
      lock_(new QPushButton(tr("&Lock"), this)),
      switch_user_(new QPushButton(tr("S&witch user"), this)) {
  access_style::paintPanel(this);
  QFont f = user_->font();
  f.setPointSize(13);
  f.setBold(true);
  user_->setFont(f);
  for (QPushButton* b : {records_, lock_, switch_user_}) {
    access_style::button(b, false);
    b->setMinimumWidth(84);  // three buttons beside the name in the clinical column
    b->setAutoDefault(false);
  }
  user_->setWordWrap(true);
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(8, 4, 8, 4);
  row->setSpacing(8);
  row->addWidget(user_, 1);
  row->addWidget(records_);
  row->addWidget(lock_);
  row->addWidget(switch_user_);
  connect(records_, &QPushButton::clicked, this, &UserBar::recordsRequested);
  connect(lock_, &QPushButton::clicked, this, &UserBar::lockRequested);
  connect(switch_user_, &QPushButton::clicked, this, &UserBar::switchUserRequested);
  setUser(QString(), QString(), false);
}

void UserBar::setUser(const QString& user, const QString& role, bool locked) {
  if (user.isEmpty()) {
    user_->setText(tr("Not signed in"));
  } else if (locked) {
    user_->setText(tr("Locked: %1 (%2)").arg(user, role));
  } else {
    user_->setText(tr("Signed in: %1 (%2)").arg(user, role));
  }
  lock_->setEnabled(!user.isEmpty() && !locked);
  switch_user_->setEnabled(!user.isEmpty());
  records_->setVisible(!user.isEmpty() && !locked);
  lock_->setVisible(lock_->isEnabled());  // the lock and the sign-in have their own buttons
  switch_user_->setVisible(switch_user_->isEnabled() && !locked);
}

}  // namespace vigil::gui
