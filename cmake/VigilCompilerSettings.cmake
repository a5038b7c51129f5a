# Warnings, sanitizers and ccache for every Vigil target.

find_program(VIGIL_CCACHE ccache)
if(VIGIL_CCACHE)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${VIGIL_CCACHE}")
endif()

add_compile_options(-Wall -Wextra -Wpedantic)
if(VIGIL_WERROR)
  add_compile_options(-Werror)
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
