// loupe/metrics/profile.h — which definitions metrics follow: Loupe's own or Aexy's exact ones.
#pragma once
#include <cstdint>
#include <string_view>

#include "loupe/core/status.h"

namespace loupe::metrics {

//! `loupe` fixes the weak spots of the module Loupe replaces; `aexy-compat` reproduces its
//! formulas exactly (closed windows, UTC streaks, per-working-day participation, its Gini,
//! positional ties, …) so migrating teams can reconcile numbers. docs/metrics.md lists every
//! difference.
enum class MetricProfile : uint8_t { kLoupe = 0, kAexyCompat };

std::string_view MetricProfileName(MetricProfile profile);  //!< "loupe" / "aexy-compat"
Result<MetricProfile> ParseMetricProfile(std::string_view name);

}  // namespace loupe::metrics
