// loupe/metrics/rollups/health_score.h — one 0–100 score from the five categories (aexy §2.10).
#pragma once
#include "loupe/core/json_writer.h"
#include "loupe/metrics/categories.h"
#include "loupe/model/settings.h"

namespace loupe::metrics {

struct CategoryScore {
  double score = 0;   //!< 0..100, rounded to 1 decimal (as the seed rounds before weighting)
  double weight = 0;  //!< as applied
};

struct HealthScore {
  double score = 0;  //!< Σ score × weight, rounded to 1 decimal
  CategoryScore velocity, efficiency, quality, sustainability, collaboration;
};

//! The weights the workspace's insight settings give (defaults 0.2 each), as configured.
model::HealthWeights HealthWeightsFor(const model::WorkspaceSettings& settings);

//! Category scores (docs/metrics.md, "Health score"):
//!   velocity       min(freq/2, 1)·40 + min(throughput/3, 1)·30 + (30 if any commit)
//!   efficiency     cycle·0.4 + merge_rate·100·0.4 + (100 − rework·100)·0.2, cycle = 100 − min(h/2, 100)
//!   quality        min(participation, 1)·40 + min(depth/3, 1)·30 + (100 − self_merge·100)·0.3
//!   sustainability (100 − weekend·200)·0.35 + (100 − late·200)·0.35 + min(focus·100, 100)·0.3
//!   collaboration  min(collaborators/5, 1)·40 + min(reviews_given/5, 1)·30 + sharing·100·0.3
//! (each term at least 0, each score at most 100). loupe normalises the weights to sum 1 (all
//! defaults if they do not sum to more than 0) and gives the "absence of a bad thing" terms —
//! short cycle time, no rework, no self-merges, no weekend or late-night commits — only when
//! their population exists (merged PRs, PRs created, PRs merged, commits), so a developer with no
//! activity scores 0. aexy-compat uses the weights raw and scores such a developer 32.0.
HealthScore ComputeHealthScore(const DeveloperInsights& insights, const model::HealthWeights& weights,
                               MetricProfile profile);

//! {score, breakdown: {velocity: {score, weight}, efficiency…, quality…, sustainability…,
//! collaboration…}}
void WriteJson(JsonWriter& w, const HealthScore& h);

}  // namespace loupe::metrics
