#include "loupe/metrics/rollups/velocity_forecast.h"

#include <catch2/catch.hpp>

#include "engine/metrics/rollups/rollup_world.h"

namespace loupe::metrics {
namespace {

using testing::kDay;
using testing::kMonday;

VelocityPoint Week(int index, int64_t commits, int64_t prs, int64_t lines) {
  const Instant start = kMonday + index * 7 * kDay;
  return {start, start + 7 * kDay, commits, prs, lines};
}

TEST_CASE("ForecastVelocity: newest-weighted mean and confidence", "[metrics][rollups][forecast]") {
  // Three weeks, given newest first: commits 10, 20, 30 oldest -> newest; weights 0.7², 0.7, 1 =
  // 0.49, 0.7, 1 (Σ 2.19).
  // commits: (4.9 + 14 + 30) / 2.19 = 22.33 -> 22.3; PRs 1, 2, 3: (0.49 + 1.4 + 3) / 2.19 = 2.23 -> 2.2;
  // lines 100 each -> 100.0.
  // confidence: base min(3 / 6, 1) = 0.5; commits mean 20, population stdev sqrt(200 / 3) = 8.165,
  // CV 0.408 -> consistency 0.592; 0.5 · 0.6 + 0.592 · 0.4 = 0.537 -> 0.54.
  const std::vector<VelocityPoint> points = {Week(2, 30, 3, 100), Week(1, 20, 2, 100), Week(0, 10, 1, 100)};
  const VelocityForecast f = ForecastVelocity(points);
  CHECK(f.commits == 22.3);
  CHECK(f.prs_merged == 2.2);
  CHECK(f.lines_changed == 100.0);
  CHECK(f.confidence == 0.54);
  CHECK(f.data_points == 3);
  REQUIRE(f.historical.size() == 3);
  CHECK(f.historical.front().commits == 10);  // oldest first
  CHECK(f.historical.back().commits == 30);
}

TEST_CASE("ForecastVelocity: confidence from the amount and steadiness of history", "[metrics][rollups][forecast]") {
  // One week of 7 commits: forecast 7.0; base 1/6, consistency 0.5 (one point says nothing):
  // 0.1 + 0.2 = 0.3.
  const VelocityForecast one = ForecastVelocity(std::vector<VelocityPoint>{Week(0, 7, 0, 0)});
  CHECK(one.commits == 7.0);
  CHECK(one.confidence == 0.3);
  // Two idle weeks: forecast 0, so consistency 0.5: 2/6 · 0.6 + 0.2 = 0.4.
  CHECK(ForecastVelocity(std::vector<VelocityPoint>{Week(0, 0, 0, 0), Week(1, 0, 0, 0)}).confidence == 0.4);
  // Seven steady weeks of 5 commits: base capped at 1, CV 0 -> 0.6 + 0.4 = 1.0.
  std::vector<VelocityPoint> steady;
  for (int i = 0; i < 7; ++i) steady.push_back(Week(i, 5, 1, 50));
  const VelocityForecast s = ForecastVelocity(steady);
  CHECK(s.commits == 5.0);
  CHECK(s.confidence == 1.0);
  // Erratic history: commits 0, 0, 0, 12 -> mean 3, stdev sqrt((9 + 9 + 9 + 81) / 4) = 5.196,
  // CV 1.73 -> consistency 0; base 4/6 -> 0.4. Forecast (0 + 0 + 0 + 12) / (0.343 + 0.49 + 0.7 + 1)
  // = 12 / 2.533 = 4.74 -> 4.7.
  const VelocityForecast erratic =
      ForecastVelocity(std::vector<VelocityPoint>{Week(0, 0, 0, 0), Week(1, 0, 0, 0), Week(2, 0, 0, 0), Week(3, 12, 0, 0)});
  CHECK(erratic.commits == 4.7);
  CHECK(erratic.confidence == 0.4);
}

TEST_CASE("ForecastVelocity: no history forecasts nothing with no confidence", "[metrics][rollups][forecast]") {
  const VelocityForecast f = ForecastVelocity({});
  CHECK(f.commits == 0);
  CHECK(f.confidence == 0);
  CHECK(f.data_points == 0);
  JsonWriter json;
  WriteJson(json, f);
  CHECK(json.str() ==
        "{\"forecast\":{\"commits\":0,\"prs_merged\":0,\"lines_changed\":0},\"confidence\":0,\"data_points\":0,"
        "\"historical\":[]}");
}

}  // namespace
}  // namespace loupe::metrics
