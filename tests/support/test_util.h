// tests/support/test_util.h — shared helpers for the Catch2 tests (native and wasm).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "loupe/core/status.h"
#include "loupe/ingest/importer.h"
#include "loupe/model/workspace.h"

namespace loupe::testing {

//! Absolute path of a file in the repository (fixtures/…, tests/…).
std::string SourcePath(std::string_view relative);

//! The shared real-data folder (../shared/data/real, or $LOUPE_REAL_DATA_DIR). When it is absent
//! this prints "LOUPE-SKIP: …" (ctest then reports the test as skipped) and returns nullopt —
//! unless $LOUPE_REQUIRE_REAL_DATA is 1 (CI), in which case the test fails.
std::optional<std::string> RealDataDir();

//! Reads a whole file; fails the test if it cannot.
std::string ReadFileOrFail(const std::string& path);

//! Parses `text` into a fresh batch workspace with the given options.
Result<model::Workspace> ParseText(std::string_view text, ingest::ImportOptions options = {});

//! `json` without the whitespace between tokens (strings and number texts kept as written), so
//! that pretty and compact JsonWriter output of the same values compare equal. Fails the test on
//! text that is not JSON.
std::string MinifyJson(std::string_view json);

}  // namespace loupe::testing

//! Declares `const std::string& dir` for the real-data folder, or returns from the test (skipped).
#define LOUPE_REAL_DATA_OR_SKIP(dir)                                   \
  const auto loupe_real_data_dir = ::loupe::testing::RealDataDir();  \
  if (!loupe_real_data_dir) return;                                    \
  const std::string& dir = *loupe_real_data_dir
