#include "loupe/core/time.h"

#include <cstdio>

namespace loupe {

// Howard Hinnant's days_from_civil / civil_from_days algorithms (public domain formulas),
// with 64-bit intermediates so any int32 year works.
int64_t DaysFromCivil(const CivilDate& date) {
  int64_t y = date.year;
  const int64_t m = date.month;
  y -= m <= 2;
  const int64_t era = FloorDiv(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = FloorDiv(days, 146097);
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2);
  return CivilDate{static_cast<int32_t>(y), static_cast<int32_t>(m), static_cast<int32_t>(d)};
}

int WeekdayFromDays(int64_t days) {
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  int64_t w = (days + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

static bool IsLeapYear(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int32_t year, int32_t month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return kDays[month - 1] + (month == 2 && IsLeapYear(year) ? 1 : 0);
}

bool IsValidDate(const CivilDate& date) {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= DaysInMonth(date.year, date.month);
}

Instant InstantFromCivil(const CivilTime& civil) {
  return DaysFromCivil(civil.date) * kSecondsPerDay + civil.hour * 3600 + civil.minute * 60 +
         civil.second;
}

CivilTime CivilFromInstant(int64_t seconds) {
  const int64_t days = FloorDiv(seconds, kSecondsPerDay);
  const int64_t rem = seconds - days * kSecondsPerDay;
  CivilTime out;
  out.date = CivilFromDays(days);
  out.hour = static_cast<int32_t>(rem / 3600);
  out.minute = static_cast<int32_t>((rem % 3600) / 60);
  out.second = static_cast<int32_t>(rem % 60);
  return out;
}

namespace {

// Reads exactly `n` ASCII digits at `pos`; false if any is not a digit.
bool ReadDigits(std::string_view s, size_t pos, size_t n, int32_t& out) {
  if (pos + n > s.size()) return false;
  int32_t v = 0;
  for (size_t i = 0; i < n; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

Status BadTimestamp(std::string_view text, std::string_view why) {
  std::string shown(text.substr(0, 40));
  return InvalidInput("expected an ISO-8601 date-time like 2024-01-08T10:00:00+01:00, got \"" +
                      shown + "\" (" + std::string(why) + ")");
}

}  // namespace

Result<CivilDate> ParseIsoDate(std::string_view text) {
  CivilDate d;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ReadDigits(text, 0, 4, d.year) ||
      !ReadDigits(text, 5, 2, d.month) || !ReadDigits(text, 8, 2, d.day)) {
    return InvalidInput("expected a date like 2024-01-08, got \"" +
                        std::string(text.substr(0, 40)) + "\"");
  }
  if (!IsValidDate(d)) {
    return InvalidInput("no such date: \"" + std::string(text) + "\"");
  }
  return d;
}

Result<Timestamp> ParseIsoTimestamp(std::string_view text, bool allow_missing_offset) {
  CivilTime c;
  if (text.size() < 19) return BadTimestamp(text, "too short");
  if (!ReadDigits(text, 0, 4, c.date.year) || text[4] != '-' ||
      !ReadDigits(text, 5, 2, c.date.month) || text[7] != '-' ||
      !ReadDigits(text, 8, 2, c.date.day)) {
    return BadTimestamp(text, "bad date");
  }
  if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') {
    return BadTimestamp(text, "missing 'T' between date and time");
  }
  if (!ReadDigits(text, 11, 2, c.hour) || text[13] != ':' || !ReadDigits(text, 14, 2, c.minute) ||
      text[16] != ':' || !ReadDigits(text, 17, 2, c.second)) {
    return BadTimestamp(text, "bad time of day");
  }
  if (!IsValidDate(c.date)) return BadTimestamp(text, "no such date");
  // Second 60 is a leap second; POSIX time folds it into the next minute's :00.
  if (c.hour > 23 || c.minute > 59 || c.second > 60) return BadTimestamp(text, "time out of range");
  size_t pos = 19;
  if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
    ++pos;
    const size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start) return BadTimestamp(text, "empty fraction of a second");
  }
  Timestamp out;
  if (pos == text.size()) {
    if (!allow_missing_offset) return BadTimestamp(text, "missing UTC offset");
    out.utc = InstantFromCivil(c);
    return out;
  }
  int32_t offset = 0;
  const char sign = text[pos];
  if (sign == 'Z' || sign == 'z') {
    ++pos;
  } else if (sign == '+' || sign == '-') {
    int32_t oh = 0, om = 0;
    if (!ReadDigits(text, pos + 1, 2, oh)) return BadTimestamp(text, "bad UTC offset");
    size_t mpos = pos + 3;
    if (mpos < text.size() && text[mpos] == ':') ++mpos;
    if (!ReadDigits(text, mpos, 2, om)) return BadTimestamp(text, "bad UTC offset");
    pos = mpos + 2;
    if (om > 59) return BadTimestamp(text, "offset minutes out of range");
    offset = oh * 60 + om;
    if (offset > kMaxOffsetMinutes) return BadTimestamp(text, "offset beyond ±18:00");
    if (sign == '-') offset = -offset;
  } else {
    return BadTimestamp(text, "bad UTC offset");
  }
  if (pos != text.size()) return BadTimestamp(text, "trailing characters");
  out.utc = InstantFromCivil(c) - static_cast<int64_t>(offset) * 60;
  out.offset_minutes = static_cast<int16_t>(offset);
  return out;
}

std::string FormatOffset(int16_t offset_minutes) {
  if (offset_minutes == kUnknownOffset) return "Z";
  char buf[8];
  const int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', a / 60, a % 60);
  return buf;
}

std::string FormatIsoDate(const CivilDate& date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

std::string FormatIsoTimestamp(const Timestamp& ts, bool z_for_utc) {
  if (!ts.known()) return "";
  const CivilTime c = CivilFromInstant(ts.local_seconds());
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", c.date.year, c.date.month,
                c.date.day, c.hour, c.minute, c.second);
  std::string out = buf;
  if (!ts.has_offset() || (ts.offset_minutes == 0 && z_for_utc)) {
    out += 'Z';
  } else {
    out += FormatOffset(ts.offset_minutes);
  }
  return out;
}

std::string FormatIsoInstant(Instant instant) {
  return FormatIsoTimestamp(Timestamp{instant, kUnknownOffset});
}

}  // namespace loupe
