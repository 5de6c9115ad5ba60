#include "loupe/intelligence/technology.h"

#include <string>

#include <catch2/catch.hpp>

#include "loupe/intelligence/manifests.h"

namespace loupe {
namespace {

using intelligence::AssessVersion;
using intelligence::VersionFromSpec;
using intelligence::VersionStatus;

Instant Day(const char* date) {
  return DaysFromCivil(*ParseIsoDate(date)) * kSecondsPerDay;
}

// widget: 1.0 (2020-01-01, end of life 2023-01-01), 2.0 (2021-01-01), 3.0 (2024-06-01, end of
// life announced for 2030-01-01), 4.0 (2025-01-01).
const intelligence::VersionTable& WidgetTable() {
  static const intelligence::VersionTable table = *intelligence::VersionTable::Parse(
      "# test table\n"
      "tech\twidget\tlibrary\tnpm:widget npm:@widget/*\n"
      "line\twidget\t1.0\t2020-01-01\t2023-01-01\n"
      "line\twidget\t2.0\t2021-01-01\n"
      "line\twidget\t3.0\t2024-06-01\t2030-01-01\n"
      "line\twidget\t4.0\t2025-01-01\n");
  return table;
}

VersionStatus StatusOf(const char* version, const char* as_of) {
  return AssessVersion(WidgetTable().technologies()[0], VersionFromSpec(version), Day(as_of), {}).status;
}

TEST_CASE("Technology: versions are read from requirement specs", "[intelligence][technology]") {
  CHECK(VersionFromSpec("^18.2.0").ToString() == "18.2.0");
  CHECK(VersionFromSpec(">=3.9,<4").ToString() == "3.9");
  CHECK(VersionFromSpec("~> 1.2").ToString() == "1.2");
  CHECK(VersionFromSpec("v1.9.1").ToString() == "1.9.1");
  CHECK(VersionFromSpec("18.x").ToString() == "18");
  CHECK(VersionFromSpec("[1.2,2.0)").ToString() == "1.2");
  CHECK(VersionFromSpec("1.21.3.4").ToString() == "1.21.3");
  CHECK(VersionFromSpec("*").count == 0);
  CHECK(VersionFromSpec("workspace:*").count == 0);
  CHECK(VersionFromSpec("3.10") > VersionFromSpec("3.9"));
  CHECK(VersionFromSpec("18") == VersionFromSpec("18.0.0"));
}

TEST_CASE("Technology: the newest line is current", "[intelligence][technology]") {
  // 4.0.3 at 2025-06-01: its line 4.0 is the newest released -> current.
  CHECK(StatusOf("4.0.3", "2025-06-01") == VersionStatus::kCurrent);
}

TEST_CASE("Technology: issue 5 - a version newer than the table is current and never outdated",
          "[intelligence][technology][regression]") {
  // aexy §9.3 item 7: 5.2 is newer than every line (4.0 is the newest) -> current.
  CHECK(StatusOf("5.2", "2025-06-01") == VersionStatus::kCurrent);
  // 2.0 in mid-2020: only 1.0 had been released, so 2.0 was newer than anything known then.
  CHECK(StatusOf("2.0", "2020-06-01") == VersionStatus::kCurrent);
  // Before any release the table knows: nothing to compare against -> current.
  CHECK(StatusOf("1.0", "2019-01-01") == VersionStatus::kCurrent);
}

TEST_CASE("Technology: a superseded line is current for current_days", "[intelligence][technology]") {
  // 2.3 at 2025-05-31: superseded by 3.0 on 2024-06-01, 364 days earlier (< 365) -> current.
  CHECK(StatusOf("2.3", "2025-05-31") == VersionStatus::kCurrent);
  // One day later it is 365 days (not < 365): recent.
  CHECK(StatusOf("2.3", "2025-06-01") == VersionStatus::kRecent);
}

TEST_CASE("Technology: a line superseded longer than recent_days is outdated", "[intelligence][technology]") {
  // 2.3 at 2028-01-01: superseded 2024-06-01, 1,309 days earlier (>= 1,095), no support
  // announced -> outdated.
  CHECK(StatusOf("2.3", "2028-01-01") == VersionStatus::kOutdated);
  // 2.3 at 2027-05-31: 1,094 days (< 1,095) -> recent.
  CHECK(StatusOf("2.3", "2027-05-31") == VersionStatus::kRecent);
}

TEST_CASE("Technology: a line inside its announced support is at worst recent", "[intelligence][technology]") {
  // 3.1 at 2028-01-01: superseded by 4.0 on 2025-01-01, exactly 1,095 days earlier, but 3.0's
  // support runs to 2030-01-01 -> recent, not outdated.
  const auto a = AssessVersion(WidgetTable().technologies()[0], VersionFromSpec("3.1"), Day("2028-01-01"), {});
  CHECK(a.status == VersionStatus::kRecent);
  CHECK(a.latest == "4.0");
  CHECK(a.superseded == Day("2025-01-01"));
  CHECK(a.end_of_life == Day("2030-01-01"));
}

TEST_CASE("Technology: a line past its end of life is deprecated", "[intelligence][technology]") {
  // 1.5 at 2023-06-01: 1.0's end of life 2023-01-01 has passed -> deprecated.
  CHECK(StatusOf("1.5", "2023-06-01") == VersionStatus::kDeprecated);
  // The same version a year earlier: superseded by 2.0 on 2021-01-01, 516 days before
  // 2022-06-01 (>= 365, < 1,095), still supported -> recent.
  CHECK(StatusOf("1.5", "2022-06-01") == VersionStatus::kRecent);
}

TEST_CASE("Technology: a version older than every line is outdated", "[intelligence][technology]") {
  CHECK(StatusOf("0.9", "2025-06-01") == VersionStatus::kOutdated);
}

TEST_CASE("Technology: the thresholds are settings", "[intelligence][technology]") {
  // 2.3 at 2025-06-01 is 365 days past 3.0's release: recent by default, current with a
  // 400-day current window, outdated with current 100 / recent 200.
  const auto& widget = WidgetTable().technologies()[0];
  CHECK(AssessVersion(widget, VersionFromSpec("2.3"), Day("2025-06-01"), {400, 1095}).status == VersionStatus::kCurrent);
  CHECK(AssessVersion(widget, VersionFromSpec("2.3"), Day("2025-06-01"), {100, 200}).status == VersionStatus::kOutdated);
}

TEST_CASE("Technology: the built-in table parses and is dated by its newest release", "[intelligence][technology]") {
  const auto& table = intelligence::VersionTable::BuiltIn();
  CHECK(table.technologies().size() >= 20);
  // The newest release line in engine/data/technologies.tsv is Python 3.14 (2025-10-07).
  CHECK(table.dated() == Day("2025-10-07"));
  REQUIRE(table.Match("npm", "react-dom") != nullptr);
  CHECK(table.Match("npm", "react-dom")->name == "react");
  CHECK(table.Match("maven", "org.springframework.boot:spring-boot-starter-web")->name == "spring-boot");
  CHECK(table.Match("toolchain", "python")->name == "python");
  CHECK(table.Match("pypi", "python") == nullptr);  // a package named python is not the language
  CHECK(table.Match("cargo", "react") == nullptr);
}

TEST_CASE("Technology: table errors name the line", "[intelligence][technology]") {
  auto bad = intelligence::VersionTable::Parse("tech\tx\tlibrary\tnpm:x\nline\tx\t2.0\t2020-01-01\nline\tx\t1.0\t2021-01-01\n");
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.status().ToString(), Catch::Contains("line 3") && Catch::Contains("ascend"));
  auto unknown = intelligence::VersionTable::Parse("line\ty\t1.0\t2020-01-01\n");
  REQUIRE_FALSE(unknown.ok());
  CHECK_THAT(unknown.status().ToString(), Catch::Contains("before its tech record"));
}

// ---- over a workspace --------------------------------------------------------------------------

struct Fixture {
  model::Workspace ws;
  model::RepoId repo = ws.InternRepo("acme/web");
  model::IdentityId ana = ws.InternEmail("ana@example.com", "Ana");
  model::IdentityId bo = ws.InternEmail("bo@example.com", "Bo");
  int next = 1;

  // A commit by `who` at `date` that leaves `path` with `content`.
  void Manifest(model::IdentityId who, const char* date, const std::string& path, const std::string& content) {
    model::Commit c;
    char hex[41];
    std::snprintf(hex, sizeof hex, "%040d", next++);
    REQUIRE(Sha::Parse(hex, c.sha));
    c.repo = repo;
    c.author = who;
    c.authored = {Day(date), 0};
    c.committed = c.authored;
    ws.UpsertCommit(c);
    ws.UpsertManifest({repo, path, c.sha, Day(date), content});
  }
};

std::string PackageJson(const char* react, const char* node) {
  return std::string("{\"dependencies\":{\"react\":\"") + react + "\",\"left-pad\":\"1.3.0\"},\"engines\":{\"node\":\"" +
         node + "\"}}";
}

TEST_CASE("Technology: versions in use follow the manifests over time", "[intelligence][technology]") {
  Fixture f;
  f.Manifest(f.ana, "2021-03-01", "package.json", PackageJson("^17.0.1", ">=14"));
  f.Manifest(f.bo, "2023-02-01", "package.json", PackageJson("^18.2.0", ">=18"));
  f.Manifest(f.ana, "2024-01-10", "requirements.txt", "django==3.2.1\n");
  f.Manifest(f.ana, "2025-03-01", "requirements.txt", "");  // deleted
  const auto& table = intelligence::VersionTable::BuiltIn();

  // 2021-06-01: react 17.0.1 (17.0 is the newest line) -> current; node 14 (newest line 16.0
  // released 2021-04-20, 42 days earlier) -> current. left-pad is not tracked.
  auto at2021 = intelligence::TechnologiesAt(f.ws, table, Day("2021-06-01"), {});
  REQUIRE(at2021.size() == 2);
  CHECK(at2021[0].name == "node");
  CHECK(at2021[0].version == "14");
  CHECK(at2021[0].assessment.status == VersionStatus::kCurrent);
  CHECK(at2021[1].name == "react");
  CHECK(at2021[1].version == "17.0.1");
  CHECK(at2021[1].assessment.status == VersionStatus::kCurrent);
  CHECK(at2021[1].since == Day("2021-03-01"));

  // 2024-06-01: package.json says react 18.2.0 (newest line 18.0) and node 18; django 3.2.1 whose
  // end of life was 2024-04-01 -> deprecated.
  auto at2024 = intelligence::TechnologiesAt(f.ws, table, Day("2024-06-01"), {});
  REQUIRE(at2024.size() == 3);
  CHECK(at2024[0].name == "django");
  CHECK(at2024[0].assessment.status == VersionStatus::kDeprecated);
  CHECK(at2024[0].manifests == std::vector<std::string>{"acme/web:requirements.txt"});
  CHECK(at2024[1].name == "node");
  CHECK(at2024[1].version == "18");
  // node 18 at 2024-06-01: superseded by 20.0 on 2023-04-18 (410 days) and supported until
  // 2025-04-30 -> recent.
  CHECK(at2024[1].assessment.status == VersionStatus::kRecent);
  CHECK(at2024[2].name == "react");
  CHECK(at2024[2].version == "18.2.0");
  CHECK(at2024[2].assessment.status == VersionStatus::kCurrent);
  CHECK(at2024[2].since == Day("2023-02-01"));

  // 2025-06-01: requirements.txt was deleted; react 18.2.0 superseded by 19.0 (2024-12-05,
  // 178 days) -> still current; node 18 past its end of life 2025-04-30 -> deprecated.
  auto at2025 = intelligence::TechnologiesAt(f.ws, table, Day("2025-06-01"), {});
  REQUIRE(at2025.size() == 2);
  CHECK(at2025[0].name == "node");
  CHECK(at2025[0].assessment.status == VersionStatus::kDeprecated);
  CHECK(at2025[1].name == "react");
  CHECK(at2025[1].assessment.status == VersionStatus::kCurrent);
}

TEST_CASE("Technology: a developer's profile and adoption score", "[intelligence][technology]") {
  Fixture f;
  f.Manifest(f.ana, "2021-03-01", "package.json", PackageJson("^17.0.1", ">=14"));
  f.Manifest(f.ana, "2021-04-01", "package.json", PackageJson("^17.0.2", ">=14"));
  f.Manifest(f.bo, "2023-02-01", "package.json", PackageJson("^18.2.0", ">=18"));
  const identity::Resolution resolution = identity::Resolve(f.ws);
  const uint32_t ana = resolution.IndexOf(f.ana), bo = resolution.IndexOf(f.bo);
  const auto& table = intelligence::VersionTable::BuiltIn();

  // Ana at 2025-06-01 declared node 14 (end of life 2023-04-30: deprecated, twice), react 17.0.1
  // and 17.0.2 (superseded by 18.0 on 2022-03-29, 1,160 days: outdated).
  // adoption = (0 current + 0.5 * 0 recent) / 3 = 0.
  auto profile = intelligence::ProfileDeveloperTechnologies(f.ws, resolution, ana, table, Day("2025-06-01"), {});
  REQUIRE(profile.technologies.size() == 3);
  CHECK(profile.technologies[0].name == "node");
  CHECK(profile.technologies[0].usage_count == 2);
  CHECK(profile.technologies[0].last_seen == Day("2021-04-01"));
  CHECK(profile.technologies[0].status == VersionStatus::kDeprecated);
  CHECK(profile.technologies[1].version == "17.0.2");
  CHECK(profile.technologies[1].status == VersionStatus::kOutdated);
  CHECK(profile.adoption_score == Approx(0.0));
  REQUIRE(profile.upgrade_suggestions.size() == 3);
  CHECK(profile.upgrade_suggestions[0].technology == "node");
  CHECK(profile.upgrade_suggestions[0].priority == "high");
  CHECK(profile.upgrade_suggestions[0].suggested_version == "24.0");
  CHECK(profile.upgrade_suggestions[1].priority == "medium");

  // Ana at 2021-06-01: all three current -> adoption (3 + 0) / 3 = 1.
  auto early = intelligence::ProfileDeveloperTechnologies(f.ws, resolution, ana, table, Day("2021-06-01"), {});
  CHECK(early.adoption_score == Approx(1.0));
  CHECK(early.upgrade_suggestions.empty());

  // Bo at 2024-06-01: react 18.2.0 current, node 18 recent -> (1 + 0.5) / 2 = 0.75.
  auto bo_profile = intelligence::ProfileDeveloperTechnologies(f.ws, resolution, bo, table, Day("2024-06-01"), {});
  CHECK(bo_profile.adoption_score == Approx(0.75));

  // Nobody else: no technologies -> the seed's 0.5.
  Fixture empty;
  CHECK(intelligence::ProfileDeveloperTechnologies(empty.ws, identity::Resolve(empty.ws), 0, table, Day("2024-06-01"), {})
            .adoption_score == Approx(0.5));

  // The team at 2025-06-01: Ana node 14 deprecated, react 17.0.1 and 17.0.2 outdated; Bo react
  // 18.2.0 current (superseded 178 days earlier), node 18 deprecated (end of life 2025-04-30).
  // Health = current / (current + outdated + deprecated) * 100 = 1 / (1 + 2 + 2) * 100 = 20;
  // critical upgrades node 18 and node 14, one developer each (equal: newer version first).
  const uint32_t members[] = {ana, bo};
  auto team = intelligence::TeamTechnologies(f.ws, resolution, members, table, Day("2025-06-01"), {});
  CHECK(team.health_score == Approx(20.0));
  REQUIRE(team.technologies.size() == 2);
  CHECK(team.technologies[0].name == "node");
  CHECK(team.technologies[0].developer_count == 2);
  CHECK(team.technologies[1].versions.size() == 3);
  REQUIRE(team.critical_upgrades.size() == 2);
  CHECK(team.critical_upgrades[0].technology == "node");
  CHECK(team.critical_upgrades[0].version == "18");
  CHECK(team.critical_upgrades[1].version == "14");
  CHECK(team.critical_upgrades[1].developers_affected == 1);

  JsonWriter w;
  intelligence::WriteJson(w, team);
  CHECK_THAT(w.str(), Catch::StartsWith("{\"technologies\":{\"node\":{\"category\":\"runtime\",\"versions_in_use\":{\"18\":"
                                        "{\"count\":1,\"status\":\"deprecated\"},\"14\":{\"count\":1,\"status\":\"deprecated\"}}"));
}

}  // namespace
}  // namespace loupe
