#pragma once
// Input checks shared by the stores; each throws ValidationError naming the field and the rule.

#include <string>
#include <string_view>

#include "vigil/db/store_error.hpp"

namespace vigil::db {

void require_text(std::string_view field, std::string_view value);  // non-blank
void check_date(std::string_view field, std::string_view yyyy_mm_dd);
void check_range(std::string_view field, double value, double min, double max,
                 std::string_view unit);
int age_years_at(std::string_view date_of_birth, UtcMs at);  // completed years

}  // namespace vigil::db
