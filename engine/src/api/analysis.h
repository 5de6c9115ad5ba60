// api/analysis.h (internal) — the intelligence analyses that Dispatch and `loupe intelligence`
// run: whom and which window each covers, the key its result is cached under, computing it, and
// analyze-all (docs/intelligence.md, "Running the analyzers").
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/api/session.h"
#include "loupe/core/json_writer.h"

namespace loupe::api {

//! The `meta` key the workspace's intelligence settings are stored under (their WriteJson).
inline constexpr std::string_view kIntelligenceSettingsKey = "intelligence_settings";

//! Every member must be a whole number (a number for the two day lengths) of at least 1, and
//! technologyRecentDays at least technologyCurrentDays; InvalidInput naming the member.
Status CheckIntelligenceSettings(const intelligence::IntelligenceSettings& settings);
//! Settings from a JSON object of intelligence::WriteJson's members (each optional: an absent
//! one keeps `base`'s), checked. Errors name `what` and the member.
Result<intelligence::IntelligenceSettings> ParseIntelligenceSettings(std::string_view json,
                                                                    const intelligence::IntelligenceSettings& base = {},
                                                                    std::string_view what = "intelligence settings");
class Params;
//! The same from a Dispatch call's params (intelligence.setSettings).
Result<intelligence::IntelligenceSettings> ReadIntelligenceSettings(const Params& p,
                                                                   const intelligence::IntelligenceSettings& base);

enum class Analysis : uint8_t { kCommits = 0, kReviews, kExpertise, kBurnout, kCollaboration, kComplexity, kTechnology };
inline constexpr Analysis kAnalyses[] = {Analysis::kCommits,       Analysis::kReviews,    Analysis::kExpertise,
                                         Analysis::kBurnout,       Analysis::kCollaboration, Analysis::kComplexity,
                                         Analysis::kTechnology};
std::string_view AnalysisName(Analysis analysis);  //!< "commits", "reviews", …

//! The window an analysis covers without from/to: `fallback` days (0: the whole history), and the
//! accepted range of its `days` param (the seed's API bounds; expertise also accepts 0).
struct DaysRange {
  int64_t fallback = 90, min = 7, max = 365;
};
DaysRange DaysOf(Analysis analysis);

//! `days` whole days ending at the end of the UTC day holding `now` (so today is included and
//! every call of the same day covers the same window); 0 days: from 1970-01-01.
Window DaysWindow(int64_t days, Instant now);

//! Whom an analysis covers.
struct Subject {
  enum class Kind : uint8_t { kWorkspace, kTeam, kDeveloper, kDevelopers };
  Kind kind = Kind::kWorkspace;
  uint32_t team = model::kNoId;       //!< TeamIndex index (kTeam)
  std::vector<uint32_t> developers;  //!< kDeveloper: the one; kDevelopers: ascending, unique
};

//! The developers a subject covers: the workspace's or the team's population (loupe: bots left
//! out), or the named developers.
std::vector<uint32_t> PopulationOf(const metrics::MetricContext& ctx, const Subject& subject);

struct AnalysisRequest {
  Analysis analysis = Analysis::kCommits;
  Subject subject;
  Window window;
  metrics::MetricProfile profile = metrics::MetricProfile::kLoupe;
  //! Expertise of a group: the skill to compare its members in ("" = the group's top skills).
  std::string skill;
};

//! "intelligence/1|burnout|loupe|<start>|<end>|dev:<id>|<skill>|<settings it reads>": everything
//! the result depends on besides the workspace's versions.
std::string AnalysisKey(Session& session, const AnalysisRequest& request);

//! Views computed once and shared by the analyses of one run (analyze-all): the framework scopes
//! of an expertise window's end, the workspace's collaboration network of a window.
struct SharedViews;

//! The JSON of one analysis: {analysis, subject, window{from, to}, profile, computed_at, result}.
Result<std::string> ComputeAnalysis(Session& session, const AnalysisRequest& request, Instant now,
                                    SharedViews* shared = nullptr);
//! The cached result of the request, else ComputeAnalysis's, which is then cached.
Result<std::string> RunAnalysis(Session& session, const AnalysisRequest& request, Instant now);

struct AnalyzeAllOptions {
  std::optional<Window> window;  //!< every analysis over it; else each over its default window
  metrics::MetricProfile profile = metrics::MetricProfile::kLoupe;
};

struct AnalyzeAllReport {
  int64_t developers = 0;  //!< the workspace population (loupe: bots left out)
  int64_t teams = 0;
  int64_t analyses = 0;  //!< results it covers: (developers + teams + 1 workspace) × 7
  int64_t computed = 0;  //!< computed now and cached
  int64_t reused = 0;    //!< already cached at the current versions
  double seconds = 0;
};

//! Every analysis for every developer of the population, every team and the workspace, cached in
//! one transaction (which also drops stale entries); what is cached already is reused. Progress
//! "analyze" per result; false cancels (kCancelled, nothing cached).
Result<AnalyzeAllReport> AnalyzeAll(Session& session, const AnalyzeAllOptions& options, Instant now,
                                    const ProgressFn& progress = {});
//! {developers, teams, analyses, computed, reused, seconds}.
void WriteJson(JsonWriter& w, const AnalyzeAllReport& report);

}  // namespace loupe::api
