// The collaboration network's co-author edges on the real opendal and devlake histories equal the
// Co-authored-by trailers read straight from the raw exports. Nothing here prints who anyone is.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "loupe/core/strings.h"
#include "loupe/identity/bot_rules.h"
#include "loupe/ingest/importer.h"
#include "loupe/intelligence/collaboration_network.h"
#include "support/test_util.h"

namespace loupe {
namespace {

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

void CheckCoAuthorEdges(const std::string& dir, const char* file, const char* repo) {
  const std::string raw = testing::ReadFileOrFail(dir + "/git/" + file);
  model::Workspace batch, ws;
  ingest::ImportOptions options;
  options.source_name = file;
  options.repo = repo;
  REQUIRE(ingest::ParseInto(ingest::InputBuffer::Copy(raw), options, batch).ok());
  ws.mutable_rules().bot_rules = identity::DefaultBotRules();
  ws.Apply(ws.Plan(batch));
  const identity::Resolution resolution = identity::Resolve(ws);
  const store::ActivityStore store = store::ActivityStore::Build(ws, resolution);

  // Independent reading: each record's author e-mail (field 3) and every "Co-authored-by: Name
  // <e-mail>" line of its message (field 10), people mapped to developers by e-mail; per commit
  // each co-author developer once, never the author, bots left out.
  const auto dev_of = [&](std::string_view email) {
    return resolution.IndexOf(ws.FindIdentity(model::IdentityKind::kEmail, email));
  };
  const auto human = [&](uint32_t d) { return d != model::kNoId && !resolution.developers()[d].is_bot; };
  std::map<std::pair<uint32_t, uint32_t>, int64_t> expected;
  int64_t trailer_lines = 0;
  const auto records = SplitOn(raw, '\x1e');
  for (size_t i = 1; i < records.size(); ++i) {
    const auto f = SplitOn(records[i], '\x1f');
    REQUIRE(f.size() == 12);
    const uint32_t author = dev_of(f[3]);
    std::vector<uint32_t> co;
    for (std::string_view line : SplitOn(f[10], '\n')) {
      line = Trim(line);
      if (!StartsWithIgnoreCaseAscii(line, "co-authored-by:")) continue;
      ++trailer_lines;
      const size_t lt = line.rfind('<'), gt = line.rfind('>');
      if (lt == std::string_view::npos || gt == std::string_view::npos || gt < lt) continue;
      const std::string_view email = Trim(line.substr(lt + 1, gt - lt - 1));
      if (email.find('@') == std::string_view::npos) continue;
      const uint32_t d = dev_of(email);
      if (d != author && std::find(co.begin(), co.end(), d) == co.end()) co.push_back(d);
    }
    if (!human(author)) continue;
    for (uint32_t d : co) {
      if (human(d)) ++expected[{std::min(author, d), std::max(author, d)}];
    }
  }
  REQUIRE(trailer_lines > 0);
  REQUIRE_FALSE(expected.empty());

  std::vector<uint32_t> everyone(resolution.developers().size());
  for (uint32_t d = 0; d < everyone.size(); ++d) everyone[d] = d;
  const auto& t = store.commits().time;
  const Window all{t.front(), t.back() + 1};
  const auto net = intelligence::BuildCollaborationNetwork(ws, store, resolution, everyone, all, {});
  std::map<std::pair<uint32_t, uint32_t>, int64_t> actual;
  for (const auto& e : net.edges) {
    if (e.co_author_count > 0) actual[{e.a, e.b}] = e.co_author_count;
  }
  CHECK(actual.size() == expected.size());
  CHECK(actual == expected);
}

TEST_CASE("Collaboration real data: opendal co-author edges match the trailers", "[real-data][intelligence][collaboration]") {
  LOUPE_REAL_DATA_OR_SKIP(dir);
  CheckCoAuthorEdges(dir, "apache-opendal.gitlog", "apache/opendal");
}

TEST_CASE("Collaboration real data: devlake co-author edges match the trailers", "[real-data][intelligence][collaboration]") {
  LOUPE_REAL_DATA_OR_SKIP(dir);
  CheckCoAuthorEdges(dir, "apache-incubator-devlake.gitlog", "apache/incubator-devlake");
}

}  // namespace
}  // namespace loupe
