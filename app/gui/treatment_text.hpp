#pragma once
// The treatments a session is planned and dosed with, as the forms name them.

#include <QString>
#include <array>
#include <optional>

#include "vigil/core/dose_route.hpp"

namespace vigil::gui {

// Esketamine first (the usual clinic treatment), then racemic ketamine IV, IM, sublingual, oral.
inline constexpr std::array<core::DoseRoute, 5> kTreatments{
    core::DoseRoute::esketamine_nasal, core::DoseRoute::iv, core::DoseRoute::im,
    core::DoseRoute::sublingual, core::DoseRoute::oral};

QString treatmentText(core::DoseRoute route);  // "Esketamine nasal spray", "Ketamine IV infusion"
QString drugName(core::DoseRoute route);       // "esketamine" | "ketamine" (the store's names)
QString defaultFormStrength(core::DoseRoute route);  // "28 mg nasal device", "10 mg/mL injection"
// "0.50 mg/kg (70 kg)"; a hint when the weight is unknown; esketamine: the devices it takes.
QString perKgText(core::DoseRoute route, std::optional<double> dose_mg,
                  std::optional<double> weight_kg);

}  // namespace vigil::gui
