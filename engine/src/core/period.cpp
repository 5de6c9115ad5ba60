#include "loupe/core/period.h"

#include <iterator>
#include <string>

namespace loupe {

namespace {

// Monday 1970-01-05, the first Monday after the epoch, as days since 1970-01-01: biweekly
// blocks start on it and every 14 days either side.
constexpr int64_t kBiweeklyAnchorDay = 4;

constexpr std::string_view kPeriodTypeNames[] = {"daily", "weekly", "biweekly", "monthly",
                                                 "custom"};

// Local dates [first_day, next_day) as days since 1970-01-01.
struct DayRange {
  int64_t first_day;
  int64_t next_day;
};

// The calendar period of `type` that holds the local date `day`.
DayRange CalendarPeriod(PeriodType type, int64_t day) {
  switch (type) {
    case PeriodType::kDaily:
      return {day, day + 1};
    case PeriodType::kWeekly: {
      const int64_t monday = day - WeekdayFromDays(day);
      return {monday, monday + 7};
    }
    case PeriodType::kBiweekly: {
      const int64_t first = kBiweeklyAnchorDay + 14 * FloorDiv(day - kBiweeklyAnchorDay, 14);
      return {first, first + 14};
    }
    case PeriodType::kMonthly: {
      const CivilDate date = CivilFromDays(day);
      const int64_t first = day - (date.day - 1);
      return {first, first + DaysInMonth(date.year, date.month)};
    }
    case PeriodType::kCustom:
      break;
  }
  LOUPE_ASSERT(false, "a custom period has no calendar: the caller supplies its window");
  return {};
}

Instant StartOfDay(const TimeZone& zone, int64_t day) {
  return zone.StartOfLocalDate(CivilFromDays(day));
}

Window WindowOf(const TimeZone& zone, const DayRange& range) {
  return Window{StartOfDay(zone, range.first_day), StartOfDay(zone, range.next_day)};
}

int64_t LocalDay(const TimeZone& zone, Instant t) {
  return DaysFromCivil(zone.ToLocal(t).date);
}

// A custom window moved by its own length, forwards (+1) or backwards (-1). Whole local days stay
// whole local days, so a fortnight across a DST change is followed by a fortnight, not by a
// window one hour off midnight.
Window ShiftCustom(const Window& w, int direction, const TimeZone& zone) {
  const int64_t first_day = LocalDay(zone, w.start);
  const int64_t next_day = LocalDay(zone, w.end);
  if (StartOfDay(zone, first_day) == w.start && StartOfDay(zone, next_day) == w.end) {
    const int64_t days = next_day - first_day;
    return direction > 0 ? Window{w.end, StartOfDay(zone, next_day + days)}
                         : Window{StartOfDay(zone, first_day - days), w.start};
  }
  const int64_t length = w.seconds();
  return direction > 0 ? Window{w.end, w.end + length} : Window{w.start - length, w.start};
}

}  // namespace

std::string_view PeriodTypeName(PeriodType type) {
  return kPeriodTypeNames[static_cast<size_t>(type)];
}

Result<PeriodType> ParsePeriodType(std::string_view name) {
  for (size_t i = 0; i < std::size(kPeriodTypeNames); ++i) {
    if (kPeriodTypeNames[i] == name) return static_cast<PeriodType>(i);
  }
  return InvalidInput("unknown period type \"" + std::string(name) +
                      "\"; expected daily, weekly, biweekly, monthly or custom");
}

Window PeriodContaining(PeriodType type, Instant t, const TimeZone& zone) {
  DayRange range = CalendarPeriod(type, LocalDay(zone, t));
  Window w = WindowOf(zone, range);
  // Where clocks fall back across midnight, an instant can show the previous date after the next
  // day has begun. Stepping until the window holds `t` keeps the periods a partition of time.
  while (t >= w.end) {
    range = CalendarPeriod(type, range.next_day);
    w = WindowOf(zone, range);
  }
  while (t < w.start) {
    range = CalendarPeriod(type, range.first_day - 1);
    w = WindowOf(zone, range);
  }
  return w;
}

Window NextPeriod(PeriodType type, const Window& w, const TimeZone& zone) {
  if (type == PeriodType::kCustom) return ShiftCustom(w, +1, zone);
  return PeriodContaining(type, w.end, zone);
}

Window PreviousPeriod(PeriodType type, const Window& w, const TimeZone& zone) {
  if (type == PeriodType::kCustom) return ShiftCustom(w, -1, zone);
  return PeriodContaining(type, w.start - 1, zone);
}

std::vector<Window> PeriodsBetween(PeriodType type, Instant from, Instant to,
                                   const TimeZone& zone) {
  std::vector<Window> out;
  if (from >= to) return out;
  if (type == PeriodType::kCustom) {
    out.push_back(Window{from, to});
    return out;
  }
  for (Window w = PeriodContaining(type, from, zone); w.start < to; w = NextPeriod(type, w, zone)) {
    out.push_back(w);
  }
  return out;
}

Window LastCompletedPeriod(PeriodType type, Instant now, const TimeZone& zone) {
  return PreviousPeriod(type, PeriodContaining(type, now, zone), zone);
}

}  // namespace loupe
