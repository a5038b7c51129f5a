# Warnings, sanitizers and ccache for every Vigil target.

find_program(VIGIL_CCACHE ccache)
if(VIGIL_CCACHE)
  # Debug info names the build folder, so by default ccache keys on it and a fresh clone or a new
  # build folder misses the cache. Paths under the source tree are made relative (BASEDIR) and
  # the folder is left out of the key (NOHASHDIR): every build folder of every clone shares hits.
  set(CMAKE_CXX_COMPILER_LAUNCHER
      "${CMAKE_COMMAND}" -E env "CCACHE_BASEDIR=${PROJECT_SOURCE_DIR}" CCACHE_NOHASHDIR=1
      "${VIGIL_CCACHE}")
endif()

add_compile_options(-Wall -Wextra -Wpedantic)
# Always an error, in every preset and with either compiler: an enumerator without a case in a
# switch that has no default. Every enum name function (core/enum_names.hpp) relies on it.
add_compile_options(-Werror=switch)
if(VIGIL_WERROR)
  add_compile_options(-Werror)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12)
    # GCC 12 at -O3 reports false positives inside libstdc++ (std::string / std::vector copies;
    # GCC bugs 105329, 105651): keep them visible as warnings, not errors.
    add_compile_options(-Wno-error=restrict -Wno-error=stringop-overflow -Wno-error=array-bounds)
  endif()
endif()

if(VIGIL_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

if(VIGIL_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "VIGIL_FUZZ needs clang (libFuzzer); use the 'fuzz' preset")
  endif()
  # Instrument the libraries for coverage; the targets add -fsanitize=fuzzer themselves.
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
