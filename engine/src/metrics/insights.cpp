#include "loupe/metrics/categories.h"

namespace loupe::metrics {

DeveloperInsights ComputeInsights(const MetricContext& ctx, uint32_t developer, const Window& window) {
  return {ComputeVelocity(ctx, developer, window), ComputeEfficiency(ctx, developer, window),
          ComputeQuality(ctx, developer, window), ComputeSustainability(ctx, developer, window),
          ComputeCollaboration(ctx, developer, window)};
}

namespace {
// Rates and averages as the seed's snapshots store them: 2 decimals.
void Rounded(JsonWriter& w, std::string_view key, double value) { w.Key(key).Double(value, 2); }
}  // namespace

void WriteJson(JsonWriter& w, const Velocity& v, MetricProfile profile) {
  w.BeginObject().Field("commits_count", v.commits_count).Field("prs_merged", v.prs_merged);
  w.Field("lines_added", v.lines_added).Field("lines_removed", v.lines_removed).Field("net_lines", v.net_lines);
  Rounded(w, "commit_frequency", v.commit_frequency);
  Rounded(w, "pr_throughput", v.pr_throughput);
  Rounded(w, "avg_commit_size", v.avg_commit_size);
  if (profile == MetricProfile::kLoupe) w.Field("co_authored_count", v.co_authored_count);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const Efficiency& e, MetricProfile profile) {
  w.BeginObject();
  Rounded(w, "avg_pr_cycle_time_hours", e.avg_pr_cycle_time_hours);
  Rounded(w, "avg_time_to_first_review_hours", e.avg_time_to_first_review_hours);
  Rounded(w, "avg_pr_size", e.avg_pr_size);
  Rounded(w, "pr_merge_rate", e.pr_merge_rate);
  Rounded(w, "first_commit_to_merge_hours", e.first_commit_to_merge_hours);
  Rounded(w, "rework_ratio", e.rework_ratio);
  if (profile == MetricProfile::kLoupe) w.Field("prs_created", e.prs_created);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const Quality& q, MetricProfile profile) {
  w.BeginObject();
  Rounded(w, "review_participation_rate", q.review_participation_rate);
  if (profile == MetricProfile::kLoupe) Rounded(w, "reviews_per_working_day", q.reviews_per_working_day);
  Rounded(w, "avg_review_depth", q.avg_review_depth);
  Rounded(w, "review_turnaround_hours", q.review_turnaround_hours);
  Rounded(w, "self_merge_rate", q.self_merge_rate);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const Sustainability& s, MetricProfile) {
  w.BeginObject();
  Rounded(w, "weekend_commit_ratio", s.weekend_commit_ratio);
  Rounded(w, "late_night_commit_ratio", s.late_night_commit_ratio);
  w.Field("longest_streak_days", s.longest_streak_days);
  Rounded(w, "avg_daily_active_hours", s.avg_daily_active_hours);
  Rounded(w, "focus_score", s.focus_score);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const Collaboration& c, MetricProfile) {
  w.BeginObject().Field("unique_collaborators", c.unique_collaborators);
  Rounded(w, "cross_team_pr_ratio", c.cross_team_pr_ratio);
  w.Field("review_given_count", c.review_given_count).Field("review_received_count", c.review_received_count);
  Rounded(w, "knowledge_sharing_score", c.knowledge_sharing_score);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const DeveloperInsights& i, MetricProfile profile) {
  w.BeginObject();
  w.Key("velocity");
  WriteJson(w, i.velocity, profile);
  w.Key("efficiency");
  WriteJson(w, i.efficiency, profile);
  w.Key("quality");
  WriteJson(w, i.quality, profile);
  w.Key("sustainability");
  WriteJson(w, i.sustainability, profile);
  w.Key("collaboration");
  WriteJson(w, i.collaboration, profile);
  w.Key("raw_counts").BeginObject();
  w.Field("commits", i.velocity.commits_count).Field("prs_merged", i.velocity.prs_merged);
  w.Field("lines_added", i.velocity.lines_added).Field("lines_removed", i.velocity.lines_removed);
  w.Field("reviews_given", i.collaboration.review_given_count);
  w.Field("reviews_received", i.collaboration.review_received_count);
  w.EndObject();
  w.EndObject();
}

}  // namespace loupe::metrics
