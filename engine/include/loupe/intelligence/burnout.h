// loupe/intelligence/burnout.h — the statistics model of burnout risk (aexy §3.4): work patterns
// of a developer's commits and reviews, a risk score with levels and alerts, and a team overview.
//
// One burnout model, not two that disagree: this deterministic assessment is the base, labelled
// BurnoutModel::kStatistics. An LLM-augmented assessment extends the same BurnoutAssessment (it
// adds its reading to these indicators and never recomputes them), labelled with its own model.
//
// The `loupe` profile reads hours and days in the developer's local time and working schedule
// (the one the sustainability metrics use, §9.3 item 4), measures days_since_break beyond the
// window and up to its end (§9.3 item 5), and reads the review trend from review depth (the seed's
// comment counts were never filled, §9.1 item 2). docs/intelligence.md has every threshold.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/core/json_writer.h"
#include "loupe/core/period.h"
#include "loupe/metrics/context.h"
#include "loupe/model/workspace.h"

namespace loupe::intelligence {

enum class BurnoutModel : uint8_t { kStatistics = 0 };
std::string_view BurnoutModelName(BurnoutModel model);  //!< "statistics"

enum class RiskLevel : uint8_t { kLow = 0, kModerate, kHigh, kCritical };
inline constexpr size_t kRiskLevelCount = 4;
std::string_view RiskLevelName(RiskLevel level);
//! >= 0.75 critical, >= 0.5 high, >= 0.25 moderate, else low.
RiskLevel RiskLevelOf(double score);

//! Thresholds that are settings (defaults are the seed's constants).
struct BurnoutSettings {
  int64_t high_activity_commits = 15;  //!< commits in a day that make it a high-activity day
  int64_t min_break_days = 2;          //!< consecutive days without commits that make a break
  int64_t break_lookback_days = 365;   //!< loupe: how far before the window's end to look for one
  int64_t min_reviews_for_trend = 5;
};

struct WorkPatterns {
  int64_t commits = 0;
  int64_t active_days = 0;
  double after_hours_percentage = 0;      //!< outside working hours (seed: 09–18 UTC)
  double weekend_commits_percentage = 0;  //!< on non-working days (seed: Sat/Sun UTC)
  double avg_daily_commits = 0;           //!< commits / active days
  int64_t consecutive_high_activity_days = 0;
  int64_t days_since_break = 0;
  std::string review_quality_trend = "stable";  //!< declining, improving, stable; loupe: insufficient_data
  std::vector<int> peak_hours;                  //!< up to 3 hours by commit count, ties by hour
};

struct BurnoutAssessment {
  BurnoutModel model = BurnoutModel::kStatistics;
  double risk_score = 0;  //!< 0–1; 0 without commits
  RiskLevel risk_level = RiskLevel::kLow;
  WorkPatterns indicators;
  std::vector<std::string> alerts;
  //! Against the window of the same length right before: worsening (> +0.1), improving (< −0.1),
  //! stable. (The seed compares with the last stored score.)
  std::string trend = "stable";
  double previous_risk_score = 0;
  bool has_data = false;  //!< the developer has commits in the window
};

//! The work patterns of a developer's non-merge commits (aexy-compat: all, by committer date) in
//! the window, with "today" the last day of the window.
WorkPatterns ComputeWorkPatterns(const model::Workspace& ws, const metrics::MetricContext& ctx, uint32_t developer,
                                 const Window& window, const BurnoutSettings& settings = {});
//! The risk score and alerts of work patterns (the table in docs/intelligence.md).
void ScoreBurnout(const WorkPatterns& patterns, BurnoutAssessment& out);
BurnoutAssessment AssessBurnout(const model::Workspace& ws, const metrics::MetricContext& ctx, uint32_t developer,
                                const Window& window, const BurnoutSettings& settings = {});

//! The seed's days_since_break: over active dates (ascending, days since 1970), from the newest
//! backwards, the first gap of >= 2 empty days; today − the active date before that gap, or
//! today − the first active date when there is none.
int64_t AexyDaysSinceBreak(std::span<const int64_t> active_days, int64_t today);
//! Loupe's: 0 when the last min_break_days days up to today had no commit; else today − the
//! last day of the most recent break (a run of >= min_break_days days without commits); with no
//! break among the dates, the day before the first active date counts as the break's end.
int64_t DaysSinceBreak(std::span<const int64_t> active_days, int64_t today, int64_t min_break_days = 2);

struct TeamBurnout {
  int64_t total_developers = 0;
  std::array<int64_t, kRiskLevelCount> level_counts{};
  int64_t insufficient_data = 0;  //!< loupe: members without commits, outside the counts
  struct Member {
    uint32_t developer = 0;
    BurnoutAssessment assessment;
  };
  std::vector<Member> high_risk;  //!< high or critical, by score descending
  //! (100·low + 70·moderate + 30·high + 0·critical) / assessed members; 100 without any.
  double team_health_score = 100;
};
TeamBurnout AssessTeamBurnout(const model::Workspace& ws, const metrics::MetricContext& ctx,
                              std::span<const uint32_t> members, const Window& window,
                              const BurnoutSettings& settings = {});

//! {model, risk_score (2 dp), risk_level, indicators{after_hours_percentage, weekend_commits_percentage,
//! avg_daily_commits (1 dp), review_quality_trend, consecutive_high_activity_days,
//! days_since_break, peak_hours}, alerts, trend, previous_risk_score (2 dp), has_data}.
void WriteJson(JsonWriter& w, const BurnoutAssessment& assessment);
//! {model, total_developers, risk_distribution{level: count}, insufficient_data,
//! risk_percentages{level: percent (1 dp)}, high_risk_developers[{developer_id, name, risk_score,
//! risk_level, alerts}], team_health_score (1 dp)}. No e-mail addresses.
void WriteJson(JsonWriter& w, const TeamBurnout& team, const identity::Resolution& resolution);

}  // namespace loupe::intelligence
