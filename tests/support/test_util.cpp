#include "support/test_util.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "simdjson.h"

namespace loupe::testing {

std::string SourcePath(std::string_view relative) {
  return std::string(LOUPE_SOURCE_DIR) + "/" + std::string(relative);
}

std::optional<std::string> RealDataDir() {
  const char* env = std::getenv("LOUPE_REAL_DATA_DIR");
  std::string dir = env != nullptr && *env != '\0' ? env : LOUPE_REAL_DATA_DIR_DEFAULT;
  struct stat st;
  if (stat((dir + "/README.md").c_str(), &st) == 0) return dir;
  const char* required = std::getenv("LOUPE_REQUIRE_REAL_DATA");
  if (required != nullptr && std::string(required) == "1") {
    FAIL("real data required (LOUPE_REQUIRE_REAL_DATA=1) but not found at " << dir);
  }
  std::printf("LOUPE-SKIP: real data not found at %s\n", dir.c_str());
  return std::nullopt;
}

std::string ReadFileOrFail(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) FAIL("cannot read " << path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Result<model::Workspace> ParseText(std::string_view text, ingest::ImportOptions options) {
  if (options.source_name.empty()) options.source_name = "test-input";
  model::Workspace batch;
  auto stats = ingest::ParseInto(ingest::InputBuffer::Copy(text), options, batch);
  if (!stats.ok()) return std::move(stats).TakeStatus();
  return batch;
}

std::string MinifyJson(std::string_view json) {
  std::string out(json.size(), '\0');
  size_t length = 0;
  const auto error = simdjson::minify(json.data(), json.size(), out.data(), length);
  if (error) FAIL("not JSON (" << simdjson::error_message(error) << "): " << json);
  out.resize(length);
  return out;
}

}  // namespace loupe::testing
