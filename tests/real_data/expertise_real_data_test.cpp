// Expertise on the real opendal and devlake histories: the top authors' main languages are what
// anyone browsing those repositories would say, and they agree with an independent count of the
// raw numstat rows. Nothing here prints who the authors are.
#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "loupe/identity/bot_rules.h"
#include "loupe/ingest/importer.h"
#include "loupe/intelligence/expertise.h"
#include "support/test_util.h"

namespace loupe {
namespace {

struct Loaded {
  model::Workspace ws;
  identity::Resolution resolution;
  std::optional<store::ActivityStore> store;
};

std::unique_ptr<Loaded> Load(const std::string& dir, const char* file, const char* repo) {
  auto out = std::make_unique<Loaded>();
  auto input = ingest::InputBuffer::ReadFile(dir + "/git/" + file);
  REQUIRE(input.ok());
  ingest::ImportOptions options;
  options.source_name = file;
  options.repo = repo;
  model::Workspace batch;
  REQUIRE(ingest::ParseInto(*input, options, batch).ok());
  out->ws.mutable_rules().bot_rules = identity::DefaultBotRules();
  out->ws.Apply(out->ws.Plan(batch));
  out->resolution = identity::Resolve(out->ws);
  out->store.emplace(store::ActivityStore::Build(out->ws, out->resolution));
  return out;
}

// Developers who are not bots, by number of authored commits, most first (ties: index).
std::vector<uint32_t> TopAuthors(const Loaded& d, size_t n) {
  std::vector<uint32_t> devs;
  for (uint32_t i = 0; i < d.resolution.developers().size(); ++i) {
    if (!d.resolution.developers()[i].is_bot && !d.store->CommitsOf(i).empty()) devs.push_back(i);
  }
  std::stable_sort(devs.begin(), devs.end(), [&](uint32_t a, uint32_t b) {
    return d.store->CommitsOf(a).size() > d.store->CommitsOf(b).size();
  });
  if (devs.size() > n) devs.resize(n);
  return devs;
}

// The independent reading: per language, how many of the developer's commits touch a file with
// one of its extensions, straight from the model's file lists (no analyzer code involved).
std::vector<std::pair<std::string, int64_t>> LanguageCommitCounts(const Loaded& d, uint32_t dev) {
  static const std::map<std::string, std::string> kExt = {
      {"rs", "Rust"}, {"go", "Go"}, {"py", "Python"}, {"java", "Java"}, {"ts", "TypeScript"}, {"tsx", "TypeScript"},
      {"js", "JavaScript"}, {"jsx", "JavaScript"}, {"c", "C"}, {"h", "C"}, {"cpp", "C++"}, {"cs", "C#"},
      {"rb", "Ruby"}, {"php", "PHP"}, {"swift", "Swift"}, {"kt", "Kotlin"}, {"sh", "Shell"}, {"sql", "SQL"},
      {"lua", "Lua"}, {"zig", "Zig"}, {"dart", "Dart"}, {"hs", "Haskell"}, {"ml", "OCaml"}, {"ex", "Elixir"},
      {"scala", "Scala"}, {"html", "HTML"}, {"css", "CSS"}, {"scss", "CSS"}};
  std::map<std::string, int64_t> counts;
  for (uint32_t row : d.store->CommitsOf(dev)) {
    const model::Commit& c = d.ws.commits()[d.store->commits().source[row]];
    std::map<std::string, bool> seen;
    for (const model::FileChange& f : c.files) {
      const std::string name = f.path.substr(f.path.find_last_of('/') + 1);
      const size_t dot = name.find_last_of('.');
      if (dot == std::string::npos || dot == 0) continue;
      std::string ext = name.substr(dot + 1);
      for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      auto it = kExt.find(ext);
      if (it != kExt.end()) seen[it->second] = true;
    }
    for (const auto& [lang, yes] : seen) ++counts[lang];
  }
  std::vector<std::pair<std::string, int64_t>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

std::string MainLanguage(const intelligence::ExpertiseProfile& p) {
  for (const intelligence::Skill& s : p.skills) {
    if (s.kind == intelligence::SkillKind::kLanguage) return s.name;
  }
  return "";
}

intelligence::ExpertiseProfile Profile(const Loaded& d, uint32_t dev) {
  // The whole history: from the first commit to a day after the last.
  const auto& times = d.store->commits().time;
  const Window all{times.front(), times.back() + kSecondsPerDay};
  return intelligence::AnalyzeExpertise(d.ws, *d.store, dev, all, {});
}

TEST_CASE("Expertise real data: opendal's top authors work mainly in Rust", "[real-data][intelligence][expertise]") {
  LOUPE_REAL_DATA_OR_SKIP(dir);
  const auto d = Load(dir, "apache-opendal.gitlog", "apache/opendal");
  const auto top = TopAuthors(*d, 3);
  REQUIRE(top.size() == 3);
  for (size_t rank = 0; rank < top.size(); ++rank) {
    const auto profile = Profile(*d, top[rank]);
    const auto counted = LanguageCommitCounts(*d, top[rank]);
    INFO("author rank " << rank + 1);
    REQUIRE_FALSE(counted.empty());
    // The language most of their commits touch is their main (highest-ranked) language skill.
    CHECK(MainLanguage(profile) == counted[0].first);
    const auto& main = profile.skills[0];
    CHECK(main.commit_count == counted[0].second);
  }
  // The three most active authors all work mainly in Rust (the core, services and most
  // bindings); the first has years of steady work -> expert.
  std::vector<std::string> main_languages;
  for (uint32_t dev : top) main_languages.push_back(MainLanguage(Profile(*d, dev)));
  CHECK(main_languages == std::vector<std::string>{"Rust", "Rust", "Rust"});
  const auto first = Profile(*d, top[0]);
  CHECK(first.skills[0].depth == "expert");
  CHECK(first.skills[0].active_months >= 18);
}

TEST_CASE("Expertise real data: devlake's top authors work in Go then TypeScript then JavaScript", "[real-data][intelligence][expertise]") {
  LOUPE_REAL_DATA_OR_SKIP(dir);
  const auto d = Load(dir, "apache-incubator-devlake.gitlog", "apache/incubator-devlake");
  const auto top = TopAuthors(*d, 3);
  REQUIRE(top.size() == 3);
  for (size_t rank = 0; rank < top.size(); ++rank) {
    const auto profile = Profile(*d, top[rank]);
    const auto counted = LanguageCommitCounts(*d, top[rank]);
    INFO("author rank " << rank + 1);
    REQUIRE_FALSE(counted.empty());
    CHECK(MainLanguage(profile) == counted[0].first);
  }
  // The backend (Go) author first, then the config UI's TypeScript and JavaScript authors.
  std::vector<std::string> main_languages;
  for (uint32_t dev : top) main_languages.push_back(MainLanguage(Profile(*d, dev)));
  CHECK(main_languages == std::vector<std::string>{"Go", "TypeScript", "JavaScript"});
  CHECK(Profile(*d, top[0]).skills[0].depth == "expert");
}

}  // namespace
}  // namespace loupe
