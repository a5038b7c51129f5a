# vigilctl db / user / audit / export, run against the built binary.
add_test(NAME vigilctl.db_audit_cli
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/db_cli_test.sh $<TARGET_FILE:vigilctl>)
set_tests_properties(vigilctl.db_audit_cli PROPERTIES PASS_REGULAR_EXPRESSION "all checks passed")
add_test(NAME vigilctl.audit_verify_missing_file_exits_1
  COMMAND ${CMAKE_COMMAND} -DCMD=$<TARGET_FILE:vigilctl>
          "-DARGS=audit;verify;--db;/nonexistent/vigil.db"
          -DEXPECT_RC=1 -DEXPECT_ERR=/nonexistent/vigil.db -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_exit.cmake)
add_test(NAME vigilctl.db_init_requires_admin_exits_2
  COMMAND ${CMAKE_COMMAND} -DCMD=$<TARGET_FILE:vigilctl> "-DARGS=db;init;--db;x.db"
          -DEXPECT_RC=2 -DEXPECT_ERR=--admin -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_exit.cmake)

# Bad command-line input loses no data and names the option and its rule.
add_test(NAME vigilctl.bad_input_loses_no_data
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/bad_input_cli_test.sh $<TARGET_FILE:vigilctl>
          $<TARGET_FILE:vigil>)
set_tests_properties(vigilctl.bad_input_loses_no_data PROPERTIES
  PASS_REGULAR_EXPRESSION "all checks passed")
