// The GH Archive importer on 800 real events (data README §2). Figures the README does not give
// (distinct PRs, reviews, commits, comments) are computed here by a second, independent pass: a
// plain string scan of each line. The scan is sound because a JSON string cannot hold an
// unescaped quote, so `"key":` only ever matches a real key; each pattern below is chosen so that
// its first match is the field meant (the GH Archive key order puts it first).
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "loupe/core/strings.h"
#include "loupe/ingest/importer.h"
#include "support/test_util.h"

namespace loupe {
namespace {

constexpr std::string_view kFile = "/gharchive/gharchive-2021-07-21T06-09Z.sample800.jsonl";

// The value of the first `"key":` at or after `from`: a string's text, or a number or literal.
std::string_view ValueOf(std::string_view line, std::string_view key, size_t from = 0) {
  const std::string pattern = "\"" + std::string(key) + "\":";
  const size_t at = line.find(pattern, from);
  if (at == std::string_view::npos) return {};
  size_t start = at + pattern.size();
  if (line[start] == '"') {
    ++start;
    return line.substr(start, line.find('"', start) - start);
  }
  return line.substr(start, line.find_first_of(",}", start) - start);
}

int64_t NumberOf(std::string_view text) {
  int64_t n = 0;
  REQUIRE(ParseInt64(text, n));
  return n;
}

// "octo/pool#12" from payload.pull_request's url ".../repos/octo/pool/pulls/12".
std::string PullRequestKey(std::string_view line) {
  const std::string_view url = ValueOf(line, "url", line.find("\"pull_request\":{"));
  const size_t repos = url.find("/repos/");
  const size_t pulls = url.find("/pulls/");
  REQUIRE(repos != std::string_view::npos);
  REQUIRE(pulls != std::string_view::npos);
  return ToLowerAscii(url.substr(repos + 7, pulls - repos - 7)) + "#" +
         std::string(url.substr(pulls + 7));
}

TEST_CASE("GH Archive sample: 800 events import with every figure of README §2",
          "[real-data][gharchive]") {
  LOUPE_REAL_DATA_OR_SKIP(dir);
  const std::string text = testing::ReadFileOrFail(dir + std::string(kFile));
  CHECK(ingest::DetectFormat(text) == ingest::Format::kGhArchive);

  // ---- the independent pass ----
  std::map<std::string, int64_t> types;
  std::map<std::string, std::string>
      last_pr_event_state;        // PullRequestEvent PRs: open/closed/merged
  std::set<std::string> all_prs;  // PRs any PR-carrying event names
  int64_t closed_events = 0, merged_events = 0;
  std::map<std::string, int64_t> review_event_states;
  std::map<int64_t, std::string> review_state_by_id;
  std::set<int64_t> review_comment_ids, conversation_comment_ids;
  int64_t push_commits = 0, unlisted_push_commits = 0, issue_comments_on_prs = 0;
  std::set<std::string> push_shas;
  for (std::string_view line : Split(text, '\n')) {
    if (line.empty()) continue;
    const std::string type(ValueOf(line, "type"));
    ++types[type];
    if (type == "PullRequestEvent" || type == "PullRequestReviewEvent" ||
        type == "PullRequestReviewCommentEvent") {
      all_prs.insert(PullRequestKey(line));
    }
    if (type == "PullRequestEvent") {
      const std::string_view action = ValueOf(line, "action");
      const bool merged = ValueOf(line, "merged") == "true";
      closed_events += action == "closed";
      merged_events += action == "closed" && merged;
      // File order is time order here (each hour's block is in event order).
      last_pr_event_state[PullRequestKey(line)] =
          action == "closed" ? (merged ? "merged" : "closed") : "open";
    } else if (type == "PullRequestReviewEvent") {
      const size_t review = line.find("\"review\":{");
      const std::string state(ValueOf(line, "state", review));
      ++review_event_states[state];
      review_state_by_id[NumberOf(ValueOf(line, "id", review))] = state;
    } else if (type == "PullRequestReviewCommentEvent") {
      review_comment_ids.insert(NumberOf(ValueOf(line, "id", line.find("\"comment\":{"))));
    } else if (type == "IssueCommentEvent" &&
               line.find("\"pull_request\":{") != std::string_view::npos) {
      ++issue_comments_on_prs;
      conversation_comment_ids.insert(NumberOf(ValueOf(line, "id", line.find("\"comment\":{"))));
    } else if (type == "PushEvent") {
      int64_t listed = 0;
      for (size_t at = line.find("\"sha\":\"", line.find("\"commits\":["));
           at != std::string_view::npos; at = line.find("\"sha\":\"", at + 1)) {
        push_shas.insert(std::string(line.substr(at + 7, 40)));
        ++listed;
      }
      push_commits += listed;
      unlisted_push_commits += NumberOf(ValueOf(line, "size")) - listed;
    }
  }
  // README §2, checked on the scan itself first.
  CHECK(types["PushEvent"] == 425);
  CHECK(push_commits == 680);
  CHECK(types["PullRequestEvent"] == 64);
  CHECK(closed_events == 31);
  CHECK(merged_events == 25);
  CHECK(types["IssueCommentEvent"] == 36);
  CHECK(types["PullRequestReviewEvent"] == 28);
  CHECK(review_event_states == std::map<std::string, int64_t>{
                                   {"approved", 13}, {"changes_requested", 2}, {"commented", 13}});
  CHECK(types["PullRequestReviewCommentEvent"] == 10);

  // ---- the import ----
  ingest::ImportOptions options;
  options.source_name = std::string(kFile);
  model::Workspace ws;
  auto stats = ingest::ParseInto(ingest::InputBuffer::Copy(text), options, ws);
  REQUIRE(stats.ok());
  CHECK(stats->format == ingest::Format::kGhArchive);
  CHECK(stats->records == 800);

  // Skipped: every type not imported, by type; the 36 issue comments less those on PRs; and the
  // commits of the 6 pushes larger than the 20 commits GH Archive lists.
  CHECK(unlisted_push_commits == 950);
  const std::map<std::string, int64_t> expected_skipped{
      {"CreateEvent", 103},
      {"WatchEvent", 58},
      {"DeleteEvent", 23},
      {"IssuesEvent", 21},
      {"ForkEvent", 19},
      {"MemberEvent", 4},
      {"ReleaseEvent", 3},
      {"PublicEvent", 2},
      {"GollumEvent", 2},
      {"CommitCommentEvent", 2},
      {"issue comment not on a pull request", 36 - issue_comments_on_prs},
      {"push commits GH Archive does not list", unlisted_push_commits}};
  CHECK(stats->skipped == expected_skipped);

  // Pull requests: the 64 PullRequestEvents name 64 PRs; reviews and review comments name more.
  // Each PR is one row, in the state of its last event: 25 merged, 6 closed, 33 open.
  CHECK(last_pr_event_state.size() == 64);
  CHECK(ws.pull_requests().size() == all_prs.size());
  std::map<std::string, int64_t> states;
  for (const model::PullRequest& pr : ws.pull_requests()) {
    const std::string key =
        ToLowerAscii(ws.repositories()[pr.repo].full_name) + "#" + std::to_string(pr.number);
    REQUIRE(all_prs.count(key) == 1);
    auto last = last_pr_event_state.find(key);
    if (last == last_pr_event_state.end()) continue;
    CHECK(model::PrStateName(pr.state) == last->second);
    ++states[last->second];
    // PullRequestEvent payloads carry the size counts.
    CHECK(pr.additions >= 0);
    CHECK(pr.changed_files >= 0);
  }
  CHECK(states == std::map<std::string, int64_t>{{"merged", 25}, {"closed", 6}, {"open", 33}});

  // Reviews: 28 events but GitHub sent some reviews twice, so one row per distinct review id.
  std::map<std::string, int64_t> expected_review_states, review_states;
  for (const auto& [id, state] : review_state_by_id) ++expected_review_states[state];
  for (const model::Review& r : ws.reviews()) {
    ++review_states[std::string(model::ReviewStateName(r.state))];
    CHECK(review_state_by_id.count(r.github_id) == 1);
  }
  CHECK(ws.reviews().size() == review_state_by_id.size());
  CHECK(review_states == expected_review_states);

  // Comments: the 10 inline ones and the issue comments on PRs, by their distinct ids.
  int64_t inline_comments = 0, conversation_comments = 0;
  for (const model::Comment& c : ws.comments()) {
    if (c.kind == model::CommentKind::kReview) {
      ++inline_comments;
      CHECK(review_comment_ids.count(c.github_id) == 1);
    } else {
      ++conversation_comments;
      CHECK(conversation_comment_ids.count(c.github_id) == 1);
    }
  }
  CHECK(inline_comments == static_cast<int64_t>(review_comment_ids.size()));
  CHECK(conversation_comments == static_cast<int64_t>(conversation_comment_ids.size()));

  // Push commits: 680 listed, one row per distinct sha, all with the approximate push instant.
  CHECK(ws.commits().size() == push_shas.size());
  for (const model::Commit& c : ws.commits()) {
    CHECK(push_shas.count(c.sha.Hex()) == 1);
    CHECK(c.authored.known());
    CHECK_FALSE(c.authored.has_offset());
  }
}

}  // namespace
}  // namespace loupe
