#include "loupe/intelligence/burnout.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/metrics/metric_builder.h"

namespace loupe {
namespace {

using intelligence::RiskLevel;
using intelligence::WorkPatterns;
using testing::kAexy;
using testing::kLoupe;

intelligence::BurnoutAssessment Score(const WorkPatterns& p) {
  intelligence::BurnoutAssessment a;
  intelligence::ScoreBurnout(p, a);
  return a;
}

TEST_CASE("Burnout: risk levels", "[intelligence][burnout]") {
  CHECK(intelligence::RiskLevelOf(0.75) == RiskLevel::kCritical);
  CHECK(intelligence::RiskLevelOf(0.7499) == RiskLevel::kHigh);
  CHECK(intelligence::RiskLevelOf(0.5) == RiskLevel::kHigh);
  CHECK(intelligence::RiskLevelOf(0.25) == RiskLevel::kModerate);
  CHECK(intelligence::RiskLevelOf(0.2499) == RiskLevel::kLow);
}

TEST_CASE("Burnout: every indicator at its high tier", "[intelligence][burnout]") {
  // 0.25 (after hours >= 40 %) + 0.20 (weekend >= 30 %) + 0.20 (>= 10 high-activity days)
  // + 0.20 (>= 60 days without a break) + 0.15 (review quality declining) = 1.0 -> critical.
  WorkPatterns p;
  p.commits = 10;
  p.after_hours_percentage = 40;
  p.weekend_commits_percentage = 30;
  p.consecutive_high_activity_days = 10;
  p.days_since_break = 60;
  p.review_quality_trend = "declining";
  const auto a = Score(p);
  CHECK(a.risk_score == Approx(1.0));
  CHECK(a.risk_level == RiskLevel::kCritical);
  CHECK(a.alerts == std::vector<std::string>{"40% commits outside business hours (high)", "30% commits on weekends (high)",
                                             "10 consecutive high-activity days", "No break detected in 60 days",
                                             "Review quality appears to be declining"});
}

TEST_CASE("Burnout: every indicator at its moderate tier", "[intelligence][burnout]") {
  // 0.15 (after hours 39.9 %) + 0.10 (weekend 29.9 %) + 0.10 (9 days, no alert) + 0.10 (59 days,
  // no alert) = 0.45 -> moderate, two alerts.
  WorkPatterns p;
  p.commits = 10;
  p.after_hours_percentage = 39.9;
  p.weekend_commits_percentage = 29.9;
  p.consecutive_high_activity_days = 9;
  p.days_since_break = 59;
  const auto a = Score(p);
  CHECK(a.risk_score == Approx(0.45));
  CHECK(a.risk_level == RiskLevel::kModerate);
  CHECK(a.alerts == std::vector<std::string>{"39.9% commits outside business hours", "29.9% commits on weekends"});
  // Just below the moderate tiers: nothing.
  p.after_hours_percentage = 24.9;
  p.weekend_commits_percentage = 14.9;
  p.consecutive_high_activity_days = 4;
  p.days_since_break = 29;
  CHECK(Score(p).risk_score == 0);
  // No commits: no data, score 0.
  CHECK_FALSE(Score(WorkPatterns{}).has_data);
}

TEST_CASE("Burnout: days since break", "[intelligence][burnout]") {
  // Active days 1-3 and 7-10, today 10: the break is days 4-6, it ended on day 6 -> 4 days.
  const std::vector<int64_t> days = {1, 2, 3, 7, 8, 9, 10};
  CHECK(intelligence::DaysSinceBreak(days, 10) == 4);
  // The seed measures from the active day before the gap (day 3): 7.
  CHECK(intelligence::AexyDaysSinceBreak(days, 10) == 7);
  // A single empty day is no break: active 1-3 and 5-10 -> none -> since day 0: 10.
  CHECK(intelligence::DaysSinceBreak(std::vector<int64_t>{1, 2, 3, 5, 6, 7, 8, 9, 10}, 10) == 10);
}

TEST_CASE("Burnout: issue 5 - days since break sees the gap up to today", "[intelligence][burnout][regression]") {
  // aexy §9.3 item 5: active days 1-5, today 8. The seed ignores the three quiet days up to today:
  // 8 - 1 = 7. Loupe: days 6-8 are a break in progress -> 0.
  const std::vector<int64_t> days = {1, 2, 3, 4, 5};
  CHECK(intelligence::AexyDaysSinceBreak(days, 8) == 7);
  CHECK(intelligence::DaysSinceBreak(days, 8) == 0);
}

TEST_CASE("Burnout: issue 5 - days since break is not bounded by the window", "[intelligence][burnout][regression]") {
  // One commit a day at 12:00Z from 2024-01-01 to 2024-03-10 (70 days); a 30-day window
  // [2024-02-10, 2024-03-11). Weekends in the window: Feb 10, 11, 17, 18, 24, 25, Mar 2, 3, 9, 10
  // = 10 of 30 commits = 33.3 % -> 0.20.
  testing::MetricWorld world;
  world.Person("ana");
  for (int64_t d = DaysFromCivil({2024, 1, 1}); d <= DaysFromCivil({2024, 3, 10}); ++d) {
    world.Commit("ana", FormatIsoDate(CivilFromDays(d)) + "T12:00:00Z");
  }
  const Window window = testing::Between("2024-02-10T00:00:00Z", "2024-03-11T00:00:00Z");
  // Seed: dates inside the window only, no gap -> today (Mar 10) - first (Feb 10) = 29: below 30,
  // no points; risk 0.20 (weekends) -> low.
  const testing::Built seed(world, kAexy);
  const auto s = intelligence::AssessBurnout(world.ws, seed.ctx, seed.Dev("ana"), window);
  CHECK(s.indicators.days_since_break == 29);
  CHECK(s.risk_score == Approx(0.20));
  // Loupe looks back before the window: no break since Jan 1 -> Mar 10 - Dec 31 = 70 days -> 0.20
  // and an alert; risk 0.40 -> moderate.
  const testing::Built built(world, kLoupe);
  const auto l = intelligence::AssessBurnout(world.ws, built.ctx, built.Dev("ana"), window);
  CHECK(l.indicators.days_since_break == 70);
  CHECK(l.indicators.weekend_commits_percentage == Approx(100.0 / 3));
  CHECK(l.risk_score == Approx(0.40));
  CHECK(l.risk_level == RiskLevel::kModerate);
  CHECK(l.alerts == std::vector<std::string>{"33.3% commits on weekends (high)", "No break detected in 70 days"});
}

TEST_CASE("Burnout: issue 5 - hours and weekends are the developer's own", "[intelligence][burnout][regression]") {
  // aexy §9.3 item 4. Ana works in +09:00: Mon 08:30, Mon 11:00, Tue 15:00, Wed 17:30 local
  // = Sun 23:30, Mon 02:00, Tue 06:00, Wed 08:30 UTC. Window [2024-01-07, 2024-01-14) UTC.
  testing::MetricWorld world;
  world.Person("ana");
  for (const char* t : {"2024-01-08T08:30:00+09:00", "2024-01-08T11:00:00+09:00", "2024-01-09T15:00:00+09:00",
                        "2024-01-10T17:30:00+09:00"}) {
    world.Commit("ana", t);
  }
  const Window window = testing::Between("2024-01-07T00:00:00Z", "2024-01-14T00:00:00Z");
  // Seed (UTC 09-18, Sat/Sun UTC): 4 of 4 after hours -> 0.25 (high); 1 of 4 on a Sunday = 25 %
  // -> 0.10; risk 0.35, moderate.
  const testing::Built seed(world, kAexy);
  const auto s = intelligence::AssessBurnout(world.ws, seed.ctx, seed.Dev("ana"), window);
  CHECK(s.indicators.after_hours_percentage == Approx(100));
  CHECK(s.indicators.weekend_commits_percentage == Approx(25));
  CHECK(s.risk_score == Approx(0.35));
  // Loupe (local 09-18 Mon-Fri): only 08:30 is outside -> 25 % -> 0.15; no weekend; risk 0.15, low.
  const testing::Built built(world, kLoupe);
  const auto l = intelligence::AssessBurnout(world.ws, built.ctx, built.Dev("ana"), window);
  CHECK(l.indicators.after_hours_percentage == Approx(25));
  CHECK(l.indicators.weekend_commits_percentage == 0);
  CHECK(l.risk_score == Approx(0.15));
  CHECK(l.risk_level == RiskLevel::kLow);
  CHECK(l.indicators.peak_hours == std::vector<int>{8, 11, 15});
}

TEST_CASE("Burnout: the schedule's zone hours and holidays decide", "[intelligence][burnout]") {
  // Ana's schedule: Europe/Berlin (UTC+2 in July), 08-17, Mon-Fri, a holiday on Wed 2024-07-10.
  // Commits (UTC): Mon 06:30 = 08:30 local (inside), Mon 15:30 = 17:30 (after), Wed 10:00 = 12:00
  // on the holiday (a non-working day), Thu 22:30 = Fri 00:30 (after). After hours 2 of 4 = 50 %
  // -> 0.25; non-working days 1 of 4 = 25 % -> 0.10. Today is Mon Jul 15 local (the window ends at
  // Mon 00:00Z = 02:00 local), the last active local date Fri Jul 12: a break in progress -> 0.
  testing::MetricWorld world;
  world.Person("ana");
  auto& schedule = world.Schedule("ana");
  schedule.hours.timezone = "Europe/Berlin";
  schedule.hours.start_hour = 8;
  schedule.hours.end_hour = 17;
  schedule.holidays.push_back({2024, 7, 10});
  for (const char* t : {"2024-07-08T06:30:00Z", "2024-07-08T15:30:00Z", "2024-07-10T10:00:00Z", "2024-07-11T22:30:00Z"}) {
    world.Commit("ana", t);
  }
  const testing::Built built(world, kLoupe);
  const auto a = intelligence::AssessBurnout(world.ws, built.ctx, built.Dev("ana"), testing::WeekOf("2024-07-08"));
  CHECK(a.indicators.after_hours_percentage == Approx(50));
  CHECK(a.indicators.weekend_commits_percentage == Approx(25));
  CHECK(a.indicators.days_since_break == 0);
  CHECK(a.indicators.peak_hours == std::vector<int>{0, 8, 12});
  CHECK(a.risk_score == Approx(0.35));
}

testing::MetricWorld TeamWorld() {
  testing::MetricWorld world;
  world.Person("ana");
  world.Person("bo");
  world.Person("cy");
  for (const char* t : {"2024-01-08T10:00:00Z", "2024-01-08T20:00:00Z", "2024-01-09T23:30:00Z", "2024-01-10T14:00:00Z",
                        "2024-01-13T11:00:00Z", "2024-01-14T08:00:00Z"}) {
    world.Commit("ana", t);
  }
  // Cy: one commit every evening at 22:00Z from 2023-11-01 to 2024-01-14 (75 days).
  for (int64_t d = DaysFromCivil({2023, 11, 1}); d <= DaysFromCivil({2024, 1, 14}); ++d) {
    world.Commit("cy", FormatIsoDate(CivilFromDays(d)) + "T22:00:00Z");
  }
  return world;
}

TEST_CASE("Burnout: a developer's week", "[intelligence][burnout]") {
  // Ana, week of 2024-01-08 (UTC offsets): Mon 10:00, Mon 20:00, Tue 23:30, Wed 14:00, Sat 11:00,
  // Sun 08:00. After hours: 20:00, 23:30, 08:00 = 3 of 6 = 50 % -> 0.25. Weekend: 2 of 6 = 33.3 %
  // -> 0.20. Days since break: the break Jan 11-12 ended 2 days before Jan 14 -> 2. Risk 0.45.
  const testing::MetricWorld world = TeamWorld();
  const testing::Built built(world, kLoupe);
  const auto a = intelligence::AssessBurnout(world.ws, built.ctx, built.Dev("ana"), testing::WeekOf("2024-01-08"));
  CHECK(a.indicators.commits == 6);
  CHECK(a.indicators.active_days == 5);
  CHECK(a.indicators.avg_daily_commits == Approx(1.2));
  CHECK(a.indicators.days_since_break == 2);
  CHECK(a.indicators.peak_hours == std::vector<int>{8, 10, 11});  // all once: the earliest hours
  CHECK(a.indicators.review_quality_trend == "insufficient_data");
  CHECK(a.risk_score == Approx(0.45));
  CHECK(a.risk_level == RiskLevel::kModerate);
  // The week before had no commits (0): +0.45 -> worsening.
  CHECK(a.trend == "worsening");
  JsonWriter w;
  intelligence::WriteJson(w, a);
  CHECK(w.str() ==
        R"({"model":"statistics","risk_score":0.45,"risk_level":"moderate","indicators":{"after_hours_percentage":50,)"
        R"("weekend_commits_percentage":33.3,"avg_daily_commits":1.2,"review_quality_trend":"insufficient_data",)"
        R"("consecutive_high_activity_days":0,"days_since_break":2,"peak_hours":[8,10,11]},)"
        R"x("alerts":["50% commits outside business hours (high)","33.3% commits on weekends (high)"],)x"
        R"("trend":"worsening","previous_risk_score":0,"has_data":true})");
}

TEST_CASE("Burnout: consecutive high-activity days", "[intelligence][burnout]") {
  // 15 commits on Mon, Tue, Wed; 14 on Thu; 15 on Fri -> runs of 3 and 1 -> 3.
  testing::MetricWorld world;
  world.Person("ana");
  const std::vector<std::pair<const char*, int>> days = {
      {"2024-01-08", 15}, {"2024-01-09", 15}, {"2024-01-10", 15}, {"2024-01-11", 14}, {"2024-01-12", 15}};
  for (const auto& [day, n] : days) {
    for (int i = 0; i < n; ++i) {
      char t[40];
      std::snprintf(t, sizeof t, "%sT10:%02d:00Z", day, i);
      world.Commit("ana", t);
    }
  }
  const testing::Built built(world, kLoupe);
  const auto p = intelligence::ComputeWorkPatterns(world.ws, built.ctx, built.Dev("ana"), testing::WeekOf("2024-01-08"));
  CHECK(p.consecutive_high_activity_days == 3);
  CHECK(p.avg_daily_commits == Approx(74.0 / 5));
  CHECK(p.peak_hours == std::vector<int>{10});
}

TEST_CASE("Burnout: review quality trend from review depth", "[intelligence][burnout]") {
  // Six reviews: three of depth 2.6, then three "LGTM" (1.0): (1.0 - 2.6) / 2.6 = -62 % -> declining.
  testing::MetricWorld world;
  world.Person("ana");
  world.Person("bo");
  world.Commit("ana", "2024-01-08T10:00:00Z");
  const auto pr = world.Pr("bo", "2024-01-08T00:00:00Z");
  const char* detailed =
      "Why do we parse twice? Consider caching the result instead:\n```\nauto x = Parse(s);\n```\n"
      "That would also keep the error path in one place for callers.";
  for (int i = 0; i < 6; ++i) {
    const std::string at = "2024-01-0" + std::to_string(8 + i / 3) + "T1" + std::to_string(i) + ":00:00Z";
    world.Review("ana", pr, at, model::ReviewState::kCommented, i < 3 ? 5 : 0, i < 3 ? detailed : "LGTM");
  }
  const testing::Built built(world, kLoupe);
  const auto a = intelligence::AssessBurnout(world.ws, built.ctx, built.Dev("ana"), testing::WeekOf("2024-01-08"));
  CHECK(a.indicators.review_quality_trend == "declining");
  CHECK(a.risk_score == Approx(0.15));
  CHECK(a.alerts == std::vector<std::string>{"Review quality appears to be declining"});
}

TEST_CASE("Burnout: team overview", "[intelligence][burnout]") {
  // Ana 0.45 (moderate, above). Bo has no commits: insufficient data. Cy, week of 2024-01-08:
  // 7 commits at 22:00Z -> 100 % after hours (0.25); Sat and Sun = 2 of 7 = 28.6 % (0.10); no break
  // since 2023-10-31 -> Jan 14 - Oct 31 = 75 days (0.20): 0.55 -> high.
  const testing::MetricWorld world = TeamWorld();
  const testing::Built built(world, kLoupe);
  const std::vector<uint32_t> team = {built.Dev("ana"), built.Dev("bo"), built.Dev("cy")};
  const auto t = intelligence::AssessTeamBurnout(world.ws, built.ctx, team, testing::WeekOf("2024-01-08"));
  CHECK(t.total_developers == 3);
  CHECK(t.insufficient_data == 1);
  CHECK(t.level_counts == std::array<int64_t, 4>{0, 1, 1, 0});
  REQUIRE(t.high_risk.size() == 1);
  CHECK(t.high_risk[0].developer == built.Dev("cy"));
  CHECK(t.high_risk[0].assessment.risk_score == Approx(0.55));
  CHECK(t.high_risk[0].assessment.alerts ==
        std::vector<std::string>{"100% commits outside business hours (high)", "28.6% commits on weekends",
                                 "No break detected in 75 days"});
  // Health over the two assessed members: (70 + 30) / 2 = 50.
  CHECK(t.team_health_score == Approx(50));
  JsonWriter w;
  intelligence::WriteJson(w, t, built.resolution);
  CHECK_THAT(w.str(), Catch::StartsWith(R"({"model":"statistics","total_developers":3,)"
                                        R"("risk_distribution":{"low":0,"moderate":1,"high":1,"critical":0},)"
                                        R"("insufficient_data":1,"risk_percentages":{"low":0,"moderate":50,"high":50,"critical":0},)"
                                        R"("high_risk_developers":[{"developer_id":)"));
  CHECK_THAT(w.str(), Catch::Contains(R"("name":"cy","risk_score":0.55,"risk_level":"high")") &&
                          Catch::EndsWith(R"("team_health_score":50})") && !Catch::Contains("@"));
}

TEST_CASE("Burnout: issue 5 - team health counts only assessed members", "[intelligence][burnout][regression]") {
  // The seed divides by every member, so Bo (nothing to assess) weighs like a critical one. Under
  // aexy-compat Ana's week is 0.45 (her break ended inside the window) and Cy's 0.35 (the window
  // bounds days_since_break to 6): two moderate -> (70 + 70) / 3 = 46.7, where loupe's rule would
  // give 70.
  const testing::MetricWorld world = TeamWorld();
  const testing::Built seed(world, kAexy);
  const std::vector<uint32_t> team = {seed.Dev("ana"), seed.Dev("bo"), seed.Dev("cy")};
  const auto t = intelligence::AssessTeamBurnout(world.ws, seed.ctx, team, testing::WeekOf("2024-01-08"));
  CHECK(t.level_counts == std::array<int64_t, 4>{0, 2, 0, 0});
  CHECK(t.team_health_score == Approx(140.0 / 3));
}

}  // namespace
}  // namespace loupe
