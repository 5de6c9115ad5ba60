// loupe/api/window.h — the reporting window an operation covers, read from its from / to / period /
// profile options. The CLI (--from, --to, --period, --profile) and api::Dispatch (from, to, period,
// profile params) both read them here, so both accept and refuse the same things.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "loupe/core/period.h"
#include "loupe/core/status.h"
#include "loupe/core/zone.h"
#include "loupe/metrics/profile.h"

namespace loupe::api {

//! A from/to value: "YYYY-MM-DD" (UTC midnight; as an end, the next midnight, so the day is
//! included) or an ISO instant ("2024-03-01T09:00:00+01:00"; without an offset, UTC).
Result<Instant> ParseWhen(std::string_view text, bool as_end);

//! How an operation reads its window options.
enum class WindowPolicy {
  //! Insights: from and to together (from before to); period daily, weekly, biweekly or monthly
  //! (default weekly). Without from/to: the last completed period in `zone`; with them, the
  //! period is only a label (custom when not given).
  kInsights,
  //! Snapshot generation: period any type including custom (default weekly); to needs from; from
  //! alone runs to `now`. Without from: the last completed UTC period (custom needs from and to).
  kSnapshots,
  //! Alert evaluation: from and to together; period any type (default weekly). Without from/to:
  //! the last completed UTC period (custom needs from and to).
  kAlerts,
};

//! The raw options; `prefix` is how error messages name them ("--" for the CLI's --from).
struct WindowOptions {
  std::optional<std::string> from, to, period;
  std::string_view prefix;
};

struct ResolvedWindow {
  Window window;
  PeriodType period_type = PeriodType::kWeekly;
};

//! The window and period type the options ask for at `now`; InvalidInput naming the option.
Result<ResolvedWindow> ResolveWindow(const WindowOptions& options, WindowPolicy policy, Instant now,
                                     const TimeZone& zone = TimeZone::Utc());

//! The named metric profile, kLoupe when absent.
Result<metrics::MetricProfile> ProfileOrDefault(const std::optional<std::string>& name);

}  // namespace loupe::api
