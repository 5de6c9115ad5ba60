// loupe/metrics/categories.h — the five snapshot categories of one developer in one window.
//
// Every key Aexy's snapshots carry is here under the same name; keys only Loupe has are marked.
// Definitions (formula, window, population, exclusions, and the aexy-compat differences) are in
// docs/metrics.md, which these comments summarise.
#pragma once
#include <cstdint>

#include "loupe/core/json_writer.h"
#include "loupe/core/period.h"
#include "loupe/metrics/context.h"

namespace loupe::metrics {

struct Velocity {
  int64_t commits_count = 0;      //!< commits with commit time in the window (loupe: no merges)
  int64_t prs_merged = 0;         //!< PRs authored, merged in the window
  int64_t lines_added = 0;
  int64_t lines_removed = 0;
  int64_t net_lines = 0;
  double commit_frequency = 0;    //!< commits per working day
  double pr_throughput = 0;       //!< merged PRs per week
  double avg_commit_size = 0;     //!< changed lines per commit with known stats
  int64_t co_authored_count = 0;  //!< (loupe) commits by others naming this developer co-author
};

struct Efficiency {
  double avg_pr_cycle_time_hours = 0;
  double avg_time_to_first_review_hours = 0;
  double avg_pr_size = 0;
  double pr_merge_rate = 0;
  double first_commit_to_merge_hours = 0;
  double rework_ratio = 0;
  int64_t prs_created = 0;  //!< the population: PRs created in the window
};

struct Quality {
  double review_participation_rate = 0;  //!< loupe: a share in 0..1; aexy: reviews per working day
  double reviews_per_working_day = 0;    //!< (loupe) Aexy's participation, under its real name
  double avg_review_depth = 0;
  double review_turnaround_hours = 0;
  double self_merge_rate = 0;
};

struct Sustainability {
  double weekend_commit_ratio = 0;
  double late_night_commit_ratio = 0;
  int64_t longest_streak_days = 0;
  double avg_daily_active_hours = 0;
  double focus_score = 0;
};

struct Collaboration {
  int64_t unique_collaborators = 0;
  double cross_team_pr_ratio = 0;
  int64_t review_given_count = 0;
  int64_t review_received_count = 0;
  double knowledge_sharing_score = 0;
};

Velocity ComputeVelocity(const MetricContext& ctx, uint32_t developer, const Window& window);
Efficiency ComputeEfficiency(const MetricContext& ctx, uint32_t developer, const Window& window);
Quality ComputeQuality(const MetricContext& ctx, uint32_t developer, const Window& window);
Sustainability ComputeSustainability(const MetricContext& ctx, uint32_t developer, const Window& window);
Collaboration ComputeCollaboration(const MetricContext& ctx, uint32_t developer, const Window& window);

//! All five categories plus the raw counts a snapshot stores.
struct DeveloperInsights {
  Velocity velocity;
  Efficiency efficiency;
  Quality quality;
  Sustainability sustainability;
  Collaboration collaboration;
};
DeveloperInsights ComputeInsights(const MetricContext& ctx, uint32_t developer, const Window& window);

//! JSON objects with the seed's keys (and Loupe's extra keys under the loupe profile); rates and
//! averages rounded to 2 decimals as the seed's snapshots store them.
void WriteJson(JsonWriter& w, const Velocity& v, MetricProfile profile);
void WriteJson(JsonWriter& w, const Efficiency& e, MetricProfile profile);
void WriteJson(JsonWriter& w, const Quality& q, MetricProfile profile);
void WriteJson(JsonWriter& w, const Sustainability& s, MetricProfile profile);
void WriteJson(JsonWriter& w, const Collaboration& c, MetricProfile profile);
//! {"velocity": {…}, "efficiency": {…}, …, "raw_counts": {commits, prs_merged, lines_added,
//! lines_removed, reviews_given, reviews_received}}
void WriteJson(JsonWriter& w, const DeveloperInsights& insights, MetricProfile profile);

}  // namespace loupe::metrics
