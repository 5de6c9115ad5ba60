// `loupe insights` end to end on the demo workspace (fixtures/demo).
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli/cli_run.h"
#include "cli/subprocess.h"
#include "support/test_util.h"

namespace loupe {
namespace {

using testing::Loupe;
using testing::Run;

// The demo imported once per test process into a database of its own.
const std::string& DemoDb() {
  static const std::string db = [] {
    char dir[] = "/tmp/loupe-insights-XXXXXX";
    REQUIRE(mkdtemp(dir) != nullptr);
    const std::string path = std::string(dir) + "/demo.db";
    std::vector<std::string> args = {"--db", path, "--quiet", "import"};
    for (const char* f : {"rocket.gitlog", "rocket-commits.json", "rocket-pulls.json", "rocket-reviews.json",
                          "rocket-review-comments.json"}) {
      args.push_back(testing::SourcePath(std::string("fixtures/demo/") + f));
    }
    REQUIRE(Loupe(args).code == 0);
    return path;
  }();
  return db;
}

Run Insights(std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", DemoDb(), "insights"});
  return Loupe(args);
}

// For each occurrence of `"key": K` in pretty JSON, the integer of the next `"value_key": V`:
// K -> V. Enough to read rows of the CLI's own output without a JSON parser.
std::map<std::string, int64_t> Pairs(const std::string& json, const std::string& key, const std::string& value_key) {
  std::map<std::string, int64_t> out;
  const std::string k = "\"" + key + "\": ", v = "\"" + value_key + "\": ";
  for (size_t at = json.find(k); at != std::string::npos; at = json.find(k, at + 1)) {
    const size_t key_start = at + k.size();
    const std::string key_text = json.substr(key_start, json.find_first_of(",\n", key_start) - key_start);
    const size_t value_at = json.find(v, key_start);
    if (value_at == std::string::npos) break;
    out[key_text] = std::strtoll(json.c_str() + value_at + v.size(), nullptr, 10);
  }
  return out;
}

TEST_CASE("CLI insights: developer JSON has the five categories with the seed's keys", "[cli][insights]") {
  Run r = Insights({"developer", "analima", "--from", "2024-01-08", "--to", "2024-04-01", "--json"});
  REQUIRE(r.code == 0);
  // --to includes its day: the window ends at 2024-04-02 00:00.
  CHECK_THAT(r.out, Catch::Contains("\"period_start\": \"2024-01-08T00:00:00Z\""));
  CHECK_THAT(r.out, Catch::Contains("\"period_end\": \"2024-04-02T00:00:00Z\""));
  CHECK_THAT(r.out, Catch::Contains("\"developer_name\": \"Ana Lima\""));
  const std::vector<std::pair<const char*, std::vector<const char*>>> categories = {
      {"velocity", {"commits_count", "prs_merged", "lines_added", "lines_removed", "net_lines", "commit_frequency",
                    "pr_throughput", "avg_commit_size"}},
      {"efficiency", {"avg_pr_cycle_time_hours", "avg_time_to_first_review_hours", "avg_pr_size", "pr_merge_rate",
                      "first_commit_to_merge_hours", "rework_ratio"}},
      {"quality", {"review_participation_rate", "avg_review_depth", "review_turnaround_hours", "self_merge_rate"}},
      {"sustainability", {"weekend_commit_ratio", "late_night_commit_ratio", "longest_streak_days",
                          "avg_daily_active_hours", "focus_score"}},
      {"collaboration", {"unique_collaborators", "cross_team_pr_ratio", "review_given_count", "review_received_count",
                         "knowledge_sharing_score"}},
  };
  for (const auto& [category, keys] : categories) {
    const size_t at = r.out.find(std::string("\"") + category + "\": {");
    REQUIRE(at != std::string::npos);
    const std::string body = r.out.substr(at, r.out.find('}', at) - at);
    for (const char* key : keys) CHECK_THAT(body, Catch::Contains(std::string("\"") + key + "\": "));
  }
  // Every one of Ana's 97 commits (fixtures/demo/expected-developers.json) falls in the window.
  CHECK_THAT(r.out, Catch::Contains("\"commits_count\": 97,"));
  CHECK_THAT(r.out, Catch::Contains("\"co_authored_count\""));  // a loupe key

  Run aexy = Insights({"developer", "analima", "--from", "2024-01-08", "--to", "2024-04-01", "--json", "--profile",
                       "aexy-compat"});
  REQUIRE(aexy.code == 0);
  CHECK_THAT(aexy.out, Catch::Contains("\"commits_count\": "));
  CHECK_THAT(aexy.out, !Catch::Contains("co_authored_count"));
  CHECK_THAT(aexy.out, Catch::Contains("\"profile\": \"aexy-compat\""));
}

TEST_CASE("CLI insights: developer extras nest under their own keys", "[cli][insights]") {
  Run r = Insights({"developer", "ana@acme.dev", "--from", "2024-03-04", "--to", "2024-03-10", "--json",
                    "--compare-previous", "--health", "--percentile", "--gaming-flags"});
  REQUIRE(r.code == 0);
  // Previous window: the 7 days before 2024-03-04.
  CHECK_THAT(r.out, Catch::Contains("\"previous\": {"));
  CHECK_THAT(r.out, Catch::Contains("\"period_start\": \"2024-02-26T00:00:00Z\""));
  CHECK_THAT(r.out, Catch::Contains("\"health_score\": {\n    \"score\": "));
  CHECK_THAT(r.out, Catch::Contains("\"percentile\": {\n    \"peer_count\": 6,"));
  CHECK_THAT(r.out, Catch::Contains("\"gaming_flags\": {\n    \"flags\": ["));
  CHECK_THAT(r.out, Catch::Contains("\"risk_level\": "));
  Run human = Insights({"developer", "Ana Lima", "--from", "2024-03-04", "--to", "2024-03-10", "--health"});
  REQUIRE(human.code == 0);
  CHECK_THAT(human.out, Catch::Contains("VELOCITY"));
  CHECK_THAT(human.out, Catch::Contains("HEALTH SCORE"));
}

TEST_CASE("CLI insights: team and leaderboard agree with the developers totals", "[cli][insights]") {
  // A window holding all of the demo's activity: every count must equal `developers`.
  const std::vector<std::string> window = {"--from", "2023-01-01", "--to", "2025-01-01", "--json"};
  Run devs = Loupe({"--db", DemoDb(), "developers", "--json"});
  REQUIRE(devs.code == 0);
  const auto commits = Pairs(devs.out, "login", "commits");
  const auto prs = Pairs(devs.out, "login", "prs_merged");
  const auto reviews = Pairs(devs.out, "login", "reviews");
  REQUIRE(commits.size() == 6);  // the six humans

  std::vector<std::string> team_args = {"team"};
  team_args.insert(team_args.end(), window.begin(), window.end());
  Run team = Insights(team_args);
  REQUIRE(team.code == 0);
  CHECK(Pairs(team.out, "github_login", "commits_count") == commits);
  CHECK(Pairs(team.out, "github_login", "prs_merged") == prs);
  CHECK(Pairs(team.out, "github_login", "reviews_given") == reviews);
  CHECK_THAT(team.out, Catch::Contains("\"total_commits\": 395,"));  // 97 + 93 + 64 + 55 + 52 + 34
  CHECK_THAT(team.out, Catch::Contains("\"member_count\": 6,"));

  std::vector<std::string> board_args = {"leaderboard", "--metric", "commits"};
  board_args.insert(board_args.end(), window.begin(), window.end());
  Run board = Insights(board_args);
  REQUIRE(board.code == 0);
  CHECK(Pairs(board.out, "developer_id", "value") == Pairs(devs.out, "id", "commits"));
  CHECK(Pairs(board.out, "developer_id", "rank").at("1") == 1);  // Ana, 97 commits

  Run limited = Insights({"leaderboard", "--metric", "reviews_given", "--limit", "2", "--from", "2023-01-01", "--to",
                          "2025-01-01", "--json"});
  REQUIRE(limited.code == 0);
  CHECK(Pairs(limited.out, "developer_id", "value").size() == 2);
  // Most reviews: Farid (id 0, 30), then Ana (id 1, 27).
  CHECK(Pairs(limited.out, "developer_id", "value") == std::map<std::string, int64_t>{{"0", 30}, {"1", 27}});
}

TEST_CASE("CLI insights: compare workspace and the default window", "[cli][insights]") {
  Run compare = Insights({"compare", "analima,brunoc", "--from", "2024-01-08", "--to", "2024-04-01", "--json"});
  REQUIRE(compare.code == 0);
  CHECK_THAT(compare.out, Catch::StartsWith("[\n  {\n    \"developer_id\": 1,"));
  CHECK_THAT(compare.out, Catch::Contains("\"developer_name\": \"Bruno Costa\""));
  Run table = Insights({"compare", "analima,brunoc", "--from", "2024-01-08", "--to", "2024-04-01"});
  REQUIRE(table.code == 0);
  CHECK_THAT(table.out, Catch::Contains("Ana Lima"));
  CHECK_THAT(table.out, Catch::Contains("Bruno Costa"));

  Run workspace = Insights({"workspace", "--from", "2024-01-01", "--to", "2024-03-31", "--json"});
  REQUIRE(workspace.code == 0);
  CHECK_THAT(workspace.out, Catch::Contains("\"total_developers\": 6,"));
  CHECK_THAT(workspace.out, Catch::Contains("\"workload_balance\": "));
  CHECK_THAT(workspace.out, Catch::Contains("\"inactive_developers\": ["));

  // No --from/--to: the last completed week, long after the demo's activity.
  Run latest = Insights({"team", "--json"});
  REQUIRE(latest.code == 0);
  CHECK_THAT(latest.out, Catch::Contains("\"period_type\": \"weekly\""));
  CHECK_THAT(latest.out, Catch::Contains("\"total_commits\": 0,"));
  Run monthly = Insights({"workspace", "--period", "monthly", "--json"});
  REQUIRE(monthly.code == 0);
  CHECK_THAT(monthly.out, Catch::Contains("-01T00:00:00Z\",\n  \"period_end\": \""));  // starts on a 1st
}

TEST_CASE("CLI insights: bad developers dates metrics and options are refused clearly", "[cli][insights]") {
  Run unknown = Insights({"developer", "nobody-at-all"});
  CHECK(unknown.code == 1);
  CHECK_THAT(unknown.err, Catch::Contains("no developer matches \"nobody-at-all\""));
  Run bad_in_list = Insights({"compare", "analima,ghost"});
  CHECK(bad_in_list.code == 1);
  CHECK_THAT(bad_in_list.err, Catch::Contains("\"ghost\""));

  Run bad_date = Insights({"workspace", "--from", "2024-13-01", "--to", "2024-02-01"});
  CHECK(bad_date.code == 2);
  CHECK_THAT(bad_date.err, Catch::Contains("--from"));
  Run one_sided = Insights({"workspace", "--from", "2024-01-01"});
  CHECK(one_sided.code == 2);
  CHECK_THAT(one_sided.err, Catch::Contains("--from and --to go together"));
  Run reversed = Insights({"workspace", "--from", "2024-02-01", "--to", "2024-01-01"});
  CHECK(reversed.code == 2);
  CHECK_THAT(reversed.err, Catch::Contains("--from must be before --to"));
  Run bad_period = Insights({"workspace", "--period", "fortnightly"});
  CHECK(bad_period.code == 2);

  Run metric = Insights({"leaderboard", "--metric", "happiness"});
  CHECK(metric.code == 2);
  CHECK_THAT(metric.err, Catch::Contains("unknown metric \"happiness\""));
  CHECK_THAT(metric.err, Catch::Contains("commits, prs_merged, lines_changed, reviews_given"));
  CHECK(Insights({"leaderboard"}).code == 2);
  Run limit = Insights({"leaderboard", "--metric", "commits", "--limit", "51"});
  CHECK(limit.code == 2);
  CHECK_THAT(limit.err, Catch::Contains("between 1 and 50"));

  Run misplaced = Insights({"team", "--health"});
  CHECK(misplaced.code == 2);
  CHECK_THAT(misplaced.err, Catch::Contains("--health only applies to `insights developer`"));
  Run team = Insights({"team", "platform"});
  CHECK(team.code == 1);
  CHECK_THAT(team.err, Catch::Contains("no team named \"platform\""));
  CHECK(Insights({"developer", "analima", "--profile", "strict"}).code == 2);
  CHECK(Insights({"frobnicate"}).code == 2);
  CHECK(Insights({}).code == 2);
}

TEST_CASE("CLI insights: help names every subcommand", "[cli][insights]") {
  Run help = Loupe({"insights", "--help"});
  CHECK(help.code == 0);
  CHECK_THAT(help.out, Catch::Contains("loupe [--db PATH] insights"));
  for (const char* sub : {"developer DEV", "team [TEAM]", "workspace", "compare DEV,DEV", "leaderboard --metric M"}) {
    CHECK_THAT(help.out, Catch::Contains(sub));
  }
  CHECK_THAT(Loupe({"--help"}).out, Catch::Contains("insights SUBCOMMAND"));
}

TEST_CASE("CLI insights: the forecast reads the stored weekly snapshots", "[cli][insights]") {
  // A fresh copy of the demo: without snapshots the forecast has no data; after generating the
  // twelve weeks 2024-01-08 .. 2024-03-31 it reads the newest six (kForecastFullHistory).
  char dir[] = "/tmp/loupe-forecast-XXXXXX";
  REQUIRE(mkdtemp(dir) != nullptr);
  const std::string db = std::string(dir) + "/demo.db";
  REQUIRE(Loupe({"--db", db, "--quiet", "import", testing::SourcePath("fixtures/demo/rocket.gitlog")}).code == 0);
  const std::vector<std::string> ask = {"--db", db, "insights", "developer", "ana@acme.dev", "--forecast",
                                        "--from", "2024-03-25", "--to", "2024-03-31", "--json"};
  Run before = Loupe(ask);
  REQUIRE(before.code == 0);
  CHECK_THAT(before.out, Catch::Contains("\"data_points\": 0"));
  REQUIRE(Loupe({"--db", db, "--quiet", "snapshots", "generate", "--period", "weekly", "--from", "2024-01-08",
                 "--to", "2024-03-31"}).code == 0);
  Run after = Loupe(ask);
  REQUIRE(after.code == 0);
  CHECK_THAT(after.out, Catch::Contains("\"data_points\": 6"));
  CHECK_THAT(after.out, Catch::Contains("\"period_start\": \"2024-02-19T00:00:00Z\""));  // the oldest of six
  CHECK(Loupe({"--db", db, "insights", "team", "--forecast"}).code == 2);  // developer only
}


TEST_CASE("CLI insights explain: a readable block, the JSON of insights.explain, errors", "[cli][insights]") {
  const std::vector<std::string> window = {"--from", "2024-01-01", "--to", "2024-03-31"};
  auto with_window = [&](std::vector<std::string> args) {
    args.insert(args.end(), window.begin(), window.end());
    return Insights(args);
  };
  Run text = with_window({"explain", "commits_count", "--developer", "analima"});
  INFO(text.err);
  REQUIRE(text.code == 0);
  CHECK_THAT(text.out, Catch::StartsWith("velocity.commits_count  Commits  (count, higher is better)  profile loupe\n"));
  CHECK_THAT(text.out, Catch::Contains("\nwindow      commits whose author date falls in [from, to)"));
  CHECK_THAT(text.out, Catch::Contains("2024-01-01T00:00:00Z .. 2024-04-01T00:00:00Z  UTC, custom\n"));
  CHECK_THAT(text.out, Catch::Contains("            Ana Lima: 1 developer; commits "));
  CHECK_THAT(text.out, Catch::Contains("excludes    merge commits (more than one parent)"));
  CHECK_THAT(text.out, Catch::Contains("aexy-compat Every commit, merge commits included.\n"));

  // The commits the explanation counts are the ones the developer's insights report.
  Run json = with_window({"explain", "commits_count", "--developer", "analima", "--json"});
  Run developer = with_window({"developer", "analima", "--json"});
  REQUIRE(json.code == 0);
  REQUIRE(developer.code == 0);
  const auto counted = Pairs(json.out, "what", "count");
  REQUIRE(counted.count("\"commits\"") == 1);
  const size_t at = developer.out.find("\"commits_count\": ");
  REQUIRE(at != std::string::npos);
  CHECK(counted.at("\"commits\"") == std::strtoll(developer.out.c_str() + at + 17, nullptr, 10));
  CHECK_THAT(json.out, Catch::Contains("\"bounds\": \"half-open\""));

  // A team-level figure over every developer, under the other profile.
  Run gini = with_window({"explain", "workspace.gini_coefficient", "--profile", "aexy-compat", "--json"});
  REQUIRE(gini.code == 0);
  CHECK_THAT(gini.out, Catch::Contains("\"category\": \"workspace\""));
  CHECK_THAT(gini.out, Catch::Contains("\"bounds\": \"closed\""));
  CHECK_THAT(gini.out, Catch::Contains("\"differs_in_other_profile\": true"));

  Run unknown = Insights({"explain", "commit_count"});
  CHECK(unknown.code == 2);
  CHECK_THAT(unknown.err, Catch::Contains("unknown metric \"commit_count\" (close matches: velocity.commits_count"));
  CHECK(Insights({"team", "--developer", "analima"}).code == 2);  // explain only
  CHECK(Insights({"explain"}).code == 2);
  CHECK_THAT(Insights({"--help"}).out, Catch::Contains("explain METRIC"));
}

}  // namespace
}  // namespace loupe
