// loupe/metrics/rollups/bus_factor.h — how many people hold most of each repository's recent
// work (aexy §2.9).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "loupe/core/json_writer.h"
#include "loupe/core/status.h"
#include "loupe/metrics/context.h"

namespace loupe::metrics {

inline constexpr double kDefaultBusFactorThreshold = 0.8;
inline constexpr double kMinBusFactorThreshold = 0.5;
inline constexpr double kMaxBusFactorThreshold = 1.0;

struct RepoContributor {
  uint32_t developer = 0;
  int64_t commits = 0;
  double share = 0;  //!< commits / the repository's total
};

struct RepoBusFactor {
  uint32_t repo = 0;
  std::string repository;  //!< full name
  int64_t bus_factor = 0;  //!< contributors needed to reach the threshold share
  int64_t total_commits = 0;
  std::vector<RepoContributor> top_contributors;  //!< those contributors, most commits first
};

//! Per repository with commits by `developers` in the window (counted as velocity counts them),
//! sorted by name: developers by commits descending (ties: the order of `developers`), taken
//! until their cumulative share reaches `threshold`. A threshold outside 0.5..1.0 is InvalidInput.
Result<std::vector<RepoBusFactor>> ComputeBusFactor(const MetricContext& ctx, const model::Workspace& ws,
                                                    std::span<const uint32_t> developers, const Window& window,
                                                    double threshold);

//! The seed's map {repository: {bus_factor, top_contributors[{developer_id, commits, share
//! (3 dp)}], total_commits}}.
void WriteJson(JsonWriter& w, std::span<const RepoBusFactor> repos, const identity::Resolution& resolution);

}  // namespace loupe::metrics
