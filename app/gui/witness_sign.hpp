#pragma once
// A second person signs for a controlled-substance entry (a dose or its waste) with their own
// name and password (ClinicalGateway::authenticateOther: audited like a login; five failures
// lock the account). Who is signed in at the station does not change. The password is cleared
// after every attempt; the name is kept.

#include <QLabel>
#include <QLineEdit>
#include <QString>
#include <QWidget>
#include <optional>

#include "clinical_gateway.hpp"

namespace vigil::gui {

struct WitnessCheck {
  std::optional<db::Actor> actor;  // the witness who signed (nullopt: none given)
  bool refused = false;            // a name was given and the check failed (shown at the field)
};

class WitnessSign : public QWidget {
  Q_OBJECT
 public:
  // `field` names the witness in messages ("witness", "waste witness").
  WitnessSign(const QString& field, QWidget* parent = nullptr);

  // Checks the typed name and password. No name and no password: no witness.
  WitnessCheck verify(ClinicalGateway& gateway);
  void clear();

  QLineEdit* nameEdit() const { return name_; }
  QLineEdit* passwordEdit() const { return password_; }
  QLabel* refusalLabel() const { return refusal_; }

 private:
  QString field_;
  QLineEdit* name_;
  QLineEdit* password_;
  QLabel* refusal_;
};

}  // namespace vigil::gui
