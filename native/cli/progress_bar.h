// native/cli/progress_bar.h — a progress bar on stderr for work that takes a while.
#pragma once
#include <chrono>
#include <string>

#include "loupe/core/progress.h"

namespace loupe::cli {

//! Redraws one stderr line at most ten times a second; silent when disabled (stderr is not a
//! terminal, or --quiet). Finish() clears the line so the summary that follows stays clean.
class ProgressBar {
 public:
  ProgressBar(std::string label, bool enabled);
  ~ProgressBar() { Finish(); }

  //! Usable directly as a loupe::ProgressFn (always continues).
  bool Update(const Progress& progress);
  void Finish();
  ProgressFn AsCallback() {
    return [this](const Progress& p) { return Update(p); };
  }

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

//! "12.3 MB", "840 KB", "97 B".
std::string FormatBytes(int64_t bytes);

}  // namespace loupe::cli
