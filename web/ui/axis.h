// ui/axis.h — what a chart's axes say: "nice" tick values (steps of 1, 2 or 5 × 10^k), number
// labels that stay short (1.2k, 3.4M, 42%, 1.5h) and the thinning of category or date labels so
// that no two overlap at a given pixel width. Pure functions; nothing here draws.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace loupe::ui {

//! Ticks of one value axis.
struct AxisTicks {
  double min = 0.0;            //!< the axis range, widened to whole steps around the data
  double max = 1.0;
  double step = 0.2;           //!< distance between ticks: 1, 2 or 5 × 10^k
  std::vector<double> values;  //!< min, min + step, …, max (exact zero where the axis crosses it)
};

//! Heckbert's nice numbers: the range [lo, hi] widened to whole multiples of a 1-2-5 step chosen
//! so that about `target_count` ticks cover it (0..97 with 5 → 0, 20, …, 100). Never fails: lo and
//! hi may come in either order; an empty range (lo == hi) is widened around the value (0 → 0..1);
//! NaN or infinite bounds give 0..1; target_count is clamped to 2..50.
AxisTicks NiceTicks(double lo, double hi, int target_count);

//! The 1-2-5 number nearest to x (round) or the smallest one ≥ x (!round); x > 0.
double NiceNumber(double x, bool round);

//! How a value is written.
enum class NumberFormat {
  kCompact,   //!< 950, 1.2k, 34k, 3.4M, 1.2B; small values with 2 significant digits (0.012)
  kPlain,     //!< every digit, thousands grouped: 12,345 or 0.25 (tooltips' exact values)
  kPercent,   //!< the value is a percentage already: 42.5 → "42.5%"
  kFraction,  //!< the value is a fraction shown as a percentage: 0.425 → "42.5%"
  kHours,     //!< the value is hours: 0.75 → "45m", 1.5 → "1.5h", 60 → "2.5d"
};

//! `value` written in `format`. decimals < 0 picks them (at most 2 significant decimals, trailing
//! zeros dropped); NaN is "–" and infinities are "∞" / "-∞".
std::string FormatNumber(double value, NumberFormat format = NumberFormat::kCompact, int decimals = -1);

//! A tick label: like FormatNumber, with as many decimals as the tick step needs to tell
//! neighbours apart (step 0.25 → "0.25", "0.5"; step 250 in thousands → "1.25k").
std::string FormatTick(double value, double step, NumberFormat format);

//! Decimals needed to write multiples of `step` exactly (5 → 0, 0.5 → 1, 0.25 → 2); at most 9.
int DecimalsForStep(double step);

//! The smallest k ≥ 1 such that every k-th label of a row of labels `spacing_px` apart, each at
//! most `label_px` wide, leaves at least `gap_px` between neighbours. Labels that fit give 1.
int LabelStride(float spacing_px, float label_px, float gap_px);

//! Which labels to draw, greedily from the first: a label is kept when it starts at least `gap_px`
//! after the last kept one ends and lies inside [lo, hi]. `centers` ascend; `widths` are the
//! labels' pixel widths (same length). Returns the kept indices in ascending order.
std::vector<int> ThinLabels(std::span<const float> centers, std::span<const float> widths, float gap_px, float lo,
                            float hi);

}  // namespace loupe::ui
