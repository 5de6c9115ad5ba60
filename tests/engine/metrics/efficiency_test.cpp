// Efficiency, key by key, under the loupe and aexy-compat profiles (docs/metrics.md, "Efficiency").
#include <catch2/catch.hpp>

#include "engine/metrics/metric_builder.h"

namespace loupe::testing {
namespace {

using model::ReviewState;

TEST_CASE("Efficiency: merge rate and cycle time over the PRs created in the window", "[metrics][efficiency]") {
  // Week Mon 2024-01-08 .. Mon 2024-01-15. Ana's PRs:
  //   P1 created Mon 09:00, merged Tue 09:00            (24 h)
  //   P2 created Wed 10:00, merged the next Wed 10:00   (168 h: merged after the window, still counts)
  //   P3 created Thu 08:00, open
  //   P4 created the week before, merged Tue            (not in the population)
  //   P5 created exactly at Mon 2024-01-15 00:00Z, open (the window's end)
  // loupe: population P1–P3 -> prs_created 3, merge rate 2/3, cycle (24 + 168) / 2 = 96 h.
  // aexy-compat (closed window): P5 joins -> 4 PRs, merge rate 2/4 = 0.5, cycle still 96 h.
  MetricWorld w;
  w.Person("ana");
  w.Pr("ana", "2024-01-08T09:00:00Z", {.merged = "2024-01-09T09:00:00Z"});
  w.Pr("ana", "2024-01-10T10:00:00Z", {.merged = "2024-01-17T10:00:00Z"});
  w.Pr("ana", "2024-01-11T08:00:00Z");
  w.Pr("ana", "2024-01-03T08:00:00Z", {.merged = "2024-01-09T08:00:00Z"});
  w.Pr("ana", "2024-01-15T00:00:00Z");
  const Window week = WeekOf("2024-01-08");

  const metrics::Efficiency l = Built(w, kLoupe).Efficiency("ana", week);
  CHECK(l.prs_created == 3);
  CHECK(l.pr_merge_rate == Approx(2.0 / 3.0));
  CHECK(l.avg_pr_cycle_time_hours == Approx(96.0));

  const metrics::Efficiency a = Built(w, kAexy).Efficiency("ana", week);
  CHECK(a.prs_created == 4);
  CHECK(a.pr_merge_rate == Approx(0.5));
  CHECK(a.avg_pr_cycle_time_hours == Approx(96.0));
}

TEST_CASE("Efficiency: time to first review", "[metrics][efficiency]") {
  // Ana's PRs in the week of 2024-01-08:
  //   P1 created Mon 09:00: carol comments at 11:00 (2 h), bob approves at 13:00 (4 h) -> 2 h.
  //   P2 created Tue 10:00: ana's own comment at 10:30 (0.5 h), dependabot[bot] at 11:00 (1 h),
  //      bob requests changes at 16:00 (6 h).
  //   P3 created Wed 10:00: bob's review is stamped 08:00, before creation (-2 h, clock skew).
  //   P4 created Thu 10:00: only a pending review by bob (no submission instant).
  // loupe: qualifying reviews are by another human, not pending, at or after creation ->
  //   P1 2 h, P2 6 h; P3 and P4 have none -> (2 + 6) / 2 = 4 h.
  // aexy-compat: the earliest of any review -> P1 2 h, P2 0.5 h, P3 -2 h -> 0.5 / 3 = 0.1667 h.
  MetricWorld w;
  for (const char* p : {"ana", "bob", "carol"}) w.Person(p);
  w.Bot("dependabot[bot]");
  const PrRef p1 = w.Pr("ana", "2024-01-08T09:00:00Z");
  w.Review("carol", p1, "2024-01-08T11:00:00Z", ReviewState::kCommented);
  w.Review("bob", p1, "2024-01-08T13:00:00Z", ReviewState::kApproved);
  const PrRef p2 = w.Pr("ana", "2024-01-09T10:00:00Z");
  w.Review("ana", p2, "2024-01-09T10:30:00Z", ReviewState::kCommented);
  w.Review("dependabot[bot]", p2, "2024-01-09T11:00:00Z", ReviewState::kCommented);
  w.Review("bob", p2, "2024-01-09T16:00:00Z", ReviewState::kChangesRequested);
  const PrRef p3 = w.Pr("ana", "2024-01-10T10:00:00Z");
  w.Review("bob", p3, "2024-01-10T08:00:00Z", ReviewState::kApproved);
  const PrRef p4 = w.Pr("ana", "2024-01-11T10:00:00Z");
  w.Review("bob", p4, "", ReviewState::kPending);
  const Window week = WeekOf("2024-01-08");
  CHECK(Built(w, kLoupe).Efficiency("ana", week).avg_time_to_first_review_hours == Approx(4.0));
  CHECK(Built(w, kAexy).Efficiency("ana", week).avg_time_to_first_review_hours == Approx(0.5 / 3.0));
}

TEST_CASE("Efficiency: average PR size skips unknown sizes under loupe only", "[metrics][efficiency]") {
  // PRs of the week: +30 -10 (40 lines), unknown size (a REST list item), +200 -100 (300 lines).
  // loupe: (40 + 300) / 2 known = 170. aexy-compat counts the unknown one as 0: 340 / 3 = 113.33.
  MetricWorld w;
  w.Person("ana");
  w.Pr("ana", "2024-01-08T09:00:00Z", {.add = 30, .del = 10});
  w.Pr("ana", "2024-01-09T09:00:00Z");
  w.Pr("ana", "2024-01-10T09:00:00Z", {.add = 200, .del = 100});
  CHECK(Built(w, kLoupe).Efficiency("ana", WeekOf("2024-01-08")).avg_pr_size == Approx(170.0));
  CHECK(Built(w, kAexy).Efficiency("ana", WeekOf("2024-01-08")).avg_pr_size == Approx(340.0 / 3.0));
}

TEST_CASE("Efficiency: every PR of unknown size gives an average size of 0 not NaN", "[metrics][efficiency]") {
  // Two PRs, both of unknown size: loupe has no known size to average -> 0; aexy-compat 0 + 0 -> 0.
  MetricWorld w;
  w.Person("ana");
  w.Pr("ana", "2024-01-08T09:00:00Z");
  w.Pr("ana", "2024-01-09T09:00:00Z");
  for (MetricProfile profile : {kLoupe, kAexy}) {
    const metrics::Efficiency e = Built(w, profile).Efficiency("ana", WeekOf("2024-01-08"));
    CHECK(e.prs_created == 2);
    CHECK(e.avg_pr_size == 0.0);
  }
}

TEST_CASE("Efficiency: rework ratio", "[metrics][efficiency]") {
  // Ana's four PRs of the week; bob reviews.
  //   P1: one changes_requested (Mon 12:00); its commit list is known and a commit of it was
  //       committed at 15:00, after the request.            loupe: rework   aexy: no (only one)
  //   P2: two changes_requested (Tue 12:00, 14:00); its known commits were all committed by
  //       Tue 10:00, nothing after.                          loupe: no       aexy: rework (> 1)
  //   P3: one changes_requested, commit list unknown.       loupe: rework (fallback)  aexy: no
  //   P4: approved only.                                     neither
  // loupe 2/4 = 0.5; aexy-compat 1/4 = 0.25.
  MetricWorld w;
  w.Person("ana");
  w.Person("bob");
  const Sha after = w.Commit("ana", "2024-01-08T15:00:00Z");
  const Sha before = w.Commit("ana", "2024-01-09T10:00:00Z");
  const PrRef p1 = w.Pr("ana", "2024-01-08T09:00:00Z", {.commits = {after}});
  w.Review("bob", p1, "2024-01-08T12:00:00Z", ReviewState::kChangesRequested);
  const PrRef p2 = w.Pr("ana", "2024-01-09T09:00:00Z", {.commits = {before}});
  w.Review("bob", p2, "2024-01-09T12:00:00Z", ReviewState::kChangesRequested);
  w.Review("bob", p2, "2024-01-09T14:00:00Z", ReviewState::kChangesRequested);
  const PrRef p3 = w.Pr("ana", "2024-01-10T09:00:00Z");
  w.Review("bob", p3, "2024-01-10T12:00:00Z", ReviewState::kChangesRequested);
  const PrRef p4 = w.Pr("ana", "2024-01-11T09:00:00Z");
  w.Review("bob", p4, "2024-01-11T12:00:00Z", ReviewState::kApproved);
  CHECK(Built(w, kLoupe).Efficiency("ana", WeekOf("2024-01-08")).rework_ratio == Approx(0.5));
  CHECK(Built(w, kAexy).Efficiency("ana", WeekOf("2024-01-08")).rework_ratio == Approx(0.25));
}

TEST_CASE("Efficiency: first commit to merge", "[metrics][efficiency]") {
  // P1 (acme/rocket) created Wed 2024-01-10 10:00, merged Thu 10:00; its own commits were authored
  // Mon 01-08 10:00 and Tue 01-09 10:00. Ana also committed to acme/rocket on Mon 01-01 10:00
  // (within 14 days before P1's creation) for something else.
  // P2 (acme/other) created Fri 01-12 10:00, merged 14:00; commit list unknown, and ana has no
  // commit in acme/other.
  // loupe: P1 from its first own commit: 01-11 10:00 - 01-08 10:00 = 72 h; P2 from its creation:
  //   4 h -> (72 + 4) / 2 = 38 h.
  // aexy-compat: P1 from the earliest same-repo commit in [created - 14 d, merged] = 01-01 10:00:
  //   240 h; P2 has no candidate -> its cycle time 4 h -> (240 + 4) / 2 = 122 h.
  MetricWorld w;
  w.Person("ana");
  w.Commit("ana", "2024-01-01T10:00:00Z");
  const Sha c1 = w.Commit("ana", "2024-01-08T10:00:00Z");
  const Sha c2 = w.Commit("ana", "2024-01-09T10:00:00Z");
  w.Pr("ana", "2024-01-10T10:00:00Z", {.merged = "2024-01-11T10:00:00Z", .commits = {c1, c2}});
  w.Pr("ana", "2024-01-12T10:00:00Z", {.repo = "acme/other", .merged = "2024-01-12T14:00:00Z"});
  CHECK(Built(w, kLoupe).Efficiency("ana", WeekOf("2024-01-08")).first_commit_to_merge_hours == Approx(38.0));
  CHECK(Built(w, kAexy).Efficiency("ana", WeekOf("2024-01-08")).first_commit_to_merge_hours == Approx(122.0));
}

TEST_CASE("Efficiency: approximate commit times never start a PR's first-commit clock", "[metrics][efficiency]") {
  // P1 created Tue 2024-01-09 10:00, merged Wed 10:00 (24 h). Its commit list holds an exact commit
  // authored Mon 10:00 and a push-event commit whose only time is the push, Sun 01-07 10:00.
  // loupe: the approximate one is left out -> from Mon 10:00 = 48 h.
  // P2 created and merged likewise a week later, its only commit approximate -> its creation: 24 h.
  // Weeks of 01-08 and 01-15: 48 h and 24 h.
  MetricWorld w;
  w.Person("ana");
  const Sha exact = w.Commit("ana", "2024-01-08T10:00:00Z");
  const Sha pushed = w.Commit("ana", "2024-01-07T10:00:00Z", {.approximate = true});
  w.Pr("ana", "2024-01-09T10:00:00Z", {.merged = "2024-01-10T10:00:00Z", .commits = {exact, pushed}});
  const Sha only_pushed = w.Commit("ana", "2024-01-14T10:00:00Z", {.approximate = true});
  w.Pr("ana", "2024-01-16T10:00:00Z", {.merged = "2024-01-17T10:00:00Z", .commits = {only_pushed}});
  const Built b(w, kLoupe);
  CHECK(b.Efficiency("ana", WeekOf("2024-01-08")).first_commit_to_merge_hours == Approx(48.0));
  CHECK(b.Efficiency("ana", WeekOf("2024-01-15")).first_commit_to_merge_hours == Approx(24.0));
}

TEST_CASE("Efficiency: a review by a deleted account is a review by someone else", "[metrics][efficiency]") {
  // P1 created Mon 09:00; its only review is an approval at 12:00 by an account since deleted
  // (GitHub's "ghost": the reviewer is unknown). Someone other than ana reviewed it, so the first
  // review came after 3 h under both profiles.
  MetricWorld w;
  w.Person("ana");
  const PrRef p1 = w.Pr("ana", "2024-01-08T09:00:00Z");
  w.Review("", p1, "2024-01-08T12:00:00Z");
  CHECK(Built(w, kLoupe).Efficiency("ana", WeekOf("2024-01-08")).avg_time_to_first_review_hours == Approx(3.0));
  CHECK(Built(w, kAexy).Efficiency("ana", WeekOf("2024-01-08")).avg_time_to_first_review_hours == Approx(3.0));
}

TEST_CASE("Efficiency: no PRs in the window gives zeros", "[metrics][efficiency]") {
  // Ana's one PR is in January; the February week and carol (no activity) give 0 everywhere.
  MetricWorld w;
  w.Person("ana");
  w.Person("carol");
  w.Pr("ana", "2024-01-08T09:00:00Z", {.merged = "2024-01-09T09:00:00Z", .add = 5, .del = 5});
  for (MetricProfile profile : {kLoupe, kAexy}) {
    const Built b(w, profile);
    for (const char* who : {"ana", "carol"}) {
      const metrics::Efficiency e = b.Efficiency(who, WeekOf("2024-02-05"));
      CHECK(e.prs_created == 0);
      CHECK(e.pr_merge_rate == 0.0);
      CHECK(e.avg_pr_cycle_time_hours == 0.0);
      CHECK(e.avg_time_to_first_review_hours == 0.0);
      CHECK(e.avg_pr_size == 0.0);
      CHECK(e.rework_ratio == 0.0);
      CHECK(e.first_commit_to_merge_hours == 0.0);
    }
  }
}

}  // namespace
}  // namespace loupe::testing
