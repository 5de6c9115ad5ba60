// tests/ui/imgui_frame.h — a headless Dear ImGui context for chart tests: fonts built on the CPU,
// no renderer. Frame() runs one ImGui frame with one full-screen window, calls the body and
// returns the vertices the body added to the window's draw list (tooltips are other windows).
#pragma once

#include <cfloat>
#include <functional>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/theme.h"

namespace loupe::ui::testing {

struct Capture {
  ImRect item;                       //!< the last item's rectangle (the chart)
  std::vector<ImDrawVert> vertices;  //!< what the body drew
  int indices = 0;
};

//! Input for one frame.
struct Input {
  ImVec2 mouse = ImVec2(-FLT_MAX, -FLT_MAX);
  bool down = false;
  float wheel = 0.0f;
};

class HeadlessImGui {
 public:
  explicit HeadlessImGui(ImVec2 display = ImVec2(1280, 800), bool dark = true) {
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60.0f;
    io.IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
    ApplyLoupeStyle(ImGui::GetStyle(), dark, 1.0f);
  }
  ~HeadlessImGui() { ImGui::DestroyContext(context_); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

  Capture Frame(const std::function<void()>& body, Input input = {}) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = input.mouse;
    io.MouseDown[0] = input.down;
    io.MouseWheel = input.wheel;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("charts", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int v0 = dl->VtxBuffer.Size, i0 = dl->IdxBuffer.Size;
    body();
    Capture c;
    c.item = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    c.vertices.assign(dl->VtxBuffer.Data + v0, dl->VtxBuffer.Data + dl->VtxBuffer.Size);
    c.indices = dl->IdxBuffer.Size - i0;
    ImGui::End();
    ImGui::Render();
    return c;
  }

  //! The same frame twice: hover needs a frame to know which window is under the mouse.
  Capture Hover(const std::function<void()>& body, ImVec2 mouse) {
    Frame(body, Input{mouse});
    return Frame(body, Input{mouse});
  }

 private:
  ImGuiContext* context_ = nullptr;
};

//! Vertices outside `rect` grown by `slack` pixels (anti-aliasing fringes reach half a pixel out).
inline int VerticesOutside(const Capture& c, const ImRect& rect, float slack = 1.0f) {
  int outside = 0;
  for (const ImDrawVert& v : c.vertices) {
    if (v.pos.x < rect.Min.x - slack || v.pos.y < rect.Min.y - slack || v.pos.x > rect.Max.x + slack ||
        v.pos.y > rect.Max.y + slack) {
      ++outside;
    }
  }
  return outside;
}

inline bool HasColor(const Capture& c, ImU32 color) {
  for (const ImDrawVert& v : c.vertices) {
    if (v.col == color) return true;
  }
  return false;
}

}  // namespace loupe::ui::testing
