#pragma once

#include <string_view>

namespace vigil::core {
std::string_view version();
}
