#include "loupe/core/time.h"

#include <catch2/catch.hpp>

namespace loupe {
namespace {

TEST_CASE("Time: civil dates round-trip through day numbers", "[core][time]") {
  // 1970-01-01 is day 0; 2000-03-01 is 11017 days later (30 years of 365 days + 7 leap days
  // (72,76,80,84,88,92,96) + Jan 31 + Feb 29 of 2000 = 10950 + 7 + 60 = 11017).
  CHECK(DaysFromCivil({1970, 1, 1}) == 0);
  CHECK(DaysFromCivil({2000, 3, 1}) == 11017);
  CHECK(CivilFromDays(11017) == CivilDate{2000, 3, 1});
  CHECK(CivilFromDays(-1) == CivilDate{1969, 12, 31});
  for (int64_t d = -800000; d < 800000; d += 997) CHECK(DaysFromCivil(CivilFromDays(d)) == d);
}

TEST_CASE("Time: weekdays are Monday = 0", "[core][time]") {
  // 1970-01-01 was a Thursday (3); 2024-01-08 a Monday (0); 2024-01-14 a Sunday (6).
  CHECK(WeekdayFromDays(0) == 3);
  CHECK(WeekdayFromDays(DaysFromCivil({2024, 1, 8})) == 0);
  CHECK(WeekdayFromDays(DaysFromCivil({2024, 1, 14})) == 6);
  CHECK(WeekdayFromDays(-4) == 6);  // 1969-12-28, a Sunday
}

TEST_CASE("Time: ISO timestamps keep the author's offset, including odd ones", "[core][time]") {
  // 2026-08-18T01:26:24+08:00 is 2026-08-17T17:26:24Z.
  auto a = ParseIsoTimestamp("2026-08-18T01:26:24+08:00");
  REQUIRE(a.ok());
  CHECK(a->utc == InstantFromCivil({{2026, 8, 17}, 17, 26, 24}));
  CHECK(a->offset_minutes == 480);
  // +14:00 (Line Islands): 2024-01-01T00:00:00+14:00 is 2023-12-31T10:00:00Z.
  auto kiritimati = ParseIsoTimestamp("2024-01-01T00:00:00+14:00");
  REQUIRE(kiritimati.ok());
  CHECK(kiritimati->utc == InstantFromCivil({{2023, 12, 31}, 10, 0, 0}));
  CHECK(kiritimati->offset_minutes == 840);
  // -12:00: 2024-01-01T00:00:00-12:00 is 2024-01-01T12:00:00Z.
  auto baker = ParseIsoTimestamp("2024-01-01T00:00:00-12:00");
  REQUIRE(baker.ok());
  CHECK(baker->utc == InstantFromCivil({{2024, 1, 1}, 12, 0, 0}));
  CHECK(baker->offset_minutes == -720);
  // +05:45 (Nepal): 10:00 local is 04:15Z.
  auto nepal = ParseIsoTimestamp("2024-05-01T10:00:00+05:45");
  REQUIRE(nepal.ok());
  CHECK(nepal->utc == InstantFromCivil({{2024, 5, 1}, 4, 15, 0}));
  CHECK(FormatIsoTimestamp(*nepal) == "2024-05-01T10:00:00+05:45");
  // Compact offset and fractions as some exporters write them.
  auto compact = ParseIsoTimestamp("2024-05-01 10:00:00.250-0330");
  REQUIRE(compact.ok());
  CHECK(compact->utc == InstantFromCivil({{2024, 5, 1}, 13, 30, 0}));
  // "Z" is a known zero offset here; the bundle decides separately what Z means for commits.
  auto z = ParseIsoTimestamp("2021-07-21T06:00:00Z");
  REQUIRE(z.ok());
  CHECK(z->offset_minutes == 0);
}

TEST_CASE("Time: malformed timestamps say what is wrong", "[core][time]") {
  auto check = [](const char* text, const char* why) {
    auto r = ParseIsoTimestamp(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kInvalidInput);
    CHECK_THAT(r.status().message(), Catch::Contains(why));
  };
  check("2024-02-30T00:00:00Z", "no such date");
  check("2024-01-01T24:00:00Z", "out of range");
  check("2024-01-01T10:00:00+19:00", "beyond");
  check("2024-01-01T10:00:00+05:60", "minutes out of range");
  check("2024-01-01T10:00:00", "missing UTC offset");
  check("2024-01-01", "too short");
  check("2024-01-01T10:00:00+08:00 trailing", "trailing");
  check("yesterday at noon, roughly", "bad date");
  CHECK(ParseIsoTimestamp("2024-01-01T10:00:00", /*allow_missing_offset=*/true).ok());
}

TEST_CASE("Time: dates parse strictly", "[core][time]") {
  CHECK(ParseIsoDate("2024-02-29").ok());
  CHECK_FALSE(ParseIsoDate("2023-02-29").ok());
  CHECK_FALSE(ParseIsoDate("2024-2-9").ok());
  CHECK(FormatIsoDate({2024, 2, 9}) == "2024-02-09");
  CHECK(FormatOffset(-150) == "-02:30");
  CHECK(FormatOffset(kUnknownOffset) == "Z");
}

}  // namespace
}  // namespace loupe
