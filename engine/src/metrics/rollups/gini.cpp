#include "loupe/metrics/rollups/gini.h"

#include <algorithm>
#include <vector>

namespace loupe::metrics {

double Gini(std::span<const double> values, MetricProfile profile) {
  const size_t n = values.size();
  if (n < 2) return 0;  // one value is perfectly equal to itself (and n/(n−1) is undefined)
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  double sum = 0, weighted = 0;
  for (size_t i = 0; i < n; ++i) {
    sum += sorted[i];
    weighted += (2.0 * static_cast<double>(i + 1) - static_cast<double>(n) - 1.0) * sorted[i];
  }
  if (sum <= 0) return 0;
  const double g = weighted / (static_cast<double>(n) * sum);
  if (profile == MetricProfile::kAexyCompat) return g;
  return g * static_cast<double>(n) / static_cast<double>(n - 1);
}

}  // namespace loupe::metrics
