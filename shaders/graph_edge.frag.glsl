#version 300 es
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
