// Quality, key by key, under the loupe and aexy-compat profiles (docs/metrics.md, "Quality").
#include <catch2/catch.hpp>

#include "engine/metrics/metric_builder.h"

namespace loupe::testing {
namespace {

using model::ReviewState;

// Bob's review work in the week of Mon 2024-01-08 (UTC, no schedules):
//   acme/rocket, where bob committed on Mon: PRs created in the week by ana (A1, A2), carol (A3),
//   dependabot[bot] (D1) and bob himself (B1).
//   acme/docs, where bob did nothing: carol's X1 requested bob's review; carol's X2 did not.
//   Bob reviewed A1 twice (approved Mon 12:00, commented Tue 10:00), A3 (commented Wed 10:00) and
//   D1 (approved Thu 10:00); A2 and X1 got nothing from him.
struct ParticipationWorld {
  MetricWorld w;
  ParticipationWorld() {
    for (const char* p : {"ana", "bob", "carol"}) w.Person(p);
    w.Bot("dependabot[bot]");
    w.Commit("bob", "2024-01-08T09:00:00Z");
    const PrRef a1 = w.Pr("ana", "2024-01-08T10:00:00Z");
    w.Pr("ana", "2024-01-08T11:00:00Z");
    const PrRef a3 = w.Pr("carol", "2024-01-09T10:00:00Z");
    const PrRef d1 = w.Pr("dependabot[bot]", "2024-01-09T11:00:00Z");
    w.Pr("bob", "2024-01-09T12:00:00Z");
    w.Pr("carol", "2024-01-10T09:00:00Z", {.repo = "acme/docs", .requested = {"bob"}});
    w.Pr("carol", "2024-01-10T09:30:00Z", {.repo = "acme/docs"});
    w.Review("bob", a1, "2024-01-08T12:00:00Z", ReviewState::kApproved);
    w.Review("bob", a1, "2024-01-09T10:00:00Z", ReviewState::kCommented);
    w.Review("bob", a3, "2024-01-10T10:00:00Z", ReviewState::kCommented);
    w.Review("bob", d1, "2024-01-11T10:00:00Z", ReviewState::kApproved);
  }
};

TEST_CASE("Quality: review participation rate and reviews per working day", "[metrics][quality]") {
  // loupe: asked or eligible = A1, A2, A3 (others' PRs in a repository bob worked in; the bot's D1
  //   and bob's own B1 are not eligible) + X1 (asked) = 4; reviewed A1 and A3 = 2 -> 0.5.
  //   reviews_per_working_day = 4 reviews / 5 working days = 0.8.
  // aexy-compat: participation is reviews per working day: 4 / 6 (Mon–Fri dates 01-08 .. 01-15
  //   inclusive) = 0.6667 — and the same number under its loupe name.
  ParticipationWorld p;
  const metrics::Quality l = Built(p.w, kLoupe).Quality("bob", WeekOf("2024-01-08"));
  CHECK(l.review_participation_rate == Approx(0.5));
  CHECK(l.reviews_per_working_day == Approx(0.8));
  const metrics::Quality a = Built(p.w, kAexy).Quality("bob", WeekOf("2024-01-08"));
  CHECK(a.review_participation_rate == Approx(4.0 / 6.0));
  CHECK(a.reviews_per_working_day == Approx(4.0 / 6.0));
}

TEST_CASE("Quality: a review given after the window still makes an eligible PR reviewed", "[metrics][quality]") {
  // loupe counts reviews at any time after creation: bob reviews A2 (created in the week) on the
  // following Tuesday -> reviewed A1, A2, A3 of 4 eligible = 0.75; reviews in the window are
  // still 4 -> 0.8 per working day. aexy-compat counts reviews submitted in the window: 4/6.
  ParticipationWorld p;
  p.w.Review("bob", PrRef{"acme/rocket", 2}, "2024-01-16T10:00:00Z", ReviewState::kApproved);
  const metrics::Quality l = Built(p.w, kLoupe).Quality("bob", WeekOf("2024-01-08"));
  CHECK(l.review_participation_rate == Approx(0.75));
  CHECK(l.reviews_per_working_day == Approx(0.8));
  CHECK(Built(p.w, kAexy).Quality("bob", WeekOf("2024-01-08")).review_participation_rate == Approx(4.0 / 6.0));
}

TEST_CASE("Quality: a PR both eligible and asked counts once and a pending review is not a review", "[metrics][quality]") {
  // Ana adds A4 (acme/rocket, so eligible) that also requests bob, and bob leaves a pending review
  // on it (never submitted). loupe: 5 asked-or-eligible PRs (A4 once, not twice), still 2 reviewed
  // -> 0.4. aexy-compat still counts the 4 submitted reviews of the window: 4/6.
  ParticipationWorld p;
  const PrRef a4 = p.w.Pr("ana", "2024-01-11T09:00:00Z", {.requested = {"bob"}});
  p.w.Review("bob", a4, "", ReviewState::kPending);
  CHECK(Built(p.w, kLoupe).Quality("bob", WeekOf("2024-01-08")).review_participation_rate == Approx(0.4));
  CHECK(Built(p.w, kAexy).Quality("bob", WeekOf("2024-01-08")).review_participation_rate == Approx(4.0 / 6.0));
}

TEST_CASE("Quality: review depth and turnaround", "[metrics][quality]") {
  // Bob's reviews in the week:
  //   R1 on A1 (created Mon 09:00) at Mon 12:00 with 3 inline comments   -> 3 h
  //   R2 on A2 (created Tue 09:00) at Tue 19:00 with none                -> 10 h
  //   R3 on his own B1 (created Wed 09:00) at Wed 10:00 with 1 comment   -> 1 h (a self-review)
  //   R4 on A3 (created Thu 12:00) stamped Thu 10:00 with 2 comments     -> -2 h (never kept)
  //   a pending review on A1 with 4 draft comments (not submitted)
  // loupe (self and pending left out): depth (3 + 0 + 2) / 3 = 1.6667; turnaround (3 + 10) / 2 = 6.5.
  // aexy-compat (every submitted review): depth (3 + 0 + 1 + 2) / 4 = 1.5;
  //   turnaround (3 + 10 + 1) / 3 = 4.6667.
  MetricWorld w;
  w.Person("ana");
  w.Person("bob");
  const PrRef a1 = w.Pr("ana", "2024-01-08T09:00:00Z");
  const PrRef a2 = w.Pr("ana", "2024-01-09T09:00:00Z");
  const PrRef b1 = w.Pr("bob", "2024-01-10T09:00:00Z");
  const PrRef a3 = w.Pr("ana", "2024-01-11T12:00:00Z");
  w.Review("bob", a1, "2024-01-08T12:00:00Z", ReviewState::kCommented, 3);
  w.Review("bob", a2, "2024-01-09T19:00:00Z", ReviewState::kApproved, 0);
  w.Review("bob", b1, "2024-01-10T10:00:00Z", ReviewState::kCommented, 1);
  w.Review("bob", a3, "2024-01-11T10:00:00Z", ReviewState::kCommented, 2);
  w.Review("bob", a1, "", ReviewState::kPending, 4);
  const metrics::Quality l = Built(w, kLoupe).Quality("bob", WeekOf("2024-01-08"));
  CHECK(l.avg_review_depth == Approx(5.0 / 3.0));
  CHECK(l.review_turnaround_hours == Approx(6.5));
  const metrics::Quality a = Built(w, kAexy).Quality("bob", WeekOf("2024-01-08"));
  CHECK(a.avg_review_depth == Approx(1.5));
  CHECK(a.review_turnaround_hours == Approx(14.0 / 3.0));
}

TEST_CASE("Quality: self-merge rate", "[metrics][quality]") {
  // Ana's PRs merged in the week:
  //   M1 merged Tue 12:00; bob approved at 10:00, before.              reviewed in both profiles
  //   M2 merged Wed 12:00; bob approved at 15:00, after the merge.     loupe: self-merged; aexy: reviewed
  //   M3 merged Thu 12:00; only ana's own approval and dependabot's.   loupe: self-merged; aexy: reviewed
  //                                                                    (the bot is "someone else")
  //   M4 merged Fri 12:00; no review at all.                           self-merged in both
  // loupe 3/4 = 0.75; aexy-compat 1/4 = 0.25.
  MetricWorld w;
  w.Person("ana");
  w.Person("bob");
  w.Bot("dependabot[bot]");
  const PrRef m1 = w.Pr("ana", "2024-01-08T09:00:00Z", {.merged = "2024-01-09T12:00:00Z"});
  w.Review("bob", m1, "2024-01-09T10:00:00Z");
  const PrRef m2 = w.Pr("ana", "2024-01-08T09:00:00Z", {.merged = "2024-01-10T12:00:00Z"});
  w.Review("bob", m2, "2024-01-10T15:00:00Z");
  const PrRef m3 = w.Pr("ana", "2024-01-08T09:00:00Z", {.merged = "2024-01-11T12:00:00Z"});
  w.Review("ana", m3, "2024-01-11T11:00:00Z");
  w.Review("dependabot[bot]", m3, "2024-01-11T11:30:00Z");
  w.Pr("ana", "2024-01-08T09:00:00Z", {.merged = "2024-01-12T12:00:00Z"});
  CHECK(Built(w, kLoupe).Quality("ana", WeekOf("2024-01-08")).self_merge_rate == Approx(0.75));
  CHECK(Built(w, kAexy).Quality("ana", WeekOf("2024-01-08")).self_merge_rate == Approx(0.25));
}

TEST_CASE("Quality: a PR approved only by a deleted account was not self-merged", "[metrics][quality]") {
  // Ana's PR merged Tue 12:00 after an approval at 10:00 by an account since deleted (reviewer
  // unknown). Someone other than ana reviewed it: self_merge_rate 0 under both profiles.
  MetricWorld w;
  w.Person("ana");
  const PrRef m1 = w.Pr("ana", "2024-01-08T09:00:00Z", {.merged = "2024-01-09T12:00:00Z"});
  w.Review("", m1, "2024-01-09T10:00:00Z");
  CHECK(Built(w, kLoupe).Quality("ana", WeekOf("2024-01-08")).self_merge_rate == 0.0);
  CHECK(Built(w, kAexy).Quality("ana", WeekOf("2024-01-08")).self_merge_rate == 0.0);
}

TEST_CASE("Quality: an empty window gives zeros", "[metrics][quality]") {
  // Bob's reviews are all in January; in the February week, and for dave who never did anything,
  // every key is 0 — participation has no eligible PR to divide by.
  ParticipationWorld p;
  p.w.Person("dave");
  for (MetricProfile profile : {kLoupe, kAexy}) {
    const Built b(p.w, profile);
    for (const char* who : {"bob", "dave"}) {
      const metrics::Quality q = b.Quality(who, WeekOf("2024-02-05"));
      CHECK(q.review_participation_rate == 0.0);
      CHECK(q.reviews_per_working_day == 0.0);
      CHECK(q.avg_review_depth == 0.0);
      CHECK(q.review_turnaround_hours == 0.0);
      CHECK(q.self_merge_rate == 0.0);
    }
  }
}

}  // namespace
}  // namespace loupe::testing
