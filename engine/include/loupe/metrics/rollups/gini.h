// loupe/metrics/rollups/gini.h — how unevenly work is spread over a group.
#pragma once
#include <span>

#include "loupe/metrics/profile.h"

namespace loupe::metrics {

//! Gini coefficient of non-negative values: 0 = everyone equal, 1 = one member does everything.
//! Sorted ascending, G = Σ (2i − n − 1)·x_i / (n·Σx) for i = 1..n. loupe multiplies by n/(n−1)
//! so that "one of n does everything" is 1.0 for any n; aexy-compat keeps the uncorrected value,
//! whose maximum is (n−1)/n ([0, 0, 0, 100] → 0.75). Empty, all-zero or single values give 0.
double Gini(std::span<const double> values, MetricProfile profile);

}  // namespace loupe::metrics
