// loupe/metrics/rollups/role_benchmark.h — a developer against the median of peers with the same
// engineering role (aexy §2.12).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/core/json_writer.h"
#include "loupe/metrics/context.h"

namespace loupe::metrics {

struct Benchmark {
  std::string_view metric;
  double value = 0;
  double median = 0;      //!< of every peer's value
  double percentile = 0;  //!< round((N − rank) / (N − 1) × 100, 1), at least 0; 100 when alone
  int64_t rank = 0;       //!< 1 + peers strictly better (ties share a rank, in both profiles)
  int64_t total = 0;
};

struct RoleBenchmark {
  std::string engineering_role;  //!< "" when the developer's schedule names none
  int64_t peer_count = 0;
  //! commits_count, prs_merged, commit_frequency, pr_throughput, avg_pr_cycle_time (lower is
  //! better), pr_merge_rate, review_participation_rate, avg_review_depth.
  std::vector<Benchmark> benchmarks;
};

//! Peers: the members of `population` whose schedule has the subject's role (compared
//! case-insensitively), else the whole population when the subject has no role; the subject is
//! always one of them.
RoleBenchmark ComputeRoleBenchmark(const MetricContext& ctx, uint32_t subject, std::span<const uint32_t> population,
                                   const Window& window);

//! {engineering_role (null when none), peer_count, benchmarks: {metric: {value, median, percentile,
//! rank, total}}}
void WriteJson(JsonWriter& w, const RoleBenchmark& b);

}  // namespace loupe::metrics
