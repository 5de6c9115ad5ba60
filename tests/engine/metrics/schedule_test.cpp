// Schedule resolution (docs/metrics.md, "Schedules") and the working-day and late-night rules
// every category uses.
#include <catch2/catch.hpp>

#include "engine/metrics/metric_builder.h"

namespace loupe::testing {
namespace {

using metrics::EffectiveSchedule;
using metrics::ScheduleSource;

int64_t Day(std::string_view iso) { return DaysFromCivil(Date(iso)); }

std::string ZoneName(const EffectiveSchedule& s) { return s.zone ? std::string(s.zone->name()) : "(none)"; }

model::WorkingHours Hours(std::string zone, int late_start = 22, int late_end = 6) {
  model::WorkingHours h;
  h.timezone = std::move(zone);
  h.late_night_start_hour = late_start;
  h.late_night_end_hour = late_end;
  return h;
}

// Workspace settings: Europe/Berlin, late night 23–05, holiday 2024-12-25.
// Teams (with their insight settings):
//   "aardvark" {ana, bob}: holiday 2024-05-01, no working hours
//   "alpha"    {ana, bob, carol}: America/New_York, holiday 2024-07-04
//   "Beta"     {ana, bob}: Asia/Tokyo, holiday 2024-01-01
//   "Zulu"     {bob}: no settings
// Ana's own schedule: Asia/Kolkata, Sun–Thu, late night 21–04, role senior, holiday 2024-08-15.
// Dave is on no team and has no schedule.
// By name, ignoring case: aardvark < alpha < Beta < Zulu (byte order would put "Beta" first).
MetricWorld ResolutionWorld() {
  MetricWorld w;
  for (const char* p : {"ana", "bob", "carol", "dave"}) w.Person(p);
  w.Team("Zulu", {"bob"});
  w.Team("Beta", {"ana", "bob"});
  w.Team("alpha", {"ana", "bob", "carol"});
  w.Team("aardvark", {"ana", "bob"});
  w.Settings().working_hours = Hours("Europe/Berlin", 23, 5);
  w.Settings().holidays = {Date("2024-12-25")};
  w.Settings("aardvark").holidays = {Date("2024-05-01")};
  w.Settings("alpha").working_hours = Hours("America/New_York");
  w.Settings("alpha").holidays = {Date("2024-07-04")};
  w.Settings("Beta").working_hours = Hours("Asia/Tokyo");
  w.Settings("Beta").holidays = {Date("2024-01-01")};
  auto& s = w.Schedule("ana");
  s.hours = Hours("Asia/Kolkata", 21, 4);
  s.working_days = 0b1001111;
  s.role = "senior";
  s.holidays = {Date("2024-08-15")};
  return w;
}

TEST_CASE("ScheduleBook: loupe resolves developer then first team by name then workspace then defaults", "[metrics][schedule]") {
  // ana   -> her own schedule: Kolkata, Sun–Thu, 21–04, senior.
  // bob   -> no schedule; his first team by name that has working hours is "alpha" ("aardvark" has
  //          none): New York, Mon–Fri, 22–06.
  // carol -> "alpha" too.
  // dave  -> the workspace: Berlin, 23–05.
  // With no settings at all: no zone (commits' own offsets), Mon–Fri, 22–06.
  const MetricWorld w = ResolutionWorld();
  const Built b(w, kLoupe);
  const EffectiveSchedule& ana = b.ScheduleOf("ana");
  CHECK(ana.source == ScheduleSource::kDeveloper);
  CHECK(ZoneName(ana) == "Asia/Kolkata");
  CHECK(ana.working_days == 0b1001111);
  CHECK(ana.late_night_start_hour == 21);
  CHECK(ana.late_night_end_hour == 4);
  CHECK(ana.role == "senior");
  const EffectiveSchedule& bob = b.ScheduleOf("bob");
  CHECK(bob.source == ScheduleSource::kTeam);
  CHECK(ZoneName(bob) == "America/New_York");
  CHECK(bob.working_days == model::kMondayToFriday);
  CHECK(bob.late_night_start_hour == 22);
  CHECK(bob.late_night_end_hour == 6);
  CHECK(b.ScheduleOf("carol").source == ScheduleSource::kTeam);
  CHECK(ZoneName(b.ScheduleOf("carol")) == "America/New_York");
  const EffectiveSchedule& dave = b.ScheduleOf("dave");
  CHECK(dave.source == ScheduleSource::kWorkspace);
  CHECK(ZoneName(dave) == "Europe/Berlin");
  CHECK(dave.late_night_start_hour == 23);
  CHECK(dave.late_night_end_hour == 5);

  MetricWorld bare;
  bare.Person("ana");
  const Built defaults(bare, kLoupe);
  const EffectiveSchedule& d = defaults.ScheduleOf("ana");
  CHECK(d.source == ScheduleSource::kDefault);
  CHECK_FALSE(d.zone.has_value());
  CHECK(d.working_days == model::kMondayToFriday);
  CHECK(d.late_night_start_hour == 22);
  CHECK(d.late_night_end_hour == 6);
  CHECK(d.holidays.empty());
}

TEST_CASE("ScheduleBook: loupe holidays are the union of workspace teams and developer", "[metrics][schedule]") {
  // ana   = workspace 12-25 + aardvark 05-01 + alpha 07-04 + Beta 01-01 + her own 08-15 (sorted).
  // bob   = the same without 08-15 ("Zulu" has no settings).
  // carol = 12-25 + 07-04. dave = 12-25.
  const MetricWorld w = ResolutionWorld();
  const Built b(w, kLoupe);
  CHECK(b.ScheduleOf("ana").holidays == std::vector<int64_t>{Day("2024-01-01"), Day("2024-05-01"), Day("2024-07-04"),
                                                             Day("2024-08-15"), Day("2024-12-25")});
  CHECK(b.ScheduleOf("bob").holidays ==
        std::vector<int64_t>{Day("2024-01-01"), Day("2024-05-01"), Day("2024-07-04"), Day("2024-12-25")});
  CHECK(b.ScheduleOf("carol").holidays == std::vector<int64_t>{Day("2024-07-04"), Day("2024-12-25")});
  CHECK(b.ScheduleOf("dave").holidays == std::vector<int64_t>{Day("2024-12-25")});
  CHECK(b.ScheduleOf("ana").IsHoliday(Day("2024-07-04")));
  CHECK_FALSE(b.ScheduleOf("ana").IsWorkingDay(Day("2024-07-04")));  // a Thursday, her working day
}

TEST_CASE("ScheduleBook: aexy-compat resolves developer then workspace with Mon-Fri then UTC", "[metrics][schedule]") {
  // ana   -> her schedule: Kolkata, Sun–Thu, threshold 21; no holidays.
  // bob, carol, dave -> team settings are never consulted: the workspace's Berlin, always Mon–Fri,
  //   threshold 23; no holidays.
  // With no settings at all: UTC, Mon–Fri, threshold 22.
  const MetricWorld w = ResolutionWorld();
  const Built b(w, kAexy);
  const EffectiveSchedule& ana = b.ScheduleOf("ana");
  CHECK(ana.source == ScheduleSource::kDeveloper);
  CHECK(ZoneName(ana) == "Asia/Kolkata");
  CHECK(ana.working_days == 0b1001111);
  CHECK(ana.late_night_start_hour == 21);
  CHECK(ana.holidays.empty());
  for (const char* who : {"bob", "carol", "dave"}) {
    const EffectiveSchedule& s = b.ScheduleOf(who);
    CHECK(s.source == ScheduleSource::kWorkspace);
    CHECK(ZoneName(s) == "Europe/Berlin");
    CHECK(s.working_days == model::kMondayToFriday);
    CHECK(s.late_night_start_hour == 23);
    CHECK(s.holidays.empty());
  }

  MetricWorld bare;
  bare.Person("ana");
  const Built defaults(bare, kAexy);
  const EffectiveSchedule& d = defaults.ScheduleOf("ana");
  CHECK(d.source == ScheduleSource::kDefault);
  CHECK(ZoneName(d) == "UTC");
  CHECK(d.working_days == model::kMondayToFriday);
  CHECK(d.late_night_start_hour == 22);
}

TEST_CASE("ScheduleBook: a schedule naming no zone", "[metrics][schedule]") {
  // The workspace is in Europe/Berlin; ana's own schedule names no zone (and bob's an unknown one,
  // as old data could).
  // loupe: a schedule without a (known) zone keeps the zone of the next source: Berlin.
  // aexy-compat: Aexy's schedule row always has a zone, "UTC" by default, and an unknown name
  //   falls back to UTC — never to the workspace's zone.
  MetricWorld w;
  w.Person("ana");
  w.Person("bob");
  w.Settings().working_hours = Hours("Europe/Berlin");
  w.Schedule("ana").working_days = 0b0111110;
  w.Schedule("bob").hours.timezone = "Mars/Olympus_Mons";
  const Built l(w, kLoupe);
  CHECK(ZoneName(l.ScheduleOf("ana")) == "Europe/Berlin");
  CHECK(ZoneName(l.ScheduleOf("bob")) == "Europe/Berlin");
  CHECK(l.ScheduleOf("ana").working_days == 0b0111110);
  const Built a(w, kAexy);
  CHECK(ZoneName(a.ScheduleOf("ana")) == "UTC");
  CHECK(ZoneName(a.ScheduleOf("bob")) == "UTC");
  CHECK(a.ScheduleOf("ana").working_days == 0b0111110);
}

TEST_CASE("ScheduleBook: a schedule for an unknown identity is ignored", "[metrics][schedule]") {
  // A schedule keyed to an e-mail nobody used leaves ana on the defaults.
  MetricWorld w;
  w.Person("ana");
  w.Schedule("nobody").hours.timezone = "Asia/Tokyo";
  CHECK(Built(w, kLoupe).ScheduleOf("ana").source == ScheduleSource::kDefault);
}

TEST_CASE("WorkingDaysIn: weeks in UTC in offset zones and across DST", "[metrics][schedule]") {
  // Mon–Fri, no zone: the UTC week 2024-01-08 .. 01-15 holds 5 working days.
  // Asia/Kathmandu (+05:45): local noons of Mon 01-08 .. Sun 01-14 fall in the same UTC week -> 5.
  // Europe/Berlin's week of the spring change, 2024-03-25 00:00 CET .. 04-01 00:00 CEST (167 h):
  //   Mon–Fri = 5; with Good Friday 03-29 as a holiday, 4.
  // The week of the autumn change, 2024-10-21 00:00 CEST .. 10-28 00:00 CET (169 h): 5.
  EffectiveSchedule none;
  CHECK(metrics::WorkingDaysIn(none, WeekOf("2024-01-08")) == 5);
  EffectiveSchedule kathmandu;
  kathmandu.zone = *TimeZone::Find("Asia/Kathmandu");
  CHECK(metrics::WorkingDaysIn(kathmandu, WeekOf("2024-01-08")) == 5);

  EffectiveSchedule berlin;
  berlin.zone = *TimeZone::Find("Europe/Berlin");
  const Window spring = PeriodContaining(PeriodType::kWeekly, At("2024-03-27T12:00:00Z"), *berlin.zone);
  REQUIRE(spring.seconds() == 167 * 3600);
  CHECK(metrics::WorkingDaysIn(berlin, spring) == 5);
  berlin.holidays = {Day("2024-03-29")};
  CHECK(metrics::WorkingDaysIn(berlin, spring) == 4);
  berlin.holidays.clear();
  const Window autumn = PeriodContaining(PeriodType::kWeekly, At("2024-10-23T12:00:00Z"), *berlin.zone);
  REQUIRE(autumn.seconds() == 169 * 3600);
  CHECK(metrics::WorkingDaysIn(berlin, autumn) == 5);
}

TEST_CASE("WorkingDaysIn: Sun-Thu weeks and the floor of one day", "[metrics][schedule]") {
  // Sun–Thu in UTC: Fri 2024-01-12 .. Mon 01-15 holds Fri, Sat, Sun -> 1 (Sunday).
  // Fri 01-12 .. Sat 01-13 holds only Friday -> 0, floored at 1. An empty window -> 1.
  EffectiveSchedule s;
  s.zone = TimeZone::Utc();
  s.working_days = 0b1001111;
  CHECK(metrics::WorkingDaysIn(s, Between("2024-01-12T00:00:00Z", "2024-01-15T00:00:00Z")) == 1);
  CHECK(metrics::WorkingDaysIn(s, Between("2024-01-12T00:00:00Z", "2024-01-13T00:00:00Z")) == 1);
  CHECK(metrics::WorkingDaysIn(s, WeekOf("2024-01-08")) == 5);
  const Instant t = At("2024-01-10T12:00:00Z");
  CHECK(metrics::WorkingDaysIn(s, Window{t, t}) == 1);
}

TEST_CASE("AexyWorkingDaysIn: Mon-Fri UTC dates from start to end inclusive", "[metrics][schedule]") {
  // The UTC week 2024-01-08 .. 01-15 counts both Mondays: 6.
  // Sat 01-13 .. Mon 01-15: only Monday 01-15 -> 1. Sat .. Sun: 0, floored at 1.
  // Berlin's spring-change week [03-24 23:00Z, 03-31 22:00Z]: UTC dates 03-24 (Sun) .. 03-31 (Sun) -> 5.
  CHECK(metrics::AexyWorkingDaysIn(WeekOf("2024-01-08")) == 6);
  CHECK(metrics::AexyWorkingDaysIn(Between("2024-01-13T00:00:00Z", "2024-01-15T00:00:00Z")) == 1);
  CHECK(metrics::AexyWorkingDaysIn(Between("2024-01-13T00:00:00Z", "2024-01-14T00:00:00Z")) == 1);
  CHECK(metrics::AexyWorkingDaysIn(Between("2024-03-24T23:00:00Z", "2024-03-31T22:00:00Z")) == 5);
}

TEST_CASE("EffectiveSchedule: late night wraps midnight under loupe only", "[metrics][schedule]") {
  // Default 22–06. loupe: 21 no, 22 yes, 23 yes, 0 yes, 5 yes, 6 no.
  // aexy-compat: hour >= 22 only: 22 and 23.
  // A window inside one day, 01–05 (loupe): 0 no, 1 yes, 4 yes, 5 no.
  EffectiveSchedule s;
  const std::vector<std::pair<int, bool>> loupe = {{21, false}, {22, true}, {23, true}, {0, true}, {5, true}, {6, false}};
  for (const auto& [hour, late] : loupe) {
    INFO("hour " << hour);
    CHECK(s.IsLateNight(hour, kLoupe) == late);
    CHECK(s.IsLateNight(hour, kAexy) == (hour >= 22));
  }
  s.late_night_start_hour = 1;
  s.late_night_end_hour = 5;
  CHECK_FALSE(s.IsLateNight(0, kLoupe));
  CHECK(s.IsLateNight(1, kLoupe));
  CHECK(s.IsLateNight(4, kLoupe));
  CHECK_FALSE(s.IsLateNight(5, kLoupe));
}

}  // namespace
}  // namespace loupe::testing
