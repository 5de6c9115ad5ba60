// loupe/metrics/rollups/rounding.h — rounding as the seed's Python rounds, for values that are
// rounded before they are combined (health score categories, percentiles, forecasts).
#pragma once

namespace loupe::metrics {

//! `value` rounded to `decimals` places, ties to even on the exact binary value: Python's
//! round(x, n) (so 2.675 → 2.67 and 0.5 → 0). Non-finite values come back unchanged.
double RoundHalfEven(double value, int decimals);

}  // namespace loupe::metrics
