// The intelligence.* and analytics.* Dispatch methods (docs/api.md, "intelligence", "analytics"):
// the seven analyzers for a developer, a team, a list of developers or the workspace, cached
// (api/analysis.h), plus analyze-all, one-off classifications and the analyzers' settings; and the
// analytics dashboard's heatmaps, trends, workload and network.
#include <algorithm>

#include "api/analysis.h"
#include "api/dispatch_params.h"
#include "loupe/api/json.h"
#include "loupe/api/window.h"
#include "loupe/core/strings.h"
#include "loupe/intelligence/analytics.h"
#include "loupe/intelligence/collaboration_network.h"
#include "loupe/intelligence/commit_analyzer.h"
#include "loupe/intelligence/complexity.h"

namespace loupe::api {
namespace {

constexpr std::string_view kDeveloper = "developer", kTeam = "team", kDevelopers = "developers", kDays = "days",
                           kFrom = "from", kTo = "to", kProfile = "profile";

Result<metrics::MetricProfile> ReadProfile(const Params& p) {
  LOUPE_ASSIGN_OR_RETURN(auto name, p.OptString(kProfile));
  auto profile = ProfileOrDefault(name);
  if (!profile.ok()) return p.Error(kProfile, profile.status().message());
  return *profile;
}

// developer | team | developers (at most one of them); none: the workspace.
Result<Subject> ReadSubject(Session& s, const Params& p, metrics::MetricProfile profile) {
  LOUPE_ASSIGN_OR_RETURN(auto developer, p.OptString(kDeveloper));
  LOUPE_ASSIGN_OR_RETURN(auto team, p.OptString(kTeam));
  LOUPE_ASSIGN_OR_RETURN(auto developers, p.OptStrings(kDevelopers));
  if (int(developer.has_value()) + int(team.has_value()) + int(developers.has_value()) > 1) {
    return p.Error("give at most one of developer, team and developers");
  }
  Subject subject;
  const identity::Resolution& resolution = s.resolution();
  if (developer) {
    auto found = resolution.Lookup(s.workspace(), *developer);
    if (!found.ok()) return found.status();
    subject.kind = Subject::Kind::kDeveloper;
    subject.developers = {*found};
  } else if (team) {
    auto found = FindTeam(s.MetricContextFor(profile), *team);
    if (!found.ok()) return found.status();
    subject.kind = Subject::Kind::kTeam;
    subject.team = *found;
  } else if (developers) {
    subject.kind = Subject::Kind::kDevelopers;
    for (const std::string& ref : developers.value_or(std::vector<std::string>{})) {
      auto found = resolution.Lookup(s.workspace(), ref);
      if (!found.ok()) return found.status();
      subject.developers.push_back(*found);
    }
    std::sort(subject.developers.begin(), subject.developers.end());
    subject.developers.erase(std::unique(subject.developers.begin(), subject.developers.end()),
                             subject.developers.end());
    if (subject.developers.empty()) return p.Error(kDevelopers, "must name at least one developer");
  }
  return subject;
}

// from + to, or days (the analysis' range), or the analysis' default window.
Result<Window> ReadWindow(const Params& p, const DaysRange& range, Instant now) {
  LOUPE_ASSIGN_OR_RETURN(auto from, p.OptString(kFrom));
  LOUPE_ASSIGN_OR_RETURN(auto to, p.OptString(kTo));
  LOUPE_ASSIGN_OR_RETURN(auto days, p.OptInt(kDays));
  if (from.has_value() != to.has_value()) return p.Error("from and to go together");
  if (from && days) return p.Error("give either days or from and to");
  if (from) {
    auto start = ParseWhen(*from, false);
    if (!start.ok()) return p.Error(kFrom, start.status().message());
    auto end = ParseWhen(*to, true);
    if (!end.ok()) return p.Error(kTo, end.status().message());
    if (*start >= *end) return p.Error("from must be before to");
    return Window{*start, *end};
  }
  if (!days) return DaysWindow(range.fallback, now);
  const bool whole_history_allowed = range.fallback == 0;
  if ((*days < range.min || *days > range.max) && !(whole_history_allowed && *days == 0)) {
    return p.Error(kDays, "must be an integer in " + std::to_string(range.min) + ".." + std::to_string(range.max) +
                              (whole_history_allowed ? " (or 0: the whole history)" : ""));
  }
  return DaysWindow(*days, now);
}

Result<std::string> RunNamed(Session& s, const Params& p, const CallContext& c, Analysis analysis) {
  if (analysis == Analysis::kExpertise) {
    LOUPE_TRY(p.Allow({kDeveloper, kTeam, kDevelopers, kDays, kFrom, kTo, kProfile, "skill"}));
  } else {
    LOUPE_TRY(p.Allow({kDeveloper, kTeam, kDevelopers, kDays, kFrom, kTo, kProfile}));
  }
  AnalysisRequest request;
  request.analysis = analysis;
  LOUPE_ASSIGN_OR_RETURN(request.profile, ReadProfile(p));
  LOUPE_ASSIGN_OR_RETURN(request.subject, ReadSubject(s, p, request.profile));
  LOUPE_ASSIGN_OR_RETURN(request.window, ReadWindow(p, DaysOf(analysis), c.now));
  if (analysis == Analysis::kExpertise) {
    LOUPE_ASSIGN_OR_RETURN(auto skill, p.OptString("skill"));
    if (skill && request.subject.kind == Subject::Kind::kDeveloper) {
      return p.Error("skill", "compares the members of a team, of developers or of the workspace");
    }
    request.skill = std::string(Trim(skill.value_or("")));
  }
  return RunAnalysis(s, request, c.now);
}

template <Analysis kAnalysis>
Result<std::string> Analyze(Session& s, const Params& p, const CallContext& c) {
  return RunNamed(s, p, c, kAnalysis);
}

Result<std::string> ClassifyCommit(Session&, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"message", kProfile}));
  LOUPE_ASSIGN_OR_RETURN(std::string message, p.String("message"));
  LOUPE_ASSIGN_OR_RETURN(auto profile, ReadProfile(p));
  if (!IsValidUtf8(message)) return p.Error("message", "is not valid UTF-8");
  JsonWriter w(true);
  intelligence::WriteJson(w, intelligence::AnalyzeCommitMessage(message, profile));
  return w.Take();
}

Result<std::string> ClassifyPullRequest(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({"repository", "number", kProfile}));
  LOUPE_ASSIGN_OR_RETURN(std::string repository, p.String("repository"));
  LOUPE_ASSIGN_OR_RETURN(int64_t number, p.Int("number", 1));
  LOUPE_ASSIGN_OR_RETURN(auto profile, ReadProfile(p));
  const model::Workspace& ws = s.workspace();
  const model::RepoId repo = ws.FindRepo(repository);
  const model::PullRequest* pr = repo == model::kNoId ? nullptr : ws.FindPullRequest(repo, number);
  if (!pr) return NotFound("no pull request " + repository + "#" + std::to_string(number) + " in the workspace");
  JsonWriter w(true);
  intelligence::WriteJson(w, intelligence::ClassifyPullRequest(ws, *pr, profile));
  return w.Take();
}

Result<std::string> AnalyzeAllMethod(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kDays, kFrom, kTo, kProfile}));
  AnalyzeAllOptions options;
  LOUPE_ASSIGN_OR_RETURN(options.profile, ReadProfile(p));
  if (p.Get(kDays) || p.Get(kFrom) || p.Get(kTo)) {
    LOUPE_ASSIGN_OR_RETURN(options.window, ReadWindow(p, {90, 1, 3650}, c.now));
  }
  LOUPE_ASSIGN_OR_RETURN(AnalyzeAllReport report, AnalyzeAll(s, options, c.now, c.progress));
  JsonWriter w(true);
  WriteJson(w, report);
  return w.Take();
}

Result<std::string> SettingsOf(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({}));
  JsonWriter w(true);
  intelligence::WriteJson(w, s.intelligence_settings());
  return w.Take();
}

Result<std::string> SetSettings(Session& s, const Params& p, const CallContext&) {
  LOUPE_ASSIGN_OR_RETURN(auto settings, ReadIntelligenceSettings(p, s.intelligence_settings()));
  LOUPE_TRY(s.SetIntelligenceSettings(settings));
  return std::string("{}");
}

// ---- analytics -----------------------------------------------------------------------------------

struct Group {
  metrics::MetricProfile profile = metrics::MetricProfile::kLoupe;
  std::vector<uint32_t> developers;
  Window window;
};

// The subject's population, the profile and the window (`days` in [min, max], default `fallback`).
Result<Group> ReadGroup(Session& s, const Params& p, const CallContext& c, DaysRange range) {
  Group g;
  LOUPE_ASSIGN_OR_RETURN(g.profile, ReadProfile(p));
  LOUPE_ASSIGN_OR_RETURN(Subject subject, ReadSubject(s, p, g.profile));
  g.developers = PopulationOf(s.MetricContextFor(g.profile), subject);
  LOUPE_ASSIGN_OR_RETURN(g.window, ReadWindow(p, range, c.now));
  return g;
}

Result<std::string> AnalyticsSkills(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kDeveloper, kTeam, kDevelopers, kDays, kFrom, kTo, kProfile, "skills", "maxSkills"}));
  LOUPE_ASSIGN_OR_RETURN(Group g, ReadGroup(s, p, c, DaysOf(Analysis::kExpertise)));
  LOUPE_ASSIGN_OR_RETURN(auto skills, p.OptStrings("skills"));
  LOUPE_ASSIGN_OR_RETURN(auto max_skills, p.OptInt("maxSkills", 1, 50));
  const auto scopes =
      intelligence::FrameworkScopes::Build(s.workspace(), g.window.end, intelligence::VersionTable::BuiltIn());
  std::vector<intelligence::ExpertiseProfile> profiles;
  for (uint32_t d : g.developers) {
    profiles.push_back(intelligence::AnalyzeExpertise(s.workspace(), s.activity(), d, g.window,
                                                      s.intelligence_settings().expertise, scopes));
  }
  const auto heatmap = intelligence::BuildSkillHeatmap(profiles, skills.value_or(std::vector<std::string>{}),
                                                       static_cast<size_t>(max_skills.value_or(15)));
  JsonWriter w(true);
  intelligence::WriteJson(w, heatmap, s.resolution(), c.now);
  return w.Take();
}

Result<std::string> AnalyticsActivity(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kDeveloper, kDays, kFrom, kTo, kProfile}));
  if (!p.Get(kDeveloper)) return p.Error(kDeveloper, "is required");
  LOUPE_ASSIGN_OR_RETURN(Group g, ReadGroup(s, p, c, {365, 1, 365}));
  const metrics::MetricContext ctx = s.MetricContextFor(g.profile);
  JsonWriter w(true);
  intelligence::WriteJson(w, intelligence::BuildActivityHeatmap(ctx, g.developers[0], g.window), ctx.resolution);
  return w.Take();
}

Result<std::string> AnalyticsProductivity(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kDeveloper, kTeam, kDevelopers, kDays, kFrom, kTo, kProfile, "groupBy"}));
  LOUPE_ASSIGN_OR_RETURN(Group g, ReadGroup(s, p, c, {90, 1, 3650}));
  LOUPE_ASSIGN_OR_RETURN(auto group_by, p.OptString("groupBy"));
  auto grouping = intelligence::ParseTrendGrouping(group_by.value_or("week"));
  if (!grouping.ok()) return p.Error("groupBy", grouping.status().message());
  const metrics::MetricContext ctx = s.MetricContextFor(g.profile);
  JsonWriter w(true);
  intelligence::WriteJson(w, intelligence::BuildProductivityTrends(ctx, g.developers, g.window, *grouping),
                          ctx.resolution);
  return w.Take();
}

Result<std::string> AnalyticsWorkload(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kDeveloper, kTeam, kDevelopers, kDays, kProfile}));
  LOUPE_ASSIGN_OR_RETURN(auto days, p.OptInt(kDays, 1, 365));
  LOUPE_ASSIGN_OR_RETURN(Group g, ReadGroup(s, p, c, {30, 1, 365}));
  const metrics::MetricContext ctx = s.MetricContextFor(g.profile);
  JsonWriter w(true);
  intelligence::WriteJson(w, intelligence::BuildWorkload(ctx, g.developers, c.now, days.value_or(30)), ctx.resolution);
  return w.Take();
}

Result<std::string> AnalyticsCollaboration(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kDeveloper, kTeam, kDevelopers, kDays, kFrom, kTo, kProfile}));
  LOUPE_ASSIGN_OR_RETURN(Group g, ReadGroup(s, p, c, {90, 1, 365}));
  const metrics::MetricContext ctx = s.MetricContextFor(g.profile);
  const auto network = intelligence::BuildCollaborationNetwork(s.workspace(), ctx.store, ctx.resolution, g.developers,
                                                               g.window, s.intelligence_settings().collaboration);
  JsonWriter w(true);
  intelligence::WriteAnalyticsJson(w, network, ctx.resolution);
  return w.Take();
}

constexpr Method kIntelligenceMethods[] = {
    {"intelligence.commits", &Analyze<Analysis::kCommits>},
    {"intelligence.reviews", &Analyze<Analysis::kReviews>},
    {"intelligence.expertise", &Analyze<Analysis::kExpertise>},
    {"intelligence.burnout", &Analyze<Analysis::kBurnout>},
    {"intelligence.collaboration", &Analyze<Analysis::kCollaboration>},
    {"intelligence.complexity", &Analyze<Analysis::kComplexity>},
    {"intelligence.technology", &Analyze<Analysis::kTechnology>},
    {"intelligence.classifyCommit", &ClassifyCommit},
    {"intelligence.classifyPullRequest", &ClassifyPullRequest},
    {"intelligence.analyzeAll", &AnalyzeAllMethod},
    {"intelligence.settings", &SettingsOf},
    {"intelligence.setSettings", &SetSettings},
    {"analytics.skills", &AnalyticsSkills},
    {"analytics.activity", &AnalyticsActivity},
    {"analytics.productivity", &AnalyticsProductivity},
    {"analytics.workload", &AnalyticsWorkload},
    {"analytics.collaboration", &AnalyticsCollaboration},
};

}  // namespace

std::span<const Method> IntelligenceMethods() {
  return kIntelligenceMethods;
}

}  // namespace loupe::api
