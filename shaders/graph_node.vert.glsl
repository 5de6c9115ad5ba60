#version 300 es
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
