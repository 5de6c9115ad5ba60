// web/app/format.h — numbers as the dashboard shows them: counts with thousands separators,
// ratios as percentages, hours and days with their unit, and "—" for what is not there.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace loupe::app {

inline std::string FormatCount(double v) {
  if (!std::isfinite(v)) return "—";
  const long long n = std::llround(v);
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

inline std::string FormatFixed(double v, int decimals) {
  if (!std::isfinite(v)) return "—";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

//! A value by its unit name from the metric catalog (count, ratio, hours, days, lines, score, …).
inline std::string FormatValue(double v, std::string_view unit) {
  if (!std::isfinite(v)) return "—";
  if (unit == "ratio") return FormatFixed(v * 100.0, v * 100.0 < 10 ? 1 : 0) + "%";
  if (unit == "hours") return v >= 48 ? FormatFixed(v / 24.0, 1) + " d" : FormatFixed(v, 1) + " h";
  if (unit == "days") return FormatFixed(v, 0) + " d";
  if (unit == "score") return FormatFixed(v, v < 10 ? 2 : 0);
  if (unit == "count" || unit == "lines") return FormatCount(v);
  if (std::fabs(v - std::round(v)) < 1e-9) return FormatCount(v);
  return FormatFixed(v, 2);
}

//! The unit a metric key implies, for keys shown without a catalog entry at hand.
inline std::string_view UnitOf(std::string_view key) {
  auto ends = [&](std::string_view s) { return key.size() >= s.size() && key.substr(key.size() - s.size()) == s; };
  if (ends("_hours")) return "hours";
  if (ends("_ratio") || ends("_rate") || ends("_share")) return "ratio";
  if (ends("_days")) return "days";
  if (ends("_score") || ends("coefficient")) return "score";
  if (ends("lines") || ends("lines_added") || ends("lines_removed") || ends("lines_changed")) return "lines";
  return "number";
}

}  // namespace loupe::app
