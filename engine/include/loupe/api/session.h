// loupe/api/session.h — one open workspace: the engine's façade for the CLI and the wasm binding.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "loupe/alerts/alert.h"
#include "loupe/alerts/evaluate.h"
#include "loupe/core/period.h"
#include "loupe/core/progress.h"
#include "loupe/core/status.h"
#include "loupe/dashboard/preferences.h"
#include "loupe/identity/resolver.h"
#include "loupe/ingest/importer.h"
#include "loupe/intelligence/settings.h"
#include "loupe/metrics/context.h"
#include "loupe/model/settings.h"
#include "loupe/model/workspace.h"
#include "loupe/privacy/erase.h"
#include "loupe/snapshots/generate.h"
#include "loupe/snapshots/snapshot.h"
#include "loupe/storage/database.h"
#include "loupe/store/activity_store.h"

namespace loupe::api {

//! What one import changed.
struct ImportReport {
  std::string source;
  ingest::ImportStats stats;
  model::ChangeSet::Counts added;  //!< new entities
  //! Entities that existed and gained data (e.g. a commit that now has its file list).
  int64_t updated_commits = 0, updated_pull_requests = 0, updated_reviews = 0, updated_comments = 0;
  bool changed = false;  //!< false: everything in the input was already there
  //! Stored snapshots recomputed because the import touched their periods (same transaction).
  int64_t recomputed_snapshots = 0;
  double seconds = 0;  //!< wall time of the import (parse, plan, store)
};

//! What a snapshot generation covers. Developers are named as Resolution::Lookup reads them
//! (id, e-mail, login, name).
struct SnapshotRequest {
  PeriodType period_type = PeriodType::kWeekly;
  //! Every period of the type that intersects it, on UTC boundaries; kCustom: exactly this window.
  Window range;
  //! Who: these developers; else the team's members; else every developer the bot rules do not
  //! mark with a commit, PR or review in `range`.
  std::vector<std::string> developers;
  //! A team (case-insensitive): a team snapshot per period, from its members' snapshots. Without
  //! a team and without developers, a workspace snapshot per period is written instead.
  std::string team;
  metrics::MetricProfile profile = metrics::MetricProfile::kLoupe;
};

//! What a generation stored.
struct SnapshotReport {
  int64_t developers = 0;           //!< developers covered
  int64_t periods = 0;              //!< periods covered
  int64_t developer_snapshots = 0;  //!< created or replaced
  int64_t team_snapshots = 0;       //!< created or replaced (team or workspace rows)
  //! Rows of the generated periods whose developer id no longer names a developer (an identity
  //! merge moved their data to another id), removed by a full generation.
  int64_t removed_snapshots = 0;
};

//! The editable fields of an alert rule; category, metric and scope are fixed once created (the
//! alerts already raised were measured on them).
struct AlertRuleUpdate {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<alerts::Operator> op;
  std::optional<double> threshold;
  std::optional<alerts::Severity> severity;
  std::optional<bool> active;
};

//! A workspace in memory, optionally persisted in a database. Every mutation is all-or-nothing:
//! it is planned, written in one transaction, and only then applied in memory. Derived views
//! (developers, the activity store) are rebuilt lazily after a change, so rules apply
//! retroactively without re-importing.
class Session {
 public:
  //! A workspace that lives only as long as the session.
  static std::unique_ptr<Session> InMemory();
  //! Opens (creating or migrating) the workspace stored behind `driver` and loads it.
  static Result<std::unique_ptr<Session>> Open(std::unique_ptr<storage::SqlDriver> driver);

  //! Imports one input. On any error nothing is stored and the workspace is unchanged.
  Result<ImportReport> Import(const ingest::InputBuffer& input, const ingest::ImportOptions& options);

  const model::Workspace& workspace() const { return workspace_; }
  bool persistent() const { return database_ != nullptr; }
  std::string StorageDescription() const;
  //! The schema version of the database (storage::Database::kSchemaVersion once open); 0 in memory.
  int SchemaVersion() const;

  const identity::Resolution& resolution();
  const store::ActivityStore& activity();

  //! Identity rules; each takes identity refs ("email:x", "login:y", or a bare e-mail/login).
  Status MergeIdentities(std::string_view a, std::string_view b);
  //! Detaches an identity from its developer; earlier explicit merges that involve it are undone.
  Status SplitIdentity(std::string_view identity);
  Status AddBotRule(model::BotRule rule);
  //! Removes the rule with exactly this pattern; NotFound if none.
  Status RemoveBotRule(std::string_view pattern);
  //! Adds the entries of a .mailmap text; returns how many were new.
  Result<int> ImportMailmap(std::string_view text, std::string_view source_name);
  //! A .mailmap that reproduces the current developers: the stored entries plus one line per
  //! further e-mail of each developer with several.
  std::string ExportMailmap();

  //! The whole workspace as a Loupe bundle (docs/bundle.md).
  std::string ExportBundle() const;

  // ---- settings (docs/settings.md) -----------------------------------------------------------
  // Every edit validates, stores the whole settings in one transaction, then applies them. A
  // change to teams, schedules, working hours or holidays marks every snapshot stale. Developers
  // are named as Resolution::Lookup reads them; they are stored by the identity ref of their id.

  const model::WorkspaceSettings& settings() const { return settings_; }
  //! The settings of the workspace (team "") or of a team (NotFound naming an unknown team); the
  //! defaults when none were stored.
  Result<model::InsightSettings> InsightSettingsOf(std::string_view team) const;
  //! Replaces the workspace's or a team's insight settings. Checks: the team exists; the time
  //! zone is a known IANA name (NotFound naming it); hours 0–23; health weights in 0..1 and not
  //! all 0; bottleneck multiplier 1–10; snapshot frequency daily, weekly, biweekly or monthly.
  Status SetInsightSettings(model::InsightSettings settings);
  //! The schedule stored for any of the developer's identities, or nullopt.
  Result<std::optional<model::WorkingSchedule>> ScheduleOf(std::string_view developer);
  //! Sets a developer's schedule (its `identity` is filled in). Checks as for the settings, plus:
  //! working days not empty; role junior, mid, senior, staff, principal, lead, architect or "".
  Status SetSchedule(std::string_view developer, model::WorkingSchedule schedule);
  Status RemoveSchedule(std::string_view developer);
  //! A new team; names are unique case-insensitively (kAlreadyExists) and not empty.
  Status CreateTeam(std::string_view name);
  //! Removes a team with its settings and team snapshots; refused (kFailedPrecondition, naming
  //! them) while alert rules are scoped to it.
  Status DeleteTeam(std::string_view name);
  //! Adds developers to a team (all or none), or changes their role when they are members already.
  Status AddTeamMembers(std::string_view team, const std::vector<std::string>& developers, model::TeamRole role);
  Status RemoveTeamMember(std::string_view team, std::string_view developer);

  //! Each developer's effective schedule for a profile (docs/metrics.md, "Schedules"), and the
  //! teams as developer indexes: built on first use, rebuilt after settings, rules or data change.
  const metrics::ScheduleBook& schedules(metrics::MetricProfile profile);
  const metrics::TeamIndex& teams();
  //! Everything a metric reads, for one computation (it borrows the session's views, which the
  //! next change to the session invalidates).
  metrics::MetricContext MetricContextFor(metrics::MetricProfile profile);

  // ---- snapshots (docs/snapshots.md) ---------------------------------------------------------

  const snapshots::SnapshotBook& snapshots() const { return snapshots_; }
  //! The workspace's current data and inputs versions (snapshots older in inputs are stale).
  const snapshots::Versions& versions() const { return versions_; }
  //! Computes and stores (upserting, in one transaction) the snapshots the request covers.
  //! NotFound when it covers no developer. `progress` hears "compute" then "store".
  Result<SnapshotReport> GenerateSnapshots(const SnapshotRequest& request, Instant now,
                                           const ProgressFn& progress = {});
  //! What the automatic snapshot settings ask for at `now`: for each settings row with automatic
  //! snapshots on, the last completed period of its frequency — for the workspace row everyone
  //! active, for a team row the team's members — unless its team or workspace snapshot exists
  //! and is not stale.
  Result<SnapshotReport> GenerateDueSnapshots(Instant now, const ProgressFn& progress = {});
  //! A developer's snapshots of one period type, newest first, at most `limit`.
  Result<std::vector<const snapshots::DeveloperSnapshot*>> SnapshotHistory(std::string_view developer,
                                                                           PeriodType type, size_t limit);
  //! Per developer and period type (then per team): periods covered, the latest, when it was
  //! computed, and how many are stale.
  std::vector<snapshots::SeriesStatus> SnapshotStatus() const;

  // ---- alerts (docs/alerts.md) ---------------------------------------------------------------

  const alerts::AlertBook& alerts() const { return alerts_; }
  //! Stores a new rule and returns its id. Checks alerts::ValidateRule, a unique name, and that
  //! the scope's team or developer exists (a developer scope is stored as their identity ref).
  Result<int64_t> AddAlertRule(alerts::Rule rule, Instant now);
  Status UpdateAlertRule(int64_t id, const AlertRuleUpdate& update, Instant now);
  //! Removes a rule and its alerts.
  Status DeleteAlertRule(int64_t id);
  //! Adds the default templates whose names are not taken; returns how many were added.
  Result<int> SeedAlertTemplates(Instant now);
  //! Evaluates the active rules over `window` (alerts::Evaluate) and stores the outcome.
  Result<alerts::Evaluation> EvaluateAlerts(const Window& window, metrics::MetricProfile profile, Instant now);
  //! Marks an open alert acknowledged by `who` ("" = unknown) at `now`.
  Status AcknowledgeAlert(int64_t id, std::string_view who, Instant now);
  //! Resolves an open alert by hand.
  Status ResolveAlert(int64_t id, std::string_view who, Instant now);

  // ---- privacy (docs/privacy.md) -------------------------------------------------------------

  //! Everything stored about one developer as JSON (privacy::ExportDeveloper).
  Result<std::string> ExportDeveloper(std::string_view developer, Instant now);
  //! Erases a developer and everything attributed to them in one transaction
  //! (privacy::PlanErasure); identity ids above theirs are renumbered.
  Result<privacy::Erasure::Counts> EraseDeveloper(std::string_view developer);

  // ---- intelligence settings and the analysis cache (docs/intelligence.md, "Cache") ----------
  // Analyzer and analytics results are cached by key (api/analysis.h builds the keys: analysis,
  // subject, window, profile, settings) with the versions they were computed at; any change to
  // the data or the inputs (versions()) makes every entry stale. A stored workspace keeps them in
  // its analysis_cache table (read entry by entry), an in-memory one in the session.

  const intelligence::IntelligenceSettings& intelligence_settings() const { return intelligence_settings_; }
  //! Checks (every day count and the commit threshold at least 1, the recent days at least the
  //! current days), stores (meta "intelligence_settings") and applies them.
  Status SetIntelligenceSettings(const intelligence::IntelligenceSettings& settings);
  //! The result cached under `key` when it was computed at the current versions, else nullopt.
  Result<std::optional<std::string>> CachedAnalysis(std::string_view key);
  //! Caches results (key, JSON text) computed at the current versions at `now`, in one
  //! transaction that also removes every stale entry.
  Status CacheAnalyses(const std::vector<std::pair<std::string, std::string>>& results, Instant now);

  // ---- sync state (docs/storage.md, "sync_state") --------------------------------------------
  // Small JSON values a synchroniser keeps between runs (cursors, ETags), by key; stored in the
  // database (one transaction per put), or in memory for an in-memory session.

  //! The stored JSON text for `key`, or nullopt.
  std::optional<std::string> GetSyncState(std::string_view key) const;
  //! Stores `value_json` (valid JSON, kept as given) under `key` (1–200 bytes of UTF-8) at `now`;
  //! the JSON `null` removes the key. InvalidInput for a bad key or value.
  Status PutSyncState(std::string_view key, std::string_view value_json, Instant now);
  const std::map<std::string, storage::SyncEntry, std::less<>>& sync_state() const { return sync_state_; }

  // ---- dashboard preferences (docs/dashboard.md) ---------------------------------------------
  // One document per user (1-100 bytes of UTF-8; the app's single user is "local"), read on
  // demand: from the dashboard_preferences table, or kept in the session when in memory.

  //! The user's stored preferences, or nullopt when none were stored yet.
  Result<std::optional<dashboard::Preferences>> StoredDashboardPreferences(std::string_view user);
  //! Stores a user's preferences in one transaction (nothing changes on failure).
  Status SetDashboardPreferences(std::string_view user, const dashboard::Preferences& prefs, Instant now);
  //! What the workspace's data say about the dashboard's getting-started checklist.
  dashboard::WorkspaceFacts DashboardFacts() const;

 private:
  Session() = default;
  Result<ImportReport> ImportUntimed(const ingest::InputBuffer& input, const ingest::ImportOptions& options);
  Status ReplaceRules(model::IdentityRules rules);
  //! Stores and applies new settings, bumping the inputs version when metrics read the change.
  Status ReplaceSettings(model::WorkspaceSettings next, snapshots::SnapshotChanges snapshot_changes = {});
  //! Runs `write` in one transaction (nothing without a database).
  template <typename Write>
  Status Store(Write write);
  //! Recomputes the stored snapshots `touched` reaches, against the current workspace.
  snapshots::SnapshotChanges RecomputeTouched(const std::vector<snapshots::TouchedSpan>& touched, Instant now);
  //! After a failed commit that followed an in-memory change: the database is unchanged, so the
  //! session reads it again.
  Status Reload();
  Result<uint32_t> FindDeveloper(std::string_view developer);
  //! The identity ref a developer is stored under in settings and rules.
  std::string DeveloperRef(uint32_t developer) const;
  void Invalidate();
  void InvalidateSettings();

  std::unique_ptr<storage::SqlDriver> driver_;
  std::unique_ptr<storage::Database> database_;
  model::Workspace workspace_;
  model::WorkspaceSettings settings_;
  snapshots::SnapshotBook snapshots_;
  alerts::AlertBook alerts_;
  snapshots::Versions versions_;
  std::map<std::string, storage::SyncEntry, std::less<>> sync_state_;
  intelligence::IntelligenceSettings intelligence_settings_;
  //! The analysis cache of an in-memory session (a stored one reads its table).
  std::map<std::string, storage::AnalysisEntry, std::less<>> analyses_;
  //! The dashboard preferences of an in-memory session, by user (a stored one reads its table).
  std::map<std::string, dashboard::Preferences, std::less<>> dashboard_;
  std::optional<identity::Resolution> resolution_;
  std::optional<store::ActivityStore> activity_;
  std::optional<metrics::ScheduleBook> schedules_[2];  //!< by MetricProfile
  std::optional<metrics::TeamIndex> teams_;
};

}  // namespace loupe::api
