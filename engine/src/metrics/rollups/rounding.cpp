#include "loupe/metrics/rollups/rounding.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace loupe::metrics {

double RoundHalfEven(double value, int decimals) {
  if (!std::isfinite(value)) return value;
  // printf rounds the exact binary value with ties to even, which is what Python's round() does;
  // arithmetic like floor(x·100 + 0.5) would round 2.675 (really 2.67499…) up.
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return std::strtod(buf, nullptr);
}

}  // namespace loupe::metrics
