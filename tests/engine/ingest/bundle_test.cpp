#include "loupe/ingest/bundle.h"

#include <catch2/catch.hpp>

#include "loupe/identity/bot_rules.h"
#include "support/test_util.h"

namespace loupe::ingest {
namespace {

using namespace model;

Sha ShaOf(char c) {
  Sha s;
  Sha::Parse(std::string(40, c), s);
  return s;
}

// A workspace with every entity kind and every optional field set.
Workspace Everything() {
  Workspace ws;
  const RepoId repo = ws.InternRepo("acme/rocket");
  const IdentityId ana = ws.InternEmail("Ana@Corp.com", "Ana Lima");
  ws.InternEmail("Ana@Corp.com", "A. Lima");
  const IdentityId ana_login = ws.InternLogin("ana", 1234, "");
  const IdentityId bob = ws.InternEmail("bob@corp.com", "Bob");
  ws.AddLink(ana, ana_login);
  ws.mutable_rules().bot_rules = identity::DefaultBotRules();
  ws.mutable_rules().bot_rules.pop_back();  // a removed default must survive the round trip
  ws.mutable_rules().merges.push_back({"email:ana@corp.com", "email:bob@corp.com"});
  ws.mutable_rules().splits.push_back({"login:ana"});
  ws.mutable_rules().mailmap.push_back({"Ana Lima", "ana@corp.com", "", "ana@old.com"});
  ws.set_carries_rules(true);

  Commit c;
  c.sha = ShaOf('a');
  c.repo = repo;
  c.author = ana;
  c.committer = bob;
  c.authored = {1704704400, 345};            // +05:45
  c.committed = {1704708000, kUnknownOffset};  // a push-event time: offset unknown
  c.message = "feat(core): \"quotes\" and ünïcode\n\nCo-authored-by: Bob <bob@corp.com>";
  c.parents = {ShaOf('b')};
  c.co_authors = {bob};
  c.files = {{"src/new.rs", "src/old.rs", 3, 1, FileStatus::kRenamed, false},
             {"logo.png", "", 0, 0, FileStatus::kModified, true}};
  c.additions = 3, c.deletions = 1, c.changed_files = 2;
  c.has_stats = c.has_files = true;
  c.source_ref = "refs/pull/7/head";
  ws.UpsertCommit(c);
  Commit root;
  root.sha = ShaOf('b');
  root.repo = repo;
  root.author = bob;
  root.authored = {1704600000, 0};  // a known +00:00 offset must stay distinct from unknown
  ws.UpsertCommit(root);
  Commit pushed;
  pushed.sha = ShaOf('d');
  pushed.repo = repo;
  pushed.author = bob;
  pushed.authored = pushed.committed = {1704787200, kUnknownOffset};
  pushed.approximate_time = true;
  ws.UpsertCommit(pushed);

  PullRequest pr;
  pr.repo = repo;
  pr.number = 7;
  pr.github_id = 555;
  pr.author = ana_login;
  pr.title = "Rocket";
  pr.body = "Body";
  pr.state = PrState::kMerged;
  pr.draft = true;
  pr.created_at = 1704600000, pr.updated_at = 1704800000, pr.ready_at = 1704650000;
  pr.merged_at = 1704790000, pr.closed_at = 1704790000;
  pr.merged_by = bob;
  pr.additions = 3, pr.deletions = 1, pr.changed_files = 2, pr.commits = 1, pr.comments = 0;
  pr.review_comments = -1;
  pr.requested_reviewers = {bob};
  pr.labels = {"feature", "p1"};
  pr.base_ref = "main", pr.head_ref = "rocket";
  pr.head_sha = ShaOf('a'), pr.merge_commit_sha = ShaOf('c');
  pr.commit_shas = {ShaOf('a')};
  ws.UpsertPullRequest(pr);

  Review r{901, repo, 7, bob, ReviewState::kChangesRequested, 1704700000, "Nit", ShaOf('a')};
  ws.UpsertReview(r);
  Comment inline_comment{77, CommentKind::kReview, repo, 7, bob, 1704700001, 1704700002, "here", 901, 0, "src/new.rs", 12};
  Comment talk{77, CommentKind::kConversation, repo, 7, ana_login, 1704700003, kNoInstant, "thanks", 0, 0, "", 0};
  ws.UpsertComment(inline_comment);
  ws.UpsertComment(talk);
  ws.UpsertManifest({repo, "Cargo.toml", ShaOf('a'), 1704704400, "[package]\nname = \"rocket\"\n"});
  return ws;
}

TEST_CASE("Bundle: export, import into an empty workspace, export again is byte-identical", "[ingest][bundle]") {
  const Workspace original = Everything();
  const std::string first = WriteBundle(original);
  REQUIRE(DetectFormat(first) == Format::kBundle);
  auto batch = testing::ParseText(first);
  INFO(batch.status().ToString());
  REQUIRE(batch.ok());
  Workspace restored;
  restored.Apply(restored.Plan(*batch));
  CHECK(WriteBundle(restored) == first);
  // Entity by entity, not only bytes: the structs compare every field.
  REQUIRE(restored.commits().size() == 3);
  CHECK(restored.FindCommit(ShaOf('d'))->approximate_time);
  CHECK(*restored.FindCommit(ShaOf('a')) == *original.FindCommit(ShaOf('a')));
  CHECK(restored.FindCommit(ShaOf('b'))->authored.offset_minutes == 0);
  CHECK(restored.FindCommit(ShaOf('a'))->committed.offset_minutes == kUnknownOffset);
  CHECK(restored.pull_requests()[0] == original.pull_requests()[0]);
  CHECK(restored.reviews()[0] == original.reviews()[0]);
  CHECK(restored.comments().size() == 2);
  CHECK(restored.manifests()[0] == original.manifests()[0]);
  CHECK(restored.rules() == original.rules());
  CHECK(restored.identities()[0].names == std::vector<std::string>{"Ana Lima", "A. Lima"});
  // Importing it again changes nothing.
  CHECK(restored.Plan(*batch).empty());
}

TEST_CASE("Bundle: rules are added to, not replacing, a workspace that has data", "[ingest][bundle]") {
  Workspace target;
  target.InternEmail("zed@corp.com", "Zed");
  target.mutable_rules().bot_rules = {{"our-ci", true, "mine"}};
  auto batch = testing::ParseText(WriteBundle(Everything()));
  REQUIRE(batch.ok());
  ChangeSet plan = target.Plan(*batch);
  REQUIRE(plan.rules.has_value());
  CHECK(plan.rules->bot_rules.front().pattern == "our-ci");
  CHECK(plan.rules->bot_rules.size() == 1 + identity::DefaultBotRules().size() - 1);
}

TEST_CASE("Bundle: bad bundles are rejected with the record and field", "[ingest][bundle]") {
  auto error_of = [](std::string_view text) {
    auto r = testing::ParseText(text, {.source_name = "b.json", .format = Format::kBundle});
    REQUIRE_FALSE(r.ok());
    return r.status();
  };
  CHECK_THAT(error_of(R"({"format":"other","version":1})").ToString(), Catch::Contains("not a Loupe bundle"));
  Status newer = error_of(R"({"format":"loupe-bundle","version":2})");
  CHECK(newer.code() == StatusCode::kUnsupported);
  CHECK(newer.location().field == "version");
  Status dangling = error_of(
      R"({"format":"loupe-bundle","version":1,"repositories":["a/b"],"identities":[],"commits":[)"
      R"({"sha":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","repo":0,"author":3}]})");
  CHECK(dangling.location().record == "commits[0]");
  CHECK(dangling.location().field == "author");
  CHECK_THAT(dangling.message(), Catch::Contains("refers to nothing"));
  Status truncated = error_of(R"({"format":"loupe-bundle","version":1,"repositories":["a/b")");
  CHECK(truncated.location().file == "b.json");
  Status bad_offset = error_of(
      R"({"format":"loupe-bundle","version":1,"repositories":["a/b"],"commits":[)"
      R"({"sha":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","repo":0,"authored":"2024-01-01T00:00:00+19:00"}]})");
  CHECK(bad_offset.location().field == "authored");
  CHECK(bad_offset.ToString().rfind("b.json: commits[0], field authored: ", 0) == 0);
}

}  // namespace
}  // namespace loupe::ingest
