#include "loupe/metrics/rollups/developer_comparison.h"

#include <algorithm>
#include <string>

namespace loupe::metrics {

Result<std::vector<DeveloperReport>> CompareDevelopers(const MetricContext& ctx, std::span<const uint32_t> developers,
                                                       const Window& window, PeriodType period_type) {
  std::vector<uint32_t> distinct;
  for (uint32_t d : developers) {
    if (std::find(distinct.begin(), distinct.end(), d) == distinct.end()) distinct.push_back(d);
  }
  if (distinct.empty()) return InvalidInput("a comparison needs at least one developer");
  if (distinct.size() > kMaxComparedDevelopers) {
    return InvalidInput("at most " + std::to_string(kMaxComparedDevelopers) + " developers can be compared, got " +
                        std::to_string(distinct.size()));
  }
  std::vector<DeveloperReport> reports;
  reports.reserve(distinct.size());
  for (uint32_t d : distinct) reports.push_back(ComputeDeveloperReport(ctx, d, window, period_type));
  return reports;
}

void WriteJson(JsonWriter& w, std::span<const DeveloperReport> reports, const identity::Resolution& resolution,
               MetricProfile profile) {
  w.BeginArray();
  for (const DeveloperReport& r : reports) {
    w.BeginObject();
    WriteReportFields(w, r, resolution, profile, /*with_raw_counts=*/true);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace loupe::metrics
