// tests/cli/cli_run.h — running the built `loupe` binary from the CLI tests.
#pragma once
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli/subprocess.h"

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

}  // namespace loupe::testing
