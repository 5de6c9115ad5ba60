#include "ui/graph_gl.h"

#ifdef __EMSCRIPTEN__

#include <GLES3/gl3.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "ui/shader_sources.h"

namespace loupe::ui {
namespace {

constexpr int kTextureWidth = 1024;  // node i at texel (i % 1024, i / 1024), as the shaders read it

unsigned Compile(unsigned type, const char* source, const char* name) {
  const unsigned shader = glCreateShader(type);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  int ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "graph: %s does not compile: %s\n", name, log);
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

unsigned Link(const char* vs_source, const char* fs_source, const char* name) {
  const unsigned vs = Compile(GL_VERTEX_SHADER, vs_source, name);
  const unsigned fs = Compile(GL_FRAGMENT_SHADER, fs_source, name);
  if (!vs || !fs) {
    if (vs) glDeleteShader(vs);
    if (fs) glDeleteShader(fs);
    return 0;
  }
  const unsigned program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  glLinkProgram(program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  int ok = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetProgramInfoLog(program, sizeof log, nullptr, log);
    std::fprintf(stderr, "graph: the %s program does not link: %s\n", name, log);
    glDeleteProgram(program);
    return 0;
  }
  return program;
}

void Color4(ImU32 c, float out[4]) {
  const ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
  out[0] = v.x, out[1] = v.y, out[2] = v.z, out[3] = v.w;
}

// Uniform locations shared by both programs (-1 where a program has none).
struct Uniforms {
  int positions = -1, view = -1, viewport = -1, pixel = -1, focus = -1, dim = -1, highlight = -1, radius_scale = -1,
      outline = -1;
  void Find(unsigned p) {
    positions = glGetUniformLocation(p, "u_positions");
    view = glGetUniformLocation(p, "u_view");
    viewport = glGetUniformLocation(p, "u_viewport");
    pixel = glGetUniformLocation(p, "u_pixel");
    focus = glGetUniformLocation(p, "u_focus");
    dim = glGetUniformLocation(p, "u_dim");
    highlight = glGetUniformLocation(p, "u_highlight");
    radius_scale = glGetUniformLocation(p, "u_radius_scale");
    outline = glGetUniformLocation(p, "u_outline");
  }
};

struct EdgeInstance {
  uint32_t a, b;
  float width;
  uint32_t color;  // ImU32: R in the low byte, as GL_UNSIGNED_BYTE × 4 reads it
};
struct NodeInstance {
  float radius;
  uint32_t color;
};

class WebGl2GraphGpu final : public GraphGpu {
 public:
  bool Init() {
    edge_program_ = Link(kGraphEdgeVertexShader, kGraphEdgeFragmentShader, "edge");
    node_program_ = Link(kGraphNodeVertexShader, kGraphNodeFragmentShader, "node");
    if (!edge_program_ || !node_program_) return false;
    edge_uniforms_.Find(edge_program_);
    node_uniforms_.Find(node_program_);

    glGenVertexArrays(1, &edge_vao_);
    glGenVertexArrays(1, &node_vao_);
    glGenBuffers(1, &edge_buffer_);
    glGenBuffers(1, &node_buffer_);
    glGenTextures(1, &positions_);

    glBindVertexArray(edge_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, edge_buffer_);
    glEnableVertexAttribArray(0);
    glVertexAttribIPointer(0, 2, GL_UNSIGNED_INT, sizeof(EdgeInstance), reinterpret_cast<void*>(offsetof(EdgeInstance, a)));
    glVertexAttribDivisor(0, 1);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, sizeof(EdgeInstance), reinterpret_cast<void*>(offsetof(EdgeInstance, width)));
    glVertexAttribDivisor(1, 1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(EdgeInstance), reinterpret_cast<void*>(offsetof(EdgeInstance, color)));
    glVertexAttribDivisor(2, 1);

    glBindVertexArray(node_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, node_buffer_);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 1, GL_FLOAT, GL_FALSE, sizeof(NodeInstance), reinterpret_cast<void*>(offsetof(NodeInstance, radius)));
    glVertexAttribDivisor(0, 1);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(NodeInstance), reinterpret_cast<void*>(offsetof(NodeInstance, color)));
    glVertexAttribDivisor(1, 1);
    glBindVertexArray(0);

    glBindTexture(GL_TEXTURE_2D, positions_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    return true;
  }

  ~WebGl2GraphGpu() override {
    if (edge_program_) glDeleteProgram(edge_program_);
    if (node_program_) glDeleteProgram(node_program_);
    const unsigned vaos[] = {edge_vao_, node_vao_};
    glDeleteVertexArrays(2, vaos);
    const unsigned buffers[] = {edge_buffer_, node_buffer_};
    glDeleteBuffers(2, buffers);
    glDeleteTextures(1, &positions_);
  }

  void SetBuffers(const GraphBuffers& b) override {
    std::vector<EdgeInstance> edges(b.edges.size());
    for (size_t i = 0; i < edges.size(); ++i) {
      edges[i] = {static_cast<uint32_t>(b.edges[i].a), static_cast<uint32_t>(b.edges[i].b), b.edge_widths[i], b.edge_colors[i]};
    }
    std::vector<NodeInstance> nodes(b.node_radii.size());
    for (size_t i = 0; i < nodes.size(); ++i) nodes[i] = {b.node_radii[i], b.node_colors[i]};
    glBindBuffer(GL_ARRAY_BUFFER, edge_buffer_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(edges.size() * sizeof(EdgeInstance)), edges.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, node_buffer_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(nodes.size() * sizeof(NodeInstance)), nodes.data(), GL_STATIC_DRAW);
    edge_count_ = static_cast<int>(edges.size());
    node_count_ = static_cast<int>(nodes.size());
  }

  void SetPositions(std::span<const ImVec2> positions) override {
    const int n = static_cast<int>(positions.size());
    const int rows = std::max(1, (n + kTextureWidth - 1) / kTextureWidth);
    texels_.assign(static_cast<size_t>(rows) * kTextureWidth * 2, 0.0f);
    for (int i = 0; i < n; ++i) texels_[2 * static_cast<size_t>(i)] = positions[static_cast<size_t>(i)].x,
                                texels_[2 * static_cast<size_t>(i) + 1] = positions[static_cast<size_t>(i)].y;
    glBindTexture(GL_TEXTURE_2D, positions_);
    if (rows != texture_rows_) {
      glTexImage2D(GL_TEXTURE_2D, 0, GL_RG32F, kTextureWidth, rows, 0, GL_RG, GL_FLOAT, texels_.data());
      texture_rows_ = rows;
    } else {
      glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, kTextureWidth, rows, GL_RG, GL_FLOAT, texels_.data());
    }
  }

  bool Enqueue(ImDrawList* dl, const GraphView& view) override {
    if (edge_count_ == 0 && node_count_ == 0) return true;
    view_ = view;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    display_pos_ = vp->Pos, display_size_ = vp->Size;
    fb_scale_ = ImGui::GetIO().DisplayFramebufferScale;
    if (fb_scale_.x <= 0.0f || fb_scale_.y <= 0.0f) fb_scale_ = ImVec2(1, 1);
    dl->AddCallback(&WebGl2GraphGpu::Callback, this);
    return true;
  }

 private:
  static void Callback(const ImDrawList*, const ImDrawCmd* cmd) {
    static_cast<WebGl2GraphGpu*>(cmd->UserCallbackData)->Render(cmd->ClipRect);
  }

  void SetCommon(const Uniforms& u) const {
    glUniform1i(u.positions, 0);
    glUniform4f(u.view, view_.scale, view_.scale, view_.offset.x, view_.offset.y);
    glUniform4f(u.viewport, display_pos_.x, display_pos_.y, display_size_.x, display_size_.y);
    glUniform1f(u.pixel, 1.0f / fb_scale_.x);
  }

  void Render(const ImVec4& clip) const {
    const float fb_height = display_size_.y * fb_scale_.y;
    const float x0 = (clip.x - display_pos_.x) * fb_scale_.x, y0 = (clip.y - display_pos_.y) * fb_scale_.y;
    const float x1 = (clip.z - display_pos_.x) * fb_scale_.x, y1 = (clip.w - display_pos_.y) * fb_scale_.y;
    if (x1 <= x0 || y1 <= y0) return;
    glScissor(static_cast<int>(x0), static_cast<int>(fb_height - y1), static_cast<int>(x1 - x0), static_cast<int>(y1 - y0));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, positions_);
    float color[4];
    if (edge_count_ > 0) {
      glUseProgram(edge_program_);
      SetCommon(edge_uniforms_);
      glUniform1i(edge_uniforms_.focus, view_.focus);
      glUniform1f(edge_uniforms_.dim, view_.dim);
      Color4(view_.highlight, color);
      glUniform4fv(edge_uniforms_.highlight, 1, color);
      glBindVertexArray(edge_vao_);
      glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, edge_count_);
    }
    if (node_count_ > 0) {
      glUseProgram(node_program_);
      SetCommon(node_uniforms_);
      glUniform1f(node_uniforms_.radius_scale, view_.radius_scale);
      Color4(view_.outline, color);
      glUniform4fv(node_uniforms_.outline, 1, color);
      glBindVertexArray(node_vao_);
      glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, node_count_);
    }
  }

  unsigned edge_program_ = 0, node_program_ = 0, edge_vao_ = 0, node_vao_ = 0, edge_buffer_ = 0, node_buffer_ = 0,
           positions_ = 0;
  Uniforms edge_uniforms_, node_uniforms_;
  int edge_count_ = 0, node_count_ = 0, texture_rows_ = 0;
  std::vector<float> texels_;
  GraphView view_;
  ImVec2 display_pos_, display_size_, fb_scale_{1, 1};
};

}  // namespace

std::unique_ptr<GraphGpu> CreateWebGl2GraphGpu() {
  if (emscripten_webgl_get_current_context() == 0) return nullptr;
  auto gpu = std::make_unique<WebGl2GraphGpu>();
  if (!gpu->Init()) return nullptr;
  return gpu;
}

}  // namespace loupe::ui

#else

namespace loupe::ui {

std::unique_ptr<GraphGpu> CreateWebGl2GraphGpu() { return nullptr; }

}  // namespace loupe::ui

#endif
