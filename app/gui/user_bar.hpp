#pragma once
// Who is using the station, over the clinical area: the signed-in user and role (or "Not
// signed in", or "Locked: ..."), "Records" (the look back: history and the audit log, in a window
// of its own), "Lock" and "Switch user" (48 px touch targets).
// Switching user never stops the station or recording.

#include <QLabel>
#include <QPushButton>
#include <QWidget>

namespace vigil::gui {

class UserBar : public QWidget {
  Q_OBJECT
 public:
  explicit UserBar(QWidget* parent = nullptr);

  // `user` empty: nobody is signed in. `locked`: the station is locked for `user`.
  void setUser(const QString& user, const QString& role, bool locked);

  QString userText() const { return user_->text(); }
  QPushButton* lockButton() const { return lock_; }
  QPushButton* switchUserButton() const { return switch_user_; }
  QPushButton* recordsButton() const { return records_; }

 signals:
  void recordsRequested();
  void lockRequested();
  void switchUserRequested();

 private:
  QLabel* user_;
  QPushButton* records_;
  QPushButton* lock_;
  QPushButton* switch_user_;
};

}  // namespace vigil::gui
