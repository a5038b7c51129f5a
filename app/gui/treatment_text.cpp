#include "treatment_text.hpp"

#include <QObject>
#include <cmath>

namespace vigil::gui {

QString treatmentText(core::DoseRoute route) {
  switch (route) {
    case core::DoseRoute::esketamine_nasal:
      return QObject::tr("Esketamine nasal spray");
    case core::DoseRoute::iv:
      return QObject::tr("Ketamine IV infusion");
    case core::DoseRoute::im:
      return QObject::tr("Ketamine IM");
    case core::DoseRoute::sublingual:
      return QObject::tr("Ketamine sublingual");
    case core::DoseRoute::oral:
      return QObject::tr("Ketamine oral");
  }
  return {};
}

QString drugName(core::DoseRoute route) {
  return route == core::DoseRoute::esketamine_nasal ? QStringLiteral("esketamine")
                                                    : QStringLiteral("ketamine");
}

QString defaultFormStrength(core::DoseRoute route) {
  switch (route) {
    case core::DoseRoute::esketamine_nasal:
      return QStringLiteral("28 mg nasal device");
    case core::DoseRoute::iv:
    case core::DoseRoute::im:
      return QStringLiteral("10 mg/mL injection");
    case core::DoseRoute::sublingual:
      return QStringLiteral("100 mg troche");
    case core::DoseRoute::oral:
      return QStringLiteral("10 mg/mL oral solution");
  }
  return {};
}

QString perKgText(core::DoseRoute route, std::optional<double> dose_mg,
                  std::optional<double> weight_kg) {
  if (route == core::DoseRoute::esketamine_nasal) {
    if (!dose_mg) return QObject::tr("28 mg per device; 56 or 84 mg a session");
    const double devices = std::ceil(*dose_mg / 28.0);
    QString text = devices == 1 ? QObject::tr("one 28 mg device")
                                : QObject::tr("%1 devices of 28 mg").arg(devices);
    if (weight_kg) {  // a fixed dose, but the record shows its weight-based size too
      text += QObject::tr(" (%1 mg/kg)").arg(*dose_mg / *weight_kg, 0, 'f', 2);
    }
    return text;
  }
  if (!weight_kg) return QObject::tr("mg/kg: no weight on record");
  if (!dose_mg) return QObject::tr("mg/kg at %1 kg").arg(*weight_kg);
  return QObject::tr("%1 mg/kg (%2 kg)").arg(*dose_mg / *weight_kg, 0, 'f', 2).arg(*weight_kg);
}

}  // namespace vigil::gui
