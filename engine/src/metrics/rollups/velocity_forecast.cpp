#include "loupe/metrics/rollups/velocity_forecast.h"

#include <algorithm>
#include <cmath>

#include "loupe/metrics/rollups/rounding.h"

namespace loupe::metrics {

VelocityForecast ForecastVelocity(std::span<const VelocityPoint> points) {
  VelocityForecast f;
  f.historical.assign(points.begin(), points.end());
  std::stable_sort(f.historical.begin(), f.historical.end(),
                   [](const VelocityPoint& a, const VelocityPoint& b) { return a.period_start < b.period_start; });
  const auto n = static_cast<int64_t>(f.historical.size());
  f.data_points = n;
  if (n == 0) return f;

  double weight_sum = 0, commits = 0, prs = 0, lines = 0, mean_commits = 0;
  for (int64_t i = 0; i < n; ++i) {
    const VelocityPoint& p = f.historical[static_cast<size_t>(i)];
    const double weight = std::pow(kForecastDecay, static_cast<double>(n - 1 - i));
    weight_sum += weight;
    commits += weight * static_cast<double>(p.commits);
    prs += weight * static_cast<double>(p.prs_merged);
    lines += weight * static_cast<double>(p.lines_changed);
    mean_commits += static_cast<double>(p.commits);
  }
  f.commits = RoundHalfEven(commits / weight_sum, 1);
  f.prs_merged = RoundHalfEven(prs / weight_sum, 1);
  f.lines_changed = RoundHalfEven(lines / weight_sum, 1);

  const double base = std::min(static_cast<double>(n) / static_cast<double>(kForecastFullHistory), 1.0);
  double consistency = 0.5;  // one period, or nothing forecast: no evidence either way
  if (n >= 2 && f.commits > 0) {
    mean_commits /= static_cast<double>(n);
    double variance = 0;
    for (const VelocityPoint& p : f.historical) {
      variance += (static_cast<double>(p.commits) - mean_commits) * (static_cast<double>(p.commits) - mean_commits);
    }
    variance /= static_cast<double>(n);
    const double cv = mean_commits > 0 ? std::sqrt(variance) / mean_commits : 1.0;
    consistency = std::max(0.0, 1.0 - cv);
  }
  f.confidence = std::min(RoundHalfEven(base * 0.6 + consistency * 0.4, 2), 1.0);
  return f;
}

void WriteJson(JsonWriter& w, const VelocityForecast& f) {
  w.BeginObject();
  w.Key("forecast").BeginObject();
  w.Key("commits").Double(f.commits, 1);
  w.Key("prs_merged").Double(f.prs_merged, 1);
  w.Key("lines_changed").Double(f.lines_changed, 1);
  w.EndObject();
  w.Key("confidence").Double(f.confidence, 2);
  w.Field("data_points", f.data_points);
  w.Key("historical").BeginArray();
  for (const VelocityPoint& p : f.historical) {
    w.BeginObject().Field("period_start", FormatIsoInstant(p.period_start)).Field("period_end", FormatIsoInstant(p.period_end));
    w.Field("commits", p.commits).Field("prs_merged", p.prs_merged).Field("lines_changed", p.lines_changed);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace loupe::metrics
