#include "loupe/core/zone.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/zone_data.h"

namespace loupe {

namespace {

// ---- POSIX TZ strings: the footer rule of a zone after its last kept transition ----

// The day of a DST change in some year: Mm.w.d, Jn or n (RFC 8536 §3.3 / POSIX).
struct RuleDate {
  enum class Kind : uint8_t { kMonthWeekDay, kJulianNoLeap, kZeroBased };
  Kind kind = Kind::kMonthWeekDay;
  int month = 0;            // Mm.w.d: 1..12
  int week = 0;             // Mm.w.d: 1..5, 5 = the last such weekday of the month
  int weekday = 0;          // Mm.w.d: 0 = Sunday
  int day = 0;              // Jn: 1..365 never counting Feb 29; n: 0..365 counting it
  int32_t time = 2 * 3600;  // local seconds after midnight; -167 h..+167 h (RFC 8536 §3.3.1)
};

struct PosixTz {
  std::string_view std_abbreviation;
  int32_t std_utoff = 0;  // east of UTC (POSIX writes west as positive; flipped when parsing)
  bool has_dst = false;
  std::string_view dst_abbreviation;
  int32_t dst_utoff = 0;
  RuleDate start;  // in standard local time
  RuleDate end;    // in daylight local time
};

class TzParser {
 public:
  explicit TzParser(std::string_view text) : text_(text) {}

  Result<PosixTz> Parse() {
    PosixTz tz;
    if (!Abbreviation(tz.std_abbreviation) || !Offset(tz.std_utoff)) return Error();
    if (AtEnd()) return tz;
    tz.has_dst = true;
    if (!Abbreviation(tz.dst_abbreviation)) return Error();
    tz.dst_utoff = tz.std_utoff + 3600;
    if (!AtEnd() && Peek() != ',' && !Offset(tz.dst_utoff)) return Error();
    // POSIX leaves the rules of "EST5EDT" alone to the implementation; zic always writes them.
    if (!Consume(',') || !Rule(tz.start) || !Consume(',') || !Rule(tz.end) || !AtEnd()) {
      return Error();
    }
    return tz;
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  bool Consume(char c) {
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }

  Status Error() const {
    return InvalidInput("malformed POSIX TZ string \"" + std::string(text_) + "\" at offset " +
                        std::to_string(pos_));
  }

  // "CET" (3+ letters) or "<+0545>" (quoted, which allows digits and signs).
  bool Abbreviation(std::string_view& out) {
    const size_t start = pos_;
    if (Consume('<')) {
      const size_t close = text_.find('>', pos_);
      if (close == std::string_view::npos || close == pos_) return false;
      out = text_.substr(pos_, close - pos_);
      pos_ = close + 1;
      return true;
    }
    while (!AtEnd() && ((Peek() >= 'A' && Peek() <= 'Z') || (Peek() >= 'a' && Peek() <= 'z'))) {
      ++pos_;
    }
    out = text_.substr(start, pos_ - start);
    return out.size() >= 3;
  }

  bool Number(int max, int& out) {
    if (AtEnd() || Peek() < '0' || Peek() > '9') return false;
    int v = 0;
    while (!AtEnd() && Peek() >= '0' && Peek() <= '9') {
      v = v * 10 + (text_[pos_++] - '0');
      if (v > max) return false;
    }
    out = v;
    return true;
  }

  // [+-]hh[:mm[:ss]] in seconds, hours up to `max_hours`.
  bool Duration(int max_hours, int32_t& out) {
    const bool negative = Consume('-');
    if (!negative) Consume('+');
    int h = 0, m = 0, s = 0;
    if (!Number(max_hours, h)) return false;
    if (Consume(':') && !Number(59, m)) return false;
    if (Consume(':') && !Number(59, s)) return false;
    out = (negative ? -1 : 1) * (h * 3600 + m * 60 + s);
    return true;
  }

  bool Offset(int32_t& utoff) {
    int32_t west = 0;
    if (!Duration(24, west)) return false;
    utoff = -west;
    return true;
  }

  bool Rule(RuleDate& rule) {
    if (Consume('M')) {
      rule.kind = RuleDate::Kind::kMonthWeekDay;
      if (!Number(12, rule.month) || rule.month < 1 || !Consume('.') || !Number(5, rule.week) ||
          rule.week < 1 || !Consume('.') || !Number(6, rule.weekday)) {
        return false;
      }
    } else if (Consume('J')) {
      rule.kind = RuleDate::Kind::kJulianNoLeap;
      if (!Number(365, rule.day) || rule.day < 1) return false;
    } else {
      rule.kind = RuleDate::Kind::kZeroBased;
      if (!Number(365, rule.day)) return false;
    }
    return !Consume('/') || Duration(167, rule.time);
  }

  std::string_view text_;
  size_t pos_ = 0;
};

bool IsLeapYear(int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Days since 1970 of the rule's date in `year`.
int64_t RuleDay(int32_t year, const RuleDate& rule) {
  const int64_t jan1 = DaysFromCivil(CivilDate{year, 1, 1});
  switch (rule.kind) {
    case RuleDate::Kind::kJulianNoLeap:
      return jan1 + rule.day - 1 + (IsLeapYear(year) && rule.day >= 60 ? 1 : 0);
    case RuleDate::Kind::kZeroBased:
      return jan1 + rule.day;
    case RuleDate::Kind::kMonthWeekDay:
      break;
  }
  const int64_t first = DaysFromCivil(CivilDate{year, rule.month, 1});
  const int first_weekday = (WeekdayFromDays(first) + 1) % 7;  // POSIX counts from Sunday
  int64_t day = first + (rule.weekday - first_weekday + 7) % 7 + (rule.week - 1) * 7;
  while (day >= first + DaysInMonth(year, rule.month)) day -= 7;
  return day;
}

// Whether the footer rule has DST in effect at `utc`.
bool FooterIsDst(const PosixTz& tz, Instant utc) {
  if (!tz.has_dst) return false;
  // Years far outside any calendar anyone reads are clamped so the year arithmetic stays in range.
  constexpr int32_t kYearLimit = 1000000;
  const int32_t year = std::clamp(CivilFromInstant(utc).date.year, -kYearLimit, kYearLimit);
  // The changes of the year before, this year and the next, in order: a rule time of up to
  // ±167 h can move a change across New Year. Equal instants keep year order, so a year-round
  // DST rule (one year's end at the very instant of the next year's start) stays in DST.
  struct Change {
    Instant at;
    bool to_dst;
  };
  Change changes[6];
  int count = 0;
  for (int32_t y = year - 1; y <= year + 1; ++y) {
    changes[count++] = {RuleDay(y, tz.start) * kSecondsPerDay + tz.start.time - tz.std_utoff, true};
    changes[count++] = {RuleDay(y, tz.end) * kSecondsPerDay + tz.end.time - tz.dst_utoff, false};
  }
  std::stable_sort(changes, changes + count,
                   [](const Change& a, const Change& b) { return a.at < b.at; });
  bool dst = !changes[0].to_dst;
  for (const Change& c : changes) {
    if (c.at > utc) break;
    dst = c.to_dst;
  }
  return dst;
}

// The footers parsed once; the generator has already parsed and checked every one of them.
const std::vector<PosixTz>& Footers() {
  static const std::vector<PosixTz> kParsed = [] {
    std::vector<PosixTz> parsed;
    parsed.reserve(zone_data::kFooterCount);
    for (size_t i = 0; i < zone_data::kFooterCount; ++i) {
      Result<PosixTz> tz = TzParser(zone_data::kFooters[i]).Parse();
      LOUPE_ASSERT(tz.ok(), "the generated zone table holds a malformed POSIX TZ footer");
      parsed.push_back(*tz);
    }
    return parsed;
  }();
  return kParsed;
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

Result<TimeZone> TimeZone::Find(std::string_view iana_name) {
  const std::string_view* names = zone_data::kZoneNames;
  const std::string_view* end = names + zone_data::kZoneCount;
  const std::string_view* it = std::lower_bound(names, end, iana_name);
  if (it != end && *it == iana_name) {
    TimeZone zone;
    zone.name_index_ = static_cast<int32_t>(it - names);
    zone.record_ = &zone_data::kZoneRecords[zone_data::kZoneRecordOfName[zone.name_index_]];
    return zone;
  }
  std::string message = "unknown time zone \"" + std::string(iana_name) + "\"";
  const std::string_view* cased = std::find_if(
      names, end, [&](std::string_view n) { return EqualsIgnoringAsciiCase(n, iana_name); });
  if (cased != end) {
    message += "; names are case-sensitive: did you mean \"" + std::string(*cased) + "\"?";
  } else {
    message += "; expected an IANA name such as \"Europe/Berlin\", \"America/New_York\" or \"UTC\"";
  }
  return NotFound(std::move(message));
}

TimeZone TimeZone::Utc() {
  return TimeZone();
}

TimeZone TimeZone::Fixed(int offset_minutes) {
  LOUPE_ASSERT(offset_minutes >= -kMaxOffsetMinutes && offset_minutes <= kMaxOffsetMinutes,
               "TimeZone::Fixed offset beyond ±18:00");
  TimeZone zone;
  zone.fixed_offset_seconds_ = offset_minutes * 60;
  const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  std::snprintf(zone.fixed_name_, sizeof(zone.fixed_name_), "UTC%c%02d:%02d",
                offset_minutes < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
  return zone;
}

std::string_view TimeZone::name() const {
  return record_ != nullptr ? zone_data::kZoneNames[name_index_] : std::string_view(fixed_name_);
}

TimeZone::Local TimeZone::LocalAt(Instant utc) const {
  if (record_ == nullptr) return Local{fixed_offset_seconds_, false, name()};
  auto local_of_type = [](uint16_t type) {
    const zone_data::LocalType& t = zone_data::kLocalTypes[type];
    return Local{t.utoff_seconds, t.is_dst != 0,
                 std::string_view(zone_data::kAbbreviations + t.abbreviation)};
  };
  const zone_data::ZoneRecord& r = *record_;
  const uint32_t* times = zone_data::kTransitionTimes + r.first_transition;
  const uint32_t count = r.transition_count;
  const Instant footer_start = count > 0 ? times[count - 1] : 0;
  if (utc >= footer_start && r.footer != zone_data::kNoFooter) {
    const PosixTz& tz = Footers()[r.footer];
    return FooterIsDst(tz, utc) ? Local{tz.dst_utoff, true, tz.dst_abbreviation}
                                : Local{tz.std_utoff, false, tz.std_abbreviation};
  }
  if (count == 0 || utc < times[0]) return local_of_type(r.initial_type);
  const size_t last_at_or_before = std::upper_bound(times, times + count, utc) - times - 1;
  return local_of_type(zone_data::kTransitionTypes[r.first_transition + last_at_or_before]);
}

int TimeZone::OffsetSecondsAt(Instant utc) const {
  return LocalAt(utc).utoff_seconds;
}

bool TimeZone::IsDstAt(Instant utc) const {
  return LocalAt(utc).is_dst;
}

std::string_view TimeZone::AbbreviationAt(Instant utc) const {
  return LocalAt(utc).abbreviation;
}

Instant TimeZone::ToUtc(const CivilTime& local, Ambiguity choice) const {
  const Instant wall = InstantFromCivil(local);
  // Every instant that shows `wall` lies within a day of it (offsets stay within ±18 h), and no
  // zone changes its offset twice within a day of a change (the round-trip test over every kept
  // transition holds the table to that), so the offsets a day either side are the ones before and
  // after any change that matters here.
  const int before = OffsetSecondsAt(wall - kSecondsPerDay);
  const int after = OffsetSecondsAt(wall + kSecondsPerDay);
  const Instant with_before = wall - before;
  const Instant with_after = wall - after;
  const bool before_holds = OffsetSecondsAt(with_before) == before;
  const bool after_holds = OffsetSecondsAt(with_after) == after;
  if (before_holds && after_holds) {
    return choice == Ambiguity::kEarlier ? std::min(with_before, with_after)
                                         : std::max(with_before, with_after);
  }
  if (after_holds) return with_after;
  return with_before;  // either the only reading, or inside a gap: the offset before the gap
}

CivilTime TimeZone::ToLocal(Instant utc) const {
  return CivilFromInstant(utc + OffsetSecondsAt(utc));
}

Instant TimeZone::StartOfLocalDay(Instant utc) const {
  return StartOfLocalDate(ToLocal(utc).date);
}

Instant TimeZone::StartOfLocalDate(const CivilDate& date) const {
  const CivilTime midnight{date, 0, 0, 0};
  const Instant at_midnight = ToUtc(midnight, Ambiguity::kEarlier);
  if (ToLocal(at_midnight) == midnight) return at_midnight;
  // Midnight fell in a gap, so ToUtc read it with the offset before the gap and landed past the
  // jump. The day starts at the jump: the first instant whose local date is not before `date`,
  // found by bisection over the two days before (the jump is less than a day before).
  const int64_t day = DaysFromCivil(date);
  Instant lo = at_midnight - 2 * kSecondsPerDay;  // shows an earlier date
  Instant hi = at_midnight;                       // shows `date` or later
  while (hi - lo > 1) {
    const Instant mid = lo + (hi - lo) / 2;
    if (DaysFromCivil(ToLocal(mid).date) >= day) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return hi;
}

std::string_view ZoneDatabaseVersion() {
  return zone_data::kVersion;
}

std::vector<std::string_view> ListZoneNames() {
  return std::vector<std::string_view>(zone_data::kZoneNames,
                                       zone_data::kZoneNames + zone_data::kZoneCount);
}

}  // namespace loupe
