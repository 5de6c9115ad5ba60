#include "loupe/metrics/rollups/developer_comparison.h"

#include <catch2/catch.hpp>

#include "engine/metrics/rollups/rollup_world.h"

namespace loupe::metrics {
namespace {

using namespace loupe::testing;

TEST_CASE("CompareDevelopers: at most ten developers side by side", "[metrics][rollups][compare]") {
  // Eleven developers with 1..11 commits in the week.
  RollupWorld w;
  std::vector<model::IdentityId> people;
  for (int i = 0; i < 11; ++i) {
    people.push_back(w.Person("dev" + std::to_string(i)));
    for (int k = 0; k <= i; ++k) w.Commit(people.back(), kMonday + 10 * kHour + k * 60);
  }
  w.Build();
  std::vector<uint32_t> devs;
  for (auto p : people) devs.push_back(w.Dev(p));
  const MetricContext ctx = w.Ctx(kLoupe);

  auto eleven = CompareDevelopers(ctx, devs, kWeek, PeriodType::kWeekly);
  REQUIRE_FALSE(eleven.ok());
  CHECK(eleven.status().code() == StatusCode::kInvalidInput);
  CHECK_THAT(eleven.status().message(), Catch::Contains("at most 10 developers"));
  CHECK_THAT(eleven.status().message(), Catch::Contains("got 11"));

  auto ten = CompareDevelopers(ctx, std::span(devs).first(10), kWeek, PeriodType::kWeekly);
  REQUIRE(ten.ok());
  REQUIRE(ten->size() == 10);
  CHECK((*ten)[0].insights.velocity.commits_count == 1);  // in the order given
  CHECK((*ten)[9].insights.velocity.commits_count == 10);

  // The same developer named twice is one column, so these are 10 distinct and allowed.
  std::vector<uint32_t> repeated(devs.begin(), devs.begin() + 10);
  repeated.push_back(devs[0]);
  auto with_repeat = CompareDevelopers(ctx, repeated, kWeek, PeriodType::kWeekly);
  REQUIRE(with_repeat.ok());
  CHECK(with_repeat->size() == 10);

  CHECK_FALSE(CompareDevelopers(ctx, {}, kWeek, PeriodType::kWeekly).ok());
}

TEST_CASE("CompareDevelopers: JSON is an array of developer insights", "[metrics][rollups][compare]") {
  RollupWorld w;
  const auto ana = w.Person("ana"), bob = w.Person("bob");
  w.Commit(ana, kMonday + 10 * kHour);
  w.Build();
  auto reports = CompareDevelopers(w.Ctx(kAexy), std::vector<uint32_t>{w.Dev(ana), w.Dev(bob)}, kWeek, PeriodType::kWeekly);
  REQUIRE(reports.ok());
  JsonWriter json;
  WriteJson(json, *reports, w.resolution(), kAexy);
  const std::string& s = json.str();
  CHECK_THAT(s, Catch::StartsWith("[{\"developer_id\":" + std::to_string(w.Id(ana)) +
                                  ",\"developer_name\":\"ana\",\"period_start\":\"2024-01-08T00:00:00Z\","
                                  "\"period_end\":\"2024-01-15T00:00:00Z\",\"period_type\":\"weekly\","
                                  "\"velocity\":{\"commits_count\":1,"));
  CHECK_THAT(s, Catch::Contains("},{\"developer_id\":" + std::to_string(w.Id(bob))));
  CHECK_THAT(s, Catch::Contains("\"raw_counts\":{\"commits\":0,"));
}

}  // namespace
}  // namespace loupe::metrics
