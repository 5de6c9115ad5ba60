#include "loupe/metrics/rollups/health_score.h"

#include <algorithm>

#include "loupe/metrics/rollups/rounding.h"

namespace loupe::metrics {

model::HealthWeights HealthWeightsFor(const model::WorkspaceSettings& settings) {
  for (const model::InsightSettings& s : settings.insight_settings) {
    if (s.team.empty() && s.health_weights) return *s.health_weights;
  }
  return {};
}

namespace {

double Cap(double score) { return std::min(100.0, score); }
double Floor0(double x) { return std::max(0.0, x); }

}  // namespace

HealthScore ComputeHealthScore(const DeveloperInsights& in, const model::HealthWeights& raw, MetricProfile profile) {
  const bool loupe = profile == MetricProfile::kLoupe;
  const Velocity& v = in.velocity;
  const Efficiency& e = in.efficiency;
  const Quality& q = in.quality;
  const Sustainability& s = in.sustainability;
  const Collaboration& c = in.collaboration;

  // loupe credits the absence of something bad only where it could have happened.
  const bool has_merged_created = !loupe || e.pr_merge_rate > 0;
  const bool has_created = !loupe || e.prs_created > 0;
  const bool has_merged = !loupe || v.prs_merged > 0;
  const bool has_commits = !loupe || v.commits_count > 0;

  const double velocity = Cap(std::min(v.commit_frequency / 2.0, 1.0) * 40 + std::min(v.pr_throughput / 3.0, 1.0) * 30 +
                              (v.commits_count > 0 ? 30 : 0));
  const double cycle = Floor0(100 - std::min(e.avg_pr_cycle_time_hours / 2.0, 100.0));
  const double efficiency = Cap((has_merged_created ? cycle : 0) * 0.4 + e.pr_merge_rate * 100 * 0.4 +
                                (has_created ? Floor0(100 - e.rework_ratio * 100) : 0) * 0.2);
  const double quality = Cap(std::min(q.review_participation_rate / 1.0, 1.0) * 40 +
                             std::min(q.avg_review_depth / 3.0, 1.0) * 30 +
                             (has_merged ? Floor0(100 - q.self_merge_rate * 100) : 0) * 0.3);
  const double sustainability =
      has_commits ? Cap(Floor0(100 - s.weekend_commit_ratio * 200) * 0.35 + Floor0(100 - s.late_night_commit_ratio * 200) * 0.35 +
                        std::min(s.focus_score * 100, 100.0) * 0.3)
                  : 0;
  const double collaboration =
      Cap(std::min(static_cast<double>(c.unique_collaborators) / 5.0, 1.0) * 40 +
          std::min(static_cast<double>(c.review_given_count) / 5.0, 1.0) * 30 + c.knowledge_sharing_score * 100 * 0.3);

  model::HealthWeights w = raw;
  if (loupe) {
    const double sum = w.velocity + w.efficiency + w.quality + w.sustainability + w.collaboration;
    const bool usable = sum > 0 && std::min({w.velocity, w.efficiency, w.quality, w.sustainability, w.collaboration}) >= 0;
    if (!usable) w = model::HealthWeights{};
    const double total = w.velocity + w.efficiency + w.quality + w.sustainability + w.collaboration;
    w.velocity /= total, w.efficiency /= total, w.quality /= total, w.sustainability /= total, w.collaboration /= total;
  }
  HealthScore h;
  h.velocity = {RoundHalfEven(velocity, 1), w.velocity};
  h.efficiency = {RoundHalfEven(efficiency, 1), w.efficiency};
  h.quality = {RoundHalfEven(quality, 1), w.quality};
  h.sustainability = {RoundHalfEven(sustainability, 1), w.sustainability};
  h.collaboration = {RoundHalfEven(collaboration, 1), w.collaboration};
  double total = 0;
  for (const CategoryScore* cs : {&h.velocity, &h.efficiency, &h.quality, &h.sustainability, &h.collaboration}) {
    total += cs->score * cs->weight;
  }
  h.score = RoundHalfEven(total, 1);
  return h;
}

void WriteJson(JsonWriter& w, const HealthScore& h) {
  w.BeginObject();
  w.Key("score").Double(h.score, 1);
  w.Key("breakdown").BeginObject();
  auto category = [&](std::string_view name, const CategoryScore& cs) {
    w.Key(name).BeginObject();
    w.Key("score").Double(cs.score, 1);
    w.Key("weight").Double(cs.weight, 4);
    w.EndObject();
  };
  category("velocity", h.velocity);
  category("efficiency", h.efficiency);
  category("quality", h.quality);
  category("sustainability", h.sustainability);
  category("collaboration", h.collaboration);
  w.EndObject();
  w.EndObject();
}

}  // namespace loupe::metrics
