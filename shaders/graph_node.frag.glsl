#version 300 es
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
