// api::Dispatch gives the same JSON as the CLI's --json: the command sequence of
// cli_json/generate.sh, replayed through Dispatch on an in-memory workspace, must reproduce the
// files the CLI wrote (before its JSON builders moved into the engine) byte for byte.
#include <catch2/catch.hpp>

#include "loupe/api/dispatch.h"
#include "loupe/api/json.h"
#include "loupe/api/window.h"
#include "loupe/core/time.h"
#include "support/test_util.h"

namespace loupe::api {
namespace {

std::string Golden(const std::string& name) {
  std::string text = testing::ReadFileOrFail(testing::SourcePath("tests/engine/api/cli_json/" + name + ".json"));
  // The CLI prints JSON with printf("%s\n"); `privacy export` writes the export text as it is.
  if (name.find("privacy-export") == std::string::npos && !text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

// The CLI's clock was "today" when the files were written; they say "<now>" instead.
std::string WithNow(std::string json, Instant now) {
  const std::string stamp = "\"" + FormatIsoInstant(now) + "\"";
  for (size_t at = json.find(stamp); at != std::string::npos; at = json.find(stamp, at)) {
    json.replace(at, stamp.size(), "\"<now>\"");
  }
  return json;
}

ImportReport ImportDemo(Session& session, const std::string& file) {
  ingest::ImportOptions options;
  options.source_name = file;
  options.repo = "acme/rocket";
  auto report = session.Import(ingest::InputBuffer::Copy(testing::ReadFileOrFail(testing::SourcePath("fixtures/demo/" + file))),
                               options);
  REQUIRE(report.ok());
  report->seconds = 0;
  return *report;
}

std::string ImportsJson(std::initializer_list<ImportReport> reports) {
  JsonWriter w(true);
  w.BeginArray();
  for (const ImportReport& r : reports) WriteJson(w, r);
  w.EndArray();
  return w.Take();
}

TEST_CASE("Dispatch: every result equals the CLI's --json for the same operation", "[api][dispatch]") {
  auto session = Session::InMemory();
  CallContext context;
  context.now = *ParseWhen("2026-11-28T12:00:00Z", false);

  const ImportReport gitlog = ImportDemo(*session, "rocket.gitlog");
  CHECK(ImportsJson({gitlog}) == Golden("01-import"));
  CHECK_THAT(ImportReportJson(gitlog), Catch::StartsWith("{\n  \"file\": \"rocket.gitlog\",\n  \"format\": \"gitlog\""));
  const ImportReport commits = ImportDemo(*session, "rocket-commits.json");
  const ImportReport pulls = ImportDemo(*session, "rocket-pulls.json");
  const ImportReport reviews = ImportDemo(*session, "rocket-reviews.json");
  const ImportReport comments = ImportDemo(*session, "rocket-review-comments.json");
  CHECK(ImportsJson({commits, pulls, reviews, comments}) == Golden("02-import-rest"));

  const std::string mailmap = testing::ReadFileOrFail(testing::SourcePath("fixtures/demo/rocket.mailmap"));
  JsonWriter mailmap_params;
  mailmap_params.BeginObject().Field("text", mailmap).Field("source", "rocket.mailmap").EndObject();
  auto added = Dispatch(*session, "identities.importMailmap", mailmap_params.str(), context);
  REQUIRE(added.ok());
  CHECK(*added == "{\n  \"added\": 1\n}");

  const std::string window = R"("from": "2024-01-01", "to": "2024-03-31")";
  const std::string steps_text[][3] = {
      {"developers.list", "{}", "03-developers"},
      {"developers.list", R"({"bots": true, "limit": 3})", "04-developers-bots"},
      {"identities.list", "{}", "05-identities"},
      {"identities.list", R"({"bots": true})", "06-identities-bots"},
      {"identities.suggest", "", "07-suggest"},
      {"teams.create", R"({"name": "core"})", ""},
      {"teams.addMembers", R"({"team": "core", "developers": ["analima", "brunoc"], "role": "lead"})", ""},
      {"teams.addMembers", R"({"team": "core", "developers": ["chenwei"]})", ""},
      {"teams.create", R"({"name": "web"})", ""},
      {"teams.addMembers", R"({"team": "web", "developers": ["ewalsh", "dipikar"]})", ""},
      {"teams.list", "{}", "08-teams"},
      {"settings.set",
       R"({"team": "core", "workingHours": {"startHour": 9, "endHour": 17, "timezone": "Europe/Berlin"},
           "bottleneckMultiplier": 3})",
       ""},
      {"settings.set",
       R"({"healthWeights": {"velocity": 0.3, "efficiency": 0.2, "quality": 0.2, "sustainability": 0.2,
           "collaboration": 0.1}, "autoSnapshots": true, "snapshotFrequency": "monthly"})",
       ""},
      {"settings.get", "{}", "09-settings"},
      {"settings.get", R"({"team": "core"})", "10-settings-team"},
      {"schedules.set",
       R"({"developer": "analima", "timezone": "America/New_York", "workingDays": ["mon", "tue", "wed", "thu", "fri"],
           "startHour": 8, "endHour": 16, "lateNightStartHour": 23, "lateNightEndHour": 5, "role": "senior"})",
       ""},
      {"schedules.list", "{}", "11-schedules"},
      {"schedules.get", R"({"developer": "analima"})", "12-schedule"},
      {"schedules.get", R"({"developer": "brunoc"})", "13-schedule-none"},
      {"insights.developer", R"({"developer": "analima", )" + window + "}", "14-insights-developer"},
      {"insights.developer",
       R"({"developer": "brunoc", "period": "monthly", "comparePrevious": true, "health": true, "percentile": true,
           "gamingFlags": true, )" + window + "}",
       "15-insights-developer-all"},
      {"insights.developer", R"({"developer": "chenwei", "profile": "aexy-compat", )" + window + "}",
       "16-insights-developer-aexy"},
      {"insights.team", R"({"team": "core", )" + window + "}", "17-insights-team"},
      {"insights.team", R"({"includeInactive": true, "roleWeighted": true, )" + window + "}", "18-insights-team-all"},
      {"insights.workspace", "{" + window + "}", "19-insights-workspace"},
      {"insights.workspace", R"({"profile": "aexy-compat", )" + window + "}", "20-insights-workspace-aexy"},
      {"insights.compare", R"({"developers": ["analima", "brunoc", "chenwei"], )" + window + "}", "21-insights-compare"},
      {"insights.leaderboard", R"({"metric": "commits", "limit": 3, )" + window + "}", "22-leaderboard"},
      {"insights.leaderboard", R"({"metric": "pr_throughput", "team": "core", )" + window + "}", "23-leaderboard-team"},
      {"snapshots.generate", R"({"period": "weekly", )" + window + "}", "24-snapshots-generate"},
      {"snapshots.generate", R"({"period": "monthly", "team": "core", )" + window + "}", "25-snapshots-generate-team"},
      {"snapshots.generate",
       R"({"period": "custom", "from": "2024-02-01", "to": "2024-02-15", "developers": ["analima", "chenwei"],
           "profile": "aexy-compat"})",
       "26-snapshots-generate-devs"},
      {"insights.developer",
       R"({"developer": "analima", "period": "weekly", "from": "2024-03-25", "to": "2024-03-31", "forecast": true})",
       "27-insights-forecast"},
      {"snapshots.history", R"({"developer": "analima", "limit": 3})", "28-snapshots-history"},
      {"snapshots.history", R"({"developer": "chenwei", "period": "monthly"})", "29-snapshots-history-monthly"},
      {"snapshots.status", "{}", "30-snapshots-status"},
      {"alerts.seedTemplates", "{}", ""},
      {"alerts.addRule",
       R"({"name": "Few commits", "category": "velocity", "metric": "commits_count", "operator": "lt", "threshold": 20,
           "scope": "team", "scopeId": "core", "severity": "critical", "description": "core is quiet"})",
       ""},
      {"alerts.updateRule", R"({"id": 7, "threshold": 25, "active": false})", ""},
      {"alerts.rules", R"({"all": true})", "31-alert-rules"},
      {"alerts.rules", "{}", "32-alert-rules-active"},
      {"alerts.evaluate", "{" + window + "}", "33-alerts-evaluate"},
      {"alerts.acknowledge", R"({"id": 1, "by": "lead"})", ""},
      {"alerts.resolve", R"({"id": 2, "by": "lead"})", ""},
      {"alerts.list", "{}", "34-alerts-history"},
      {"alerts.list", R"({"status": "acknowledged"})", "35-alerts-acknowledged"},
      {"privacy.export", R"({"developer": "chenwei"})", "36-privacy-export"},
  };
  for (const auto& [method, params, golden] : steps_text) {
    INFO(method << " " << params);
    auto result = Dispatch(*session, method, params, context);
    REQUIRE(result.ok());
    if (golden.empty()) {
      // Mutations answer {} (seedTemplates and addRule with what they added).
      if (method == "alerts.seedTemplates") {
        CHECK(*result == "{\n  \"added\": 6\n}");
      } else if (method == "alerts.addRule") {
        CHECK(*result == "{\n  \"id\": 7\n}");
      } else {
        CHECK(*result == "{}");
      }
      continue;
    }
    CHECK(WithNow(*result, context.now) == Golden(golden));
  }
}

}  // namespace
}  // namespace loupe::api
