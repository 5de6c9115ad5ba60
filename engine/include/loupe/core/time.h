// loupe/core/time.h — UTC instants, the author's own UTC offset, civil dates and ISO-8601.
#pragma once
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "loupe/core/status.h"

namespace loupe {

//! Seconds since 1970-01-01T00:00:00Z. Leap seconds do not exist here (POSIX time).
using Instant = int64_t;

//! "No instant": a PR that was never merged, a push event without per-commit times.
inline constexpr Instant kNoInstant = std::numeric_limits<int64_t>::min();

//! The UTC offset of the clock that wrote a time, in minutes east of UTC, or kUnknownOffset.
inline constexpr int16_t kUnknownOffset = std::numeric_limits<int16_t>::min();

//! Largest |offset| accepted from input: ±18:00, the bound java.time and most parsers use.
//! Real zones span -12:00..+14:00; git accepts any ±HHMM, so a little slack is kept.
inline constexpr int kMaxOffsetMinutes = 18 * 60;

//! An instant plus the offset of the author's clock at that instant (when the source has one).
struct Timestamp {
  Instant utc = kNoInstant;
  int16_t offset_minutes = kUnknownOffset;

  bool known() const { return utc != kNoInstant; }
  bool has_offset() const { return offset_minutes != kUnknownOffset; }
  //! Seconds since the epoch of the author's wall clock (UTC when the offset is unknown).
  int64_t local_seconds() const { return utc + (has_offset() ? offset_minutes * 60 : 0); }
  friend bool operator==(const Timestamp&, const Timestamp&) = default;
};

//! A proleptic Gregorian calendar date.
struct CivilDate {
  int32_t year = 1970;
  int32_t month = 1;  //!< 1..12
  int32_t day = 1;    //!< 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

//! A date plus a wall-clock time, with no zone attached.
struct CivilTime {
  CivilDate date;
  int32_t hour = 0;
  int32_t minute = 0;
  int32_t second = 0;
  friend bool operator==(const CivilTime&, const CivilTime&) = default;
};

inline constexpr int64_t kSecondsPerDay = 86400;

//! Days since 1970-01-01 of a civil date (negative before). Valid for any int32 year.
int64_t DaysFromCivil(const CivilDate& date);
//! The civil date `days` after 1970-01-01.
CivilDate CivilFromDays(int64_t days);
//! Day of the week, Monday = 0 … Sunday = 6 (the convention of every Loupe API).
int WeekdayFromDays(int64_t days);
//! Days in a month of a year (leap years included).
int DaysInMonth(int32_t year, int32_t month);
bool IsValidDate(const CivilDate& date);

//! Floor division that rounds towards negative infinity (instants before 1970 are negative).
inline int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

//! Seconds since the epoch of a civil time read as UTC.
Instant InstantFromCivil(const CivilTime& civil);
//! The civil time of `seconds` since the epoch, read as UTC.
CivilTime CivilFromInstant(int64_t seconds);

//! Parses ISO-8601 / RFC 3339 date-times as GitHub and git write them:
//! "2026-08-18T01:26:24+08:00", "2021-07-21T06:00:00Z", fractions ("…:24.123Z", dropped),
//! "+0800" offsets, and a space instead of "T". A time without an offset is rejected unless
//! `allow_missing_offset`, in which case it is read as UTC with an unknown offset.
Result<Timestamp> ParseIsoTimestamp(std::string_view text, bool allow_missing_offset = false);

//! Parses "YYYY-MM-DD".
Result<CivilDate> ParseIsoDate(std::string_view text);

//! "2026-08-18T01:26:24+08:00" in the timestamp's own offset ("Z" when it is unknown or zero
//! and `z_for_utc`).
std::string FormatIsoTimestamp(const Timestamp& ts, bool z_for_utc = true);
//! "2026-08-17T17:26:24Z".
std::string FormatIsoInstant(Instant instant);
//! "2026-08-18".
std::string FormatIsoDate(const CivilDate& date);
//! "+08:00", "-05:30", "Z" for unknown.
std::string FormatOffset(int16_t offset_minutes);

}  // namespace loupe
