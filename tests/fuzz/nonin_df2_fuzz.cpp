// libFuzzer target for the Nonin DF2 decoder; the checks are in nonin_fuzz_target.hpp.
#define VIGIL_NONIN_FUZZ_FORMAT df2
#include "nonin_fuzz_target.hpp"
