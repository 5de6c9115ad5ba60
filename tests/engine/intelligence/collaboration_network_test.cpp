#include "loupe/intelligence/collaboration_network.h"

#include <cmath>
#include <string>

#include <catch2/catch.hpp>

#include "loupe/identity/bot_rules.h"

namespace loupe {
namespace {

using intelligence::CollaborationSettings;

Instant Day(const char* date) {
  return DaysFromCivil(*ParseIsoDate(date)) * kSecondsPerDay;
}

TEST_CASE("Collaboration: strength from interactions and co-authors and shared files and recency",
          "[intelligence][collaboration]") {
  const CollaborationSettings s;
  // 99 reviews yesterday-ish (0 days): log10(100)/2 = 1 -> 1.
  CHECK(intelligence::CollaborationStrength(99, 0, 0, 0, s) == Approx(1.0));
  // 9 interactions, 0 days: log10(10)/2 = 0.5.
  CHECK(intelligence::CollaborationStrength(9, 0, 0, 0, s) == Approx(0.5));
  // issue 5 (aexy §9.3 item 12: the co-author boost never applied): 9 interactions of which 2
  // co-authored commits -> 0.5 + 0.05 · 2 = 0.6.
  CHECK(intelligence::CollaborationStrength(9, 2, 0, 0, s) == Approx(0.6));
  // The co-author boost stops at 0.2, the shared-files boost at 0.1: 0.5 + 0.2 + 0.1 = 0.8.
  CHECK(intelligence::CollaborationStrength(9, 9, 50, 0, s) == Approx(0.8));
  // Recency: 182.5 days -> 1 − 0.5 = 0.5; a year or more -> the 0.5 floor.
  CHECK(intelligence::CollaborationStrength(9, 0, 0, 182.5, s) == Approx(0.25));
  CHECK(intelligence::CollaborationStrength(9, 0, 0, 800, s) == Approx(0.25));
  // Only shared files: 0 + 0.01 · 3 = 0.03.
  CHECK(intelligence::CollaborationStrength(0, 0, 3, 0, s) == Approx(0.03));
}

struct Fixture {
  model::Workspace ws;
  model::RepoId repo = ws.InternRepo("acme/rocket");
  model::IdentityId ana = ws.InternEmail("ana@example.com", "Ana");
  model::IdentityId bo = ws.InternEmail("bo@example.com", "Bo");
  model::IdentityId cy = ws.InternEmail("cy@example.com", "Cy");
  model::IdentityId dee = ws.InternEmail("dee@example.com", "Dee");
  model::IdentityId bot = ws.InternLogin("dependabot[bot]", 49699333, "");
  int next_sha = 1;
  int64_t next_review = 1;

  Fixture() { ws.mutable_rules().bot_rules = identity::DefaultBotRules(); }

  void Pr(int64_t number, model::IdentityId author, const char* created) {
    model::PullRequest pr;
    pr.repo = repo;
    pr.number = number;
    pr.author = author;
    pr.created_at = Day(created);
    ws.UpsertPullRequest(pr);
  }
  void Review(int64_t pr, model::IdentityId reviewer, model::ReviewState state, Instant at) {
    model::Review r;
    r.github_id = next_review++;
    r.repo = repo;
    r.pr_number = pr;
    r.reviewer = reviewer;
    r.state = state;
    r.submitted_at = at;
    ws.UpsertReview(r);
  }
  void Commit(model::IdentityId author, const char* date, std::vector<std::string> paths,
              std::vector<model::IdentityId> co_authors = {}) {
    model::Commit c;
    char hex[41];
    std::snprintf(hex, sizeof hex, "%040d", next_sha++);
    REQUIRE(Sha::Parse(hex, c.sha));
    c.repo = repo;
    c.author = author;
    c.authored = {Day(date), 0};
    c.committed = c.authored;
    c.parents.resize(1);
    c.co_authors = std::move(co_authors);
    for (const std::string& p : paths) c.files.push_back({.path = p, .additions = 1});
    c.has_files = c.has_stats = true;
    ws.UpsertCommit(std::move(c));
  }
};

TEST_CASE("Collaboration: the network of reviews and co-authored commits and shared files",
          "[intelligence][collaboration]") {
  Fixture f;
  f.Pr(1, f.ana, "2024-02-01");
  f.Pr(2, f.bo, "2024-05-20");
  f.Pr(3, f.bot, "2024-02-01");
  f.Review(1, f.bo, model::ReviewState::kApproved, Day("2024-02-02"));
  f.Review(1, f.bo, model::ReviewState::kCommented, Day("2024-02-03"));
  f.Review(1, f.ana, model::ReviewState::kCommented, Day("2024-02-03"));  // self-review: never
  f.Review(1, f.cy, model::ReviewState::kPending, kNoInstant);            // pending: never
  f.Review(1, f.cy, model::ReviewState::kApproved, Day("2023-12-01"));    // before the window
  f.Review(2, f.ana, model::ReviewState::kChangesRequested, Day("2024-06-01"));
  f.Review(3, f.ana, model::ReviewState::kApproved, Day("2024-02-02"));   // the bot is left out
  f.Commit(f.ana, "2024-03-01", {"src/a.rs"}, {f.cy});
  f.Commit(f.cy, "2024-04-01", {"src/a.rs", "src/b.rs"});
  f.Commit(f.bo, "2024-05-01", {"src/b.rs"});
  f.Commit(f.bot, "2024-05-02", {"src/b.rs"});
  const identity::Resolution resolution = identity::Resolve(f.ws);
  const store::ActivityStore store = store::ActivityStore::Build(f.ws, resolution);
  const uint32_t ana = resolution.IndexOf(f.ana), bo = resolution.IndexOf(f.bo), cy = resolution.IndexOf(f.cy),
                 dee = resolution.IndexOf(f.dee), bot = resolution.IndexOf(f.bot);
  const uint32_t population[] = {ana, bo, cy, dee, bot, ana};
  const Window window{Day("2024-01-01"), Day("2024-07-01")};
  const auto net = intelligence::BuildCollaborationNetwork(f.ws, store, resolution, population, window, {});

  // Nodes: Ana, Bo, Cy, Dee (the bot and the repeated Ana are left out). Edges:
  // Ana–Bo: 3 reviews (Bo twice on PR 1, Ana on PR 2), last 2024-06-01 (30 days before the end):
  //   log10(4)/2 · (1 − 30/365) = 0.30103 · 0.91781 = 0.27629.
  // Ana–Cy: 1 co-authored commit, src/a.rs shared (Ana 03-01, Cy 04-01 -> 03-01), last 03-01
  //   (122 days): (log10(2)/2 + 0.05 + 0.01) · (1 − 122/365) = 0.21052 · 0.66575 = 0.14015.
  // Bo–Cy: src/b.rs shared (Cy 04-01, Bo 05-01 -> 04-01), 91 days: 0.01 · 0.75068 = 0.0075068.
  // Density: 3 edges / (4 · 3 / 2) = 0.5.
  REQUIRE(net.nodes.size() == 4);
  REQUIRE(net.edges.size() == 3);
  const auto& ab = net.edges[0];
  CHECK(((ab.a == ana && ab.b == bo) || (ab.a == bo && ab.b == ana)));
  CHECK(ab.review_count == 3);
  CHECK(ab.co_author_count == 0);
  CHECK(ab.shared_files_count == 0);
  CHECK(ab.interaction_count == 3);
  CHECK(ab.last_interaction == Day("2024-06-01"));
  CHECK(ab.strength == Approx(std::log10(4.0) / 2 * (1 - 30.0 / 365)));
  const auto& ac = net.edges[1];
  CHECK(std::min(ac.a, ac.b) == std::min(ana, cy));
  CHECK(ac.co_author_count == 1);
  CHECK(ac.shared_files_count == 1);
  CHECK(ac.interaction_count == 1);
  CHECK(ac.last_interaction == Day("2024-03-01"));
  CHECK(ac.strength == Approx((std::log10(2.0) / 2 + 0.06) * (1 - 122.0 / 365)));
  const auto& bc = net.edges[2];
  CHECK(bc.shared_files_count == 1);
  CHECK(bc.interaction_count == 0);
  CHECK(bc.strength == Approx(0.01 * (1 - 91.0 / 365)));
  CHECK(net.density == Approx(0.5));
  CHECK(net.nodes[0].developer == ana);
  CHECK(net.nodes[0].degree == 2);
  CHECK(net.nodes[0].interactions == 4);
  CHECK(net.nodes[3].developer == dee);
  CHECK(net.nodes[3].degree == 0);

  JsonWriter w;
  intelligence::WriteJson(w, net, resolution);
  CHECK_THAT(w.str(), Catch::Contains(R"("developer_a_name":"Ana","developer_b_name":"Bo","interaction_count":3,)"
                                      R"("review_count":3,"co_author_count":0,"shared_files_count":0,)"
                                      R"("strength_score":0.28,"weight":0.3,"interaction_types":["reviewed"],)"
                                      R"("last_interaction_at":"2024-06-01T00:00:00Z"})"));
  CHECK_THAT(w.str(), Catch::Contains(R"("interaction_types":["co_authored","shared_files"])"));
  CHECK_THAT(w.str(), Catch::EndsWith(R"("density":0.5})"));

  // The analytics shape: node degree = Σ interactions (Ana: 3 reviews + 1 co-authored commit).
  JsonWriter analytics;
  intelligence::WriteAnalyticsJson(analytics, net, resolution);
  const int64_t ana_id = resolution.developers()[ana].id, bo_id = resolution.developers()[bo].id;
  CHECK_THAT(analytics.str(), Catch::StartsWith(R"({"nodes":[{"id":)" + std::to_string(ana_id) +
                                                R"(,"name":"Ana","degree":4},)"));
  CHECK_THAT(analytics.str(), Catch::Contains(R"({"source_id":)" + std::to_string(std::min(ana_id, bo_id)) +
                                              R"(,"target_id":)" + std::to_string(std::max(ana_id, bo_id)) +
                                              R"(,"weight":0.3,"interactions":3,"strength":0.28})"));
}

TEST_CASE("Collaboration: one developer or none has density 0", "[intelligence][collaboration]") {
  Fixture f;
  const identity::Resolution resolution = identity::Resolve(f.ws);
  const store::ActivityStore store = store::ActivityStore::Build(f.ws, resolution);
  const uint32_t one[] = {resolution.IndexOf(f.ana)};
  const Window window{Day("2024-01-01"), Day("2024-07-01")};
  const auto net = intelligence::BuildCollaborationNetwork(f.ws, store, resolution, one, window, {});
  CHECK(net.nodes.size() == 1);
  CHECK(net.edges.empty());
  CHECK(net.density == 0);
}

}  // namespace
}  // namespace loupe
