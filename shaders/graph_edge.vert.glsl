#version 300 es
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
