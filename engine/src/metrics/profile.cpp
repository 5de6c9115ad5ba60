#include "loupe/metrics/profile.h"

#include "loupe/core/strings.h"

namespace loupe::metrics {

std::string_view MetricProfileName(MetricProfile profile) {
  return profile == MetricProfile::kLoupe ? "loupe" : "aexy-compat";
}

Result<MetricProfile> ParseMetricProfile(std::string_view name) {
  if (name == "loupe") return MetricProfile::kLoupe;
  if (name == "aexy-compat" || name == "aexy") return MetricProfile::kAexyCompat;
  return InvalidInput("unknown metric profile " + QuoteForMessage(name) + " (expected loupe or aexy-compat)");
}

}  // namespace loupe::metrics
