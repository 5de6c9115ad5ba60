// loupe/metrics/schedule.h — each developer's effective working schedule, resolved once.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "loupe/core/period.h"
#include "loupe/core/zone.h"
#include "loupe/identity/resolver.h"
#include "loupe/metrics/profile.h"
#include "loupe/model/settings.h"
#include "loupe/model/workspace.h"

namespace loupe::metrics {

//! Where a developer's schedule came from (for explanations).
enum class ScheduleSource : uint8_t { kDeveloper, kTeam, kWorkspace, kDefault };
std::string_view ScheduleSourceName(ScheduleSource source);

//! The schedule metrics use for one developer.
struct EffectiveSchedule {
  //! The zone local times are read in; nullopt = none set: each commit's own offset is its local
  //! clock (loupe) — aexy-compat always has a zone (UTC by default).
  std::optional<TimeZone> zone;
  model::WeekdayMask working_days = model::kMondayToFriday;
  int start_hour = 9;
  int end_hour = 18;
  int late_night_start_hour = 22;
  int late_night_end_hour = 6;
  std::string role;
  std::vector<int64_t> holidays;  //!< local dates as days since 1970-01-01, ascending, unique
  ScheduleSource source = ScheduleSource::kDefault;

  bool IsHoliday(int64_t local_day) const;
  bool IsWorkingDay(int64_t local_day) const;  //!< working weekday and not a holiday
  //! Local hour in the late-night window [start, 24) ∪ [0, end) (aexy-compat: hour >= start only).
  bool IsLateNight(int hour, MetricProfile profile) const;
};

//! An instant on the developer's wall clock (seconds since 1970-01-01 00:00 local): in the
//! schedule's zone, else at the commit's own UTC offset when it is known, else UTC.
inline int64_t LocalSeconds(const EffectiveSchedule& schedule, Instant t, std::optional<int> own_offset_minutes) {
  if (schedule.zone) return t + schedule.zone->OffsetSecondsAt(t);
  return own_offset_minutes ? t + int64_t{*own_offset_minutes} * 60 : t;
}

//! Every developer's effective schedule plus the workspace's, resolved from the settings with
//! the order of docs/metrics.md ("Schedules") for the given profile. Unknown zone names fall back
//! to the next source (the settings commands reject them, so this only guards old data).
class ScheduleBook {
 public:
  static ScheduleBook Resolve(const model::Workspace& ws, const model::WorkspaceSettings& settings,
                              const identity::Resolution& resolution, MetricProfile profile);

  const EffectiveSchedule& Of(uint32_t developer) const {
    return developer < by_developer_.size() ? by_developer_[developer] : workspace_;
  }
  const EffectiveSchedule& workspace() const { return workspace_; }

 private:
  std::vector<EffectiveSchedule> by_developer_;
  EffectiveSchedule workspace_;
};

//! Working days in a window for a schedule: local dates whose local noon falls in the window and
//! that are working days (holidays excluded), at least 1. With no zone, dates are UTC dates.
int64_t WorkingDaysIn(const EffectiveSchedule& schedule, const Window& window);

//! Aexy's count: Mon–Fri calendar dates from start's UTC date to end's UTC date inclusive, >= 1.
int64_t AexyWorkingDaysIn(const Window& window);

}  // namespace loupe::metrics
