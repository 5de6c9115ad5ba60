// web/app/main.cpp — the dashboard's platform layer: a WebGL2 context on one canvas, ImGui's IO
// fed from web/dashboard.mjs, and a frame loop that only runs while something changes.
//
// Input arrives through the loupe_ui_* exports below; web/dashboard.mjs attaches its listeners to
// the canvas and the text agent only (never to window), so a host page keeps its own keys. Sizes
// are CSS pixels; the backing store is CSS size × devicePixelRatio and fonts are rasterised at
// that scale (anchors-runtime §A4 "HiDPI"). The JS side asks for a frame on every event; a frame
// returns how many more it needs (animations, replies in flight), and 0 lets the page idle.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/renderer.h"
#include "imgui.h"

namespace {

struct Platform {
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = 0;
  std::string canvas;
  float css_width = 0, css_height = 0, dpr = 1;
  float font_dpr = 0;  //!< the scale the atlas was rasterised at
  std::vector<unsigned char> regular, bold;
  std::string clipboard;  //!< the last text the page pasted or the app copied
  loupe::app::Renderer renderer;
  loupe::app::App* app = nullptr;
  int frames_wanted = 0;
  bool text_input_active = false;
  ImVec2 caret;  //!< where ImGui's active text field wants IME input (logical pixels)
  double last_frame_ms = 0;
};

Platform& P() {
  static Platform platform;
  return platform;
}

EM_JS(void, loupe_js_request_frame, (), { Module.loupeRequestFrame(); });
EM_JS(void, loupe_js_set_cursor, (const char* cursor), { Module.loupeSetCursor(UTF8ToString(cursor)); });
EM_JS(void, loupe_js_write_clipboard, (const char* text), { Module.loupeWriteClipboard(UTF8ToString(text)); });
EM_JS(void, loupe_js_text_input, (int active, float x, float y, float h), {
  Module.loupeTextInput(!!active, x, y, h);
});

void ImeSetInputScreenPos(int x, int y) { P().caret = ImVec2(static_cast<float>(x), static_cast<float>(y)); }

const char* ClipboardText(void*) { return P().clipboard.c_str(); }
void SetClipboardText(void*, const char* text) {
  P().clipboard = text ? text : "";
  loupe_js_write_clipboard(P().clipboard.c_str());
}

// Text at the current devicePixelRatio: the atlas holds glyphs at base × dpr device pixels, and
// FontGlobalScale brings them back to logical size, so text is sharp on HiDPI screens.
void BuildFonts() {
  Platform& p = P();
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;
  config.OversampleH = 2;
  const float size = 15.0f * p.dpr;
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0x2190, 0x21FF,
                                    0x2200, 0x22FF, 0x25A0, 0x25FF, 0};
  if (!p.regular.empty()) {
    io.Fonts->AddFontFromMemoryTTF(p.regular.data(), static_cast<int>(p.regular.size()), size, &config, kRanges);
    ImFontConfig heading = config;
    if (!p.bold.empty()) {
      io.Fonts->AddFontFromMemoryTTF(p.bold.data(), static_cast<int>(p.bold.size()), 22.0f * p.dpr, &heading,
                                     kRanges);
      io.Fonts->AddFontFromMemoryTTF(p.bold.data(), static_cast<int>(p.bold.size()), size, &heading, kRanges);
    }
  } else {
    ImFontConfig fallback;
    fallback.SizePixels = 13.0f * p.dpr;
    io.Fonts->AddFontDefault(&fallback);
  }
  io.FontGlobalScale = 1.0f / p.dpr;
  p.font_dpr = p.dpr;
}

void ApplyCanvasSize() {
  Platform& p = P();
  const int w = static_cast<int>(std::lround(p.css_width * p.dpr));
  const int h = static_cast<int>(std::lround(p.css_height * p.dpr));
  emscripten_set_canvas_element_size(p.canvas.c_str(), w, h);
}

void Want(int frames) {
  Platform& p = P();
  if (p.frames_wanted == 0) loupe_js_request_frame();
  if (frames > p.frames_wanted) p.frames_wanted = frames;
}

// ImGui needs a few frames after an input to settle (hover, then click, then the reply's layout).
constexpr int kFramesAfterInput = 3;

}  // namespace

extern "C" {

//! Creates the context on `canvas` (a CSS selector) and the app. Fonts are the bytes of DejaVu
//! Sans and DejaVu Sans Bold (empty: ImGui's built-in font). Returns 0 on success.
EMSCRIPTEN_KEEPALIVE int loupe_ui_init(const char* canvas, float css_width, float css_height, float dpr,
                                       const unsigned char* regular, int regular_len, const unsigned char* bold,
                                       int bold_len) {
  Platform& p = P();
  p.canvas = canvas;
  p.css_width = css_width;
  p.css_height = css_height;
  p.dpr = dpr > 0 ? dpr : 1;
  if (regular && regular_len > 0) p.regular.assign(regular, regular + regular_len);
  if (bold && bold_len > 0) p.bold.assign(bold, bold + bold_len);
  ApplyCanvasSize();

  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = false;
  attrs.depth = false;
  attrs.stencil = false;
  attrs.antialias = false;  // ImGui anti-aliases its own shapes
  attrs.premultipliedAlpha = false;
  p.context = emscripten_webgl_create_context(canvas, &attrs);
  if (p.context <= 0) {
    std::fprintf(stderr, "dashboard: WebGL2 is not available on %s\n", canvas);
    return 1;
  }
  emscripten_webgl_make_context_current(p.context);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout lives in the workspace's preferences
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.BackendPlatformName = "loupe_html5";
  io.BackendRendererName = "loupe_webgl2";
  io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
  io.GetClipboardTextFn = ClipboardText;
  io.SetClipboardTextFn = SetClipboardText;
  io.ImeSetInputScreenPosFn = ImeSetInputScreenPos;
  // DOM keyCodes index KeysDown[] (web/dashboard.mjs sends event.keyCode).
  io.KeyMap[ImGuiKey_Tab] = 9;
  io.KeyMap[ImGuiKey_LeftArrow] = 37;
  io.KeyMap[ImGuiKey_RightArrow] = 39;
  io.KeyMap[ImGuiKey_UpArrow] = 38;
  io.KeyMap[ImGuiKey_DownArrow] = 40;
  io.KeyMap[ImGuiKey_PageUp] = 33;
  io.KeyMap[ImGuiKey_PageDown] = 34;
  io.KeyMap[ImGuiKey_Home] = 36;
  io.KeyMap[ImGuiKey_End] = 35;
  io.KeyMap[ImGuiKey_Insert] = 45;
  io.KeyMap[ImGuiKey_Delete] = 46;
  io.KeyMap[ImGuiKey_Backspace] = 8;
  io.KeyMap[ImGuiKey_Space] = 32;
  io.KeyMap[ImGuiKey_Enter] = 13;
  io.KeyMap[ImGuiKey_Escape] = 27;
  io.KeyMap[ImGuiKey_KeyPadEnter] = 13;
  io.KeyMap[ImGuiKey_A] = 65;
  io.KeyMap[ImGuiKey_C] = 67;
  io.KeyMap[ImGuiKey_V] = 86;
  io.KeyMap[ImGuiKey_X] = 88;
  io.KeyMap[ImGuiKey_Y] = 89;
  io.KeyMap[ImGuiKey_Z] = 90;

  BuildFonts();
  if (!p.renderer.Init()) return 2;
  p.app = new loupe::app::App();
  Want(kFramesAfterInput);
  return 0;
}

EMSCRIPTEN_KEEPALIVE void loupe_ui_resize(float css_width, float css_height, float dpr) {
  Platform& p = P();
  p.css_width = css_width;
  p.css_height = css_height;
  p.dpr = dpr > 0 ? dpr : 1;
  ApplyCanvasSize();
  Want(kFramesAfterInput);
}

EMSCRIPTEN_KEEPALIVE void loupe_ui_mouse_move(float x, float y) {
  ImGui::GetIO().MousePos = ImVec2(x, y);
  Want(kFramesAfterInput);
}

EMSCRIPTEN_KEEPALIVE void loupe_ui_mouse_button(int button, int down) {
  P().app->NoteMouseButton(button, down != 0);  // toolchain.md: "instant clicks"
  Want(kFramesAfterInput);
}

EMSCRIPTEN_KEEPALIVE void loupe_ui_mouse_leave() {
  ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  Want(kFramesAfterInput);
}

EMSCRIPTEN_KEEPALIVE void loupe_ui_wheel(float dx, float dy) {
  ImGuiIO& io = ImGui::GetIO();
  io.MouseWheelH += dx;
  io.MouseWheel += dy;
  Want(kFramesAfterInput);
}

EMSCRIPTEN_KEEPALIVE void loupe_ui_key(int key, int down, int ctrl, int shift, int alt, int super) {
  P().app->NoteKey(key, down != 0, {ctrl != 0, shift != 0, alt != 0, super != 0});
  Want(kFramesAfterInput);
}

EMSCRIPTEN_KEEPALIVE void loupe_ui_text(const char* utf8) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8);
  Want(kFramesAfterInput);
}

//! The page's paste event: the text becomes the clipboard ImGui reads on Ctrl+V.
EMSCRIPTEN_KEEPALIVE void loupe_ui_paste(const char* utf8) { P().clipboard = utf8 ? utf8 : ""; }

EMSCRIPTEN_KEEPALIVE void loupe_ui_focus(int focused) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddFocusEvent(focused != 0);
  Want(kFramesAfterInput);
}

EMSCRIPTEN_KEEPALIVE void loupe_ui_reply(int id, int ok, const char* text, int length) {
  P().app->bridge().Deliver(id, ok != 0, std::string(text, static_cast<size_t>(length)));
  Want(kFramesAfterInput);
}

//! location.hash changed (back/forward, a link): the app follows it.
EMSCRIPTEN_KEEPALIVE void loupe_ui_route(const char* hash) {
  P().app->SetRoute(hash ? hash : "");
  Want(kFramesAfterInput);
}

//! Long work the page runs for the app (an import): label, fraction in 0..1 (-1: unknown), and
//! whether it is still running (0: finished; the label then says how it ended).
EMSCRIPTEN_KEEPALIVE void loupe_ui_activity(const char* label, double fraction, int active) {
  P().app->SetActivity(label ? label : "", fraction, active != 0);
  Want(kFramesAfterInput);
}

//! The workspace's data changed outside the dashboard (an import): every reply is re-fetched.
EMSCRIPTEN_KEEPALIVE void loupe_ui_data_changed() {
  P().app->bridge().Invalidate();
  Want(kFramesAfterInput);
}

//! One frame. Returns how many more frames the app wants (0: idle until the next event).
EMSCRIPTEN_KEEPALIVE int loupe_ui_frame(double now_ms) {
  Platform& p = P();
  if (!p.app) return 0;
  ImGuiIO& io = ImGui::GetIO();
  if (p.font_dpr != p.dpr) {
    BuildFonts();
    p.renderer.UploadFonts();
  }
  io.DisplaySize = ImVec2(p.css_width, p.css_height);
  io.DisplayFramebufferScale = ImVec2(p.dpr, p.dpr);
  io.DeltaTime = p.last_frame_ms > 0 && now_ms > p.last_frame_ms
                     ? static_cast<float>((now_ms - p.last_frame_ms) / 1000.0)
                     : 1.0f / 60.0f;
  if (io.DeltaTime > 0.25f) io.DeltaTime = 0.25f;  // after idling: no giant animation step
  p.last_frame_ms = now_ms;

  const double start = emscripten_get_now();
  ImGui::NewFrame();
  int more = p.app->Frame();
  ImGui::Render();
  const double built = emscripten_get_now();

  // Releases noted before this frame take effect now that it has seen the presses.
  p.app->ApplyReleases();

  static const char* kCursors[] = {"default", "text", "move", "ns-resize", "ew-resize", "nesw-resize",
                                   "nwse-resize", "pointer", "not-allowed"};
  const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
  loupe_js_set_cursor(cursor >= 0 && cursor < IM_ARRAYSIZE(kCursors) ? kCursors[cursor] : "default");

  // The text agent follows ImGui's text fields, so IMEs and on-screen keyboards work.
  if (io.WantTextInput != p.text_input_active || (p.text_input_active && io.WantTextInput)) {
    p.text_input_active = io.WantTextInput;
    loupe_js_text_input(p.text_input_active, p.caret.x, p.caret.y, ImGui::GetFontSize());
  }

  const int fb_width = static_cast<int>(std::lround(p.css_width * p.dpr));
  const int fb_height = static_cast<int>(std::lround(p.css_height * p.dpr));
  p.renderer.Render(*ImGui::GetDrawData(), fb_width, fb_height);
  p.app->RecordFrameTimes(built - start, p.renderer.last_upload_micros(), p.renderer.last_draw_micros());

  if (p.app->bridge().pending() > 0 && more < 1) more = 1;
  if (p.frames_wanted > 0) --p.frames_wanted;
  if (more > p.frames_wanted) p.frames_wanted = more;
  return p.frames_wanted;
}

//! A JSON snapshot of the app for tests and the frame-time benchmark (see App::StateJson).
EMSCRIPTEN_KEEPALIVE const char* loupe_ui_state() {
  static std::string state;
  state = P().app ? P().app->StateJson() : "{}";
  return state.c_str();
}

}  // extern "C"

int main() { return 0; }
