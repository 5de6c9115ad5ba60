// native/cli/subprocess.h — run a program and capture what it writes.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/core/status.h"

namespace loupe::cli {

//! What a finished program wrote and how it ended.
struct ProcessOutput {
  int exit_code = -1;  //!< -1 when it was killed by a signal
  std::string out;
  std::string err;
};

//! Runs argv[0] (looked up in PATH) with the arguments and waits for it. Fails only when it cannot
//! be started. `on_output` sees the running byte count of stdout. A non-empty `input` is written
//! to its stdin (which is then closed); otherwise stdin is inherited.
Result<ProcessOutput> RunProcess(const std::vector<std::string>& argv,
                                 const std::function<void(int64_t)>& on_output = {},
                                 std::string_view input = {});

//! Runs argv[0] (looked up in PATH) with the arguments, returns its stdout. A non-zero exit is an
//! error carrying the first lines of its stderr. `on_output` sees the running byte count.
Result<std::string> RunAndCapture(const std::vector<std::string>& argv,
                                  const std::function<void(int64_t)>& on_output = {},
                                  std::string_view input = {});

}  // namespace loupe::cli
