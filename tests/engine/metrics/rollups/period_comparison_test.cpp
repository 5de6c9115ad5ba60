#include "loupe/metrics/rollups/period_comparison.h"

#include <catch2/catch.hpp>

#include "engine/metrics/rollups/rollup_world.h"

namespace loupe::metrics {
namespace {

using namespace loupe::testing;

TEST_CASE("PreviousWindow: the same length right before", "[metrics][rollups][compare]") {
  // Week [Mon 01-08, Mon 01-15) -> [Mon 01-01, Mon 01-08); a 36-hour window -> the 36 hours before.
  CHECK(PreviousWindow(kWeek) == Window{kMonday - 7 * kDay, kMonday});
  CHECK(PreviousWindow({kMonday, kMonday + 36 * kHour}) == Window{kMonday - 36 * kHour, kMonday});
}

TEST_CASE("ComparePeriods: the boundary instant counts once under loupe and twice under aexy-compat", "[metrics][rollups][compare]") {
  // ana commits at Mon 2024-01-08 00:00:00 exactly (the current window's start = the previous
  // window's end), on Sun 01-07 12:00 and on Tue 01-09 12:00.
  // loupe, half-open: current {00:00, Tue} = 2, previous {Sun} = 1 — three commits, three counts.
  // aexy-compat, closed: previous [01-01, 01-08] also holds 00:00 -> 2 and 2 (§9.3.13).
  RollupWorld w;
  const auto ana = w.Person("ana");
  w.Commit(ana, kMonday);
  w.Commit(ana, kMonday - 12 * kHour);
  w.Commit(ana, kMonday + kDay + 12 * kHour);
  w.Build();
  const PeriodComparison loupe = ComparePeriods(w.Ctx(kLoupe), w.Dev(ana), kWeek, PeriodType::kWeekly);
  CHECK(loupe.current.insights.velocity.commits_count == 2);
  CHECK(loupe.previous.insights.velocity.commits_count == 1);
  CHECK(loupe.previous.window == Window{kMonday - 7 * kDay, kMonday});
  const PeriodComparison aexy = ComparePeriods(w.Ctx(kAexy), w.Dev(ana), kWeek, PeriodType::kWeekly);
  CHECK(aexy.current.insights.velocity.commits_count == 2);
  CHECK(aexy.previous.insights.velocity.commits_count == 2);

  JsonWriter json;
  json.BeginObject();
  WriteComparisonFields(json, loupe, w.resolution(), kLoupe);
  json.EndObject();
  CHECK_THAT(json.str(), Catch::Contains("\"raw_counts\":{\"commits\":2,"));
  CHECK_THAT(json.str(), Catch::Contains("\"previous\":{\"developer_id\":" + std::to_string(w.Id(ana)) +
                                         ",\"developer_name\":\"ana\",\"period_start\":\"2024-01-01T00:00:00Z\","
                                         "\"period_end\":\"2024-01-08T00:00:00Z\",\"period_type\":\"weekly\","
                                         "\"velocity\":{\"commits_count\":1,"));
  // Only the current window carries raw_counts, as in the seed's response.
  CHECK(json.str().find("raw_counts") == json.str().rfind("raw_counts"));
}

}  // namespace
}  // namespace loupe::metrics
