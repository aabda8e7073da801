# Fails, naming the files, when any C++ source differs from what clang-format makes of it.
file(GLOB_RECURSE sources
  ${SOURCE_DIR}/core/*.cpp ${SOURCE_DIR}/core/*.h
  ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h
  ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${sources}
  RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
  string(REGEX MATCHALL "[^\n]*warning: code should be clang-formatted" bad "${errors}")
  list(REMOVE_DUPLICATES bad)
  string(REPLACE ";" "\n" bad "${bad}")
  message(FATAL_ERROR "Not clang-formatted (run clang-format -i on them):\n${bad}")
endif()
