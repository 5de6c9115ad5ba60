#include "loupe/intelligence/expertise.h"

#include <cmath>
#include <string>

#include <catch2/catch.hpp>

namespace loupe {
namespace {

using intelligence::ExpertiseSettings;

Instant Day(const char* date) {
  return DaysFromCivil(*ParseIsoDate(date)) * kSecondsPerDay;
}

TEST_CASE("Expertise: languages come from file extensions", "[intelligence][expertise]") {
  CHECK(intelligence::LanguageOfPath("core/src/services/s3/backend.rs") == "Rust");
  CHECK(intelligence::LanguageOfPath("backend/plugins/github/api.go") == "Go");
  CHECK(intelligence::LanguageOfPath("config-ui/src/App.TSX") == "TypeScript");
  CHECK(intelligence::LanguageOfPath("bindings/python/opendal/__init__.pyi") == "Python");
  CHECK(intelligence::LanguageOfPath("include/engine.hpp") == "C++");
  CHECK(intelligence::LanguageOfPath("README.md").empty());
  CHECK(intelligence::LanguageOfPath("Cargo.toml").empty());
  CHECK(intelligence::LanguageOfPath(".gitignore").empty());
  CHECK(intelligence::LanguageOfPath("Makefile").empty());
}

TEST_CASE("Expertise: proficiency lets steady work reach expert", "[intelligence][expertise][regression]") {
  const ExpertiseSettings s;
  // issue 5 (aexy §9.3 item 6: its log scale needs ~10^5 commits for expert). Two years of
  // steady work: 416 commits, 40,000 lines, 24 active months:
  // 100 · (0.35 · log10(417)/log10(501) + 0.25 · log10(40001)/log10(50001) + 0.40 · min(1, 24/18))
  // = 100 · (0.35 · 0.97048 + 0.25 · 0.97938 + 0.40) = 98.45 -> expert.
  CHECK(intelligence::Proficiency(416, 40000, 24, s) == Approx(98.4512).margin(1e-3));
  CHECK(intelligence::DepthOf(intelligence::Proficiency(416, 40000, 24, s)) == "expert");
  // One year: 200 commits, 20,000 lines, 12 months = 100 · (0.35 · 0.85332 + 0.25 · 0.91578
  // + 0.40 · 0.66667) = 79.41 -> advanced, just short of expert.
  CHECK(intelligence::Proficiency(200, 20000, 12, s) == Approx(79.4076).margin(1e-3));
  CHECK(intelligence::DepthOf(79.4076) == "advanced");
  // Three months of weekend work: 20 commits, 1,000 lines = 100 · (0.35 · 0.48991 + 0.25 · 0.63831
  // + 0.40 · 0.16667) = 39.77 -> novice.
  CHECK(intelligence::Proficiency(20, 1000, 3, s) == Approx(39.7708).margin(1e-3));
  // The full amounts and beyond give 100; nothing gives 0.
  CHECK(intelligence::Proficiency(500, 50000, 18, s) == Approx(100.0));
  CHECK(intelligence::Proficiency(5000, 900000, 40, s) == Approx(100.0));
  CHECK(intelligence::Proficiency(0, 0, 0, s) == Approx(0.0));
}

TEST_CASE("Expertise: depth bands", "[intelligence][expertise]") {
  CHECK(intelligence::DepthOf(80) == "expert");
  CHECK(intelligence::DepthOf(79.99) == "advanced");
  CHECK(intelligence::DepthOf(60) == "advanced");
  CHECK(intelligence::DepthOf(40) == "intermediate");
  CHECK(intelligence::DepthOf(39.9) == "novice");
}

TEST_CASE("Expertise: confidence grows with commits and steady months and lines", "[intelligence][expertise]") {
  const ExpertiseSettings s;
  // 50 commits, 5,000 lines, 6 months: 0.4 · 0.5 + 0.3 · 0.5 + 0.3 · 0.5 = 0.5.
  CHECK(intelligence::Confidence(50, 5000, 6, s) == Approx(0.5));
  // Saturated: 0.4 + 0.3 + 0.3 = 1.
  CHECK(intelligence::Confidence(300, 90000, 30, s) == Approx(1.0));
  // One big commit: 0.4 · 0.01 + 0.3 · (1/12) + 0.3 · 1 = 0.329.
  CHECK(intelligence::Confidence(1, 20000, 1, s) == Approx(0.329));
}

TEST_CASE("Expertise: recency halves every half-life down to a floor", "[intelligence][expertise]") {
  ExpertiseSettings s;
  CHECK(intelligence::RecencyFactor(0, s) == Approx(1.0));
  CHECK(intelligence::RecencyFactor(180, s) == Approx(0.5));
  CHECK(intelligence::RecencyFactor(360, s) == Approx(0.25));
  // 2^(−720/180) = 0.0625 < 0.1 -> the floor.
  CHECK(intelligence::RecencyFactor(720, s) == Approx(0.1));
  // The half-life is a setting: 90 days -> 180 days is two half-lives = 0.25.
  s.recency_half_life_days = 90;
  CHECK(intelligence::RecencyFactor(180, s) == Approx(0.25));
}

TEST_CASE("Expertise: context from repository names", "[intelligence][expertise]") {
  using V = std::vector<std::string>;
  // "api" and "service" (2 production hits) vs none -> production.
  CHECK(intelligence::ContextOf(V{"acme/payments-api", "acme/user-service"}) == "production");
  // "tutorial" and "learn" -> learning (the seed never produced it).
  CHECK(intelligence::ContextOf(V{"me/rust-tutorial", "me/learn-go"}) == "learning");
  // "playground" -> personal.
  CHECK(intelligence::ContextOf(V{"me/playground"}) == "personal");
  // No pattern, three repositories -> production; one repository -> unknown.
  CHECK(intelligence::ContextOf(V{"a/x", "a/y", "a/z"}) == "production");
  CHECK(intelligence::ContextOf(V{"apache/opendal"}) == "unknown");
}

// A workspace where Ana writes Rust and a TypeScript web app declared with React.
struct Fixture {
  model::Workspace ws;
  model::RepoId repo = ws.InternRepo("acme/rocket");
  model::IdentityId ana = ws.InternEmail("ana@example.com", "Ana");
  int next = 1;

  void Commit(const char* date, std::vector<model::FileChange> files, int parents = 1) {
    model::Commit c;
    char hex[41];
    std::snprintf(hex, sizeof hex, "%040d", next++);
    REQUIRE(Sha::Parse(hex, c.sha));
    c.repo = repo;
    c.author = ana;
    c.authored = {Day(date) + 36000, 0};
    c.committed = c.authored;
    c.parents.resize(static_cast<size_t>(parents));
    for (const auto& f : files) c.additions += f.additions;
    c.files = std::move(files);
    c.has_files = c.has_stats = true;
    c.changed_files = static_cast<int32_t>(c.files.size());
    ws.UpsertCommit(std::move(c));
  }
};

model::FileChange File(const char* path, int32_t added) {
  model::FileChange f;
  f.path = path;
  f.additions = added;
  return f;
}

TEST_CASE("Expertise: a developer's skills from files and manifests", "[intelligence][expertise]") {
  Fixture f;
  f.Commit("2024-01-10", {File("src/lib.rs", 100), File("README.md", 5)});
  f.Commit("2024-02-15", {File("src/main.rs", 50), File("web/app.ts", 30)});
  f.Commit("2024-02-20", {File("web/app.ts", 20)});
  f.Commit("2024-03-01", {File("src/merge.rs", 900)}, /*parents=*/2);  // a merge: not counted
  f.Commit("2024-08-01", {File("src/late.rs", 70)});                   // after the window
  model::Commit manifest_commit = f.ws.commits()[0];
  f.ws.UpsertManifest({f.repo, "web/package.json", manifest_commit.sha, Day("2024-01-01"),
                       R"({"dependencies":{"react":"^18.2.0"},"engines":{"node":">=20"}})"});
  const identity::Resolution resolution = identity::Resolve(f.ws);
  const store::ActivityStore store = store::ActivityStore::Build(f.ws, resolution);
  const Window window{Day("2024-01-01"), Day("2024-07-01")};
  const auto profile = intelligence::AnalyzeExpertise(f.ws, store, resolution.IndexOf(f.ana), window, {});

  // Rust: 2 commits, 150 lines, months Jan and Feb, last 2024-02-15 10:00 (136 days and 14 h
  // before 2024-07-01). proficiency = 100 · (0.35 · log10(3)/log10(501) + 0.25 · log10(151)/
  // log10(50001) + 0.40 · 2/18) = 22.22; confidence = 0.4 · 0.02 + 0.3 · 2/12 + 0.3 · 0.015
  // = 0.0625.
  // TypeScript: 2 commits, 50 lines, 1 month: 17.49, 0.4 · 0.02 + 0.3/12 + 0.3 · 0.005 = 0.0345.
  // react (web/package.json covers web/app.ts): the same two commits and lines as TypeScript.
  // node is a runtime, not a framework. Order by proficiency × confidence: Rust (1.389), then
  // TypeScript and react (0.603 each, by name).
  REQUIRE(profile.skills.size() == 3);
  const auto& rust = profile.skills[0];
  CHECK(rust.name == "Rust");
  CHECK(rust.kind == intelligence::SkillKind::kLanguage);
  CHECK(rust.commit_count == 2);
  CHECK(rust.lines_of_code == 150);
  CHECK(rust.active_months == 2);
  CHECK(rust.repositories == 1);
  CHECK(rust.last_activity == Day("2024-02-15") + 36000);
  CHECK(rust.proficiency == Approx(22.2225).margin(1e-3));
  CHECK(rust.confidence == Approx(0.0625));
  CHECK(rust.recency_factor == Approx(std::pow(2.0, -(136.0 + 14.0 / 24) / 180)));
  CHECK(rust.depth == "novice");
  CHECK(rust.context == "unknown");
  CHECK(profile.skills[1].name == "TypeScript");
  CHECK(profile.skills[1].proficiency == Approx(17.4923).margin(1e-3));
  CHECK(profile.skills[1].confidence == Approx(0.0345));
  CHECK(profile.skills[2].name == "react");
  CHECK(profile.skills[2].kind == intelligence::SkillKind::kFramework);
  CHECK(profile.skills[2].commit_count == 2);
  CHECK(profile.skills[2].lines_of_code == 50);
  // (0.0625 + 0.0345 + 0.0345) / 3 = 0.043833…
  CHECK(profile.overall_confidence == Approx(0.0438333).margin(1e-6));

  JsonWriter w;
  intelligence::WriteJson(w, profile);
  CHECK_THAT(w.str(), Catch::StartsWith(R"({"skills":[{"name":"Rust","kind":"language","proficiency":22.2,)"));
  CHECK_THAT(w.str(), Catch::Contains(R"("recency_factor":0.59,"depth":"novice","context":"unknown","commit_count":2,)"
                                      R"("lines_of_code":150,"active_months":2,"repositories":1,)"
                                      R"("last_activity_at":"2024-02-15T10:00:00Z"})"));
  CHECK_THAT(w.str(), Catch::EndsWith(R"("overall_confidence":0.04})"));
}

TEST_CASE("Expertise: team comparison by effective level", "[intelligence][expertise]") {
  intelligence::ExpertiseProfile a, b, c;
  a.developer = 0;
  a.skills.push_back({.name = "Rust", .proficiency = 80, .confidence = 0.5, .recency_factor = 1.0});
  b.developer = 1;
  b.skills.push_back({.name = "rust", .proficiency = 90, .confidence = 0.9, .recency_factor = 0.25});
  c.developer = 2;
  c.skills.push_back({.name = "Go", .proficiency = 99, .confidence = 1, .recency_factor = 1});
  const intelligence::ExpertiseProfile profiles[] = {a, b, c};
  // Effective level = proficiency × confidence × recency: a 80 · 0.5 · 1 = 40; b 90 · 0.9 · 0.25
  // = 20.25; c has no Rust. Names match case-insensitively.
  const auto standings = intelligence::CompareSkill(profiles, "RUST");
  REQUIRE(standings.size() == 2);
  CHECK(standings[0].developer == 0);
  CHECK(standings[0].effective_level == Approx(40.0));
  CHECK(standings[1].developer == 1);
  CHECK(standings[1].effective_level == Approx(20.25));
}

}  // namespace
}  // namespace loupe
