// ui/graph.h — the collaboration network view: nodes sized by weight and coloured by group,
// edges whose thickness and opacity follow their weight, laid out by ui/graph_layout.h a step per
// frame until it settles. Drag the background to pan, wheel to zoom (about the cursor), double-
// click to fit again; hovering a node highlights it, its edges and neighbours and shows a tooltip;
// clicking selects it (clicking the background clears the selection).
//
// Drawing is batched: all edges in one draw-list reservation (4 vertices each, anti-aliased with
// ImGui's baked line textures) and all nodes in another (3 vertices per disc segment: fill, a rim
// in the background colour, the anti-aliased fringe), written vertex by vertex; or, when the
// app hands the graph a GPU path (ui/graph_gl.h: WebGL2 instanced edges and node discs reading
// positions from a texture), a single draw-list callback, so per frame only the positions move
// to the GPU and panning costs nothing but uniforms.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"  // ImRect
#include "ui/graph_layout.h"

namespace loupe::ui {

//! A node: a unique id, the label shown, a weight (≥ 0: node size) and a group (colour).
struct GraphNode {
  std::string id;
  std::string label;
  double weight = 1.0;
  int group = 0;
};

//! An undirected edge between the nodes with ids `source` and `target`, weight in [0, 1].
struct GraphEdge {
  std::string source;
  std::string target;
  double weight = 1.0;
};

//! What the graph reports about the mouse this frame.
struct GraphHover {
  bool hovered = false;            //!< the mouse is over the view
  int node = -1;                   //!< the node under the mouse
  int clicked = -1;                //!< the node clicked this frame
  bool selection_changed = false;  //!< Selected() changed this frame
};

//! Per-frame data of the view, the GPU path's input: world → screen is p·scale + offset.
struct GraphView {
  ImRect rect;             //!< the view's rectangle (logical px)
  float scale = 1.0f;      //!< logical px per world unit
  ImVec2 offset;           //!< screen position of the world origin
  float radius_scale = 1;  //!< node radii are base radius × this
  int focus = -1;          //!< hovered or selected node (its edges are highlighted), -1 none
  float dim = 1.0f;        //!< opacity factor of the other edges while a node has focus
  ImU32 highlight = 0;     //!< colour of the focused node's edges
  ImU32 outline = 0;       //!< colour of node outlines (the background)
};

//! The static per-edge and per-node attributes the GPU path uploads once per graph.
struct GraphBuffers {
  std::span<const LayoutEdge> edges;    //!< node indices (weight unused)
  std::span<const float> edge_widths;   //!< logical px
  std::span<const ImU32> edge_colors;
  std::span<const float> node_radii;    //!< logical px at radius_scale 1
  std::span<const ImU32> node_colors;
};

//! A GPU path for the edges and nodes (ui/graph_gl.h provides the WebGL2 one).
class GraphGpu {
 public:
  virtual ~GraphGpu() = default;
  //! The graph changed: new topology, widths, colours and radii.
  virtual void SetBuffers(const GraphBuffers& buffers) = 0;
  //! Node positions in world units (called whenever the layout moved).
  virtual void SetPositions(std::span<const ImVec2> positions) = 0;
  //! Queues the drawing of all edges, then all nodes, into `draw_list` (e.g. AddCallback).
  //! Returns false when it cannot, and the graph draws through the draw list instead.
  virtual bool Enqueue(ImDrawList* draw_list, const GraphView& view) = 0;
};

struct NetworkGraphOptions {
  ForceLayoutOptions layout;
  int steps_per_frame = 1;     //!< layout steps Draw() takes while the layout is not settled
  float min_radius = 3.0f;     //!< node radius of weight 0, logical px
  float max_radius = 11.0f;    //!< node radius of the heaviest node
  bool labels = true;          //!< labels of the focused node, its neighbours and the heaviest nodes
  int max_labels = 12;         //!< at most this many labels besides the focused node's
};

class NetworkGraph {
 public:
  explicit NetworkGraph(NetworkGraphOptions options = {});
  ~NetworkGraph();
  NetworkGraph(const NetworkGraph&) = delete;
  NetworkGraph& operator=(const NetworkGraph&) = delete;

  //! Replaces the graph. Edges naming unknown ids, self-loops and repeated node ids are dropped
  //! (DroppedEdges() counts the edges). Nodes whose id was in the previous graph keep their
  //! position, so refreshing data does not scramble the picture; the others start from `seed`.
  void SetGraph(std::span<const GraphNode> nodes, std::span<const GraphEdge> edges, uint64_t seed = 1);
  //! Hands the graph a GPU path (nullptr: draw-list only, the default).
  void SetGpu(std::unique_ptr<GraphGpu> gpu);
  bool UsesGpu() const { return gpu_ != nullptr; }

  //! Steps the layout (while it moves), handles input and draws the view as one ImGui item of
  //! `size` (zero or negative components fill the available space, as for ImGui::BeginChild).
  GraphHover Draw(const char* id, ImVec2 size);
  //! One layout step outside Draw(); false once settled.
  bool Step();
  //! The layout still moves: the app should keep drawing frames.
  bool Animating() const { return !layout_.Settled(); }

  int Selected() const { return selected_; }
  void Select(int node);
  //! Forgets pan and zoom: the view fits the whole graph again (it does until the user moves it).
  void FitView() { user_view_ = false; }

  int NodeCount() const { return static_cast<int>(nodes_.size()); }
  int EdgeCount() const { return static_cast<int>(edges_.size()); }
  int DroppedEdges() const { return dropped_edges_; }
  const GraphNode& Node(int i) const { return nodes_[static_cast<size_t>(i)]; }
  //! Index of the node with `id`, or -1.
  int FindNode(const std::string& id) const;
  //! The layout (positions in world units, step count, whether it settled).
  const ForceLayout& Layout() const { return layout_; }
  //! The last frame's view (rect, scale, offset) and node positions and radii on screen.
  const GraphView& View() const { return view_; }
  ImVec2 ScreenPosition(int node) const;
  float ScreenRadius(int node) const;

  //! Microseconds the last Draw() spent stepping the layout, and building the draw list or
  //! updating the GPU path (everything else Draw() does).
  double LastStepMicros() const { return last_step_micros_; }
  double LastDrawMicros() const { return last_draw_micros_; }

  //! Segments of a node disc of `radius` logical px in the draw-list path (3 vertices each: the
  //! fill, the rim and the anti-aliased fringe).
  static int DiscSegments(float radius);

 private:
  void RebuildStyle();
  void UpdateView(const ImRect& rect, bool hovered, bool active);
  void DrawEdges(ImDrawList* dl, int focus);
  void DrawNodes(ImDrawList* dl);
  void DrawFocus(ImDrawList* dl, int focus);
  void DrawLabels(ImDrawList* dl, int focus);
  void Tooltip(int node) const;

  NetworkGraphOptions options_;
  ForceLayout layout_;
  std::vector<GraphNode> nodes_;
  std::vector<LayoutEdge> edges_;
  std::vector<float> edge_widths_, node_radii_;
  std::vector<ImU32> edge_colors_, node_colors_;
  std::vector<int> adjacency_offsets_, adjacency_;  // CSR: edges of node i
  std::vector<int> by_weight_;                      // nodes, heaviest first
  std::vector<ImVec2> screen_;
  std::unique_ptr<GraphGpu> gpu_;
  GraphView view_;
  bool style_dark_ = true;
  bool gpu_dirty_ = true, positions_dirty_ = true;
  bool user_view_ = false, dragged_ = false;
  ImVec2 world_center_;
  float zoom_scale_ = 1.0f, fit_scale_ = 1.0f;
  int selected_ = -1;
  int dropped_edges_ = 0;
  double last_step_micros_ = 0.0, last_draw_micros_ = 0.0;
};

}  // namespace loupe::ui
