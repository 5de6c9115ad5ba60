#include "ui/graph_layout.h"

#include <algorithm>
#include <cmath>

namespace loupe::ui {
namespace {

uint64_t SplitMix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

float Unit(uint64_t& state) { return static_cast<float>(SplitMix(state) >> 40) / static_cast<float>(1ull << 24); }

constexpr int kMaxDepth = 32;

}  // namespace

void ForceLayout::Reset(int node_count, std::span<const LayoutEdge> edges, uint64_t seed,
                        std::span<const ImVec2> initial) {
  const int n = std::max(0, node_count);
  const float k = options_.ideal_length;
  positions_.assign(static_cast<size_t>(n), ImVec2(0, 0));
  displacement_.assign(static_cast<size_t>(n), ImVec2(0, 0));
  edges_.clear();
  for (const LayoutEdge& e : edges) {
    if (e.a == e.b || e.a < 0 || e.b < 0 || e.a >= n || e.b >= n) continue;
    edges_.push_back({e.a, e.b, std::isfinite(e.weight) ? std::clamp(e.weight, 0.01f, 1.0f) : 1.0f});
  }
  uint64_t state = seed;
  const float radius = k * std::sqrt(static_cast<float>(std::max(1, n)));
  int kept = 0;
  for (int i = 0; i < n; ++i) {
    // Drawn for every node, so a node's random start does not depend on which others were kept.
    const float r = radius * std::sqrt(Unit(state)), a = 6.28318531f * Unit(state);
    const bool warm = static_cast<size_t>(i) < initial.size() && std::isfinite(initial[static_cast<size_t>(i)].x) &&
                      std::isfinite(initial[static_cast<size_t>(i)].y);
    positions_[static_cast<size_t>(i)] = warm ? initial[static_cast<size_t>(i)] : ImVec2(r * std::cos(a), r * std::sin(a));
    kept += warm ? 1 : 0;
  }
  initial_temperature_ = 0.1f * k * std::sqrt(static_cast<float>(std::max(1, n)));
  const float fresh = n > 0 ? 1.0f - static_cast<float>(kept) / static_cast<float>(n) : 1.0f;
  temperature_ = initial_temperature_ * std::max(0.15f, fresh);
  steps_ = 0;
  last_max_move_ = 0.0f;
  settled_ = n == 0;
  cells_.reserve(static_cast<size_t>(n) * 4 + 4);
}

void ForceLayout::Reheat(float fraction) {
  if (positions_.empty()) return;
  temperature_ = std::max(temperature_, initial_temperature_ * std::clamp(fraction, 0.0f, 1.0f));
  settled_ = false;
  steps_ = std::min(steps_, options_.max_steps / 2);
}

void ForceLayout::BuildTree() {
  cells_.clear();
  float x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
  for (const ImVec2& p : positions_) {
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  }
  Cell root;
  root.size = std::max(std::max(x1 - x0, y1 - y0), 1e-3f) * 1.0001f;
  root.x0 = x0, root.y0 = y0;
  cells_.push_back(root);
  for (int i = 0; i < static_cast<int>(positions_.size()); ++i) Insert(i);
  // Sums of mass-weighted positions become centres of mass.
  for (Cell& c : cells_) {
    if (c.mass > 0) c.cx /= c.mass, c.cy /= c.mass;
  }
}

void ForceLayout::Insert(int body) {
  const ImVec2 p = positions_[static_cast<size_t>(body)];
  int cell = 0;
  for (int depth = 0;; ++depth) {
    Cell& c = cells_[static_cast<size_t>(cell)];
    c.cx += p.x, c.cy += p.y, c.mass += 1.0f;
    if (c.child < 0) {
      if (c.body < 0 && c.mass == 1.0f) {
        c.body = body;
        return;
      }
      if (depth >= kMaxDepth) return;  // coincident points share the leaf's mass
      // Split: push the resident body one level down.
      const int resident = c.body;
      const float half = c.size * 0.5f, cx0 = c.x0, cy0 = c.y0;
      const int first = static_cast<int>(cells_.size());
      c.child = first;
      c.body = -1;
      for (int q = 0; q < 4; ++q) {
        Cell child;
        child.size = half;
        child.x0 = cx0 + ((q & 1) ? half : 0.0f);
        child.y0 = cy0 + ((q & 2) ? half : 0.0f);
        cells_.push_back(child);
      }
      if (resident >= 0) {
        const ImVec2 r = positions_[static_cast<size_t>(resident)];
        const int q = (r.x >= cx0 + half ? 1 : 0) | (r.y >= cy0 + half ? 2 : 0);
        Cell& rc = cells_[static_cast<size_t>(first + q)];
        rc.cx = r.x, rc.cy = r.y, rc.mass = 1.0f, rc.body = resident;
      }
    }
    const Cell& cc = cells_[static_cast<size_t>(cell)];
    const float half = cc.size * 0.5f;
    const int q = (p.x >= cc.x0 + half ? 1 : 0) | (p.y >= cc.y0 + half ? 2 : 0);
    cell = cc.child + q;
  }
}

ImVec2 ForceLayout::Repulsion(int body) const {
  const ImVec2 p = positions_[static_cast<size_t>(body)];
  const float k2 = options_.ideal_length * options_.ideal_length;
  const float theta2 = options_.theta * options_.theta;
  const float min_d2 = k2 * 1e-4f;
  float fx = 0.0f, fy = 0.0f;
  // Depth-first over the tree: at most 3 pending siblings per level.
  int stack[4 * kMaxDepth + 8];
  int top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const Cell& c = cells_[static_cast<size_t>(stack[--top])];
    if (c.mass <= 0.0f || c.body == body) continue;
    const float dx = p.x - c.cx, dy = p.y - c.cy;
    const float d2 = dx * dx + dy * dy;
    if (c.child < 0 || c.size * c.size < theta2 * d2) {
      if (d2 < min_d2) continue;  // coincident: nothing sensible to push along
      const float f = c.mass * k2 / d2;
      fx += dx * f, fy += dy * f;
      continue;
    }
    for (int q = 0; q < 4; ++q) stack[top++] = c.child + q;
  }
  return ImVec2(fx, fy);
}

bool ForceLayout::Step() {
  if (settled_) return false;
  const int n = static_cast<int>(positions_.size());
  const float k = options_.ideal_length;
  BuildTree();
  for (int i = 0; i < n; ++i) displacement_[static_cast<size_t>(i)] = Repulsion(i);
  for (const LayoutEdge& e : edges_) {
    ImVec2& pa = positions_[static_cast<size_t>(e.a)];
    ImVec2& pb = positions_[static_cast<size_t>(e.b)];
    const float dx = pa.x - pb.x, dy = pa.y - pb.y;
    const float d = std::sqrt(dx * dx + dy * dy);
    const float f = e.weight * d / k;  // |F| = w·d²/k, along (dx, dy)/d
    displacement_[static_cast<size_t>(e.a)].x -= dx * f, displacement_[static_cast<size_t>(e.a)].y -= dy * f;
    displacement_[static_cast<size_t>(e.b)].x += dx * f, displacement_[static_cast<size_t>(e.b)].y += dy * f;
  }
  float max_move = 0.0f;
  for (int i = 0; i < n; ++i) {
    ImVec2& p = positions_[static_cast<size_t>(i)];
    ImVec2 d = displacement_[static_cast<size_t>(i)];
    d.x -= options_.gravity * p.x, d.y -= options_.gravity * p.y;
    const float len = std::sqrt(d.x * d.x + d.y * d.y);
    if (!(len > 0.0f) || !std::isfinite(len)) continue;
    const float move = std::min(len, temperature_);
    p.x += d.x / len * move, p.y += d.y / len * move;
    max_move = std::max(max_move, move);
  }
  last_max_move_ = max_move;
  temperature_ *= options_.cooling;
  ++steps_;
  const float settle = options_.settle_ratio * k;
  if (temperature_ < settle || max_move < settle || steps_ >= options_.max_steps) settled_ = true;
  return true;
}

}  // namespace loupe::ui
