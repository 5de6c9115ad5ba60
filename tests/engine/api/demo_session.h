// tests/engine/api/demo_session.h — the demo workspace (fixtures/demo, without its mailmap) in an
// in-memory session, for the api tests.
#pragma once
#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "loupe/api/session.h"
#include "support/test_util.h"

namespace loupe::testing {

inline std::unique_ptr<api::Session> DemoSession() {
  auto session = api::Session::InMemory();
  for (const char* file : {"rocket.gitlog", "rocket-commits.json", "rocket-pulls.json", "rocket-reviews.json",
                           "rocket-review-comments.json"}) {
    ingest::ImportOptions options;
    options.source_name = file;
    options.repo = "acme/rocket";
    const std::string bytes = ReadFileOrFail(SourcePath(std::string("fixtures/demo/") + file));
    REQUIRE(session->Import(ingest::InputBuffer::Copy(bytes), options).ok());
  }
  return session;
}

}  // namespace loupe::testing
