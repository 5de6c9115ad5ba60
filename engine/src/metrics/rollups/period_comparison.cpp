#include "loupe/metrics/rollups/period_comparison.h"

namespace loupe::metrics {

Window PreviousWindow(const Window& w) { return {w.start - (w.end - w.start), w.start}; }

PeriodComparison ComparePeriods(const MetricContext& ctx, uint32_t developer, const Window& window,
                                PeriodType period_type) {
  return {ComputeDeveloperReport(ctx, developer, window, period_type),
          ComputeDeveloperReport(ctx, developer, PreviousWindow(window), period_type)};
}

void WriteComparisonFields(JsonWriter& w, const PeriodComparison& c, const identity::Resolution& resolution,
                           MetricProfile profile) {
  WriteReportFields(w, c.current, resolution, profile, /*with_raw_counts=*/true);
  w.Key("previous").BeginObject();
  WriteReportFields(w, c.previous, resolution, profile, /*with_raw_counts=*/false);
  w.EndObject();
}

}  // namespace loupe::metrics
