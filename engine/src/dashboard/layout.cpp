#include "loupe/dashboard/layout.h"

#include <algorithm>
#include <numeric>

namespace loupe::dashboard {

bool Overlaps(const Cell& a, const Cell& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

Cell CellsOf(WidgetSize size) {
  switch (size) {
    case WidgetSize::kSmall: return {0, 0, 4, 3};
    case WidgetSize::kMedium: return {0, 0, 6, 4};
    case WidgetSize::kLarge: return {0, 0, 8, 5};
    case WidgetSize::kFull: return {0, 0, kGridColumns, 4};
  }
  return {0, 0, 6, 4};
}

Cell Clamp(Cell c) {
  c.w = std::clamp(c.w, 1, kGridColumns);
  c.h = std::clamp(c.h, 1, kMaxHeight);
  c.x = std::clamp(c.x, 0, kGridColumns - c.w);
  c.y = std::clamp(c.y, 0, kMaxRow);
  return c;
}

Cell FirstFit(const std::vector<Placed>& placed, int w, int h) {
  Cell c = Clamp({0, 0, w, h});
  // Every candidate row is 0 or the bottom of a placed widget; below them all is always free.
  std::vector<int> rows = {0};
  for (const Placed& p : placed) rows.push_back(p.cell.y + p.cell.h);
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  for (int y : rows) {
    for (int x = 0; x + c.w <= kGridColumns; ++x) {
      const Cell candidate{x, y, c.w, c.h};
      const bool free = std::none_of(placed.begin(), placed.end(),
                                     [&](const Placed& p) { return Overlaps(p.cell, candidate); });
      if (free) return candidate;
    }
  }
  return {0, rows.back(), c.w, c.h};  // unreachable: the last row is below every widget
}

void Pack(std::vector<Placed>& widgets) {
  std::vector<Placed> placed;
  placed.reserve(widgets.size());
  for (Placed& w : widgets) {
    w.cell = FirstFit(placed, w.cell.w, w.cell.h);
    placed.push_back(w);
  }
}

void PlaceAndPush(std::vector<Placed>& widgets, size_t anchor, Cell target) {
  widgets[anchor].cell = Clamp(target);
  std::vector<size_t> others(widgets.size());
  std::iota(others.begin(), others.end(), size_t{0});
  others.erase(others.begin() + static_cast<std::ptrdiff_t>(anchor));
  std::stable_sort(others.begin(), others.end(), [&](size_t a, size_t b) {
    const Cell &ca = widgets[a].cell, &cb = widgets[b].cell;
    return ca.y != cb.y ? ca.y < cb.y : ca.x < cb.x;
  });
  std::vector<size_t> settled = {anchor};
  for (size_t i : others) {
    Cell& c = widgets[i].cell;
    // Each pass moves it strictly down, so this ends; the settled widgets never move again.
    for (bool moved = true; moved;) {
      moved = false;
      for (size_t s : settled) {
        const Cell& other = widgets[s].cell;
        if (Overlaps(c, other)) {
          c.y = other.y + other.h;
          moved = true;
        }
      }
    }
    settled.push_back(i);
  }
}

bool IsValidLayout(const std::vector<Placed>& widgets) {
  for (size_t i = 0; i < widgets.size(); ++i) {
    const Cell& c = widgets[i].cell;
    if (c.w < 1 || c.h < 1 || c.x < 0 || c.y < 0 || c.x + c.w > kGridColumns) return false;
    for (size_t j = i + 1; j < widgets.size(); ++j) {
      if (Overlaps(c, widgets[j].cell)) return false;
    }
  }
  return true;
}

}  // namespace loupe::dashboard
