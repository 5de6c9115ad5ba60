// The intelligence.* Dispatch methods on the demo workspace: each answers the analyzer's own
// result for the subject and window it names, results are cached until the data, the inputs or
// the settings they read change, analyze-all fills the cache once, and bad params are refused
// naming the method and the param.
#include <catch2/catch.hpp>

#include "api/analysis.h"
#include "loupe/api/dispatch.h"
#include "loupe/api/window.h"
#include "loupe/intelligence/analytics.h"
#include "loupe/intelligence/burnout.h"
#include "loupe/intelligence/commit_analyzer.h"
#include "loupe/intelligence/complexity.h"
#include "loupe/intelligence/expertise.h"
#include "loupe/intelligence/technology.h"
#include "loupe/metrics/rollups/population.h"
#include "engine/api/demo_session.h"
#include "support/test_util.h"

namespace loupe::api {
namespace {

Instant At(const char* text) { return *ParseWhen(text, false); }

std::string Call(Session& s, std::string_view method, std::string_view params, Instant now) {
  INFO(method << " " << params);
  auto result = Dispatch(s, method, params, CallContext{now, {}});
  if (!result.ok()) FAIL(result.status().ToString());
  return *result;
}

Status CallError(Session& s, std::string_view method, std::string_view params) {
  auto result = Dispatch(s, method, params, CallContext{At("2024-04-03T12:00:00Z"), {}});
  REQUIRE_FALSE(result.ok());
  return result.status();
}

// The compact JSON of the "result" member, which the wrapper writes last.
std::string ResultOf(const std::string& wrapper) {
  const std::string compact = testing::MinifyJson(wrapper);
  const size_t at = compact.find(",\"result\":");
  REQUIRE(at != std::string::npos);
  return compact.substr(at + 10, compact.size() - at - 11);
}

template <typename Value>
std::string Compact(const Value& value) {
  JsonWriter w;
  intelligence::WriteJson(w, value);
  return w.Take();
}

TEST_CASE("DaysWindow: whole UTC days up to the end of the day of now", "[api][intelligence]") {
  // now 2024-04-03 12:00Z: the window ends at 2024-04-04 00:00Z; 30 days before is 03-05 00:00Z.
  const Window w = DaysWindow(30, At("2024-04-03T12:00:00Z"));
  CHECK(w.start == At("2024-03-05T00:00:00Z"));
  CHECK(w.end == At("2024-04-04T00:00:00Z"));
  // Exactly midnight belongs to the day it starts: 2024-04-03 00:00Z ends the window at 04-04.
  CHECK(DaysWindow(1, At("2024-04-03T00:00:00Z")).start == At("2024-04-03T00:00:00Z"));
  CHECK(DaysWindow(0, At("2024-04-03T12:00:00Z")).start == 0);
}

TEST_CASE("intelligence methods answer the analyzer's result for the subject and the window", "[api][intelligence]") {
  auto session = testing::DemoSession();
  Session& s = *session;
  const Instant now = At("2024-04-03T12:00:00Z");
  const metrics::MetricContext ctx = s.MetricContextFor(metrics::MetricProfile::kLoupe);
  const uint32_t dev = s.resolution().Lookup(s.workspace(), "login:chenwei").value();
  const auto id = std::to_string(s.resolution().developers()[dev].id);

  SECTION("burnout of one developer: the last 30 days") {
    const std::string out = Call(s, "intelligence.burnout", R"({"developer": "login:chenwei"})", now);
    CHECK_THAT(out, Catch::Contains("\"kind\": \"developer\""));
    CHECK_THAT(out, Catch::Contains("\"developer_id\": " + id));
    CHECK_THAT(out, Catch::Contains("\"from\": \"2024-03-05T00:00:00Z\""));
    CHECK_THAT(out, Catch::Contains("\"to\": \"2024-04-04T00:00:00Z\""));
    CHECK_THAT(out, Catch::Contains("\"computed_at\": \"2024-04-03T12:00:00Z\""));
    const auto direct = intelligence::AssessBurnout(s.workspace(), ctx, dev, DaysWindow(30, now),
                                                    s.intelligence_settings().burnout);
    REQUIRE(direct.has_data);
    CHECK(ResultOf(out) == Compact(direct));
  }
  SECTION("commits of the workspace over given dates") {
    const std::string out =
        Call(s, "intelligence.commits", R"({"from": "2024-01-01", "to": "2024-03-31"})", now);
    const Window window{At("2024-01-01T00:00:00Z"), At("2024-04-01T00:00:00Z")};
    const auto population = metrics::WorkspacePopulation(ctx);
    CHECK_THAT(out, Catch::Contains("\"members\": " + std::to_string(population.size())));
    const auto direct = intelligence::SummarizeCommits(s.workspace(), ctx, population, window);
    REQUIRE(direct.commits_analyzed > 0);
    CHECK(ResultOf(out) == Compact(direct));
  }
  SECTION("expertise of one developer reads the whole history by default") {
    const std::string out = Call(s, "intelligence.expertise", R"({"developer": "chenwei"})", now);
    CHECK_THAT(out, Catch::Contains("\"from\": \"1970-01-01T00:00:00Z\""));
    const auto direct = intelligence::AnalyzeExpertise(s.workspace(), s.activity(), dev, DaysWindow(0, now),
                                                       s.intelligence_settings().expertise);
    REQUIRE_FALSE(direct.skills.empty());
    CHECK(ResultOf(out) == Compact(direct));
  }
  SECTION("a team's burnout is the team overview of its members") {
    Call(s, "teams.create", R"({"name": "Core"})", now);
    Call(s, "teams.addMembers", R"({"team": "core", "developers": ["login:chenwei", "login:ewalsh"]})", now);
    const std::string out = Call(s, "intelligence.burnout", R"({"team": "CORE", "days": 90})", now);
    CHECK_THAT(out, Catch::Contains("\"team\": \"Core\""));
    CHECK_THAT(out, Catch::Contains("\"members\": 2"));
    CHECK_THAT(out, Catch::Contains("\"total_developers\": 2"));
    CHECK_THAT(out, Catch::Contains("\"from\": \"2024-01-05T00:00:00Z\""));  // 90 days before 04-04
  }
  SECTION("every analysis answers for a developer, a team, a list and the workspace") {
    Call(s, "teams.create", R"({"name": "core"})", now);
    Call(s, "teams.addMembers", R"({"team": "core", "developers": ["login:chenwei"]})", now);
    for (Analysis a : kAnalyses) {
      const std::string method = "intelligence." + std::string(AnalysisName(a));
      for (const char* params : {R"({"developer": "chenwei"})", R"({"team": "core"})",
                                 R"({"developers": ["chenwei", "ewalsh", "chenwei"]})", "{}"}) {
        const std::string out = Call(s, method, params, now);
        CHECK_THAT(out, Catch::Contains("\"analysis\": \"" + std::string(AnalysisName(a)) + "\""));
        CHECK_THAT(out, Catch::Contains("\"result\": {"));
      }
    }
  }
}

TEST_CASE("intelligence results are cached until the data the inputs or the settings change", "[api][intelligence]") {
  auto session = testing::DemoSession();
  Session& s = *session;
  const Instant first = At("2024-04-03T09:00:00Z"), later = At("2024-04-03T18:00:00Z");
  const char* params = R"({"developer": "chenwei"})";
  const std::string computed = Call(s, "intelligence.burnout", params, first);
  CHECK_THAT(computed, Catch::Contains("\"computed_at\": \"2024-04-03T09:00:00Z\""));
  // Same day, same window: the cached text comes back, with its first computed_at.
  CHECK(Call(s, "intelligence.burnout", params, later) == computed);

  SECTION("a new import recomputes") {
    ingest::ImportOptions options;
    options.source_name = "extra.gitlog";
    options.repo = "acme/rocket";
    const std::string extra =
        "\x1e" "1111111111111111111111111111111111111111\x1f\x1f" "Chen Wei\x1f" "chen@acme.dev\x1f"
        "2024-04-02T23:30:00+08:00\x1f" "Chen Wei\x1f" "chen@acme.dev\x1f" "2024-04-02T23:30:00+08:00\x1f"
        "main\x1f\x1f" "fix: a late fix\x1f\n\n3\t1\tsrc/a.rs\n";
    auto imported = s.Import(ingest::InputBuffer::Copy(extra), options);
    INFO(imported.status().ToString());
    REQUIRE(imported.ok());
    REQUIRE(imported->changed);
    CHECK_THAT(Call(s, "intelligence.burnout", params, later), Catch::Contains("\"computed_at\": \"2024-04-03T18:00:00Z\""));
  }
  SECTION("an identity merge recomputes") {
    Call(s, "identities.merge", R"({"a": "login:chenwei", "b": "login:ewalsh"})", later);
    CHECK_THAT(Call(s, "intelligence.burnout", params, later), Catch::Contains("\"computed_at\": \"2024-04-03T18:00:00Z\""));
  }
  SECTION("another setting is another result; going back finds the first one again") {
    Call(s, "intelligence.setSettings", R"({"burnoutHighActivityCommits": 3})", later);
    CHECK_THAT(Call(s, "intelligence.settings", "{}", later), Catch::Contains("\"burnoutHighActivityCommits\": 3"));
    CHECK_THAT(Call(s, "intelligence.burnout", params, later), Catch::Contains("\"computed_at\": \"2024-04-03T18:00:00Z\""));
    Call(s, "intelligence.setSettings", R"({"burnoutHighActivityCommits": 15})", later);
    CHECK(Call(s, "intelligence.burnout", params, later) == computed);
  }
  SECTION("another profile or window is another result") {
    CHECK(Call(s, "intelligence.burnout", R"({"developer": "chenwei", "profile": "aexy-compat"})", later) != computed);
    CHECK(Call(s, "intelligence.burnout", R"({"developer": "chenwei", "days": 31})", later) != computed);
  }
}

TEST_CASE("intelligence.analyzeAll caches every analysis once and reuses it", "[api][intelligence]") {
  auto session = testing::DemoSession();
  Session& s = *session;
  const Instant now = At("2024-04-03T12:00:00Z");
  Call(s, "teams.create", R"({"name": "core"})", now);
  Call(s, "teams.addMembers", R"({"team": "core", "developers": ["login:chenwei", "login:ewalsh"]})", now);
  const size_t developers = metrics::WorkspacePopulation(s.MetricContextFor(metrics::MetricProfile::kLoupe)).size();
  // (developers + 1 team + the workspace) subjects × 7 analyses.
  const std::string analyses = std::to_string((developers + 2) * 7);

  // A burnout result computed before is reused, not recomputed.
  const std::string before = Call(s, "intelligence.burnout", R"({"team": "core"})", now);
  std::vector<Progress> heard;
  auto report = Dispatch(s, "intelligence.analyzeAll", "{}", CallContext{now + 60, [&](const Progress& p) {
                                                                          heard.push_back(p);
                                                                          return true;
                                                                        }});
  REQUIRE(report.ok());
  CHECK_THAT(*report, Catch::Contains("\"developers\": " + std::to_string(developers)));
  CHECK_THAT(*report, Catch::Contains("\"teams\": 1"));
  CHECK_THAT(*report, Catch::Contains("\"analyses\": " + analyses));
  CHECK_THAT(*report, Catch::Contains("\"computed\": " + std::to_string((developers + 2) * 7 - 1)));
  CHECK_THAT(*report, Catch::Contains("\"reused\": 1"));
  REQUIRE_FALSE(heard.empty());
  CHECK(heard.back().phase == "analyze");
  CHECK(heard.back().done == heard.back().total);
  CHECK(Call(s, "intelligence.burnout", R"({"team": "core"})", now + 120) == before);
  // Every default-window call is now served from what analyze-all computed at now + 60.
  CHECK_THAT(Call(s, "intelligence.expertise", R"({"developer": "ewalsh"})", now + 120),
             Catch::Contains("\"computed_at\": \"2024-04-03T12:01:00Z\""));

  const std::string again = Call(s, "intelligence.analyzeAll", "{}", now + 180);
  CHECK_THAT(again, Catch::Contains("\"computed\": 0"));
  CHECK_THAT(again, Catch::Contains("\"reused\": " + analyses));

  SECTION("a cancelled run caches nothing") {
    Call(s, "identities.merge", R"({"a": "login:chenwei", "b": "login:ewalsh"})", now);
    auto cancelled = Dispatch(s, "intelligence.analyzeAll", "{}",
                              CallContext{now, [](const Progress&) { return false; }});
    REQUIRE_FALSE(cancelled.ok());
    CHECK(cancelled.status().code() == StatusCode::kCancelled);
    CHECK_THAT(Call(s, "intelligence.analyzeAll", "{}", now), Catch::Contains("\"reused\": 0"));
  }
}

TEST_CASE("intelligence methods refuse bad params naming the method and the param", "[api][intelligence]") {
  auto session = testing::DemoSession();
  Session& s = *session;
  CHECK(CallError(s, "intelligence.burnout", R"({"developer": "chenwei", "team": "x"})").message() ==
        "intelligence.burnout: give at most one of developer, team and developers");
  CHECK(CallError(s, "intelligence.burnout", R"({"days": 120})").message() ==
        "intelligence.burnout: param \"days\" must be an integer in 7..90");
  CHECK(CallError(s, "intelligence.expertise", R"({"days": 10})").message() ==
        "intelligence.expertise: param \"days\" must be an integer in 30..3650 (or 0: the whole history)");
  CHECK(CallError(s, "intelligence.commits", R"({"days": 30, "from": "2024-01-01", "to": "2024-02-01"})").message() ==
        "intelligence.commits: give either days or from and to");
  CHECK(CallError(s, "intelligence.commits", R"({"from": "2024-02-01", "to": "2024-01-01"})").message() ==
        "intelligence.commits: from must be before to");
  CHECK(CallError(s, "intelligence.expertise", R"({"developer": "chenwei", "skill": "Go"})").message() ==
        "intelligence.expertise: param \"skill\" compares the members of a team, of developers or of the workspace");
  CHECK(CallError(s, "intelligence.burnout", R"({"developer": "nobody@nowhere"})").code() == StatusCode::kNotFound);
  CHECK(CallError(s, "intelligence.burnout", R"({"team": "nope"})").code() == StatusCode::kNotFound);
  CHECK(CallError(s, "intelligence.commits", R"({"developers": []})").message() ==
        "intelligence.commits: param \"developers\" must name at least one developer");
  CHECK(CallError(s, "intelligence.setSettings", R"({"technologyCurrentDays": 400, "technologyRecentDays": 300})")
            .message() == "intelligence.setSettings: technologyRecentDays must be at least technologyCurrentDays");
  CHECK(CallError(s, "intelligence.setSettings", R"({"expertiseHalfLifeDays": 0})").message() ==
        "intelligence.setSettings: expertiseHalfLifeDays must be between 1 and 36500");
  CHECK(CallError(s, "intelligence.classifyPullRequest", R"({"repository": "acme/rocket", "number": 99999})").code() ==
        StatusCode::kNotFound);
  // Nothing was changed by the refused settings.
  CHECK(s.intelligence_settings().technology.current_days == 365);
}

TEST_CASE("intelligence.classifyCommit and classifyPullRequest classify one change", "[api][intelligence]") {
  auto session = testing::DemoSession();
  Session& s = *session;
  const Instant now = At("2024-04-03T12:00:00Z");
  // "feat(api)!: ..." is a conventional feat with scope api, breaking by its "!".
  const std::string commit = Call(s, "intelligence.classifyCommit", R"({"message": "feat(api)!: drop v1 routes"})", now);
  CHECK_THAT(commit, Catch::Contains("\"type\": \"feat\""));
  CHECK_THAT(commit, Catch::Contains("\"scope\": \"api\""));
  CHECK_THAT(commit, Catch::Contains("\"breaking\": true"));
  const model::PullRequest& pr = s.workspace().pull_requests().front();
  const std::string params = R"({"repository": "acme/rocket", "number": )" + std::to_string(pr.number) + "}";
  const std::string out = Call(s, "intelligence.classifyPullRequest", params, now);
  CHECK(testing::MinifyJson(out) == Compact(intelligence::ClassifyPullRequest(s.workspace(), pr)));
}

}  // namespace
}  // namespace loupe::api

namespace loupe::api {
namespace {

TEST_CASE("analytics methods answer the rollups of the subject", "[api][analytics]") {
  auto session = testing::DemoSession();
  Session& s = *session;
  const Instant now = At("2024-04-03T12:00:00Z");
  const metrics::MetricContext ctx = s.MetricContextFor(metrics::MetricProfile::kLoupe);
  const uint32_t chen = s.resolution().Lookup(s.workspace(), "chen@acme.dev").value();

  // The activity of the last 365 days up to the end of 2024-04-03 (UTC): 365 local days.
  const std::string activity = Call(s, "analytics.activity", R"({"developer": "chen@acme.dev"})", now);
  const auto heatmap = intelligence::BuildActivityHeatmap(ctx, chen, DaysWindow(365, now));
  REQUIRE(heatmap.max_count > 0);
  JsonWriter direct;
  intelligence::WriteJson(direct, heatmap, ctx.resolution);
  CHECK(testing::MinifyJson(activity) == direct.str());
  CHECK_THAT(activity, Catch::Contains("\"total_days\": 365"));

  const std::string trends =
      Call(s, "analytics.productivity", R"({"from": "2024-01-01", "to": "2024-03-31", "groupBy": "month"})", now);
  const auto population = metrics::WorkspacePopulation(ctx);
  JsonWriter expected;
  intelligence::WriteJson(expected,
                          intelligence::BuildProductivityTrends(ctx, population, {At("2024-01-01T00:00:00Z"),
                                                                                  At("2024-04-01T00:00:00Z")},
                                                                intelligence::TrendGrouping::kMonth),
                          ctx.resolution);
  CHECK(testing::MinifyJson(trends) == expected.str());
  CHECK_THAT(trends, Catch::Contains("\"date\": \"2024-03-01\""));

  const std::string workload = Call(s, "analytics.workload", R"({"developers": ["chen@acme.dev", "ana@acme.dev"]})", now);
  CHECK_THAT(workload, Catch::Contains("\"developer_name\": \"Chen Wei\""));
  CHECK_THAT(workload, Catch::Contains("\"imbalance_score\""));
  const std::string network = Call(s, "analytics.collaboration", R"({"from": "2024-01-01", "to": "2024-03-31"})", now);
  CHECK_THAT(network, Catch::Contains("\"density\": 1"));
  const std::string skills = Call(s, "analytics.skills", R"({"maxSkills": 2})", now);
  CHECK_THAT(skills, Catch::Contains("\"generated_at\": \"2024-04-03T12:00:00Z\""));

  CHECK(CallError(s, "analytics.activity", "{}").message() == "analytics.activity: param \"developer\" is required");
  CHECK(CallError(s, "analytics.productivity", R"({"groupBy": "quarter"})").message() ==
        "analytics.productivity: param \"groupBy\" group by day, week or month, got \"quarter\"");
  CHECK(CallError(s, "analytics.skills", R"({"maxSkills": 51})").message() ==
        "analytics.skills: param \"maxSkills\" must be an integer in 1..50");
}

}  // namespace
}  // namespace loupe::api
