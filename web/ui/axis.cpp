#include "ui/axis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace loupe::ui {
namespace {

// Keeps a number's digits but drops zeros after the decimal point ("1.50" → "1.5", "2.0" → "2").
std::string TrimZeros(std::string s) {
  const auto dot = s.find('.');
  if (dot == std::string::npos) return s;
  size_t end = s.size();
  while (end > dot + 1 && s[end - 1] == '0') --end;
  if (end == dot + 1) --end;
  s.erase(end);
  if (s == "-0") s = "0";
  return s;
}

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", std::clamp(decimals, 0, 12), v);
  return buf;
}

// Thousands grouping of the integer part of a formatted number ("-12345.5" → "-12,345.5").
std::string Group(std::string s) {
  size_t start = (!s.empty() && s[0] == '-') ? 1 : 0;
  size_t end = s.find('.');
  if (end == std::string::npos) end = s.size();
  for (size_t i = end; i > start + 3; i -= 3) s.insert(i - 3, ",");
  return s;
}

// Decimals that show |v| (< 1000) with about two significant digits.
int AutoDecimals(double a) {
  if (a == 0.0 || a >= 100.0) return 0;
  if (a >= 10.0) return 1;
  if (a >= 1.0) return 2;
  return std::min(9, 1 - static_cast<int>(std::floor(std::log10(a))));
}

struct Unit {
  double scale;
  const char* suffix;
};
constexpr Unit kUnits[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}};

std::string NonFinite(double v) {
  if (std::isnan(v)) return "\u2013";
  return v > 0 ? "\u221E" : "-\u221E";
}

std::string Compact(double v, int decimals) {
  const double a = std::fabs(v);
  if (a >= 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2g", v);
    return buf;
  }
  for (size_t u = 0; u < std::size(kUnits); ++u) {
    if (a < kUnits[u].scale * 0.9995) continue;
    const double s = v / kUnits[u].scale;
    const int d = decimals >= 0 ? decimals : (std::fabs(s) >= 100.0 ? 0 : 1);
    std::string text = Fixed(s, d);
    // 999,960 rounds to "1000.0k": say "1M" instead.
    if (u > 0 && std::fabs(std::stod(text)) >= 1000.0) {
      text = Fixed(v / kUnits[u - 1].scale, decimals >= 0 ? decimals : 1);
      return (decimals >= 0 ? text : TrimZeros(text)) + kUnits[u - 1].suffix;
    }
    return (decimals >= 0 ? text : TrimZeros(text)) + kUnits[u].suffix;
  }
  const int d = decimals >= 0 ? decimals : AutoDecimals(a);
  std::string text = decimals >= 0 ? Fixed(v, d) : TrimZeros(Fixed(v, d));
  if (std::fabs(std::stod(text)) >= 1000.0) return Compact(std::copysign(1000.0, v), -1);
  return text;
}

std::string Hours(double h, int decimals) {
  const double a = std::fabs(h);
  if (a < 1.0 && a > 0.0) return TrimZeros(Fixed(h * 60.0, decimals >= 0 ? decimals : 0)) + "m";
  if (a < 48.0) return TrimZeros(Fixed(h, decimals >= 0 ? decimals : 1)) + "h";
  return TrimZeros(Fixed(h / 24.0, decimals >= 0 ? decimals : 1)) + "d";
}

}  // namespace

double NiceNumber(double x, bool round) {
  if (!(x > 0.0) || !std::isfinite(x)) return 1.0;
  const double exp = std::floor(std::log10(x));
  const double p = std::pow(10.0, exp);
  const double f = x / p;
  double nice;
  if (round) {
    nice = f < 1.5 ? 1.0 : f < 3.0 ? 2.0 : f < 7.0 ? 5.0 : 10.0;
  } else {
    nice = f <= 1.0 ? 1.0 : f <= 2.0 ? 2.0 : f <= 5.0 ? 5.0 : 10.0;
  }
  return nice * p;
}

AxisTicks NiceTicks(double lo, double hi, int target_count) {
  AxisTicks t;
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0.0, hi = 1.0;
  if (lo > hi) std::swap(lo, hi);
  // Keep hi - lo finite.
  lo = std::max(lo, -1e300);
  hi = std::min(hi, 1e300);
  if (hi == lo) {
    const double d = lo == 0.0 ? 1.0 : std::fabs(lo) * 0.1;
    if (lo == 0.0) {
      hi = 1.0;
    } else if (lo > 0.0) {
      lo = lo - d, hi = hi + d;
    } else {
      lo = lo - d, hi = hi + d;
    }
  }
  const int n = std::clamp(target_count, 2, 50);
  const double range = NiceNumber(hi - lo, false);
  double step = NiceNumber(range / (n - 1), true);
  double min = std::floor(lo / step) * step;
  double max = std::ceil(hi / step) * step;
  // Floating-point noise may leave lo a hair below a multiple (0.30000000000000004 / 0.1).
  if (lo - min >= step * (1 - 1e-9)) min += step;
  if (max - hi >= step * (1 - 1e-9)) max -= step;
  const double count = std::round((max - min) / step);
  t.min = min;
  t.max = max;
  t.step = step;
  const int ticks = static_cast<int>(std::min(count, 1000.0)) + 1;
  t.values.reserve(static_cast<size_t>(ticks));
  for (int i = 0; i < ticks; ++i) {
    double v = min + step * i;
    if (std::fabs(v) < step * 1e-9) v = 0.0;
    t.values.push_back(v);
  }
  return t;
}

int DecimalsForStep(double step) {
  step = std::fabs(step);
  if (!(step > 0.0) || !std::isfinite(step)) return 0;
  for (int d = 0; d < 9; ++d) {
    const double scaled = step * std::pow(10.0, d);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) return d;
  }
  return 9;
}

std::string FormatNumber(double value, NumberFormat format, int decimals) {
  if (!std::isfinite(value)) return NonFinite(value);
  switch (format) {
    case NumberFormat::kCompact: return Compact(value, decimals);
    case NumberFormat::kPlain: {
      const int d = decimals >= 0 ? decimals : (std::fabs(value) >= 1000.0 ? 0 : AutoDecimals(std::fabs(value)));
      std::string text = Fixed(value, std::min(d, 9));
      if (decimals < 0) text = TrimZeros(text);
      return Group(text);
    }
    case NumberFormat::kPercent:
      return (decimals >= 0 ? Fixed(value, decimals) : TrimZeros(Fixed(value, 1))) + "%";
    case NumberFormat::kFraction: return FormatNumber(value * 100.0, NumberFormat::kPercent, decimals);
    case NumberFormat::kHours: return Hours(value, decimals);
  }
  return Compact(value, decimals);
}

std::string FormatTick(double value, double step, NumberFormat format) {
  if (!std::isfinite(value)) return NonFinite(value);
  switch (format) {
    case NumberFormat::kCompact: {
      const double a = std::fabs(value);
      for (const Unit& u : kUnits) {
        if (a >= u.scale && a < 1e15) {
          return TrimZeros(Fixed(value / u.scale, DecimalsForStep(step / u.scale))) + u.suffix;
        }
      }
      if (a >= 1e15) return Compact(value, -1);
      return TrimZeros(Fixed(value, DecimalsForStep(step)));
    }
    case NumberFormat::kPlain: return Group(TrimZeros(Fixed(value, DecimalsForStep(step))));
    case NumberFormat::kPercent: return TrimZeros(Fixed(value, DecimalsForStep(step))) + "%";
    case NumberFormat::kFraction: return TrimZeros(Fixed(value * 100.0, DecimalsForStep(step * 100.0))) + "%";
    case NumberFormat::kHours:
      if (step >= 24.0) return TrimZeros(Fixed(value / 24.0, DecimalsForStep(step / 24.0))) + "d";
      return TrimZeros(Fixed(value, DecimalsForStep(step))) + "h";
  }
  return FormatNumber(value, format);
}

int LabelStride(float spacing_px, float label_px, float gap_px) {
  if (!(spacing_px > 0.0f)) return 1 << 20;
  const float need = std::max(0.0f, label_px) + std::max(0.0f, gap_px);
  const float k = std::ceil(need / spacing_px - 1e-4f);
  return std::max(1, static_cast<int>(std::min(k, 1048576.0f)));
}

std::vector<int> ThinLabels(std::span<const float> centers, std::span<const float> widths, float gap_px, float lo,
                            float hi) {
  std::vector<int> kept;
  const size_t n = std::min(centers.size(), widths.size());
  float last_end = -INFINITY;
  for (size_t i = 0; i < n; ++i) {
    const float start = centers[i] - widths[i] * 0.5f, end = centers[i] + widths[i] * 0.5f;
    if (start < lo || end > hi) continue;
    if (start < last_end + gap_px) continue;
    kept.push_back(static_cast<int>(i));
    last_end = end;
  }
  return kept;
}

}  // namespace loupe::ui
