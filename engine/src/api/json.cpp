#include "loupe/api/json.h"

#include "loupe/alerts/json.h"
#include "loupe/core/strings.h"
#include "loupe/metrics/rollups/developer_comparison.h"
#include "loupe/metrics/rollups/population.h"
#include "loupe/snapshots/json.h"

namespace loupe::api {

// ---- import -----------------------------------------------------------------------------------------

void WriteJson(JsonWriter& w, const ImportReport& r) {
  w.BeginObject().Field("file", r.source).Field("format", ingest::FormatName(r.stats.format));
  w.Field("bytes", r.stats.bytes).Field("records", r.stats.records).Field("seconds", r.seconds);
  w.Field("changed", r.changed);
  w.Key("added").BeginObject()
      .Field("commits", r.added.new_commits)
      .Field("pull_requests", r.added.new_pull_requests)
      .Field("reviews", r.added.new_reviews)
      .Field("comments", r.added.new_comments)
      .Field("manifests", r.added.new_manifests)
      .Field("identities", r.added.new_identities)
      .EndObject();
  w.Key("updated").BeginObject()
      .Field("commits", r.updated_commits)
      .Field("pull_requests", r.updated_pull_requests)
      .Field("reviews", r.updated_reviews)
      .Field("comments", r.updated_comments)
      .EndObject();
  w.Key("skipped").BeginObject();
  for (const auto& [reason, count] : r.stats.skipped) w.Field(reason, count);
  w.EndObject().EndObject();
}

std::string ImportReportJson(const ImportReport& report) {
  JsonWriter w(true);
  WriteJson(w, report);
  return w.Take();
}

// ---- workspace, developers, identities --------------------------------------------------------------

void WriteWorkspaceDescription(JsonWriter& w, Session& session) {
  const model::Workspace& ws = session.workspace();
  const auto& developers = session.resolution().developers();
  int64_t bots = 0;
  for (const auto& d : developers) bots += d.is_bot;
  w.BeginObject().Field("storage", session.StorageDescription()).Field("persistent", session.persistent());
  w.Field("schema_version", static_cast<int64_t>(session.SchemaVersion()));
  w.Field("data_version", session.versions().data).Field("inputs_version", session.versions().inputs);
  w.Key("counts").BeginObject();
  w.Field("repositories", static_cast<int64_t>(ws.repositories().size()));
  w.Field("commits", static_cast<int64_t>(ws.commits().size()));
  w.Field("pull_requests", static_cast<int64_t>(ws.pull_requests().size()));
  w.Field("reviews", static_cast<int64_t>(ws.reviews().size()));
  w.Field("comments", static_cast<int64_t>(ws.comments().size()));
  w.Field("identities", static_cast<int64_t>(ws.identities().size()));
  w.Field("developers", static_cast<int64_t>(developers.size()));
  w.Field("bots", bots);
  w.EndObject().EndObject();
}

std::vector<metrics::DeveloperSummary> ListDevelopers(Session& session, bool bots, int64_t limit) {
  const auto& resolution = session.resolution();
  std::vector<metrics::DeveloperSummary> rows = metrics::SummarizeDevelopers(session.activity());
  std::erase_if(rows, [&](const auto& r) { return !bots && resolution.developers()[r.developer].is_bot; });
  if (limit >= 0 && static_cast<int64_t>(rows.size()) > limit) rows.resize(static_cast<size_t>(limit));
  return rows;
}

void WriteDevelopersJson(JsonWriter& w, Session& session, std::span<const metrics::DeveloperSummary> rows) {
  const auto& resolution = session.resolution();
  w.BeginArray();
  for (const auto& r : rows) {
    metrics::WriteDeveloperSummaryJson(w, r, resolution.developers()[r.developer], session.workspace());
  }
  w.EndArray();
}

void WriteIdentitiesJson(JsonWriter& w, Session& session, bool bots) {
  const auto& ws = session.workspace();
  const auto& resolution = session.resolution();
  w.BeginArray();
  for (const auto& d : resolution.developers()) {
    if (d.is_bot && !bots) continue;
    w.BeginObject().Field("id", static_cast<int64_t>(d.id)).Field("name", d.name).Field("email", d.email);
    w.Field("login", d.login).Field("is_bot", d.is_bot);
    if (d.is_bot) w.Field("bot_rule", d.bot_rule);
    w.Key("identities").BeginArray();
    for (model::IdentityId id : d.identities) {
      const model::Identity& i = ws.identities()[id];
      w.BeginObject().Field("ref", i.Ref());
      w.Key("names").BeginArray();
      for (const auto& n : i.names) w.String(n);
      w.EndArray().EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
}

std::vector<identity::MergeSuggestion> ListSuggestions(Session& session, double min_confidence) {
  auto suggestions = identity::SuggestMerges(session.workspace(), session.resolution());
  std::erase_if(suggestions, [&](const auto& s) { return s.confidence < min_confidence; });
  return suggestions;
}

void WriteSuggestionsJson(JsonWriter& w, Session& session, std::span<const identity::MergeSuggestion> suggestions) {
  const auto& devs = session.resolution().developers();
  w.BeginArray();
  for (const auto& s : suggestions) {
    w.BeginObject().Field("a", static_cast<int64_t>(devs[s.a].id)).Field("a_name", devs[s.a].name);
    w.Field("b", static_cast<int64_t>(devs[s.b].id)).Field("b_name", devs[s.b].name);
    w.Key("confidence").Double(s.confidence, 2);
    w.Field("reason", s.reason).EndObject();
  }
  w.EndArray();
}

void WriteBotRulesJson(JsonWriter& w, const Session& session) {
  w.BeginArray();
  for (const auto& rule : session.workspace().rules().bot_rules) {
    w.BeginObject().Field("pattern", rule.pattern).Field("is_bot", rule.is_bot).Field("note", rule.note).EndObject();
  }
  w.EndArray();
}

// ---- teams, settings, schedules ---------------------------------------------------------------------

void WriteTeamsJson(JsonWriter& w, Session& session) {
  const auto& ws = session.workspace();
  const auto& resolution = session.resolution();
  // The developer a stored member ref names today (after merges and splits).
  auto developer = [&](const std::string& ref) -> const identity::Developer* {
    model::IdentityKind kind;
    std::string key;
    if (!model::ParseIdentityRef(ref, kind, key)) return nullptr;
    return resolution.DeveloperOf(ws.FindIdentity(kind, key));
  };
  w.BeginArray();
  for (const model::Team& t : session.settings().teams) {
    w.BeginObject().Field("name", t.name).Key("members").BeginArray();
    for (const model::TeamMember& m : t.members) {
      const identity::Developer* d = developer(m.identity);
      w.BeginObject().Field("identity", m.identity).Field("role", m.role == model::TeamRole::kLead ? "lead" : "member");
      w.Key("developer_id");
      if (d != nullptr) {
        w.Int(d->id).Field("name", d->name);
      } else {
        w.Null();
      }
      w.EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
}

Status WriteSettingsJson(JsonWriter& w, const Session& session, std::string_view team) {
  LOUPE_ASSIGN_OR_RETURN(model::InsightSettings settings, session.InsightSettingsOf(team));
  snapshots::WriteJson(w, settings);
  return Status::Ok();
}

void WriteSchedulesJson(JsonWriter& w, const Session& session) {
  w.BeginArray();
  for (const auto& s : session.settings().schedules) snapshots::WriteJson(w, s);
  w.EndArray();
}

Status WriteScheduleJson(JsonWriter& w, Session& session, std::string_view developer) {
  LOUPE_ASSIGN_OR_RETURN(std::optional<model::WorkingSchedule> schedule, session.ScheduleOf(developer));
  if (schedule) {
    snapshots::WriteJson(w, *schedule);
  } else {
    w.Null();
  }
  return Status::Ok();
}

// ---- insights ---------------------------------------------------------------------------------------

TimeZone InsightsZone(Session& session, metrics::MetricProfile profile) {
  return session.schedules(profile).workspace().zone.value_or(TimeZone::Utc());
}

Result<DeveloperInsights> ComputeDeveloperInsights(Session& session, std::string_view developer,
                                                   const InsightsScope& scope, const DeveloperInsightsOptions& options) {
  const metrics::MetricContext ctx = session.MetricContextFor(scope.profile);
  DeveloperInsights out;
  out.scope = scope;
  LOUPE_ASSIGN_OR_RETURN(out.developer, ctx.resolution.Lookup(session.workspace(), developer));
  out.compared = options.compare_previous;
  out.both = options.compare_previous
                 ? metrics::ComparePeriods(ctx, out.developer, scope.window, scope.period_type)
                 : metrics::PeriodComparison{
                       metrics::ComputeDeveloperReport(ctx, out.developer, scope.window, scope.period_type), {}};
  if (options.health) {
    out.health = metrics::ComputeHealthScore(out.both.current.insights, metrics::HealthWeightsFor(session.settings()),
                                             scope.profile);
  }
  if (options.percentile) {
    out.percentile = metrics::ComputePercentileRanking(ctx, out.developer, metrics::WorkspacePopulation(ctx), scope.window);
  }
  if (options.gaming_flags) out.gaming = metrics::DetectGamingPatterns(ctx, out.developer, scope.window);
  if (options.forecast) {
    const identity::Developer& d = ctx.resolution.developers()[out.developer];
    // A custom window has no series of its own: forecast the weekly series then.
    out.forecast_series = scope.period_type == PeriodType::kCustom ? PeriodType::kWeekly : scope.period_type;
    LOUPE_ASSIGN_OR_RETURN(auto history, session.SnapshotHistory(std::to_string(d.id), out.forecast_series,
                                                                 metrics::kForecastFullHistory));
    std::vector<metrics::VelocityPoint> points;
    for (const snapshots::DeveloperSnapshot* s : history) {
      const metrics::Velocity& v = s->insights.velocity;
      points.push_back({s->period.start, s->period.end, v.commits_count, v.prs_merged, v.lines_added + v.lines_removed});
    }
    out.forecast = metrics::ForecastVelocity(points);
  }
  return out;
}

void WriteJson(JsonWriter& w, Session& session, const DeveloperInsights& d, Instant now) {
  const auto& resolution = session.resolution();
  w.BeginObject();
  if (d.compared) {
    metrics::WriteComparisonFields(w, d.both, resolution, d.scope.profile);
  } else {
    metrics::WriteReportFields(w, d.both.current, resolution, d.scope.profile, /*with_raw_counts=*/true);
  }
  if (d.health) {
    w.Key("health_score");
    metrics::WriteJson(w, *d.health);
  }
  if (d.percentile) {
    w.Key("percentile");
    metrics::WriteJson(w, *d.percentile);
  }
  if (d.gaming) {
    w.Key("gaming_flags");
    metrics::WriteJson(w, *d.gaming);
  }
  if (d.forecast) {
    w.Key("forecast");
    metrics::WriteJson(w, *d.forecast);
  }
  w.Field("profile", metrics::MetricProfileName(d.scope.profile)).Field("computed_at", FormatIsoInstant(now));
  w.EndObject();
}

Result<uint32_t> FindTeam(const metrics::MetricContext& ctx, std::string_view name) {
  const uint32_t team = ctx.teams.Find(name);
  if (team != model::kNoId) return team;
  std::string known;
  for (uint32_t t = 0; t < ctx.teams.size(); ++t) known += (known.empty() ? "" : ", ") + ctx.teams.name(t);
  return NotFound("no team named " + QuoteForMessage(name) +
                  (known.empty() ? " (the workspace has no teams)" : " (teams: " + known + ")"));
}

Result<metrics::TeamInsights> ComputeTeamInsights(Session& session, std::string_view team, const InsightsScope& scope,
                                                  bool include_inactive, bool role_weighted) {
  const metrics::MetricContext ctx = session.MetricContextFor(scope.profile);
  std::string team_name;
  std::vector<uint32_t> members;
  if (!team.empty()) {
    LOUPE_ASSIGN_OR_RETURN(const uint32_t index, FindTeam(ctx, team));
    team_name = ctx.teams.name(index);
    members = metrics::TeamPopulation(ctx, index);
  } else {
    members = metrics::WorkspacePopulation(ctx);
  }
  metrics::DistributionOptions options;
  options.bottleneck_multiplier = metrics::BottleneckMultiplier(session.settings(), team_name);
  options.include_inactive = include_inactive;
  options.role_weighted = role_weighted;
  return metrics::ComputeTeamInsights(ctx, team_name, members, scope.window, scope.period_type, options);
}

metrics::WorkspaceHealth ComputeWorkspaceHealth(Session& session, const InsightsScope& scope) {
  const metrics::MetricContext ctx = session.MetricContextFor(scope.profile);
  return metrics::ComputeWorkspaceHealth(ctx, metrics::WorkspacePopulation(ctx), scope.window, scope.period_type,
                                         metrics::BottleneckMultiplier(session.settings(), ""));
}

Result<std::vector<metrics::DeveloperReport>> CompareDevelopers(Session& session, std::span<const std::string> developers,
                                                                const InsightsScope& scope) {
  const metrics::MetricContext ctx = session.MetricContextFor(scope.profile);
  std::vector<uint32_t> devs;
  for (const std::string& ref : developers) {
    if (Trim(ref).empty()) continue;
    LOUPE_ASSIGN_OR_RETURN(uint32_t dev, ctx.resolution.Lookup(session.workspace(), ref));
    devs.push_back(dev);
  }
  return metrics::CompareDevelopers(ctx, devs, scope.window, scope.period_type);
}

Result<metrics::Leaderboard> ComputeLeaderboard(Session& session, std::string_view metric, int64_t limit,
                                                std::string_view team, const InsightsScope& scope) {
  const metrics::MetricContext ctx = session.MetricContextFor(scope.profile);
  std::vector<uint32_t> population = metrics::WorkspacePopulation(ctx);
  if (!team.empty()) {
    const uint32_t t = ctx.teams.Find(team);
    if (t == model::kNoId) return NotFound("no team named " + QuoteForMessage(team));
    population = metrics::TeamPopulation(ctx, t);
  }
  return metrics::ComputeLeaderboard(ctx, population, scope.window, scope.period_type, metric, limit);
}

// ---- snapshots, alerts, privacy ---------------------------------------------------------------------

void WriteJson(JsonWriter& w, const SnapshotReport& report) {
  w.BeginObject().Field("developer_snapshots_created", report.developer_snapshots);
  w.Field("team_snapshot_created", report.team_snapshots > 0);
  w.Field("team_snapshots", report.team_snapshots).Field("developers", report.developers);
  w.Field("periods", report.periods).Field("removed_snapshots", report.removed_snapshots);
  w.EndObject();
}

Status WriteSnapshotHistoryJson(JsonWriter& w, Session& session, std::string_view developer, PeriodType type,
                                size_t limit) {
  LOUPE_ASSIGN_OR_RETURN(auto rows, session.SnapshotHistory(developer, type, limit));
  w.BeginArray();
  for (const auto* s : rows) snapshots::WriteJson(w, *s, session.versions());
  w.EndArray();
  return Status::Ok();
}

void WriteSnapshotStatusJson(JsonWriter& w, const Session& session) {
  w.BeginArray();
  for (const auto& s : session.SnapshotStatus()) snapshots::WriteJson(w, s);
  w.EndArray();
}

void WriteAlertRulesJson(JsonWriter& w, const Session& session, bool all) {
  w.BeginArray();
  for (const auto& r : session.alerts().rules()) {
    if (all || r.active) alerts::WriteJson(w, r);
  }
  w.EndArray();
}

void WriteJson(JsonWriter& w, const Window& window, const alerts::Evaluation& evaluation) {
  w.BeginObject().Field("window_start", FormatIsoInstant(window.start)).Field("window_end", FormatIsoInstant(window.end));
  w.Field("rules_evaluated", evaluation.rules_evaluated).Key("alerts").BeginArray();
  for (const auto& f : evaluation.findings) alerts::WriteJson(w, f);
  w.EndArray().EndObject();
}

Status WriteAlertsJson(JsonWriter& w, const Session& session, std::string_view status, int64_t limit) {
  std::optional<alerts::AlertStatus> wanted;
  const bool open_only = status == "open";
  if (!status.empty() && !open_only) {
    auto s = alerts::ParseAlertStatus(status);
    if (!s.ok()) return InvalidInput(s.status().message() + " (or open)");
    wanted = *s;
  }
  std::vector<const alerts::Alert*> rows;
  const auto& all = session.alerts().alerts();
  for (auto it = all.rbegin(); it != all.rend() && static_cast<int64_t>(rows.size()) < limit; ++it) {
    if ((wanted && it->status != *wanted) || (open_only && !it->open())) continue;
    rows.push_back(&*it);
  }
  w.BeginArray();
  for (const auto* a : rows) alerts::WriteJson(w, *a);
  w.EndArray();
  return Status::Ok();
}

void WriteJson(JsonWriter& w, const privacy::Erasure::Counts& n) {
  w.BeginObject()
      .Field("identities", n.identities)
      .Field("commits", n.commits)
      .Field("pull_requests", n.pull_requests)
      .Field("reviews", n.reviews)
      .Field("comments", n.comments)
      .Field("rewritten_commits", n.rewritten_commits)
      .Field("rewritten_pull_requests", n.rewritten_pull_requests)
      .Field("rules", n.rules)
      .Field("schedules", n.schedules)
      .Field("team_memberships", n.team_memberships)
      .Field("snapshots", n.snapshots)
      .Field("alerts", n.alerts)
      .Field("alert_rules", n.alert_rules)
      .EndObject();
}

}  // namespace loupe::api
