// loupe/dashboard/layout.h — widgets on the dashboard's 12-column grid: default cell sizes,
// first-fit packing, and moves and resizes that push colliding widgets down, so that no two
// widgets ever overlap (docs/dashboard.md, "The grid").
#pragma once
#include <string>
#include <vector>

#include "loupe/dashboard/registry.h"

namespace loupe::dashboard {

inline constexpr int kGridColumns = 12;
inline constexpr int kMaxHeight = 12;  //!< rows one widget may span
inline constexpr int kMaxRow = 1000;   //!< the lowest row a widget may start on

//! A rectangle of grid cells: columns [x, x + w), rows [y, y + h).
struct Cell {
  int x = 0, y = 0, w = 1, h = 1;
  friend bool operator==(const Cell&, const Cell&) = default;
};

bool Overlaps(const Cell& a, const Cell& b);

//! A named size's cells: small 4×3, medium 6×4, large 8×5, full 12×4.
Cell CellsOf(WidgetSize size);

//! One visible widget on the grid.
struct Placed {
  std::string id;
  WidgetSize size = WidgetSize::kMedium;  //!< the last named size it was given
  Cell cell;
  friend bool operator==(const Placed&, const Placed&) = default;
};

//! w in 1..12, h in 1..kMaxHeight, x in 0..12-w, y in 0..kMaxRow.
Cell Clamp(Cell cell);

//! The first position (lowest row, then leftmost column) where a w×h block overlaps none of
//! `placed`.
Cell FirstFit(const std::vector<Placed>& placed, int w, int h);

//! Places every widget in order at its first fit, keeping its w and h (a preset's default layout
//! and the layout after a reorder).
void Pack(std::vector<Placed>& widgets);

//! Puts widgets[anchor] at `target` (clamped), then pushes every widget that would overlap down:
//! the others are visited from the top (row, then column, then order) and each moves down just
//! below the lowest widget it overlaps until it overlaps none. Widgets that overlap nothing stay.
void PlaceAndPush(std::vector<Placed>& widgets, size_t anchor, Cell target);

//! No two widgets overlap and every cell is within the grid.
bool IsValidLayout(const std::vector<Placed>& widgets);

}  // namespace loupe::dashboard
