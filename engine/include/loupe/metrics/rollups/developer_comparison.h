// loupe/metrics/rollups/developer_comparison.h — several developers side by side (aexy §4.5).
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "loupe/core/status.h"
#include "loupe/metrics/rollups/developer_report.h"

namespace loupe::metrics {

//! The most developers one comparison shows (the seed's limit: a wider table is unreadable).
inline constexpr size_t kMaxComparedDevelopers = 10;

//! One report per developer, in the order given; a developer named twice is shown once. Fails
//! with InvalidInput when no developer or more than kMaxComparedDevelopers distinct ones are given.
Result<std::vector<DeveloperReport>> CompareDevelopers(const MetricContext& ctx, std::span<const uint32_t> developers,
                                                       const Window& window, PeriodType period_type);

//! The seed's response: an array of developer insights objects (WriteReportFields, with raw_counts).
void WriteJson(JsonWriter& w, std::span<const DeveloperReport> reports, const identity::Resolution& resolution,
               MetricProfile profile);

}  // namespace loupe::metrics
