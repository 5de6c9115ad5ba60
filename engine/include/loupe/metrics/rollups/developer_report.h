// loupe/metrics/rollups/developer_report.h — one developer's five categories over one window, as
// the seed's developer insights response carries them.
#pragma once
#include <cstdint>

#include "loupe/core/json_writer.h"
#include "loupe/core/period.h"
#include "loupe/metrics/categories.h"

namespace loupe::metrics {

struct DeveloperReport {
  uint32_t developer = 0;  //!< index into Resolution::developers()
  Window window;
  PeriodType period_type = PeriodType::kCustom;  //!< a label
  DeveloperInsights insights;
};

DeveloperReport ComputeDeveloperReport(const MetricContext& ctx, uint32_t developer, const Window& window,
                                       PeriodType period_type);

//! Writes, inside an open object: developer_id, developer_name, period_start, period_end,
//! period_type, velocity, efficiency, quality, sustainability, collaboration and — when
//! `with_raw_counts` — raw_counts{commits, prs_merged, lines_added, lines_removed, reviews_given,
//! reviews_received}.
void WriteReportFields(JsonWriter& w, const DeveloperReport& r, const identity::Resolution& resolution,
                       MetricProfile profile, bool with_raw_counts);

}  // namespace loupe::metrics
