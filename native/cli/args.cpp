#include "cli/args.h"

#include <algorithm>

namespace loupe::cli {

Status Args::Parse(const std::vector<std::string_view>& value_options,
                   const std::vector<std::string_view>& flag_options) {
  auto known = [](const std::vector<std::string_view>& list, std::string_view name) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  bool options_ended = false;
  for (size_t i = 0; i < argv_.size(); ++i) {
    const std::string& arg = argv_[i];
    if (options_ended || arg.size() < 2 || arg[0] != '-' || arg == "-") {
      operands_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (const size_t eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    if (known(flag_options, name)) {
      if (inline_value) return InvalidInput("option " + name + " takes no value");
      flags_.push_back(name);
    } else if (known(value_options, name)) {
      if (inline_value) {
        values_.emplace_back(name, *inline_value);
      } else if (i + 1 < argv_.size()) {
        values_.emplace_back(name, argv_[++i]);
      } else {
        return InvalidInput("option " + name + " needs a value");
      }
    } else {
      return InvalidInput("unknown option " + name + " (see --help)");
    }
  }
  return Status::Ok();
}

bool Args::Flag(std::string_view name) const {
  return std::find(flags_.begin(), flags_.end(), name) != flags_.end();
}

std::optional<std::string> Args::Value(std::string_view name) const {
  std::optional<std::string> out;
  for (const auto& [k, v] : values_) {
    if (k == name) out = v;  // the last one wins, as in most tools
  }
  return out;
}

std::vector<std::string> Args::Values(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : values_) {
    if (k == name) out.push_back(v);
  }
  return out;
}

}  // namespace loupe::cli
