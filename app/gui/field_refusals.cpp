#include "field_refusals.hpp"

#include "clinical_gateway.hpp"
#include "form_style.hpp"

namespace vigil::gui {

void FieldRefusals::add(std::initializer_list<const char*> names, QLabel* label) {
  for (const char* n : names) by_field_[QString::fromUtf8(n)] = label;
}

QLabel* FieldRefusals::labelFor(const QString& message) const {
  const qsizetype colon = message.indexOf(QLatin1Char(':'));
  if (colon <= 0) return general_;
  const auto it = by_field_.find(message.left(colon).trimmed());
  return it == by_field_.end() ? general_ : it->second;
}

QString FieldRefusals::textAt(const QString& field) const {
  if (field.isEmpty()) return general_->text();
  QLabel* at = labelFor(field + QStringLiteral(": "));
  return at == general_ ? QString() : at->text();
}

void FieldRefusals::show(const QString& message) {
  clear();
  form_style::setRefusal(labelFor(message), message);
}

void FieldRefusals::show(const std::exception& e) { show(refusalText(e)); }

void FieldRefusals::clear() {
  form_style::setRefusal(general_, {});
  for (auto& [name, label] : by_field_) form_style::setRefusal(label, {});
}

}  // namespace vigil::gui
