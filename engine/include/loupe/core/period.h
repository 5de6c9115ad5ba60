// loupe/core/period.h — half-open reporting periods (days, weeks, fortnights, months) whose
// boundaries are local midnights of a time zone.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "loupe/core/status.h"
#include "loupe/core/time.h"
#include "loupe/core/zone.h"

namespace loupe {

enum class PeriodType : uint8_t {
  kDaily,
  kWeekly,    //!< Monday to Monday
  kBiweekly,  //!< two-week blocks starting on the Mondays an even number of weeks after 1970-01-05
  kMonthly,
  kCustom,  //!< a window the user picks; it has no calendar of its own
};

//! "daily", "weekly", "biweekly", "monthly", "custom".
std::string_view PeriodTypeName(PeriodType type);
//! The inverse of PeriodTypeName (exact, lower case); InvalidInput lists the accepted names.
Result<PeriodType> ParsePeriodType(std::string_view name);

//! A half-open window [start, end) of UTC instants.
struct Window {
  Instant start = 0;
  Instant end = 0;

  bool Contains(Instant t) const { return t >= start && t < end; }
  //! Length in seconds: a local day is 23 h or 25 h long on the days clocks change.
  int64_t seconds() const { return end - start; }
  friend bool operator==(const Window&, const Window&) = default;
};

//! The period of `type` containing `t`, its boundaries the starts of local days in `zone`:
//! daily = midnight to midnight; weekly = Monday 00:00 to the next Monday 00:00; biweekly = two
//! weeks from a Monday whose week index since Monday 1970-01-05 is even (so 1970-01-05,
//! 1970-01-19, …, 2023-12-25, 2024-01-08); monthly = the 1st 00:00 to the next 1st 00:00.
//! Where midnight is skipped, the day starts at its first local time (TimeZone::StartOfLocalDate).
//! `type` must not be kCustom.
Window PeriodContaining(PeriodType type, Instant t, const TimeZone& zone = TimeZone::Utc());

//! The period right after `w`. For kCustom, a window as long right after `w` (as many local days
//! when `w` runs from a local midnight to a local midnight, else as many seconds).
Window NextPeriod(PeriodType type, const Window& w, const TimeZone& zone = TimeZone::Utc());
//! The period right before `w`; kCustom as in NextPeriod.
Window PreviousPeriod(PeriodType type, const Window& w, const TimeZone& zone = TimeZone::Utc());

//! All periods of `type` that intersect [from, to), in order; none when from >= to. For kCustom,
//! the single window [from, to).
std::vector<Window> PeriodsBetween(PeriodType type, Instant from, Instant to,
                                   const TimeZone& zone = TimeZone::Utc());

//! The most recent period that ended at or before `now` (what automatic snapshots use): the one
//! before the period containing `now`. `type` must not be kCustom.
Window LastCompletedPeriod(PeriodType type, Instant now, const TimeZone& zone = TimeZone::Utc());

}  // namespace loupe
