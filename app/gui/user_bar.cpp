#include "user_bar.hpp"

#include <QHBoxLayout>

#include "access_style.hpp"

namespace vigil::gui {

UserBar::UserBar(QWidget* parent)
    : QWidget(parent),
      user_(new QLabel(this)),
      session_(new QLabel(this)),
      lock_(new QPushButton(tr("&Lock"), this)),
      switch_user_(new QPushButton(tr("S&witch user"), this)) {
  access_style::paintPanel(this);
  for (QLabel* l : {user_, session_}) {
    QFont f = l->font();
    f.setPointSize(13);
    f.setBold(true);
    l->setFont(f);
  }
  access_style::button(lock_, false);
  access_style::button(switch_user_, false);
  lock_->setAutoDefault(false);
  switch_user_->setAutoDefault(false);
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(8, 2, 8, 2);
  row->setSpacing(12);
  row->addWidget(user_);
  row->addWidget(session_, 1);
  row->addWidget(lock_);
  row->addWidget(switch_user_);
  connect(lock_, &QPushButton::clicked, this, &UserBar::lockRequested);
  connect(switch_user_, &QPushButton::clicked, this, &UserBar::switchUserRequested);
  setUser(QString(), QString(), false);
  setSession(station::SessionInfo{});
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
}

void UserBar::setSession(const station::SessionInfo& s) {
  QString text = tr("no session recording");
  if (s.active) {
    const auto phase = core::session_phase_name(s.phase);
    const long long secs = s.elapsed.count();
    text = tr("%1 (%2)  phase: %3  %4:%5")
               .arg(QString::fromStdString(s.patient_name), QString::fromStdString(s.patient_id),
                    QString::fromUtf8(phase.data(), static_cast<qsizetype>(phase.size())))
               .arg(secs / 3600)
               .arg((secs / 60) % 60, 2, 10, QLatin1Char('0'));
  }
  if (session_->text() != text) session_->setText(text);
}

}  // namespace vigil::gui
