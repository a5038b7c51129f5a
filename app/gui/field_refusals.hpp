#pragma once
// Puts a refusal beside the field it names. The store's messages start with the field
// ("weight_kg: must be 20-300 kg (got 5)", "lot: required, must not be blank"); a form registers
// the names each of its fields answers to, and a message whose prefix names none of them goes to
// the form's general label (a role refusal, "sign in first", ...).

#include <QLabel>
#include <QString>
#include <exception>
#include <initializer_list>
#include <map>

namespace vigil::gui {

class FieldRefusals {
 public:
  explicit FieldRefusals(QLabel* general) : general_(general) {}

  // `label` shows the messages whose prefix (the text before the first ':') is one of `names`.
  void add(std::initializer_list<const char*> names, QLabel* label);
  // Clears every label, then shows `message` at its field (or the general label).
  void show(const QString& message);
  void show(const std::exception& e);
  void clear();
  // The label `message` would go to.
  QLabel* labelFor(const QString& message) const;
  // The refusal shown at `field`'s label; "" when `field` names no label. An empty `field`: the
  // general label's text.
  QString textAt(const QString& field) const;
  QLabel* general() const { return general_; }

 private:
  QLabel* general_;
  std::map<QString, QLabel*> by_field_;
};

}  // namespace vigil::gui
