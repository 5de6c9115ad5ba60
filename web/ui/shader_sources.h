// ui/shader_sources.h — the GLSL ES 3.00 sources of shaders/*.glsl as C++ raw strings, byte for
// byte (tests/ui/shader_sources_test.cpp compares them with the files). shaders/ is the source of
// truth: after editing a shader, paste it here between the same delimiters.
#pragma once

namespace loupe::ui {

//! shaders/graph_edge.vert.glsl
inline constexpr const char* kGraphEdgeVertexShader = R"glsl(#version 300 es
// Collaboration graph edges: one instance per edge, a 4-vertex strip expanded to a quad of the
// edge's width plus one device pixel of anti-aliasing on each side. Endpoints come from the node
// position texture, so moving nodes uploads only positions and panning only uniforms.
precision highp float;
precision highp int;

uniform highp sampler2D u_positions;  // RG32F, node i at texel (i % 1024, i / 1024), world units
uniform vec4 u_view;                  // xy: logical px per world unit, zw: screen offset (px)
uniform vec4 u_viewport;              // xy: display position, zw: display size (logical px)
uniform float u_pixel;                // one device pixel in logical px (1 / devicePixelRatio)
uniform int u_focus;                  // node whose edges are highlighted, -1 for none
uniform float u_dim;                  // opacity factor of the other edges while a node has focus
uniform vec4 u_highlight;             // colour of the focused node's edges

layout(location = 0) in uvec2 a_ends;  // node indices
layout(location = 1) in float a_width; // logical px
layout(location = 2) in vec4 a_color;  // straight alpha

out vec4 v_color;
out float v_offset;  // signed distance from the centre line, logical px
out float v_half;    // half the line width, logical px

vec2 NodeOnScreen(uint i) {
  ivec2 texel = ivec2(int(i & 1023u), int(i >> 10u));
  return texelFetch(u_positions, texel, 0).xy * u_view.xy + u_view.zw;
}

void main() {
  vec2 p0 = NodeOnScreen(a_ends.x);
  vec2 p1 = NodeOnScreen(a_ends.y);
  vec2 d = p1 - p0;
  float len = length(d);
  vec2 dir = len > 1e-4 ? d / len : vec2(1.0, 0.0);
  vec2 normal = vec2(-dir.y, dir.x);

  float width = max(a_width, u_pixel);
  float half_extent = 0.5 * width + u_pixel;
  float along = float(gl_VertexID >> 1);
  float side = (gl_VertexID & 1) == 0 ? -1.0 : 1.0;
  vec2 p = mix(p0, p1, along) + normal * side * half_extent;

  bool focused = u_focus >= 0 && (int(a_ends.x) == u_focus || int(a_ends.y) == u_focus);
  vec4 color = focused ? u_highlight : a_color;
  if (u_focus >= 0 && !focused) color.a *= u_dim;
  v_color = color;
  v_offset = side * half_extent;
  v_half = 0.5 * width;

  vec2 ndc = (p - u_viewport.xy) / u_viewport.zw * 2.0 - 1.0;
  gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
)glsl";

//! shaders/graph_edge.frag.glsl
inline constexpr const char* kGraphEdgeFragmentShader = R"glsl(#version 300 es
// Collaboration graph edges: coverage of the line across its width, one device pixel of ramp.
precision mediump float;

uniform highp float u_pixel;  // declared highp in the vertex shader too: shared uniforms must agree

in vec4 v_color;
in float v_offset;
in float v_half;

out vec4 o_color;

void main() {
  float coverage = clamp((v_half - abs(v_offset)) / u_pixel + 0.5, 0.0, 1.0);
  o_color = vec4(v_color.rgb, v_color.a * coverage);
}
)glsl";

//! shaders/graph_node.vert.glsl
inline constexpr const char* kGraphNodeVertexShader = R"glsl(#version 300 es
// Collaboration graph nodes: one instance per node, a quad around the disc (radius plus two
// device pixels) whose fragments compute coverage from the distance to the centre.
precision highp float;
precision highp int;

uniform highp sampler2D u_positions;  // RG32F, node i at texel (i % 1024, i / 1024), world units
uniform vec4 u_view;                  // xy: logical px per world unit, zw: screen offset (px)
uniform vec4 u_viewport;              // xy: display position, zw: display size (logical px)
uniform float u_pixel;                // one device pixel in logical px
uniform float u_radius_scale;         // zoom-dependent factor on every radius

layout(location = 0) in float a_radius;  // logical px at radius scale 1
layout(location = 1) in vec4 a_color;    // straight alpha

out vec2 v_local;   // position relative to the centre, logical px
out float v_radius; // logical px
out vec4 v_color;

void main() {
  int i = gl_InstanceID;
  vec2 center = texelFetch(u_positions, ivec2(i & 1023, i >> 10), 0).xy * u_view.xy + u_view.zw;
  float radius = a_radius * u_radius_scale;
  vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1)) * 2.0 - 1.0;
  v_local = corner * (radius + 2.0 * u_pixel);
  v_radius = radius;
  v_color = a_color;
  vec2 ndc = (center + v_local - u_viewport.xy) / u_viewport.zw * 2.0 - 1.0;
  gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
)glsl";

//! shaders/graph_node.frag.glsl
inline constexpr const char* kGraphNodeFragmentShader = R"glsl(#version 300 es
// Collaboration graph nodes: an anti-aliased disc with a one-pixel rim in the background colour,
// so overlapping nodes stay apart.
precision mediump float;

uniform highp float u_pixel;  // declared highp in the vertex shader too: shared uniforms must agree
uniform vec4 u_outline;  // the background colour

in vec2 v_local;
in float v_radius;
in vec4 v_color;

out vec4 o_color;

void main() {
  float d = length(v_local);
  float coverage = clamp((v_radius - d) / u_pixel + 0.5, 0.0, 1.0);
  float rim = clamp((d - (v_radius - 1.0)) / u_pixel + 0.5, 0.0, 1.0);
  vec3 rgb = mix(v_color.rgb, u_outline.rgb, rim * 0.7);
  o_color = vec4(rgb, v_color.a * coverage);
}
)glsl";

//! Each constant with the file it mirrors (for the test).
struct ShaderSource {
  const char* file;
  const char* text;
};
inline constexpr ShaderSource kShaderSources[] = {
    {"graph_edge.vert.glsl", kGraphEdgeVertexShader},
    {"graph_edge.frag.glsl", kGraphEdgeFragmentShader},
    {"graph_node.vert.glsl", kGraphNodeVertexShader},
    {"graph_node.frag.glsl", kGraphNodeFragmentShader},
};

}  // namespace loupe::ui
