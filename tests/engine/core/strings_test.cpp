#include "loupe/core/strings.h"

#include <catch2/catch.hpp>

#include "loupe/core/json_writer.h"
#include "loupe/core/sha.h"

namespace loupe {
namespace {

TEST_CASE("Strings: UTF-8 validation finds the first bad byte", "[core][strings]") {
  CHECK(IsValidUtf8("plain ascii, long enough to take the eight-byte path"));
  CHECK(IsValidUtf8("caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80"));  // é, 中文, 😀
  CHECK(FindInvalidUtf8("abcdefghij\xFFz") == 10);        // a stray 0xFF after 10 ASCII bytes
  CHECK(FindInvalidUtf8("ab\xC3") == 2);                   // truncated 2-byte sequence
  CHECK(FindInvalidUtf8("\xC0\xAF") == 0);                 // overlong '/'
  CHECK(FindInvalidUtf8("x\xED\xA0\x80") == 1);            // UTF-16 surrogate U+D800
  CHECK(FindInvalidUtf8("\xF4\x90\x80\x80") == 0);         // U+110000, beyond Unicode
}

TEST_CASE("Strings: ellipsis never splits a character", "[core][strings]") {
  // "héllo" is h, C3 A9, l, l, o: cutting at 2 bytes would split é, so the cut steps back to 1.
  CHECK(Ellipsize("h\xC3\xA9llo", 2) == "h\xE2\x80\xA6");
  CHECK(Ellipsize("short", 10) == "short");
  CHECK(QuoteForMessage("a\"b\x01") == "\"a\\\"b\\x01\"");
}

TEST_CASE("Strings: glob rules are case-insensitive and anchored", "[core][strings]") {
  CHECK(GlobMatchIgnoreCase("*[bot]", "Dependabot[BOT]"));
  CHECK(GlobMatchIgnoreCase("*[bot]@*", "49699333+dependabot[bot]@users.noreply.github.com"));
  CHECK_FALSE(GlobMatchIgnoreCase("*[bot]", "subotac"));
  CHECK(GlobMatchIgnoreCase("renovate?bot", "renovate-bot"));
  CHECK_FALSE(GlobMatchIgnoreCase("renovate", "renovate-bot"));
  CHECK(GlobMatchIgnoreCase("a*b*c", "axxbyyc"));
  CHECK_FALSE(GlobMatchIgnoreCase("a*b*c", "axxbyy"));
}

TEST_CASE("Strings: integers parse whole and in range", "[core][strings]") {
  int64_t v = 0;
  CHECK(ParseInt64("42", v));
  CHECK(v == 42);
  CHECK(ParseInt64("-7", v));
  CHECK_FALSE(ParseInt64("99999999999999999999", v));
  CHECK_FALSE(ParseInt64("12abc", v));
  CHECK_FALSE(ParseInt64("5", v, 10, 20));
  CHECK(FormatThousands(1234567) == "1,234,567");
  CHECK(FormatThousands(999) == "999");
  CHECK(FormatThousands(-12345) == "-12,345");
}

TEST_CASE("JsonWriter: escapes and nests deterministically", "[core][json]") {
  JsonWriter w;
  w.BeginObject().Field("name", "a\"b\\c\n\x01").Key("list").BeginArray().Int(1).Bool(true).Null();
  w.Double(0.1).Double(1e300).Double(2.675, 2).Double(90).Double(-1500).Double(1e15).EndArray().EndObject();
  // 0.1 prints as 0.1 (shortest round-trip); 2.675 to 2 decimals is 2.67 or 2.68 by binary value
  // (it is 2.67499999…), so 2.67; whole numbers below 1e15 print as integers (90, not 9e+01).
  CHECK(w.str() == R"({"name":"a\"b\\c\n\u0001","list":[1,true,null,0.1,1e+300,2.67,90,-1500,1e+15]})");
  JsonWriter pretty(true);
  pretty.BeginObject().Field("a", int64_t{1}).Key("b").BeginArray().EndArray().EndObject();
  CHECK(pretty.str() == "{\n  \"a\": 1,\n  \"b\": []\n}");
}

TEST_CASE("Sha: hex round trip and strict parsing", "[core][sha]") {
  Sha s;
  REQUIRE(Sha::Parse("68A76E499F57FBF707DE0BEE9B33E47721C45EB6", s));
  CHECK(s.Hex() == "68a76e499f57fbf707de0bee9b33e47721c45eb6");
  CHECK(s.Short() == "68a76e4");
  CHECK_FALSE(Sha::Parse("68a76e49", s));
  CHECK_FALSE(Sha::Parse("g8a76e499f57fbf707de0bee9b33e47721c45eb6", s));
  CHECK(Sha().empty());
}

}  // namespace
}  // namespace loupe
