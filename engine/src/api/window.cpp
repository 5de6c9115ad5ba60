#include "loupe/api/window.h"

#include "loupe/core/strings.h"
#include "loupe/core/time.h"

namespace loupe::api {

Result<Instant> ParseWhen(std::string_view text, bool as_end) {
  text = Trim(text);
  if (text.size() == 10) {
    LOUPE_ASSIGN_OR_RETURN(CivilDate date, ParseIsoDate(text));
    return InstantFromCivil(CivilTime{date, 0, 0, 0}) + (as_end ? kSecondsPerDay : 0);
  }
  auto ts = ParseIsoTimestamp(text, /*allow_missing_offset=*/true);
  if (!ts.ok()) return InvalidInput("expected YYYY-MM-DD or an ISO instant, got " + QuoteForMessage(text));
  return ts->utc;
}

Result<ResolvedWindow> ResolveWindow(const WindowOptions& o, WindowPolicy policy, Instant now, const TimeZone& zone) {
  const std::string p(o.prefix);
  ResolvedWindow out;
  if (o.period) {
    LOUPE_ASSIGN_OR_RETURN(out.period_type, ParsePeriodType(*o.period));
  }
  auto when = [&](const std::string& text, bool as_end, const char* name) -> Result<Instant> {
    auto t = ParseWhen(text, as_end);
    if (!t.ok()) return InvalidInput(p + name + ": " + t.status().message());
    return t;
  };
  switch (policy) {
    case WindowPolicy::kInsights: {
      if (out.period_type == PeriodType::kCustom) {
        return InvalidInput(p + "period must be daily, weekly, biweekly or monthly");
      }
      if (o.from.has_value() != o.to.has_value()) return InvalidInput(p + "from and " + p + "to go together");
      if (!o.from) {
        out.window = LastCompletedPeriod(out.period_type, now, zone);
        return out;
      }
      LOUPE_ASSIGN_OR_RETURN(Instant start, when(*o.from, false, "from"));
      LOUPE_ASSIGN_OR_RETURN(Instant end, when(*o.to, true, "to"));
      if (start >= end) return InvalidInput(p + "from must be before " + p + "to");
      out.window = {start, end};
      if (!o.period) out.period_type = PeriodType::kCustom;
      return out;
    }
    case WindowPolicy::kSnapshots:
    case WindowPolicy::kAlerts: {
      const bool snapshots = policy == WindowPolicy::kSnapshots;
      if (snapshots && o.to && !o.from) return InvalidInput(p + "to needs " + p + "from");
      if (!snapshots && o.from.has_value() != o.to.has_value()) {
        return InvalidInput(p + "from and " + p + "to go together");
      }
      if (!o.from) {
        if (out.period_type == PeriodType::kCustom) {
          return InvalidInput("a custom period needs " + p + "from and " + p + "to");
        }
        out.window = LastCompletedPeriod(out.period_type, now);
        return out;
      }
      LOUPE_ASSIGN_OR_RETURN(Instant start, when(*o.from, false, "from"));
      Instant end = now;
      if (o.to) {
        LOUPE_ASSIGN_OR_RETURN(end, when(*o.to, true, "to"));
      }
      out.window = {start, end};
      return out;
    }
  }
  return Internal("unknown window policy");
}

Result<metrics::MetricProfile> ProfileOrDefault(const std::optional<std::string>& name) {
  if (!name) return metrics::MetricProfile::kLoupe;
  return metrics::ParseMetricProfile(*name);
}

}  // namespace loupe::api
