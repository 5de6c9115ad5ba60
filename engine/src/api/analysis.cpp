#include "api/analysis.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "api/dispatch_params.h"
#include "loupe/api/json.h"
#include "loupe/core/strings.h"
#include "loupe/intelligence/burnout.h"
#include "loupe/intelligence/collaboration_network.h"
#include "loupe/intelligence/commit_analyzer.h"
#include "loupe/intelligence/complexity.h"
#include "loupe/intelligence/expertise.h"
#include "loupe/intelligence/review_quality.h"
#include "loupe/intelligence/technology.h"
#include "loupe/metrics/rollups/population.h"

namespace loupe::api {

// Bumped whenever an analyzer's output changes for the same input, so that a database filled by
// an older Loupe never serves its results.
constexpr std::string_view kKeyFormat = "intelligence/1";

// ---- settings ------------------------------------------------------------------------------------

Status CheckIntelligenceSettings(const intelligence::IntelligenceSettings& s) {
  const std::pair<std::string_view, double> at_least_one[] = {
      {"expertiseHalfLifeDays", s.expertise.recency_half_life_days},
      {"burnoutHighActivityCommits", static_cast<double>(s.burnout.high_activity_commits)},
      {"burnoutMinBreakDays", static_cast<double>(s.burnout.min_break_days)},
      {"burnoutBreakLookbackDays", static_cast<double>(s.burnout.break_lookback_days)},
      {"burnoutMinReviewsForTrend", static_cast<double>(s.burnout.min_reviews_for_trend)},
      {"collaborationRecencyHorizonDays", s.collaboration.recency_horizon_days},
      {"technologyCurrentDays", static_cast<double>(s.technology.current_days)},
      {"technologyRecentDays", static_cast<double>(s.technology.recent_days)},
  };
  for (const auto& [name, value] : at_least_one) {
    if (!(value >= 1 && value <= 36500)) {
      return InvalidInput(std::string(name) + " must be between 1 and 36500");
    }
  }
  if (s.technology.recent_days < s.technology.current_days) {
    return InvalidInput("technologyRecentDays must be at least technologyCurrentDays");
  }
  return Status::Ok();
}

Result<intelligence::IntelligenceSettings> ParseIntelligenceSettings(std::string_view json,
                                                                    const intelligence::IntelligenceSettings& base,
                                                                    std::string_view what) {
  LOUPE_ASSIGN_OR_RETURN(Params p, Params::Parse(what, json));
  return ReadIntelligenceSettings(p, base);
}

Result<intelligence::IntelligenceSettings> ReadIntelligenceSettings(const Params& p,
                                                                   const intelligence::IntelligenceSettings& base) {
  LOUPE_TRY(p.Allow({"expertiseHalfLifeDays", "burnoutHighActivityCommits", "burnoutMinBreakDays",
                     "burnoutBreakLookbackDays", "burnoutMinReviewsForTrend", "collaborationRecencyHorizonDays",
                     "technologyCurrentDays", "technologyRecentDays"}));
  intelligence::IntelligenceSettings s = base;
  const std::pair<std::string_view, double*> numbers[] = {
      {"expertiseHalfLifeDays", &s.expertise.recency_half_life_days},
      {"collaborationRecencyHorizonDays", &s.collaboration.recency_horizon_days},
  };
  for (const auto& [name, field] : numbers) {
    LOUPE_ASSIGN_OR_RETURN(auto value, p.OptNumber(name));
    if (value) *field = *value;
  }
  const std::pair<std::string_view, int64_t*> integers[] = {
      {"burnoutHighActivityCommits", &s.burnout.high_activity_commits},
      {"burnoutMinBreakDays", &s.burnout.min_break_days},
      {"burnoutBreakLookbackDays", &s.burnout.break_lookback_days},
      {"burnoutMinReviewsForTrend", &s.burnout.min_reviews_for_trend},
      {"technologyCurrentDays", &s.technology.current_days},
      {"technologyRecentDays", &s.technology.recent_days},
  };
  for (const auto& [name, field] : integers) {
    LOUPE_ASSIGN_OR_RETURN(auto value, p.OptInt(name));
    if (value) *field = *value;
  }
  Status checked = CheckIntelligenceSettings(s);
  if (!checked.ok()) return p.Error(checked.message());
  return s;
}

// ---- requests ------------------------------------------------------------------------------------

std::string_view AnalysisName(Analysis analysis) {
  switch (analysis) {
    case Analysis::kCommits: return "commits";
    case Analysis::kReviews: return "reviews";
    case Analysis::kExpertise: return "expertise";
    case Analysis::kBurnout: return "burnout";
    case Analysis::kCollaboration: return "collaboration";
    case Analysis::kComplexity: return "complexity";
    case Analysis::kTechnology: return "technology";
  }
  return "?";
}

DaysRange DaysOf(Analysis analysis) {
  switch (analysis) {
    case Analysis::kCommits:
    case Analysis::kReviews:
    case Analysis::kComplexity: return {90, 7, 365};
    // Loupe reads the whole history: proficiency needs up to 18 active months (docs/expertise.md),
    // which the seed's 365-day default could never show. Technology rates what the developer's
    // commits declared as of the window's end.
    case Analysis::kExpertise:
    case Analysis::kTechnology: return {0, 30, 3650};
    case Analysis::kBurnout: return {30, 7, 90};
    case Analysis::kCollaboration: return {180, 30, 365};
  }
  return {};
}

Window DaysWindow(int64_t days, Instant now) {
  const Instant end = (now >= 0 ? now / kSecondsPerDay : (now - kSecondsPerDay + 1) / kSecondsPerDay) * kSecondsPerDay +
                      kSecondsPerDay;
  return {days == 0 ? 0 : end - days * kSecondsPerDay, end};
}

namespace {

// The settings an analysis reads, as key text: changing one of them never serves a result
// computed under the old value, and changing another analyzer's keeps this one's results.
std::string SettingsKey(Analysis analysis, const intelligence::IntelligenceSettings& s) {
  auto text = [](auto... values) {
    std::string out;
    ((out += (out.empty() ? "" : ",") + std::to_string(values)), ...);
    return out;
  };
  switch (analysis) {
    case Analysis::kExpertise:
      return text(s.expertise.recency_half_life_days, s.expertise.recency_floor, s.expertise.full_commits,
                  s.expertise.full_lines, s.expertise.full_active_months, s.expertise.confident_commits,
                  s.expertise.confident_lines, s.expertise.confident_active_months);
    case Analysis::kBurnout:
      return text(s.burnout.high_activity_commits, s.burnout.min_break_days, s.burnout.break_lookback_days,
                  s.burnout.min_reviews_for_trend);
    case Analysis::kCollaboration:
      return text(int(s.collaboration.include_bots), s.collaboration.recency_horizon_days, s.collaboration.recency_floor);
    case Analysis::kTechnology: return text(s.technology.current_days, s.technology.recent_days);
    case Analysis::kCommits:
    case Analysis::kReviews:
    case Analysis::kComplexity: return "";
  }
  return "";
}

std::string SubjectKey(Session& session, const Subject& subject) {
  const auto& developers = session.resolution().developers();
  switch (subject.kind) {
    case Subject::Kind::kWorkspace: return "workspace";
    case Subject::Kind::kTeam: return "team:" + ToLowerAscii(session.teams().name(subject.team));
    case Subject::Kind::kDeveloper: return "dev:" + std::to_string(developers[subject.developers[0]].id);
    case Subject::Kind::kDevelopers: {
      std::string out = "devs:";
      for (uint32_t d : subject.developers) out += std::to_string(developers[d].id) + ",";
      return out;
    }
  }
  return "?";
}

}  // namespace

std::string AnalysisKey(Session& session, const AnalysisRequest& r) {
  std::string key(kKeyFormat);
  key += '|';
  key += AnalysisName(r.analysis);
  key += '|';
  key += metrics::MetricProfileName(r.profile);
  key += '|' + std::to_string(r.window.start) + '|' + std::to_string(r.window.end) + '|' +
         SubjectKey(session, r.subject) + '|' + r.skill + '|' + SettingsKey(r.analysis, session.intelligence_settings());
  return key;
}

// ---- computing -----------------------------------------------------------------------------------

struct SharedViews {
  std::map<Instant, intelligence::FrameworkScopes> scopes;  //!< by window end
  //! The workspace population's network, by window (start, end).
  std::map<std::pair<Instant, Instant>, intelligence::CollaborationNetwork> networks;
};

std::vector<uint32_t> PopulationOf(const metrics::MetricContext& ctx, const Subject& subject) {
  switch (subject.kind) {
    case Subject::Kind::kWorkspace: return metrics::WorkspacePopulation(ctx);
    case Subject::Kind::kTeam: return metrics::TeamPopulation(ctx, subject.team);
    case Subject::Kind::kDeveloper:
    case Subject::Kind::kDevelopers: return subject.developers;
  }
  return {};
}

namespace {

void WriteSubject(JsonWriter& w, Session& session, const Subject& subject, size_t members) {
  const auto& developers = session.resolution().developers();
  w.BeginObject();
  switch (subject.kind) {
    case Subject::Kind::kWorkspace:
      w.Field("kind", "workspace").Field("members", static_cast<int64_t>(members));
      break;
    case Subject::Kind::kTeam:
      w.Field("kind", "team").Field("team", session.teams().name(subject.team));
      w.Field("members", static_cast<int64_t>(members));
      break;
    case Subject::Kind::kDeveloper: {
      const identity::Developer& d = developers[subject.developers[0]];
      w.Field("kind", "developer").Field("developer_id", static_cast<int64_t>(d.id)).Field("name", d.name);
      break;
    }
    case Subject::Kind::kDevelopers:
      w.Field("kind", "developers").Key("developer_ids").BeginArray();
      for (uint32_t d : subject.developers) w.Int(developers[d].id);
      w.EndArray();
      break;
  }
  w.EndObject();
}

const intelligence::FrameworkScopes& ScopesAt(const model::Workspace& ws, Instant end, SharedViews& shared) {
  auto it = shared.scopes.find(end);
  if (it == shared.scopes.end()) {
    it = shared.scopes.emplace(end, intelligence::FrameworkScopes::Build(ws, end, intelligence::VersionTable::BuiltIn()))
             .first;
  }
  return it->second;
}

// A group's expertise: with a skill, its members' standings in it; else the same for the ten
// skills most members hold (ties: the first met in member order).
void WriteGroupExpertise(JsonWriter& w, const std::vector<intelligence::ExpertiseProfile>& profiles,
                         const std::string& skill, const identity::Resolution& resolution) {
  if (!skill.empty()) {
    const auto standings = intelligence::CompareSkill(profiles, skill);
    intelligence::WriteJson(w, skill, standings, resolution);
    return;
  }
  std::vector<std::pair<std::string, int64_t>> holders;
  for (const intelligence::ExpertiseProfile& p : profiles) {
    for (const intelligence::Skill& s : p.skills) {
      auto it = std::find_if(holders.begin(), holders.end(), [&](const auto& h) { return h.first == s.name; });
      if (it == holders.end()) {
        holders.emplace_back(s.name, 1);
      } else {
        ++it->second;
      }
    }
  }
  std::stable_sort(holders.begin(), holders.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (holders.size() > 10) holders.resize(10);
  w.BeginObject().Key("skills").BeginArray();
  for (const auto& [name, count] : holders) {
    const auto standings = intelligence::CompareSkill(profiles, name);
    intelligence::WriteJson(w, name, standings, resolution);
  }
  w.EndArray().EndObject();
}

// The part of the network around one developer: their edges and the partners at their ends.
intelligence::CollaborationNetwork AroundDeveloper(const intelligence::CollaborationNetwork& all, uint32_t developer) {
  intelligence::CollaborationNetwork out;
  std::vector<uint32_t> partners;
  for (const intelligence::CollaborationEdge& e : all.edges) {
    if (e.a != developer && e.b != developer) continue;
    out.edges.push_back(e);
    partners.push_back(e.a == developer ? e.b : e.a);
  }
  for (const intelligence::CollaborationNode& n : all.nodes) {
    if (n.developer == developer || std::find(partners.begin(), partners.end(), n.developer) != partners.end()) {
      out.nodes.push_back(n);
    }
  }
  const double n = static_cast<double>(out.nodes.size());
  out.density = out.nodes.size() > 1 ? static_cast<double>(out.edges.size()) / (n * (n - 1) / 2) : 0;
  return out;
}

// How tightly a group works together: its network's density, the members with at least one edge,
// and the mean strength of its edges.
void WriteCohesion(JsonWriter& w, const intelligence::CollaborationNetwork& network) {
  int64_t connected = 0;
  for (const intelligence::CollaborationNode& n : network.nodes) connected += n.degree > 0 ? 1 : 0;
  double strength = 0;
  for (const intelligence::CollaborationEdge& e : network.edges) strength += e.strength;
  w.BeginObject();
  w.Field("members", static_cast<int64_t>(network.nodes.size()));
  w.Field("connected_members", connected);
  w.Field("isolated_members", static_cast<int64_t>(network.nodes.size()) - connected);
  w.Field("edges", static_cast<int64_t>(network.edges.size()));
  w.Key("density").Double(network.density, 3);
  w.Key("average_strength").Double(network.edges.empty() ? 0 : strength / static_cast<double>(network.edges.size()), 2);
  w.EndObject();
}

Status WriteResult(JsonWriter& w, Session& session, const AnalysisRequest& r, const std::vector<uint32_t>& population,
                   SharedViews& shared) {
  const metrics::MetricContext ctx = session.MetricContextFor(r.profile);
  const model::Workspace& ws = session.workspace();
  const intelligence::IntelligenceSettings& settings = session.intelligence_settings();
  const bool one = r.subject.kind == Subject::Kind::kDeveloper;
  const uint32_t developer = one ? r.subject.developers[0] : model::kNoId;
  switch (r.analysis) {
    case Analysis::kCommits:
      intelligence::WriteJson(w, intelligence::SummarizeCommits(ws, ctx, population, r.window));
      return Status::Ok();
    case Analysis::kReviews:
      w.BeginObject().Key("quality");
      intelligence::WriteJson(w, intelligence::ReviewQuality(ws, ctx, population, r.window));
      if (one) {
        w.Key("response_times");
        intelligence::WriteJson(w, intelligence::ReviewResponseTimes(ctx, developer, r.window));
      }
      w.EndObject();
      return Status::Ok();
    case Analysis::kExpertise: {
      const intelligence::FrameworkScopes& scopes = ScopesAt(ws, r.window.end, shared);
      if (one) {
        intelligence::WriteJson(
            w, intelligence::AnalyzeExpertise(ws, ctx.store, developer, r.window, settings.expertise, scopes));
        return Status::Ok();
      }
      std::vector<intelligence::ExpertiseProfile> profiles;
      for (uint32_t d : population) {
        profiles.push_back(intelligence::AnalyzeExpertise(ws, ctx.store, d, r.window, settings.expertise, scopes));
      }
      WriteGroupExpertise(w, profiles, r.skill, ctx.resolution);
      return Status::Ok();
    }
    case Analysis::kBurnout:
      if (one) {
        intelligence::WriteJson(w, intelligence::AssessBurnout(ws, ctx, developer, r.window, settings.burnout));
      } else {
        intelligence::WriteJson(w, intelligence::AssessTeamBurnout(ws, ctx, population, r.window, settings.burnout),
                                ctx.resolution);
      }
      return Status::Ok();
    case Analysis::kCollaboration: {
      if (one) {
        // The developer's partners among the whole population, not only among themselves.
        const auto key = std::make_pair(r.window.start, r.window.end);
        auto it = shared.networks.find(key);
        if (it == shared.networks.end()) {
          it = shared.networks
                   .emplace(key, intelligence::BuildCollaborationNetwork(ws, ctx.store, ctx.resolution,
                                                                         metrics::WorkspacePopulation(ctx), r.window,
                                                                         settings.collaboration))
                   .first;
        }
        intelligence::WriteJson(w, AroundDeveloper(it->second, developer), ctx.resolution);
        return Status::Ok();
      }
      const intelligence::CollaborationNetwork network = intelligence::BuildCollaborationNetwork(
          ws, ctx.store, ctx.resolution, population, r.window, settings.collaboration);
      w.BeginObject().Key("cohesion");
      WriteCohesion(w, network);
      w.Key("network");
      intelligence::WriteJson(w, network, ctx.resolution);
      w.EndObject();
      return Status::Ok();
    }
    case Analysis::kComplexity:
      intelligence::WriteJson(w, intelligence::ProfileComplexity(ws, ctx, population, r.window));
      return Status::Ok();
    case Analysis::kTechnology: {
      const intelligence::VersionTable& table = intelligence::VersionTable::BuiltIn();
      if (one) {
        intelligence::WriteJson(w, intelligence::ProfileDeveloperTechnologies(ws, ctx.resolution, developer, table,
                                                                               r.window.end, settings.technology));
      } else if (r.subject.kind == Subject::Kind::kWorkspace) {
        int64_t unreadable = 0;
        const auto in_use = intelligence::TechnologiesAt(ws, table, r.window.end, settings.technology, &unreadable);
        w.BeginObject().Key("in_use");
        intelligence::WriteJson(w, in_use, r.window.end, table);
        w.Field("unreadable_manifests", unreadable);
        w.Key("team");
        intelligence::WriteJson(w, intelligence::TeamTechnologies(ws, ctx.resolution, population, table, r.window.end,
                                                                  settings.technology));
        w.EndObject();
      } else {
        intelligence::WriteJson(w, intelligence::TeamTechnologies(ws, ctx.resolution, population, table, r.window.end,
                                                                  settings.technology));
      }
      return Status::Ok();
    }
  }
  return Internal("unknown analysis");
}

}  // namespace

Result<std::string> ComputeAnalysis(Session& session, const AnalysisRequest& r, Instant now, SharedViews* shared) {
  SharedViews local;
  SharedViews& views = shared ? *shared : local;
  const metrics::MetricContext ctx = session.MetricContextFor(r.profile);
  const std::vector<uint32_t> population = PopulationOf(ctx, r.subject);
  JsonWriter w(true);
  w.BeginObject();
  w.Field("analysis", AnalysisName(r.analysis));
  w.Key("subject");
  WriteSubject(w, session, r.subject, population.size());
  w.Key("window").BeginObject();
  w.Field("from", FormatIsoInstant(r.window.start)).Field("to", FormatIsoInstant(r.window.end));
  w.EndObject();
  w.Field("profile", metrics::MetricProfileName(r.profile));
  w.Field("computed_at", FormatIsoInstant(now));
  w.Key("result");
  LOUPE_TRY(WriteResult(w, session, r, population, views));
  w.EndObject();
  return w.Take();
}

Result<std::string> RunAnalysis(Session& session, const AnalysisRequest& request, Instant now) {
  const std::string key = AnalysisKey(session, request);
  LOUPE_ASSIGN_OR_RETURN(auto cached, session.CachedAnalysis(key));
  if (cached) return std::move(*cached);
  LOUPE_ASSIGN_OR_RETURN(std::string result, ComputeAnalysis(session, request, now));
  LOUPE_TRY(session.CacheAnalyses({{key, result}}, now));
  return result;
}

Result<AnalyzeAllReport> AnalyzeAll(Session& session, const AnalyzeAllOptions& options, Instant now,
                                    const ProgressFn& progress) {
  const auto started = std::chrono::steady_clock::now();
  const metrics::MetricContext ctx = session.MetricContextFor(options.profile);
  const std::vector<uint32_t> population = metrics::WorkspacePopulation(ctx);
  AnalyzeAllReport report;
  report.developers = static_cast<int64_t>(population.size());
  report.teams = static_cast<int64_t>(session.teams().size());

  std::vector<Subject> subjects;
  for (uint32_t d : population) subjects.push_back({Subject::Kind::kDeveloper, model::kNoId, {d}});
  for (uint32_t t = 0; t < session.teams().size(); ++t) subjects.push_back({Subject::Kind::kTeam, t, {}});
  subjects.push_back({});  // the workspace
  report.analyses = static_cast<int64_t>(subjects.size() * std::size(kAnalyses));

  SharedViews shared;
  std::vector<std::pair<std::string, std::string>> results;
  int64_t done = 0;
  for (Analysis analysis : kAnalyses) {
    const Window window = options.window.value_or(DaysWindow(DaysOf(analysis).fallback, now));
    for (const Subject& subject : subjects) {
      AnalysisRequest request{analysis, subject, window, options.profile, ""};
      std::string key = AnalysisKey(session, request);
      LOUPE_ASSIGN_OR_RETURN(auto cached, session.CachedAnalysis(key));
      if (cached) {
        ++report.reused;
      } else {
        LOUPE_ASSIGN_OR_RETURN(std::string result, ComputeAnalysis(session, request, now, &shared));
        results.emplace_back(std::move(key), std::move(result));
      }
      ++done;
      if (progress && (done % 64 == 0 || done == report.analyses) &&
          !progress(Progress{"analyze", done, report.analyses, "analyses"})) {
        return Status(StatusCode::kCancelled, "analyze-all was cancelled; nothing was cached");
      }
    }
  }
  report.computed = static_cast<int64_t>(results.size());
  LOUPE_TRY(session.CacheAnalyses(results, now));
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

void WriteJson(JsonWriter& w, const AnalyzeAllReport& r) {
  w.BeginObject();
  w.Field("developers", r.developers).Field("teams", r.teams).Field("analyses", r.analyses);
  w.Field("computed", r.computed).Field("reused", r.reused);
  w.Key("seconds").Double(r.seconds, 3);
  w.EndObject();
}

}  // namespace loupe::api
