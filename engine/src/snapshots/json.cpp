#include "loupe/snapshots/json.h"

#include "loupe/core/time.h"

namespace loupe::snapshots {

namespace {

void Time(JsonWriter& w, std::string_view key, Instant t) {
  w.Key(key);
  if (t == kNoInstant) {
    w.Null();
  } else {
    w.String(FormatIsoInstant(t));
  }
}

void Period(JsonWriter& w, PeriodType type, const Window& period) {
  w.Field("period_type", PeriodTypeName(type));
  Time(w, "period_start", period.start);
  Time(w, "period_end", period.end);
}

void Provenance(JsonWriter& w, metrics::MetricProfile profile, Instant computed_at, const Versions& v,
                const Versions& current) {
  Time(w, "computed_at", computed_at);
  w.Field("profile", metrics::MetricProfileName(profile));
  w.Field("data_version", v.data).Field("inputs_version", v.inputs);
  w.Field("stale", v.inputs < current.inputs);
}

void Holidays(JsonWriter& w, const std::vector<CivilDate>& dates) {
  w.Key("holidays").BeginArray();
  for (const CivilDate& d : dates) w.String(FormatIsoDate(d));
  w.EndArray();
}

}  // namespace

void WriteJson(JsonWriter& w, const DeveloperSnapshot& s, const Versions& current) {
  const metrics::DeveloperInsights& i = s.insights;
  w.BeginObject().Field("developer_id", static_cast<int64_t>(s.developer));
  Period(w, s.period_type, s.period);
  w.Key("velocity");
  metrics::WriteJson(w, i.velocity, s.profile);
  w.Key("efficiency");
  metrics::WriteJson(w, i.efficiency, s.profile);
  w.Key("quality");
  metrics::WriteJson(w, i.quality, s.profile);
  w.Key("sustainability");
  metrics::WriteJson(w, i.sustainability, s.profile);
  w.Key("collaboration");
  metrics::WriteJson(w, i.collaboration, s.profile);
  w.Key("raw_counts").BeginObject();
  w.Field("commits", i.velocity.commits_count).Field("prs_merged", i.velocity.prs_merged);
  w.Field("lines_added", i.velocity.lines_added).Field("lines_removed", i.velocity.lines_removed);
  w.Field("reviews_given", i.collaboration.review_given_count);
  w.Field("reviews_received", i.collaboration.review_received_count);
  w.EndObject();
  Provenance(w, s.profile, s.computed_at, s.versions, current);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const TeamSnapshot& s, const Versions& current) {
  w.BeginObject().Key("team_id");
  if (s.team.empty()) {
    w.Null();
  } else {
    w.String(s.team);
  }
  Period(w, s.period_type, s.period);
  const TeamAggregate& a = s.aggregate;
  w.Key("aggregate_metrics").BeginObject();
  w.Field("total_commits", a.total_commits).Field("total_prs_merged", a.total_prs_merged);
  w.Field("total_lines_changed", a.total_lines_changed).Field("total_reviews", a.total_reviews);
  w.Key("avg_commits_per_member").Double(a.avg_commits_per_member, 2);
  w.Key("avg_prs_per_member").Double(a.avg_prs_per_member, 2);
  w.EndObject();
  // The rollups module's distribution is not wired in yet (see TeamSnapshot::distribution_json).
  w.Key("distribution_metrics").Null();
  w.Field("member_count", s.member_count);
  Provenance(w, s.profile, s.computed_at, s.versions, current);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const SeriesStatus& s) {
  w.BeginObject();
  if (s.developer != model::kNoId) {
    w.Field("developer_id", static_cast<int64_t>(s.developer));
  } else {
    w.Key("team_id");
    if (s.team.empty()) {
      w.Null();
    } else {
      w.String(s.team);
    }
  }
  w.Field("period_type", PeriodTypeName(s.period_type)).Field("periods", s.periods);
  Time(w, "latest_period_start", s.latest.start);
  Time(w, "latest_period_end", s.latest.end);
  Time(w, "computed_at", s.computed_at);
  w.Field("stale_periods", s.stale_periods).Field("stale", s.stale_periods > 0);
  w.Field("oldest_data_version", s.oldest_data_version);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const model::WorkingSchedule& s) {
  w.BeginObject().Field("identity", s.identity);
  w.Key("timezone");
  if (s.hours.timezone.empty()) {
    w.Null();  // none of its own: the team's or workspace's zone applies
  } else {
    w.String(s.hours.timezone);
  }
  w.Field("start_hour", s.hours.start_hour).Field("end_hour", s.hours.end_hour);
  w.Key("working_days").BeginArray();
  for (int d = 0; d < 7; ++d) {
    if ((s.working_days >> d & 1) != 0) w.Int(d);
  }
  w.EndArray();
  w.Field("late_night_threshold_hour", s.hours.late_night_start_hour);
  w.Field("late_night_end_hour", s.hours.late_night_end_hour);
  w.Key("engineering_role");
  if (s.role.empty()) {
    w.Null();
  } else {
    w.String(s.role);
  }
  Holidays(w, s.holidays);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const model::InsightSettings& s) {
  w.BeginObject().Key("team_id");
  if (s.team.empty()) {
    w.Null();
  } else {
    w.String(s.team);
  }
  w.Key("working_hours");
  if (s.working_hours) {
    const model::WorkingHours& h = *s.working_hours;
    w.BeginObject().Field("start_hour", h.start_hour).Field("end_hour", h.end_hour).Field("timezone", h.timezone);
    w.Field("late_night_threshold_hour", h.late_night_start_hour);
    w.Field("late_night_end_hour", h.late_night_end_hour).EndObject();
  } else {
    w.Null();
  }
  w.Key("health_score_weights");
  if (s.health_weights) {
    const model::HealthWeights& h = *s.health_weights;
    w.BeginObject().Field("velocity", h.velocity).Field("efficiency", h.efficiency).Field("quality", h.quality);
    w.Field("sustainability", h.sustainability).Field("collaboration", h.collaboration).EndObject();
  } else {
    w.Null();
  }
  w.Field("bottleneck_multiplier", s.bottleneck_multiplier);
  w.Field("auto_generate_snapshots", s.auto_generate_snapshots);
  w.Field("snapshot_frequency", PeriodTypeName(s.snapshot_frequency));
  Holidays(w, s.holidays);
  w.EndObject();
}

}  // namespace loupe::snapshots
