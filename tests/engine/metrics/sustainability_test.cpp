// Sustainability, key by key, under the loupe and aexy-compat profiles (docs/metrics.md,
// "Sustainability"): local times, DST, own offsets, Sun–Thu weeks, holidays.
#include <catch2/catch.hpp>

#include "engine/metrics/metric_builder.h"

namespace loupe::testing {
namespace {

TEST_CASE("Sustainability: weekend and late-night ratios in the schedule zone", "[metrics][sustainability]") {
  // Ana works Mon–Fri in Europe/Berlin (UTC+1 in January), late night 22–06. Her commits:
  //   Mon 01-08 08:00Z = 09:00 local             -
  //   Tue 01-09 21:30Z = 22:30 local             late (both profiles)
  //   Wed 01-10 02:00Z = 03:00 local             late under loupe only (aexy: hour >= 22 only)
  //   Sat 01-13 10:00Z = 11:00 local Saturday    weekend
  //   Fri 01-12 23:30Z = 00:30 local Saturday    weekend; late under loupe only
  // loupe: weekend 2/5 = 0.4, late 3/5 = 0.6. aexy-compat: weekend 2/5 = 0.4, late 1/5 = 0.2.
  MetricWorld w;
  w.Person("ana");
  w.Schedule("ana").hours.timezone = "Europe/Berlin";
  for (const char* t : {"2024-01-08T08:00:00Z", "2024-01-09T21:30:00Z", "2024-01-10T02:00:00Z",
                        "2024-01-13T10:00:00Z", "2024-01-12T23:30:00Z"}) {
    w.Commit("ana", t);
  }
  const metrics::Sustainability l = Built(w, kLoupe).Sustainability("ana", WeekOf("2024-01-08"));
  CHECK(l.weekend_commit_ratio == Approx(0.4));
  CHECK(l.late_night_commit_ratio == Approx(0.6));
  const metrics::Sustainability a = Built(w, kAexy).Sustainability("ana", WeekOf("2024-01-08"));
  CHECK(a.weekend_commit_ratio == Approx(0.4));
  CHECK(a.late_night_commit_ratio == Approx(0.2));
}

TEST_CASE("Sustainability: longest streak and daily active hours", "[metrics][sustainability]") {
  // Ana's schedule zone is UTC. Commits (UTC): Mon 09:00, Mon 17:00, Tue 10:00, Thu 08:00,
  // Thu 09:30, Fri 23:00. Active dates Mon, Tue, Thu, Fri -> runs Mon–Tue (2) and Thu–Fri (2):
  // longest 2. Hours per date: Mon 17 - 9 + 1 = 9, Tue 1, Thu 9 - 8 + 1 = 2, Fri 1 -> 13 / 4 = 3.25.
  // With the zone set to UTC both profiles agree.
  MetricWorld w;
  w.Person("ana");
  w.Schedule("ana").hours.timezone = "UTC";
  for (const char* t : {"2024-01-08T09:00:00Z", "2024-01-08T17:00:00Z", "2024-01-09T10:00:00Z",
                        "2024-01-11T08:00:00Z", "2024-01-11T09:30:00Z", "2024-01-12T23:00:00Z"}) {
    w.Commit("ana", t);
  }
  for (MetricProfile profile : {kLoupe, kAexy}) {
    const metrics::Sustainability s = Built(w, profile).Sustainability("ana", WeekOf("2024-01-08"));
    CHECK(s.longest_streak_days == 2);
    CHECK(s.avg_daily_active_hours == Approx(3.25));
  }
}

TEST_CASE("Sustainability: focus score is the Herfindahl index of repositories", "[metrics][sustainability]") {
  // Commits of the week: 3 in acme/rocket, 1 in acme/docs, plus a merge commit in acme/docs.
  // loupe (merges left out): (3/4)^2 + (1/4)^2 = 0.625.
  // aexy-compat (merge counted): (3/5)^2 + (2/5)^2 = 0.52.
  // A single repository gives 1.0.
  MetricWorld w;
  w.Person("ana");
  w.Person("bob");
  for (const char* t : {"2024-01-08T10:00:00Z", "2024-01-09T10:00:00Z", "2024-01-10T10:00:00Z"}) w.Commit("ana", t);
  w.Commit("ana", "2024-01-11T10:00:00Z", {.repo = "acme/docs"});
  w.Commit("ana", "2024-01-12T10:00:00Z", {.repo = "acme/docs", .merge = true});
  w.Commit("bob", "2024-01-09T10:00:00Z");
  CHECK(Built(w, kLoupe).Sustainability("ana", WeekOf("2024-01-08")).focus_score == Approx(0.625));
  CHECK(Built(w, kAexy).Sustainability("ana", WeekOf("2024-01-08")).focus_score == Approx(0.52));
  CHECK(Built(w, kLoupe).Sustainability("bob", WeekOf("2024-01-08")).focus_score == Approx(1.0));
  CHECK(Built(w, kAexy).Sustainability("bob", WeekOf("2024-01-08")).focus_score == Approx(1.0));
}

TEST_CASE("Sustainability: local time from the commit's own offset when no zone is set", "[metrics][sustainability]") {
  // No schedule anywhere. Two commits written on clocks far from UTC:
  //   2024-01-13T00:15+05:45 (= Fri 01-12 18:30Z): loupe reads Saturday 00:15 -> weekend and late.
  //   2024-01-12T22:00-12:00 (= Sat 01-13 10:00Z): loupe reads Friday 22:00 -> late, a working day.
  // loupe: weekend 1/2, late 2/2; local dates Fri and Sat -> streak 2, each 1 active hour -> 1.0.
  // aexy-compat reads UTC: Fri 18:30 (nothing) and Sat 10:00 (weekend) -> weekend 1/2, late 0;
  //   UTC dates Fri and Sat -> streak 2, 1.0 hours.
  MetricWorld w;
  w.Person("ana");
  w.Commit("ana", "2024-01-13T00:15:00+05:45");
  w.Commit("ana", "2024-01-12T22:00:00-12:00");
  const metrics::Sustainability l = Built(w, kLoupe).Sustainability("ana", WeekOf("2024-01-08"));
  CHECK(l.weekend_commit_ratio == Approx(0.5));
  CHECK(l.late_night_commit_ratio == Approx(1.0));
  CHECK(l.longest_streak_days == 2);
  CHECK(l.avg_daily_active_hours == Approx(1.0));
  const metrics::Sustainability a = Built(w, kAexy).Sustainability("ana", WeekOf("2024-01-08"));
  CHECK(a.weekend_commit_ratio == Approx(0.5));
  CHECK(a.late_night_commit_ratio == 0.0);
  CHECK(a.longest_streak_days == 2);
  CHECK(a.avg_daily_active_hours == Approx(1.0));
}

TEST_CASE("Sustainability: local hours across the Berlin DST change of 2024-03-31", "[metrics][sustainability]") {
  // Ana works in Europe/Berlin; clocks jump from 02:00 CET to 03:00 CEST on Sun 2024-03-31.
  //   Thu 03-28 21:30Z = 22:30 CET                  late (both)
  //   Sun 03-31 00:30Z = 01:30 CET                  late under loupe; weekend
  //   Sun 03-31 01:30Z = 03:30 CEST                 late under loupe; weekend
  //   Tue 04-02 20:30Z = 22:30 CEST (21:30 if the zone forgot DST)   late (both)
  // Window 2024-03-25 .. 2024-04-08 (UTC).
  // loupe: late 4/4 = 1.0; weekend 2/4 = 0.5; local dates 28, 31, 02 -> streak 1; active hours
  //   Thu 1, Sun 3 - 1 + 1 = 3 (wall clock), Tue 1 -> 5/3.
  // aexy-compat: late (hour >= 22 local) 2/4 = 0.5; weekend 0.5; UTC dates 28, 31, 02 -> streak 1;
  //   hours Thu 1, Sun 1 - 0 + 1 = 2, Tue 1 -> 4/3.
  MetricWorld w;
  w.Person("ana");
  w.Schedule("ana").hours.timezone = "Europe/Berlin";
  for (const char* t : {"2024-03-28T21:30:00Z", "2024-03-31T00:30:00Z", "2024-03-31T01:30:00Z", "2024-04-02T20:30:00Z"}) {
    w.Commit("ana", t);
  }
  const Window fortnight = Between("2024-03-25T00:00:00Z", "2024-04-08T00:00:00Z");
  const metrics::Sustainability l = Built(w, kLoupe).Sustainability("ana", fortnight);
  CHECK(l.late_night_commit_ratio == Approx(1.0));
  CHECK(l.weekend_commit_ratio == Approx(0.5));
  CHECK(l.longest_streak_days == 1);
  CHECK(l.avg_daily_active_hours == Approx(5.0 / 3.0));
  const metrics::Sustainability a = Built(w, kAexy).Sustainability("ana", fortnight);
  CHECK(a.late_night_commit_ratio == Approx(0.5));
  CHECK(a.weekend_commit_ratio == Approx(0.5));
  CHECK(a.longest_streak_days == 1);
  CHECK(a.avg_daily_active_hours == Approx(4.0 / 3.0));
}

TEST_CASE("Sustainability: a Sun-Thu schedule and a holiday decide the weekend ratio", "[metrics][sustainability]") {
  // Ana works Sun–Thu in Asia/Jerusalem (UTC+2 in January); Tue 2024-01-09 is her holiday.
  // Commits at 10:00 local on Fri 01-12, Sat 01-13, Sun 01-14, Mon 01-08 and Tue 01-09.
  // loupe: off days are Fri, Sat and the holiday -> 3/5 = 0.6.
  // aexy-compat keeps her working days but knows no holidays -> Fri, Sat = 2/5 = 0.4.
  MetricWorld w;
  w.Person("ana");
  auto& s = w.Schedule("ana");
  s.hours.timezone = "Asia/Jerusalem";
  s.working_days = 0b1001111;  // Mon, Tue, Wed, Thu, Sun
  s.holidays = {Date("2024-01-09")};
  for (const char* t : {"2024-01-12T10:00:00+02:00", "2024-01-13T10:00:00+02:00", "2024-01-14T10:00:00+02:00",
                        "2024-01-08T10:00:00+02:00", "2024-01-09T10:00:00+02:00"}) {
    w.Commit("ana", t);
  }
  CHECK(Built(w, kLoupe).Sustainability("ana", WeekOf("2024-01-08")).weekend_commit_ratio == Approx(0.6));
  CHECK(Built(w, kAexy).Sustainability("ana", WeekOf("2024-01-08")).weekend_commit_ratio == Approx(0.4));
}

TEST_CASE("Sustainability: approximate push-event times are read as UTC", "[metrics][sustainability]") {
  // No schedule. Two commits at the same instant, Sun 2024-01-14 23:30Z:
  //   one exact, written on a +09:00 clock (Mon 08:30 local);
  //   one from a push event, whose offset is unknown, so its local time is UTC: Sunday 23:30.
  // loupe: weekend 1/2, late 1/2. aexy-compat reads both in UTC: weekend 2/2, late 2/2.
  MetricWorld w;
  w.Person("ana");
  w.Commit("ana", "2024-01-15T08:30:00+09:00");
  w.Commit("ana", "2024-01-14T23:30:00Z", {.approximate = true});
  const metrics::Sustainability l = Built(w, kLoupe).Sustainability("ana", WeekOf("2024-01-08"));
  CHECK(l.weekend_commit_ratio == Approx(0.5));
  CHECK(l.late_night_commit_ratio == Approx(0.5));
  const metrics::Sustainability a = Built(w, kAexy).Sustainability("ana", WeekOf("2024-01-08"));
  CHECK(a.weekend_commit_ratio == Approx(1.0));
  CHECK(a.late_night_commit_ratio == Approx(1.0));
}

TEST_CASE("Sustainability: no commits in the window gives zeros", "[metrics][sustainability]") {
  // Ana's only commit is in January; the February week and carol (no activity) give 0 everywhere,
  // the streak included.
  MetricWorld w;
  w.Person("ana");
  w.Person("carol");
  w.Commit("ana", "2024-01-13T23:00:00Z");
  for (MetricProfile profile : {kLoupe, kAexy}) {
    const Built b(w, profile);
    for (const char* who : {"ana", "carol"}) {
      const metrics::Sustainability s = b.Sustainability(who, WeekOf("2024-02-05"));
      CHECK(s.weekend_commit_ratio == 0.0);
      CHECK(s.late_night_commit_ratio == 0.0);
      CHECK(s.longest_streak_days == 0);
      CHECK(s.avg_daily_active_hours == 0.0);
      CHECK(s.focus_score == 0.0);
    }
  }
}

}  // namespace
}  // namespace loupe::testing
