// The intelligence.* Dispatch methods (docs/api.md, "intelligence"): the seven analyzers for a
// developer, a team, a list of developers or the workspace, cached (api/analysis.h), plus
// analyze-all, one-off classifications and the analyzers' settings.
#include <algorithm>

#include "api/analysis.h"
#include "api/dispatch_params.h"
#include "loupe/api/json.h"
#include "loupe/api/window.h"
#include "loupe/core/strings.h"
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
    return p.Error(kDays, "must be between " + std::to_string(range.min) + " and " + std::to_string(range.max) +
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
};

}  // namespace

std::span<const Method> IntelligenceMethods() {
  return kIntelligenceMethods;
}

}  // namespace loupe::api
