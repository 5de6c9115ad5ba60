// web/app/dates.h — the little calendar arithmetic the dashboard needs for its windows: UTC days
// since the epoch to and from "YYYY-MM-DD", and weekday (Howard Hinnant's civil algorithms).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace loupe::app {

inline int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

inline std::string CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

//! The UTC day of "YYYY-MM-DD…" (any ISO instant: only its date part is read), or -1.
inline int64_t DayOf(std::string_view text) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (text.size() < 10 || std::sscanf(std::string(text.substr(0, 10)).c_str(), "%d-%u-%u", &y, &m, &d) != 3) return -1;
  return DaysFromCivil(y, m, d);
}

//! 0 = Monday … 6 = Sunday.
inline int WeekdayOf(int64_t day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }

}  // namespace loupe::app
