#include "loupe/core/period.h"

#include <ostream>

#include <catch2/catch.hpp>

namespace loupe {
namespace {

Instant At(std::string_view iso) {
  Result<Timestamp> ts = ParseIsoTimestamp(iso);
  REQUIRE(ts.ok());
  return ts->utc;
}

Window Between(std::string_view start, std::string_view end) {
  return Window{At(start), At(end)};
}

TimeZone Zone(std::string_view name) {
  Result<TimeZone> zone = TimeZone::Find(name);
  REQUIRE(zone.ok());
  return *zone;
}

}  // namespace

// Catch prints windows in failure messages. Internal linkage, so other tests may have their own.
static std::ostream& operator<<(std::ostream& os, const Window& w) {
  return os << "[" << FormatIsoInstant(w.start) << ", " << FormatIsoInstant(w.end) << ")";
}

namespace {

TEST_CASE("Period: type names round-trip and unknown names are rejected", "[core][period]") {
  for (PeriodType type : {PeriodType::kDaily, PeriodType::kWeekly, PeriodType::kBiweekly,
                          PeriodType::kMonthly, PeriodType::kCustom}) {
    Result<PeriodType> parsed = ParsePeriodType(PeriodTypeName(type));
    REQUIRE(parsed.ok());
    CHECK(*parsed == type);
  }
  CHECK(PeriodTypeName(PeriodType::kBiweekly) == "biweekly");
  Result<PeriodType> bad = ParsePeriodType("Weekly");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kInvalidInput);
  CHECK_THAT(bad.status().message(), Catch::Contains("\"Weekly\""));
}

TEST_CASE("Period: UTC days, weeks and months", "[core][period]") {
  // Wednesday 2024-01-10 12:00Z.
  const Instant wed = At("2024-01-10T12:00:00Z");
  CHECK(PeriodContaining(PeriodType::kDaily, wed) ==
        Between("2024-01-10T00:00:00Z", "2024-01-11T00:00:00Z"));
  CHECK(PeriodContaining(PeriodType::kWeekly, wed) ==
        Between("2024-01-08T00:00:00Z", "2024-01-15T00:00:00Z"));
  CHECK(PeriodContaining(PeriodType::kMonthly, wed) ==
        Between("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"));
  // Sunday 23:59:59 still belongs to the week that began on Monday 2024-01-01.
  CHECK(PeriodContaining(PeriodType::kWeekly, At("2024-01-07T23:59:59Z")) ==
        Between("2024-01-01T00:00:00Z", "2024-01-08T00:00:00Z"));
  CHECK(PeriodContaining(PeriodType::kDaily, wed).seconds() == 86400);
  CHECK(PeriodContaining(PeriodType::kWeekly, wed).seconds() == 7 * 86400);
}

TEST_CASE("Period: windows are half-open at their exact boundaries", "[core][period]") {
  const Window jan10 = PeriodContaining(PeriodType::kDaily, At("2024-01-10T12:00:00Z"));
  CHECK(jan10.Contains(At("2024-01-10T00:00:00Z")));
  CHECK(jan10.Contains(At("2024-01-10T23:59:59Z")));
  CHECK_FALSE(jan10.Contains(At("2024-01-11T00:00:00Z")));
  CHECK_FALSE(jan10.Contains(At("2024-01-09T23:59:59Z")));
  // An instant exactly on a boundary opens the next period.
  CHECK(PeriodContaining(PeriodType::kDaily, At("2024-01-11T00:00:00Z")).start ==
        At("2024-01-11T00:00:00Z"));
  CHECK(PeriodContaining(PeriodType::kWeekly, At("2024-01-08T00:00:00Z")) ==
        Between("2024-01-08T00:00:00Z", "2024-01-15T00:00:00Z"));
}

TEST_CASE("Period: month ends, leap February included", "[core][period]") {
  // 2024 is a leap year: February has 29 days (2 505 600 s); 2023's has 28 (2 419 200 s).
  const Window feb2024 = PeriodContaining(PeriodType::kMonthly, At("2024-02-29T23:59:59Z"));
  CHECK(feb2024 == Between("2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"));
  CHECK(feb2024.seconds() == 29 * 86400);
  CHECK(PeriodContaining(PeriodType::kMonthly, At("2023-02-15T00:00:00Z")).seconds() == 28 * 86400);
  // 2100 is not a leap year (divisible by 100, not by 400); 2000 was.
  CHECK(PeriodContaining(PeriodType::kMonthly, At("2100-02-10T00:00:00Z")).seconds() == 28 * 86400);
  CHECK(PeriodContaining(PeriodType::kMonthly, At("2000-02-10T00:00:00Z")).seconds() == 29 * 86400);
  // December runs into the next year; the month after January 31st is February.
  CHECK(PeriodContaining(PeriodType::kMonthly, At("2024-12-31T12:00:00Z")) ==
        Between("2024-12-01T00:00:00Z", "2025-01-01T00:00:00Z"));
  const Window jan = PeriodContaining(PeriodType::kMonthly, At("2024-01-31T12:00:00Z"));
  CHECK(NextPeriod(PeriodType::kMonthly, jan) == feb2024);
  CHECK(PreviousPeriod(PeriodType::kMonthly, feb2024) == jan);
  CHECK(PreviousPeriod(PeriodType::kMonthly, jan) ==
        Between("2023-12-01T00:00:00Z", "2024-01-01T00:00:00Z"));
}

TEST_CASE("Period: biweekly blocks are anchored on Monday 1970-01-05", "[core][period]") {
  // Week index = (days since 1970-01-05) / 7. Blocks start where it is even: 1970-01-05 (0),
  // 1970-01-19 (2), … Monday 2024-01-08 is 19 726 days after 1970-01-05 = week 2818, even, so
  // it starts a block; Monday 2024-01-01 (week 2817) is the middle of the block from 2023-12-25.
  CHECK(PeriodContaining(PeriodType::kBiweekly, At("1970-01-05T00:00:00Z")) ==
        Between("1970-01-05T00:00:00Z", "1970-01-19T00:00:00Z"));
  CHECK(PeriodContaining(PeriodType::kBiweekly, At("1970-01-04T23:59:59Z")) ==
        Between("1969-12-22T00:00:00Z", "1970-01-05T00:00:00Z"));
  CHECK(PeriodContaining(PeriodType::kBiweekly, At("2024-01-10T12:00:00Z")) ==
        Between("2024-01-08T00:00:00Z", "2024-01-22T00:00:00Z"));
  CHECK(PeriodContaining(PeriodType::kBiweekly, At("2024-01-01T00:00:00Z")) ==
        Between("2023-12-25T00:00:00Z", "2024-01-08T00:00:00Z"));
  CHECK(PeriodContaining(PeriodType::kBiweekly, At("2024-01-07T23:59:59Z")) ==
        Between("2023-12-25T00:00:00Z", "2024-01-08T00:00:00Z"));
  const Window block = PeriodContaining(PeriodType::kBiweekly, At("2024-01-10T12:00:00Z"));
  CHECK(NextPeriod(PeriodType::kBiweekly, block) ==
        Between("2024-01-22T00:00:00Z", "2024-02-05T00:00:00Z"));
}

TEST_CASE("Period: PeriodsBetween lists every period that intersects the half-open range",
          "[core][period]") {
  // From noon on Jan 1 to midnight starting Jan 4: Jan 1 (partly), 2 and 3; Jan 4 starts at `to`
  // and so does not intersect.
  auto days =
      PeriodsBetween(PeriodType::kDaily, At("2024-01-01T12:00:00Z"), At("2024-01-04T00:00:00Z"));
  REQUIRE(days.size() == 3);
  CHECK(days.front() == Between("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"));
  CHECK(days.back() == Between("2024-01-03T00:00:00Z", "2024-01-04T00:00:00Z"));
  CHECK(PeriodsBetween(PeriodType::kDaily, At("2024-01-01T12:00:00Z"), At("2024-01-04T00:00:01Z"))
            .size() == 4);
  // January 2024 meets the weeks of Mondays Jan 1, 8, 15, 22 and 29.
  CHECK(PeriodsBetween(PeriodType::kWeekly, At("2024-01-01T00:00:00Z"), At("2024-02-01T00:00:00Z"))
            .size() == 5);
  const auto months =
      PeriodsBetween(PeriodType::kMonthly, At("2024-01-01T00:00:00Z"), At("2025-01-01T00:00:00Z"));
  REQUIRE(months.size() == 12);
  for (size_t i = 1; i < months.size(); ++i) CHECK(months[i - 1].end == months[i].start);
  // 2024 had 366 days.
  CHECK(PeriodsBetween(PeriodType::kDaily, At("2024-01-01T00:00:00Z"), At("2025-01-01T00:00:00Z"))
            .size() == 366);
  CHECK(PeriodsBetween(PeriodType::kDaily, At("2024-01-02T00:00:00Z"), At("2024-01-02T00:00:00Z"))
            .empty());
  CHECK(PeriodsBetween(PeriodType::kDaily, At("2024-01-03T00:00:00Z"), At("2024-01-02T00:00:00Z"))
            .empty());
  const auto custom =
      PeriodsBetween(PeriodType::kCustom, At("2024-01-03T10:00:00Z"), At("2024-01-05T10:00:00Z"));
  REQUIRE(custom.size() == 1);
  CHECK(custom[0] == Between("2024-01-03T10:00:00Z", "2024-01-05T10:00:00Z"));
}

TEST_CASE("Period: LastCompletedPeriod is the one before the period of now", "[core][period]") {
  // Wednesday 2024-01-10 12:00Z: the week in progress began Monday the 8th, so the last complete
  // week is [Mon 2024-01-01, Mon 2024-01-08).
  CHECK(LastCompletedPeriod(PeriodType::kWeekly, At("2024-01-10T12:00:00Z")) ==
        Between("2024-01-01T00:00:00Z", "2024-01-08T00:00:00Z"));
  // At Monday 00:00 exactly, the week before has just completed.
  CHECK(LastCompletedPeriod(PeriodType::kWeekly, At("2024-01-08T00:00:00Z")) ==
        Between("2024-01-01T00:00:00Z", "2024-01-08T00:00:00Z"));
  CHECK(LastCompletedPeriod(PeriodType::kDaily, At("2024-03-01T08:00:00Z")) ==
        Between("2024-02-29T00:00:00Z", "2024-03-01T00:00:00Z"));
  CHECK(LastCompletedPeriod(PeriodType::kMonthly, At("2024-03-01T00:00:00Z")) ==
        Between("2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"));
  CHECK(LastCompletedPeriod(PeriodType::kBiweekly, At("2024-01-10T12:00:00Z")) ==
        Between("2023-12-25T00:00:00Z", "2024-01-08T00:00:00Z"));
  // In Berlin, Monday 2024-01-08 00:00 CET is 2024-01-07T23:00Z.
  CHECK(
      LastCompletedPeriod(PeriodType::kWeekly, At("2024-01-10T12:00:00Z"), Zone("Europe/Berlin")) ==
      Between("2023-12-31T23:00:00Z", "2024-01-07T23:00:00Z"));
}

TEST_CASE("Period: local boundaries in Europe/Berlin across DST", "[core][period]") {
  const TimeZone berlin = Zone("Europe/Berlin");
  // 2024-03-31 (spring forward) runs from 00:00 CET = 23:00Z on the 30th to 00:00 CEST = 22:00Z
  // on the 31st: 23 hours.
  const Window spring = PeriodContaining(PeriodType::kDaily, At("2024-03-31T12:00:00Z"), berlin);
  CHECK(spring == Between("2024-03-30T23:00:00Z", "2024-03-31T22:00:00Z"));
  CHECK(spring.seconds() == 23 * 3600);
  // 2024-10-27 (fall back) runs from 22:00Z on the 26th to 23:00Z on the 27th: 25 hours.
  const Window fall = PeriodContaining(PeriodType::kDaily, At("2024-10-27T12:00:00Z"), berlin);
  CHECK(fall == Between("2024-10-26T22:00:00Z", "2024-10-27T23:00:00Z"));
  CHECK(fall.seconds() == 25 * 3600);
  // The boundary instant belongs to the day it starts.
  CHECK(PeriodContaining(PeriodType::kDaily, At("2024-03-30T23:00:00Z"), berlin) == spring);
  CHECK(PeriodContaining(PeriodType::kDaily, At("2024-03-30T22:59:59Z"), berlin) ==
        Between("2024-03-29T23:00:00Z", "2024-03-30T23:00:00Z"));
  CHECK(PreviousPeriod(PeriodType::kDaily, spring, berlin) ==
        Between("2024-03-29T23:00:00Z", "2024-03-30T23:00:00Z"));
  CHECK(NextPeriod(PeriodType::kDaily, spring, berlin) ==
        Between("2024-03-31T22:00:00Z", "2024-04-01T22:00:00Z"));
  // The week of Monday 2024-03-25 00:00 CET (23:00Z on the 24th) ends Monday 2024-04-01 00:00
  // CEST (22:00Z on 2024-03-31): one hour short of 7 days.
  const Window week = PeriodContaining(PeriodType::kWeekly, At("2024-03-31T12:00:00Z"), berlin);
  CHECK(week == Between("2024-03-24T23:00:00Z", "2024-03-31T22:00:00Z"));
  CHECK(week.seconds() == 7 * 86400 - 3600);
  // March 2024 in Berlin: 00:00 CET on the 1st to 00:00 CEST on April 1st.
  CHECK(PeriodContaining(PeriodType::kMonthly, At("2024-03-15T12:00:00Z"), berlin) ==
        Between("2024-02-29T23:00:00Z", "2024-03-31T22:00:00Z"));
  // March 2024 in Berlin still holds 31 local days, one of them 23 hours long.
  CHECK(PeriodsBetween(PeriodType::kDaily, At("2024-02-29T23:00:00Z"), At("2024-03-31T22:00:00Z"),
                       berlin)
            .size() == 31);
}

TEST_CASE("Period: a zone west of UTC shifts the day", "[core][period]") {
  // 2024-01-10T03:00Z is 22:00 EST on the 9th in New York: that local day is 05:00Z..05:00Z.
  CHECK(
      PeriodContaining(PeriodType::kDaily, At("2024-01-10T03:00:00Z"), Zone("America/New_York")) ==
      Between("2024-01-09T05:00:00Z", "2024-01-10T05:00:00Z"));
  // A fixed +05:45 offset (an author's own clock): the day begins at 18:15Z the day before.
  CHECK(PeriodContaining(PeriodType::kDaily, At("2024-01-10T03:00:00Z"), TimeZone::Fixed(345)) ==
        Between("2024-01-09T18:15:00Z", "2024-01-10T18:15:00Z"));
}

TEST_CASE("Period: a day whose midnight is skipped starts at its first local time",
          "[core][period]") {
  // America/Sao_Paulo jumped from 00:00 to 01:00 on 2018-11-04 (at 03:00Z, -03:00 -> -02:00):
  // that day runs from 03:00Z to the next midnight at 02:00Z, 23 hours.
  const TimeZone sao_paulo = Zone("America/Sao_Paulo");
  const Window day = PeriodContaining(PeriodType::kDaily, At("2018-11-04T12:00:00Z"), sao_paulo);
  CHECK(day == Between("2018-11-04T03:00:00Z", "2018-11-05T02:00:00Z"));
  CHECK(PreviousPeriod(PeriodType::kDaily, day, sao_paulo) ==
        Between("2018-11-03T03:00:00Z", "2018-11-04T03:00:00Z"));
}

TEST_CASE("Period: custom windows step by their own length", "[core][period]") {
  const TimeZone berlin = Zone("Europe/Berlin");
  // Two local weeks, Mon 2024-03-18 00:00 CET .. Mon 2024-04-01 00:00 CEST (one hour short of
  // 14 days because of the spring change): the next custom window is the next two local weeks,
  // to Mon 2024-04-15 00:00 CEST, a full 14 days; the previous one starts Mon 2024-03-04 CET.
  const Window fortnight = Between("2024-03-17T23:00:00Z", "2024-03-31T22:00:00Z");
  CHECK(NextPeriod(PeriodType::kCustom, fortnight, berlin) ==
        Between("2024-03-31T22:00:00Z", "2024-04-14T22:00:00Z"));
  CHECK(PreviousPeriod(PeriodType::kCustom, fortnight, berlin) ==
        Between("2024-03-03T23:00:00Z", "2024-03-17T23:00:00Z"));
  // A window that does not run midnight to midnight moves by its length in seconds.
  const Window hours = Between("2024-03-30T10:00:00Z", "2024-03-31T10:00:00Z");
  CHECK(NextPeriod(PeriodType::kCustom, hours, berlin) ==
        Between("2024-03-31T10:00:00Z", "2024-04-01T10:00:00Z"));
}

}  // namespace
}  // namespace loupe
