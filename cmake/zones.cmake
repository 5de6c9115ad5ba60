# cmake/zones.cmake — generates the engine's IANA zone table from the host's compiled tzdata.
#
# Defines LOUPE_ZONE_DATA_SOURCES (the generated zone_data.cpp) for the engine library to compile;
# it includes "core/zone_data.h", so the library needs engine/src on its (private) include path.
# The table is rebuilt when tools/gen_zones.mjs or the tzdata release (tzdata.zi) changes, and the
# same tzdata always gives the same file. Native and wasm builds run the generator on the host.

find_program(NODE_EXE NAMES node nodejs REQUIRED)

set(LOUPE_ZONEINFO_DIR "/usr/share/zoneinfo" CACHE PATH
    "Compiled IANA tzdata (TZif v2+ files and tzdata.zi) the engine's zone table is generated from")
if(NOT EXISTS "${LOUPE_ZONEINFO_DIR}/tzdata.zi")
  message(FATAL_ERROR
    "${LOUPE_ZONEINFO_DIR}/tzdata.zi not found: install tzdata (scripts/setup) or set "
    "LOUPE_ZONEINFO_DIR to a zoneinfo tree that has it")
endif()

set(LOUPE_ZONE_DATA_CPP "${CMAKE_BINARY_DIR}/generated/zone_data.cpp")
add_custom_command(
  OUTPUT "${LOUPE_ZONE_DATA_CPP}"
  COMMAND "${NODE_EXE}" "${CMAKE_SOURCE_DIR}/tools/gen_zones.mjs" "${LOUPE_ZONEINFO_DIR}"
          "${LOUPE_ZONE_DATA_CPP}"
  DEPENDS "${CMAKE_SOURCE_DIR}/tools/gen_zones.mjs" "${LOUPE_ZONEINFO_DIR}/tzdata.zi"
  COMMENT "Generating the IANA zone table from ${LOUPE_ZONEINFO_DIR}"
  VERBATIM)

set(LOUPE_ZONE_DATA_SOURCES "${LOUPE_ZONE_DATA_CPP}")
