// loupe/metrics/rollups/commit_rows.h — which commits of a developer a window holds, and when.
#pragma once
#include <cstdint>
#include <vector>

#include "loupe/metrics/context.h"

namespace loupe::metrics {

//! The instant a profile places a commit at: its author date (loupe) or committer date
//! (aexy-compat), as velocity does.
Instant CommitInstant(const MetricContext& ctx, uint32_t row);

//! Rows of the developer's commits that velocity counts in the window: merges left out (loupe),
//! every commit (aexy-compat); ascending by CommitInstant.
std::vector<uint32_t> CountedCommits(const MetricContext& ctx, uint32_t developer, const Window& window);

}  // namespace loupe::metrics
