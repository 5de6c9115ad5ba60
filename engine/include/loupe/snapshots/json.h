// loupe/snapshots/json.h — snapshots and settings as JSON, with the seed's keys.
#pragma once
#include "loupe/core/json_writer.h"
#include "loupe/model/settings.h"
#include "loupe/snapshots/snapshot.h"

namespace loupe::snapshots {

//! {developer_id, period_type, period_start, period_end, velocity{…}, efficiency{…}, quality{…},
//! sustainability{…}, collaboration{…}, raw_counts{…}, computed_at} (the seed's snapshot, values
//! rounded as it stores them) plus profile, data_version, inputs_version and stale.
void WriteJson(JsonWriter& w, const DeveloperSnapshot& s, const Versions& current);
//! {team_id (the team's name, null for the workspace), period_type, period_start, period_end,
//! aggregate_metrics{total_commits, total_prs_merged, total_lines_changed, total_reviews,
//! avg_commits_per_member, avg_prs_per_member}, distribution_metrics (null until the rollups
//! module fills it), member_count, computed_at} plus profile, data/inputs versions and stale.
void WriteJson(JsonWriter& w, const TeamSnapshot& s, const Versions& current);
//! {developer_id | team_id, period_type, periods, latest_period_start, latest_period_end,
//! computed_at, stale_periods, stale, oldest_data_version}.
void WriteJson(JsonWriter& w, const SeriesStatus& s);

//! The seed's working schedule {timezone, start_hour, end_hour, working_days [0..6, Monday = 0],
//! late_night_threshold_hour, engineering_role} plus identity, late_night_end_hour, holidays.
void WriteJson(JsonWriter& w, const model::WorkingSchedule& s);
//! The seed's insight settings {team_id, working_hours{start_hour, end_hour, timezone,
//! late_night_threshold_hour} | null, health_score_weights{…} | null, bottleneck_multiplier,
//! auto_generate_snapshots, snapshot_frequency} plus late_night_end_hour and holidays.
void WriteJson(JsonWriter& w, const model::InsightSettings& s);

}  // namespace loupe::snapshots
