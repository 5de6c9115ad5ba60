// web/app/bench.h — the frame-time benchmark's scene (#/bench/graph?nodes=N&edges=E): a generated
// collaboration network drawn full-window while its layout runs (bench/run_dashboard_bench.mjs).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "imgui.h"

namespace loupe::ui {
class NetworkGraph;
}

namespace loupe::app {

struct BenchNode {
  std::string label;
  double weight = 1;
  int group = 0;
};
struct BenchEdge {
  int source = 0, target = 0;
  double weight = 1;
};

//! A deterministic network shaped like a company's: teams of about 25, four in five edges inside
//! a team, weights skewed (a few strong pairs, many weak ones), no self-loops or duplicate pairs.
void GenerateBenchNetwork(int nodes, int edges, uint64_t seed, std::vector<BenchNode>& out_nodes,
                          std::vector<BenchEdge>& out_edges);

//! The scene: the generated network in a full-window NetworkGraph (WebGL2 path in the browser),
//! drawn every frame; the graph's own timings are kept for the benchmark.
class BenchScene {
 public:
  BenchScene(int nodes, int edges);
  ~BenchScene();
  void Frame();
  //! {nodes, edges, median_step_us, median_draw_us, settled, gpu}
  std::string StateJson() const;

 private:
  std::unique_ptr<ui::NetworkGraph> graph_;
  std::vector<double> step_us_, draw_us_;
  int nodes_ = 0, edges_ = 0;
};

}  // namespace loupe::app
