// Collaboration, key by key, under the loupe and aexy-compat profiles (docs/metrics.md,
// "Collaboration").
#include <catch2/catch.hpp>

#include "engine/metrics/metric_builder.h"

namespace loupe::testing {
namespace {

using model::ReviewState;

// Ana's collaboration in the week of Mon 2024-01-08:
//   Reviews she gave: approved bob's B1 (Tue), commented on carol's C1 (Wed), commented on her own
//     A1 (Wed), and a pending review on bob's B2 (never submitted).
//   Reviews she received:
//     A1 (created Mon, in the week): bob approved Tue; dependabot[bot] commented Tue; her own
//       comment Wed; bob commented again the next Tuesday 01-16 (after the window).
//     A0 (created the week before): carol approved Wed.
//   Co-authorship: her Thu commit names dave and dependabot[bot]; erin's Fri commit names her.
struct CollaborationWorld {
  MetricWorld w;
  CollaborationWorld() {
    for (const char* p : {"ana", "bob", "carol", "dave", "erin"}) w.Person(p);
    w.Bot("dependabot[bot]");
    const PrRef b1 = w.Pr("bob", "2024-01-08T09:00:00Z");
    const PrRef b2 = w.Pr("bob", "2024-01-08T09:30:00Z");
    const PrRef c1 = w.Pr("carol", "2024-01-09T09:00:00Z");
    const PrRef a1 = w.Pr("ana", "2024-01-08T10:00:00Z");
    const PrRef a0 = w.Pr("ana", "2024-01-03T10:00:00Z");
    w.Review("ana", b1, "2024-01-09T10:00:00Z", ReviewState::kApproved);
    w.Review("ana", c1, "2024-01-10T10:00:00Z", ReviewState::kCommented);
    w.Review("ana", a1, "2024-01-10T11:00:00Z", ReviewState::kCommented);
    w.Review("ana", b2, "", ReviewState::kPending);
    w.Review("bob", a1, "2024-01-09T12:00:00Z", ReviewState::kApproved);
    w.Review("dependabot[bot]", a1, "2024-01-09T13:00:00Z", ReviewState::kCommented);
    w.Review("bob", a1, "2024-01-16T12:00:00Z", ReviewState::kCommented);
    w.Review("carol", a0, "2024-01-10T12:00:00Z", ReviewState::kApproved);
    w.Commit("ana", "2024-01-11T10:00:00Z", {.co_authors = {"dave", "dependabot[bot]"}});
    w.Commit("erin", "2024-01-12T10:00:00Z", {.co_authors = {"ana"}});
  }
};

TEST_CASE("Collaboration: reviews given and received", "[metrics][collaboration]") {
  // loupe: given = B1, C1 (the self-review and the pending one left out) = 2; received = reviews
  //   by other humans submitted in the window on any of her PRs = bob on A1 + carol on A0 = 2.
  // aexy-compat: given = B1, C1, A1 (her own) = 3 (the pending one has no submission instant);
  //   received = reviews by others at any time on PRs created in the window = A1: bob, the bot,
  //   bob again on 01-16 = 3 (A0 was created before the window).
  CollaborationWorld c;
  const metrics::Collaboration l = Built(c.w, kLoupe).Collaboration("ana", WeekOf("2024-01-08"));
  CHECK(l.review_given_count == 2);
  CHECK(l.review_received_count == 2);
  const metrics::Collaboration a = Built(c.w, kAexy).Collaboration("ana", WeekOf("2024-01-08"));
  CHECK(a.review_given_count == 3);
  CHECK(a.review_received_count == 3);
}

TEST_CASE("Collaboration: unique collaborators and knowledge sharing", "[metrics][collaboration]") {
  // loupe: reviewers of her PRs in the window {bob, carol} ∪ authors she reviewed {bob, carol} ∪
  //   her co-author {dave} ∪ who named her {erin}; the bot never counts -> 4.
  //   knowledge sharing = min(1, 2 given × 4 / 50) = 0.16.
  // aexy-compat: reviewers of PRs created in the window (A1: bob, the bot) ∪ authors of PRs she
  //   reviewed in the window (bob, carol; herself excluded) = {bob, bot, carol} = 3.
  //   knowledge sharing = 3 × 3 / 50 = 0.18.
  CollaborationWorld c;
  const metrics::Collaboration l = Built(c.w, kLoupe).Collaboration("ana", WeekOf("2024-01-08"));
  CHECK(l.unique_collaborators == 4);
  CHECK(l.knowledge_sharing_score == Approx(0.16));
  const metrics::Collaboration a = Built(c.w, kAexy).Collaboration("ana", WeekOf("2024-01-08"));
  CHECK(a.unique_collaborators == 3);
  CHECK(a.knowledge_sharing_score == Approx(0.18));
}

TEST_CASE("Collaboration: knowledge sharing saturates at 1 and uses at least one collaborator", "[metrics][collaboration]") {
  // Bob reviews his own PR 30 times in the week: loupe counts none (self-reviews) -> 0 given,
  // score 0. aexy-compat counts all 30 and has no collaborator (himself excluded) -> the
  // max(collaborators, 1) floor: 30 × 1 / 50 = 0.6. With 30 more reviews of ana's PR: loupe
  // 30 × 1 / 50 = 0.6; aexy 60 × 1 (ana) / 50 = 1.2 -> capped at 1.0.
  MetricWorld w;
  w.Person("ana");
  w.Person("bob");
  const PrRef own = w.Pr("bob", "2024-01-08T09:00:00Z");
  for (int i = 0; i < 30; ++i) w.Review("bob", own, "2024-01-09T10:00:00Z", ReviewState::kCommented);
  CHECK(Built(w, kLoupe).Collaboration("bob", WeekOf("2024-01-08")).knowledge_sharing_score == 0.0);
  CHECK(Built(w, kAexy).Collaboration("bob", WeekOf("2024-01-08")).knowledge_sharing_score == Approx(0.6));
  const PrRef anas = w.Pr("ana", "2024-01-08T09:00:00Z");
  for (int i = 0; i < 30; ++i) w.Review("bob", anas, "2024-01-10T10:00:00Z", ReviewState::kCommented);
  CHECK(Built(w, kLoupe).Collaboration("bob", WeekOf("2024-01-08")).knowledge_sharing_score == Approx(0.6));
  CHECK(Built(w, kAexy).Collaboration("bob", WeekOf("2024-01-08")).knowledge_sharing_score == Approx(1.0));
}

// Teams: core = {ana, bob}, web = {carol}; dave is on no team. Ana committed in the week 3 times in
// acme/rocket and once in acme/web. Her PRs created in the week:
//   P1 acme/rocket, reviewed by bob (her team)
//   P2 acme/web,    reviewed by carol (another team)
//   P3 acme/web,    reviewed by dave (no team)
//   P4 acme/rocket, no review
// Dave's PR D1 (acme/rocket) was reviewed by ana.
struct TeamWorld {
  MetricWorld w;
  TeamWorld() {
    for (const char* p : {"ana", "bob", "carol", "dave"}) w.Person(p);
    w.Team("core", {"ana", "bob"});
    w.Team("web", {"carol"});
    for (const char* t : {"2024-01-08T10:00:00Z", "2024-01-09T10:00:00Z", "2024-01-10T10:00:00Z"}) w.Commit("ana", t);
    w.Commit("ana", "2024-01-11T10:00:00Z", {.repo = "acme/web"});
    w.Review("bob", w.Pr("ana", "2024-01-08T12:00:00Z"), "2024-01-08T15:00:00Z");
    w.Review("carol", w.Pr("ana", "2024-01-09T12:00:00Z", {.repo = "acme/web"}), "2024-01-09T15:00:00Z");
    w.Review("dave", w.Pr("ana", "2024-01-10T12:00:00Z", {.repo = "acme/web"}), "2024-01-10T15:00:00Z");
    w.Pr("ana", "2024-01-11T12:00:00Z");
    w.Review("ana", w.Pr("dave", "2024-01-11T12:00:00Z"), "2024-01-11T15:00:00Z");
  }
};

TEST_CASE("Collaboration: cross-team PR ratio", "[metrics][collaboration]") {
  // loupe: of her 3 reviewed PRs, one (P2) was reviewed by a member of another team -> 1/3; dave is
  //   on no team -> 0.
  // aexy-compat: her primary repository is acme/rocket (3 of 4 commits); PRs outside it: P2, P3
  //   of 4 -> 0.5. Dave committed nowhere (not more than one repository) -> 0.
  TeamWorld t;
  CHECK(Built(t.w, kLoupe).Collaboration("ana", WeekOf("2024-01-08")).cross_team_pr_ratio == Approx(1.0 / 3.0));
  CHECK(Built(t.w, kLoupe).Collaboration("dave", WeekOf("2024-01-08")).cross_team_pr_ratio == 0.0);
  CHECK(Built(t.w, kAexy).Collaboration("ana", WeekOf("2024-01-08")).cross_team_pr_ratio == Approx(0.5));
  CHECK(Built(t.w, kAexy).Collaboration("dave", WeekOf("2024-01-08")).cross_team_pr_ratio == 0.0);
}

TEST_CASE("Collaboration: aexy-compat breaks a tie for the primary repository by the first repository met", "[metrics][collaboration]") {
  // Ana's commits of the week by committer date: acme/web Mon, acme/rocket Tue and Wed, acme/web
  // Thu: a 2–2 tie. Python's max over the counts dict keeps the first key met, acme/web, so of her
  // PRs (one in acme/web, two in acme/rocket) the two in acme/rocket are "outside": 2/3.
  MetricWorld w;
  w.Person("ana");
  w.Commit("ana", "2024-01-08T10:00:00Z", {.repo = "acme/web"});
  w.Commit("ana", "2024-01-09T10:00:00Z");
  w.Commit("ana", "2024-01-10T10:00:00Z");
  w.Commit("ana", "2024-01-11T10:00:00Z", {.repo = "acme/web"});
  w.Pr("ana", "2024-01-08T12:00:00Z", {.repo = "acme/web"});
  w.Pr("ana", "2024-01-09T12:00:00Z");
  w.Pr("ana", "2024-01-10T12:00:00Z");
  CHECK(Built(w, kAexy).Collaboration("ana", WeekOf("2024-01-08")).cross_team_pr_ratio == Approx(2.0 / 3.0));
  // loupe: no teams, no reviews -> 0.
  CHECK(Built(w, kLoupe).Collaboration("ana", WeekOf("2024-01-08")).cross_team_pr_ratio == 0.0);
}

TEST_CASE("Collaboration: a deleted reviewer is a review received but not a collaborator", "[metrics][collaboration]") {
  // Ana's PR created Mon got an approval Tue from an account since deleted (reviewer unknown) and
  // a comment from bob. Both are reviews by someone else: received 2 under both profiles; only
  // bob is a known person: 1 collaborator.
  MetricWorld w;
  w.Person("ana");
  w.Person("bob");
  const PrRef p = w.Pr("ana", "2024-01-08T09:00:00Z");
  w.Review("", p, "2024-01-09T10:00:00Z");
  w.Review("bob", p, "2024-01-09T11:00:00Z", ReviewState::kCommented);
  for (MetricProfile profile : {kLoupe, kAexy}) {
    const metrics::Collaboration c = Built(w, profile).Collaboration("ana", WeekOf("2024-01-08"));
    CHECK(c.review_received_count == 2);
    CHECK(c.unique_collaborators == 1);
  }
}

TEST_CASE("Collaboration: a PR by a deleted account counts the review given", "[metrics][collaboration]") {
  // Bob reviewed a PR whose author account was deleted: 1 review given under both profiles, no
  // collaborator (the author is unknown).
  MetricWorld w;
  w.Person("bob");
  w.Review("bob", w.Pr("", "2024-01-08T09:00:00Z"), "2024-01-09T10:00:00Z");
  for (MetricProfile profile : {kLoupe, kAexy}) {
    const metrics::Collaboration c = Built(w, profile).Collaboration("bob", WeekOf("2024-01-08"));
    CHECK(c.review_given_count == 1);
    CHECK(c.unique_collaborators == 0);
  }
}

TEST_CASE("Collaboration: an empty window gives zeros", "[metrics][collaboration]") {
  // Everything of the collaboration world is in January; the February week, and frank who never
  // did anything, give 0 everywhere.
  CollaborationWorld c;
  c.w.Person("frank");
  for (MetricProfile profile : {kLoupe, kAexy}) {
    const Built b(c.w, profile);
    for (const char* who : {"ana", "frank"}) {
      const metrics::Collaboration x = b.Collaboration(who, WeekOf("2024-02-05"));
      CHECK(x.unique_collaborators == 0);
      CHECK(x.cross_team_pr_ratio == 0.0);
      CHECK(x.review_given_count == 0);
      CHECK(x.review_received_count == 0);
      CHECK(x.knowledge_sharing_score == 0.0);
    }
  }
}

}  // namespace
}  // namespace loupe::testing
