#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "ui/shader_sources.h"

namespace loupe::ui {
namespace {

TEST_CASE("Shader sources: ui/shader_sources.h mirrors shaders/*.glsl byte for byte", "[ui][shaders]") {
  for (const ShaderSource& s : kShaderSources) {
    INFO(s.file);
    std::ifstream in(std::string(LOUPE_SOURCE_DIR) + "/shaders/" + s.file, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    CHECK(text.str() == s.text);
    // WebGL2 wants the version directive on the very first line.
    CHECK(std::string(s.text).rfind("#version 300 es\n", 0) == 0);
  }
}

}  // namespace
}  // namespace loupe::ui
