// loupe/metrics/rollups/population.h — who a team or workspace rollup covers.
#pragma once
#include <cstdint>
#include <vector>

#include "loupe/metrics/context.h"

namespace loupe::metrics {

//! Every developer of the workspace, ascending by index: loupe leaves out developers the bot
//! rules mark (a bot is not a colleague whose workload is measured); aexy-compat counts them.
std::vector<uint32_t> WorkspacePopulation(const MetricContext& ctx);

//! The members of a team (TeamIndex index), ascending; loupe leaves out bots.
std::vector<uint32_t> TeamPopulation(const MetricContext& ctx, uint32_t team);

//! The latest instant before `end` at which the developer committed (CommitInstant), opened or
//! merged a pull request or submitted a review; kNoInstant if none.
Instant LastActivityBefore(const MetricContext& ctx, uint32_t developer, Instant end);

}  // namespace loupe::metrics
