#include "loupe/metrics/rollups/developer_report.h"

namespace loupe::metrics {

DeveloperReport ComputeDeveloperReport(const MetricContext& ctx, uint32_t developer, const Window& window,
                                       PeriodType period_type) {
  return {developer, window, period_type, ComputeInsights(ctx, developer, window)};
}

void WriteReportFields(JsonWriter& w, const DeveloperReport& r, const identity::Resolution& resolution,
                       MetricProfile profile, bool with_raw_counts) {
  const identity::Developer& d = resolution.developers()[r.developer];
  w.Field("developer_id", static_cast<int64_t>(d.id)).Field("developer_name", d.name);
  w.Field("period_start", FormatIsoInstant(r.window.start)).Field("period_end", FormatIsoInstant(r.window.end));
  w.Field("period_type", PeriodTypeName(r.period_type));
  const DeveloperInsights& i = r.insights;
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
  if (!with_raw_counts) return;
  w.Key("raw_counts").BeginObject();
  w.Field("commits", i.velocity.commits_count).Field("prs_merged", i.velocity.prs_merged);
  w.Field("lines_added", i.velocity.lines_added).Field("lines_removed", i.velocity.lines_removed);
  w.Field("reviews_given", i.collaboration.review_given_count);
  w.Field("reviews_received", i.collaboration.review_received_count);
  w.EndObject();
}

}  // namespace loupe::metrics
