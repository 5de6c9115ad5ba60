// The GH Archive JSON Lines importer: each event kind it imports, what it skips and counts, and
// errors named by line.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "loupe/ingest/importer.h"
#include "support/test_util.h"

namespace loupe {
namespace {

using model::Workspace;

std::string Hex(char digit) {
  return std::string(40, digit);
}

// One event line: 2021-07-21T06:00:00Z = 1626847200 unless `created_at` says otherwise.
std::string Event(std::string_view type, std::string_view payload,
                  std::string_view created_at = "2021-07-21T06:00:00Z") {
  return R"({"id":"17244207336","type":")" + std::string(type) +
         R"(","actor":{"id":101,"login":"ana-gh"},"repo":{"id":5,"name":"octo/pool","url":"https://api.github.com/repos/octo/pool"},"payload":)" +
         std::string(payload) + R"(,"public":true,"created_at":")" + std::string(created_at) +
         R"("})";
}

// payload.pull_request as GH Archive embeds it (REST-shaped, with the size counts).
std::string PullRequest(int number, std::string_view state, std::string_view updated_at,
                        std::string_view merged_at = "null") {
  return R"({"url":"https://api.github.com/repos/octo/pool/pulls/)" + std::to_string(number) +
         R"(","id":)" + std::to_string(7000 + number) + R"(,"number":)" + std::to_string(number) +
         R"(,"state":")" + std::string(state) +
         R"(","title":"Speed up","user":{"login":"ana-gh","id":101},"body":"b",)"
         R"("created_at":"2021-07-20T00:00:00Z","updated_at":")" +
         std::string(updated_at) + R"(","closed_at":null,"merged_at":)" + std::string(merged_at) +
         R"(,"merge_commit_sha":null,"requested_reviewers":[],"labels":[],"draft":false,)"
         R"("head":{"ref":"speed","sha":")" +
         Hex('e') +
         R"("},"base":{"ref":"main","repo":{"full_name":"octo/pool"}},)"
         R"("merged":)" +
         (merged_at == "null" ? "false" : "true") +
         R"(,"comments":1,"review_comments":2,"commits":3,"additions":40,"deletions":10,"changed_files":2})";
}

Result<ingest::ImportStats> Import(std::string_view text, Workspace& batch) {
  ingest::ImportOptions options;
  options.source_name = "events.jsonl";
  return ingest::ParseInto(ingest::InputBuffer::Copy(text), options, batch);
}

TEST_CASE("GhArchive: the format is detected from the first event line", "[ingest][gharchive]") {
  CHECK(ingest::DetectFormat(Event("WatchEvent", R"({"action":"started"})") + "\n") ==
        ingest::Format::kGhArchive);
}

TEST_CASE("GhArchive: push commits get the push instant with an unknown offset",
          "[ingest][gharchive]") {
  // A push of size 3 listing 2 commits (GH Archive lists at most 20, here the third is just not
  // listed): both commits belong to the event's repository, are authored and committed "at"
  // the push, 2021-07-21T06:00:00Z = 1626847200, offset unknown; the unlisted one is counted.
  const std::string push = Event(
      "PushEvent",
      R"({"push_id":1,"size":3,"distinct_size":3,"ref":"refs/heads/main","commits":[)"
      R"({"sha":")" +
          Hex('a') +
          R"(","author":{"email":"ana@example.com","name":"Ana"},"message":"Speed up\n\nCo-authored-by: Bo <bo@example.com>","distinct":true,"url":"u"},)"
          R"({"sha":")" +
          Hex('b') +
          R"(","author":{"email":"ana@example.com","name":"Ana"},"message":"Tidy","distinct":false,"url":"u"}]})");
  Workspace batch;
  auto stats = Import(push + "\n", batch);
  REQUIRE(stats.ok());
  CHECK(stats->records == 1);
  CHECK(stats->skipped ==
        std::map<std::string, int64_t>{{"push commits GH Archive does not list", 1}});
  REQUIRE(batch.commits().size() == 2);
  const model::Commit& c = batch.commits()[0];
  CHECK(batch.repositories()[c.repo].full_name == "octo/pool");
  CHECK(c.authored == Timestamp{1626847200, kUnknownOffset});
  CHECK(c.committed == Timestamp{1626847200, kUnknownOffset});
  CHECK(c.author == batch.FindIdentity(model::IdentityKind::kEmail, "ana@example.com"));
  CHECK(c.committer == model::kNoId);
  CHECK(c.co_authors == std::vector<model::IdentityId>{
                            batch.FindIdentity(model::IdentityKind::kEmail, "bo@example.com")});
  CHECK_FALSE(c.has_stats);
  CHECK(batch.commits()[1].message == "Tidy");
}

TEST_CASE("GhArchive: a pull request's events merge into its latest snapshot",
          "[ingest][gharchive]") {
  // #12 opened (updated 06:00), then closed and merged (updated 07:00) -> one PR, merged at
  // 2021-07-21T07:00:00Z = 1626850800, with the payload's size counts.
  const std::string text =
      Event("PullRequestEvent", R"({"action":"opened","number":12,"pull_request":)" +
                                    PullRequest(12, "open", "2021-07-21T06:00:00Z") + "}") +
      "\n" +
      Event("PullRequestEvent",
            R"({"action":"closed","number":12,"pull_request":)" +
                PullRequest(12, "closed", "2021-07-21T07:00:00Z", R"("2021-07-21T07:00:00Z")") +
                "}",
            "2021-07-21T07:00:00Z") +
      "\n";
  Workspace batch;
  auto stats = Import(text, batch);
  REQUIRE(stats.ok());
  CHECK(stats->records == 2);
  REQUIRE(batch.pull_requests().size() == 1);
  const model::PullRequest& pr = batch.pull_requests()[0];
  CHECK(pr.number == 12);
  CHECK(pr.state == model::PrState::kMerged);
  CHECK(pr.merged_at == 1626850800);
  CHECK(pr.additions == 40);
  CHECK(pr.deletions == 10);
  CHECK(pr.changed_files == 2);
  CHECK(pr.commits == 3);
  CHECK(pr.ready_at == kNoInstant);
}

TEST_CASE("GhArchive: ready_for_review records when a draft became ready", "[ingest][gharchive]") {
  // The event's instant 2021-07-21T08:30:00Z = 1626856200 is when the PR left draft.
  const std::string text = Event("PullRequestEvent",
                                 R"({"action":"ready_for_review","number":12,"pull_request":)" +
                                     PullRequest(12, "open", "2021-07-21T08:30:00Z") + "}",
                                 "2021-07-21T08:30:00Z");
  Workspace batch;
  REQUIRE(Import(text, batch).ok());
  REQUIRE(batch.pull_requests().size() == 1);
  CHECK(batch.pull_requests()[0].ready_at == 1626856200);
}

TEST_CASE("GhArchive: reviews and review comments come with their pull request",
          "[ingest][gharchive]") {
  // A review (lower-case "changes_requested", as events write it) and an inline comment on #12:
  // both import, and so does the PR snapshot each event carries.
  const std::string pr = PullRequest(12, "open", "2021-07-21T06:00:00Z");
  const std::string text =
      Event(
          "PullRequestReviewEvent",
          R"({"action":"created","review":{"id":91,"user":{"login":"bo","id":102},"body":null,)"
          R"("commit_id":")" +
              Hex('e') +
              R"(","submitted_at":"2021-07-21T06:00:00Z","state":"changes_requested",)"
              R"("pull_request_url":"https://api.github.com/repos/octo/pool/pulls/12"},"pull_request":)" +
              pr + "}") +
      "\n" +
      Event(
          "PullRequestReviewCommentEvent",
          R"({"action":"created","comment":{"pull_request_review_id":91,"id":92,)"
          R"("diff_hunk":"@@","path":"pool.go","user":{"login":"bo","id":102},"body":"why?","created_at":"2021-07-21T06:00:00Z",)"
          R"("updated_at":"2021-07-21T06:00:00Z","pull_request_url":"https://api.github.com/repos/octo/pool/pulls/12","line":7},"pull_request":)" +
              pr + "}") +
      "\n";
  Workspace batch;
  REQUIRE(Import(text, batch).ok());
  REQUIRE(batch.pull_requests().size() == 1);
  REQUIRE(batch.reviews().size() == 1);
  CHECK(batch.reviews()[0].github_id == 91);
  CHECK(batch.reviews()[0].state == model::ReviewState::kChangesRequested);
  CHECK(batch.reviews()[0].pr_number == 12);
  REQUIRE(batch.comments().size() == 1);
  CHECK(batch.comments()[0].kind == model::CommentKind::kReview);
  CHECK(batch.comments()[0].review_id == 91);
  CHECK(batch.comments()[0].line == 7);
}

TEST_CASE("GhArchive: issue comments import only when the issue is a pull request",
          "[ingest][gharchive]") {
  // Two IssueCommentEvents: on #12, whose issue has a "pull_request" key (a PR), and on issue #13
  // (a plain issue) -> one conversation comment, one skipped with its reason.
  auto comment_event = [](int number, std::string_view pull_request_key) {
    return Event(
        "IssueCommentEvent",
        R"({"action":"created","issue":{"url":"u","number":)" + std::to_string(number) +
            std::string(pull_request_key) +
            R"(},"comment":{"url":"u","issue_url":"https://api.github.com/repos/octo/pool/issues/)" +
            std::to_string(number) + R"(","id":)" + std::to_string(800 + number) +
            R"(,"user":{"login":"bo","id":102},"created_at":"2021-07-21T06:00:00Z","updated_at":"2021-07-21T06:00:00Z","body":"+1"}})");
  };
  const std::string text =
      comment_event(
          12, R"(,"pull_request":{"url":"https://api.github.com/repos/octo/pool/pulls/12"})") +
      "\n" + comment_event(13, "") + "\n";
  Workspace batch;
  auto stats = Import(text, batch);
  REQUIRE(stats.ok());
  REQUIRE(batch.comments().size() == 1);
  CHECK(batch.comments()[0].kind == model::CommentKind::kConversation);
  CHECK(batch.comments()[0].github_id == 812);
  CHECK(batch.comments()[0].pr_number == 12);
  CHECK(stats->skipped ==
        std::map<std::string, int64_t>{{"issue comment not on a pull request", 1}});
}

TEST_CASE("GhArchive: other event types are counted by type, blank lines and CRLF allowed",
          "[ingest][gharchive]") {
  // 3 WatchEvents and 1 ForkEvent between blank lines, CRLF line ends: 4 records, nothing imported,
  // skipped {ForkEvent: 1, WatchEvent: 3}.
  const std::string watch = Event("WatchEvent", R"({"action":"started"})");
  const std::string text = watch + "\r\n\r\n" + watch + "\r\n" +
                           Event("ForkEvent", R"({"forkee":{}})") + "\r\n\n" + watch;
  Workspace batch;
  auto stats = Import(text, batch);
  REQUIRE(stats.ok());
  CHECK(stats->records == 4);
  CHECK(stats->skipped == std::map<std::string, int64_t>{{"ForkEvent", 1}, {"WatchEvent", 3}});
  CHECK(batch.repositories().empty());
}

TEST_CASE("GhArchive: a bad line in the middle is named by its line number",
          "[ingest][gharchive]") {
  // Lines 1 and 2 are fine, line 3 is broken, line 4 is fine again: the error names line 3.
  const std::string watch = Event("WatchEvent", R"({"action":"started"})");
  auto error_at_line_3 = [&](const std::string& broken) {
    Workspace batch;
    auto stats = Import(watch + "\n" + watch + "\n" + broken + "\n" + watch + "\n", batch);
    REQUIRE_FALSE(stats.ok());
    INFO(stats.status().ToString());
    CHECK(stats.status().location().file == "events.jsonl");
    CHECK(stats.status().location().record == "line 3");
    return stats.status();
  };
  SECTION("a line cut inside a string") {
    // The string "octo/pool" opens one byte before its name: at column find("octo/pool").
    const Status s = error_at_line_3(watch.substr(0, watch.find("octo/pool")));
    CHECK(s.message() ==
          "truncated or malformed JSON: the line ends inside the string that starts at column " +
              std::to_string(watch.find("octo/pool")));
  }
  SECTION("a line cut between values") {
    const Status s = error_at_line_3(watch.substr(0, watch.find(R"("payload")")));
    CHECK_THAT(s.message(), Catch::Contains("truncated or malformed JSON"));
  }
  SECTION("an unclosed object inside a part not read") {
    // The payload of a skipped type is never read; its missing '}' is still found.
    std::string broken = watch;
    broken.erase(broken.find(R"("started"})") + 9, 1);
    const Status s = error_at_line_3(broken);
    CHECK_THAT(s.message(), Catch::Contains("malformed JSON"));
  }
  SECTION("two events on one line") {
    const Status s = error_at_line_3(watch + " " + watch);
    CHECK_THAT(s.message(), Catch::Contains("unexpected text after the event"));
  }
  SECTION("an array instead of an event") {
    const Status s = error_at_line_3("[1,2]");
    CHECK(s.message() == "expected one event object per line, got an array");
  }
  SECTION("a missing type") {
    const Status s = error_at_line_3(R"({"id":"1","payload":{}})");
    CHECK(s.location().field == "type");
    CHECK(s.message() == "missing required field");
  }
  SECTION("a bad field inside a payload") {
    const Status s = error_at_line_3(
        Event("PullRequestEvent", R"({"action":"opened","pull_request":)" +
                                      PullRequest(-1, "open", "2021-07-21T06:00:00Z") + "}"));
    CHECK(s.location().field == "payload.pull_request.number");
  }
  SECTION("a bad push commit sha") {
    const Status s = error_at_line_3(
        Event("PushEvent", R"({"size":1,"commits":[{"sha":"abc","message":"m"}]})"));
    CHECK(s.location().field == "payload.commits[0].sha");
    CHECK_THAT(s.message(), Catch::Contains("40-hex-digit"));
  }
  SECTION("invalid UTF-8") {
    // 0xC3 needs a continuation byte and gets '('; the record names the line, the message the
    // column of the bad byte.
    std::string broken = Event("WatchEvent", "{\"action\":\"st\xC3\x28rted\"}");
    const Status s = error_at_line_3(broken);
    CHECK(s.location().field == "payload.action");
    CHECK(s.message() == "invalid UTF-8 in a string (column " +
                             std::to_string(broken.find('\xC3') + 1) + ")");
  }
}

}  // namespace
}  // namespace loupe
