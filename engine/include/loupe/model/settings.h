// loupe/model/settings.h — teams, working schedules and insight settings: what the user tells
// Loupe about how the team works. People are named by identity refs ("email:…", "login:…") so
// identity merges and splits never orphan a setting.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "loupe/core/period.h"
#include "loupe/core/time.h"

namespace loupe::model {

//! Working weekdays as bits, Monday = bit 0 … Sunday = bit 6.
using WeekdayMask = uint8_t;
inline constexpr WeekdayMask kMondayToFriday = 0b0011111;

enum class TeamRole : uint8_t { kMember = 0, kLead };

struct TeamMember {
  std::string identity;  //!< identity ref of any of the developer's identities
  TeamRole role = TeamRole::kMember;
  friend bool operator==(const TeamMember&, const TeamMember&) = default;
};

struct Team {
  std::string name;  //!< unique within the workspace (case-insensitive)
  std::vector<TeamMember> members;
  friend bool operator==(const Team&, const Team&) = default;
};

//! Working hours as insight settings give them (workspace or team level).
struct WorkingHours {
  std::string timezone;  //!< IANA name; "" = keep the next source's zone (none at all: commits' own offsets)
  int start_hour = 9;
  int end_hour = 18;
  int late_night_start_hour = 22;  //!< late night runs from here …
  int late_night_end_hour = 6;     //!< … across midnight to here (aexy-compat ignores the end)
  friend bool operator==(const WorkingHours&, const WorkingHours&) = default;
};

//! One developer's schedule (Aexy's DeveloperWorkingSchedule), keyed by an identity ref.
struct WorkingSchedule {
  std::string identity;
  WorkingHours hours;
  WeekdayMask working_days = kMondayToFriday;
  std::string role;  //!< junior, mid, senior, staff, principal, lead, architect or ""
  std::vector<CivilDate> holidays;  //!< personal days off
  friend bool operator==(const WorkingSchedule&, const WorkingSchedule&) = default;
};

//! Weights of the composite health score's categories (normalised when used).
struct HealthWeights {
  double velocity = 0.2, efficiency = 0.2, quality = 0.2, sustainability = 0.2, collaboration = 0.2;
  friend bool operator==(const HealthWeights&, const HealthWeights&) = default;
};

//! Insight settings of the workspace (team "") or of one team.
struct InsightSettings {
  std::string team;                          //!< "" = workspace-wide
  std::optional<WorkingHours> working_hours;
  std::optional<HealthWeights> health_weights;
  double bottleneck_multiplier = 2.0;         //!< load > multiplier × mean load ⇒ bottleneck
  bool auto_generate_snapshots = false;
  PeriodType snapshot_frequency = PeriodType::kWeekly;
  std::vector<CivilDate> holidays;            //!< days off for everyone it covers
  friend bool operator==(const InsightSettings&, const InsightSettings&) = default;
};

//! Everything the user configured, stored with the workspace.
struct WorkspaceSettings {
  std::vector<Team> teams;
  std::vector<WorkingSchedule> schedules;
  std::vector<InsightSettings> insight_settings;  //!< at most one per team, one with team ""
  friend bool operator==(const WorkspaceSettings&, const WorkspaceSettings&) = default;
};

}  // namespace loupe::model
