// The GitHub REST JSON importer: every object kind, `gh api --paginate` output, and the errors
// bad input must produce (file, record and field named).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "loupe/ingest/importer.h"
#include "support/test_util.h"

namespace loupe {
namespace {

using ingest::ImportOptions;
using model::Workspace;

std::string Hex(char digit) {
  return std::string(40, digit);
}
Sha ShaOf(char digit) {
  Sha sha;
  REQUIRE(Sha::Parse(Hex(digit), sha));
  return sha;
}

// A commit list item as GET /repos/O/N/commits returns it, cut to the keys Loupe reads.
std::string CommitJson(char sha, std::string_view message = "Fix the pool",
                       std::string_view extra = "") {
  return R"({"sha":")" + Hex(sha) +
         R"(","commit":{"author":{"name":"Ana","email":"ana@example.com","date":"2024-03-01T10:00:00Z"},)"
         R"("committer":{"name":"GitHub","email":"noreply@github.com","date":"2024-03-01T10:05:00Z"},"message":")" +
         std::string(message) + R"("},"url":"https://api.github.com/repos/octo/pool/commits/)" +
         Hex(sha) +
         R"(","author":{"login":"ana-gh","id":101},"committer":{"login":"web-flow","id":19864447},)"
         R"("parents":[{"sha":")" +
         Hex('0') + R"("}])" + std::string(extra) + "}";
}

// A pull request as the list endpoint returns it (no counts), with `extra` keys appended.
std::string PullJson(int number, std::string_view state, std::string_view merged_at = "null",
                     std::string_view extra = "") {
  return R"({"url":"https://api.github.com/repos/octo/pool/pulls/)" + std::to_string(number) +
         R"(","id":)" + std::to_string(9000 + number) + R"(,"number":)" + std::to_string(number) +
         R"(,"state":")" + std::string(state) +
         R"(","title":"Add a pool","user":{"login":"ana-gh","id":101},)"
         R"("body":null,"created_at":"2024-03-01T10:00:00Z","updated_at":"2024-03-02T10:00:00Z",)"
         R"("closed_at":null,"merged_at":)" +
         std::string(merged_at) +
         R"(,"merge_commit_sha":null,)"
         R"("requested_reviewers":[{"login":"bo","id":102}],"labels":[{"name":"enhancement"}],"draft":false,)"
         R"("head":{"ref":"feature","sha":")" +
         Hex('e') + R"("},"base":{"ref":"main","repo":{"full_name":"octo/pool"}})" +
         std::string(extra) + "}";
}

std::string ReviewJson(int64_t id, std::string_view state,
                       std::string_view user = R"({"login":"bo","id":102})") {
  return R"({"id":)" + std::to_string(id) + R"(,"user":)" + std::string(user) +
         R"(,"body":"looks fine","state":")" + std::string(state) +
         R"(","pull_request_url":"https://api.github.com/repos/octo/pool/pulls/7",)"
         R"("submitted_at":"2024-03-02T09:00:00Z","commit_id":")" +
         Hex('e') + R"("})";
}

Result<ingest::ImportStats> Import(std::string_view text, Workspace& batch,
                                   ImportOptions options = {}) {
  options.source_name = "pulls.json";
  return ingest::ParseInto(ingest::InputBuffer::Copy(text), options, batch);
}

Workspace ImportOk(std::string_view text, ImportOptions options = {}) {
  Workspace batch;
  auto stats = Import(text, batch, options);
  INFO(stats.status().ToString());
  REQUIRE(stats.ok());
  return batch;
}

Status ImportError(std::string_view text, ImportOptions options = {}) {
  Workspace batch;
  auto stats = Import(text, batch, options);
  REQUIRE_FALSE(stats.ok());
  INFO(stats.status().ToString());
  CHECK(stats.status().code() == StatusCode::kInvalidInput);
  CHECK(stats.status().location().file == "pulls.json");
  return stats.status();
}

TEST_CASE("GitHubRest: a commit list item links the author's e-mail and login",
          "[ingest][github-rest]") {
  // One list item: author Ana <ana@example.com> whose e-mail GitHub linked to login ana-gh, a
  // co-author Bo in the body, one parent. REST dates are UTC ("Z"), so the author's own offset is
  // unknown: 2024-03-01T10:00:00Z = 1709287200.
  const Workspace ws = ImportOk(
      "[" + CommitJson('a', R"(Fix the pool\n\nCo-authored-by: Bo <bo@example.com>)") + "]");
  REQUIRE(ws.commits().size() == 1);
  const model::Commit& c = ws.commits()[0];
  CHECK(c.sha == ShaOf('a'));
  CHECK(c.Subject() == "Fix the pool");
  CHECK(ws.repositories()[c.repo].full_name == "octo/pool");
  CHECK(c.authored.utc == 1709287200);
  CHECK_FALSE(c.authored.has_offset());
  CHECK(c.committed.utc == 1709287200 + 300);
  REQUIRE(c.parents.size() == 1);
  CHECK(c.parents[0] == ShaOf('0'));
  CHECK_FALSE(c.has_stats);
  CHECK_FALSE(c.has_files);

  const model::IdentityId email = ws.FindIdentity(model::IdentityKind::kEmail, "ana@example.com");
  const model::IdentityId login = ws.FindIdentity(model::IdentityKind::kLogin, "ana-gh");
  CHECK(c.author == email);
  REQUIRE(login != model::kNoId);
  CHECK(ws.identities()[login].github_user_id == 101);
  const model::IdentityLink link{std::min(email, login), std::max(email, login)};
  CHECK(std::find(ws.links().begin(), ws.links().end(), link) != ws.links().end());
  CHECK(c.committer == ws.FindIdentity(model::IdentityKind::kEmail, "noreply@github.com"));
  REQUIRE(c.co_authors.size() == 1);
  CHECK(c.co_authors[0] == ws.FindIdentity(model::IdentityKind::kEmail, "bo@example.com"));
}

TEST_CASE("GitHubRest: a single commit keeps its stats and files, renames included",
          "[ingest][github-rest]") {
  // GET /repos/O/N/commits/SHA: stats 7 added / 2 deleted over two files; pool.go modified (5/2)
  // and worker.go renamed from old_worker.go (2/0). The file counts sum to the stats, so the list
  // is complete: has_files, changed_files 2.
  const std::string single = CommitJson(
      'b', "Rename the worker",
      R"(,"stats":{"total":9,"additions":7,"deletions":2},"files":[)"
      R"({"sha":"x","filename":"pool.go","status":"modified","additions":5,"deletions":2,"changes":7},)"
      R"({"sha":"y","filename":"worker.go","status":"renamed","additions":2,"deletions":0,"changes":2,"previous_filename":"old_worker.go"}])");
  const Workspace ws = ImportOk(single);
  REQUIRE(ws.commits().size() == 1);
  const model::Commit& c = ws.commits()[0];
  CHECK(c.has_stats);
  CHECK(c.additions == 7);
  CHECK(c.deletions == 2);
  CHECK(c.has_files);
  CHECK(c.changed_files == 2);
  REQUIRE(c.files.size() == 2);
  CHECK(c.files[0] == model::FileChange{"pool.go", "", 5, 2, model::FileStatus::kModified, false});
  CHECK(c.files[1] ==
        model::FileChange{"worker.go", "old_worker.go", 2, 0, model::FileStatus::kRenamed, false});
}

TEST_CASE("GitHubRest: a files list cut short by GitHub is not taken as complete",
          "[ingest][github-rest]") {
  // stats say 10 added lines but the one listed file has 4: GitHub cut the list (300 files per
  // page), so the stats stay and the partial list is dropped (has_files false).
  const Workspace ws = ImportOk(CommitJson(
      'b', "Big change",
      R"(,"stats":{"total":10,"additions":10,"deletions":0},"files":[{"filename":"a.go","status":"added","additions":4,"deletions":0}])"));
  const model::Commit& c = ws.commits()[0];
  CHECK(c.has_stats);
  CHECK(c.additions == 10);
  CHECK_FALSE(c.has_files);
  CHECK(c.files.empty());
}

TEST_CASE("GitHubRest: commit offsets +14:00, -12:00 and +05:45 are kept",
          "[ingest][github-rest]") {
  // An explicit offset is the writer's clock (only "Z" is GitHub's normalisation).
  // 2024-03-01T10:00:00+14:00 = 2024-02-29T20:00:00Z = 1709236800; -12:00 -> 22:00Z = 1709330400;
  // +05:45 -> 10:00 - 5:45 = 04:15Z = 1709266500.
  auto with_date = [](char sha, std::string_view date) {
    std::string json = CommitJson(sha);
    const std::string original = "\"2024-03-01T10:00:00Z\"";
    json.replace(json.find(original), original.size(), "\"" + std::string(date) + "\"");
    return json;
  };
  const Workspace ws = ImportOk("[" + with_date('1', "2024-03-01T10:00:00+14:00") + "," +
                                with_date('2', "2024-03-01T10:00:00-12:00") + "," +
                                with_date('3', "2024-03-01T10:00:00+05:45") + "]");
  REQUIRE(ws.commits().size() == 3);
  CHECK(ws.commits()[0].authored == Timestamp{1709236800, 14 * 60});
  CHECK(ws.commits()[1].authored == Timestamp{1709330400, -12 * 60});
  CHECK(ws.commits()[2].authored == Timestamp{1709266500, 5 * 60 + 45});
}

TEST_CASE("GitHubRest: gh api --paginate output is read as one list", "[ingest][github-rest]") {
  // Three pages written back to back: "[c1][c2]\n[c3]" -> three records, three commits.
  SECTION("pages joined by ][ and by ]\\n[") {
    const std::string text =
        "[" + CommitJson('1') + "][" + CommitJson('2') + "]\n[" + CommitJson('3') + "]\n";
    Workspace batch;
    auto stats = Import(text, batch);
    REQUIRE(stats.ok());
    CHECK(stats->records == 3);
    CHECK(batch.commits().size() == 3);
  }
  SECTION("an error in a later page names the array and the element") {
    // Page 2, element 2 is record 3 overall; its sha is missing.
    const std::string text = "[" + CommitJson('1') + "]\n[" + CommitJson('2') +
                             R"(,{"commit":{"message":"x"},"sha":null}])";
    const Status s = ImportError(text);
    CHECK(s.location().record == "record 3 (array 2, element 2, line 2)");
    CHECK(s.location().field == "sha");
  }
}

TEST_CASE("GitHubRest: an empty array imports nothing", "[ingest][github-rest]") {
  // "[]" is a valid empty page (a repository without pull requests): no records, no entities.
  Workspace batch;
  auto stats = Import("[]", batch);
  REQUIRE(stats.ok());
  CHECK(stats->records == 0);
  CHECK(batch.commits().empty());
  CHECK(batch.pull_requests().empty());
}

TEST_CASE("GitHubRest: a PR list item keeps unknown counts, the single-PR endpoint knows them",
          "[ingest][github-rest]") {
  // The list item has no additions/deletions/…: they stay -1. The single-PR object of #8 carries
  // them: 120 added, 30 deleted, 4 files, 3 commits, 2 comments, 5 review comments.
  const std::string text =
      "[" + PullJson(7, "open") + "," +
      PullJson(
          8, "open", "null",
          R"(,"comments":2,"review_comments":5,"commits":3,"additions":120,"deletions":30,"changed_files":4)") +
      "]";
  const Workspace ws = ImportOk(text);
  const model::RepoId repo = ws.FindRepo("octo/pool");
  const model::PullRequest* list_item = ws.FindPullRequest(repo, 7);
  const model::PullRequest* single = ws.FindPullRequest(repo, 8);
  REQUIRE(list_item != nullptr);
  REQUIRE(single != nullptr);
  CHECK(list_item->additions == -1);
  CHECK(list_item->deletions == -1);
  CHECK(list_item->changed_files == -1);
  CHECK(list_item->commits == -1);
  CHECK(list_item->comments == -1);
  CHECK(list_item->review_comments == -1);
  CHECK(single->additions == 120);
  CHECK(single->deletions == 30);
  CHECK(single->changed_files == 4);
  CHECK(single->commits == 3);
  CHECK(single->comments == 2);
  CHECK(single->review_comments == 5);

  // The rest of #7 as written: 2024-03-01T10:00:00Z = 1709287200, updated a day later.
  CHECK(list_item->github_id == 9007);
  CHECK(list_item->title == "Add a pool");
  CHECK(list_item->body.empty());
  CHECK(list_item->state == model::PrState::kOpen);
  CHECK(list_item->created_at == 1709287200);
  CHECK(list_item->updated_at == 1709287200 + 86400);
  CHECK(list_item->merged_at == kNoInstant);
  CHECK(list_item->author == ws.FindIdentity(model::IdentityKind::kLogin, "ana-gh"));
  CHECK(list_item->requested_reviewers ==
        std::vector<model::IdentityId>{ws.FindIdentity(model::IdentityKind::kLogin, "bo")});
  CHECK(list_item->labels == std::vector<std::string>{"enhancement"});
  CHECK(list_item->base_ref == "main");
  CHECK(list_item->head_ref == "feature");
  CHECK(list_item->head_sha == ShaOf('e'));
}

TEST_CASE("GitHubRest: merged_at makes a closed PR merged, without it the PR is closed",
          "[ingest][github-rest]") {
  // REST says "closed" for both; #1 has merged_at 2024-03-03T00:00:00Z = 1709424000 and a merge
  // commit, #2 was closed without merging.
  const Workspace ws = ImportOk("[" + PullJson(1, "closed", R"("2024-03-03T00:00:00Z")") + "," +
                                PullJson(2, "closed") + "]");
  const model::RepoId repo = ws.FindRepo("octo/pool");
  CHECK(ws.FindPullRequest(repo, 1)->state == model::PrState::kMerged);
  CHECK(ws.FindPullRequest(repo, 1)->merged_at == 1709424000);
  CHECK(ws.FindPullRequest(repo, 2)->state == model::PrState::kClosed);
  CHECK(ws.FindPullRequest(repo, 2)->merged_at == kNoInstant);
}

TEST_CASE("GitHubRest: review states are normalised whatever their case", "[ingest][github-rest]") {
  // REST writes APPROVED, webhooks approved; a mixed-case Changes_Requested reads the same.
  const Workspace ws =
      ImportOk("[" + ReviewJson(1, "APPROVED") + "," + ReviewJson(2, "approved") + "," +
               ReviewJson(3, "Changes_Requested") + "," + ReviewJson(4, "COMMENTED") + "]");
  REQUIRE(ws.reviews().size() == 4);
  CHECK(ws.reviews()[0].state == model::ReviewState::kApproved);
  CHECK(ws.reviews()[1].state == model::ReviewState::kApproved);
  CHECK(ws.reviews()[2].state == model::ReviewState::kChangesRequested);
  CHECK(ws.reviews()[3].state == model::ReviewState::kCommented);
  // pull_request_url …/repos/octo/pool/pulls/7; submitted 2024-03-02T09:00:00Z = 1709370000.
  const model::Review& r = ws.reviews()[0];
  CHECK(ws.repositories()[r.repo].full_name == "octo/pool");
  CHECK(r.pr_number == 7);
  CHECK(r.submitted_at == 1709370000);
  CHECK(r.commit_id == ShaOf('e'));
  CHECK(r.reviewer == ws.FindIdentity(model::IdentityKind::kLogin, "bo"));
}

TEST_CASE("GitHubRest: a null user (a deleted account) imports without an identity",
          "[ingest][github-rest]") {
  // GitHub sends "user": null for ghost accounts; the review is kept, its reviewer unknown, and no
  // identity is made up.
  const Workspace ws = ImportOk("[" + ReviewJson(5, "COMMENTED", "null") + "]");
  REQUIRE(ws.reviews().size() == 1);
  CHECK(ws.reviews()[0].reviewer == model::kNoId);
  CHECK(ws.identities().empty());
}

TEST_CASE("GitHubRest: review comments and issue comments become the two comment kinds",
          "[ingest][github-rest]") {
  // An inline comment (diff_hunk) replying to comment 500 inside review 42 on line 12 of pool.go,
  // and a conversation comment from issue_url …/issues/7. Outdated comments have a null line and
  // keep original_line (comment 502: line 30).
  const std::string text = R"([
{"url":"u","pull_request_review_id":42,"id":501,"diff_hunk":"@@ -1 +1 @@","path":"pool.go","in_reply_to_id":500,
 "user":{"login":"bo","id":102},"body":"nit","created_at":"2024-03-02T09:00:00Z","updated_at":"2024-03-02T09:30:00Z",
 "pull_request_url":"https://api.github.com/repos/octo/pool/pulls/7","line":12,"original_line":10},
{"pull_request_review_id":42,"id":502,"diff_hunk":"@@","path":"pool.go","user":{"login":"bo","id":102},"body":"old",
 "pull_request_url":"https://api.github.com/repos/octo/pool/pulls/7","line":null,"original_line":30},
{"url":"u","html_url":"h","issue_url":"https://api.github.com/repos/octo/pool/issues/7","id":601,
 "user":{"login":"ana-gh","id":101},"created_at":"2024-03-02T10:00:00Z","updated_at":"2024-03-02T10:00:00Z","body":"Thanks!"}
])";
  const Workspace ws = ImportOk(text);
  REQUIRE(ws.comments().size() == 3);
  const model::Comment& inline_comment = ws.comments()[0];
  CHECK(inline_comment.kind == model::CommentKind::kReview);
  CHECK(inline_comment.github_id == 501);
  CHECK(inline_comment.review_id == 42);
  CHECK(inline_comment.in_reply_to == 500);
  CHECK(inline_comment.path == "pool.go");
  CHECK(inline_comment.line == 12);
  CHECK(inline_comment.pr_number == 7);
  CHECK(inline_comment.created_at == 1709370000);
  CHECK(inline_comment.updated_at == 1709370000 + 1800);
  CHECK(ws.comments()[1].line == 30);
  const model::Comment& conversation = ws.comments()[2];
  CHECK(conversation.kind == model::CommentKind::kConversation);
  CHECK(conversation.github_id == 601);
  CHECK(conversation.pr_number == 7);
  CHECK(ws.repositories()[conversation.repo].full_name == "octo/pool");
  CHECK(conversation.body == "Thanks!");
  CHECK(conversation.author == ws.FindIdentity(model::IdentityKind::kLogin, "ana-gh"));
}

TEST_CASE("GitHubRest: PR commits are recorded as the PR's own without erasing PR data",
          "[ingest][github-rest]") {
  // GET …/pulls/7/commits imported with options.pull_request = octo/pool#7: two commits, listed
  // once more by a second page (duplicates) -> commit_shas {a, b}. Merged into a workspace that
  // already has PR #7's snapshot (title, state), in either order, nothing known is lost.
  ImportOptions pr_commits;
  pr_commits.pull_request = ingest::PrRef{"octo/pool", 7};
  const std::string commits =
      "[" + CommitJson('a') + "," + CommitJson('b') + "][" + CommitJson('a') + "]";
  const Workspace commit_batch = ImportOk(commits, pr_commits);
  CHECK(commit_batch.commits().size() == 2);
  REQUIRE(commit_batch.pull_requests().size() == 1);
  CHECK(commit_batch.pull_requests()[0].commit_shas == std::vector<Sha>{ShaOf('a'), ShaOf('b')});
  const Workspace pr_batch =
      ImportOk("[" + PullJson(7, "closed", R"("2024-03-03T00:00:00Z")") + "]");

  for (bool snapshot_first : {true, false}) {
    INFO("snapshot imported first: " << snapshot_first);
    Workspace ws;
    ws.Apply(ws.Plan(snapshot_first ? pr_batch : commit_batch));
    ws.Apply(ws.Plan(snapshot_first ? commit_batch : pr_batch));
    REQUIRE(ws.pull_requests().size() == 1);
    const model::PullRequest& pr = ws.pull_requests()[0];
    CHECK(pr.title == "Add a pool");
    CHECK(pr.state == model::PrState::kMerged);
    CHECK(pr.merged_at == 1709424000);
    CHECK(pr.commit_shas == std::vector<Sha>{ShaOf('a'), ShaOf('b')});
  }
}

TEST_CASE("GitHubRest: the repository comes from url, then html_url, then the import's repo",
          "[ingest][github-rest]") {
  std::string json = CommitJson('c');
  const std::string api_url =
      R"("url":"https://api.github.com/repos/octo/pool/commits/)" + Hex('c') + "\",";
  json.erase(json.find(api_url), api_url.size());

  SECTION("html_url when url is absent") {
    std::string with_html = json;
    with_html.insert(with_html.size() - 1,
                     R"(,"html_url":"https://github.com/web/site/commit/)" + Hex('c') + "\"");
    const Workspace ws = ImportOk(with_html);
    CHECK(ws.repositories()[ws.commits()[0].repo].full_name == "web/site");
  }
  SECTION("options.repo when the object names none") {
    ImportOptions options;
    options.repo = "given/repo";
    const Workspace ws = ImportOk(json, options);
    CHECK(ws.repositories()[ws.commits()[0].repo].full_name == "given/repo");
  }
  SECTION("an error naming url when nothing names one") {
    const Status s = ImportError(json);
    CHECK(s.location().record == "record 1");
    CHECK(s.location().field == "url");
    CHECK_THAT(s.message(), Catch::Contains("cannot tell the repository"));
  }
  SECTION("a PR without base.repo takes its url's repository") {
    std::string pr = PullJson(3, "open");
    const std::string base_repo = R"(,"repo":{"full_name":"octo/pool"})";
    pr.erase(pr.find(base_repo), base_repo.size());
    const Workspace ws = ImportOk(pr);
    REQUIRE(ws.pull_requests().size() == 1);
    CHECK(ws.repositories()[ws.pull_requests()[0].repo].full_name == "octo/pool");
  }
}

TEST_CASE("GitHubRest: duplicate records are merged by their natural keys",
          "[ingest][github-rest]") {
  // The same commit, PR #7 and review 1 twice each (overlapping pages) -> one of each.
  const std::string text = "[" + CommitJson('a') + "," + CommitJson('a') + "," +
                           PullJson(7, "open") + "," + PullJson(7, "open") + "," +
                           ReviewJson(1, "APPROVED") + "," + ReviewJson(1, "APPROVED") + "]";
  Workspace batch;
  auto stats = Import(text, batch);
  REQUIRE(stats.ok());
  CHECK(stats->records == 6);
  CHECK(batch.commits().size() == 1);
  CHECK(batch.pull_requests().size() == 1);
  CHECK(batch.reviews().size() == 1);
}

TEST_CASE("GitHubRest: bad input is rejected naming the record and the field",
          "[ingest][github-rest]") {
  // Each case breaks record 2 of a two-record array written on three lines ("[c1,\n c2\n]"), so
  // the record is "record 2 (line 2)".
  auto second = [](const std::string& broken) {
    return "[" + CommitJson('1') + ",\n" + broken + "\n]";
  };

  SECTION("a number where a string belongs") {
    std::string json = CommitJson('2');
    json.replace(json.find(R"("message":"Fix the pool")"), 24, R"("message":42)");
    const Status wrong = ImportError(second(json));
    CHECK(wrong.location().record == "record 2 (line 2)");
    CHECK(wrong.location().field == "commit.message");
    CHECK_THAT(wrong.message(), Catch::Contains("expected a string, got a number"));
  }
  SECTION("a string where an integer belongs") {
    const Status s = ImportError("[" + PullJson(1, "open") + ",\n" +
                                 PullJson(2, "open", "null", R"(,"additions":"12")") + "\n]");
    CHECK(s.location().record == "record 2 (line 2)");
    CHECK(s.location().field == "additions");
    CHECK_THAT(s.message(), Catch::Contains("expected an integer, got a string"));
  }
  SECTION("huge numbers") {
    for (std::string_view huge : {"1e400", "99999999999999999999"}) {
      INFO(huge);
      const Status s = ImportError(CommitJson(
          '2', "m", R"(,"stats":{"additions":)" + std::string(huge) + R"(,"deletions":0})"));
      CHECK(s.location().record == "record 1");
      CHECK(s.location().field == "stats.additions");
      CHECK_THAT(s.message(), Catch::Contains(std::string(huge) + " out of range"));
    }
  }
  SECTION("a negative count") {
    const Status s = ImportError("[" + PullJson(4, "open", "null", R"(,"additions":-5)") + "]");
    CHECK(s.location().record == "record 1");
    CHECK(s.location().field == "additions");
    CHECK_THAT(s.message(), Catch::Contains("-5 out of range"));
  }
  SECTION("a missing sha") {
    const Status missing = ImportError(second(R"({"commit":{"message":"x"},"parents":[]})"));
    CHECK(missing.location().record == "record 2 (line 2)");
    CHECK(missing.location().field == "sha");
    CHECK(missing.message() == "missing required field");
    const Status null_sha = ImportError(R"([{"sha":null,"commit":{"message":"x"}}])");
    CHECK(null_sha.location().record == "record 1");
    CHECK(null_sha.location().field == "sha");
    CHECK(null_sha.message() == "required field is null");
  }
  SECTION("a missing PR number") {
    const Status s = ImportError(R"([{"state":"open","head":{},"base":{}}])");
    CHECK(s.location().record == "record 1");
    CHECK(s.location().field == "number");
    CHECK(s.message() == "missing required field");
  }
  SECTION("a missing or unknown review state") {
    const Status missing = ImportError(
        R"([{"id":3,"pull_request_url":"https://api.github.com/repos/o/n/pulls/1","submitted_at":null}])");
    CHECK(missing.location().record == "record 1");
    CHECK(missing.location().field == "state");
    CHECK(missing.message() == "missing required field");
    const Status unknown = ImportError("[" + ReviewJson(3, "LGTM") + "]");
    CHECK(unknown.location().field == "state");
    CHECK_THAT(unknown.message(), Catch::Contains("unknown review state \"LGTM\""));
  }
  SECTION("a bad date") {
    std::string json = CommitJson('2');
    json.replace(json.find("2024-03-01T10:00:00Z"), 20, "2024-02-30T10:00:00Z");
    const Status s = ImportError(second(json));
    CHECK(s.location().record == "record 2 (line 2)");
    CHECK(s.location().field == "commit.author.date");
  }
  SECTION("an unknown object") {
    const Status s = ImportError(second(R"({"login":"octocat","id":1})"));
    CHECK(s.location().record == "record 2 (line 2)");
    CHECK(s.message() ==
          "unrecognised GitHub object (expected a commit, pull request, review, review comment or "
          "issue comment)");
  }
  SECTION("an element that is not an object") {
    const Status s = ImportError(second("42"));
    CHECK(s.location().record == "record 2 (line 2)");
    CHECK_THAT(s.message(), Catch::Contains("expected an object, got a number"));
  }
}

TEST_CASE("GitHubRest: truncated JSON names the record it cuts", "[ingest][github-rest]") {
  // The input stops inside record 2's commit object: simdjson only sees an unfinished document,
  // the rescan names the record and says the input ends inside it.
  const std::string whole = "[" + CommitJson('1') + ",\n" + CommitJson('2') + "]";
  SECTION("cut mid-object") {
    const std::string cut = whole.substr(0, whole.find("\"message\"", whole.find(Hex('2'))));
    const Status s = ImportError(cut);
    CHECK(s.location().record == "record 2 (line 2)");
    CHECK_THAT(s.message(), Catch::StartsWith("truncated JSON"));
  }
  SECTION("cut inside a string") {
    const std::string cut = whole.substr(0, whole.find(Hex('2')) + 10);
    const Status s = ImportError(cut);
    CHECK(s.location().record == "record 2 (line 2)");
    CHECK(s.message() ==
          "truncated JSON, or a missing or extra quote: the input ends inside the string that "
          "starts on line 2");
  }
  SECTION("a page after the first one cut") {
    const Status s = ImportError("[" + CommitJson('1') + "][" + CommitJson('2').substr(0, 30));
    CHECK(s.location().record == "record 2 (array 2, element 1)");
    CHECK_THAT(s.message(), Catch::StartsWith("truncated JSON"));
  }
  SECTION("a stray closing bracket") {
    const Status s = ImportError("[" + CommitJson('1') + "]]");
    CHECK_THAT(s.message(), Catch::Contains("unexpected ']'"));
  }
}

TEST_CASE("GitHubRest: invalid UTF-8 in a message names the field and the record",
          "[ingest][github-rest]") {
  // Byte 0xFF can never appear in UTF-8. It sits in record 2's message on line 2.
  std::string json = CommitJson('2', "Fix \xFF pool");
  const Status s = ImportError("[" + CommitJson('1') + ",\n" + json + "\n]");
  CHECK(s.location().record == "record 2 (line 2)");
  CHECK(s.location().field == "commit.message");
  CHECK(s.message() == "invalid UTF-8 in a string (line 2)");
}

}  // namespace
}  // namespace loupe
