// loupe/metrics/rollups/velocity_forecast.h — next period's velocity from past periods (aexy §2.14).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "loupe/core/json_writer.h"
#include "loupe/core/time.h"

namespace loupe::metrics {

//! One past period of a developer (from snapshots or computed live).
struct VelocityPoint {
  Instant period_start = 0;
  Instant period_end = 0;
  int64_t commits = 0;
  int64_t prs_merged = 0;
  int64_t lines_changed = 0;  //!< lines added + lines removed
};

//! Each older period weighs this much of the next newer one.
inline constexpr double kForecastDecay = 0.7;
//! Periods of history at which the data-amount part of the confidence is full.
inline constexpr int64_t kForecastFullHistory = 6;

struct VelocityForecast {
  double commits = 0;        //!< weighted mean, rounded to 1 decimal
  double prs_merged = 0;
  double lines_changed = 0;
  double confidence = 0;     //!< 0..1, 2 decimals
  int64_t data_points = 0;
  std::vector<VelocityPoint> historical;  //!< oldest first
};

//! Orders `points` oldest → newest (by period_start) and weights the i-th of n by 0.7^(n−1−i), so
//! the newest weighs 1. confidence = round(min(n/6, 1)·0.6 + consistency·0.4, 2), consistency =
//! max(0, 1 − population stdev / mean of the commits) when n ≥ 2 and the commit forecast is above
//! 0 (a mean of 0 counts as stdev/mean = 1), else 0.5. No points: zeros and confidence 0. The
//! same in both profiles.
VelocityForecast ForecastVelocity(std::span<const VelocityPoint> points);

//! {forecast{commits, prs_merged, lines_changed}, confidence, data_points, historical[{period_start,
//! period_end, commits, prs_merged, lines_changed}]}
void WriteJson(JsonWriter& w, const VelocityForecast& f);

}  // namespace loupe::metrics
