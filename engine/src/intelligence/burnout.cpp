#include "loupe/intelligence/burnout.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "loupe/intelligence/review_quality.h"

namespace loupe::intelligence {

namespace {

constexpr std::string_view kLevelNames[kRiskLevelCount] = {"low", "moderate", "high", "critical"};

// "42.5", "40" (one decimal, a trailing ".0" dropped).
std::string FormatPercent(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", p);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

// Seconds of the developer's wall clock for a commit row: the schedule's zone, else the commit's
// own offset (loupe); UTC committer time (aexy-compat).
int64_t LocalSeconds(const metrics::MetricContext& ctx, const metrics::EffectiveSchedule& schedule, uint32_t row) {
  const store::CommitColumns& c = ctx.store.commits();
  if (ctx.aexy()) return c.committed[row];
  return metrics::LocalSeconds(schedule, c.time[row], c.own_offset(row));
}

bool Counted(const metrics::MetricContext& ctx, uint32_t row) {
  return ctx.aexy() || (ctx.store.commits().flags[row] & store::kCommitMerge) == 0;
}

std::span<const uint32_t> CommitRows(const metrics::MetricContext& ctx, uint32_t dev, const Window& w) {
  const store::CommitColumns& c = ctx.store.commits();
  if (ctx.aexy()) {
    return metrics::RowsInWindow(ctx, ctx.store.CommitsOfByCommitted(dev), w, [&](uint32_t r) { return c.committed[r]; });
  }
  return metrics::RowsInWindow(ctx, ctx.store.CommitsOf(dev), w, [&](uint32_t r) { return c.time[r]; });
}

bool OutsideHours(int hour, int start, int end) {
  return start <= end ? (hour < start || hour >= end) : (hour >= end && hour < start);
}

std::string ReviewTrend(const model::Workspace& ws, const metrics::MetricContext& ctx, uint32_t dev, const Window& w,
                        const BurnoutSettings& settings) {
  const store::ReviewColumns& r = ctx.store.reviews();
  std::vector<double> values;
  for (uint32_t row : metrics::RowsInWindow(ctx, ctx.store.ReviewsBy(dev), w, [&](uint32_t x) { return r.submitted[x]; })) {
    if (ctx.aexy()) {
      values.push_back(static_cast<double>(r.comments[row]));
    } else if (!r.self[row] && !r.bot[row]) {
      values.push_back(AnalyzeReview(ws.reviews()[r.source[row]].body, r.comments[row]).depth_score);
    }
  }
  if (static_cast<int64_t>(values.size()) < settings.min_reviews_for_trend) {
    return ctx.aexy() ? "stable" : "insufficient_data";
  }
  const size_t half = values.size() / 2;
  double first = 0, second = 0;
  for (size_t i = 0; i < values.size(); ++i) (i < half ? first : second) += values[i];
  first /= static_cast<double>(half);
  second /= static_cast<double>(values.size() - half);
  if (first == 0) return "stable";
  const double change = (second - first) / first;
  return change < -0.2 ? "declining" : change > 0.2 ? "improving" : "stable";
}

}  // namespace

std::string_view BurnoutModelName(BurnoutModel) { return "statistics"; }
std::string_view RiskLevelName(RiskLevel level) { return kLevelNames[static_cast<size_t>(level)]; }

RiskLevel RiskLevelOf(double score) {
  if (score >= 0.75) return RiskLevel::kCritical;
  if (score >= 0.5) return RiskLevel::kHigh;
  if (score >= 0.25) return RiskLevel::kModerate;
  return RiskLevel::kLow;
}

int64_t AexyDaysSinceBreak(std::span<const int64_t> days, int64_t today) {
  if (days.empty()) return 0;
  for (size_t i = days.size() - 1; i > 0; --i) {
    if (days[i] - days[i - 1] - 1 >= 2) return today - days[i - 1];
  }
  return today - days.front();
}

int64_t DaysSinceBreak(std::span<const int64_t> days, int64_t today, int64_t min_break_days) {
  if (days.empty() || today - days.back() >= min_break_days) return 0;
  for (size_t i = days.size() - 1; i > 0; --i) {
    if (days[i] - days[i - 1] - 1 >= min_break_days) return today - (days[i] - 1);
  }
  return today - (days.front() - 1);
}

WorkPatterns ComputeWorkPatterns(const model::Workspace& ws, const metrics::MetricContext& ctx, uint32_t dev,
                                 const Window& window, const BurnoutSettings& settings) {
  WorkPatterns p;
  const metrics::EffectiveSchedule& schedule = ctx.schedules.Of(dev);
  std::map<int64_t, int64_t> per_day;
  std::array<int64_t, 24> per_hour{};
  int64_t after = 0, weekend = 0;
  for (uint32_t row : CommitRows(ctx, dev, window)) {
    if (!Counted(ctx, row)) continue;
    const int64_t local = LocalSeconds(ctx, schedule, row);
    const int64_t day = FloorDiv(local, kSecondsPerDay);
    const int hour = static_cast<int>((local - day * kSecondsPerDay) / 3600);
    ++p.commits;
    ++per_day[day];
    ++per_hour[hour];
    after += ctx.aexy() ? OutsideHours(hour, 9, 18) : OutsideHours(hour, schedule.start_hour, schedule.end_hour);
    weekend += ctx.aexy() ? WeekdayFromDays(day) >= 5 : !schedule.IsWorkingDay(day);
  }
  if (p.commits == 0) return p;
  p.active_days = static_cast<int64_t>(per_day.size());
  p.after_hours_percentage = 100.0 * static_cast<double>(after) / static_cast<double>(p.commits);
  p.weekend_commits_percentage = 100.0 * static_cast<double>(weekend) / static_cast<double>(p.commits);
  p.avg_daily_commits = static_cast<double>(p.commits) / static_cast<double>(p.active_days);

  int64_t run = 0, prev = 0;
  for (const auto& [day, n] : per_day) {
    if (n >= settings.high_activity_commits) {
      run = (run > 0 && day == prev + 1) ? run + 1 : 1;
      prev = day;
      p.consecutive_high_activity_days = std::max(p.consecutive_high_activity_days, run);
    } else {
      run = 0;
    }
  }

  std::vector<int> hours(24);
  for (int h = 0; h < 24; ++h) hours[h] = h;
  std::stable_sort(hours.begin(), hours.end(), [&](int a, int b) { return per_hour[a] > per_hour[b]; });
  for (int h : hours) {
    if (p.peak_hours.size() == 3 || per_hour[h] == 0) break;
    p.peak_hours.push_back(h);
  }

  // "Today" is the window's last day, on the same clock as the commits' days.
  if (ctx.aexy()) {
    std::vector<int64_t> days;
    for (const auto& [day, n] : per_day) days.push_back(day);
    p.days_since_break = AexyDaysSinceBreak(days, FloorDiv(window.end - 1, kSecondsPerDay));
  } else {
    const Window lookback{window.end - settings.break_lookback_days * kSecondsPerDay, window.end};
    std::vector<int64_t> days;
    int64_t last_local_offset = 0;
    for (uint32_t row : CommitRows(ctx, dev, lookback)) {
      if (!Counted(ctx, row)) continue;
      const int64_t local = LocalSeconds(ctx, schedule, row);
      last_local_offset = local - ctx.store.commits().time[row];
      const int64_t day = FloorDiv(local, kSecondsPerDay);
      if (days.empty() || days.back() != day) days.push_back(day);
    }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    const int64_t end_local = schedule.zone ? window.end - 1 + schedule.zone->OffsetSecondsAt(window.end - 1)
                                            : window.end - 1 + last_local_offset;
    p.days_since_break = DaysSinceBreak(days, FloorDiv(end_local, kSecondsPerDay), settings.min_break_days);
  }
  p.review_quality_trend = ReviewTrend(ws, ctx, dev, window, settings);
  return p;
}

void ScoreBurnout(const WorkPatterns& p, BurnoutAssessment& out) {
  out.indicators = p;
  out.alerts.clear();
  out.has_data = p.commits > 0;
  if (!out.has_data) {
    out.risk_score = 0;
    out.risk_level = RiskLevel::kLow;
    return;
  }
  double score = 0;
  if (p.after_hours_percentage >= 40) {
    score += 0.25;
    out.alerts.push_back(FormatPercent(p.after_hours_percentage) + "% commits outside business hours (high)");
  } else if (p.after_hours_percentage >= 25) {
    score += 0.15;
    out.alerts.push_back(FormatPercent(p.after_hours_percentage) + "% commits outside business hours");
  }
  if (p.weekend_commits_percentage >= 30) {
    score += 0.20;
    out.alerts.push_back(FormatPercent(p.weekend_commits_percentage) + "% commits on weekends (high)");
  } else if (p.weekend_commits_percentage >= 15) {
    score += 0.10;
    out.alerts.push_back(FormatPercent(p.weekend_commits_percentage) + "% commits on weekends");
  }
  if (p.consecutive_high_activity_days >= 10) {
    score += 0.20;
    out.alerts.push_back(std::to_string(p.consecutive_high_activity_days) + " consecutive high-activity days");
  } else if (p.consecutive_high_activity_days >= 5) {
    score += 0.10;
  }
  if (p.days_since_break >= 60) {
    score += 0.20;
    out.alerts.push_back("No break detected in " + std::to_string(p.days_since_break) + " days");
  } else if (p.days_since_break >= 30) {
    score += 0.10;
  }
  if (p.review_quality_trend == "declining") {
    score += 0.15;
    out.alerts.emplace_back("Review quality appears to be declining");
  }
  out.risk_score = std::min(score, 1.0);
  out.risk_level = RiskLevelOf(out.risk_score);
}

BurnoutAssessment AssessBurnout(const model::Workspace& ws, const metrics::MetricContext& ctx, uint32_t developer,
                                const Window& window, const BurnoutSettings& settings) {
  BurnoutAssessment a;
  ScoreBurnout(ComputeWorkPatterns(ws, ctx, developer, window, settings), a);
  BurnoutAssessment previous;
  const Window before{window.start - window.seconds(), window.start};
  ScoreBurnout(ComputeWorkPatterns(ws, ctx, developer, before, settings), previous);
  a.previous_risk_score = previous.risk_score;
  const double diff = a.risk_score - previous.risk_score;
  a.trend = diff > 0.1 ? "worsening" : diff < -0.1 ? "improving" : "stable";
  return a;
}

TeamBurnout AssessTeamBurnout(const model::Workspace& ws, const metrics::MetricContext& ctx,
                              std::span<const uint32_t> members, const Window& window, const BurnoutSettings& settings) {
  TeamBurnout t;
  t.total_developers = static_cast<int64_t>(members.size());
  for (uint32_t dev : members) {
    BurnoutAssessment a = AssessBurnout(ws, ctx, dev, window, settings);
    if (!a.has_data) {
      ++t.insufficient_data;
      continue;
    }
    ++t.level_counts[static_cast<size_t>(a.risk_level)];
    if (a.risk_level >= RiskLevel::kHigh) t.high_risk.push_back({dev, std::move(a)});
  }
  std::stable_sort(t.high_risk.begin(), t.high_risk.end(),
                   [](const auto& a, const auto& b) { return a.assessment.risk_score > b.assessment.risk_score; });
  // The seed divides by every member, so members it has no assessment for count as critical.
  const int64_t assessed = t.total_developers - t.insufficient_data;
  const int64_t divisor = ctx.aexy() ? t.total_developers : assessed;
  if (divisor > 0) {
    const auto& n = t.level_counts;
    t.team_health_score = static_cast<double>(100 * n[0] + 70 * n[1] + 30 * n[2]) / static_cast<double>(divisor);
  }
  return t;
}

void WriteJson(JsonWriter& w, const BurnoutAssessment& a) {
  const WorkPatterns& p = a.indicators;
  w.BeginObject();
  w.Field("model", BurnoutModelName(a.model));
  w.Key("risk_score").Double(a.risk_score, 2);
  w.Field("risk_level", RiskLevelName(a.risk_level));
  w.Key("indicators").BeginObject();
  w.Key("after_hours_percentage").Double(p.after_hours_percentage, 1);
  w.Key("weekend_commits_percentage").Double(p.weekend_commits_percentage, 1);
  w.Key("avg_daily_commits").Double(p.avg_daily_commits, 1);
  w.Field("review_quality_trend", p.review_quality_trend);
  w.Field("consecutive_high_activity_days", p.consecutive_high_activity_days);
  w.Field("days_since_break", p.days_since_break);
  w.Key("peak_hours").BeginArray();
  for (int h : p.peak_hours) w.Int(h);
  w.EndArray();
  w.EndObject();
  w.Key("alerts").BeginArray();
  for (const std::string& s : a.alerts) w.String(s);
  w.EndArray();
  w.Field("trend", a.trend);
  w.Key("previous_risk_score").Double(a.previous_risk_score, 2);
  w.Field("has_data", a.has_data);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const TeamBurnout& t, const identity::Resolution& resolution) {
  w.BeginObject();
  w.Field("model", BurnoutModelName(BurnoutModel::kStatistics));
  w.Field("total_developers", t.total_developers);
  w.Key("risk_distribution").BeginObject();
  for (size_t i = 0; i < kRiskLevelCount; ++i) w.Field(kLevelNames[i], t.level_counts[i]);
  w.EndObject();
  w.Field("insufficient_data", t.insufficient_data);
  const int64_t assessed = t.total_developers - t.insufficient_data;
  w.Key("risk_percentages").BeginObject();
  for (size_t i = 0; i < kRiskLevelCount; ++i) {
    const double pct = assessed > 0 ? 100.0 * static_cast<double>(t.level_counts[i]) / static_cast<double>(assessed) : 0;
    w.Key(kLevelNames[i]).Double(pct, 1);
  }
  w.EndObject();
  w.Key("high_risk_developers").BeginArray();
  for (const TeamBurnout::Member& m : t.high_risk) {
    const identity::Developer& d = resolution.developers()[m.developer];
    w.BeginObject();
    w.Field("developer_id", static_cast<int64_t>(d.id));
    w.Field("name", d.name);
    w.Key("risk_score").Double(m.assessment.risk_score, 2);
    w.Field("risk_level", RiskLevelName(m.assessment.risk_level));
    w.Key("alerts").BeginArray();
    for (const std::string& s : m.assessment.alerts) w.String(s);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("team_health_score").Double(t.team_health_score, 1);
  w.EndObject();
}

}  // namespace loupe::intelligence
