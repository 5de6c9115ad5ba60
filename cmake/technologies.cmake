# cmake/technologies.cmake — compiles the technology version table (engine/data/technologies.tsv)
# into the engine as text, so native and wasm builds carry the same table and need no file at
# run time. Editing the table re-runs the configure step, which rewrites the generated source.

set(LOUPE_TECHNOLOGIES_TSV "${CMAKE_SOURCE_DIR}/engine/data/technologies.tsv")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${LOUPE_TECHNOLOGIES_TSV}")
file(READ "${LOUPE_TECHNOLOGIES_TSV}" LOUPE_TECHNOLOGIES_TEXT)
configure_file("${CMAKE_SOURCE_DIR}/cmake/technologies_data.cpp.in"
               "${CMAKE_BINARY_DIR}/generated/technologies_data.cpp" @ONLY)
set(LOUPE_TECHNOLOGY_DATA_SOURCES "${CMAKE_BINARY_DIR}/generated/technologies_data.cpp")
