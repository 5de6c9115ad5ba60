// ui/graph_gl.h — the WebGL2 path of the collaboration graph (NetworkGraph::SetGpu): edges as
// instanced anti-aliased quads and nodes as instanced discs (shaders/graph_*.glsl), drawn from one
// ImDrawList callback. Node positions live in an RG32F texture the shaders read with texelFetch;
// edge ends, widths, colours and node radii are uploaded once per graph. Per frame: one
// texSubImage2D of the positions while the layout moves (8 bytes a node) and a dozen uniforms;
// no glGet* calls after start-up (each is a synchronous round trip on WebGL).
//
// Contract with the renderer: the callback runs with the renderer's blend state (straight alpha,
// SRC_ALPHA / ONE_MINUS_SRC_ALPHA) and scissor test enabled; it leaves its own program, vertex
// array and texture bound, so the renderer must restore its state after a callback
// (web/app/renderer.cpp does; with imgui_impl_opengl3 add ImDrawCallback_ResetRenderState after
// NetworkGraph::Draw). The callback data lives in the GPU object: draw each NetworkGraph once
// per frame.
#pragma once

#include <memory>

#include "ui/graph.h"

namespace loupe::ui {

//! The WebGL2 path, or nullptr where there is none: native builds, no current WebGL2 context, or
//! shaders that do not compile or link (the reason is printed to stderr once). Call it with the
//! dashboard's context current, after the renderer's own initialisation.
std::unique_ptr<GraphGpu> CreateWebGl2GraphGpu();

}  // namespace loupe::ui
