// `loupe intelligence …` end to end: real processes on a real SQLite file holding the demo
// workspace (fixtures/demo). The CLI's --json is the engine's Dispatch result (the text a session
// on the same database answers), results are cached in the file across processes, and the text
// output lays out the same values.
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli/cli_run.h"
#include "loupe/api/dispatch.h"
#include "sqlite/sqlite3_driver.h"
#include "support/test_util.h"

namespace loupe {
namespace {

using testing::Loupe;
using testing::DemoDatabase;
using testing::LoupeOk;
using testing::Run;

std::string Dispatch(const std::string& db, std::string_view method, std::string_view params) {
  auto driver = native::Sqlite3Driver::Open(db);
  REQUIRE(driver.ok());
  auto session = api::Session::Open(std::move(driver).value());
  REQUIRE(session.ok());
  // The clock of the CLI's run: default windows are whole UTC days up to the end of today.
  const Instant now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  auto result = api::Dispatch(**session, method, params, api::CallContext{now, {}});
  INFO(result.status().ToString());
  REQUIRE(result.ok());
  return *result;
}

TEST_CASE("loupe intelligence: --json is the engine's cached result and the text lays it out", "[cli][intelligence]") {
  const std::string db = DemoDatabase("intelligence-cli");
  const Run json = LoupeOk({"--db", db, "intelligence", "burnout", "chen@acme.dev", "--from", "2024-01-01", "--to",
                            "2024-03-31", "--json"});
  CHECK_THAT(json.out, Catch::Contains("\"analysis\": \"burnout\""));
  CHECK_THAT(json.out, Catch::Contains("\"has_data\": true"));
  // A session on the same file answers the very text the CLI computed (served from the cache).
  CHECK(Dispatch(db, "intelligence.burnout",
                 R"({"developer": "chen@acme.dev", "from": "2024-01-01", "to": "2024-03-31"})") + "\n" ==
        json.out);
  // The text form shows the same values, keys read as words.
  const Run text = LoupeOk({"--db", db, "intelligence", "burnout", "Chen Wei", "--from", "2024-01-01", "--to",
                            "2024-03-31"});
  CHECK_THAT(text.out, Catch::Contains("analysis: burnout"));
  CHECK_THAT(text.out, Catch::Contains("  name: Chen Wei"));
  CHECK_THAT(text.out, Catch::Contains("  risk level: low"));
  CHECK_THAT(text.out, Catch::Contains("    review quality trend: "));
  CHECK_THAT(text.out, !Catch::Contains("{"));

  // A group's network: the table of its nodes.
  LoupeOk({"--db", db, "teams", "create", "core"});
  LoupeOk({"--db", db, "teams", "add", "core", "chen@acme.dev", "ana@acme.dev"});
  const Run team = LoupeOk({"--db", db, "intelligence", "collaboration", "--team", "core", "--from", "2024-01-01",
                            "--to", "2024-03-31"});
  CHECK_THAT(team.out, Catch::Contains("  kind: team"));
  CHECK_THAT(team.out, Catch::Contains("developer id  name"));
}

TEST_CASE("loupe intelligence analyze-all caches everything once", "[cli][intelligence]") {
  const std::string db = DemoDatabase("intelligence-cli");
  const Run first = LoupeOk({"--db", db, "intelligence", "analyze-all", "--json"});
  CHECK_THAT(first.out, Catch::Contains("\"reused\": 0"));
  CHECK_THAT(first.out, !Catch::Contains("\"computed\": 0,"));
  const Run second = LoupeOk({"--db", db, "intelligence", "analyze-all", "--json"});
  CHECK_THAT(second.out, Catch::Contains("\"computed\": 0,"));
  // The demo's 6 developers (no bots among them), no team, the workspace: 7 subjects × 7.
  CHECK_THAT(second.out, Catch::Contains("\"analyses\": 49"));
  CHECK_THAT(second.out, Catch::Contains("\"reused\": 49"));
}

TEST_CASE("loupe intelligence settings classify-commit and refusals", "[cli][intelligence]") {
  const std::string db = DemoDatabase("intelligence-cli");
  const Run set = LoupeOk({"--db", db, "intelligence", "settings", "--set", "expertiseHalfLifeDays=90", "--set",
                           "burnoutMinBreakDays=3"});
  CHECK_THAT(set.out, Catch::Contains("expertiseHalfLifeDays: 90"));
  CHECK_THAT(set.out, Catch::Contains("burnoutMinBreakDays: 3"));
  CHECK_THAT(LoupeOk({"--db", db, "intelligence", "settings", "--json"}).out,
             Catch::Contains("\"expertiseHalfLifeDays\": 90"));

  const Run bad = Loupe({"--db", db, "intelligence", "settings", "--set", "burnoutMinBreakDays=zero"});
  CHECK(bad.code == 1);
  CHECK_THAT(bad.err, Catch::Contains("intelligence.setSettings: param \"burnoutMinBreakDays\""));

  const Run commit = LoupeOk({"intelligence", "classify-commit", "fix(parser)!: reject empty input", "--json"});
  CHECK_THAT(commit.out, Catch::Contains("\"type\": \"fix\""));
  CHECK_THAT(commit.out, Catch::Contains("\"scope\": \"parser\""));
  CHECK_THAT(commit.out, Catch::Contains("\"breaking\": true"));

  CHECK(Loupe({"--db", db, "intelligence", "nonsense"}).code == 2);
  CHECK(Loupe({"--db", db, "intelligence", "burnout", "--skill", "Go"}).code == 2);
  CHECK(Loupe({"--db", db, "intelligence", "classify-pr", "acme/rocket"}).code == 2);
  const Run team = Loupe({"--db", db, "intelligence", "burnout", "--team", "nope"});
  CHECK(team.code == 1);
  CHECK_THAT(team.err, Catch::Contains("no team named \"nope\""));
  const Run days = Loupe({"--db", db, "intelligence", "burnout", "--days", "365"});
  CHECK(days.code == 1);
  CHECK_THAT(days.err, Catch::Contains("param \"days\" must be an integer in 7..90"));
}

TEST_CASE("loupe analytics: the views as JSON and as text", "[cli][analytics]") {
  const std::string db = DemoDatabase("analytics-cli");
  const Run trends = LoupeOk({"--db", db, "analytics", "productivity", "--group-by", "month", "--from", "2024-01-01",
                              "--to", "2024-03-31", "--json"});
  CHECK_THAT(trends.out, Catch::Contains("\"group_by\": \"month\""));
  CHECK_THAT(trends.out, Catch::Contains("\"date\": \"2024-02-01\""));
  // The text form: the monthly points as a table.
  const Run text = LoupeOk({"--db", db, "analytics", "productivity", "--group-by", "month", "--from", "2024-01-01",
                            "--to", "2024-03-31"});
  CHECK_THAT(text.out, Catch::Contains("date        commits  prs opened"));
  const Run activity = LoupeOk({"--db", db, "analytics", "activity", "chen@acme.dev", "--days", "30"});
  CHECK_THAT(activity.out, Catch::Contains("total days: 30"));
  CHECK_THAT(activity.out, Catch::Contains("weekday hour:\n  - 0, 0,"));
  CHECK(Loupe({"--db", db, "analytics", "activity"}).code == 2);
  CHECK(Loupe({"--db", db, "analytics", "workload", "--group-by", "day"}).code == 2);
  const Run bad = Loupe({"--db", db, "analytics", "productivity", "--group-by", "quarter"});
  CHECK(bad.code == 1);
  CHECK_THAT(bad.err, Catch::Contains("group by day, week or month"));
}

}  // namespace
}  // namespace loupe
