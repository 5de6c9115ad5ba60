// `loupe settings|schedules|teams|snapshots|alerts|privacy` end to end: real processes on a real
// SQLite file holding the demo workspace (fixtures/demo).
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli/cli_run.h"
#include "cli/subprocess.h"
#include "support/test_util.h"

namespace loupe {
namespace {

using testing::Loupe;
using testing::DemoDatabase;
using testing::LoupeOk;
using testing::Run;

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

//! The integers that follow every occurrence of `"key": ` in a JSON text.
std::vector<int64_t> IntsOf(const std::string& json, const std::string& key) {
  std::vector<int64_t> out;
  const std::string needle = "\"" + key + "\": ";
  for (size_t pos = json.find(needle); pos != std::string::npos; pos = json.find(needle, pos + 1)) {
    out.push_back(std::strtoll(json.c_str() + pos + needle.size(), nullptr, 10));
  }
  return out;
}

TEST_CASE("CLI admin: every command explains itself", "[cli]") {
  Run help = Loupe({"--help"});
  for (const char* command : {"settings", "schedules", "teams", "snapshots", "alerts", "privacy"}) {
    INFO(command);
    CHECK_THAT(help.out, Catch::Contains(std::string("  ") + command));
    Run command_help = Loupe({command, "--help"});
    CHECK(command_help.code == 0);
    CHECK_THAT(command_help.out, Catch::Contains(std::string("loupe [--db PATH] ") + command));
    CHECK(Loupe({command}).code == 2);  // no subcommand
  }
  CHECK(Loupe({"snapshots", "generate", "--period", "fortnightly"}).code == 2);
  CHECK(Loupe({"privacy", "export"}).code == 2);
}

TEST_CASE("CLI admin: teams, settings and schedules are validated and stored", "[cli]") {
  const std::string db = DemoDatabase("admin-cli");
  LoupeOk({"--db", db, "teams", "create", "Flight"});
  Run twice = Loupe({"--db", db, "teams", "create", "flight"});
  CHECK(twice.code == 1);
  CHECK_THAT(twice.err, Catch::Contains("a team named \"Flight\" exists already"));
  // Members by login, name and e-mail; each stored under an identity ref.
  LoupeOk({"--db", db, "teams", "add", "flight", "analima", "Chen Wei"});
  LoupeOk({"--db", db, "teams", "add", "Flight", "bruno@acme.dev", "--lead"});
  Run missing = Loupe({"--db", db, "teams", "add", "Flight", "Nobody Here"});
  CHECK(missing.code == 1);
  CHECK_THAT(missing.err, Catch::Contains("Nobody Here"));
  Run teams = LoupeOk({"--db", db, "teams", "list", "--json"});
  CHECK(Count(teams.out, "\"identity\": ") == 3);
  CHECK(Count(teams.out, "\"role\": \"lead\"") == 1);
  CHECK_THAT(teams.out, Catch::Contains("\"identity\": \"email:ana@acme.dev\""));

  Run zone = Loupe({"--db", db, "settings", "set", "--timezone", "Europe/Nowhere"});
  CHECK(zone.code == 1);
  CHECK_THAT(zone.err, Catch::Contains("Europe/Nowhere"));
  CHECK(Loupe({"--db", db, "settings", "set", "--hours", "9-24"}).code == 2);
  LoupeOk({"--db", db, "settings", "set", "--timezone", "Europe/Lisbon", "--hours", "8-17", "--late-night", "23-5",
           "--health-weights", "0.3,0.1,0.2,0.2,0.2", "--auto-snapshots", "on", "--snapshot-frequency", "biweekly"});
  LoupeOk({"--db", db, "settings", "holidays", "add", "2024-12-25", "2024-01-01"});
  LoupeOk({"--db", db, "settings", "holidays", "add", "2024-05-01", "--team", "flight"});
  Run shown = LoupeOk({"--db", db, "settings", "show", "--json"});
  CHECK_THAT(shown.out, Catch::Contains("\"timezone\": \"Europe/Lisbon\""));
  CHECK_THAT(shown.out, Catch::Contains("\"late_night_threshold_hour\": 23"));
  CHECK_THAT(shown.out, Catch::Contains("\"snapshot_frequency\": \"biweekly\""));
  CHECK_THAT(shown.out, Catch::Contains("\"auto_generate_snapshots\": true"));
  CHECK_THAT(shown.out, Catch::Contains("\"2024-01-01\""));
  Run team_settings = LoupeOk({"--db", db, "settings", "show", "--team", "FLIGHT", "--json"});
  CHECK_THAT(team_settings.out, Catch::Contains("\"team_id\": \"Flight\""));
  CHECK_THAT(team_settings.out, Catch::Contains("\"2024-05-01\""));
  CHECK(Loupe({"--db", db, "settings", "show", "--team", "Ground"}).code == 1);

  LoupeOk({"--db", db, "schedules", "set", "chenwei", "--timezone", "Asia/Shanghai", "--days", "mon-thu,sat",
           "--hours", "10-19", "--role", "senior"});
  LoupeOk({"--db", db, "schedules", "holidays", "Chen Wei", "add", "2024-02-12"});
  Run schedule = LoupeOk({"--db", db, "schedules", "show", "chen@acme.dev", "--json"});
  CHECK_THAT(schedule.out, Catch::Contains("\"timezone\": \"Asia/Shanghai\""));
  CHECK_THAT(schedule.out, Catch::Contains("\"engineering_role\": \"senior\""));
  CHECK_THAT(schedule.out, Catch::Contains("\"working_days\": [\n    0,\n    1,\n    2,\n    3,\n    5\n  ]"));
  CHECK(Loupe({"--db", db, "schedules", "set", "chenwei", "--role", "boss"}).code == 1);
  CHECK(Loupe({"--db", db, "schedules", "set", "chenwei", "--days", "funday"}).code == 2);
  LoupeOk({"--db", db, "schedules", "remove", "chenwei"});
  CHECK_THAT(LoupeOk({"--db", db, "schedules", "show", "chenwei", "--json"}).out, Catch::Contains("null"));

  LoupeOk({"--db", db, "teams", "remove", "Flight", "Chen Wei"});
  LoupeOk({"--db", db, "teams", "delete", "flight"});
  CHECK_THAT(LoupeOk({"--db", db, "teams", "list", "--json"}).out, Catch::Contains("[]"));
}

TEST_CASE("CLI admin: snapshots are generated, listed, kept fresh and marked stale", "[cli]") {
  const std::string db = DemoDatabase("admin-cli");
  // 2024-01-01 .. 2024-03-31 (inclusive) is 13 Monday-to-Monday weeks and holds the whole demo.
  // Six developers are active (dependabot is a bot): 78 developer snapshots and 13 workspace ones.
  Run generated = LoupeOk({"--db", db, "snapshots", "generate", "--from", "2024-01-01", "--to", "2024-03-31", "--json"});
  CHECK(IntsOf(generated.out, "developer_snapshots_created") == std::vector<int64_t>{78});
  CHECK_THAT(generated.out, Catch::Contains("\"team_snapshot_created\": true"));
  // Half-open weeks that tile the quarter count each of Ana's 97 commits exactly once.
  Run history = LoupeOk({"--db", db, "snapshots", "history", "analima", "--limit", "20", "--json"});
  CHECK(Count(history.out, "\"developer_id\": ") == 13);
  int64_t commits = 0;
  for (int64_t c : IntsOf(history.out, "commits_count")) commits += c;
  CHECK(commits == 97);
  CHECK(history.out.find("\"period_start\": \"2024-03-25T00:00:00Z\"") < history.out.find("\"period_start\": \"2024-03-18"));
  CHECK_THAT(history.out, Catch::Contains("\"raw_counts\""));
  // Biweekly is a series of its own: 7 blocks (2023-12-25 .. 2024-04-08), never among the weeks.
  LoupeOk({"--db", db, "snapshots", "generate", "--period", "biweekly", "--from", "2024-01-01", "--to", "2024-03-31"});
  CHECK(Count(LoupeOk({"--db", db, "snapshots", "history", "analima", "--period", "biweekly", "--json"}).out,
              "\"developer_id\": ") == 7);
  CHECK(Count(LoupeOk({"--db", db, "snapshots", "history", "analima", "--limit", "50", "--json"}).out,
              "\"developer_id\": ") == 13);
  Run status = LoupeOk({"--db", db, "snapshots", "status", "--json"});
  CHECK(Count(status.out, "\"stale\": false") == 14);  // 6 developers + workspace, 2 period types
  CHECK(Count(status.out, "\"stale\": true") == 0);

  // A commit of Ana's that arrives later for the closed week of 2024-01-08 recomputes it.
  char tmpl[] = "/tmp/loupe-admin-cli-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  const std::string late = std::string(tmpl) + "/late.gitlog";
  std::ofstream(late, std::ios::binary) << "\x1e" + std::string(40, 'a') +
                                               "\x1f\x1f" "Ana Lima\x1f" "ana@acme.dev\x1f" "2024-01-10T12:00:00Z\x1f"
                                               "Ana Lima\x1f" "ana@acme.dev\x1f" "2024-01-10T12:00:00Z\x1f" "main\x1f\x1f"
                                               "late\x1f\n\n1\t1\tsrc/late.rs\n";
  auto week_of_jan_8 = [&] {
    const std::string out = LoupeOk({"--db", db, "snapshots", "history", "analima", "--limit", "20", "--json"}).out;
    const size_t at = out.find("\"period_start\": \"2024-01-08T00:00:00Z\"");
    REQUIRE(at != std::string::npos);
    return IntsOf(out.substr(at), "commits_count").front();
  };
  const int64_t before = week_of_jan_8();
  LoupeOk({"--db", db, "import", "--repo", "acme/rocket", late});
  CHECK(week_of_jan_8() == before + 1);
  CHECK(Count(LoupeOk({"--db", db, "snapshots", "status", "--json"}).out, "\"stale\": true") == 0);

  // A team changes what cross-team ratios read: every series is stale until generated again.
  LoupeOk({"--db", db, "teams", "create", "Flight"});
  LoupeOk({"--db", db, "teams", "add", "Flight", "analima"});
  CHECK(Count(LoupeOk({"--db", db, "snapshots", "status", "--json"}).out, "\"stale\": true") == 14);
  LoupeOk({"--db", db, "snapshots", "generate", "--from", "2024-01-01", "--to", "2024-03-31", "--team", "Flight"});
  Run after = LoupeOk({"--db", db, "snapshots", "status", "--json"});
  CHECK_THAT(after.out, Catch::Contains("\"team_id\": \"Flight\""));
  CHECK(Count(after.out, "\"stale\": true") == 13);  // Ana's weekly series is fresh again
  CHECK(Loupe({"--db", db, "snapshots", "generate", "--team", "Ground"}).code == 1);
}

TEST_CASE("CLI admin: alert rules, evaluation, acknowledgement and history", "[cli]") {
  const std::string db = DemoDatabase("admin-cli");
  LoupeOk({"--db", db, "alerts", "rules", "seed-templates"});
  LoupeOk({"--db", db, "alerts", "rules", "seed-templates"});
  Run rules = LoupeOk({"--db", db, "alerts", "rules", "list", "--json"});
  CHECK(Count(rules.out, "\"id\": ") == 6);
  CHECK_THAT(rules.out, Catch::Contains("\"metric_name\": \"avg_pr_cycle_time_hours\""));
  Run broken = Loupe({"--db", db, "alerts", "rules", "add", "Stale", "--category", "efficiency", "--metric",
                      "avg_pr_cycle_time", "--operator", "gt", "--threshold", "72"});
  CHECK(broken.code == 1);
  CHECK_THAT(broken.err, Catch::Contains("avg_pr_cycle_time_hours"));
  Run added = LoupeOk({"--db", db, "alerts", "rules", "add", "Ana slows down", "--category", "velocity", "--metric",
                       "commits_count", "--operator", "change_pct", "--threshold", "-50", "--scope", "developer",
                       "--scope-id", "analima", "--severity", "critical"});
  CHECK(added.out == "7\n");
  LoupeOk({"--db", db, "alerts", "rules", "update", "Velocity Drop", "--threshold", "6", "--severity", "warning"});
  CHECK_THAT(LoupeOk({"--db", db, "alerts", "rules", "list", "--json"}).out, Catch::Contains("\"condition_value\": 6"));

  // The week of 2024-03-18, evaluated twice: the second run finds the same breaches standing and
  // adds no alert.
  Run first = LoupeOk({"--db", db, "alerts", "evaluate", "--from", "2024-03-18", "--to", "2024-03-24", "--json"});
  const size_t triggered = Count(first.out, "\"outcome\": \"triggered\"");
  CHECK(triggered > 0);
  CHECK_THAT(first.out, Catch::Contains("\"window_end\": \"2024-03-25T00:00:00Z\""));
  Run second = LoupeOk({"--db", db, "alerts", "evaluate", "--from", "2024-03-18", "--to", "2024-03-24", "--json"});
  CHECK(Count(second.out, "\"outcome\": \"standing\"") == triggered);
  CHECK(Count(second.out, "\"outcome\": \"triggered\"") == 0);
  Run history = LoupeOk({"--db", db, "alerts", "history", "--json"});
  CHECK(Count(history.out, "\"rule_id\": ") == triggered);

  LoupeOk({"--db", db, "alerts", "ack", "1", "--by", "lead"});
  Run acknowledged = LoupeOk({"--db", db, "alerts", "history", "--status", "acknowledged", "--json"});
  CHECK(Count(acknowledged.out, "\"rule_id\": ") == 1);
  CHECK_THAT(acknowledged.out, Catch::Contains("\"acknowledged_by\": \"lead\""));
  LoupeOk({"--db", db, "alerts", "resolve", "1"});
  CHECK(Loupe({"--db", db, "alerts", "ack", "1"}).code == 1);
  CHECK(Count(LoupeOk({"--db", db, "alerts", "history", "--status", "open", "--json"}).out, "\"rule_id\": ") ==
        triggered - 1);
  LoupeOk({"--db", db, "alerts", "rules", "delete", "7"});
  CHECK(Loupe({"--db", db, "alerts", "rules", "delete", "Ana slows down"}).code == 1);
}

TEST_CASE("CLI admin: a developer is exported, then erased completely", "[cli]") {
  const std::string db = DemoDatabase("admin-cli");
  LoupeOk({"--db", db, "snapshots", "generate", "--from", "2024-01-01", "--to", "2024-03-31"});
  LoupeOk({"--db", db, "teams", "create", "Flight"});
  LoupeOk({"--db", db, "teams", "add", "Flight", "analima", "Chen Wei"});
  const std::string file = db + ".ana.json";
  LoupeOk({"--db", db, "privacy", "export", "Ana Lima", "-o", file});
  const std::string exported = testing::ReadFileOrFail(file);
  for (const char* key : {"\"developer_id\"", "\"exported_at\"", "\"identities\"", "\"commits\"", "\"pull_requests\"",
                          "\"reviews\"", "\"comments\"", "\"working_schedule\"", "\"team_memberships\"",
                          "\"snapshots\"", "\"alert_history\""}) {
    CHECK_THAT(exported, Catch::Contains(key));
  }
  CHECK(Count(exported, "\"period_type\": \"weekly\"") == 13);

  CHECK(Loupe({"--db", db, "privacy", "erase", "Ana Lima"}).code == 2);  // --yes is required
  Run erased = LoupeOk({"--db", db, "privacy", "erase", "Ana Lima", "--yes"});
  CHECK_THAT(erased.err, Catch::Contains("97 commits"));
  CHECK_THAT(LoupeOk({"--db", db, "developers"}).out, !Catch::Contains("Ana Lima"));
  Run again = Loupe({"--db", db, "privacy", "export", "ana@acme.dev"});
  CHECK(again.code == 1);
  CHECK_THAT(again.err, Catch::Contains("no developer matches"));
  Run bundle = LoupeOk({"--db", db, "export-bundle"});
  CHECK_THAT(bundle.out, !Catch::Contains("ana@acme.dev"));
  CHECK_THAT(bundle.out, !Catch::Contains("analima"));
  Run teams = LoupeOk({"--db", db, "teams", "list", "--json"});
  CHECK(Count(teams.out, "\"identity\": ") == 1);  // Chen stays
}

}  // namespace
}  // namespace loupe
