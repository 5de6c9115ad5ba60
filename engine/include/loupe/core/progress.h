// loupe/core/progress.h — how long-running engine work reports progress and learns it must stop.
#pragma once
#include <cstdint>
#include <functional>
#include <string_view>

namespace loupe {

//! One progress report: `done` of `total` units (bytes, records, …) in the named phase.
struct Progress {
  std::string_view phase;  //!< e.g. "parse", "store"
  int64_t done = 0;
  int64_t total = 0;       //!< 0 when unknown
  std::string_view unit = "bytes";  //!< what done/total count: "bytes", "rows", …
};

//! Called every few thousand units (never per record); returning false cancels the work, which
//! then fails with StatusCode::kCancelled and changes nothing.
using ProgressFn = std::function<bool(const Progress&)>;

}  // namespace loupe
