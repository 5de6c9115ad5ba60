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
  //! The whole frame's costs of our code, once it is rendered (App::RecordFrameTimes).
  void RecordFrameTimes(double build_ms, double upload_us, double draw_us);
  //! {nodes, edges, gpu, settled, running{…}, settled_frames{…}}: per phase (the layout still
  //! moving, or settled) the frames seen and the median and mean of each cost, in µs: ours
  //! (build + upload + draw calls), build (the ImGui frame, layout and draw lists included),
  //! step (the layout), drawlist (the graph's draw-list or GPU update), upload, drawcalls.
  std::string StateJson() const;

 private:
  struct Sample {
    bool running = false;
    double step_us = 0, drawlist_us = 0, build_us = 0, upload_us = 0, drawcalls_us = 0;
  };
  std::unique_ptr<ui::NetworkGraph> graph_;
  std::vector<Sample> samples_;  //!< every frame since the scene opened (a bench is minutes long)
  Sample current_;
  int nodes_ = 0, edges_ = 0;
};

}  // namespace loupe::app
