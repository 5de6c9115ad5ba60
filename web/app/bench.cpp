#include "app/bench.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "ui/graph.h"
#include "ui/graph_gl.h"

namespace loupe::app {
namespace {

// SplitMix64: small, fast and the same on every target.
struct Rng {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
};

}  // namespace

void GenerateBenchNetwork(int nodes, int edges, uint64_t seed, std::vector<BenchNode>& out_nodes,
                          std::vector<BenchEdge>& out_edges) {
  nodes = std::max(2, nodes);
  const int64_t possible = static_cast<int64_t>(nodes) * (nodes - 1) / 2;
  edges = static_cast<int>(std::min<int64_t>(std::max(0, edges), possible));
  Rng rng{seed};
  constexpr int kTeamSize = 25;
  const int teams = std::max(1, (nodes + kTeamSize - 1) / kTeamSize);
  out_nodes.clear();
  out_edges.clear();
  for (int i = 0; i < nodes; ++i) {
    out_nodes.push_back({"dev-" + std::to_string(i), 1.0, i % teams});
  }
  std::set<std::pair<int, int>> seen;
  while (static_cast<int>(out_edges.size()) < edges) {
    const int a = rng.Below(nodes);
    int b;
    if (rng.Uniform() < 0.8) {
      // A teammate: same i % teams.
      const int members = (nodes - 1 - (a % teams)) / teams + 1;
      b = (a % teams) + teams * rng.Below(members);
    } else {
      b = rng.Below(nodes);
    }
    if (a == b) continue;
    const auto key = std::minmax(a, b);
    if (!seen.insert(key).second) {
      if (static_cast<int64_t>(seen.size()) >= possible) break;
      continue;
    }
    // Pareto-like weights: most pairs interact a little, a few a lot.
    const double weight = std::floor(1.0 / std::pow(1.0 - rng.Uniform() * 0.999, 1.2));
    out_edges.push_back({key.first, key.second, weight});
    out_nodes[key.first].weight += weight;
    out_nodes[key.second].weight += weight;
  }
}

BenchScene::BenchScene(int nodes, int edges) : graph_(std::make_unique<ui::NetworkGraph>()) {
  std::vector<BenchNode> bench_nodes;
  std::vector<BenchEdge> bench_edges;
  GenerateBenchNetwork(nodes, edges, /*seed=*/42, bench_nodes, bench_edges);
  double strongest = 1;
  for (const BenchEdge& e : bench_edges) strongest = std::max(strongest, e.weight);
  std::vector<ui::GraphNode> graph_nodes;
  std::vector<ui::GraphEdge> graph_edges;
  for (size_t i = 0; i < bench_nodes.size(); ++i) {
    graph_nodes.push_back({std::to_string(i), bench_nodes[i].label, bench_nodes[i].weight, bench_nodes[i].group});
  }
  for (const BenchEdge& e : bench_edges) {
    graph_edges.push_back({std::to_string(e.source), std::to_string(e.target), e.weight / strongest});
  }
#ifdef __EMSCRIPTEN__
  graph_->SetGpu(ui::CreateWebGl2GraphGpu());
#endif
  graph_->SetGraph(graph_nodes, graph_edges, /*seed=*/7);
  nodes_ = graph_->NodeCount();
  edges_ = graph_->EdgeCount();
}

BenchScene::~BenchScene() = default;

void BenchScene::Frame() {
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("##bench", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
  ImGui::Text("Collaboration graph benchmark: %d nodes, %d edges", nodes_, edges_);
  graph_->Draw("bench-graph", ImVec2(-1, -1));
  ImGui::End();
  constexpr size_t kKeep = 600;
  if (step_us_.size() >= kKeep) {
    step_us_.erase(step_us_.begin());
    draw_us_.erase(draw_us_.begin());
  }
  step_us_.push_back(graph_->LastStepMicros());
  draw_us_.push_back(graph_->LastDrawMicros());
}

std::string BenchScene::StateJson() const {
  auto median = [](std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
  };
  return "{\"nodes\":" + std::to_string(nodes_) + ",\"edges\":" + std::to_string(edges_) +
         ",\"median_step_us\":" + std::to_string(median(step_us_)) +
         ",\"median_draw_us\":" + std::to_string(median(draw_us_)) +
         ",\"settled\":" + (graph_->Animating() ? "false" : "true") + ",\"gpu\":" + (graph_->UsesGpu() ? "true" : "false") +
         "}";
}

}  // namespace loupe::app
