// libFuzzer target for the Nonin DF7 decoder; the checks are in nonin_fuzz_target.hpp.
#define VIGIL_NONIN_FUZZ_FORMAT df7
#include "nonin_fuzz_target.hpp"
