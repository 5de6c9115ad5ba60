// Technology tracking end to end: a git repository made here, imported with `loupe import-git`,
// whose manifest snapshots (read back from the bundle) give the versions in use over time.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli/cli_run.h"
#include "cli/subprocess.h"
#include "loupe/ingest/importer.h"
#include "loupe/intelligence/technology.h"

namespace loupe {
namespace {

using intelligence::VersionStatus;
using testing::Loupe;
using testing::Run;

// A repository in a fresh directory; each Commit() writes or deletes files as one author at
// one date.
class GitRepo {
 public:
  GitRepo() {
    char tmpl[] = "/tmp/loupe-tech-XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    dir_ = tmpl;
    REQUIRE(cli::RunProcess({"git", "init", "-q", "-b", "main", dir_ + "/shop"})->exit_code == 0);
  }
  std::string path() const { return dir_ + "/shop"; }
  std::string db() const { return dir_ + "/w.db"; }

  void Write(const std::string& file, const std::string& text) {
    const std::string full = path() + "/" + file;
    const size_t slash = full.find_last_of('/');
    REQUIRE(cli::RunProcess({"mkdir", "-p", full.substr(0, slash)})->exit_code == 0);
    std::ofstream(full, std::ios::binary) << text;
  }
  void Remove(const std::string& file) { Git({"rm", "-q", file}, "Ana", "2000-01-01T00:00:00Z"); }
  void Commit(const std::string& author, const std::string& date, const std::string& message) {
    Git({"add", "-A"}, author, date);
    Git({"commit", "-q", "-m", message}, author, date);
  }

 private:
  void Git(const std::vector<std::string>& args, const std::string& author, const std::string& date) {
    const std::string email = author == "Ana" ? "ana@shop.test" : "bo@shop.test";
    std::vector<std::string> argv = {"env", "GIT_AUTHOR_NAME=" + author, "GIT_AUTHOR_EMAIL=" + email,
                                     "GIT_COMMITTER_NAME=" + author, "GIT_COMMITTER_EMAIL=" + email,
                                     "GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date, "git", "-C", path()};
    argv.insert(argv.end(), args.begin(), args.end());
    auto r = cli::RunProcess(argv);
    REQUIRE(r.ok());
    INFO(r->err);
    REQUIRE(r->exit_code == 0);
  }
  std::string dir_;
};

Instant Day(const char* date) {
  return DaysFromCivil(*ParseIsoDate(date)) * kSecondsPerDay;
}

struct Seen {
  std::string name, version;
  VersionStatus status;
  friend bool operator==(const Seen&, const Seen&) = default;
};

std::vector<Seen> At(const model::Workspace& ws, const char* date) {
  std::vector<Seen> out;
  for (const auto& t : intelligence::TechnologiesAt(ws, intelligence::VersionTable::BuiltIn(), Day(date), {})) {
    out.push_back({t.name, t.version, t.assessment.status});
  }
  return out;
}

}  // namespace
}  // namespace loupe

namespace Catch {
template <>
struct StringMaker<loupe::Seen> {
  static std::string convert(const loupe::Seen& s) {
    return s.name + " " + s.version + " " + std::string(loupe::intelligence::VersionStatusName(s.status));
  }
};
}  // namespace Catch

namespace loupe {
namespace {

TEST_CASE("CLI: import-git records manifest snapshots and technology versions follow them", "[cli][git][technology]") {
  GitRepo repo;
  // 2021-03-01, Ana: a web app (react 17, node 14), a Django service and a Rust crate.
  repo.Write("package.json", R"({"dependencies":{"react":"^17.0.1"},"engines":{"node":">=14"}})");
  repo.Write("requirements.txt", "django==3.2.1\n");
  repo.Write("svc/Cargo.toml", "[package]\nname = \"svc\"\nrust-version = \"1.56\"\n\n[dependencies]\ntokio = \"1.0\"\n");
  repo.Write("README.md", "shop\n");
  repo.Commit("Ana", "2021-03-01T12:00:00+01:00", "feat: start");
  // 2022-05-01, Bo: only the README changes (no manifest snapshot).
  repo.Write("README.md", "shop, the web shop\n");
  repo.Commit("Bo", "2022-05-01T12:00:00+00:00", "docs: readme");
  // 2023-02-01, Bo: react 18 and node 18; a Go tool.
  repo.Write("package.json", R"({"dependencies":{"react":"^18.2.0"},"engines":{"node":">=18"}})");
  repo.Write("tools/go.mod", "module shop/tools\n\ngo 1.20\n");
  repo.Commit("Bo", "2023-02-01T12:00:00+00:00", "chore: upgrade react");
  // 2024-01-10, Ana: Django 4.2 LTS; a Spring Boot 2.7 service on Java 11.
  repo.Write("requirements.txt", "django==4.2.7\n");
  repo.Write("billing/pom.xml",
             "<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent"
             "</artifactId><version>2.7.5</version></parent><properties><java.version>11</java.version>"
             "</properties></project>\n");
  repo.Commit("Ana", "2024-01-10T12:00:00+00:00", "feat: billing");
  // 2025-03-01, Bo: the Python service goes (requirements.txt deleted, a pyproject for its
  // scripts stays), a Kotlin app and a Swift server arrive.
  repo.Remove("requirements.txt");
  repo.Write("scripts/pyproject.toml", "[project]\nname = \"scripts\"\nrequires-python = \">=3.12\"\n");
  repo.Write("app/build.gradle.kts", "plugins {\n    kotlin(\"jvm\") version \"2.0.0\"\n}\n");
  repo.Write("server/Package.swift",
             "// swift-tools-version:5.9\nimport PackageDescription\nlet package = Package(name: \"server\", "
             "dependencies: [.package(url: \"https://github.com/vapor/vapor.git\", from: \"4.89.0\")])\n");
  repo.Commit("Bo", "2025-03-01T12:00:00+00:00", "feat: apps");

  Run r = Loupe({"--db", repo.db(), "import-git", repo.path(), "--repo", "acme/shop"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  // Snapshots: 3 in commit 1, 2 in commit 3, 2 in commit 4, 4 in commit 5 (the deletion too).
  CHECK_THAT(r.err, Catch::Contains("+5 commits, +11 manifests"));
  Run again = Loupe({"--db", repo.db(), "import-git", repo.path(), "--repo", "acme/shop"});
  CHECK_THAT(again.err, Catch::Contains("nothing new"));

  Run bundle = Loupe({"--db", repo.db(), "export-bundle"});
  REQUIRE(bundle.code == 0);
  model::Workspace ws;
  ingest::ImportOptions options;
  options.source_name = "bundle";
  REQUIRE(ingest::ParseInto(ingest::InputBuffer::Copy(bundle.out), options, ws).ok());
  REQUIRE(ws.manifests().size() == 11);
  // The bundle carries them: imported into a new workspace and exported again, the same bytes.
  {
    const std::string copy = repo.db() + ".bundle.json";
    std::ofstream(copy, std::ios::binary) << bundle.out;
    const std::string db2 = repo.db() + "2";
    REQUIRE(Loupe({"--db", db2, "import", copy}).code == 0);
    Run again_bundle = Loupe({"--db", db2, "export-bundle"});
    CHECK(again_bundle.out == bundle.out);
  }

  // 2021-06-01: every version was the newest line of its technology then (Rust 1.56 was not
  // released yet, so the table knew nothing newer) -> all current.
  CHECK(At(ws, "2021-06-01") == std::vector<Seen>{{"django", "3.2.1", VersionStatus::kCurrent},
                                                  {"node", "14", VersionStatus::kCurrent},
                                                  {"react", "17.0.1", VersionStatus::kCurrent},
                                                  {"rust", "1.56", VersionStatus::kCurrent},
                                                  {"tokio", "1.0", VersionStatus::kCurrent}});
  // 2024-06-01: django 4.2 superseded by 5.0 180 days earlier -> current; go 1.20 past its end of
  // life (2024-02-06) and Spring Boot 2.x past its (2023-11-24) -> deprecated; java 11 superseded
  // by 17 991 days earlier -> recent; node 18 superseded by 20 410 days earlier -> recent; rust
  // 1.56 superseded by 1.60 786 days earlier -> recent.
  CHECK(At(ws, "2024-06-01") == std::vector<Seen>{{"django", "4.2.7", VersionStatus::kCurrent},
                                                  {"go", "1.20", VersionStatus::kDeprecated},
                                                  {"java", "11", VersionStatus::kRecent},
                                                  {"node", "18", VersionStatus::kRecent},
                                                  {"react", "18.2.0", VersionStatus::kCurrent},
                                                  {"rust", "1.56", VersionStatus::kRecent},
                                                  {"spring-boot", "2.7.5", VersionStatus::kDeprecated},
                                                  {"tokio", "1.0", VersionStatus::kCurrent}});
  // 2025-06-01: django gone with requirements.txt; node 18 past its end of life (2025-04-30);
  // java 11 (1,356 days) and rust 1.56 (1,151 days) superseded over 3 years -> outdated; python
  // 3.12 superseded by 3.13 237 days earlier and swift 5.9 by 6.0 258 days earlier -> current.
  CHECK(At(ws, "2025-06-01") == std::vector<Seen>{{"go", "1.20", VersionStatus::kDeprecated},
                                                  {"java", "11", VersionStatus::kOutdated},
                                                  {"kotlin", "2.0.0", VersionStatus::kCurrent},
                                                  {"node", "18", VersionStatus::kDeprecated},
                                                  {"python", "3.12", VersionStatus::kCurrent},
                                                  {"react", "18.2.0", VersionStatus::kCurrent},
                                                  {"rust", "1.56", VersionStatus::kOutdated},
                                                  {"spring-boot", "2.7.5", VersionStatus::kDeprecated},
                                                  {"swift", "5.9", VersionStatus::kCurrent},
                                                  {"tokio", "1.0", VersionStatus::kCurrent},
                                                  {"vapor", "4.89.0", VersionStatus::kCurrent}});

  // Who declared what: Bo's profile holds react 18.2.0 and node 18 (2023) and the 2025 apps.
  const identity::Resolution resolution = identity::Resolve(ws);
  const uint32_t bo = *resolution.Lookup(ws, "bo@shop.test");
  const auto profile = intelligence::ProfileDeveloperTechnologies(ws, resolution, bo, intelligence::VersionTable::BuiltIn(),
                                                                  Day("2025-06-01"), {});
  std::vector<std::string> names;
  for (const auto& t : profile.technologies) names.push_back(t.name + " " + t.version);
  CHECK(names == std::vector<std::string>{"go 1.20", "kotlin 2.0.0", "node 18", "python 3.12", "react 18.2.0",
                                          "swift 5.9", "vapor 4.89.0"});
}

TEST_CASE("CLI: import-git --since keeps the manifests of the commits it imports", "[cli][git][technology]") {
  GitRepo repo;
  repo.Write("package.json", R"({"dependencies":{"react":"^17.0.1"}})");
  repo.Commit("Ana", "2021-03-01T12:00:00+00:00", "feat: start");
  repo.Write("package.json", R"({"dependencies":{"react":"^18.2.0"}})");
  repo.Commit("Ana", "2023-02-01T12:00:00+00:00", "chore: react 18");
  Run r = Loupe({"--db", repo.db(), "import-git", repo.path(), "--since", "2022-01-01"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("+1 commits, +1 manifests"));
}

}  // namespace
}  // namespace loupe
