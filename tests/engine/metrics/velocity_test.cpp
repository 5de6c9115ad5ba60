// Velocity, key by key, under the loupe and aexy-compat profiles (docs/metrics.md, "Velocity").
#include <catch2/catch.hpp>

#include "engine/metrics/metric_builder.h"

namespace loupe::testing {
namespace {

TEST_CASE("Velocity: counts lines frequency throughput and commit size under both profiles", "[metrics][velocity]") {
  // Week Mon 2024-01-08 .. Mon 2024-01-15 (UTC), no schedules. Ana's commits:
  //   Mon 10:00  +30 -10
  //   Tue 11:00  +20
  //   Wed 12:00  a merge commit with known, empty stats
  //   Thu 09:00  stats unknown (a REST list item)
  // Her PRs merged Tue and Fri (and one merged next Tuesday, outside).
  // loupe: the merge is left out -> commits 3, lines +50 -10, net 40; 5 working days (Mon–Fri
  //   UTC dates whose noon is in the window) -> frequency 3/5 = 0.6; 2 PRs / 1 week = 2.0;
  //   size = 60 changed lines / 2 commits with known stats = 30.
  // aexy-compat: every commit -> 4; the same lines; working days are Mon–Fri dates from 01-08 to
  //   01-15 inclusive = 6 -> 4/6 = 0.6667; size = 60 / 4 commits = 15.
  MetricWorld w;
  w.Person("ana");
  w.Commit("ana", "2024-01-08T10:00:00Z", {.add = 30, .del = 10});
  w.Commit("ana", "2024-01-09T11:00:00Z", {.add = 20});
  w.Commit("ana", "2024-01-10T12:00:00Z", {.add = 0, .merge = true});
  w.Commit("ana", "2024-01-11T09:00:00Z", {.stats = false});
  w.Pr("ana", "2024-01-02T10:00:00Z", {.merged = "2024-01-09T15:00:00Z"});
  w.Pr("ana", "2024-01-08T10:00:00Z", {.merged = "2024-01-12T15:00:00Z"});
  w.Pr("ana", "2024-01-10T10:00:00Z", {.merged = "2024-01-16T15:00:00Z"});
  const Window week = WeekOf("2024-01-08");

  const Built loupe(w, kLoupe);
  const metrics::Velocity v = loupe.Velocity("ana", week);
  CHECK(v.commits_count == 3);
  CHECK(v.lines_added == 50);
  CHECK(v.lines_removed == 10);
  CHECK(v.net_lines == 40);
  CHECK(v.prs_merged == 2);
  CHECK(v.commit_frequency == Approx(0.6));
  CHECK(v.pr_throughput == Approx(2.0));
  CHECK(v.avg_commit_size == Approx(30.0));

  const Built aexy(w, kAexy);
  const metrics::Velocity a = aexy.Velocity("ana", week);
  CHECK(a.commits_count == 4);
  CHECK(a.lines_added == 50);
  CHECK(a.lines_removed == 10);
  CHECK(a.net_lines == 40);
  CHECK(a.prs_merged == 2);
  CHECK(a.commit_frequency == Approx(4.0 / 6.0));
  CHECK(a.pr_throughput == Approx(2.0));
  CHECK(a.avg_commit_size == Approx(15.0));
}

TEST_CASE("Velocity: net lines go negative when a developer deletes more than they add", "[metrics][velocity]") {
  // One commit +5 -40 in the week: net -35 under both profiles.
  MetricWorld w;
  w.Person("ana");
  w.Commit("ana", "2024-01-09T10:00:00Z", {.add = 5, .del = 40});
  for (MetricProfile profile : {kLoupe, kAexy}) {
    const Built b(w, profile);
    const metrics::Velocity v = b.Velocity("ana", WeekOf("2024-01-08"));
    CHECK(v.net_lines == -35);
    CHECK(v.avg_commit_size == Approx(45.0));
  }
}

TEST_CASE("Velocity: throughput divides by weeks floored at one day", "[metrics][velocity]") {
  // Three PRs merged in the fortnight 2024-01-08 .. 2024-01-22: 3 / 2 weeks = 1.5 (both profiles).
  // A 12-hour window holding one merge: weeks = 0.5 day, floored at 1/7 week -> 1 / (1/7) = 7.0,
  // not 14.
  MetricWorld w;
  w.Person("ana");
  w.Pr("ana", "2024-01-08T09:00:00Z", {.merged = "2024-01-09T10:00:00Z"});
  w.Pr("ana", "2024-01-08T09:00:00Z", {.merged = "2024-01-16T10:00:00Z"});
  w.Pr("ana", "2024-01-08T09:00:00Z", {.merged = "2024-01-19T10:00:00Z"});
  for (MetricProfile profile : {kLoupe, kAexy}) {
    const Built b(w, profile);
    CHECK(b.Velocity("ana", Between("2024-01-08T00:00:00Z", "2024-01-22T00:00:00Z")).pr_throughput == Approx(1.5));
    CHECK(b.Velocity("ana", Between("2024-01-09T00:00:00Z", "2024-01-09T12:00:00Z")).pr_throughput == Approx(7.0));
  }
}

TEST_CASE("Velocity: co_authored_count counts non-merge commits of others naming the developer", "[metrics][velocity]") {
  // Bob's commits in the week: one with "Co-authored-by: ana", one merge naming ana, one naming
  // carol; one of his commits naming ana lies in the next week.
  // loupe: 1. aexy-compat has no such key: 0.
  MetricWorld w;
  w.Person("ana");
  w.Person("bob");
  w.Person("carol");
  w.Commit("bob", "2024-01-09T10:00:00Z", {.co_authors = {"ana"}});
  w.Commit("bob", "2024-01-10T10:00:00Z", {.merge = true, .co_authors = {"ana"}});
  w.Commit("bob", "2024-01-11T10:00:00Z", {.co_authors = {"carol"}});
  w.Commit("bob", "2024-01-16T10:00:00Z", {.co_authors = {"ana"}});
  CHECK(Built(w, kLoupe).Velocity("ana", WeekOf("2024-01-08")).co_authored_count == 1);
  CHECK(Built(w, kAexy).Velocity("ana", WeekOf("2024-01-08")).co_authored_count == 0);
  // Being a co-author is not authoring: ana's own counts stay 0.
  CHECK(Built(w, kLoupe).Velocity("ana", WeekOf("2024-01-08")).commits_count == 0);
}

TEST_CASE("Velocity: commit frequency uses the schedule's working days and holidays under loupe", "[metrics][velocity]") {
  // Ana works Sun–Thu in UTC with a holiday on Wed 2024-01-10. Week Mon 01-08 .. Mon 01-15:
  // loupe working days = Mon, Tue, Thu, Sun = 4; 2 commits -> 0.5.
  // aexy-compat ignores both: Mon–Fri dates 01-08 .. 01-15 inclusive = 6 -> 2/6 = 0.3333.
  MetricWorld w;
  w.Person("ana");
  auto& s = w.Schedule("ana");
  s.hours.timezone = "UTC";
  s.working_days = 0b1001111;  // Mon, Tue, Wed, Thu, Sun
  s.holidays = {Date("2024-01-10")};
  w.Commit("ana", "2024-01-08T10:00:00Z");
  w.Commit("ana", "2024-01-14T10:00:00Z");
  CHECK(Built(w, kLoupe).Velocity("ana", WeekOf("2024-01-08")).commit_frequency == Approx(0.5));
  CHECK(Built(w, kAexy).Velocity("ana", WeekOf("2024-01-08")).commit_frequency == Approx(2.0 / 6.0));
}

TEST_CASE("Velocity: approximate push-event times count in the window of the push", "[metrics][velocity]") {
  // Two commits GH Archive listed in a push that reached GitHub on Mon 2024-01-15 00:30Z: their
  // only time is the push, so they belong to the week of 01-15 under both profiles, never to the
  // week they may have been written in.
  MetricWorld w;
  w.Person("ana");
  w.Commit("ana", "2024-01-15T00:30:00Z", {.approximate = true});
  w.Commit("ana", "2024-01-15T00:30:00Z", {.approximate = true});
  for (MetricProfile profile : {kLoupe, kAexy}) {
    const Built b(w, profile);
    CHECK(b.Velocity("ana", WeekOf("2024-01-08")).commits_count == 0);
    CHECK(b.Velocity("ana", WeekOf("2024-01-15")).commits_count == 2);
  }
}

TEST_CASE("Velocity: an empty window and a developer without activity give zeros", "[metrics][velocity]") {
  // Ana's only commit and PR are in January; the February week is empty. Carol never did
  // anything. Every key is 0 (no 0/0: frequency divides by at least one working day, size and
  // throughput are guarded), under both profiles.
  MetricWorld w;
  w.Person("ana");
  w.Person("carol");
  w.Commit("ana", "2024-01-09T10:00:00Z");
  w.Pr("ana", "2024-01-08T10:00:00Z", {.merged = "2024-01-09T10:00:00Z"});
  for (MetricProfile profile : {kLoupe, kAexy}) {
    const Built b(w, profile);
    for (const char* who : {"ana", "carol"}) {
      const metrics::Velocity v = b.Velocity(who, WeekOf("2024-02-05"));
      CHECK(v.commits_count == 0);
      CHECK(v.prs_merged == 0);
      CHECK(v.lines_added == 0);
      CHECK(v.lines_removed == 0);
      CHECK(v.net_lines == 0);
      CHECK(v.commit_frequency == 0.0);
      CHECK(v.pr_throughput == 0.0);
      CHECK(v.avg_commit_size == 0.0);
      CHECK(v.co_authored_count == 0);
    }
    // An empty window [t, t) too.
    const Instant t = At("2024-01-09T11:00:00Z");
    const metrics::Velocity e = b.Velocity("ana", Window{t, t});
    CHECK(e.commit_frequency == 0.0);
    CHECK(e.pr_throughput == 0.0);
  }
}

}  // namespace
}  // namespace loupe::testing
