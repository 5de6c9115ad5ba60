// native/cli/args.h — a small argument reader for `loupe CMD [options] [operands]`.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/core/status.h"

namespace loupe::cli {

//! Reads options of the forms `--name value`, `--name=value` and flags `--name`, in any order
//! among operands; `--` ends options. Unknown options are errors naming them.
class Args {
 public:
  Args(std::vector<std::string> argv) : argv_(std::move(argv)) {}

  //! Declares the options a command accepts, then parses. Flags take no value.
  Status Parse(const std::vector<std::string_view>& value_options,
               const std::vector<std::string_view>& flag_options);

  bool Flag(std::string_view name) const;
  std::optional<std::string> Value(std::string_view name) const;
  std::vector<std::string> Values(std::string_view name) const;  //!< repeated options
  const std::vector<std::string>& operands() const { return operands_; }

 private:
  std::vector<std::string> argv_;
  std::vector<std::pair<std::string, std::string>> values_;
  std::vector<std::string> flags_;
  std::vector<std::string> operands_;
};

}  // namespace loupe::cli
