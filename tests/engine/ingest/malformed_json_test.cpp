// Malformed JSON never crashes an importer: it is rejected with the file, the record, the field and
// the line or column of the problem. Regression tests for the On-Demand crash on a fuzzer-mutated
// rocket-pulls.json (a stray `0` before a closing brace, exit 139) and for the shapes of simdjson
// issues #1632 and #1660, where On-Demand lookups after malformed JSON were unsafe.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "ingest/json_syntax.h"
#include "loupe/ingest/bundle.h"
#include "loupe/core/strings.h"
#include "loupe/ingest/importer.h"
#include "support/test_util.h"

namespace loupe {
namespace {

using ingest::Format;

std::string Hex(char digit) {
  return std::string(40, digit);
}

Result<ingest::ImportStats> Import(std::string_view text, Format format) {
  ingest::ImportOptions options;
  options.source_name = "input.json";
  options.format = format;
  model::Workspace batch;
  return ingest::ParseInto(ingest::InputBuffer::Copy(text), options, batch);
}

Status ImportError(std::string_view text, Format format) {
  auto stats = Import(text, format);
  INFO(text);
  REQUIRE_FALSE(stats.ok());
  INFO(stats.status().ToString());
  CHECK(stats.status().code() == StatusCode::kInvalidInput);
  CHECK(stats.status().location().file == "input.json");
  return stats.status();
}

// A pull request list item on two lines, whose base ends with `base_end`.
std::string PullJson(int number, std::string_view base_end = "}") {
  return R"({"url":"https://api.github.com/repos/octo/pool/pulls/)" + std::to_string(number) +
         R"(","number":)" + std::to_string(number) + R"(,"state":"open",)" + "\n" +
         R"( "base":{"ref":"main","repo":{"full_name":"octo/pool"})" + std::string(base_end) + "}";
}

std::string Event(std::string_view type, std::string_view payload) {
  return R"({"id":"1","type":")" + std::string(type) +
         R"(","repo":{"name":"octo/pool"},"payload":)" + std::string(payload) +
         R"(,"created_at":"2021-07-21T06:00:00Z"})";
}

// A small bundle (no final newline) holding a commit with a file and a pull request.
std::string SmallBundle() {
  model::Workspace ws;
  const model::RepoId repo = ws.InternRepo("octo/pool");
  model::Commit c;
  Sha::Parse(Hex('a'), c.sha);
  c.repo = repo;
  c.author = ws.InternEmail("ana@example.com", "Ana Lima");
  c.authored = {1709287200, 60};
  c.message = "Fix the \"pool\" \xE2\x80\x94 \xC3\xBCn\xC3\xAF" "code";
  c.files = {{"pool.go", "", 5, 2, model::FileStatus::kModified, false}};
  c.has_files = c.has_stats = true;
  c.additions = 5, c.deletions = 2, c.changed_files = 1;
  ws.UpsertCommit(c);
  model::PullRequest pr;
  pr.repo = repo;
  pr.number = 7;
  pr.title = "Pool";
  pr.state = model::PrState::kOpen;
  pr.created_at = 1709287200;
  ws.UpsertPullRequest(pr);
  std::string bundle = ingest::WriteBundle(ws);
  bundle.pop_back();
  return bundle;
}

TEST_CASE("MalformedJson: a stray value before a closing brace is located, not a crash",
          "[ingest][malformed-json]") {
  // The fuzzer's crash1.json in small: record 2's base.repo object is followed by a stray `0`
  // before base's closing brace. Record 2 starts on line 4, the `0` is on line 6.
  const std::string pulls = "[\n" + PullJson(1) + ",\n" + PullJson(2, "\n 0 }") + "\n]";
  const Status rest = ImportError(pulls, Format::kGitHubRest);
  CHECK(rest.location().record == "record 2 (line 4)");
  CHECK(rest.location().field == "base.repo");
  CHECK(rest.message() == "expected ',' or '}' after an object member, got '0' (line 6)");

  // The same pull request inside a one-line event: the column is the stray `0`'s, counted from 1.
  std::string pr = PullJson(2, " 0 ");
  pr.erase(pr.find('\n'), 1);
  const std::string event = Event("PullRequestEvent", R"({"action":"opened","pull_request":)" + pr + "}");
  const Status archive = ImportError(event + "\n", Format::kGhArchive);
  CHECK(archive.location().record == "line 1");
  CHECK(archive.location().field == "payload.pull_request.base.repo");
  CHECK(archive.message() == "expected ',' or '}' after an object member, got '0' (column " +
                                 std::to_string(event.find(" 0 ") + 2) + ")");

  const std::string bundle = R"({"format":"loupe-bundle","version":1,"repositories":["a/b"],)"
                             R"("commits":[{"sha":")" + Hex('a') + R"(","repo":0 0}]})";
  const Status restored = ImportError(bundle, Format::kBundle);
  CHECK(restored.location().record == "commits[0]");
  CHECK(restored.location().field == "repo");
  CHECK(restored.message() == "expected ',' or '}' after an object member, got '0' (column " +
                                  std::to_string(bundle.find(" 0}") + 2) + ")");
}

TEST_CASE("MalformedJson: the shapes of simdjson issues #1632 and #1660 are rejected by every "
          "importer", "[ingest][malformed-json]") {
  // On-Demand walked these after the error and its following lookups were unsafe. Here both are
  // refused before any field is read. Shape 1: the ']' that should close "shadowable" is missing,
  // so column 32 holds a '}' where the array's first value belongs. Shape 2: column 5 holds a ']'
  // where the value of the key "" belongs.
  const std::string shape1 = R"({"globals":{"a":{"shadowable":[}}}})";
  const std::string shape2 = R"({"":],"hello":[[]}})";
  const std::string problem1 = "expected a value, got '}' (column 32)";
  const std::string problem2 = "expected a value, got ']' (column 5)";

  SECTION("GitHub REST") {
    const Status s1 = ImportError(shape1, Format::kGitHubRest);
    CHECK(s1.location().record == "record 1");
    CHECK(s1.location().field == "globals.a.shadowable[0]");
    CHECK(s1.message() == problem1);
    const Status s2 = ImportError(shape2, Format::kGitHubRest);
    CHECK(s2.location().record == "record 1");
    CHECK(s2.message() == problem2);
    // As the second record of a list, after a good one.
    const Status listed = ImportError("[" + PullJson(1) + ",\n" + shape1 + "]", Format::kGitHubRest);
    CHECK(listed.location().record == "record 2 (line 3)");
    CHECK(listed.location().field == "globals.a.shadowable[0]");
    CHECK(listed.message() == "expected a value, got '}' (line 3)");
  }
  SECTION("GH Archive") {
    const Status s1 = ImportError(shape1 + "\n", Format::kGhArchive);
    CHECK(s1.location().record == "line 1");
    CHECK(s1.location().field == "globals.a.shadowable[0]");
    CHECK(s1.message() == problem1);
    const Status s2 = ImportError(Event("WatchEvent", "{}") + "\n" + shape2 + "\n", Format::kGhArchive);
    CHECK(s2.location().record == "line 2");
    CHECK(s2.message() == problem2);
  }
  SECTION("bundle") {
    const Status s1 = ImportError(shape1, Format::kBundle);
    CHECK(s1.location().record == "shadowable[0]");
    CHECK(s1.message() == problem1);
    const Status s2 = ImportError(shape2, Format::kBundle);
    CHECK(s2.location().record.empty());
    CHECK(s2.message() == problem2);
  }
}

TEST_CASE("MalformedJson: every cut of a REST list is rejected and names the record it cuts",
          "[ingest][malformed-json]") {
  // Two records on lines 2 and 3, with escapes, numbers, true/false/null, nested objects and an
  // empty array. A prefix ending before record 1's '{' names top-level value 1; one ending in
  // record 1 (or just after it) names record 1; one that reaches into record 2 names record 2.
  const std::string text =
      "[\n"
      R"({"sha":")" + Hex('1') + R"(","commit":{"message":"a \"quoted\" \u00e9 word"},)"
      R"("url":"https://api.github.com/repos/octo/pool/commits/)" + Hex('1') + R"(","parents":[]},)" "\n"
      R"({"url":"https://api.github.com/repos/octo/pool/pulls/7","number":7,"state":"open","title":"T",)"
      R"("base":{"ref":"main"},"additions":12,"draft":false,"merged_at":null})" "\n"
      "]";
  REQUIRE(Import(text, Format::kGitHubRest).ok());
  const size_t record1 = text.find("{\"sha\"");
  const size_t record2 = text.find("{\"url\"");
  for (size_t n = 1; n < text.size(); ++n) {
    const std::string cut = text.substr(0, n);
    INFO("cut after " << n << " bytes: " << cut);
    const Status s = ImportError(cut, Format::kGitHubRest);
    if (n <= record1) {
      CHECK(s.location().record == "top-level value 1");
    } else if (n <= record2) {
      CHECK(s.location().record == "record 1 (line 2)");
    } else {
      CHECK(s.location().record == "record 2 (line 3)");
    }
    const bool explained = s.message().rfind("truncated JSON", 0) == 0 ||
                           s.message().rfind("invalid literal", 0) == 0;
    CHECK(explained);
  }
}

TEST_CASE("MalformedJson: every cut of an event line and of a bundle is rejected and located",
          "[ingest][malformed-json]") {
  SECTION("an event line") {
    const std::string event = Event(
        "PushEvent", R"({"size":1,"commits":[{"sha":")" + Hex('a') +
                         R"(","author":{"name":"Ana","email":"ana@example.com"},"message":"m\n\u00e9","distinct":true}]})");
    REQUIRE(Import(event, Format::kGhArchive).ok());
    for (size_t n = 1; n < event.size(); ++n) {
      INFO("cut after " << n << " bytes: " << event.substr(0, n));
      const Status s = ImportError(event.substr(0, n), Format::kGhArchive);
      CHECK(s.location().record == "line 1");
      const bool explained = s.message().rfind("truncated or malformed JSON", 0) == 0 ||
                             s.message().rfind("invalid literal", 0) == 0;
      CHECK(explained);
    }
  }
  SECTION("a bundle") {
    // A cut inside the one commit (its first byte up to its closing brace) names commits[0].
    const std::string bundle = SmallBundle();
    REQUIRE(Import(bundle, Format::kBundle).ok());
    const size_t commit = bundle.find("\"commits\":[") + 11;
    const size_t commit_end = bundle.find("],\"pull_requests\"");
    REQUIRE(bundle[commit] == '{');
    for (size_t n = 1; n < bundle.size(); ++n) {
      INFO("cut after " << n << " bytes: " << bundle.substr(0, n));
      const Status s = ImportError(bundle.substr(0, n), Format::kBundle);
      if (n > commit && n <= commit_end) CHECK(s.location().record == "commits[0]");
      const bool explained = s.message().rfind("truncated JSON", 0) == 0 ||
                             s.message().rfind("invalid literal", 0) == 0;
      CHECK(explained);
    }
  }
}

TEST_CASE("MalformedJson: each problem is named with its record, field and line",
          "[ingest][malformed-json]") {
  SECTION("a later page of gh api --paginate output") {
    // Page 2 (lines 3-5), element 2 is record 3 on line 5; its sha string is followed by another
    // string, no comma.
    const Status s = ImportError("[" + PullJson(1) + "]\n[" + PullJson(2) + ",\n" +
                                     R"({"sha":")" + Hex('2') + R"(" "commit":{}}])",
                                 Format::kGitHubRest);
    CHECK(s.location().record == "record 3 (array 2, element 2, line 5)");
    CHECK(s.location().field == "sha");
    CHECK(s.message() == "expected ',' or '}' after an object member, got '\"' (line 5)");
  }
  SECTION("a missing closing quote swallows a line break") {
    const Status s = ImportError("[\n" + PullJson(1) + ",\n" + R"({"sha":")" + Hex('2') +
                                     ",\n" + R"( "commit":{}})" + "\n]",
                                 Format::kGitHubRest);
    CHECK(s.location().record == "record 2 (line 4)");
    CHECK(s.location().field == "sha");
    CHECK(s.message() == "line break inside a string (is a closing quote missing?) (line 4)");
  }
  SECTION("an event with a bad escape, an event with a huge number") {
    const std::string good = Event("WatchEvent", "{}");
    const std::string escape = Event("PushEvent", R"({"commits":[{"sha":")" + Hex('a') +
                                                      R"(","message":"bad \q escape"}]})");
    const Status s = ImportError(good + "\n" + escape + "\n" + good + "\n", Format::kGhArchive);
    CHECK(s.location().record == "line 2");
    CHECK(s.location().field == "payload.commits[0].message");
    CHECK(s.message() == "invalid escape '\\q' in a string (column " +
                             std::to_string(escape.find("\\q") + 1) + ")");
    const std::string huge = Event("PushEvent", R"({"size":1e400,"commits":[]})");
    const Status h = ImportError(huge + "\n", Format::kGhArchive);
    CHECK(h.location().field == "payload.size");
    CHECK(h.message() == "number 1e400 out of range (column " +
                             std::to_string(huge.find("1e400") + 1) + ")");
  }
  SECTION("invalid UTF-8 in a bundle's second commit") {
    // 0xC3 must be followed by a continuation byte; '(' is not one.
    const std::string bundle =
        R"({"format":"loupe-bundle","version":1,"repositories":["a/b"],"commits":[)"
        R"({"sha":")" + Hex('a') + R"(","repo":0},{"sha":")" + Hex('b') +
        "\",\"repo\":0,\"message\":\"st\xC3(rt\"}]}";
    const Status s = ImportError(bundle, Format::kBundle);
    CHECK(s.location().record == "commits[1]");
    CHECK(s.location().field == "message");
    CHECK(s.message() == "invalid UTF-8 in a string (column " +
                             std::to_string(bundle.find('\xC3') + 1) + ")");
  }
  SECTION("lone surrogates, control characters, literals and numbers") {
    // Each value is the sha of record 1 of a one-line list, from column 9 on ('[{"sha":' before
    // it); escape problems are reported at their backslash (column 10), the tab at column 11.
    struct Case {
      std::string value;
      std::string problem;
      int column;
    };
    const std::vector<Case> cases = {
        {R"("\ud800")", "invalid \\u escape: a UTF-16 high surrogate without its low half", 10},
        {R"("\udc00")", "invalid \\u escape: a UTF-16 low surrogate without its high half", 10},
        {R"("\u12g4")", "invalid \\u escape (expected 4 hex digits)", 10},
        {"\"a\tb\"", "unescaped control character (byte 0x09) in a string", 11},
        {"tru", "invalid literal \"tru\" (expected true, false or null)", 9},
        {"01", "malformed number \"01\"", 9},
        {"1.", "malformed number \"1.\"", 9},
        {"-99999999999999999999", "number -99999999999999999999 out of range", 9},
    };
    for (const Case& c : cases) {
      INFO(c.value);
      const Status s = ImportError(R"([{"sha":)" + c.value + "}]", Format::kGitHubRest);
      CHECK(s.location().record == "record 1");
      CHECK(s.location().field == "sha");
      CHECK(s.message() == c.problem + " (column " + std::to_string(c.column) + ")");
    }
  }
  SECTION("nesting deeper than simdjson allows") {
    const std::string deep = "[" + std::string(1024, '[') + std::string(1024, ']') + "]";
    const Status s = ImportError(deep, Format::kGitHubRest);
    CHECK(s.message() == "JSON nested deeper than 1024 arrays and objects (column 1025)");
  }
}

// Deterministic mutations of valid inputs: bytes replaced by JSON's structural and special
// characters, removed, repeated, or the text cut.
class Mutator {
 public:
  std::string Mutate(std::string text) {
    static constexpr std::string_view kBytes = "{}[],:\"\\0-eE.tfn \n\xC3\xFF\x01";
    const int edits = 1 + static_cast<int>(Next() % 3);
    for (int k = 0; k < edits && !text.empty(); ++k) {
      const size_t at = Next() % text.size();
      switch (Next() % 4) {
        case 0: text[at] = kBytes[Next() % kBytes.size()]; break;
        case 1: text.erase(at, 1 + Next() % 3); break;
        case 2: text.insert(at, 1, kBytes[Next() % kBytes.size()]); break;
        default: text.resize(at); break;
      }
    }
    return text;
  }

 private:
  uint64_t Next() {
    state_ ^= state_ << 13, state_ ^= state_ >> 7, state_ ^= state_ << 17;
    return state_;
  }
  uint64_t state_ = 0x9E3779B97F4A7C15ULL;
};

TEST_CASE("MalformedJson: the syntax scan explains every rejection of mutated inputs",
          "[ingest][malformed-json]") {
  // Where the scan finds a problem, the importer rejects the input with exactly that problem
  // (simdjson rejected it too); where it finds none, no rejection is simdjson's unexplained
  // "JSON rejected by the parser". Either way nothing crashes and the file is named.
  Mutator mutator;
  const std::string rest = "[\n" + PullJson(1) + ",\n" + PullJson(2) + "\n]";
  const std::string event = Event("PushEvent", R"({"size":2,"commits":[{"sha":")" + Hex('a') +
                                                   R"(","message":"\u00e9\"","n":-1.5e3,"ok":null}]})");
  const std::string bundle = SmallBundle();
  struct Seed {
    const std::string& text;
    Format format;
  };
  for (const Seed& seed : {Seed{rest, Format::kGitHubRest}, Seed{event, Format::kGhArchive},
                           Seed{bundle, Format::kBundle}}) {
    for (int i = 0; i < 1500; ++i) {
      std::string mutant = mutator.Mutate(seed.text);
      if (seed.format == Format::kGhArchive) std::replace(mutant.begin(), mutant.end(), '\n', ' ');
      INFO("format " << ingest::FormatName(seed.format) << ", mutant: " << mutant);
      auto stats = Import(mutant, seed.format);
      ingest::json::ScanOptions options;
      options.many = seed.format == Format::kGitHubRest;
      options.unit = seed.format == Format::kGhArchive ? ingest::json::TextUnit::kLine
                                                       : ingest::json::TextUnit::kInput;
      options.value_name = seed.format == Format::kBundle ? "the bundle object"
                                                          : "the event (one event per line)";
      const ingest::json::SyntaxScan scan = ingest::json::ScanJson(mutant, options);
      if (stats.ok()) {
        CHECK(scan.problem.empty());
        continue;
      }
      CHECK(stats.status().location().file == "input.json");
      CHECK(stats.status().message().rfind("JSON rejected by the parser", 0) == std::string::npos);
      // A REST list may fail on an earlier record's content before the scan's problem is reached.
      if (!scan.problem.empty() && seed.format != Format::kGitHubRest && !Trim(mutant).empty()) {
        CHECK(stats.status().message() == scan.problem);
      }
    }
  }
}

}  // namespace
}  // namespace loupe
