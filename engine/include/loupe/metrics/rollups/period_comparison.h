// loupe/metrics/rollups/period_comparison.h — a developer's window against the one before it.
#pragma once
#include <cstdint>

#include "loupe/metrics/rollups/developer_report.h"

namespace loupe::metrics {

//! The window as long as `w` that ends where `w` starts: [start − (end − start), start). Under
//! loupe the two windows share no instant. aexy-compat contexts read windows closed, so an event
//! exactly at `w.start` counts in both — the seed's double count (§9.3.13), kept for reconciling.
Window PreviousWindow(const Window& w);

struct PeriodComparison {
  DeveloperReport current;
  DeveloperReport previous;  //!< over PreviousWindow(current.window)
};

PeriodComparison ComparePeriods(const MetricContext& ctx, uint32_t developer, const Window& window,
                                PeriodType period_type);

//! Writes, inside an open object, the current report's fields (with raw_counts) and "previous":
//! the previous report's fields without raw_counts, as the seed nests it.
void WriteComparisonFields(JsonWriter& w, const PeriodComparison& c, const identity::Resolution& resolution,
                           MetricProfile profile);

}  // namespace loupe::metrics
