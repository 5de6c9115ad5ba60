#include "app/bench.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <utility>

#include "app/app.h"
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
  current_.running = graph_->Animating();  // before this frame's step: the step it takes moves it
  graph_->Draw("bench-graph", ImVec2(-1, -1));
  ImGui::End();
  current_.step_us = graph_->LastStepMicros();
  current_.drawlist_us = graph_->LastDrawMicros();
}

void BenchScene::RecordFrameTimes(double build_ms, double upload_us, double draw_us) {
  current_.build_us = build_ms * 1000.0;
  current_.upload_us = upload_us;
  current_.drawcalls_us = draw_us;
  samples_.push_back(current_);
}

std::string BenchScene::StateJson() const {
  const auto phase = [&](bool running) {
    std::vector<std::vector<double>> columns(6);
    for (const Sample& s : samples_) {
      if (s.running != running) continue;
      const double values[] = {s.build_us + s.upload_us + s.drawcalls_us, s.build_us, s.step_us, s.drawlist_us,
                               s.upload_us, s.drawcalls_us};
      for (size_t c = 0; c < columns.size(); ++c) columns[c].push_back(values[c]);
    }
    static const char* kNames[] = {"ours", "build", "step", "drawlist", "upload", "drawcalls"};
    std::string out = "{\"frames\":" + std::to_string(columns[0].size());
    for (size_t c = 0; c < columns.size(); ++c) {
      const std::vector<double>& v = columns[c];
      const double median = Median(v);
      double mean = 0;
      for (double x : v) mean += x / static_cast<double>(v.size());
      char text[96];
      std::snprintf(text, sizeof text, ",\"median_%s_us\":%.1f,\"mean_%s_us\":%.1f", kNames[c], median, kNames[c], mean);
      out += text;
    }
    return out + "}";
  };
  return "{\"nodes\":" + std::to_string(nodes_) + ",\"edges\":" + std::to_string(edges_) +
         ",\"gpu\":" + (graph_->UsesGpu() ? "true" : "false") + ",\"settled\":" +
         (graph_->Animating() ? "false" : "true") + ",\"running\":" + phase(true) +
         ",\"settled_frames\":" + phase(false) + "}";
}

}  // namespace loupe::app
