#include "loupe/api/dispatch.h"

#include <algorithm>

#include "api/dispatch_params.h"
#include "loupe/api/explain.h"
#include "loupe/api/json.h"
#include "loupe/api/window.h"
#include "loupe/core/json_writer.h"
#include "loupe/core/strings.h"
#include "loupe/metrics/rollups/developer_comparison.h"
#include "loupe/snapshots/metric_fields.h"

namespace loupe::api {
namespace {

// What most mutations return.
std::string Empty() { return "{}"; }

std::string Done(JsonWriter& w) { return w.Take(); }

// A result that is one object of integer fields.
std::string CountJson(std::string_view key, int64_t value) {
  JsonWriter w(true);
  w.BeginObject().Field(key, value).EndObject();
  return w.Take();
}

// Re-labels an operation's InvalidInput so the message names the method (other codes keep theirs).
Status Named(const Params& p, Status status) {
  if (status.ok() || status.code() != StatusCode::kInvalidInput) return status;
  return p.Error(status.message());
}

// ---- shared params ------------------------------------------------------------------------------

constexpr std::string_view kFrom = "from", kTo = "to", kPeriod = "period", kProfile = "profile";

Result<InsightsScope> ReadInsightsScope(Session& session, const Params& p, const CallContext& context) {
  LOUPE_ASSIGN_OR_RETURN(auto profile_name, p.OptString(kProfile));
  auto profile = ProfileOrDefault(profile_name);
  if (!profile.ok()) return p.Error(kProfile, profile.status().message());
  WindowOptions options;
  LOUPE_ASSIGN_OR_RETURN(options.from, p.OptString(kFrom));
  LOUPE_ASSIGN_OR_RETURN(options.to, p.OptString(kTo));
  LOUPE_ASSIGN_OR_RETURN(options.period, p.OptString(kPeriod));
  auto window = ResolveWindow(options, WindowPolicy::kInsights, context.now, InsightsZone(session, *profile));
  if (!window.ok()) return p.Error(window.status().message());
  return InsightsScope{window->window, window->period_type, *profile};
}

Result<PeriodType> ReadPeriod(const Params& p, PeriodType fallback) {
  LOUPE_ASSIGN_OR_RETURN(auto name, p.OptString(kPeriod));
  if (!name) return fallback;
  auto type = ParsePeriodType(*name);
  if (!type.ok()) return p.Error(kPeriod, type.status().message());
  return *type;
}

// ---- workspace, developers, identities ----------------------------------------------------------

Result<std::string> WorkspaceDescribe(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({}));
  JsonWriter w(true);
  WriteWorkspaceDescription(w, s);
  return Done(w);
}

Result<std::string> WorkspaceExportBundle(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({}));
  return s.ExportBundle();
}

Result<std::string> DevelopersList(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"bots", "limit"}));
  LOUPE_ASSIGN_OR_RETURN(bool bots, p.Bool("bots", false));
  LOUPE_ASSIGN_OR_RETURN(auto limit, p.OptInt("limit", 1));
  JsonWriter w(true);
  WriteDevelopersJson(w, s, ListDevelopers(s, bots, limit.value_or(-1)));
  return Done(w);
}

Result<std::string> IdentitiesList(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"bots"}));
  LOUPE_ASSIGN_OR_RETURN(bool bots, p.Bool("bots", false));
  JsonWriter w(true);
  WriteIdentitiesJson(w, s, bots);
  return Done(w);
}

Result<std::string> IdentitiesMerge(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"a", "b"}));
  LOUPE_ASSIGN_OR_RETURN(std::string a, p.String("a"));
  LOUPE_ASSIGN_OR_RETURN(std::string b, p.String("b"));
  LOUPE_TRY(s.MergeIdentities(a, b));
  return Empty();
}

Result<std::string> IdentitiesSplit(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"identity"}));
  LOUPE_ASSIGN_OR_RETURN(std::string identity, p.String("identity"));
  LOUPE_TRY(s.SplitIdentity(identity));
  return Empty();
}

Result<std::string> IdentitiesSuggest(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"minConfidence"}));
  LOUPE_ASSIGN_OR_RETURN(auto min, p.OptNumber("minConfidence"));
  if (min && (*min < 0 || *min > 1)) return p.Error("minConfidence", "must be between 0 and 1");
  JsonWriter w(true);
  WriteSuggestionsJson(w, s, ListSuggestions(s, min.value_or(0)));
  return Done(w);
}

Result<std::string> IdentitiesImportMailmap(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"text", "source"}));
  LOUPE_ASSIGN_OR_RETURN(std::string text, p.String("text"));
  LOUPE_ASSIGN_OR_RETURN(auto source, p.OptString("source"));
  LOUPE_ASSIGN_OR_RETURN(int added, s.ImportMailmap(text, source.value_or(".mailmap")));
  return CountJson("added", added);
}

Result<std::string> IdentitiesExportMailmap(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({}));
  JsonWriter w(true);
  w.BeginObject().Field("text", s.ExportMailmap()).EndObject();
  return Done(w);
}

Result<std::string> IdentitiesBotRules(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({}));
  JsonWriter w(true);
  WriteBotRulesJson(w, s);
  return Done(w);
}

Result<std::string> IdentitiesAddBotRule(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"pattern", "human", "note"}));
  model::BotRule rule;
  LOUPE_ASSIGN_OR_RETURN(rule.pattern, p.String("pattern"));
  LOUPE_ASSIGN_OR_RETURN(bool human, p.Bool("human", false));
  rule.is_bot = !human;
  LOUPE_ASSIGN_OR_RETURN(auto note, p.OptString("note"));
  rule.note = note.value_or("");
  LOUPE_TRY(s.AddBotRule(std::move(rule)));
  return Empty();
}

Result<std::string> IdentitiesRemoveBotRule(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"pattern"}));
  LOUPE_ASSIGN_OR_RETURN(std::string pattern, p.String("pattern"));
  LOUPE_TRY(s.RemoveBotRule(pattern));
  return Empty();
}

// ---- teams --------------------------------------------------------------------------------------

Result<std::string> TeamsList(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({}));
  JsonWriter w(true);
  WriteTeamsJson(w, s);
  return Done(w);
}

Result<std::string> TeamsCreate(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"name"}));
  LOUPE_ASSIGN_OR_RETURN(std::string name, p.String("name"));
  LOUPE_TRY(s.CreateTeam(name));
  return Empty();
}

Result<std::string> TeamsDelete(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"name"}));
  LOUPE_ASSIGN_OR_RETURN(std::string name, p.String("name"));
  LOUPE_TRY(s.DeleteTeam(name));
  return Empty();
}

Result<std::string> TeamsAddMembers(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"team", "developers", "role"}));
  LOUPE_ASSIGN_OR_RETURN(std::string team, p.String("team"));
  LOUPE_ASSIGN_OR_RETURN(std::vector<std::string> developers, p.Strings("developers"));
  LOUPE_ASSIGN_OR_RETURN(auto role_name, p.OptString("role"));
  model::TeamRole role = model::TeamRole::kMember;
  if (role_name && *role_name == "lead") {
    role = model::TeamRole::kLead;
  } else if (role_name && *role_name != "member") {
    return p.Error("role", "must be \"member\" or \"lead\", got " + QuoteForMessage(*role_name));
  }
  LOUPE_TRY(s.AddTeamMembers(team, developers, role));
  return Empty();
}

Result<std::string> TeamsRemoveMember(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"team", "developer"}));
  LOUPE_ASSIGN_OR_RETURN(std::string team, p.String("team"));
  LOUPE_ASSIGN_OR_RETURN(std::string developer, p.String("developer"));
  LOUPE_TRY(s.RemoveTeamMember(team, developer));
  return Empty();
}

// ---- insights -----------------------------------------------------------------------------------

Result<std::string> InsightsDeveloper(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({"developer", "from", "to", "period", "profile", "comparePrevious", "health", "percentile",
                     "gamingFlags", "forecast"}));
  LOUPE_ASSIGN_OR_RETURN(std::string developer, p.String("developer"));
  DeveloperInsightsOptions options;
  LOUPE_ASSIGN_OR_RETURN(options.compare_previous, p.Bool("comparePrevious", false));
  LOUPE_ASSIGN_OR_RETURN(options.health, p.Bool("health", false));
  LOUPE_ASSIGN_OR_RETURN(options.percentile, p.Bool("percentile", false));
  LOUPE_ASSIGN_OR_RETURN(options.gaming_flags, p.Bool("gamingFlags", false));
  LOUPE_ASSIGN_OR_RETURN(options.forecast, p.Bool("forecast", false));
  LOUPE_ASSIGN_OR_RETURN(InsightsScope scope, ReadInsightsScope(s, p, c));
  LOUPE_ASSIGN_OR_RETURN(DeveloperInsights insights, ComputeDeveloperInsights(s, developer, scope, options));
  JsonWriter w(true);
  WriteJson(w, s, insights, c.now);
  return Done(w);
}

Result<std::string> InsightsTeam(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({"team", "includeInactive", "roleWeighted", "from", "to", "period", "profile"}));
  LOUPE_ASSIGN_OR_RETURN(auto team, p.OptString("team"));
  LOUPE_ASSIGN_OR_RETURN(bool include_inactive, p.Bool("includeInactive", false));
  LOUPE_ASSIGN_OR_RETURN(bool role_weighted, p.Bool("roleWeighted", false));
  LOUPE_ASSIGN_OR_RETURN(InsightsScope scope, ReadInsightsScope(s, p, c));
  LOUPE_ASSIGN_OR_RETURN(auto insights, ComputeTeamInsights(s, team.value_or(""), scope, include_inactive, role_weighted));
  JsonWriter w(true);
  metrics::WriteJson(w, insights, s.resolution(), scope.profile, c.now);
  return Done(w);
}

Result<std::string> InsightsWorkspace(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({"from", "to", "period", "profile"}));
  LOUPE_ASSIGN_OR_RETURN(InsightsScope scope, ReadInsightsScope(s, p, c));
  const metrics::WorkspaceHealth health = ComputeWorkspaceHealth(s, scope);
  JsonWriter w(true);
  metrics::WriteJson(w, health, s.resolution(), scope.profile);
  return Done(w);
}

Result<std::string> InsightsCompare(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({"developers", "from", "to", "period", "profile"}));
  LOUPE_ASSIGN_OR_RETURN(std::vector<std::string> developers, p.Strings("developers"));
  LOUPE_ASSIGN_OR_RETURN(InsightsScope scope, ReadInsightsScope(s, p, c));
  auto reports = CompareDevelopers(s, developers, scope);
  if (!reports.ok()) return Named(p, reports.status());
  JsonWriter w(true);
  metrics::WriteJson(w, *reports, s.resolution(), scope.profile);
  return Done(w);
}

Result<std::string> InsightsLeaderboard(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({"metric", "limit", "team", "from", "to", "period", "profile"}));
  LOUPE_ASSIGN_OR_RETURN(std::string metric, p.String("metric"));
  LOUPE_ASSIGN_OR_RETURN(auto limit, p.OptInt("limit"));
  LOUPE_ASSIGN_OR_RETURN(auto team, p.OptString("team"));
  LOUPE_ASSIGN_OR_RETURN(InsightsScope scope, ReadInsightsScope(s, p, c));
  auto board = ComputeLeaderboard(s, metric, limit.value_or(metrics::kDefaultLeaderboardLimit), team.value_or(""), scope);
  if (!board.ok()) return Named(p, board.status());
  JsonWriter w(true);
  metrics::WriteJson(w, *board, s.resolution());
  return Done(w);
}

Result<std::string> InsightsExplain(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({"metric", "developer", "team", "from", "to", "period", "profile"}));
  ExplainRequest request;
  LOUPE_ASSIGN_OR_RETURN(request.metric, p.String("metric"));
  if (metrics::FindCatalogEntry(Trim(request.metric)) == nullptr) {
    return p.Error("metric", "names no metric: " + UnknownMetricMessage(Trim(request.metric)));
  }
  LOUPE_ASSIGN_OR_RETURN(auto developer, p.OptString("developer"));
  LOUPE_ASSIGN_OR_RETURN(auto team, p.OptString("team"));
  request.developer = developer.value_or("");
  request.team = team.value_or("");
  LOUPE_ASSIGN_OR_RETURN(InsightsScope scope, ReadInsightsScope(s, p, c));
  auto explanation = ExplainMetric(s, request, scope);
  if (!explanation.ok()) return Named(p, explanation.status());
  JsonWriter w(true);
  WriteJson(w, s, *explanation);
  return Done(w);
}

Result<std::string> InsightsCatalog(Session&, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"profile"}));
  LOUPE_ASSIGN_OR_RETURN(auto profile_name, p.OptString(kProfile));
  auto profile = ProfileOrDefault(profile_name);
  if (!profile.ok()) return p.Error(kProfile, profile.status().message());
  JsonWriter w(true);
  WriteCatalogJson(w, *profile);
  return Done(w);
}

// ---- snapshots ----------------------------------------------------------------------------------

Result<std::string> SnapshotsGenerate(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({"period", "from", "to", "developers", "team", "profile"}));
  SnapshotRequest request;
  LOUPE_ASSIGN_OR_RETURN(auto profile_name, p.OptString(kProfile));
  auto profile = ProfileOrDefault(profile_name);
  if (!profile.ok()) return p.Error(kProfile, profile.status().message());
  request.profile = *profile;
  LOUPE_ASSIGN_OR_RETURN(auto team, p.OptString("team"));
  request.team = team.value_or("");
  LOUPE_ASSIGN_OR_RETURN(auto developers, p.OptStrings("developers"));
  for (const std::string& d : developers.value_or(std::vector<std::string>{})) {
    if (!Trim(d).empty()) request.developers.emplace_back(Trim(d));
  }
  WindowOptions options;
  LOUPE_ASSIGN_OR_RETURN(options.from, p.OptString(kFrom));
  LOUPE_ASSIGN_OR_RETURN(options.to, p.OptString(kTo));
  LOUPE_ASSIGN_OR_RETURN(options.period, p.OptString(kPeriod));
  auto window = ResolveWindow(options, WindowPolicy::kSnapshots, c.now);
  if (!window.ok()) return p.Error(window.status().message());
  request.period_type = window->period_type;
  request.range = window->window;
  LOUPE_ASSIGN_OR_RETURN(SnapshotReport report, s.GenerateSnapshots(request, c.now, c.progress));
  JsonWriter w(true);
  WriteJson(w, report);
  return Done(w);
}

Result<std::string> SnapshotsGenerateDue(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({}));
  LOUPE_ASSIGN_OR_RETURN(SnapshotReport report, s.GenerateDueSnapshots(c.now, c.progress));
  JsonWriter w(true);
  WriteJson(w, report);
  return Done(w);
}

Result<std::string> SnapshotsHistory(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"developer", "period", "limit"}));
  LOUPE_ASSIGN_OR_RETURN(std::string developer, p.String("developer"));
  LOUPE_ASSIGN_OR_RETURN(PeriodType period, ReadPeriod(p, PeriodType::kWeekly));
  LOUPE_ASSIGN_OR_RETURN(auto limit, p.OptInt("limit", 1));
  JsonWriter w(true);
  LOUPE_TRY(WriteSnapshotHistoryJson(w, s, developer, period, static_cast<size_t>(limit.value_or(12))));
  return Done(w);
}

Result<std::string> SnapshotsStatus(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({}));
  JsonWriter w(true);
  WriteSnapshotStatusJson(w, s);
  return Done(w);
}

// ---- settings and schedules ---------------------------------------------------------------------

Result<std::vector<CivilDate>> ReadDates(const Params& p, std::string_view name) {
  LOUPE_ASSIGN_OR_RETURN(auto texts, p.OptStrings(name));
  std::vector<CivilDate> out;
  for (const std::string& t : texts.value_or(std::vector<std::string>{})) {
    auto d = ParseIsoDate(t);
    if (!d.ok()) return p.Error(name, "must hold dates YYYY-MM-DD: " + d.status().message());
    if (std::find(out.begin(), out.end(), *d) == out.end()) out.push_back(*d);
  }
  return out;
}

// Applies the members of a working-hours object to `hours`.
Status ReadHours(const Params& p, dom::object object, std::string_view param, model::WorkingHours& hours) {
  LOUPE_TRY(p.AllowMembers(object, param, {"timezone", "startHour", "endHour", "lateNightStartHour", "lateNightEndHour"}));
  LOUPE_ASSIGN_OR_RETURN(auto zone, p.MemberString(object, param, "timezone"));
  if (zone) hours.timezone = *zone;
  const std::pair<std::string_view, int*> fields[] = {{"startHour", &hours.start_hour},
                                                     {"endHour", &hours.end_hour},
                                                     {"lateNightStartHour", &hours.late_night_start_hour},
                                                     {"lateNightEndHour", &hours.late_night_end_hour}};
  for (const auto& [name, field] : fields) {
    LOUPE_ASSIGN_OR_RETURN(auto hour, p.MemberInt(object, param, name, 0, 23));
    if (hour) *field = static_cast<int>(*hour);
  }
  return Status::Ok();
}

Result<std::string> SettingsGet(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"team"}));
  LOUPE_ASSIGN_OR_RETURN(auto team, p.OptString("team"));
  JsonWriter w(true);
  LOUPE_TRY(WriteSettingsJson(w, s, team.value_or("")));
  return Done(w);
}

Result<std::string> SettingsSet(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"team", "workingHours", "healthWeights", "bottleneckMultiplier", "autoSnapshots",
                     "snapshotFrequency", "holidays"}));
  LOUPE_ASSIGN_OR_RETURN(auto team, p.OptString("team"));
  LOUPE_ASSIGN_OR_RETURN(model::InsightSettings settings, s.InsightSettingsOf(team.value_or("")));
  if (p.IsNull("workingHours")) {
    settings.working_hours.reset();
  } else if (auto hours = p.Get("workingHours")) {
    dom::object object;
    if (hours->get_object().get(object)) {
      return p.Error("workingHours", "must be an object or null, got " + std::string(JsonTypeName(*hours)));
    }
    model::WorkingHours next = settings.working_hours.value_or(model::WorkingHours{});
    LOUPE_TRY(ReadHours(p, object, "workingHours", next));
    settings.working_hours = next;
  }
  if (p.IsNull("healthWeights")) {
    settings.health_weights.reset();
  } else if (auto weights = p.Get("healthWeights")) {
    dom::object object;
    if (weights->get_object().get(object)) {
      return p.Error("healthWeights", "must be an object or null, got " + std::string(JsonTypeName(*weights)));
    }
    LOUPE_TRY(p.AllowMembers(object, "healthWeights",
                             {"velocity", "efficiency", "quality", "sustainability", "collaboration"}));
    model::HealthWeights next = settings.health_weights.value_or(model::HealthWeights{});
    const std::pair<std::string_view, double*> fields[] = {{"velocity", &next.velocity},
                                                           {"efficiency", &next.efficiency},
                                                           {"quality", &next.quality},
                                                           {"sustainability", &next.sustainability},
                                                           {"collaboration", &next.collaboration}};
    for (const auto& [name, field] : fields) {
      LOUPE_ASSIGN_OR_RETURN(auto value, p.MemberNumber(object, "healthWeights", name));
      if (value) *field = *value;
    }
    settings.health_weights = next;
  }
  LOUPE_ASSIGN_OR_RETURN(auto multiplier, p.OptNumber("bottleneckMultiplier"));
  if (multiplier) settings.bottleneck_multiplier = *multiplier;
  if (p.Get("autoSnapshots")) {
    LOUPE_ASSIGN_OR_RETURN(settings.auto_generate_snapshots, p.Bool("autoSnapshots", false));
  }
  LOUPE_ASSIGN_OR_RETURN(auto frequency, p.OptString("snapshotFrequency"));
  if (frequency) {
    auto type = ParsePeriodType(*frequency);
    if (!type.ok()) return p.Error("snapshotFrequency", type.status().message());
    settings.snapshot_frequency = *type;
  }
  if (p.Get("holidays")) {
    LOUPE_ASSIGN_OR_RETURN(settings.holidays, ReadDates(p, "holidays"));
  }
  LOUPE_TRY(s.SetInsightSettings(std::move(settings)));
  return Empty();
}

Result<std::string> SchedulesList(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({}));
  JsonWriter w(true);
  WriteSchedulesJson(w, s);
  return Done(w);
}

Result<std::string> SchedulesGet(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"developer"}));
  LOUPE_ASSIGN_OR_RETURN(std::string developer, p.String("developer"));
  JsonWriter w(true);
  LOUPE_TRY(WriteScheduleJson(w, s, developer));
  return Done(w);
}

constexpr std::string_view kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

Result<model::WeekdayMask> ReadDays(const Params& p, dom::element value) {
  dom::array array;
  if (value.get_array().get(array)) {
    return p.Error("workingDays", "must be an array of days, got " + std::string(JsonTypeName(value)));
  }
  model::WeekdayMask mask = 0;
  for (dom::element item : array) {
    int day = -1;
    std::string_view name;
    int64_t index = 0;
    if (!item.get_string().get(name)) {
      for (int d = 0; d < 7; ++d) {
        if (EqualsIgnoreCaseAscii(kDays[d], name)) day = d;
      }
    } else if (!item.get_int64().get(index) && index >= 0 && index <= 6) {
      day = static_cast<int>(index);
    }
    if (day < 0) return p.Error("workingDays", "takes mon … sun or 0 (Monday) … 6 (Sunday)");
    mask |= static_cast<model::WeekdayMask>(1 << day);
  }
  return mask;
}

Result<std::string> SchedulesSet(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"developer", "timezone", "startHour", "endHour", "lateNightStartHour", "lateNightEndHour",
                     "workingDays", "role", "holidays"}));
  LOUPE_ASSIGN_OR_RETURN(std::string developer, p.String("developer"));
  LOUPE_ASSIGN_OR_RETURN(auto current, s.ScheduleOf(developer));
  model::WorkingSchedule schedule = current.value_or(model::WorkingSchedule{});
  LOUPE_ASSIGN_OR_RETURN(auto zone, p.OptString("timezone"));
  if (zone) schedule.hours.timezone = *zone;
  const std::pair<std::string_view, int*> fields[] = {{"startHour", &schedule.hours.start_hour},
                                                     {"endHour", &schedule.hours.end_hour},
                                                     {"lateNightStartHour", &schedule.hours.late_night_start_hour},
                                                     {"lateNightEndHour", &schedule.hours.late_night_end_hour}};
  for (const auto& [name, field] : fields) {
    LOUPE_ASSIGN_OR_RETURN(auto hour, p.OptInt(name, 0, 23));
    if (hour) *field = static_cast<int>(*hour);
  }
  if (auto days = p.Get("workingDays")) {
    LOUPE_ASSIGN_OR_RETURN(schedule.working_days, ReadDays(p, *days));
  }
  LOUPE_ASSIGN_OR_RETURN(auto role, p.OptString("role"));
  if (role) schedule.role = *role;
  if (p.Get("holidays")) {
    LOUPE_ASSIGN_OR_RETURN(schedule.holidays, ReadDates(p, "holidays"));
  }
  LOUPE_TRY(s.SetSchedule(developer, std::move(schedule)));
  return Empty();
}

Result<std::string> SchedulesRemove(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"developer"}));
  LOUPE_ASSIGN_OR_RETURN(std::string developer, p.String("developer"));
  LOUPE_TRY(s.RemoveSchedule(developer));
  return Empty();
}

// ---- alerts -------------------------------------------------------------------------------------

Result<std::string> AlertsRules(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"all"}));
  LOUPE_ASSIGN_OR_RETURN(bool all, p.Bool("all", false));
  JsonWriter w(true);
  WriteAlertRulesJson(w, s, all);
  return Done(w);
}

// Parses an enum param with the engine's own parser (its message lists the accepted names).
template <typename T>
Result<std::optional<T>> ReadEnum(const Params& p, std::string_view name, Result<T> (*parse)(std::string_view)) {
  LOUPE_ASSIGN_OR_RETURN(auto text, p.OptString(name));
  if (!text) return std::optional<T>();
  auto value = parse(*text);
  if (!value.ok()) return p.Error(name, value.status().message());
  return std::optional<T>(*value);
}

Result<std::string> AlertsAddRule(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({"name", "category", "metric", "operator", "threshold", "scope", "scopeId", "severity",
                     "description", "active"}));
  alerts::Rule rule;
  LOUPE_ASSIGN_OR_RETURN(rule.name, p.String("name"));
  LOUPE_ASSIGN_OR_RETURN(auto category, ReadEnum<snapshots::Category>(p, "category", &snapshots::ParseCategory));
  if (!category) return p.Error("category", "is required");
  rule.category = *category;
  LOUPE_ASSIGN_OR_RETURN(rule.metric, p.String("metric"));
  LOUPE_ASSIGN_OR_RETURN(auto op, ReadEnum<alerts::Operator>(p, "operator", &alerts::ParseOperator));
  if (!op) return p.Error("operator", "is required");
  rule.op = *op;
  LOUPE_ASSIGN_OR_RETURN(auto threshold, p.OptNumber("threshold"));
  if (!threshold) return p.Error("threshold", "is required");
  rule.threshold = *threshold;
  LOUPE_ASSIGN_OR_RETURN(auto scope, ReadEnum<alerts::Scope>(p, "scope", &alerts::ParseScope));
  rule.scope = scope.value_or(alerts::Scope::kWorkspace);
  LOUPE_ASSIGN_OR_RETURN(auto scope_id, p.OptString("scopeId"));
  rule.scope_ref = scope_id.value_or("");
  LOUPE_ASSIGN_OR_RETURN(auto severity, ReadEnum<alerts::Severity>(p, "severity", &alerts::ParseSeverity));
  rule.severity = severity.value_or(alerts::Severity::kWarning);
  LOUPE_ASSIGN_OR_RETURN(auto description, p.OptString("description"));
  rule.description = description.value_or("");
  LOUPE_ASSIGN_OR_RETURN(rule.active, p.Bool("active", true));
  LOUPE_ASSIGN_OR_RETURN(int64_t id, s.AddAlertRule(std::move(rule), c.now));
  return CountJson("id", id);
}

Result<std::string> AlertsUpdateRule(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({"id", "name", "description", "operator", "threshold", "severity", "active"}));
  LOUPE_ASSIGN_OR_RETURN(int64_t id, p.Int("id", 1));
  AlertRuleUpdate update;
  LOUPE_ASSIGN_OR_RETURN(update.name, p.OptString("name"));
  LOUPE_ASSIGN_OR_RETURN(update.description, p.OptString("description"));
  LOUPE_ASSIGN_OR_RETURN(update.op, ReadEnum<alerts::Operator>(p, "operator", &alerts::ParseOperator));
  LOUPE_ASSIGN_OR_RETURN(update.threshold, p.OptNumber("threshold"));
  LOUPE_ASSIGN_OR_RETURN(update.severity, ReadEnum<alerts::Severity>(p, "severity", &alerts::ParseSeverity));
  if (p.Get("active")) {
    LOUPE_ASSIGN_OR_RETURN(bool active, p.Bool("active", true));
    update.active = active;
  }
  LOUPE_TRY(s.UpdateAlertRule(id, update, c.now));
  return Empty();
}

Result<std::string> AlertsDeleteRule(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"id"}));
  LOUPE_ASSIGN_OR_RETURN(int64_t id, p.Int("id", 1));
  LOUPE_TRY(s.DeleteAlertRule(id));
  return Empty();
}

Result<std::string> AlertsSeedTemplates(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({}));
  LOUPE_ASSIGN_OR_RETURN(int added, s.SeedAlertTemplates(c.now));
  return CountJson("added", added);
}

Result<std::string> AlertsEvaluate(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({"from", "to", "period", "profile"}));
  LOUPE_ASSIGN_OR_RETURN(auto profile_name, p.OptString(kProfile));
  auto profile = ProfileOrDefault(profile_name);
  if (!profile.ok()) return p.Error(kProfile, profile.status().message());
  WindowOptions options;
  LOUPE_ASSIGN_OR_RETURN(options.from, p.OptString(kFrom));
  LOUPE_ASSIGN_OR_RETURN(options.to, p.OptString(kTo));
  LOUPE_ASSIGN_OR_RETURN(options.period, p.OptString(kPeriod));
  auto window = ResolveWindow(options, WindowPolicy::kAlerts, c.now);
  if (!window.ok()) return p.Error(window.status().message());
  LOUPE_ASSIGN_OR_RETURN(alerts::Evaluation evaluation, s.EvaluateAlerts(window->window, *profile, c.now));
  JsonWriter w(true);
  WriteJson(w, window->window, evaluation);
  return Done(w);
}

Result<std::string> AlertsList(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"status", "limit"}));
  LOUPE_ASSIGN_OR_RETURN(auto status, p.OptString("status"));
  LOUPE_ASSIGN_OR_RETURN(auto limit, p.OptInt("limit", 1));
  JsonWriter w(true);
  Status written = WriteAlertsJson(w, s, status.value_or(""), limit.value_or(50));
  if (!written.ok()) return p.Error("status", written.message());
  return Done(w);
}

Result<std::string> AlertsAcknowledge(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({"id", "by"}));
  LOUPE_ASSIGN_OR_RETURN(int64_t id, p.Int("id", 1));
  LOUPE_ASSIGN_OR_RETURN(auto by, p.OptString("by"));
  LOUPE_TRY(s.AcknowledgeAlert(id, by.value_or(""), c.now));
  return Empty();
}

Result<std::string> AlertsResolve(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({"id", "by"}));
  LOUPE_ASSIGN_OR_RETURN(int64_t id, p.Int("id", 1));
  LOUPE_ASSIGN_OR_RETURN(auto by, p.OptString("by"));
  LOUPE_TRY(s.ResolveAlert(id, by.value_or(""), c.now));
  return Empty();
}

// ---- privacy and sync ---------------------------------------------------------------------------

Result<std::string> PrivacyExport(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({"developer"}));
  LOUPE_ASSIGN_OR_RETURN(std::string developer, p.String("developer"));
  return s.ExportDeveloper(developer, c.now);
}

Result<std::string> PrivacyErase(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"developer"}));
  LOUPE_ASSIGN_OR_RETURN(std::string developer, p.String("developer"));
  LOUPE_ASSIGN_OR_RETURN(privacy::Erasure::Counts counts, s.EraseDeveloper(developer));
  JsonWriter w(true);
  WriteJson(w, counts);
  return Done(w);
}

Result<std::string> SyncGetState(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"key"}));
  LOUPE_ASSIGN_OR_RETURN(std::string key, p.String("key"));
  const std::optional<std::string> value = s.GetSyncState(key);
  // The stored value is JSON already: it is embedded as it is.
  std::string out = "{\"key\":";
  AppendJsonString(out, key);
  out += ",\"value\":" + value.value_or("null") + "}";
  return out;
}

Result<std::string> SyncPutState(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({"key", "value"}));
  LOUPE_ASSIGN_OR_RETURN(std::string key, p.String("key"));
  auto value = p.Get("value", /*keep_null=*/true);
  if (!value) return p.Error("value", "is required (null removes the key)");
  LOUPE_TRY(Named(p, s.PutSyncState(key, simdjson::minify(*value), c.now)));
  return Empty();
}

constexpr Method kMethods[] = {
    {"workspace.describe", &WorkspaceDescribe},
    {"workspace.exportBundle", &WorkspaceExportBundle},
    {"developers.list", &DevelopersList},
    {"identities.list", &IdentitiesList},
    {"identities.merge", &IdentitiesMerge},
    {"identities.split", &IdentitiesSplit},
    {"identities.suggest", &IdentitiesSuggest},
    {"identities.importMailmap", &IdentitiesImportMailmap},
    {"identities.exportMailmap", &IdentitiesExportMailmap},
    {"identities.botRules", &IdentitiesBotRules},
    {"identities.addBotRule", &IdentitiesAddBotRule},
    {"identities.removeBotRule", &IdentitiesRemoveBotRule},
    {"teams.list", &TeamsList},
    {"teams.create", &TeamsCreate},
    {"teams.delete", &TeamsDelete},
    {"teams.addMembers", &TeamsAddMembers},
    {"teams.removeMember", &TeamsRemoveMember},
    {"insights.developer", &InsightsDeveloper},
    {"insights.team", &InsightsTeam},
    {"insights.workspace", &InsightsWorkspace},
    {"insights.compare", &InsightsCompare},
    {"insights.leaderboard", &InsightsLeaderboard},
    {"insights.explain", &InsightsExplain},
    {"insights.catalog", &InsightsCatalog},
    {"snapshots.generate", &SnapshotsGenerate},
    {"snapshots.generateDue", &SnapshotsGenerateDue},
    {"snapshots.history", &SnapshotsHistory},
    {"snapshots.status", &SnapshotsStatus},
    {"settings.get", &SettingsGet},
    {"settings.set", &SettingsSet},
    {"schedules.list", &SchedulesList},
    {"schedules.get", &SchedulesGet},
    {"schedules.set", &SchedulesSet},
    {"schedules.remove", &SchedulesRemove},
    {"alerts.rules", &AlertsRules},
    {"alerts.addRule", &AlertsAddRule},
    {"alerts.updateRule", &AlertsUpdateRule},
    {"alerts.deleteRule", &AlertsDeleteRule},
    {"alerts.seedTemplates", &AlertsSeedTemplates},
    {"alerts.evaluate", &AlertsEvaluate},
    {"alerts.list", &AlertsList},
    {"alerts.acknowledge", &AlertsAcknowledge},
    {"alerts.resolve", &AlertsResolve},
    {"privacy.export", &PrivacyExport},
    {"privacy.erase", &PrivacyErase},
    {"sync.getState", &SyncGetState},
    {"sync.putState", &SyncPutState},
};

}  // namespace

Result<std::string> Dispatch(Session& session, std::string_view method, std::string_view params_json,
                             const CallContext& context) {
  for (std::span<const Method> table : {std::span<const Method>(kMethods), IntelligenceMethods(), DashboardMethods()}) {
    for (const Method& m : table) {
      if (m.name != method) continue;
      LOUPE_ASSIGN_OR_RETURN(Params params, Params::Parse(method, params_json));
      return m.run(session, params, context);
    }
  }
  return InvalidInput("unknown method " + QuoteForMessage(method) + " (see docs/api.md)");
}

std::vector<std::string_view> DispatchMethods() {
  std::vector<std::string_view> out;
  for (const Method& m : kMethods) out.push_back(m.name);
  for (const Method& m : IntelligenceMethods()) out.push_back(m.name);
  for (const Method& m : DashboardMethods()) out.push_back(m.name);
  return out;
}

}  // namespace loupe::api
