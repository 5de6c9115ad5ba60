// loupe/api/json.h — the JSON of every operation on a Session, as the CLI's `--json` prints it and
// api::Dispatch returns it. Each operation is computed by one function here and written by one
// writer, so the two front ends cannot drift apart; the CLI keeps only its text tables.
// Keys are the seed's (docs/*.md); every writer appends one JSON value to `w`.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/api/session.h"
#include "loupe/core/json_writer.h"
#include "loupe/identity/suggestions.h"
#include "loupe/metrics/developer_summary.h"
#include "loupe/metrics/rollups/gaming_flags.h"
#include "loupe/metrics/rollups/health_score.h"
#include "loupe/metrics/rollups/leaderboard.h"
#include "loupe/metrics/rollups/percentile.h"
#include "loupe/metrics/rollups/period_comparison.h"
#include "loupe/metrics/rollups/team_insights.h"
#include "loupe/metrics/rollups/velocity_forecast.h"
#include "loupe/metrics/rollups/workspace_health.h"

namespace loupe::api {

// ---- import ---------------------------------------------------------------------------------------

//! {file, format, bytes, records, seconds, changed, added{…}, updated{…}, skipped{reason: n}}
void WriteJson(JsonWriter& w, const ImportReport& report);
//! The same as one indented JSON text.
std::string ImportReportJson(const ImportReport& report);

// ---- workspace, developers, identities ------------------------------------------------------------

//! {storage, persistent, schema_version, data_version, inputs_version, counts{repositories,
//! commits, pull_requests, reviews, comments, identities, developers, bots}}
void WriteWorkspaceDescription(JsonWriter& w, Session& session);

//! Developers with activity, most commits first; bots only when `bots`; at most `limit`.
std::vector<metrics::DeveloperSummary> ListDevelopers(Session& session, bool bots, int64_t limit);
//! [DeveloperSummary JSON, …]
void WriteDevelopersJson(JsonWriter& w, Session& session, std::span<const metrics::DeveloperSummary> rows);

//! [{id, name, email, login, is_bot, bot_rule?, identities[{ref, names[]}]}]; bots only when `bots`.
void WriteIdentitiesJson(JsonWriter& w, Session& session, bool bots);

//! Merge suggestions with at least `min_confidence`.
std::vector<identity::MergeSuggestion> ListSuggestions(Session& session, double min_confidence);
//! [{a, a_name, b, b_name, confidence, reason}]
void WriteSuggestionsJson(JsonWriter& w, Session& session, std::span<const identity::MergeSuggestion> suggestions);

//! [{pattern, is_bot, note}] in rule order.
void WriteBotRulesJson(JsonWriter& w, const Session& session);

// ---- teams, settings, schedules -------------------------------------------------------------------

//! [{name, members[{identity, role, developer_id (null when the identity is gone), name?}]}]
void WriteTeamsJson(JsonWriter& w, Session& session);
//! The settings of the workspace (team "") or a team (snapshots::WriteJson of InsightSettings).
Status WriteSettingsJson(JsonWriter& w, const Session& session, std::string_view team);
//! [schedule, …] every stored schedule.
void WriteSchedulesJson(JsonWriter& w, const Session& session);
//! The developer's schedule, or null.
Status WriteScheduleJson(JsonWriter& w, Session& session, std::string_view developer);

// ---- insights (docs/metrics.md) -------------------------------------------------------------------

//! The window, period label and profile every insights operation reads.
struct InsightsScope {
  Window window;
  PeriodType period_type = PeriodType::kWeekly;
  metrics::MetricProfile profile = metrics::MetricProfile::kLoupe;
};

//! The TeamIndex index of a team named case-insensitively; NotFound listing the teams there are.
Result<uint32_t> FindTeam(const metrics::MetricContext& ctx, std::string_view name);

//! The time zone insights periods use: the workspace schedule's, else UTC.
TimeZone InsightsZone(Session& session, metrics::MetricProfile profile);

struct DeveloperInsightsOptions {
  bool compare_previous = false;
  bool health = false;
  bool percentile = false;
  bool gaming_flags = false;
  //! Next period's velocity from the last stored snapshots of the period type (weekly for a
  //! custom window).
  bool forecast = false;
};

struct DeveloperInsights {
  uint32_t developer = 0;  //!< index into Resolution::developers()
  InsightsScope scope;
  bool compared = false;  //!< `both.previous` is filled
  metrics::PeriodComparison both;
  std::optional<metrics::HealthScore> health;
  std::optional<metrics::PercentileRanking> percentile;
  std::optional<metrics::GamingReport> gaming;
  std::optional<metrics::VelocityForecast> forecast;
  PeriodType forecast_series = PeriodType::kWeekly;
};
//! One developer's categories over the scope (plus what the options ask for).
Result<DeveloperInsights> ComputeDeveloperInsights(Session& session, std::string_view developer,
                                                   const InsightsScope& scope, const DeveloperInsightsOptions& options);
//! The report's fields (or the comparison's), health_score, percentile, gaming_flags, forecast,
//! profile and computed_at = `now`.
void WriteJson(JsonWriter& w, Session& session, const DeveloperInsights& insights, Instant now);

//! A team's insights (`team` names one, case-insensitively; "" = every developer). NotFound
//! naming the known teams.
Result<metrics::TeamInsights> ComputeTeamInsights(Session& session, std::string_view team, const InsightsScope& scope,
                                                  bool include_inactive, bool role_weighted);
metrics::WorkspaceHealth ComputeWorkspaceHealth(Session& session, const InsightsScope& scope);
//! Up to 10 developers side by side; NotFound for an unknown developer, InvalidInput for none or
//! too many.
Result<std::vector<metrics::DeveloperReport>> CompareDevelopers(Session& session, std::span<const std::string> developers,
                                                                const InsightsScope& scope);
//! Developers ranked on one metric, among a team's members when `team` is not "".
Result<metrics::Leaderboard> ComputeLeaderboard(Session& session, std::string_view metric, int64_t limit,
                                                std::string_view team, const InsightsScope& scope);

// ---- snapshots, alerts, privacy -------------------------------------------------------------------

//! {developer_snapshots_created, team_snapshot_created, team_snapshots, developers, periods,
//! removed_snapshots}
void WriteJson(JsonWriter& w, const SnapshotReport& report);
//! [snapshot, …] newest first.
Status WriteSnapshotHistoryJson(JsonWriter& w, Session& session, std::string_view developer, PeriodType type,
                                size_t limit);
//! [series status, …]
void WriteSnapshotStatusJson(JsonWriter& w, const Session& session);

//! [rule, …]: the active rules, or all with `all`.
void WriteAlertRulesJson(JsonWriter& w, const Session& session, bool all);
//! {window_start, window_end, rules_evaluated, alerts[finding, …]}
void WriteJson(JsonWriter& w, const Window& window, const alerts::Evaluation& evaluation);
//! Alerts, newest first, at most `limit`: with `status` "" every alert, "open" the unresolved
//! ones, else triggered / acknowledged / resolved (InvalidInput otherwise).
Status WriteAlertsJson(JsonWriter& w, const Session& session, std::string_view status, int64_t limit);

//! {identities, commits, pull_requests, reviews, comments, rewritten_commits,
//! rewritten_pull_requests, rules, schedules, team_memberships, snapshots, alerts, alert_rules}
void WriteJson(JsonWriter& w, const privacy::Erasure::Counts& counts);

}  // namespace loupe::api
