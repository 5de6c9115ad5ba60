#include "loupe/metrics/schedule.h"

#include <algorithm>

#include "loupe/core/strings.h"

namespace loupe::metrics {

std::string_view ScheduleSourceName(ScheduleSource source) {
  switch (source) {
    case ScheduleSource::kDeveloper: return "developer";
    case ScheduleSource::kTeam: return "team";
    case ScheduleSource::kWorkspace: return "workspace";
    case ScheduleSource::kDefault: return "default";
  }
  return "default";
}

bool EffectiveSchedule::IsHoliday(int64_t local_day) const {
  return std::binary_search(holidays.begin(), holidays.end(), local_day);
}

bool EffectiveSchedule::IsWorkingDay(int64_t local_day) const {
  return (working_days >> WeekdayFromDays(local_day) & 1) != 0 && !IsHoliday(local_day);
}

bool EffectiveSchedule::IsLateNight(int hour, MetricProfile profile) const {
  if (profile == MetricProfile::kAexyCompat) return hour >= late_night_start_hour;
  if (late_night_start_hour <= late_night_end_hour) {
    return hour >= late_night_start_hour && hour < late_night_end_hour;  // a window inside one day
  }
  return hour >= late_night_start_hour || hour < late_night_end_hour;
}

namespace {

void ApplyHours(EffectiveSchedule& s, const model::WorkingHours& h) {
  if (!h.timezone.empty()) {
    if (auto zone = TimeZone::Find(h.timezone); zone.ok()) s.zone = *zone;
  }
  s.start_hour = h.start_hour;
  s.end_hour = h.end_hour;
  s.late_night_start_hour = h.late_night_start_hour;
  s.late_night_end_hour = h.late_night_end_hour;
}

void AddHolidays(EffectiveSchedule& s, const std::vector<CivilDate>& dates) {
  for (const CivilDate& d : dates) s.holidays.push_back(DaysFromCivil(d));
}

void Normalise(EffectiveSchedule& s) {
  std::sort(s.holidays.begin(), s.holidays.end());
  s.holidays.erase(std::unique(s.holidays.begin(), s.holidays.end()), s.holidays.end());
}

const model::InsightSettings* SettingsOf(const model::WorkspaceSettings& settings, std::string_view team) {
  for (const auto& s : settings.insight_settings) {
    if (EqualsIgnoreCaseAscii(s.team, team)) return &s;
  }
  return nullptr;
}

}  // namespace

ScheduleBook ScheduleBook::Resolve(const model::Workspace& ws, const model::WorkspaceSettings& settings,
                                   const identity::Resolution& resolution, MetricProfile profile) {
  ScheduleBook book;
  const model::InsightSettings* workspace_settings = SettingsOf(settings, "");
  // The workspace schedule: its working hours, or the defaults.
  EffectiveSchedule base;
  if (workspace_settings != nullptr && workspace_settings->working_hours) {
    ApplyHours(base, *workspace_settings->working_hours);
    base.source = ScheduleSource::kWorkspace;
  }
  if (profile == MetricProfile::kAexyCompat && !base.zone) base.zone = TimeZone::Utc();
  if (workspace_settings != nullptr && profile == MetricProfile::kLoupe) AddHolidays(base, workspace_settings->holidays);
  Normalise(base);
  book.workspace_ = base;

  const size_t n = resolution.developers().size();
  book.by_developer_.assign(n, base);
  // Teams, sorted by name so "the first team" is well defined.
  std::vector<const model::Team*> teams;
  for (const auto& t : settings.teams) teams.push_back(&t);
  std::sort(teams.begin(), teams.end(), [](const model::Team* a, const model::Team* b) {
    return ToLowerAscii(a->name) < ToLowerAscii(b->name);
  });
  auto developer_of = [&](std::string_view ref) -> uint32_t {
    model::IdentityKind kind;
    std::string key;
    if (!model::ParseIdentityRef(ref, kind, key)) return model::kNoId;
    const model::IdentityId id = ws.FindIdentity(kind, key);
    return id == model::kNoId ? model::kNoId : resolution.IndexOf(id);
  };
  if (profile == MetricProfile::kLoupe) {
    for (const model::Team* team : teams) {
      const model::InsightSettings* ts = SettingsOf(settings, team->name);
      if (ts == nullptr) continue;
      for (const model::TeamMember& m : team->members) {
        const uint32_t dev = developer_of(m.identity);
        if (dev == model::kNoId) continue;
        EffectiveSchedule& s = book.by_developer_[dev];
        if (ts->working_hours && s.source != ScheduleSource::kTeam) {
          ApplyHours(s, *ts->working_hours);
          s.source = ScheduleSource::kTeam;
        }
        AddHolidays(s, ts->holidays);
      }
    }
  }
  for (const model::WorkingSchedule& w : settings.schedules) {
    const uint32_t dev = developer_of(w.identity);
    if (dev == model::kNoId) continue;
    EffectiveSchedule& s = book.by_developer_[dev];
    if (s.source == ScheduleSource::kDeveloper) continue;  // the first schedule of a developer wins
    ApplyHours(s, w.hours);
    if (profile == MetricProfile::kAexyCompat) {
      // Aexy's schedule row always has a zone ("UTC" by default) and reads an unknown name as UTC:
      // the workspace's zone never shows through it.
      auto zone = TimeZone::Find(w.hours.timezone);
      s.zone = zone.ok() ? *zone : TimeZone::Utc();
    }
    s.working_days = w.working_days;
    s.role = w.role;
    if (profile == MetricProfile::kLoupe) AddHolidays(s, w.holidays);
    s.source = ScheduleSource::kDeveloper;
  }
  for (EffectiveSchedule& s : book.by_developer_) Normalise(s);
  return book;
}

int64_t WorkingDaysIn(const EffectiveSchedule& schedule, const Window& window) {
  // A date counts when its local noon lies in the window: a weekly window on UTC boundaries then
  // holds exactly seven local dates in any zone.
  const TimeZone zone = schedule.zone.value_or(TimeZone::Utc());
  const int64_t first = FloorDiv(window.start + zone.OffsetSecondsAt(window.start), kSecondsPerDay) - 1;
  const int64_t last = FloorDiv(window.end + zone.OffsetSecondsAt(window.end), kSecondsPerDay) + 1;
  int64_t days = 0;
  for (int64_t day = first; day <= last; ++day) {
    // Without a zone the clock is UTC and noon is plain arithmetic (the common case, per snapshot
    // cell: the zone lookup dominated velocity's time).
    const Instant noon = schedule.zone ? zone.ToUtc(CivilTime{CivilFromDays(day), 12, 0, 0})
                                       : day * kSecondsPerDay + 12 * 3600;
    if (noon >= window.start && noon < window.end && schedule.IsWorkingDay(day)) ++days;
  }
  return std::max<int64_t>(days, 1);
}

int64_t AexyWorkingDaysIn(const Window& window) {
  const int64_t first = FloorDiv(window.start, kSecondsPerDay);
  const int64_t last = FloorDiv(window.end, kSecondsPerDay);
  int64_t days = 0;
  for (int64_t day = first; day <= last; ++day) {
    if (WeekdayFromDays(day) < 5) ++days;
  }
  return std::max<int64_t>(days, 1);
}

}  // namespace loupe::metrics
