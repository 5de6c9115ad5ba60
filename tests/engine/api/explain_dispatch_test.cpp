// insights.explain and insights.catalog through api::Dispatch: the concrete window and population
// of a small workspace, worked by hand, under both profiles; unknown metrics name close matches.
#include <string>

#include <catch2/catch.hpp>

#include "engine/snapshots/session_fixture.h"
#include "loupe/api/dispatch.h"
#include "loupe/metrics/catalog.h"

namespace loupe::api {
namespace {

using testing::GitCommit;
using testing::ImportOrFail;
using testing::JsonArray;
using testing::kAna;
using testing::kBob;

const testing::Person kBot{"ci-bot[bot]", "ci-bot[bot]", 104};  // a bot by the default rules

// A merge commit (two parents) by `who`: it carries no authored work.
std::string MergeCommit(int seed, const testing::Person& who, const std::string& date, int parent_a, int parent_b) {
  char sha[41], a[41], b[41];
  std::snprintf(sha, sizeof sha, "%040x", seed);
  std::snprintf(a, sizeof a, "%040x", parent_a);
  std::snprintf(b, sizeof b, "%040x", parent_b);
  return "\x1e" + std::string(sha) + "\x1f" + a + " " + b + "\x1f" + who.name + "\x1f" + who.Email() + "\x1f" + date +
         "\x1f" + who.name + "\x1f" + who.Email() + "\x1f" + date + "\x1fmain\x1f\x1fmerge\x1f\n\n";
}

// Week of Mon 2024-01-08; `to` 2024-01-14 includes that day, so the window is
// [2024-01-08T00:00Z, 2024-01-15T00:00Z).
//   Ana: commits 1 (Mon), 2 (Tue), merge 3 (Wed, parents 1 and 2), 4 at exactly 2024-01-15T00:00Z.
//   Bob: commit 5 (Tue). The bot: commit 6 (Tue).
//   PR 1 by Ana, created Mon 09:00, merged Tue 09:00; reviews on it: Bob approves Mon 12:00, the
//   bot approves Mon 13:00, Ana comments on her own PR Mon 14:00.
std::unique_ptr<Session> Scenario() {
  auto s = Session::InMemory();
  ImportOrFail(*s, GitCommit(1, kAna, "2024-01-08T10:00:00Z") + GitCommit(2, kAna, "2024-01-09T10:00:00Z") +
                       MergeCommit(3, kAna, "2024-01-10T10:00:00Z", 1, 2) + GitCommit(4, kAna, "2024-01-15T00:00:00Z") +
                       GitCommit(5, kBob, "2024-01-09T12:00:00Z") + GitCommit(6, kBot, "2024-01-09T13:00:00Z"),
               "log.gitlog");
  ImportOrFail(*s, JsonArray({testing::PullJson(1, kAna, "2024-01-08T09:00:00Z", "2024-01-09T09:00:00Z")}), "pulls.json");
  ImportOrFail(*s,
               JsonArray({testing::ReviewJson(71, 1, kBob, "2024-01-08T12:00:00Z"),
                          testing::ReviewJson(72, 1, kBot, "2024-01-08T13:00:00Z"),
                          testing::ReviewJson(73, 1, kAna, "2024-01-08T14:00:00Z", "COMMENTED")}),
               "reviews.json");
  return s;
}

struct Caller {
  Session& session;
  CallContext context{testing::At("2024-02-01T00:00:00Z"), {}};
  std::string Ok(std::string_view method, std::string_view params) {
    INFO(method << " " << params);
    auto result = Dispatch(session, method, params, context);
    if (!result.ok()) FAIL(result.status().ToString());
    return *result;
  }
  Status Error(std::string_view method, std::string_view params) {
    auto result = Dispatch(session, method, params, context);
    REQUIRE_FALSE(result.ok());
    return result.status();
  }
};

constexpr const char* kWeek = R"("from": "2024-01-08", "to": "2024-01-14")";

TEST_CASE("insights.explain: a developer's commits, window and exclusions per profile", "[api][explain]") {
  auto s = Scenario();
  Caller call{*s};
  const std::string loupe = call.Ok("insights.explain", std::string(R"({"metric": "commits_count", "developer": "ana", )") + kWeek + "}");
  CHECK_THAT(loupe, Catch::Contains("\"key\": \"commits_count\""));
  CHECK_THAT(loupe, Catch::Contains("\"category\": \"velocity\""));
  CHECK_THAT(loupe, Catch::Contains("\"unit\": \"count\""));
  CHECK_THAT(loupe, Catch::Contains("\"better\": \"higher\""));
  CHECK_THAT(loupe, Catch::Contains("\"from\": \"2024-01-08T00:00:00Z\""));
  CHECK_THAT(loupe, Catch::Contains("\"to\": \"2024-01-15T00:00:00Z\""));
  CHECK_THAT(loupe, Catch::Contains("\"zone\": \"UTC\""));
  CHECK_THAT(loupe, Catch::Contains("\"bounds\": \"half-open\""));
  CHECK_THAT(loupe, Catch::Contains("\"period_type\": \"custom\""));
  CHECK_THAT(loupe, Catch::Contains("\"name\": \"Ana Lima\""));
  // loupe: commits 1 and 2 count; 3 is a merge (excluded); 4 is at the window's end (next window).
  CHECK_THAT(loupe, Catch::Contains("{\n        \"what\": \"commits\",\n        \"count\": 2\n      }"));
  CHECK_THAT(loupe, Catch::Contains("{\n        \"what\": \"merge commits\",\n        \"count\": 1\n      }"));
  CHECK_THAT(loupe, Catch::Contains("\"differs_in_other_profile\": true"));
  CHECK_THAT(loupe, Catch::Contains("\"other_profile\": \"Every commit, merge commits included.\""));
  CHECK_THAT(loupe, Catch::Contains("\"profile\": \"loupe\""));

  // aexy-compat: closed window [01-08, 01-15], merges count: commits 1, 2, 3 and 4 -> 4, none excluded.
  const std::string aexy =
      call.Ok("insights.explain", std::string(R"({"metric": "commits_count", "developer": "ana", "profile": "aexy-compat", )") + kWeek + "}");
  CHECK_THAT(aexy, Catch::Contains("\"bounds\": \"closed\""));
  CHECK_THAT(aexy, Catch::Contains("{\n        \"what\": \"commits\",\n        \"count\": 4\n      }"));
  CHECK_THAT(aexy, !Catch::Contains("\"excluded\""));
  CHECK_THAT(aexy, Catch::Contains("\"definition\": \"Every commit, merge commits included.\""));
  CHECK_THAT(aexy, Catch::Contains("\"exclusions\": []"));
}

TEST_CASE("insights.explain: the workspace population leaves bots out under loupe", "[api][explain]") {
  auto s = Scenario();
  Caller call{*s};
  // Developers: Ana, Bob and the bot. loupe: 2 developers, 1 bot excluded; commits Ana 2 + Bob 1 = 3,
  // Ana's merge excluded.
  const std::string loupe = call.Ok("insights.explain", std::string(R"({"metric": "workspace.total_commits", )") + kWeek + "}");
  CHECK_THAT(loupe, Catch::Contains("\"category\": \"workspace\""));
  CHECK_THAT(loupe, Catch::Contains("\"developers\": 2"));
  CHECK_THAT(loupe, Catch::Contains("{\n        \"what\": \"bots\",\n        \"count\": 1\n      }"));
  CHECK_THAT(loupe, Catch::Contains("{\n        \"what\": \"commits\",\n        \"count\": 3\n      }"));
  CHECK_THAT(loupe, Catch::Contains("{\n        \"what\": \"merge commits\",\n        \"count\": 1\n      }"));
  CHECK_THAT(loupe, Catch::Contains("\"differs_in_other_profile\": false"));
  // aexy-compat: all 3 developers; commits Ana 4 + Bob 1 + bot 1 = 6.
  const std::string aexy = call.Ok(
      "insights.explain", std::string(R"({"metric": "workspace.total_commits", "profile": "aexy-compat", )") + kWeek + "}");
  CHECK_THAT(aexy, Catch::Contains("\"developers\": 3"));
  CHECK_THAT(aexy, Catch::Contains("{\n        \"what\": \"commits\",\n        \"count\": 6\n      }"));
}

TEST_CASE("insights.explain: reviews received leave out the author's own and the bot's", "[api][explain]") {
  auto s = Scenario();
  Caller call{*s};
  // On PR 1, in the window: Bob's approval counts; the bot's and Ana's own comment do not.
  const std::string out =
      call.Ok("insights.explain", std::string(R"({"metric": "review_received_count", "developer": "ana", )") + kWeek + "}");
  CHECK_THAT(out, Catch::Contains("{\n        \"what\": \"reviews received\",\n        \"count\": 1\n      }"));
  CHECK_THAT(out, Catch::Contains("{\n        \"what\": \"their own reviews\",\n        \"count\": 1\n      }"));
  CHECK_THAT(out, Catch::Contains("{\n        \"what\": \"reviews by bots\",\n        \"count\": 1\n      }"));
  CHECK_THAT(out, Catch::Contains("\"rule\": \"reviews submitted in [from, to)"));
  // Participation is measured on other people's pull requests: Ana's own PR is not its population.
  const std::string participation =
      call.Ok("insights.explain", std::string(R"({"metric": "review_participation_rate", "developer": "ana", )") + kWeek + "}");
  CHECK_THAT(participation, !Catch::Contains("\"counted\""));
  // aexy-compat reads reviews per working day: Ana's one review in the closed window counts.
  const std::string aexy = call.Ok("insights.explain", std::string(R"({"metric": "review_participation_rate", )") +
                                                         R"("developer": "ana", "profile": "aexy-compat", )" + kWeek + "}");
  CHECK_THAT(aexy, Catch::Contains("{\n        \"what\": \"reviews given\",\n        \"count\": 1\n      }"));
}

TEST_CASE("insights.explain and insights.catalog: errors and the whole catalog", "[api][explain]") {
  auto s = Scenario();
  Caller call{*s};
  const Status unknown = call.Error("insights.explain", R"({"metric": "commit_count"})");
  CHECK(unknown.code() == StatusCode::kInvalidInput);
  CHECK_THAT(unknown.message(), Catch::StartsWith("insights.explain: param \"metric\" names no metric: \"commit_count\" "
                                                  "(close matches: velocity.commits_count"));
  CHECK(call.Error("insights.explain", "{}").code() == StatusCode::kInvalidInput);
  CHECK_THAT(call.Error("insights.explain", R"({"metric": "load", "developer": "ana", "team": "core"})").message(),
             Catch::StartsWith("insights.explain: name a developer or a team, not both"));
  CHECK(call.Error("insights.explain", R"({"metric": "load", "developer": "nobody-at-all"})").code() ==
        StatusCode::kNotFound);
  CHECK(call.Error("insights.explain", R"({"metric": "load", "profile": "nope"})").code() == StatusCode::kInvalidInput);

  // category.key names one of the keys several places share.
  CHECK_THAT(call.Ok("insights.explain", R"({"metric": "workspace.gini_coefficient"})"),
             Catch::Contains("\"other_profile\": \"Over every developer, zero rows included, uncorrected (§9.3.8).\""));

  const std::string catalog = call.Ok("insights.catalog", "{}");
  CHECK(testing::Count(catalog, "\"key\": ") == metrics::MetricCatalog().size());
  CHECK_THAT(catalog, Catch::Contains("\"profile\": \"loupe\""));
  CHECK_THAT(call.Ok("insights.catalog", R"({"profile": "aexy-compat"})"), Catch::Contains("\"profile\": \"aexy-compat\""));
  CHECK(call.Error("insights.catalog", R"({"metric": "x"})").code() == StatusCode::kInvalidInput);
}

}  // namespace
}  // namespace loupe::api
