#include "app/renderer.h"

#include <GLES3/gl3.h>
#include <emscripten.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>

namespace loupe::app {
namespace {

// ImGui's vertex format: position in logical pixels, atlas UV, straight RGBA8 colour.
constexpr const char* kVertexShader = R"(#version 300 es
precision highp float;
uniform mat4 u_projection;
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;
out vec2 v_uv;
out vec4 v_color;
void main() {
  v_uv = a_uv;
  v_color = a_color;
  gl_Position = u_projection * vec4(a_position, 0.0, 1.0);
}
)";

constexpr const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D u_texture;
in vec2 v_uv;
in vec4 v_color;
out vec4 o_color;
void main() {
  o_color = v_color * texture(u_texture, v_uv);
}
)";

unsigned Compile(unsigned type, const char* source) {
  unsigned shader = glCreateShader(type);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  int ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "dashboard: shader does not compile: %s\n", log);
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

}  // namespace

bool Renderer::Init() {
  unsigned vs = Compile(GL_VERTEX_SHADER, kVertexShader);
  unsigned fs = Compile(GL_FRAGMENT_SHADER, kFragmentShader);
  if (!vs || !fs) return false;
  program_ = glCreateProgram();
  glAttachShader(program_, vs);
  glAttachShader(program_, fs);
  glLinkProgram(program_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  int ok = 0;
  glGetProgramiv(program_, GL_LINK_STATUS, &ok);
  if (!ok) {
    std::fprintf(stderr, "dashboard: the ImGui program does not link\n");
    return false;
  }
  loc_projection_ = glGetUniformLocation(program_, "u_projection");
  loc_texture_ = glGetUniformLocation(program_, "u_texture");

  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vbo_);
  glGenBuffers(1, &ibo_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                        reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                        reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert),
                        reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
  glBindVertexArray(0);
  UploadFonts();
  return true;
}

void Renderer::UploadFonts() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  if (!font_texture_) glGenTextures(1, &font_texture_);
  glBindTexture(GL_TEXTURE_2D, font_texture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(font_texture_)));
  io.Fonts->ClearTexData();  // the GPU has it; keep the wasm heap small
}

void Renderer::ResetState(const ImDrawData& data, int fb_width, int fb_height) {
  glViewport(0, 0, fb_width, fb_height);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_SCISSOR_TEST);
  // Logical pixels in, clip space out (y down).
  const float l = data.DisplayPos.x, r = data.DisplayPos.x + data.DisplaySize.x;
  const float t = data.DisplayPos.y, b = data.DisplayPos.y + data.DisplaySize.y;
  const float projection[16] = {
      2.0f / (r - l), 0, 0, 0,  //
      0, 2.0f / (t - b), 0, 0,  //
      0, 0, -1.0f, 0,           //
      (r + l) / (l - r), (t + b) / (b - t), 0, 1.0f,
  };
  glUseProgram(program_);
  glUniform1i(loc_texture_, 0);
  glUniformMatrix4fv(loc_projection_, 1, GL_FALSE, projection);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);
}

void Renderer::Render(const ImDrawData& data, int fb_width, int fb_height) {
  if (fb_width <= 0 || fb_height <= 0) return;
  const double start = emscripten_get_now();

  // One upload for the whole frame: every list's vertices and indices, indices rebased.
  vertices_.resize(static_cast<size_t>(data.TotalVtxCount));
  indices_.resize(static_cast<size_t>(data.TotalIdxCount));
  size_t vtx = 0, idx = 0;
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    std::copy(list.VtxBuffer.begin(), list.VtxBuffer.end(), vertices_.begin() + static_cast<ptrdiff_t>(vtx));
    const auto base = static_cast<ImDrawIdx>(vtx);
    for (int i = 0; i < list.IdxBuffer.Size; ++i) indices_[idx + static_cast<size_t>(i)] = list.IdxBuffer[i] + base;
    vtx += static_cast<size_t>(list.VtxBuffer.Size);
    idx += static_cast<size_t>(list.IdxBuffer.Size);
  }
  ResetState(data, fb_width, fb_height);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices_.size() * sizeof(ImDrawVert)), vertices_.data(),
               GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices_.size() * sizeof(ImDrawIdx)),
               indices_.data(), GL_STREAM_DRAW);
  const double uploaded = emscripten_get_now();

  glClearColor(0, 0, 0, 1);
  glDisable(GL_SCISSOR_TEST);
  glClear(GL_COLOR_BUFFER_BIT);
  glEnable(GL_SCISSOR_TEST);

  const ImVec2 clip_offset = data.DisplayPos;
  const ImVec2 clip_scale = data.FramebufferScale;
  size_t list_idx_base = 0;
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
          ResetState(data, fb_width, fb_height);
        } else {
          cmd.UserCallback(&list, &cmd);
          ResetState(data, fb_width, fb_height);
        }
        continue;
      }
      const float x0 = (cmd.ClipRect.x - clip_offset.x) * clip_scale.x;
      const float y0 = (cmd.ClipRect.y - clip_offset.y) * clip_scale.y;
      const float x1 = (cmd.ClipRect.z - clip_offset.x) * clip_scale.x;
      const float y1 = (cmd.ClipRect.w - clip_offset.y) * clip_scale.y;
      if (x1 <= x0 || y1 <= y0) continue;
      glScissor(static_cast<int>(x0), static_cast<int>(fb_height - y1), static_cast<int>(x1 - x0),
                static_cast<int>(y1 - y0));
      glBindTexture(GL_TEXTURE_2D, static_cast<unsigned>(reinterpret_cast<intptr_t>(cmd.GetTexID())));
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                     sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                     reinterpret_cast<void*>((list_idx_base + cmd.IdxOffset) * sizeof(ImDrawIdx)));
    }
    list_idx_base += static_cast<size_t>(list.IdxBuffer.Size);
  }
  const double drawn = emscripten_get_now();
  last_upload_micros_ = (uploaded - start) * 1000.0;
  last_draw_micros_ = (drawn - uploaded) * 1000.0;
}

}  // namespace loupe::app
