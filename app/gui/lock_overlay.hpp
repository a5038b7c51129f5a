#pragma once
// The lock over the clinical area (idle timeout or "Lock"): "Locked — <user>; password to
// unlock", the password field, Unlock, and "Sign in as someone else". The numerics, the alarm
// bar and its Acknowledge / Audio pause stay usable beside it. A refusal (wrong password, the
// store's lockout after 5 failures) shows under the field.

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QWidget>

namespace vigil::gui {

class LockOverlay : public QWidget {
  Q_OBJECT
 public:
  explicit LockOverlay(QWidget* parent = nullptr);

  // Shows the lock for `user_name`, empty and focused.
  void lockFor(const QString& user_name);
  void showRefusal(const QString& text);

  QString titleText() const { return title_->text(); }
  QString messageText() const { return message_->text(); }
  QLineEdit* passwordEdit() const { return password_; }
  QPushButton* unlockButton() const { return unlock_; }
  QPushButton* switchUserButton() const { return switch_user_; }

 signals:
  void unlockRequested(const QString& password);
  void switchUserRequested();

 private:
  QLabel* title_;
  QLineEdit* password_;
  QPushButton* unlock_;
  QPushButton* switch_user_;
  QLabel* message_;
};

}  // namespace vigil::gui
