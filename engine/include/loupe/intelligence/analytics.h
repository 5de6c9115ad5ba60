// loupe/intelligence/analytics.h — the analytics dashboard's rollups (aexy §4.9): a skill heatmap
// of developers × skills, one developer's activity heatmap (per local day, and day of week × hour
// on their own clock), productivity trends per day, week or month, and the workload of a group.
// The collaboration network's analytics shape is collaboration_network.h's WriteAnalyticsJson.
// docs/analytics.md gives every definition and each difference from the seed.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/core/json_writer.h"
#include "loupe/core/period.h"
#include "loupe/intelligence/expertise.h"
#include "loupe/metrics/context.h"

namespace loupe::intelligence {

// ---- skill heatmap ------------------------------------------------------------------------------

struct SkillHeatmap {
  std::vector<uint32_t> developers;  //!< developer indexes, the profiles' order
  std::vector<std::string> skills;
  //! developers × skills, row-major: the developer's proficiency in the skill rounded to an
  //! integer 0–100 (0 when they do not have it).
  std::vector<int> proficiency;
  int At(size_t developer, size_t skill) const { return proficiency[developer * skills.size() + skill]; }
};

//! `skills` given: those, in that order. Else the skills held by the most developers (a skill
//! counts once per developer; ties: the first met in profile order), at most `max_skills`.
SkillHeatmap BuildSkillHeatmap(std::span<const ExpertiseProfile> profiles, std::span<const std::string> skills,
                               size_t max_skills = 15);

//! {developers[{id, name}], skills[], cells[{developer_id, developer_name, skill, proficiency,
//! trend (null)}] (every developer × skill), generated_at}.
void WriteJson(JsonWriter& w, const SkillHeatmap& heatmap, const identity::Resolution& resolution,
               Instant generated_at);

// ---- activity heatmap ---------------------------------------------------------------------------

struct ActivityDay {
  int64_t day = 0;  //!< local date, days since 1970-01-01
  int64_t commits = 0, pull_requests = 0, reviews = 0;
  int64_t count() const { return commits + pull_requests + reviews; }
  //! 0 without activity, else min(4, 1 + count / 3).
  int level() const;
};

struct ActivityHeatmap {
  uint32_t developer = 0;
  std::string timezone;             //!< the zone days and hours are read in; "commit offsets" or "UTC"
  std::vector<ActivityDay> days;    //!< every local date of the window, ascending
  int64_t max_count = 0;
  //! Commits by local day of week (Monday first) and hour.
  std::array<std::array<int64_t, 24>, 7> weekday_hour{};
};

//! The developer's activity in the window. loupe: non-merge commits they authored, on their own
//! clock (the schedule's zone, else each commit's offset), pull requests they opened and reviews
//! they submitted (not pending), on the schedule's zone or UTC. aexy-compat: commits by committer
//! date and pull requests by creation, UTC days; reviews are not counted.
ActivityHeatmap BuildActivityHeatmap(const metrics::MetricContext& ctx, uint32_t developer, const Window& window);

//! The seed's {developer_id, data[{date, count, level}], max_count, total_days} with Loupe's
//! commits, pull_requests and reviews per day, weekday_hour[7][24] and timezone.
void WriteJson(JsonWriter& w, const ActivityHeatmap& heatmap, const identity::Resolution& resolution);

// ---- productivity trends ------------------------------------------------------------------------

enum class TrendGrouping : uint8_t { kDay, kWeek, kMonth };
std::string_view TrendGroupingName(TrendGrouping grouping);  //!< "day", "week", "month"
Result<TrendGrouping> ParseTrendGrouping(std::string_view name);

struct TrendPoint {
  int64_t day = 0;  //!< the period's first UTC date (weeks start on Monday)
  int64_t commits = 0, prs_opened = 0, prs_merged = 0, reviews_given = 0, lines_added = 0, lines_removed = 0;
};

struct ProductivityTrends {
  std::vector<uint32_t> developers;
  TrendGrouping grouping = TrendGrouping::kWeek;
  //! loupe: every period the window touches, zero-filled; aexy-compat: only periods with data.
  std::vector<TrendPoint> points;
  TrendPoint total;  //!< sums (day unused)
};

//! UTC periods. Commits as the velocity metrics count them (loupe: non-merge, by author date;
//! aexy-compat: all, by committer date); PRs opened by creation; PRs merged by merge date (the
//! seed counts merged PRs in their creation period); reviews by submission, pending ones never.
ProductivityTrends BuildProductivityTrends(const metrics::MetricContext& ctx, std::span<const uint32_t> developers,
                                           const Window& window, TrendGrouping grouping);

//! {developer_id (the one developer, else null), group_by, data[{date, commits, prs_opened,
//! prs_merged, reviews_given, lines_added, lines_removed}], summary{total_commits, total_prs,
//! total_reviews, total_lines_added, total_lines_removed, average_commits_per_period}}.
void WriteJson(JsonWriter& w, const ProductivityTrends& trends, const identity::Resolution& resolution);

// ---- workload -----------------------------------------------------------------------------------

struct WorkloadItem {
  uint32_t developer = 0;
  int64_t active_prs = 0;       //!< open pull requests they authored
  int64_t pending_reviews = 0;  //!< see BuildWorkload
  int64_t recent_commits = 0;
  double workload_score = 0;    //!< min(1, 0.1 · active + 0.15 · pending + 0.02 · recent)
};

struct Workload {
  std::vector<WorkloadItem> items;  //!< the developers' order
  double total = 0, average = 0;
  double imbalance = 0;  //!< min(1, 4 × the scores' population variance); 0 for one developer
};

//! As of `now`, recent = [now − days, now). pending_reviews — loupe: open pull requests by someone
//! else that request the developer's review and that they have not reviewed yet (what is waiting
//! on them); aexy-compat: their reviews in state pending (the seed's definition).
Workload BuildWorkload(const metrics::MetricContext& ctx, std::span<const uint32_t> developers, Instant now,
                       int64_t days);

//! {items[{developer_id, developer_name, active_prs, pending_reviews, recent_commits,
//! workload_score (2 dp)}], total_workload, average_workload, imbalance_score (2 dp)}.
void WriteJson(JsonWriter& w, const Workload& workload, const identity::Resolution& resolution);

}  // namespace loupe::intelligence
