#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "imgui_frame.h"
#include "ui/graph.h"
#include "ui/graph_layout.h"

namespace loupe::ui {
namespace {

using testing::Capture;
using testing::HeadlessImGui;
using testing::Input;
using testing::VerticesOutside;

float Distance(ImVec2 a, ImVec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Two cliques of 10 nodes (0..9 and 10..19) joined by one edge 0 - 10.
std::vector<LayoutEdge> TwoClusters() {
  std::vector<LayoutEdge> edges;
  for (int c = 0; c < 2; ++c) {
    for (int i = 0; i < 10; ++i) {
      for (int j = i + 1; j < 10; ++j) edges.push_back({c * 10 + i, c * 10 + j, 1.0f});
    }
  }
  edges.push_back({0, 10, 1.0f});
  return edges;
}

void Settle(ForceLayout& layout) {
  while (layout.Step()) {
  }
}

// n nodes and m edges with a few communities, from a fixed linear congruential sequence.
void Collaboration(int n, int m, std::vector<GraphNode>& nodes, std::vector<GraphEdge>& edges) {
  uint64_t s = 7;
  auto next = [&]() {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<int>(s >> 33);
  };
  for (int i = 0; i < n; ++i) nodes.push_back({"dev" + std::to_string(i), "Developer " + std::to_string(i), 1.0 + next() % 50, i / 100});
  for (int e = 0; e < m; ++e) {
    const int a = next() % n;
    const int b = next() % 10 < 9 ? (a / 100) * 100 + next() % 100 : next() % n;
    edges.push_back({nodes[static_cast<size_t>(a)].id, nodes[static_cast<size_t>(b % n)].id, (next() % 100) / 100.0});
  }
}

TEST_CASE("ForceLayout: the same seed gives the same positions, another seed others", "[ui][graph]") {
  const auto edges = TwoClusters();
  ForceLayout a, b, c;
  a.Reset(20, edges, 42);
  b.Reset(20, edges, 42);
  c.Reset(20, edges, 43);
  for (int i = 0; i < 50; ++i) a.Step(), b.Step(), c.Step();
  bool same = true, different = false;
  for (int i = 0; i < 20; ++i) {
    same = same && a.Positions()[i].x == b.Positions()[i].x && a.Positions()[i].y == b.Positions()[i].y;
    different = different || a.Positions()[i].x != c.Positions()[i].x;
  }
  CHECK(same);
  CHECK(different);
}

TEST_CASE("ForceLayout: connected nodes end closer than unconnected ones", "[ui][graph]") {
  ForceLayout layout;
  layout.Reset(20, TwoClusters(), 1);
  Settle(layout);
  CHECK(layout.Settled());
  CHECK(layout.Steps() < layout.Options().max_steps);  // it cooled down, it was not cut off
  const auto p = layout.Positions();
  double intra = 0, inter = 0;
  int ni = 0, nx = 0;
  for (int i = 0; i < 20; ++i) {
    for (int j = i + 1; j < 20; ++j) {
      const bool same = (i < 10) == (j < 10);
      (same ? intra : inter) += Distance(p[i], p[j]);
      ++(same ? ni : nx);
    }
  }
  intra /= ni, inter /= nx;
  INFO("mean distance inside a cluster " << intra << ", across " << inter);
  CHECK(intra * 2 < inter);
  // The bridge pulls its ends towards each other: 0 - 10 is the shortest cross-cluster pair.
  float bridge = Distance(p[0], p[10]), shortest_other = INFINITY;
  for (int i = 1; i < 10; ++i) {
    for (int j = 11; j < 20; ++j) shortest_other = std::min(shortest_other, Distance(p[i], p[j]));
  }
  CHECK(bridge < shortest_other);
}

TEST_CASE("ForceLayout: isolated nodes stay near the rest and nothing is NaN", "[ui][graph]") {
  std::vector<LayoutEdge> edges = TwoClusters();
  edges.push_back({3, 3, 1.0f});   // self-loop: ignored
  edges.push_back({3, 99, 1.0f});  // out of range: ignored
  ForceLayout layout;
  layout.Reset(25, edges, 5);  // nodes 20..24 have no edges
  Settle(layout);
  float max_r = 0.0f;
  for (const ImVec2& q : layout.Positions()) {
    REQUIRE(std::isfinite(q.x));
    REQUIRE(std::isfinite(q.y));
    max_r = std::max(max_r, std::hypot(q.x, q.y));
  }
  CHECK(max_r < layout.Options().ideal_length * 20);
  // Degenerate graphs.
  ForceLayout none;
  none.Reset(0, {}, 1);
  CHECK(none.Settled());
  CHECK_FALSE(none.Step());
  ForceLayout one;
  one.Reset(1, {}, 1);
  Settle(one);
  CHECK(std::isfinite(one.Positions()[0].x));
}

TEST_CASE("ForceLayout: a warm start keeps positions and starts cooler", "[ui][graph]") {
  ForceLayout layout;
  layout.Reset(20, TwoClusters(), 1);
  Settle(layout);
  const std::vector<ImVec2> settled(layout.Positions().begin(), layout.Positions().end());
  const float cold = layout.Options().ideal_length * 0.1f * std::sqrt(20.0f);
  ForceLayout warm;
  warm.Reset(20, TwoClusters(), 9, settled);
  CHECK(warm.Temperature() < cold * 0.2f);
  CHECK(warm.Positions()[7].x == settled[7].x);
}

TEST_CASE("NetworkGraph: ids resolve, bad edges are dropped and counted", "[ui][graph]") {
  const std::vector<GraphNode> nodes = {{"a", "Ana", 3, 0}, {"b", "Bob", 1, 1}, {"c", "Cy", 2, 0}, {"a", "again", 9, 2}};
  const std::vector<GraphEdge> edges = {{"a", "b", 0.5}, {"b", "c", 1.0}, {"a", "zed", 1.0}, {"c", "c", 1.0}};
  NetworkGraph g;
  g.SetGraph(nodes, edges);
  CHECK(g.NodeCount() == 3);  // the second "a" is dropped
  CHECK(g.EdgeCount() == 2);
  CHECK(g.DroppedEdges() == 2);
  CHECK(g.FindNode("c") == 2);
  CHECK(g.Node(0).label == "Ana");
  // Refreshing keeps the layout where it was for the nodes that stay.
  while (g.Step()) {
  }
  const ImVec2 b = g.Layout().Positions()[1];
  const std::vector<GraphNode> more = {{"b", "Bob", 1, 1}, {"d", "Dee", 1, 0}};
  g.SetGraph(more, {});
  CHECK(g.Layout().Positions()[0].x == b.x);
  CHECK(g.Layout().Positions()[0].y == b.y);
}

TEST_CASE("NetworkGraph: 1,000 nodes and 10,000 edges in one batch of 4 vertices per edge", "[ui][graph]") {
  HeadlessImGui imgui;
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
  Collaboration(1000, 10000, nodes, edges);
  NetworkGraph g({.labels = false});
  g.SetGraph(nodes, edges, 3);
  REQUIRE(g.EdgeCount() + g.DroppedEdges() == 10000);
  while (g.Step()) {
  }
  CHECK_FALSE(g.Animating());
  const Capture cap = imgui.Frame([&] { g.Draw("graph", ImVec2(1200, 760)); });
  // At the fitted view every node and edge is inside: 4 vertices an edge, 3 a disc segment.
  size_t expected = 4 * static_cast<size_t>(g.EdgeCount());
  for (int i = 0; i < g.NodeCount(); ++i) expected += 3 * static_cast<size_t>(NetworkGraph::DiscSegments(g.ScreenRadius(i)));
  CHECK(cap.vertices.size() == expected);
  CHECK(VerticesOutside(cap, cap.item) == 0);
  CHECK(g.LastStepMicros() < 1000.0);  // settled: no layout work
  CHECK(g.LastDrawMicros() > 0.0);
}

TEST_CASE("NetworkGraph: hover, click to select, click the background to clear", "[ui][graph]") {
  HeadlessImGui imgui;
  const std::vector<GraphNode> nodes = {{"a", "Ana", 3, 0}, {"b", "Bob", 1, 1}, {"c", "Cy", 2, 0}};
  const std::vector<GraphEdge> edges = {{"a", "b", 0.5}, {"b", "c", 1.0}};
  NetworkGraph g;
  g.SetGraph(nodes, edges);
  while (g.Step()) {
  }
  GraphHover h;
  const auto draw = [&] { h = g.Draw("graph", ImVec2(400, 300)); };
  imgui.Frame(draw);
  const ImVec2 bob = g.ScreenPosition(1);
  imgui.Hover(draw, bob);
  CHECK(h.node == 1);
  imgui.Frame(draw, Input{bob, true});
  imgui.Frame(draw, Input{bob, false});
  CHECK(h.clicked == 1);
  CHECK(h.selection_changed);
  CHECK(g.Selected() == 1);
  // The background: a corner of the view, far from every node.
  const ImVec2 corner(g.View().rect.Min.x + 2, g.View().rect.Min.y + 2);
  imgui.Frame(draw, Input{corner});
  imgui.Frame(draw, Input{corner, true});
  imgui.Frame(draw, Input{corner, false});
  CHECK(g.Selected() == -1);
}

TEST_CASE("NetworkGraph: wheel zooms about the cursor, drag pans, double-click fits", "[ui][graph]") {
  HeadlessImGui imgui;
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
  Collaboration(50, 120, nodes, edges);
  NetworkGraph g;
  g.SetGraph(nodes, edges);
  while (g.Step()) {
  }
  const auto draw = [&] { g.Draw("graph", ImVec2(500, 400)); };
  imgui.Frame(draw);
  const float fit = g.View().scale;
  const ImVec2 at = g.View().rect.GetCenter();
  imgui.Frame(draw, Input{at});
  imgui.Frame(draw, Input{at, false, 2.0f});
  CHECK(g.View().scale == Approx(fit * 1.44f));
  // Drag 40 px right: the world moves with the mouse.
  const ImVec2 offset = g.View().offset;
  imgui.Frame(draw, Input{at, true});
  for (int i = 1; i <= 4; ++i) imgui.Frame(draw, Input{ImVec2(at.x + 10.0f * i, at.y), true});
  imgui.Frame(draw, Input{ImVec2(at.x + 40, at.y), false});
  CHECK(g.View().offset.x > offset.x + 20);
  g.FitView();
  imgui.Frame(draw);
  CHECK(g.View().scale == Approx(fit));
}

TEST_CASE("NetworkGraph: an empty graph says so", "[ui][graph]") {
  HeadlessImGui imgui;
  NetworkGraph g;
  g.SetGraph({}, {});
  const Capture cap = imgui.Frame([&] { g.Draw("graph", ImVec2(300, 200)); });
  CHECK_FALSE(cap.vertices.empty());
  CHECK(VerticesOutside(cap, cap.item) == 0);
  CHECK_FALSE(g.Animating());
}

}  // namespace
}  // namespace loupe::ui
