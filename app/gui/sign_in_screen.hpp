#pragma once
// The sign-in screen over the clinical area (never over the numerics, the alarm bar or the
// pleth): user name, password and "Sign in". The monitor and its alarms run while it shows.
// A refusal (the store's message, e.g. "authentication failed") shows under the fields; the
// user name typed stays, the password is cleared for the next try.

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QWidget>

namespace vigil::gui {

class SignInScreen : public QWidget {
  Q_OBJECT
 public:
  explicit SignInScreen(QWidget* parent = nullptr);

  QLineEdit* userEdit() const { return user_; }
  QLineEdit* passwordEdit() const { return password_; }
  QPushButton* signInButton() const { return sign_in_; }
  QString messageText() const { return message_->text(); }

  // Shows `text` as the refusal, keeps the user name, clears the password and focuses it.
  void showRefusal(const QString& text);
  // Empties both fields and the message (after a sign-out), focusing the user name.
  void clear(const QString& user_name = {});

 signals:
  void signInRequested(const QString& user, const QString& password);

 private:
  void submit();

  QLineEdit* user_;
  QLineEdit* password_;
  QPushButton* sign_in_;
  QLabel* message_;
};

}  // namespace vigil::gui
