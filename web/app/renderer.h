// web/app/renderer.h — draws ImGui's draw lists with WebGL2 (OpenGL ES 3.0, GLSL ES 3.00).
//
// Our own renderer rather than imgui_impl_opengl3: the dashboard owns its WebGL context, so there
// is no foreign GL state to back up and restore, and the stock backend's ~25 glGet* queries per
// frame are each a synchronous round trip on WebGL (anchors-runtime §A4). Vertex and index
// buffers are re-specified once per frame (all draw lists concatenated), which also gives one
// figure for "buffer uploads" in the frame-time measurement.
#pragma once

#include <cstdint>
#include <vector>

#include "imgui.h"

namespace loupe::app {

class Renderer {
 public:
  //! Compiles the shader and creates the buffers; the WebGL2 context must be current.
  bool Init();
  //! (Re)uploads the font atlas — after a devicePixelRatio change re-rasterised the fonts.
  void UploadFonts();
  //! Draws one frame into the default framebuffer of fb_width × fb_height device pixels.
  void Render(const ImDrawData& data, int fb_width, int fb_height);
  //! Restores the renderer's GL state; draw-list callbacks that used their own program call it.
  void ResetState(const ImDrawData& data, int fb_width, int fb_height);

  //! Microseconds the last Render() spent in buffer uploads (glBufferData of vertices/indices).
  double last_upload_micros() const { return last_upload_micros_; }
  //! Microseconds the last Render() spent issuing draw calls (excludes uploads).
  double last_draw_micros() const { return last_draw_micros_; }

 private:
  unsigned program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0, font_texture_ = 0;
  int loc_projection_ = -1, loc_texture_ = -1;
  std::vector<ImDrawVert> vertices_;
  std::vector<ImDrawIdx> indices_;
  double last_upload_micros_ = 0.0, last_draw_micros_ = 0.0;
};

}  // namespace loupe::app
