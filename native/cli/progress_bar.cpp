#include "cli/progress_bar.h"

#include <algorithm>
#include <cstdio>

#include "loupe/core/strings.h"

namespace loupe::cli {

std::string FormatBytes(int64_t bytes) {
  char buf[32];
  if (bytes >= 1000 * 1000) {
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  } else if (bytes >= 1000) {
    std::snprintf(buf, sizeof buf, "%.0f KB", static_cast<double>(bytes) / 1e3);
  } else {
    std::snprintf(buf, sizeof buf, "%lld B", static_cast<long long>(bytes));
  }
  return buf;
}

ProgressBar::ProgressBar(std::string label, bool enabled)
    : label_(std::move(label)), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

bool ProgressBar::Update(const Progress& progress) {
  if (!enabled_) return true;
  const auto now = std::chrono::steady_clock::now();
  // Nothing for the first half second (short work needs no bar), then ten redraws a second.
  if (now - start_ < std::chrono::milliseconds(500) ||
      (drawn_ && now - last_draw_ < std::chrono::milliseconds(100))) {
    return true;
  }
  last_draw_ = now;
  drawn_ = true;
  constexpr int kWidth = 30;
  std::string line = "\r\x1b[2K" + label_ + " " + std::string(progress.phase) + " ";
  if (progress.total > 0) {
    const double fraction = std::min(1.0, static_cast<double>(progress.done) / static_cast<double>(progress.total));
    const int filled = static_cast<int>(fraction * kWidth);
    line += "[" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "] ";
    char pct[16];
    std::snprintf(pct, sizeof pct, "%3.0f%% ", fraction * 100);
    line += pct;
  }
  auto amount = [&](int64_t n) {
    return progress.unit == "bytes" ? FormatBytes(n) : FormatThousands(n) + " " + std::string(progress.unit);
  };
  line += amount(progress.done);
  if (progress.total > 0) line += " / " + amount(progress.total);
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  return true;
}

void ProgressBar::Finish() {
  if (drawn_) {
    std::fputs("\r\x1b[2K", stderr);
    std::fflush(stderr);
    drawn_ = false;
  }
}

}  // namespace loupe::cli
