#include "loupe/core/zone.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

// The table's internals are private to the engine, so reach them by path: the whole-table
// checks below visit every transition it keeps.
#include "core/zone_data.h"
#include "loupe/core/period.h"

#ifndef __EMSCRIPTEN__
#include <cstdlib>
#include <ctime>
#include <fstream>
#endif

namespace loupe {
namespace {

Instant At(std::string_view iso) {
  Result<Timestamp> ts = ParseIsoTimestamp(iso);
  REQUIRE(ts.ok());
  return ts->utc;
}

CivilTime Wall(int32_t y, int32_t mo, int32_t d, int32_t h, int32_t mi, int32_t s = 0) {
  return CivilTime{CivilDate{y, mo, d}, h, mi, s};
}

TimeZone Zone(std::string_view name) {
  Result<TimeZone> zone = TimeZone::Find(name);
  REQUIRE(zone.ok());
  return *zone;
}

TEST_CASE("TimeZone: Europe/Berlin springs forward at 01:00Z on 2024-03-31", "[core][zone]") {
  const TimeZone berlin = Zone("Europe/Berlin");
  // Last Sunday of March, 02:00 CET (+01:00) becomes 03:00 CEST (+02:00), i.e. at 01:00:00Z.
  CHECK(berlin.OffsetSecondsAt(At("2024-03-31T00:59:59Z")) == 3600);
  CHECK_FALSE(berlin.IsDstAt(At("2024-03-31T00:59:59Z")));
  CHECK(berlin.AbbreviationAt(At("2024-03-31T00:59:59Z")) == "CET");
  CHECK(berlin.OffsetSecondsAt(At("2024-03-31T01:00:00Z")) == 7200);
  CHECK(berlin.IsDstAt(At("2024-03-31T01:00:00Z")));
  CHECK(berlin.AbbreviationAt(At("2024-03-31T01:00:00Z")) == "CEST");
  // Local clocks read 01:59:59 one second before the change and 03:00:00 at it.
  CHECK(berlin.ToLocal(At("2024-03-31T00:59:59Z")) == Wall(2024, 3, 31, 1, 59, 59));
  CHECK(berlin.ToLocal(At("2024-03-31T01:00:00Z")) == Wall(2024, 3, 31, 3, 0, 0));
  // 02:30 does not exist: read with the offset before the gap (+01:00) -> 01:30Z, which clocks
  // show as 03:30 CEST. Both ambiguity choices agree in a gap.
  CHECK(berlin.ToUtc(Wall(2024, 3, 31, 2, 30)) == At("2024-03-31T01:30:00Z"));
  CHECK(berlin.ToUtc(Wall(2024, 3, 31, 2, 30), TimeZone::Ambiguity::kLater) ==
        At("2024-03-31T01:30:00Z"));
  CHECK(berlin.ToLocal(At("2024-03-31T01:30:00Z")) == Wall(2024, 3, 31, 3, 30));
  // 03:00 exists once: 01:00Z.
  CHECK(berlin.ToUtc(Wall(2024, 3, 31, 3, 0)) == At("2024-03-31T01:00:00Z"));
  // The day is 23 hours long: it starts at 00:00 CET = 2024-03-30T23:00Z.
  CHECK(berlin.StartOfLocalDay(At("2024-03-31T12:00:00Z")) == At("2024-03-30T23:00:00Z"));
}

TEST_CASE("TimeZone: Europe/Berlin falls back at 01:00Z on 2024-10-27", "[core][zone]") {
  const TimeZone berlin = Zone("Europe/Berlin");
  // Last Sunday of October, 03:00 CEST (+02:00) becomes 02:00 CET (+01:00), at 01:00:00Z.
  CHECK(berlin.OffsetSecondsAt(At("2024-10-27T00:59:59Z")) == 7200);
  CHECK(berlin.OffsetSecondsAt(At("2024-10-27T01:00:00Z")) == 3600);
  CHECK(berlin.ToLocal(At("2024-10-27T00:59:59Z")) == Wall(2024, 10, 27, 2, 59, 59));
  CHECK(berlin.ToLocal(At("2024-10-27T01:00:00Z")) == Wall(2024, 10, 27, 2, 0, 0));
  // 02:30 happens twice: first in CEST (02:30 - 2 h = 00:30Z), then in CET (01:30Z).
  CHECK(berlin.ToUtc(Wall(2024, 10, 27, 2, 30)) == At("2024-10-27T00:30:00Z"));
  CHECK(berlin.ToUtc(Wall(2024, 10, 27, 2, 30), TimeZone::Ambiguity::kEarlier) ==
        At("2024-10-27T00:30:00Z"));
  CHECK(berlin.ToUtc(Wall(2024, 10, 27, 2, 30), TimeZone::Ambiguity::kLater) ==
        At("2024-10-27T01:30:00Z"));
  // Outside the overlap both choices agree: 12:00 CET = 11:00Z.
  CHECK(berlin.ToUtc(Wall(2024, 10, 27, 12, 0), TimeZone::Ambiguity::kLater) ==
        At("2024-10-27T11:00:00Z"));
}

TEST_CASE("TimeZone: America/New_York DST in 2024", "[core][zone]") {
  const TimeZone ny = Zone("America/New_York");
  // Second Sunday of March: 02:00 EST (-05:00) -> 03:00 EDT (-04:00) at 07:00Z.
  CHECK(ny.OffsetSecondsAt(At("2024-03-10T06:59:59Z")) == -5 * 3600);
  CHECK(ny.OffsetSecondsAt(At("2024-03-10T07:00:00Z")) == -4 * 3600);
  CHECK(ny.AbbreviationAt(At("2024-07-04T16:00:00Z")) == "EDT");
  // First Sunday of November: 02:00 EDT -> 01:00 EST at 06:00Z; 01:30 happens at 05:30Z (EDT)
  // and again at 06:30Z (EST).
  CHECK(ny.OffsetSecondsAt(At("2024-11-03T05:59:59Z")) == -4 * 3600);
  CHECK(ny.OffsetSecondsAt(At("2024-11-03T06:00:00Z")) == -5 * 3600);
  CHECK(ny.ToUtc(Wall(2024, 11, 3, 1, 30)) == At("2024-11-03T05:30:00Z"));
  CHECK(ny.ToUtc(Wall(2024, 11, 3, 1, 30), TimeZone::Ambiguity::kLater) ==
        At("2024-11-03T06:30:00Z"));
  // 02:15 on 2024-03-10 is skipped: read as EST -> 07:15Z, shown as 03:15 EDT.
  CHECK(ny.ToUtc(Wall(2024, 3, 10, 2, 15)) == At("2024-03-10T07:15:00Z"));
  // 22:00 EST on 2024-01-09 is 03:00Z on the 10th; its local day began at 05:00Z on the 9th.
  CHECK(ny.ToLocal(At("2024-01-10T03:00:00Z")) == Wall(2024, 1, 9, 22, 0));
  CHECK(ny.StartOfLocalDay(At("2024-01-10T03:00:00Z")) == At("2024-01-09T05:00:00Z"));
}

TEST_CASE("TimeZone: offsets that are not whole hours, and the extremes", "[core][zone]") {
  // Asia/Kathmandu has kept +05:45 since 1986 (it was +05:30 before).
  const TimeZone kathmandu = Zone("Asia/Kathmandu");
  CHECK(kathmandu.OffsetSecondsAt(At("2024-06-01T00:00:00Z")) == 5 * 3600 + 45 * 60);
  CHECK(kathmandu.AbbreviationAt(At("2024-06-01T00:00:00Z")) == "+0545");
  CHECK(kathmandu.OffsetSecondsAt(At("1980-06-01T00:00:00Z")) == 5 * 3600 + 30 * 60);
  // Pacific/Kiritimati is +14:00, the easternmost offset, since it skipped 1994-12-31.
  const TimeZone kiritimati = Zone("Pacific/Kiritimati");
  CHECK(kiritimati.OffsetSecondsAt(At("2024-06-01T00:00:00Z")) == 14 * 3600);
  // 2024-06-01T11:00Z is already 01:00 on June 2nd there.
  CHECK(kiritimati.ToLocal(At("2024-06-01T11:00:00Z")) == Wall(2024, 6, 2, 1, 0));
  // Asia/Tehran: +03:30 year-round since Iran dropped DST in 2022; +04:30 in summer 2021.
  const TimeZone tehran = Zone("Asia/Tehran");
  CHECK(tehran.OffsetSecondsAt(At("2024-06-01T00:00:00Z")) == 3 * 3600 + 30 * 60);
  CHECK_FALSE(tehran.IsDstAt(At("2024-06-01T00:00:00Z")));
  CHECK(tehran.OffsetSecondsAt(At("2021-06-01T00:00:00Z")) == 4 * 3600 + 30 * 60);
  CHECK(tehran.IsDstAt(At("2021-06-01T00:00:00Z")));
}

TEST_CASE("TimeZone: Pacific/Chatham is +12:45, +13:45 in its summer", "[core][zone]") {
  const TimeZone chatham = Zone("Pacific/Chatham");
  CHECK(chatham.OffsetSecondsAt(At("2024-01-15T00:00:00Z")) == 13 * 3600 + 45 * 60);
  CHECK(chatham.IsDstAt(At("2024-01-15T00:00:00Z")));
  CHECK(chatham.AbbreviationAt(At("2024-01-15T00:00:00Z")) == "+1345");
  CHECK(chatham.OffsetSecondsAt(At("2024-07-01T00:00:00Z")) == 12 * 3600 + 45 * 60);
  CHECK_FALSE(chatham.IsDstAt(At("2024-07-01T00:00:00Z")));
}

TEST_CASE("TimeZone: Australia/Lord_Howe moves its clocks by 30 minutes", "[core][zone]") {
  const TimeZone lord_howe = Zone("Australia/Lord_Howe");
  // First Sunday of October 2024 (the 6th), 02:00 +10:30 -> 02:30 +11:00, i.e. at 15:30Z on the
  // 5th.
  CHECK(lord_howe.OffsetSecondsAt(At("2024-10-05T15:29:59Z")) == 10 * 3600 + 30 * 60);
  CHECK(lord_howe.OffsetSecondsAt(At("2024-10-05T15:30:00Z")) == 11 * 3600);
  CHECK(lord_howe.IsDstAt(At("2024-10-05T15:30:00Z")));
  // First Sunday of April 2024 (the 7th), 02:00 +11:00 -> 01:30 +10:30: 01:45 happens at
  // 14:45Z (01:45 - 11:00) and again at 15:15Z (01:45 - 10:30) on the 6th.
  CHECK(lord_howe.ToUtc(Wall(2024, 4, 7, 1, 45)) == At("2024-04-06T14:45:00Z"));
  CHECK(lord_howe.ToUtc(Wall(2024, 4, 7, 1, 45), TimeZone::Ambiguity::kLater) ==
        At("2024-04-06T15:15:00Z"));
}

TEST_CASE("TimeZone: Australia/Sydney has DST from October to April", "[core][zone]") {
  const TimeZone sydney = Zone("Australia/Sydney");
  // First Sunday of April 2024 (the 7th), 03:00 AEDT (+11) -> 02:00 AEST (+10), at 16:00Z on the
  // 6th; first Sunday of October (the 6th), 02:00 AEST -> 03:00 AEDT, at 16:00Z on the 5th.
  CHECK(sydney.OffsetSecondsAt(At("2024-01-15T00:00:00Z")) == 11 * 3600);
  CHECK(sydney.OffsetSecondsAt(At("2024-04-06T15:59:59Z")) == 11 * 3600);
  CHECK(sydney.OffsetSecondsAt(At("2024-04-06T16:00:00Z")) == 10 * 3600);
  CHECK(sydney.AbbreviationAt(At("2024-07-01T00:00:00Z")) == "AEST");
  CHECK(sydney.OffsetSecondsAt(At("2024-10-05T15:59:59Z")) == 10 * 3600);
  CHECK(sydney.OffsetSecondsAt(At("2024-10-05T16:00:00Z")) == 11 * 3600);
  // After the table's 2027 cut, from the footer AEST-10AEDT,M10.1.0,M4.1.0/3: New Year 2035 is
  // summer.
  CHECK(sydney.OffsetSecondsAt(At("2035-01-01T00:00:00Z")) == 11 * 3600);
}

TEST_CASE("TimeZone: instants after 2027 come from the POSIX footer rule", "[core][zone]") {
  const TimeZone berlin = Zone("Europe/Berlin");
  // CET-1CEST,M3.5.0,M10.5.0/3
  CHECK(berlin.OffsetSecondsAt(At("2040-07-01T12:00:00Z")) == 7200);
  CHECK(berlin.AbbreviationAt(At("2040-07-01T12:00:00Z")) == "CEST");
  CHECK(berlin.OffsetSecondsAt(At("2040-01-01T12:00:00Z")) == 3600);
  // 2030-03-31 is the last Sunday of March: the change is at 01:00Z as in 2024.
  CHECK(berlin.OffsetSecondsAt(At("2030-03-31T00:59:59Z")) == 3600);
  CHECK(berlin.OffsetSecondsAt(At("2030-03-31T01:00:00Z")) == 7200);
  // 2030-10-27 is the last Sunday of October: 02:30 happens at 00:30Z and 01:30Z.
  CHECK(berlin.ToUtc(Wall(2030, 10, 27, 2, 30)) == At("2030-10-27T00:30:00Z"));
  CHECK(berlin.ToUtc(Wall(2030, 10, 27, 2, 30), TimeZone::Ambiguity::kLater) ==
        At("2030-10-27T01:30:00Z"));
  // EST5EDT,M3.2.0,M11.1.0
  const TimeZone ny = Zone("America/New_York");
  CHECK(ny.OffsetSecondsAt(At("2050-01-15T12:00:00Z")) == -5 * 3600);
  CHECK(ny.OffsetSecondsAt(At("2050-07-15T12:00:00Z")) == -4 * 3600);
  CHECK(ny.IsDstAt(At("2050-07-15T12:00:00Z")));
}

TEST_CASE("TimeZone: days whose midnight does not exist", "[core][zone]") {
  // America/Sao_Paulo sprang forward at 00:00 on 2018-11-04 (-03:00 -> -02:00, at 03:00Z): the
  // day starts at 01:00 local, which is 03:00Z.
  const TimeZone sao_paulo = Zone("America/Sao_Paulo");
  CHECK(sao_paulo.StartOfLocalDate(CivilDate{2018, 11, 4}) == At("2018-11-04T03:00:00Z"));
  CHECK(sao_paulo.StartOfLocalDay(At("2018-11-04T15:00:00Z")) == At("2018-11-04T03:00:00Z"));
  CHECK(sao_paulo.ToLocal(At("2018-11-04T03:00:00Z")) == Wall(2018, 11, 4, 1, 0));
  // The day before was 24 hours from 03:00Z.
  CHECK(sao_paulo.StartOfLocalDate(CivilDate{2018, 11, 3}) == At("2018-11-03T03:00:00Z"));
  // Pacific/Apia skipped 2011-12-30: after 23:59:59 on the 29th (-10:00) came 00:00 on the 31st
  // (+14:00), at 10:00Z on the 30th. The skipped date "starts" where the 31st does.
  const TimeZone apia = Zone("Pacific/Apia");
  CHECK(apia.StartOfLocalDate(CivilDate{2011, 12, 31}) == At("2011-12-30T10:00:00Z"));
  CHECK(apia.StartOfLocalDate(CivilDate{2011, 12, 30}) == At("2011-12-30T10:00:00Z"));
  CHECK(apia.StartOfLocalDate(CivilDate{2011, 12, 29}) == At("2011-12-29T10:00:00Z"));
}

TEST_CASE("TimeZone: links answer like their target and keep their own name", "[core][zone]") {
  const TimeZone eastern = Zone("US/Eastern");
  const TimeZone ny = Zone("America/New_York");
  CHECK(eastern.name() == "US/Eastern");
  CHECK(ny.name() == "America/New_York");
  for (Instant t = At("1970-01-01T00:00:00Z"); t < At("2060-01-01T00:00:00Z");
       t += 86400 * 7 + 3599) {
    CHECK(eastern.OffsetSecondsAt(t) == ny.OffsetSecondsAt(t));
  }
  CHECK(Zone("Asia/Calcutta").OffsetSecondsAt(0) == Zone("Asia/Kolkata").OffsetSecondsAt(0));
}

TEST_CASE("TimeZone: an unknown name is NotFound and says which", "[core][zone]") {
  Result<TimeZone> mars = TimeZone::Find("Mars/Olympus_Mons");
  REQUIRE_FALSE(mars.ok());
  CHECK(mars.status().code() == StatusCode::kNotFound);
  CHECK_THAT(mars.status().message(), Catch::Contains("Mars/Olympus_Mons"));
  Result<TimeZone> lower = TimeZone::Find("europe/berlin");
  REQUIRE_FALSE(lower.ok());
  CHECK_THAT(lower.status().message(), Catch::Contains("\"Europe/Berlin\""));
  CHECK_FALSE(TimeZone::Find("").ok());
}

TEST_CASE("TimeZone: UTC and fixed offsets", "[core][zone]") {
  const TimeZone utc = TimeZone::Utc();
  CHECK(utc.name() == "UTC");
  CHECK(TimeZone().name() == "UTC");
  CHECK(utc.OffsetSecondsAt(At("2024-07-01T00:00:00Z")) == 0);
  CHECK_FALSE(utc.IsDstAt(At("2024-07-01T00:00:00Z")));
  CHECK(utc.ToUtc(Wall(2024, 7, 1, 12, 0)) == At("2024-07-01T12:00:00Z"));
  CHECK(Zone("UTC").OffsetSecondsAt(At("2024-07-01T00:00:00Z")) == 0);
  CHECK(Zone("Etc/UTC").AbbreviationAt(0) == "UTC");

  const TimeZone nepal = TimeZone::Fixed(5 * 60 + 45);
  CHECK(nepal.name() == "UTC+05:45");
  CHECK(nepal.OffsetSecondsAt(At("2024-07-01T00:00:00Z")) == 20700);
  CHECK(nepal.ToLocal(At("2024-07-01T00:00:00Z")) == Wall(2024, 7, 1, 5, 45));
  CHECK(nepal.ToUtc(Wall(2024, 7, 1, 5, 45)) == At("2024-07-01T00:00:00Z"));
  const TimeZone newfoundland = TimeZone::Fixed(-(3 * 60 + 30));
  CHECK(newfoundland.name() == "UTC-03:30");
  CHECK(newfoundland.StartOfLocalDay(At("2024-07-01T02:00:00Z")) == At("2024-06-30T03:30:00Z"));
  CHECK(TimeZone::Fixed(0).name() == "UTC+00:00");
  // A copy carries its own name.
  const TimeZone copy = nepal;
  CHECK(copy.name() == "UTC+05:45");
}

TEST_CASE("TimeZone: the table lists its names, sorted, and its tzdata release", "[core][zone]") {
  const std::vector<std::string_view> names = ListZoneNames();
  CHECK(names.size() > 400);
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(std::binary_search(names.begin(), names.end(), "Europe/Berlin"));
  CHECK(std::binary_search(names.begin(), names.end(), "US/Eastern"));
  CHECK_FALSE(std::binary_search(names.begin(), names.end(), "posixrules"));
  for (std::string_view name : names) CHECK(TimeZone::Find(name).ok());
  const std::string_view version = ZoneDatabaseVersion();  // e.g. "2025b"
  REQUIRE(version.size() >= 5);
  CHECK(version.substr(0, 2) == "20");
}

// The transitions the table keeps for a zone (the whole-table checks below visit each one).
std::vector<Instant> KeptTransitions(std::string_view name) {
  const auto* names_end = zone_data::kZoneNames + zone_data::kZoneCount;
  const size_t index =
      std::lower_bound(zone_data::kZoneNames, names_end, name) - zone_data::kZoneNames;
  const zone_data::ZoneRecord& r = zone_data::kZoneRecords[zone_data::kZoneRecordOfName[index]];
  return std::vector<Instant>(
      zone_data::kTransitionTimes + r.first_transition,
      zone_data::kTransitionTimes + r.first_transition + r.transition_count);
}

TEST_CASE("TimeZone: around every kept transition, local time round-trips", "[core][zone]") {
  // Each instant must come back from its local time under one of the two ambiguity choices, and
  // its local day must contain it and start where StartOfLocalDate says.
  size_t checked = 0;
  for (std::string_view name : ListZoneNames()) {
    const TimeZone zone = *TimeZone::Find(name);
    for (Instant transition : KeptTransitions(name)) {
      for (Instant t : {transition - 43200, transition - 3601, transition - 1, transition,
                        transition + 1, transition + 1799, transition + 43200}) {
        const CivilTime local = zone.ToLocal(t);
        const Instant earlier = zone.ToUtc(local, TimeZone::Ambiguity::kEarlier);
        const Instant later = zone.ToUtc(local, TimeZone::Ambiguity::kLater);
        if (earlier != t && later != t) {
          FAIL_CHECK(name << " at " << FormatIsoInstant(t) << ": local " << local.hour << ":"
                          << local.minute << " reads back as " << FormatIsoInstant(earlier) << " / "
                          << FormatIsoInstant(later));
        }
        const Window day = PeriodContaining(PeriodType::kDaily, t, zone);
        if (!day.Contains(t) || day.start != zone.StartOfLocalDay(day.start)) {
          FAIL_CHECK(name << ": the local day around " << FormatIsoInstant(t) << " is wrong");
        }
        ++checked;
      }
    }
  }
  CHECK(checked > 10000);
}

#ifndef __EMSCRIPTEN__

// glibc's own reader of the same zoneinfo files is an independent oracle: it uses every
// transition of the file (up to 2037 in Debian's "fat" files) where the table cuts at 2027 and
// switches to our reading of the footer rule.
struct Answer {
  long offset;
  bool dst;
  std::string abbreviation;
  friend bool operator==(const Answer&, const Answer&) = default;
};

// Answers for the zone last selected with SelectGlibcZone.
Answer Glibc(Instant t) {
  const time_t tt = static_cast<time_t>(t);
  struct tm tm {};
  localtime_r(&tt, &tm);
  return Answer{tm.tm_gmtoff, tm.tm_isdst > 0, tm.tm_zone};
}

void SelectGlibcZone(const std::string& tz) {
  setenv("TZ", tz.c_str(), 1);
  tzset();  // localtime_r need not re-read TZ by itself
}

Answer Ours(const TimeZone& zone, Instant t) {
  return Answer{zone.OffsetSecondsAt(t), zone.IsDstAt(t), std::string(zone.AbbreviationAt(t))};
}

std::string HostTzdataVersion() {
  std::ifstream in("/usr/share/zoneinfo/tzdata.zi");
  std::string line;
  std::getline(in, line);
  return line.rfind("# version ", 0) == 0 ? line.substr(10) : "";
}

TEST_CASE("TimeZone: every zone agrees with glibc from 1970 to 2037", "[core][zone][oracle]") {
  if (HostTzdataVersion() != ZoneDatabaseVersion()) {
    // ctest reports the test as skipped on this marker (tests/CMakeLists.txt).
    WARN("LOUPE-SKIP: the host's tzdata (" << HostTzdataVersion() << ") is not the table's ("
                                           << ZoneDatabaseVersion() << ")");
    return;
  }
  const char* saved = std::getenv("TZ");
  const std::string saved_tz = saved != nullptr ? saved : "";

  const Instant from = At("1970-01-01T00:00:00Z");
  const Instant to = At("2038-01-01T00:00:00Z");
  // A week and an hour, so the samples drift through every hour and weekday; each change between
  // two samples is then found exactly by bisection.
  const Instant step = 7 * 86400 + 3607;
  size_t zones = 0;
  size_t instants = 0;
  size_t mismatches = 0;
  for (std::string_view name : ListZoneNames()) {
    const TimeZone zone = *TimeZone::Find(name);
    // ":" makes glibc read the file even for names that parse as POSIX TZ, like "EST5EDT".
    std::string tz = ":";
    tz += name;
    SelectGlibcZone(tz);
    ++zones;
    auto check = [&](Instant t, const Answer& theirs, const Answer& ours) {
      ++instants;
      if (!(theirs == ours) && ++mismatches <= 20) {
        FAIL_CHECK(name << " at " << FormatIsoInstant(t) << ": glibc " << theirs.offset << " "
                        << theirs.dst << " " << theirs.abbreviation << ", ours " << ours.offset
                        << " " << ours.dst << " " << ours.abbreviation);
      }
    };
    auto compare = [&](Instant t) { check(t, Glibc(t), Ours(zone, t)); };
    // The first instant in (lo, hi] whose answer differs from the one at lo.
    auto first_change = [](Instant lo, Instant hi, auto&& answer) {
      const Answer at_lo = answer(lo);
      while (hi - lo > 1) {
        const Instant mid = lo + (hi - lo) / 2;
        if (answer(mid) == at_lo) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      return hi;
    };
    // Samples; where neighbours differ on either side, the exact change found on that side (this
    // is what checks the footer's changes from 2027 on).
    Answer theirs = Glibc(from);
    Answer ours = Ours(zone, from);
    check(from, theirs, ours);
    for (Instant t = from; t < to;) {
      const Instant next = std::min(t + step, to);
      Answer theirs_next = Glibc(next);
      Answer ours_next = Ours(zone, next);
      check(next, theirs_next, ours_next);
      if (!(theirs == theirs_next)) {
        const Instant change = first_change(t, next, Glibc);
        compare(change - 1);
        compare(change);
      }
      if (!(ours == ours_next)) {
        const Instant change = first_change(t, next, [&](Instant x) { return Ours(zone, x); });
        compare(change - 1);
        compare(change);
      }
      t = next;
      theirs = std::move(theirs_next);
      ours = std::move(ours_next);
    }
    // Every transition the table keeps, with a second either side (catches changes that undo
    // themselves between two samples).
    for (Instant transition : KeptTransitions(name)) {
      compare(transition - 1);
      compare(transition);
      compare(transition + 1);
    }
  }

  if (saved != nullptr) {
    setenv("TZ", saved_tz.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
  WARN("compared " << zones << " zones at " << instants << " instants with glibc: " << mismatches
                   << " mismatches");
  CHECK(mismatches == 0);
}

#endif  // __EMSCRIPTEN__

}  // namespace
}  // namespace loupe
