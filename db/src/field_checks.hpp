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
// A date YYYY-MM-DD that is not after the UTC day of `now` ("must not be in the future").
void check_date_not_after(std::string_view field, std::string_view yyyy_mm_dd, UtcMs now);
int age_years_at(std::string_view date_of_birth, UtcMs at);  // completed years

}  // namespace vigil::db
