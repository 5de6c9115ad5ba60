// Every weak spot of Aexy's module that the loupe profile fixes (DESIGN §5, aexy-behaviour §9),
// each shown on one set of data with both answers: aexy-compat reproduces the old number, loupe
// gives the fixed one.
#include <catch2/catch.hpp>

#include "engine/metrics/metric_builder.h"

namespace loupe::testing {
namespace {

using model::ReviewState;

TEST_CASE("ProfileDifference: late night across midnight (9.3.3)", "[metrics][profile]") {
  // Ana's schedule zone is UTC, late night 22–06. Commits Mon 21:30, Mon 22:15, Mon 23:59,
  // Tue 00:30, Tue 05:59, Tue 06:00.
  // loupe: 22:15, 23:59, 00:30, 05:59 -> 4/6. aexy-compat: hour >= 22 -> 22:15, 23:59 -> 2/6.
  MetricWorld w;
  w.Person("ana");
  w.Schedule("ana").hours.timezone = "UTC";
  for (const char* t : {"2024-01-08T21:30:00Z", "2024-01-08T22:15:00Z", "2024-01-08T23:59:00Z",
                        "2024-01-09T00:30:00Z", "2024-01-09T05:59:00Z", "2024-01-09T06:00:00Z"}) {
    w.Commit("ana", t);
  }
  CHECK(Built(w, kLoupe).Sustainability("ana", WeekOf("2024-01-08")).late_night_commit_ratio == Approx(4.0 / 6.0));
  CHECK(Built(w, kAexy).Sustainability("ana", WeekOf("2024-01-08")).late_night_commit_ratio == Approx(2.0 / 6.0));
}

TEST_CASE("ProfileDifference: streaks and active hours on local vs UTC dates (9.3.3)", "[metrics][profile]") {
  // Ana works in America/Los_Angeles (UTC-8 in January). Commits:
  //   Tue 01-09 04:00Z = Mon 20:00 local
  //   Tue 01-09 16:00Z = Tue 08:00 local
  //   Thu 01-11 04:00Z = Wed 20:00 local
  // loupe (local dates Mon, Tue, Wed): streak 3; each date has one commit -> 1 active hour, mean 1.
  // aexy-compat (UTC dates Tue, Tue, Thu): streak 1; Tue 04–16 -> 13 hours, Thu 1 -> mean 7.
  MetricWorld w;
  w.Person("ana");
  w.Schedule("ana").hours.timezone = "America/Los_Angeles";
  for (const char* t : {"2024-01-09T04:00:00Z", "2024-01-09T16:00:00Z", "2024-01-11T04:00:00Z"}) w.Commit("ana", t);
  const metrics::Sustainability l = Built(w, kLoupe).Sustainability("ana", WeekOf("2024-01-08"));
  CHECK(l.longest_streak_days == 3);
  CHECK(l.avg_daily_active_hours == Approx(1.0));
  const metrics::Sustainability a = Built(w, kAexy).Sustainability("ana", WeekOf("2024-01-08"));
  CHECK(a.longest_streak_days == 1);
  CHECK(a.avg_daily_active_hours == Approx(7.0));
}

TEST_CASE("ProfileDifference: working days from the schedule and holidays vs Mon-Fri UTC dates (9.3.3)", "[metrics][profile]") {
  // Ana works Mon–Fri in Europe/Berlin; Good Friday 2024-03-29 is a holiday. The Berlin week of the
  // spring DST change, [2024-03-25 00:00 CET, 04-01 00:00 CEST) = [03-24 23:00Z, 03-31 22:00Z).
  // Commits at 10:00 local on Mon, Tue, Wed and Good Friday.
  // loupe: 4 working days (the holiday is off) -> frequency 4/4 = 1.0; the holiday commit is an
  //   off-day commit -> weekend ratio 1/4; reviews per working day likewise divide by 4.
  // aexy-compat: Mon–Fri UTC dates 03-24 .. 03-31 inclusive = 5 -> 0.8; no holidays -> weekend 0.
  //
  // Bob works Sun–Thu (UTC). Window Fri 2024-01-12 .. Mon 01-15 with commits on Sat and Sun.
  // loupe: one working day (Sunday) -> 2.0. aexy-compat: Fri 01-12 and Mon 01-15 -> 2/2 = 1.0.
  MetricWorld w;
  w.Person("ana");
  w.Person("bob");
  w.Person("carol");
  auto& s = w.Schedule("ana");
  s.hours.timezone = "Europe/Berlin";
  s.holidays = {Date("2024-03-29")};
  for (const char* t : {"2024-03-25T10:00:00+01:00", "2024-03-26T10:00:00+01:00", "2024-03-27T10:00:00+01:00",
                        "2024-03-29T10:00:00+01:00"}) {
    w.Commit("ana", t);
  }
  const PrRef p = w.Pr("carol", "2024-03-25T09:00:00Z");
  w.Review("ana", p, "2024-03-26T09:00:00Z");
  auto& b = w.Schedule("bob");
  b.hours.timezone = "UTC";
  b.working_days = 0b1001111;
  w.Commit("bob", "2024-01-13T10:00:00Z");
  w.Commit("bob", "2024-01-14T10:00:00Z");
  const Window easter = PeriodContaining(PeriodType::kWeekly, At("2024-03-27T12:00:00Z"), *TimeZone::Find("Europe/Berlin"));
  const Window weekend = Between("2024-01-12T00:00:00Z", "2024-01-15T00:00:00Z");

  const Built l(w, kLoupe);
  CHECK(l.Velocity("ana", easter).commit_frequency == Approx(1.0));
  CHECK(l.Sustainability("ana", easter).weekend_commit_ratio == Approx(0.25));
  CHECK(l.Quality("ana", easter).reviews_per_working_day == Approx(0.25));
  CHECK(l.Velocity("bob", weekend).commit_frequency == Approx(2.0));
  const Built a(w, kAexy);
  CHECK(a.Velocity("ana", easter).commit_frequency == Approx(0.8));
  CHECK(a.Sustainability("ana", easter).weekend_commit_ratio == 0.0);
  CHECK(a.Quality("ana", easter).review_participation_rate == Approx(0.2));
  CHECK(a.Velocity("bob", weekend).commit_frequency == Approx(1.0));
}

TEST_CASE("ProfileDifference: an event at the window end counts in both adjacent weeks under aexy (9.3.13)", "[metrics][profile]") {
  // At exactly Mon 2024-01-15 00:00:00Z — the end of the week of 01-08 and the start of the week of
  // 01-15 — ana commits, merges a PR and reviews bob's PR; bob's PR is created then too.
  // loupe (half-open): each counts once, in the week of 01-15.
  // aexy-compat (closed): each counts in both weeks.
  MetricWorld w;
  w.Person("ana");
  w.Person("bob");
  const char* edge = "2024-01-15T00:00:00Z";
  w.Commit("ana", edge);
  w.Pr("ana", "2024-01-10T09:00:00Z", {.merged = edge});
  w.Review("ana", w.Pr("bob", edge), edge);
  const Window first = WeekOf("2024-01-08");
  const Window second = WeekOf("2024-01-15");

  const Built l(w, kLoupe);
  CHECK(l.Velocity("ana", first).commits_count == 0);
  CHECK(l.Velocity("ana", second).commits_count == 1);
  CHECK(l.Velocity("ana", first).prs_merged == 0);
  CHECK(l.Velocity("ana", second).prs_merged == 1);
  CHECK(l.Collaboration("ana", first).review_given_count == 0);
  CHECK(l.Collaboration("ana", second).review_given_count == 1);
  CHECK(l.Efficiency("bob", first).prs_created == 0);
  CHECK(l.Efficiency("bob", second).prs_created == 1);

  const Built a(w, kAexy);
  CHECK(a.Velocity("ana", first).commits_count == 1);
  CHECK(a.Velocity("ana", second).commits_count == 1);
  CHECK(a.Velocity("ana", first).prs_merged == 1);
  CHECK(a.Velocity("ana", second).prs_merged == 1);
  CHECK(a.Collaboration("ana", first).review_given_count == 1);
  CHECK(a.Collaboration("ana", second).review_given_count == 1);
  CHECK(a.Efficiency("bob", first).prs_created == 1);
  CHECK(a.Efficiency("bob", second).prs_created == 1);
}

TEST_CASE("ProfileDifference: review participation is a share vs reviews per working day (9.3.1)", "[metrics][profile]") {
  // Week of 2024-01-08. Bob committed in acme/rocket. Others' PRs there in the week: ana's A1, A2,
  // carol's A3; carol's X1 in acme/docs asked for bob. Bob reviewed A1 three times and A3 once.
  // loupe: participation = 2 PRs reviewed / 4 asked-or-eligible = 0.5; reviews_per_working_day =
  //   4 reviews / 5 working days = 0.8 (kept as its own metric).
  // aexy-compat: "participation" = 4 reviews / 6 working days (Mon–Fri dates 01-08 .. 01-15) =
  //   0.6667 — more than 0.5 although bob skipped half of what he could review, and it would pass
  //   1.0 with enough reviews of one PR.
  MetricWorld w;
  for (const char* p : {"ana", "bob", "carol"}) w.Person(p);
  w.Commit("bob", "2024-01-08T09:00:00Z");
  const PrRef a1 = w.Pr("ana", "2024-01-08T10:00:00Z");
  w.Pr("ana", "2024-01-08T11:00:00Z");
  const PrRef a3 = w.Pr("carol", "2024-01-09T10:00:00Z");
  w.Pr("carol", "2024-01-10T09:00:00Z", {.repo = "acme/docs", .requested = {"bob"}});
  for (const char* t : {"2024-01-08T12:00:00Z", "2024-01-09T12:00:00Z", "2024-01-10T12:00:00Z"}) {
    w.Review("bob", a1, t, ReviewState::kCommented);
  }
  w.Review("bob", a3, "2024-01-10T10:00:00Z");
  const metrics::Quality l = Built(w, kLoupe).Quality("bob", WeekOf("2024-01-08"));
  CHECK(l.review_participation_rate == Approx(0.5));
  CHECK(l.reviews_per_working_day == Approx(0.8));
  const metrics::Quality a = Built(w, kAexy).Quality("bob", WeekOf("2024-01-08"));
  CHECK(a.review_participation_rate == Approx(4.0 / 6.0));
}

TEST_CASE("ProfileDifference: cross-team PR ratio from teams vs the most-committed repository (9.3.2)", "[metrics][profile]") {
  // Teams core = {ana, bob}, web = {carol}. Ana's commits of the week: 3 in acme/rocket, 1 in
  // acme/web. Her PRs of the week: two in acme/web reviewed by bob (her own team), one in
  // acme/rocket reviewed by carol.
  // loupe: 1 of 3 reviewed PRs had a reviewer from another team -> 1/3.
  // aexy-compat: 2 of 3 PRs are outside her primary repository -> 2/3, though none of those
  //   involved another team.
  MetricWorld w;
  for (const char* p : {"ana", "bob", "carol"}) w.Person(p);
  w.Team("core", {"ana", "bob"});
  w.Team("web", {"carol"});
  for (const char* t : {"2024-01-08T10:00:00Z", "2024-01-09T10:00:00Z", "2024-01-10T10:00:00Z"}) w.Commit("ana", t);
  w.Commit("ana", "2024-01-11T10:00:00Z", {.repo = "acme/web"});
  w.Review("bob", w.Pr("ana", "2024-01-08T12:00:00Z", {.repo = "acme/web"}), "2024-01-08T15:00:00Z");
  w.Review("bob", w.Pr("ana", "2024-01-09T12:00:00Z", {.repo = "acme/web"}), "2024-01-09T15:00:00Z");
  w.Review("carol", w.Pr("ana", "2024-01-10T12:00:00Z"), "2024-01-10T15:00:00Z");
  CHECK(Built(w, kLoupe).Collaboration("ana", WeekOf("2024-01-08")).cross_team_pr_ratio == Approx(1.0 / 3.0));
  CHECK(Built(w, kAexy).Collaboration("ana", WeekOf("2024-01-08")).cross_team_pr_ratio == Approx(2.0 / 3.0));
}

TEST_CASE("ProfileDifference: rework from commits after changes requested vs more than one changes_requested", "[metrics][profile]") {
  // P1: bob requests changes once (Mon 12:00); ana pushes a commit of P1 at 15:00 — real rework.
  // P2: bob requests changes twice (Tue 12:00, 14:00); P2's commits all predate the first request
  //     (ana argued instead of changing anything).
  // loupe: P1 yes, P2 no -> 1/2. aexy-compat: P1 no (only one request), P2 yes -> 1/2, the opposite PR.
  // P3: one request and no commit list -> loupe falls back to "a changes request by someone else":
  //     yes; aexy no. With P3: loupe 2/3, aexy 1/3.
  MetricWorld w;
  w.Person("ana");
  w.Person("bob");
  const PrRef p1 = w.Pr("ana", "2024-01-08T09:00:00Z", {.commits = {w.Commit("ana", "2024-01-08T15:00:00Z")}});
  w.Review("bob", p1, "2024-01-08T12:00:00Z", ReviewState::kChangesRequested);
  const PrRef p2 = w.Pr("ana", "2024-01-09T09:00:00Z", {.commits = {w.Commit("ana", "2024-01-09T08:00:00Z")}});
  w.Review("bob", p2, "2024-01-09T12:00:00Z", ReviewState::kChangesRequested);
  w.Review("bob", p2, "2024-01-09T14:00:00Z", ReviewState::kChangesRequested);
  const Window week = WeekOf("2024-01-08");
  CHECK(Built(w, kLoupe).Efficiency("ana", week).rework_ratio == Approx(0.5));
  CHECK(Built(w, kAexy).Efficiency("ana", week).rework_ratio == Approx(0.5));
  const metrics::Efficiency only_p1 = Built(w, kLoupe).Efficiency("ana", Between("2024-01-08T00:00:00Z", "2024-01-09T00:00:00Z"));
  CHECK(only_p1.rework_ratio == Approx(1.0));
  CHECK(Built(w, kAexy).Efficiency("ana", Between("2024-01-08T00:00:00Z", "2024-01-08T23:00:00Z")).rework_ratio == 0.0);
  const PrRef p3 = w.Pr("ana", "2024-01-10T09:00:00Z");
  w.Review("bob", p3, "2024-01-10T12:00:00Z", ReviewState::kChangesRequested);
  CHECK(Built(w, kLoupe).Efficiency("ana", week).rework_ratio == Approx(2.0 / 3.0));
  CHECK(Built(w, kAexy).Efficiency("ana", week).rework_ratio == Approx(1.0 / 3.0));
}

TEST_CASE("ProfileDifference: first commit to merge from the PR's own commits vs the 14-day heuristic (9.3.10)", "[metrics][profile]") {
  // Ana's PR in acme/rocket: created Wed 2024-01-10 10:00, merged Thu 01-11 10:00; its own commit
  // was authored Wed 08:00. Ten days earlier (01-01 10:00) she committed unrelated work to the same
  // repository.
  // loupe: from the PR's own first commit: 26 h.
  // aexy-compat: the earliest same-repo commit in [created - 14 days, merged] is 01-01 10:00: 240 h.
  MetricWorld w;
  w.Person("ana");
  w.Commit("ana", "2024-01-01T10:00:00Z");
  const Sha own = w.Commit("ana", "2024-01-10T08:00:00Z");
  w.Pr("ana", "2024-01-10T10:00:00Z", {.merged = "2024-01-11T10:00:00Z", .commits = {own}});
  CHECK(Built(w, kLoupe).Efficiency("ana", WeekOf("2024-01-08")).first_commit_to_merge_hours == Approx(26.0));
  CHECK(Built(w, kAexy).Efficiency("ana", WeekOf("2024-01-08")).first_commit_to_merge_hours == Approx(240.0));
}

TEST_CASE("ProfileDifference: time to first review excludes self-reviews bots and negatives (9.3.10)", "[metrics][profile]") {
  // Ana's PR created Mon 09:00: her own comment at 09:10, dependabot[bot] at 09:20, bob's
  // approval at 13:00. A second PR, created Tue 10:00, has bob's review stamped 09:00 (before it
  // existed: clock skew) and nothing else.
  // loupe: first qualifying review of PR 1 = bob at 4 h; PR 2 has none -> 4 h.
  // aexy-compat: PR 1 -> her own at 1/6 h; PR 2 -> -1 h -> (1/6 - 1) / 2 = -0.4167 h.
  MetricWorld w;
  w.Person("ana");
  w.Person("bob");
  w.Bot("dependabot[bot]");
  const PrRef p1 = w.Pr("ana", "2024-01-08T09:00:00Z");
  w.Review("ana", p1, "2024-01-08T09:10:00Z", ReviewState::kCommented);
  w.Review("dependabot[bot]", p1, "2024-01-08T09:20:00Z", ReviewState::kCommented);
  w.Review("bob", p1, "2024-01-08T13:00:00Z");
  w.Review("bob", w.Pr("ana", "2024-01-09T10:00:00Z"), "2024-01-09T09:00:00Z");
  CHECK(Built(w, kLoupe).Efficiency("ana", WeekOf("2024-01-08")).avg_time_to_first_review_hours == Approx(4.0));
  CHECK(Built(w, kAexy).Efficiency("ana", WeekOf("2024-01-08")).avg_time_to_first_review_hours ==
        Approx((1.0 / 6.0 - 1.0) / 2.0));
}

TEST_CASE("ProfileDifference: self-merge judged by reviews before the merge (9.3.10)", "[metrics][profile]") {
  // Ana merged three PRs in the week. PR 1: bob approved after the merge. PR 2: bob approved
  // before. PR 3: bob's approval carries the merge's very second (approve-and-merge), which counts.
  // loupe: PR 1 was merged without review -> 1/3. aexy-compat: any review at any time -> 0/3.
  MetricWorld w;
  w.Person("ana");
  w.Person("bob");
  w.Review("bob", w.Pr("ana", "2024-01-08T09:00:00Z", {.merged = "2024-01-08T12:00:00Z"}), "2024-01-08T14:00:00Z");
  w.Review("bob", w.Pr("ana", "2024-01-09T09:00:00Z", {.merged = "2024-01-09T12:00:00Z"}), "2024-01-09T11:00:00Z");
  w.Review("bob", w.Pr("ana", "2024-01-10T09:00:00Z", {.merged = "2024-01-10T12:00:00Z"}), "2024-01-10T12:00:00Z");
  CHECK(Built(w, kLoupe).Quality("ana", WeekOf("2024-01-08")).self_merge_rate == Approx(1.0 / 3.0));
  CHECK(Built(w, kAexy).Quality("ana", WeekOf("2024-01-08")).self_merge_rate == 0.0);
}

TEST_CASE("ProfileDifference: self-reviews and bot reviews excluded from review counts (9.1.6)", "[metrics][profile]") {
  // Week of 2024-01-08. Bob reviews ana's PR and his own PR; on his PR dependabot[bot] and ana
  // review as well.
  // loupe: bob gave 1 (his self-review is not review work), received 1 (ana; the bot and himself
  //   are not reviewers); reviews per working day 1/5. The bot still has its own count: 1 given.
  // aexy-compat: bob gave 2, received 2 (ana and the bot; only himself is excluded);
  //   participation 2/6.
  MetricWorld w;
  w.Person("ana");
  w.Person("bob");
  w.Bot("dependabot[bot]");
  w.Review("bob", w.Pr("ana", "2024-01-08T09:00:00Z"), "2024-01-08T12:00:00Z");
  const PrRef own = w.Pr("bob", "2024-01-09T09:00:00Z");
  w.Review("bob", own, "2024-01-09T10:00:00Z", ReviewState::kCommented);
  w.Review("dependabot[bot]", own, "2024-01-09T11:00:00Z", ReviewState::kCommented);
  w.Review("ana", own, "2024-01-09T12:00:00Z");
  const Window week = WeekOf("2024-01-08");
  const Built l(w, kLoupe);
  CHECK(l.Collaboration("bob", week).review_given_count == 1);
  CHECK(l.Collaboration("bob", week).review_received_count == 1);
  CHECK(l.Quality("bob", week).reviews_per_working_day == Approx(0.2));
  CHECK(l.Collaboration("dependabot[bot]", week).review_given_count == 1);
  const Built a(w, kAexy);
  CHECK(a.Collaboration("bob", week).review_given_count == 2);
  CHECK(a.Collaboration("bob", week).review_received_count == 2);
  CHECK(a.Quality("bob", week).review_participation_rate == Approx(2.0 / 6.0));
}

TEST_CASE("ProfileDifference: merge commits excluded from commits_count (9.1.6)", "[metrics][profile]") {
  // Ana's week: 3 commits of +10 lines and 2 merge commits (+0, known stats).
  // loupe: commits 3, size 30/3 = 10, frequency 3/5 = 0.6.
  // aexy-compat: commits 5, size 30/5 = 6, frequency 5/6.
  MetricWorld w;
  w.Person("ana");
  for (const char* t : {"2024-01-08T10:00:00Z", "2024-01-09T10:00:00Z", "2024-01-10T10:00:00Z"}) w.Commit("ana", t);
  w.Commit("ana", "2024-01-10T11:00:00Z", {.add = 0, .merge = true});
  w.Commit("ana", "2024-01-11T11:00:00Z", {.add = 0, .merge = true});
  const metrics::Velocity l = Built(w, kLoupe).Velocity("ana", WeekOf("2024-01-08"));
  CHECK(l.commits_count == 3);
  CHECK(l.avg_commit_size == Approx(10.0));
  CHECK(l.commit_frequency == Approx(0.6));
  const metrics::Velocity a = Built(w, kAexy).Velocity("ana", WeekOf("2024-01-08"));
  CHECK(a.commits_count == 5);
  CHECK(a.avg_commit_size == Approx(6.0));
  CHECK(a.commit_frequency == Approx(5.0 / 6.0));
}

TEST_CASE("ProfileDifference: author date vs committer date windows (9.1.5)", "[metrics][profile]") {
  // Ana wrote a commit on Fri 2024-01-12 10:00 and rebased it on Mon 01-15 09:00 (committer date).
  // loupe (author date): the week of 01-08 has it, the week of 01-15 not.
  // aexy-compat (committer date): the other way round; its local hour is the rebase's too.
  MetricWorld w;
  w.Person("ana");
  w.Commit("ana", "2024-01-12T10:00:00Z", {.committed = "2024-01-15T09:00:00Z"});
  const Built l(w, kLoupe);
  CHECK(l.Velocity("ana", WeekOf("2024-01-08")).commits_count == 1);
  CHECK(l.Velocity("ana", WeekOf("2024-01-15")).commits_count == 0);
  CHECK(l.Sustainability("ana", WeekOf("2024-01-08")).avg_daily_active_hours == Approx(1.0));
  const Built a(w, kAexy);
  CHECK(a.Velocity("ana", WeekOf("2024-01-08")).commits_count == 0);
  CHECK(a.Velocity("ana", WeekOf("2024-01-15")).commits_count == 1);
  CHECK(a.Sustainability("ana", WeekOf("2024-01-15")).avg_daily_active_hours == Approx(1.0));
}

TEST_CASE("ProfileDifference: snapshot JSON carries the loupe-only keys under loupe only", "[metrics][profile]") {
  // Week of 2024-01-08, no schedules. Ana: a +10 commit Mon 10:00 and a merge commit Tue 10:00;
  // her PR (+30 -10) created Mon 09:00, approved by bob Mon 13:00, merged Tue 09:00; she reviewed
  // bob's PR (created Mon 09:00) on Wed 09:00 with 2 inline comments.
  // loupe: 1 commit, 1/5 per working day; cycle 24 h, first review 4 h, first commit unknown ->
  //   from creation 24 h; participation 1 of 1 eligible PR, 1/5 reviews per day, depth 2,
  //   turnaround 48 h; collaborators {bob}, knowledge 1 × 1 / 50 = 0.02.
  // aexy-compat: 2 commits (the merge too), 2/6 = 0.33 per day, size 10/2 = 5; first commit to
  //   merge from her same-repo commit Mon 10:00 to Tue 09:00 = 23 h; participation 1/6 = 0.17;
  //   streak 2 (Mon, Tue). No co_authored_count, prs_created or reviews_per_working_day keys.
  MetricWorld w;
  w.Person("ana");
  w.Person("bob");
  w.Commit("ana", "2024-01-08T10:00:00Z");
  w.Commit("ana", "2024-01-09T10:00:00Z", {.add = 0, .merge = true});
  const PrRef mine = w.Pr("ana", "2024-01-08T09:00:00Z", {.merged = "2024-01-09T09:00:00Z", .add = 30, .del = 10});
  w.Review("bob", mine, "2024-01-08T13:00:00Z");
  w.Review("ana", w.Pr("bob", "2024-01-08T09:00:00Z"), "2024-01-10T09:00:00Z", ReviewState::kCommented, 2);
  const Window week = WeekOf("2024-01-08");
  auto json = [&](MetricProfile profile) {
    const Built b(w, profile);
    JsonWriter out;
    metrics::WriteJson(out, metrics::ComputeInsights(b.ctx, b.Dev("ana"), week), profile);
    return out.Take();
  };
  CHECK(json(kLoupe) ==
        R"({"velocity":{"commits_count":1,"prs_merged":1,"lines_added":10,"lines_removed":0,"net_lines":10,)"
        R"("commit_frequency":0.2,"pr_throughput":1,"avg_commit_size":10,"co_authored_count":0},)"
        R"("efficiency":{"avg_pr_cycle_time_hours":24,"avg_time_to_first_review_hours":4,"avg_pr_size":40,)"
        R"("pr_merge_rate":1,"first_commit_to_merge_hours":24,"rework_ratio":0,"prs_created":1},)"
        R"("quality":{"review_participation_rate":1,"reviews_per_working_day":0.2,"avg_review_depth":2,)"
        R"("review_turnaround_hours":48,"self_merge_rate":0},)"
        R"("sustainability":{"weekend_commit_ratio":0,"late_night_commit_ratio":0,"longest_streak_days":1,)"
        R"("avg_daily_active_hours":1,"focus_score":1},)"
        R"("collaboration":{"unique_collaborators":1,"cross_team_pr_ratio":0,"review_given_count":1,)"
        R"("review_received_count":1,"knowledge_sharing_score":0.02},)"
        R"("raw_counts":{"commits":1,"prs_merged":1,"lines_added":10,"lines_removed":0,"reviews_given":1,)"
        R"("reviews_received":1}})");
  CHECK(json(kAexy) ==
        R"({"velocity":{"commits_count":2,"prs_merged":1,"lines_added":10,"lines_removed":0,"net_lines":10,)"
        R"("commit_frequency":0.33,"pr_throughput":1,"avg_commit_size":5},)"
        R"("efficiency":{"avg_pr_cycle_time_hours":24,"avg_time_to_first_review_hours":4,"avg_pr_size":40,)"
        R"("pr_merge_rate":1,"first_commit_to_merge_hours":23,"rework_ratio":0},)"
        R"("quality":{"review_participation_rate":0.17,"avg_review_depth":2,"review_turnaround_hours":48,)"
        R"("self_merge_rate":0},)"
        R"("sustainability":{"weekend_commit_ratio":0,"late_night_commit_ratio":0,"longest_streak_days":2,)"
        R"("avg_daily_active_hours":1,"focus_score":1},)"
        R"("collaboration":{"unique_collaborators":1,"cross_team_pr_ratio":0,"review_given_count":1,)"
        R"("review_received_count":1,"knowledge_sharing_score":0.02},)"
        R"("raw_counts":{"commits":2,"prs_merged":1,"lines_added":10,"lines_removed":0,"reviews_given":1,)"
        R"("reviews_received":1}})");
}

}  // namespace
}  // namespace loupe::testing
