# `vigilctl simulate` against the built binary (included from tests/CMakeLists.txt).
add_test(NAME vigilctl.simulate_cli
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/simulate_cli_test.sh $<TARGET_FILE:vigilctl>)
set_tests_properties(vigilctl.simulate_cli PROPERTIES TIMEOUT 120)
