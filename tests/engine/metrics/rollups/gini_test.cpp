#include "loupe/metrics/rollups/gini.h"

#include <vector>

#include <catch2/catch.hpp>

namespace loupe::metrics {
namespace {

constexpr auto kLoupe = MetricProfile::kLoupe;
constexpr auto kAexy = MetricProfile::kAexyCompat;

TEST_CASE("Gini: one of four doing everything is 0.75 uncorrected and 1.0 corrected", "[metrics][rollups][gini]") {
  // Loads [0, 0, 0, 100], sorted already. Σ (2i − n − 1)·x_i = (2·4 − 4 − 1)·100 = 300;
  // n·Σx = 4·100 = 400 -> 0.75 (Aexy's maximum for four people). loupe: 0.75 · 4/3 = 1.0.
  const std::vector<double> loads = {0, 0, 0, 100};
  CHECK(Gini(loads, kAexy) == Approx(0.75));
  CHECK(Gini(loads, kLoupe) == Approx(1.0));
}

TEST_CASE("Gini: a graded spread in any order", "[metrics][rollups][gini]") {
  // Sorted [1, 2, 3, 4]: Σ (2i − 5)·x_i = −3·1 − 1·2 + 1·3 + 3·4 = 10; n·Σx = 4·10 = 40 -> 0.25.
  // loupe: 0.25 · 4/3 = 0.3333. Input order does not matter.
  const std::vector<double> loads = {4, 1, 3, 2};
  CHECK(Gini(loads, kAexy) == Approx(0.25));
  CHECK(Gini(loads, kLoupe) == Approx(1.0 / 3.0));
}

TEST_CASE("Gini: equal, empty, all-zero and single loads are perfectly even", "[metrics][rollups][gini]") {
  for (auto profile : {kLoupe, kAexy}) {
    CHECK(Gini(std::vector<double>{10, 10, 10, 10}, profile) == 0);
    CHECK(Gini(std::vector<double>{}, profile) == 0);
    CHECK(Gini(std::vector<double>{0, 0, 0}, profile) == 0);
    CHECK(Gini(std::vector<double>{42}, profile) == 0);  // n/(n−1) would divide by zero
  }
}

}  // namespace
}  // namespace loupe::metrics
