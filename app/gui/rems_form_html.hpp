#pragma once
// The REMS Patient Monitoring Form on screen (the same fields as the PDF, rems_form_pdf.hpp):
// the deadline with the days left (in the refusal colour once a day or less is left), the missing
// fields first with the reason each is missing, then every field by section.

#include <QString>

#include "vigil/db/rems_form.hpp"

namespace vigil::gui {

QString remsFormHtml(const db::RemsForm& form);

}  // namespace vigil::gui
