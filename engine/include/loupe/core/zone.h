// loupe/core/zone.h — IANA time zones with daylight saving time, from a table built into the
// engine (no host TZ, no libc zone functions), so native and wasm builds give the same answers.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "loupe/core/status.h"
#include "loupe/core/time.h"

namespace loupe {

namespace zone_data {
struct ZoneRecord;
}

//! A time zone: an IANA zone from the built-in table, or a fixed UTC offset. Cheap to copy (it
//! points into the static table); a default-constructed TimeZone is UTC.
class TimeZone {
 public:
  //! "Europe/Berlin", "UTC", links like "US/Eastern". Names are case-sensitive; NotFound names
  //! the zone asked for (and the correctly cased name when only the case was wrong).
  static Result<TimeZone> Find(std::string_view iana_name);
  //! UTC, named "UTC".
  static TimeZone Utc();
  //! A zone that is always `offset_minutes` east of UTC (e.g. an author's own offset), named like
  //! "UTC+05:45". The offset must be within ±kMaxOffsetMinutes, as the timestamp parsers ensure.
  static TimeZone Fixed(int offset_minutes);

  //! The name it was found under ("US/Eastern" stays "US/Eastern"). For a fixed zone the view
  //! points into this object, so keep the object alive while using it.
  std::string_view name() const;

  //! UTC offset in effect at the instant, DST included, in seconds east of UTC.
  int OffsetSecondsAt(Instant utc) const;
  bool IsDstAt(Instant utc) const;
  //! "CEST", "EST", "+0545" (tzdata writes numeric abbreviations where none is in common use);
  //! a fixed zone answers its name.
  std::string_view AbbreviationAt(Instant utc) const;

  //! How ToUtc reads a local time that occurs twice (when clocks fall back).
  enum class Ambiguity { kEarlier, kLater };
  //! Local civil time -> instant. A time skipped by a gap (clocks spring forward) is read with
  //! the offset before the gap, which lands as far past the gap as it was into it (RFC 5545,
  //! java.time): Europe/Berlin 2024-03-31 02:30 -> 01:30Z, shown as 03:30 CEST. A time that
  //! occurs twice gives the earlier or the later instant per `choice`.
  Instant ToUtc(const CivilTime& local, Ambiguity choice = Ambiguity::kEarlier) const;
  //! The wall-clock time in this zone at the instant.
  CivilTime ToLocal(Instant utc) const;

  //! Start of the local calendar day containing `utc`.
  Instant StartOfLocalDay(Instant utc) const;
  //! First instant whose local date is `date`: local midnight, or where midnight is skipped
  //! (America/Sao_Paulo until 2019 sprang forward at 00:00), the first local time that exists.
  //! A date skipped entirely (Pacific/Apia, 2011-12-30) gives the start of the next date.
  Instant StartOfLocalDate(const CivilDate& date) const;

 private:
  struct Local {
    int32_t utoff_seconds;
    bool is_dst;
    std::string_view abbreviation;
  };
  Local LocalAt(Instant utc) const;

  // A zone from the table has a record and the index of the name it was found under; a fixed
  // zone has no record, an offset and an inline name.
  const zone_data::ZoneRecord* record_ = nullptr;
  int32_t name_index_ = 0;
  int32_t fixed_offset_seconds_ = 0;
  // "UTC+05:45" of a fixed zone, kept inline so a copy never points into another object.
  char fixed_name_[10] = "UTC";
};

//! The tzdata release the built-in table comes from, e.g. "2025b".
std::string_view ZoneDatabaseVersion();
//! Every zone name the table knows (links included), sorted.
std::vector<std::string_view> ListZoneNames();

}  // namespace loupe
