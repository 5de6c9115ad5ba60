#include "loupe/metrics/rollups/ranking.h"

#include <vector>

#include <catch2/catch.hpp>

#include "loupe/metrics/rollups/rounding.h"

namespace loupe::metrics {
namespace {

TEST_CASE("Ranks: ties share a rank under loupe and take input order under aexy-compat", "[metrics][rollups][ranking]") {
  // Values 5, 7, 5, 3, higher is better: 7 is first; the two 5s are next; 3 is last.
  // Shared (competition) ranks: 2, 1, 2, 4. Positional: the first 5 is 2nd, the second 5 is 3rd.
  const std::vector<double> values = {5, 7, 5, 3};
  CHECK(Ranks(values, false, TieRule::kShared) == std::vector<int64_t>{2, 1, 2, 4});
  CHECK(Ranks(values, false, TieRule::kPositional) == std::vector<int64_t>{2, 1, 3, 4});
  CHECK(LeaderboardTieRule(MetricProfile::kLoupe) == TieRule::kShared);
  CHECK(LeaderboardTieRule(MetricProfile::kAexyCompat) == TieRule::kPositional);
}

TEST_CASE("Ranks: lower is better reverses the order", "[metrics][rollups][ranking]") {
  // Cycle times 5, 7, 5, 3 hours: 3 is best, then the 5s, then 7.
  const std::vector<double> values = {5, 7, 5, 3};
  CHECK(Ranks(values, true, TieRule::kShared) == std::vector<int64_t>{2, 4, 2, 1});
  CHECK(Ranks(values, true, TieRule::kPositional) == std::vector<int64_t>{2, 4, 3, 1});
}

TEST_CASE("Median: the middle value or the mean of the two middle ones", "[metrics][rollups][ranking]") {
  CHECK(Median({3, 1, 2}) == 2);
  CHECK(Median({4, 1, 3, 2}) == 2.5);  // (2 + 3) / 2
  CHECK(Median({}) == 0);
}

TEST_CASE("RoundHalfEven: rounds the exact binary value with ties to even like Python", "[metrics][rollups][rounding]") {
  CHECK(RoundHalfEven(2.675, 2) == 2.67);  // 2.675 is really 2.67499999…
  CHECK(RoundHalfEven(0.125, 2) == 0.12);  // an exact tie goes to the even digit
  CHECK(RoundHalfEven(0.375, 2) == 0.38);
  CHECK(RoundHalfEven(0.5, 0) == 0);
  CHECK(RoundHalfEven(1.5, 0) == 2);
  CHECK(RoundHalfEven(2.5, 0) == 2);
  CHECK(RoundHalfEven(36.681159420289855, 1) == 36.7);
}

}  // namespace
}  // namespace loupe::metrics
