#pragma once
// The strip at the top of the window: who is signed in and their role (or "not signed in",
// or "locked"), the session being recorded (patient, phase, time), and "Lock" and
// "Switch user" (48 px touch targets). Switching user never stops the station or recording.

#include <QLabel>
#include <QPushButton>
#include <QWidget>

#include "screen_snapshot.hpp"

namespace vigil::gui {

class UserBar : public QWidget {
  Q_OBJECT
 public:
  explicit UserBar(QWidget* parent = nullptr);

  // `user` empty: nobody is signed in. `locked`: the station is locked for `user`.
  void setUser(const QString& user, const QString& role, bool locked);
  void setSession(const station::SessionInfo& session);

  QString userText() const { return user_->text(); }
  QString sessionText() const { return session_->text(); }
  QPushButton* lockButton() const { return lock_; }
  QPushButton* switchUserButton() const { return switch_user_; }

 signals:
  void lockRequested();
  void switchUserRequested();

 private:
  QLabel* user_;
  QLabel* session_;
  QPushButton* lock_;
  QPushButton* switch_user_;
};

}  // namespace vigil::gui
