#include "loupe/api/session.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "api/analysis.h"
#include "loupe/core/strings.h"
#include "loupe/core/zone.h"
#include "loupe/identity/bot_rules.h"
#include "loupe/identity/mailmap.h"
#include "loupe/ingest/bundle.h"
#include "loupe/privacy/export.h"
#include "simdjson.h"
#include "loupe/snapshots/generate.h"

namespace loupe::api {

namespace {

// Snapshots an import recomputes carry the time of the import (Import takes no clock).
Instant SystemNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::unique_ptr<Session> Session::InMemory() {
  std::unique_ptr<Session> session(new Session());
  // As in a new database (Open): the default bot rules are the workspace's first rules change, so
  // an in-memory and a stored workspace that saw the same calls have the same versions.
  model::IdentityRules rules = session->workspace_.rules();
  rules.bot_rules = identity::DefaultBotRules();
  const Status applied = session->ReplaceRules(std::move(rules));
  LOUPE_ASSERT(applied.ok(), "without a database, replacing rules cannot fail");
  return session;
}

Result<std::unique_ptr<Session>> Session::Open(std::unique_ptr<storage::SqlDriver> driver) {
  std::unique_ptr<Session> session(new Session());
  LOUPE_ASSIGN_OR_RETURN(session->database_, storage::Database::Open(*driver));
  session->driver_ = std::move(driver);
  storage::StoredState state;
  LOUPE_TRY(session->database_->Load(session->workspace_, &state));
  LOUPE_ASSIGN_OR_RETURN(auto intelligence, session->database_->GetMeta(kIntelligenceSettingsKey));
  if (intelligence) {
    auto settings = ParseIntelligenceSettings(*intelligence);
    if (!settings.ok()) {
      return InvalidInput("corrupt database: meta " + std::string(kIntelligenceSettingsKey) + ": " +
                          settings.status().message());
    }
    session->intelligence_settings_ = *settings;
  }
  session->settings_ = std::move(state.settings);
  session->snapshots_ = std::move(state.snapshots);
  session->alerts_ = std::move(state.alerts);
  session->versions_ = state.versions;
  session->sync_state_ = std::move(state.sync_state);
  LOUPE_ASSIGN_OR_RETURN(auto initialised, session->database_->GetMeta("rules_initialised"));
  if (!initialised) {
    // A new workspace starts with the default bot rules; later edits are the user's.
    model::IdentityRules rules = session->workspace_.rules();
    rules.bot_rules = identity::DefaultBotRules();
    LOUPE_TRY(session->ReplaceRules(std::move(rules)));
    LOUPE_TRY(session->database_->SetMeta("rules_initialised", "1"));
  }
  return session;
}

std::string Session::StorageDescription() const {
  return driver_ ? driver_->Describe() : "in memory";
}

int Session::SchemaVersion() const {
  return database_ ? database_->schema_version() : 0;
}

std::optional<std::string> Session::GetSyncState(std::string_view key) const {
  auto it = sync_state_.find(key);
  if (it == sync_state_.end()) return std::nullopt;
  return it->second.value;
}

Status Session::PutSyncState(std::string_view key, std::string_view value_json, Instant now) {
  if (key.empty() || key.size() > 200 || !IsValidUtf8(key)) {
    return InvalidInput("sync state key must be 1-200 bytes of UTF-8, got " + QuoteForMessage(key));
  }
  simdjson::dom::parser parser;
  simdjson::dom::element value;
  if (auto error = parser.parse(value_json.data(), value_json.size(), /*realloc_if_needed=*/true).get(value)) {
    return InvalidInput("sync state " + QuoteForMessage(key) + ": the value is not JSON (" +
                        simdjson::error_message(error) + ")");
  }
  std::optional<storage::SyncEntry> entry;
  if (!value.is_null()) entry = storage::SyncEntry{std::string(value_json), now};
  LOUPE_TRY(Store([&](storage::Database::Batch& batch) { return batch.WriteSyncState(key, entry); }));
  if (entry) {
    auto it = sync_state_.find(key);
    if (it == sync_state_.end()) {
      sync_state_.emplace(std::string(key), std::move(*entry));
    } else {
      it->second = std::move(*entry);
    }
  } else if (auto it = sync_state_.find(key); it != sync_state_.end()) {
    sync_state_.erase(it);
  }
  return Status::Ok();
}

void Session::Invalidate() {
  resolution_.reset();
  activity_.reset();
  InvalidateSettings();
}

void Session::InvalidateSettings() {
  for (auto& book : schedules_) book.reset();
  teams_.reset();
}

Status Session::Reload() {
  model::Workspace workspace;
  storage::StoredState state;
  LOUPE_TRY(database_->Load(workspace, &state));
  workspace_ = std::move(workspace);
  settings_ = std::move(state.settings);
  snapshots_ = std::move(state.snapshots);
  alerts_ = std::move(state.alerts);
  versions_ = state.versions;
  sync_state_ = std::move(state.sync_state);
  Invalidate();
  return Status::Ok();
}

template <typename Write>
Status Session::Store(Write write) {
  if (!database_) return Status::Ok();
  LOUPE_ASSIGN_OR_RETURN(auto batch, database_->Begin());
  LOUPE_TRY(write(*batch));
  return batch->Commit();
}

const identity::Resolution& Session::resolution() {
  if (!resolution_) resolution_ = identity::Resolve(workspace_);
  return *resolution_;
}

const store::ActivityStore& Session::activity() {
  if (!activity_) activity_ = store::ActivityStore::Build(workspace_, resolution());
  return *activity_;
}

Result<ImportReport> Session::Import(const ingest::InputBuffer& input,
                                     const ingest::ImportOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  Result<ImportReport> report = ImportUntimed(input, options);
  if (report.ok()) report->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

Result<ImportReport> Session::ImportUntimed(const ingest::InputBuffer& input, const ingest::ImportOptions& options) {
  model::Workspace batch;
  ImportReport report;
  report.source = options.source_name;
  LOUPE_ASSIGN_OR_RETURN(report.stats, ingest::ParseInto(input, options, batch));
  model::ChangeSet changes = workspace_.Plan(batch);
  report.added = changes.counts;
  report.updated_commits = static_cast<int64_t>(changes.commits.size()) - changes.counts.new_commits;
  report.updated_pull_requests =
      static_cast<int64_t>(changes.pull_requests.size()) - changes.counts.new_pull_requests;
  report.updated_reviews = static_cast<int64_t>(changes.reviews.size()) - changes.counts.new_reviews;
  report.updated_comments =
      static_cast<int64_t>(changes.comments.size()) - changes.counts.new_comments;
  report.changed = !changes.empty();
  if (!report.changed) return report;
  // What the stored snapshots need to know, read before the workspace changes: the periods the
  // changes reach (old values included) and who was whom.
  std::vector<snapshots::TouchedSpan> touched;
  std::vector<model::DeveloperId> developer_before;
  if (!snapshots_.empty()) {
    touched = snapshots::TouchedSpans(workspace_, changes);
    for (const model::Identity& i : workspace_.identities()) {
      developer_before.push_back(resolution().DeveloperOf(i.id)->id);
    }
  }
  ProgressFn store_progress;
  if (options.progress) {
    store_progress = [&](const Progress& p) { return options.progress(Progress{"store", p.done, p.total, p.unit}); };
  }
  // One transaction holds the entities, the recomputed snapshots and the new versions; the
  // entities are written before the workspace changes, so a failure there leaves both untouched.
  std::unique_ptr<storage::Database::Batch> transaction;
  if (database_) {
    auto begun = database_->Begin();
    if (!begun.ok()) return std::move(begun).TakeStatus().WithFile(options.source_name);
    transaction = std::move(begun).value();
    Status written = transaction->Write(changes, store_progress);
    if (!written.ok()) return std::move(written).WithFile(options.source_name);
  }
  workspace_.Apply(std::move(changes));
  Invalidate();
  snapshots::Versions next = versions_;
  ++next.data;
  for (size_t i = 0; i < developer_before.size(); ++i) {
    if (resolution().DeveloperOf(static_cast<model::IdentityId>(i))->id != developer_before[i]) {
      ++next.inputs;  // developers were regrouped: every snapshot may be attributed differently
      break;
    }
  }
  const snapshots::Versions before = versions_;
  versions_ = next;
  snapshots::SnapshotChanges recomputed = RecomputeTouched(touched, SystemNow());
  Status stored;
  if (transaction) {
    if (!recomputed.empty()) stored = transaction->WriteSnapshots(recomputed, store_progress);
    if (stored.ok()) stored = transaction->WriteVersions(next);
    if (stored.ok()) stored = transaction->Commit();
  }
  if (!stored.ok()) {
    versions_ = before;
    // The transaction rolls back; the workspace in memory already changed: read it again.
    transaction.reset();
    if (database_) LOUPE_TRY(Reload());
    return std::move(stored).WithFile(options.source_name);
  }
  report.recomputed_snapshots = static_cast<int64_t>(recomputed.developers.size() + recomputed.teams.size());
  snapshots_.Apply(std::move(recomputed));
  return report;
}

Status Session::ReplaceRules(model::IdentityRules rules) {
  snapshots::Versions next = versions_;
  ++next.inputs;
  LOUPE_TRY(Store([&](storage::Database::Batch& b) {
    LOUPE_TRY(b.WriteRules(rules));
    return b.WriteVersions(next);
  }));
  workspace_.mutable_rules() = std::move(rules);
  versions_ = next;
  Invalidate();
  return Status::Ok();
}

static Result<std::string> CanonicalRef(const model::Workspace& ws, std::string_view ref) {
  model::IdentityKind kind;
  std::string key;
  if (!model::ParseIdentityRef(ref, kind, key)) {
    return InvalidInput("expected an identity such as email:ana@example.com or login:ana, got " +
                        QuoteForMessage(ref));
  }
  if (ws.FindIdentity(kind, key) == model::kNoId) {
    return NotFound("no identity " + std::string(model::IdentityKindName(kind)) + ":" + key +
                    " in this workspace");
  }
  return std::string(model::IdentityKindName(kind)) + ":" + key;
}

Status Session::MergeIdentities(std::string_view a, std::string_view b) {
  LOUPE_ASSIGN_OR_RETURN(std::string ref_a, CanonicalRef(workspace_, a));
  LOUPE_ASSIGN_OR_RETURN(std::string ref_b, CanonicalRef(workspace_, b));
  if (ref_a == ref_b) return InvalidInput("cannot merge an identity with itself");
  model::IdentityRules rules = workspace_.rules();
  const model::MergeRule rule{std::min(ref_a, ref_b), std::max(ref_a, ref_b)};
  if (std::find(rules.merges.begin(), rules.merges.end(), rule) != rules.merges.end()) {
    return Status::Ok();
  }
  rules.merges.push_back(rule);
  return ReplaceRules(std::move(rules));
}

Status Session::SplitIdentity(std::string_view identity) {
  LOUPE_ASSIGN_OR_RETURN(std::string ref, CanonicalRef(workspace_, identity));
  model::IdentityRules rules = workspace_.rules();
  std::erase_if(rules.merges, [&](const model::MergeRule& m) { return m.a == ref || m.b == ref; });
  if (std::find(rules.splits.begin(), rules.splits.end(), model::SplitRule{ref}) == rules.splits.end()) {
    rules.splits.push_back({ref});
  }
  return ReplaceRules(std::move(rules));
}

Status Session::AddBotRule(model::BotRule rule) {
  rule.pattern = std::string(Trim(rule.pattern));
  if (rule.pattern.empty()) return InvalidInput("a bot rule needs a pattern");
  model::IdentityRules rules = workspace_.rules();
  std::erase_if(rules.bot_rules, [&](const model::BotRule& r) { return r.pattern == rule.pattern; });
  rules.bot_rules.push_back(std::move(rule));
  return ReplaceRules(std::move(rules));
}

Status Session::RemoveBotRule(std::string_view pattern) {
  model::IdentityRules rules = workspace_.rules();
  const size_t before = rules.bot_rules.size();
  std::erase_if(rules.bot_rules, [&](const model::BotRule& r) { return r.pattern == pattern; });
  if (rules.bot_rules.size() == before) return NotFound("no bot rule with pattern " + QuoteForMessage(pattern));
  return ReplaceRules(std::move(rules));
}

Result<int> Session::ImportMailmap(std::string_view text, std::string_view source_name) {
  auto entries = identity::ParseMailmap(text);
  if (!entries.ok()) return std::move(entries).TakeStatus().WithFile(source_name);
  model::IdentityRules rules = workspace_.rules();
  int added = 0;
  for (model::MailmapEntry& e : *entries) {
    if (std::find(rules.mailmap.begin(), rules.mailmap.end(), e) == rules.mailmap.end()) {
      rules.mailmap.push_back(std::move(e));
      ++added;
    }
  }
  if (added > 0) LOUPE_TRY(ReplaceRules(std::move(rules)));
  return added;
}

std::string Session::ExportMailmap() {
  std::vector<model::MailmapEntry> entries = workspace_.rules().mailmap;
  for (const identity::Developer& d : resolution().developers()) {
    if (d.email.empty()) continue;
    for (model::IdentityId id : d.identities) {
      const model::Identity& identity = workspace_.identities()[id];
      if (identity.kind != model::IdentityKind::kEmail || EqualsIgnoreCaseAscii(identity.key, d.email)) continue;
      model::MailmapEntry e{d.name, d.email, "", identity.spelling};
      if (std::find(entries.begin(), entries.end(), e) == entries.end()) entries.push_back(std::move(e));
    }
  }
  return identity::FormatMailmap(entries);
}

std::string Session::ExportBundle() const { return ingest::WriteBundle(workspace_); }

// ---- settings ------------------------------------------------------------------------------

namespace {

constexpr std::string_view kRoles[] = {"junior", "mid", "senior", "staff", "principal", "lead", "architect"};

Status CheckHour(int hour, std::string_view what) {
  if (hour < 0 || hour > 23) {
    return InvalidInput(std::string(what) + " must be an hour from 0 to 23, got " + std::to_string(hour));
  }
  return Status::Ok();
}

Status ValidateHours(const model::WorkingHours& h) {
  if (!h.timezone.empty()) LOUPE_TRY(TimeZone::Find(h.timezone));  // NotFound names the zone
  LOUPE_TRY(CheckHour(h.start_hour, "the start of working hours"));
  LOUPE_TRY(CheckHour(h.end_hour, "the end of working hours"));
  LOUPE_TRY(CheckHour(h.late_night_start_hour, "the start of late night"));
  return CheckHour(h.late_night_end_hour, "the end of late night");
}

Status ValidateInsightSettings(const model::InsightSettings& s) {
  if (s.working_hours) LOUPE_TRY(ValidateHours(*s.working_hours));
  if (s.health_weights) {
    const model::HealthWeights& w = *s.health_weights;
    double sum = 0;
    for (double v : {w.velocity, w.efficiency, w.quality, w.sustainability, w.collaboration}) {
      if (!(v >= 0 && v <= 1)) return InvalidInput("health weights must be between 0 and 1");
      sum += v;
    }
    if (sum <= 0) return InvalidInput("at least one health weight must be above 0");
  }
  if (!(s.bottleneck_multiplier >= 1 && s.bottleneck_multiplier <= 10)) {
    return InvalidInput("the bottleneck multiplier must be between 1 and 10");
  }
  if (s.snapshot_frequency == PeriodType::kCustom) {
    return InvalidInput("the snapshot frequency must be daily, weekly, biweekly or monthly");
  }
  return Status::Ok();
}

Status ValidateSchedule(const model::WorkingSchedule& s) {
  LOUPE_TRY(ValidateHours(s.hours));
  if ((s.working_days & 0x7F) == 0 || s.working_days > 0x7F) {
    return InvalidInput("a schedule needs at least one working day");
  }
  if (!s.role.empty() && std::find(std::begin(kRoles), std::end(kRoles), s.role) == std::end(kRoles)) {
    return InvalidInput("unknown engineering role " + QuoteForMessage(s.role) +
                        " (expected junior, mid, senior, staff, principal, lead or architect)");
  }
  return Status::Ok();
}

const model::InsightSettings* FindInsightSettings(const model::WorkspaceSettings& s, std::string_view team) {
  for (const model::InsightSettings& x : s.insight_settings) {
    if (EqualsIgnoreCaseAscii(x.team, team)) return &x;
  }
  return nullptr;
}

// Whether metrics would read the two settings differently: teams (cross-team ratios, team
// schedules), schedules, and the working hours and holidays of any settings row.
bool MetricInputsDiffer(const model::WorkspaceSettings& a, const model::WorkspaceSettings& b) {
  if (a.teams != b.teams || a.schedules != b.schedules) return true;
  for (const auto* side : {&a, &b}) {
    const model::WorkspaceSettings& other = side == &a ? b : a;
    for (const model::InsightSettings& x : side->insight_settings) {
      const model::InsightSettings* y = FindInsightSettings(other, x.team);
      if (y == nullptr ? (x.working_hours || !x.holidays.empty())
                       : (x.working_hours != y->working_hours || x.holidays != y->holidays)) {
        return true;
      }
    }
  }
  return false;
}

template <typename Settings>
auto FindTeam(Settings& s, std::string_view name) -> decltype(s.teams.data()) {
  for (auto& t : s.teams) {
    if (EqualsIgnoreCaseAscii(t.name, name)) return &t;
  }
  return nullptr;
}

Status NoTeam(std::string_view name) { return NotFound("no team named " + QuoteForMessage(name)); }

//! The developer (index) an identity ref stored in settings names today, or kNoId.
uint32_t DeveloperOfRef(const model::Workspace& ws, const identity::Resolution& resolution, std::string_view ref) {
  model::IdentityKind kind;
  std::string key;
  if (!model::ParseIdentityRef(ref, kind, key)) return model::kNoId;
  return resolution.IndexOf(ws.FindIdentity(kind, key));
}

}  // namespace

Result<uint32_t> Session::FindDeveloper(std::string_view developer) {
  return resolution().Lookup(workspace_, developer);
}

std::string Session::DeveloperRef(uint32_t developer) const {
  return workspace_.identities()[resolution_->developers()[developer].id].Ref();
}

const metrics::ScheduleBook& Session::schedules(metrics::MetricProfile profile) {
  auto& book = schedules_[static_cast<int>(profile)];
  if (!book) book = metrics::ScheduleBook::Resolve(workspace_, settings_, resolution(), profile);
  return *book;
}

const metrics::TeamIndex& Session::teams() {
  if (!teams_) teams_ = metrics::TeamIndex::Build(workspace_, settings_, resolution());
  return *teams_;
}

metrics::MetricContext Session::MetricContextFor(metrics::MetricProfile profile) {
  const store::ActivityStore& store = activity();
  const metrics::ScheduleBook& book = schedules(profile);
  return metrics::MetricContext{store, resolution(), book, teams(), profile};
}

Status Session::ReplaceSettings(model::WorkspaceSettings next, snapshots::SnapshotChanges snapshot_changes) {
  snapshots::Versions versions = versions_;
  if (MetricInputsDiffer(settings_, next)) ++versions.inputs;
  LOUPE_TRY(Store([&](storage::Database::Batch& b) {
    LOUPE_TRY(b.WriteSettings(next));
    if (!snapshot_changes.empty()) LOUPE_TRY(b.WriteSnapshots(snapshot_changes));
    return versions == versions_ ? Status::Ok() : b.WriteVersions(versions);
  }));
  settings_ = std::move(next);
  versions_ = versions;
  snapshots_.Apply(std::move(snapshot_changes));
  InvalidateSettings();
  return Status::Ok();
}

Result<model::InsightSettings> Session::InsightSettingsOf(std::string_view team) const {
  const model::Team* found = FindTeam(settings_, team);
  if (!team.empty() && found == nullptr) return NoTeam(team);
  if (const model::InsightSettings* s = FindInsightSettings(settings_, team)) return *s;
  model::InsightSettings defaults;
  if (found != nullptr) defaults.team = found->name;
  return defaults;
}

Status Session::SetInsightSettings(model::InsightSettings settings) {
  model::WorkspaceSettings next = settings_;
  if (!settings.team.empty()) {
    const model::Team* team = FindTeam(next, settings.team);
    if (team == nullptr) return NoTeam(settings.team);
    settings.team = team->name;
  }
  LOUPE_TRY(ValidateInsightSettings(settings));
  std::sort(settings.holidays.begin(), settings.holidays.end());
  settings.holidays.erase(std::unique(settings.holidays.begin(), settings.holidays.end()), settings.holidays.end());
  std::erase_if(next.insight_settings, [&](const model::InsightSettings& x) { return EqualsIgnoreCaseAscii(x.team, settings.team); });
  next.insight_settings.push_back(std::move(settings));
  return ReplaceSettings(std::move(next));
}

Result<std::optional<model::WorkingSchedule>> Session::ScheduleOf(std::string_view developer) {
  LOUPE_ASSIGN_OR_RETURN(uint32_t dev, FindDeveloper(developer));
  for (const model::WorkingSchedule& s : settings_.schedules) {
    if (DeveloperOfRef(workspace_, resolution(), s.identity) == dev) return std::optional<model::WorkingSchedule>(s);
  }
  return std::optional<model::WorkingSchedule>();
}

Status Session::SetSchedule(std::string_view developer, model::WorkingSchedule schedule) {
  LOUPE_ASSIGN_OR_RETURN(uint32_t dev, FindDeveloper(developer));
  LOUPE_TRY(ValidateSchedule(schedule));
  std::sort(schedule.holidays.begin(), schedule.holidays.end());
  schedule.holidays.erase(std::unique(schedule.holidays.begin(), schedule.holidays.end()), schedule.holidays.end());
  LOUPE_ASSIGN_OR_RETURN(auto existing, ScheduleOf(developer));
  // The schedule keeps the identity it was stored under: the metrics take a developer's first one.
  schedule.identity = existing ? existing->identity : DeveloperRef(dev);
  model::WorkspaceSettings next = settings_;
  auto at = std::find_if(next.schedules.begin(), next.schedules.end(),
                         [&](const model::WorkingSchedule& s) { return s.identity == schedule.identity; });
  if (at != next.schedules.end()) {
    *at = std::move(schedule);
  } else {
    next.schedules.push_back(std::move(schedule));
  }
  return ReplaceSettings(std::move(next));
}

Status Session::RemoveSchedule(std::string_view developer) {
  LOUPE_ASSIGN_OR_RETURN(auto existing, ScheduleOf(developer));
  if (!existing) return NotFound("developer " + QuoteForMessage(developer) + " has no working schedule");
  model::WorkspaceSettings next = settings_;
  std::erase_if(next.schedules, [&](const model::WorkingSchedule& s) { return s.identity == existing->identity; });
  return ReplaceSettings(std::move(next));
}

Status Session::CreateTeam(std::string_view name) {
  const std::string trimmed(Trim(name));
  if (trimmed.empty()) return InvalidInput("a team needs a name");
  model::WorkspaceSettings next = settings_;
  if (const model::Team* t = FindTeam(next, trimmed)) {
    return Status(StatusCode::kAlreadyExists, "a team named " + QuoteForMessage(t->name) + " exists already");
  }
  next.teams.push_back({trimmed, {}});
  return ReplaceSettings(std::move(next));
}

Status Session::DeleteTeam(std::string_view name) {
  model::WorkspaceSettings next = settings_;
  const model::Team* team = FindTeam(next, name);
  if (team == nullptr) return NoTeam(name);
  std::string rules;
  for (const alerts::Rule& r : alerts_.rules()) {
    if (r.scope == alerts::Scope::kTeam && EqualsIgnoreCaseAscii(r.scope_ref, team->name)) {
      rules += (rules.empty() ? "" : ", ") + QuoteForMessage(r.name);
    }
  }
  if (!rules.empty()) {
    return FailedPrecondition("team " + QuoteForMessage(team->name) + " is the scope of alert rules " + rules +
                              ": delete them first");
  }
  snapshots::SnapshotChanges removed;
  const std::string key = ToLowerAscii(team->name);
  for (const auto& [k, s] : snapshots_.teams()) {
    if (k.team == key) removed.removed_teams.push_back(k);
  }
  std::erase_if(next.insight_settings, [&](const model::InsightSettings& x) { return EqualsIgnoreCaseAscii(x.team, key); });
  std::erase_if(next.teams, [&](const model::Team& t) { return EqualsIgnoreCaseAscii(t.name, key); });
  return ReplaceSettings(std::move(next), std::move(removed));
}

Status Session::AddTeamMembers(std::string_view team_name, const std::vector<std::string>& developers,
                               model::TeamRole role) {
  model::WorkspaceSettings next = settings_;
  model::Team* team = FindTeam(next, team_name);
  if (team == nullptr) return NoTeam(team_name);
  for (const std::string& developer : developers) {
    LOUPE_ASSIGN_OR_RETURN(uint32_t dev, FindDeveloper(developer));
    bool member = false;
    for (model::TeamMember& m : team->members) {
      if (DeveloperOfRef(workspace_, resolution(), m.identity) == dev) {
        m.role = role;
        member = true;
      }
    }
    if (!member) team->members.push_back({DeveloperRef(dev), role});
  }
  return ReplaceSettings(std::move(next));
}

Status Session::RemoveTeamMember(std::string_view team_name, std::string_view developer) {
  LOUPE_ASSIGN_OR_RETURN(uint32_t dev, FindDeveloper(developer));
  model::WorkspaceSettings next = settings_;
  model::Team* team = FindTeam(next, team_name);
  if (team == nullptr) return NoTeam(team_name);
  const size_t before = team->members.size();
  std::erase_if(team->members,
                [&](const model::TeamMember& m) { return DeveloperOfRef(workspace_, resolution(), m.identity) == dev; });
  if (team->members.size() == before) {
    return NotFound("developer " + QuoteForMessage(developer) + " is not a member of team " + QuoteForMessage(team->name));
  }
  return ReplaceSettings(std::move(next));
}

// ---- snapshots -----------------------------------------------------------------------------

namespace {

//! A team (or workspace, team "") snapshot to derive for one period.
struct TeamTarget {
  std::string team;
  PeriodType type;
  Window period;
  metrics::MetricProfile profile;
};

//! Team snapshots from the developer snapshots of their periods — `fresh` ones (about to be
//! stored) over those of `book`: a team's from its current members', the workspace's from every
//! developer's the bot rules do not mark.
std::vector<snapshots::TeamSnapshot> AggregateTeams(const std::vector<TeamTarget>& targets,
                                                    const snapshots::SnapshotBook& book,
                                                    const std::vector<snapshots::DeveloperSnapshot>& fresh,
                                                    const identity::Resolution& resolution,
                                                    const metrics::TeamIndex& teams, Instant now,
                                                    const snapshots::Versions& versions) {
  if (targets.empty()) return {};
  using Period = std::pair<PeriodType, Instant>;
  std::map<Period, std::map<model::DeveloperId, const snapshots::DeveloperSnapshot*>> rows;
  for (const TeamTarget& t : targets) rows[{t.type, t.period.start}];
  for (const auto& [key, s] : book.developers()) {
    auto it = rows.find({key.period_type, key.period_start});
    if (it != rows.end()) it->second[key.developer] = &s;
  }
  for (const snapshots::DeveloperSnapshot& s : fresh) {
    auto it = rows.find({s.period_type, s.period.start});
    if (it != rows.end()) it->second[s.developer] = &s;
  }
  std::vector<snapshots::TeamSnapshot> out;
  for (const TeamTarget& t : targets) {
    std::vector<const snapshots::DeveloperSnapshot*> members;
    const uint32_t team = t.team.empty() ? model::kNoId : teams.Find(t.team);
    if (!t.team.empty() && team == model::kNoId) continue;
    for (const auto& [id, s] : rows[{t.type, t.period.start}]) {
      const identity::Developer* d = resolution.Find(id);
      if (d == nullptr) continue;
      const auto index = static_cast<uint32_t>(d - resolution.developers().data());
      const bool counted = t.team.empty() ? !d->is_bot
                                          : std::binary_search(teams.members(team).begin(), teams.members(team).end(), index);
      if (counted) members.push_back(s);
    }
    out.push_back(snapshots::AggregateTeam(t.team, t.type, t.period, t.profile, members, now, versions));
  }
  return out;
}

}  // namespace

snapshots::SnapshotChanges Session::RecomputeTouched(const std::vector<snapshots::TouchedSpan>& touched,
                                                     Instant now) {
  snapshots::SnapshotChanges changes;
  const snapshots::RecomputePlan plan = snapshots::PlanRecompute(snapshots_, touched);
  if (plan.empty()) return changes;
  const identity::Resolution& res = resolution();
  for (const snapshots::DeveloperKey& key : plan.developers) {
    const snapshots::DeveloperSnapshot* old = snapshots_.Find(key);
    const identity::Developer* d = res.Find(key.developer);
    if (d == nullptr) continue;  // merged into another developer: stale until generated again
    snapshots::DeveloperSnapshot s = *old;
    s.insights = metrics::ComputeInsights(MetricContextFor(s.profile),
                                          static_cast<uint32_t>(d - res.developers().data()), s.period);
    s.computed_at = now;
    s.versions = versions_;
    changes.developers.push_back(std::move(s));
  }
  std::vector<TeamTarget> targets;
  for (const snapshots::TeamKey& key : plan.teams) {
    const snapshots::TeamSnapshot& old = snapshots_.teams().at(key);
    targets.push_back({old.team, old.period_type, old.period, old.profile});
  }
  changes.teams = AggregateTeams(targets, snapshots_, changes.developers, res, teams(), now, versions_);
  return changes;
}

Result<SnapshotReport> Session::GenerateSnapshots(const SnapshotRequest& request, Instant now,
                                                  const ProgressFn& progress) {
  if (request.range.end <= request.range.start) return InvalidInput("the snapshot range is empty (from must be before to)");
  const std::vector<Window> periods = snapshots::GenerationPeriods(request.period_type, request.range);
  std::string team_name;
  uint32_t team = model::kNoId;
  if (!request.team.empty()) {
    team = teams().Find(request.team);
    if (team == model::kNoId) return NoTeam(request.team);
    team_name = teams().name(team);
  }
  const metrics::MetricContext ctx = MetricContextFor(request.profile);
  std::vector<uint32_t> developers;
  for (const std::string& ref : request.developers) {
    LOUPE_ASSIGN_OR_RETURN(uint32_t dev, FindDeveloper(ref));
    if (std::find(developers.begin(), developers.end(), dev) == developers.end()) developers.push_back(dev);
  }
  const bool full = request.developers.empty() && team == model::kNoId;
  if (request.developers.empty()) {
    developers = team != model::kNoId ? teams().members(team) : snapshots::ActiveDevelopers(ctx, request.range);
  }
  if (developers.empty()) {
    return NotFound(team != model::kNoId ? "team " + QuoteForMessage(team_name) + " has no members"
                                         : "no developer has activity between " + FormatIsoInstant(request.range.start) +
                                               " and " + FormatIsoInstant(request.range.end));
  }
  snapshots::SnapshotChanges changes;
  LOUPE_ASSIGN_OR_RETURN(changes.developers,
                         snapshots::ComputeDeveloperSnapshots(ctx, developers, request.period_type, periods, now,
                                                              versions_, progress));
  std::vector<TeamTarget> targets;
  if (team != model::kNoId || full) {
    for (const Window& p : periods) targets.push_back({team_name, request.period_type, p, request.profile});
  }
  if (full) {
    // Rows of these periods under ids that are no developer's any more (an identity merge gave
    // their activity to another id) would otherwise linger beside the new rows.
    std::set<Instant> starts;
    for (const Window& p : periods) starts.insert(p.start);
    for (const auto& [key, s] : snapshots_.developers()) {
      if (key.period_type == request.period_type && starts.count(key.period_start) > 0 &&
          resolution().Find(key.developer) == nullptr) {
        changes.removed_developers.push_back(key);
      }
    }
  }
  changes.teams = AggregateTeams(targets, snapshots_, changes.developers, resolution(), teams(), now, versions_);
  LOUPE_TRY(Store([&](storage::Database::Batch& b) { return b.WriteSnapshots(changes, progress); }));
  SnapshotReport report;
  report.developers = static_cast<int64_t>(developers.size());
  report.periods = static_cast<int64_t>(periods.size());
  report.developer_snapshots = static_cast<int64_t>(changes.developers.size());
  report.team_snapshots = static_cast<int64_t>(changes.teams.size());
  report.removed_snapshots = static_cast<int64_t>(changes.removed_developers.size());
  snapshots_.Apply(std::move(changes));
  return report;
}

Result<SnapshotReport> Session::GenerateDueSnapshots(Instant now, const ProgressFn& progress) {
  SnapshotReport total;
  const std::vector<model::InsightSettings> rows = settings_.insight_settings;
  for (const model::InsightSettings& s : rows) {
    if (!s.auto_generate_snapshots) continue;
    const Window period = LastCompletedPeriod(s.snapshot_frequency, now);
    const auto existing = snapshots_.teams().find(snapshots::MakeTeamKey(s.team, s.snapshot_frequency, period.start));
    if (existing != snapshots_.teams().end() && existing->second.versions.inputs == versions_.inputs) continue;
    SnapshotRequest request;
    request.period_type = s.snapshot_frequency;
    request.range = period;
    request.team = s.team;
    auto report = GenerateSnapshots(request, now, progress);
    if (!report.ok() && report.status().code() == StatusCode::kNotFound) continue;  // nobody to measure
    if (!report.ok()) return std::move(report).TakeStatus();
    total.developers += report->developers;
    total.periods += report->periods;
    total.developer_snapshots += report->developer_snapshots;
    total.team_snapshots += report->team_snapshots;
    total.removed_snapshots += report->removed_snapshots;
  }
  return total;
}

Result<std::vector<const snapshots::DeveloperSnapshot*>> Session::SnapshotHistory(std::string_view developer,
                                                                                  PeriodType type, size_t limit) {
  LOUPE_ASSIGN_OR_RETURN(uint32_t dev, FindDeveloper(developer));
  return snapshots_.History(resolution().developers()[dev].id, type, limit);
}

std::vector<snapshots::SeriesStatus> Session::SnapshotStatus() const {
  return snapshots::SummarizeSeries(snapshots_, versions_);
}

// ---- alerts --------------------------------------------------------------------------------

Result<int64_t> Session::AddAlertRule(alerts::Rule rule, Instant now) {
  rule.name = std::string(Trim(rule.name));
  LOUPE_TRY(alerts::ValidateRule(rule));
  if (const alerts::Rule* same = alerts_.FindRuleByName(rule.name)) {
    return Status(StatusCode::kAlreadyExists, "an alert rule named " + QuoteForMessage(same->name) + " exists already");
  }
  if (rule.scope == alerts::Scope::kTeam) {
    const uint32_t team = teams().Find(rule.scope_ref);
    if (team == model::kNoId) return NoTeam(rule.scope_ref);
    rule.scope_ref = teams().name(team);
  } else if (rule.scope == alerts::Scope::kDeveloper) {
    LOUPE_ASSIGN_OR_RETURN(uint32_t dev, FindDeveloper(rule.scope_ref));
    rule.scope_ref = DeveloperRef(dev);
  }
  rule.id = alerts_.NextRuleId();
  rule.created_at = rule.updated_at = now;
  alerts::AlertChanges changes;
  changes.rules.push_back(rule);
  LOUPE_TRY(Store([&](storage::Database::Batch& b) { return b.WriteAlerts(changes); }));
  alerts_.Apply(std::move(changes));
  return rule.id;
}

Status Session::UpdateAlertRule(int64_t id, const AlertRuleUpdate& update, Instant now) {
  const alerts::Rule* existing = alerts_.FindRule(id);
  if (existing == nullptr) return NotFound("no alert rule " + std::to_string(id));
  alerts::Rule rule = *existing;
  if (update.name) rule.name = std::string(Trim(*update.name));
  if (update.description) rule.description = *update.description;
  if (update.op) rule.op = *update.op;
  if (update.threshold) rule.threshold = *update.threshold;
  if (update.severity) rule.severity = *update.severity;
  if (update.active) rule.active = *update.active;
  LOUPE_TRY(alerts::ValidateRule(rule));
  if (const alerts::Rule* same = alerts_.FindRuleByName(rule.name); same != nullptr && same->id != id) {
    return Status(StatusCode::kAlreadyExists, "an alert rule named " + QuoteForMessage(same->name) + " exists already");
  }
  rule.updated_at = now;
  alerts::AlertChanges changes;
  changes.rules.push_back(std::move(rule));
  LOUPE_TRY(Store([&](storage::Database::Batch& b) { return b.WriteAlerts(changes); }));
  alerts_.Apply(std::move(changes));
  return Status::Ok();
}

Status Session::DeleteAlertRule(int64_t id) {
  if (alerts_.FindRule(id) == nullptr) return NotFound("no alert rule " + std::to_string(id));
  alerts::AlertChanges changes;
  changes.removed_rules.push_back(id);
  LOUPE_TRY(Store([&](storage::Database::Batch& b) { return b.WriteAlerts(changes); }));
  alerts_.Apply(std::move(changes));
  return Status::Ok();
}

Result<int> Session::SeedAlertTemplates(Instant now) {
  alerts::AlertChanges changes;
  int64_t next = alerts_.NextRuleId();
  for (alerts::Rule& rule : alerts::DefaultTemplates()) {
    if (alerts_.FindRuleByName(rule.name) != nullptr) continue;
    rule.id = next++;
    rule.created_at = rule.updated_at = now;
    changes.rules.push_back(std::move(rule));
  }
  const int added = static_cast<int>(changes.rules.size());
  if (added == 0) return 0;
  LOUPE_TRY(Store([&](storage::Database::Batch& b) { return b.WriteAlerts(changes); }));
  alerts_.Apply(std::move(changes));
  return added;
}

Result<alerts::Evaluation> Session::EvaluateAlerts(const Window& window, metrics::MetricProfile profile, Instant now) {
  if (window.end <= window.start) return InvalidInput("the evaluation window is empty (from must be before to)");
  alerts::Evaluation evaluation = alerts::Evaluate(MetricContextFor(profile), workspace_, alerts_, window, now);
  LOUPE_TRY(Store([&](storage::Database::Batch& b) { return b.WriteAlerts(evaluation.changes); }));
  alerts_.Apply(evaluation.changes);
  return evaluation;
}

Status Session::AcknowledgeAlert(int64_t id, std::string_view who, Instant now) {
  const alerts::Alert* existing = alerts_.FindAlert(id);
  if (existing == nullptr) return NotFound("no alert " + std::to_string(id));
  if (!existing->open()) return FailedPrecondition("alert " + std::to_string(id) + " is resolved already");
  alerts::AlertChanges changes;
  alerts::Alert& a = changes.alerts.emplace_back(*existing);
  a.status = alerts::AlertStatus::kAcknowledged;
  a.acknowledged_by = std::string(who);
  a.acknowledged_at = now;
  LOUPE_TRY(Store([&](storage::Database::Batch& b) { return b.WriteAlerts(changes); }));
  alerts_.Apply(std::move(changes));
  return Status::Ok();
}

Status Session::ResolveAlert(int64_t id, std::string_view who, Instant now) {
  const alerts::Alert* existing = alerts_.FindAlert(id);
  if (existing == nullptr) return NotFound("no alert " + std::to_string(id));
  if (!existing->open()) return FailedPrecondition("alert " + std::to_string(id) + " is resolved already");
  alerts::AlertChanges changes;
  alerts::Alert& a = changes.alerts.emplace_back(*existing);
  a.status = alerts::AlertStatus::kResolved;
  a.resolved_by = std::string(who);
  a.resolved_at = now;
  LOUPE_TRY(Store([&](storage::Database::Batch& b) { return b.WriteAlerts(changes); }));
  alerts_.Apply(std::move(changes));
  return Status::Ok();
}

// ---- privacy -------------------------------------------------------------------------------

Result<std::string> Session::ExportDeveloper(std::string_view developer, Instant now) {
  LOUPE_ASSIGN_OR_RETURN(uint32_t dev, FindDeveloper(developer));
  const privacy::WorkspaceView view{workspace_, resolution(), settings_, snapshots_, alerts_};
  return privacy::ExportDeveloper(view, dev, now);
}

Result<privacy::Erasure::Counts> Session::EraseDeveloper(std::string_view developer) {
  LOUPE_ASSIGN_OR_RETURN(uint32_t dev, FindDeveloper(developer));
  privacy::Erasure erasure =
      privacy::PlanErasure(privacy::WorkspaceView{workspace_, resolution(), settings_, snapshots_, alerts_}, dev);
  snapshots::Versions versions = versions_;
  ++versions.data;
  ++versions.inputs;  // team snapshots counted them
  LOUPE_TRY(Store([&](storage::Database::Batch& b) {
    LOUPE_TRY(b.Erase(erasure));
    LOUPE_TRY(b.PruneAnalyses(versions));  // cached results may name them
    return b.WriteVersions(versions);
  }));
  analyses_.clear();
  const privacy::IdentityRenumbering& renumbering = erasure.renumbering;
  workspace_ = std::move(erasure.workspace);
  settings_ = std::move(erasure.settings);
  snapshots_.Apply(std::move(erasure.snapshots));
  snapshots_.RemapDevelopers([&](model::DeveloperId id) { return renumbering.NewId(id); });
  alerts_.Apply(std::move(erasure.alerts));
  alerts_.RemapDevelopers([&](model::DeveloperId id) { return renumbering.NewId(id); });
  versions_ = versions;
  Invalidate();
  return erasure.counts;
}

}  // namespace loupe::api
