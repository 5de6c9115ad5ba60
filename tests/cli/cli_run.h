// tests/cli/cli_run.h — running the built `loupe` binary from the CLI tests.
#pragma once
#include <unistd.h>

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli/subprocess.h"
#include "support/test_util.h"

namespace loupe::testing {

//! What one run of the CLI printed and returned.
struct Run {
  int code;
  std::string out;
  std::string err;
};

//! Runs `loupe ARGS…` (the binary of this build); fails the test if it cannot be started.
inline Run Loupe(std::vector<std::string> args) {
  args.insert(args.begin(), LOUPE_CLI_PATH);
  auto p = cli::RunProcess(args);
  REQUIRE(p.ok());
  return {p->exit_code, p->out, p->err};
}

//! Runs `loupe ARGS…` and requires exit code 0 (printing its stderr otherwise).
inline Run LoupeOk(const std::vector<std::string>& args) {
  Run r = Loupe(args);
  INFO("loupe " << (args.size() > 2 ? args[2] : args.front()) << " …: " << r.err);
  REQUIRE(r.code == 0);
  return r;
}

//! A fresh database file in a new /tmp/loupe-<name>-XXXXXX folder with the demo imported
//! (fixtures/demo without its mailmap: Bruno has two developers).
inline std::string DemoDatabase(const std::string& name) {
  std::string folder = "/tmp/loupe-" + name + "-XXXXXX";
  REQUIRE(mkdtemp(folder.data()) != nullptr);
  const std::string db = folder + "/w.db";
  std::vector<std::string> args = {"--db", db, "--quiet", "import"};
  for (const char* f : {"rocket.gitlog", "rocket-commits.json", "rocket-pulls.json", "rocket-reviews.json",
                        "rocket-review-comments.json"}) {
    args.push_back(SourcePath(std::string("fixtures/demo/") + f));
  }
  LoupeOk(args);
  return db;
}

}  // namespace loupe::testing
