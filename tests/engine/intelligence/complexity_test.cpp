#include "loupe/intelligence/complexity.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/metrics/metric_builder.h"

namespace loupe {
namespace {

using intelligence::ChangeCategory;
using intelligence::ChangeLayer;
using intelligence::ClassifyPath;
using intelligence::ComplexityLevel;
using intelligence::ReviewEffort;
using testing::kAexy;
using testing::kLoupe;

TEST_CASE("Complexity: path layers components and flags", "[intelligence][complexity]") {
  auto api = ClassifyPath("src/api/UserController.java");
  CHECK(api.layer == ChangeLayer::kApi);
  CHECK(api.component == "api");
  // The first conventional root in the path names the component: packages/web, not src/components.
  auto ui = ClassifyPath("packages/web/src/components/Button.tsx");
  CHECK(ui.layer == ChangeLayer::kUi);
  CHECK(ui.component == "web");
  auto migration = ClassifyPath("db/migrations/0007_invoices.sql");
  CHECK(migration.layer == ChangeLayer::kRepository);
  CHECK(migration.is_migration);
  CHECK(migration.component == "db");
  auto docker = ClassifyPath("Dockerfile");
  CHECK(docker.is_infra);
  CHECK(docker.layer == ChangeLayer::kInfrastructure);
  CHECK(docker.component == "root");
  auto workflow = ClassifyPath(".github/workflows/ci.yml");
  CHECK(workflow.is_infra);
  CHECK(workflow.is_config);
  CHECK(workflow.layer == ChangeLayer::kInfrastructure);
  auto test = ClassifyPath("tests/test_parser.py");
  CHECK(test.is_test);
  CHECK(test.layer == ChangeLayer::kTest);
  CHECK(test.component == "tests");
  CHECK(ClassifyPath("config/settings.yaml").layer == ChangeLayer::kConfig);
  CHECK(ClassifyPath("src/auth/session.ts").is_security_sensitive);
  CHECK(ClassifyPath("certs/server.pem").is_security_sensitive);
  CHECK_FALSE(ClassifyPath("src/latest.rs").is_test);
}

TEST_CASE("Complexity: issue 5 - security-sensitive paths are matched as words",
          "[intelligence][complexity][regression]") {
  // The seed's substrings flag a tokenizer ("token") and the authors file ("/auth").
  CHECK(ClassifyPath("src/tokenizer.rs", kAexy).is_security_sensitive);
  CHECK_FALSE(ClassifyPath("src/tokenizer.rs", kLoupe).is_security_sensitive);
  CHECK(ClassifyPath("docs/AUTHORS.md", kAexy).is_security_sensitive);
  CHECK_FALSE(ClassifyPath("docs/AUTHORS.md", kLoupe).is_security_sensitive);
  CHECK(ClassifyPath("src/api/tokens.py", kLoupe).is_security_sensitive);
}

TEST_CASE("Complexity: levels and review effort thresholds", "[intelligence][complexity]") {
  CHECK(intelligence::ComplexityLevelOf(14) == ComplexityLevel::kTrivial);
  CHECK(intelligence::ComplexityLevelOf(15) == ComplexityLevel::kSimple);
  CHECK(intelligence::ComplexityLevelOf(30) == ComplexityLevel::kModerate);
  CHECK(intelligence::ComplexityLevelOf(50) == ComplexityLevel::kComplex);
  CHECK(intelligence::ComplexityLevelOf(70) == ComplexityLevel::kCritical);
  CHECK(intelligence::ReviewEffortOf(ComplexityLevel::kSimple, 99) == ReviewEffort::kLow);
  CHECK(intelligence::ReviewEffortOf(ComplexityLevel::kTrivial, 100) == ReviewEffort::kMedium);
  CHECK(intelligence::ReviewEffortOf(ComplexityLevel::kSimple, 300) == ReviewEffort::kHigh);
  CHECK(intelligence::ReviewEffortOf(ComplexityLevel::kModerate, 199) == ReviewEffort::kMedium);
  CHECK(intelligence::ReviewEffortOf(ComplexityLevel::kModerate, 200) == ReviewEffort::kHigh);
  CHECK(intelligence::ReviewEffortOf(ComplexityLevel::kComplex, 299) == ReviewEffort::kHigh);
  CHECK(intelligence::ReviewEffortOf(ComplexityLevel::kComplex, 300) == ReviewEffort::kVeryHigh);
  CHECK(intelligence::ReviewEffortOf(ComplexityLevel::kCritical, 1) == ReviewEffort::kVeryHigh);
}

TEST_CASE("Complexity: a change across layers with a migration and infrastructure", "[intelligence][complexity]") {
  // 5 files -> 20; components billing, db, deploy (3) -> 15; layers api, model, test, repository,
  // infrastructure (5, >= 4) -> 20; categories feature ("Add"), test, infrastructure (k8s file
  // and migration), configuration (yaml): infrastructure is there -> 15; a migration -> 10;
  // 1 infrastructure file -> 2. 20 + 15 + 20 + 15 + 10 + 2 = 82 -> critical, very_high effort.
  const std::vector<std::string> paths = {"src/billing/api/webhooks.go", "src/billing/models/invoice.go",
                                          "src/billing/billing_test.go", "db/migrations/0007_invoices.sql",
                                          "deploy/k8s/billing.yaml"};
  const auto a = intelligence::ClassifyChange({"Add billing webhooks", "", paths, 0, 420});
  CHECK(a.complexity_score == 82);
  CHECK(a.level == ComplexityLevel::kCritical);
  CHECK(a.review_effort == ReviewEffort::kVeryHigh);
  CHECK(a.categories == std::vector<ChangeCategory>{ChangeCategory::kFeature, ChangeCategory::kInfrastructure,
                                                    ChangeCategory::kConfiguration, ChangeCategory::kTest});
  CHECK(a.layers == std::vector<ChangeLayer>{ChangeLayer::kApi, ChangeLayer::kModel, ChangeLayer::kRepository,
                                             ChangeLayer::kInfrastructure, ChangeLayer::kTest});
  CHECK(a.components == std::vector<std::string>{"billing", "db", "deploy"});
  // 3 components is not more than 3; 420 lines is not more than 500; a test file is there.
  CHECK(a.risk_indicators == std::vector<std::string>{"Modifies infrastructure files", "Includes database migrations"});
  CHECK(a.is_cross_cutting);
  CHECK(a.touches_architecture);
  JsonWriter w;
  intelligence::WriteJson(w, a);
  CHECK(w.str() ==
        R"({"complexity_score":82,"complexity_level":"critical","review_effort":"very_high",)"
        R"("categories":["feature","infrastructure","configuration","test"],)"
        R"("layers_touched":["api","model","repository","infrastructure","test"],)"
        R"("components_touched":["billing","db","deploy"],)"
        R"("risk_indicators":["Modifies infrastructure files","Includes database migrations"],)"
        R"("files_changed":5,"lines_changed":420,"test_files":1,"infra_files":1,"migration_files":1,)"
        R"("security_sensitive_files":0,"files_known":true,"is_cross_cutting":true,"touches_architecture":true})");
}

TEST_CASE("Complexity: a one-file fix is trivial", "[intelligence][complexity]") {
  // 1 file -> 0; one component, no layer but "other" -> 0; categories bugfix ("Fix") and
  // documentation ("README"): 2 -> 5. Score 5 -> trivial; 2 lines -> low.
  const std::vector<std::string> paths = {"README.md"};
  const auto a = intelligence::ClassifyChange({"Fix typo in README", "", paths, 0, 2});
  CHECK(a.complexity_score == 5);
  CHECK(a.level == ComplexityLevel::kTrivial);
  CHECK(a.review_effort == ReviewEffort::kLow);
  CHECK(a.categories == std::vector<ChangeCategory>{ChangeCategory::kBugfix, ChangeCategory::kDocumentation});
}

TEST_CASE("Complexity: risk indicators for untested security work", "[intelligence][complexity]") {
  // 4 non-test files, no tests, 4 components, 650 lines, security paths and category.
  const std::vector<std::string> paths = {"src/auth/login.ts", "src/billing/pay.ts", "src/search/query.ts",
                                          "src/users/profile.ts"};
  const auto a = intelligence::ClassifyChange({"Tighten permission checks", "", paths, 0, 650});
  CHECK(a.risk_indicators == std::vector<std::string>{"Touches security-sensitive files", "Security-related change",
                                                      "Spans 4 components", "Large change (650 lines)",
                                                      "No test changes for 4 non-test files"});
}

TEST_CASE("Complexity: issue 5 - categories are matched as words", "[intelligence][complexity][regression]") {
  // "Bump docker base image to latest", one file, files unknown. The seed finds "doc" in "docker"
  // and "test" in "latest": documentation, dependency, test -> more than 2 categories -> 10.
  // Loupe: dependency only -> 0.
  const intelligence::ChangeDescription change{"Bump docker base image to latest", "", {}, 1, 4};
  const auto seed = intelligence::ClassifyChange(change, kAexy);
  CHECK(seed.categories == std::vector<ChangeCategory>{ChangeCategory::kDocumentation, ChangeCategory::kDependency,
                                                       ChangeCategory::kTest});
  CHECK(seed.complexity_score == 10);
  const auto ours = intelligence::ClassifyChange(change, kLoupe);
  CHECK(ours.categories == std::vector<ChangeCategory>{ChangeCategory::kDependency});
  CHECK(ours.complexity_score == 0);
  CHECK_FALSE(ours.files_known);
}

// ---- pull requests in a workspace ----------------------------------------------------------------

void SetFiles(testing::MetricWorld& world, const Sha& sha, const std::vector<std::string>& paths) {
  model::Commit c = *world.ws.FindCommit(sha);
  for (const std::string& p : paths) c.files.push_back({p, "", 10, 2});
  c.has_files = true;
  world.ws.UpsertCommit(std::move(c));
}

void Describe(testing::MetricWorld& world, const testing::PrRef& ref, const std::string& title, int64_t add,
              int64_t del, int64_t changed_files) {
  model::PullRequest pr = *world.ws.FindPullRequest(world.ws.FindRepo(ref.repo), ref.number);
  pr.title = title;
  pr.additions = add;
  pr.deletions = del;
  pr.changed_files = changed_files;
  pr.updated_at = pr.created_at + 1;  // a later snapshot: its fields win
  world.ws.UpsertPullRequest(std::move(pr));
}

TEST_CASE("Complexity: issue 5 - pull requests are classified from their commits' files",
          "[intelligence][complexity][regression]") {
  // aexy §9.2 item 6: the seed's classifier raised for every PR (no files or body on its model).
  testing::MetricWorld world;
  world.Person("bo");
  const Sha c1 = world.Commit("bo", "2024-01-09T10:00:00Z");
  const Sha c2 = world.Commit("bo", "2024-01-09T11:00:00Z");
  SetFiles(world, c1, {"src/app/api/users.py", "src/app/api/users_test.py"});
  SetFiles(world, c2, {"src/app/models/user.py"});
  const auto with_files = world.Pr("bo", "2024-01-09T12:00:00Z", {.commits = {c1, c2}});
  Describe(world, with_files, "Add user endpoint", 120, 30, 3);
  const auto without = world.Pr("bo", "2024-01-10T12:00:00Z");
  Describe(world, without, "Fix login redirect", 10, 2, 2);

  // With files: 3 files -> 10; component app -> 0; layers api (users_test.py is under api/ and
  // api comes first) and model -> 10; feature ("Add") and test (a test file) -> 5. 25 -> simple;
  // 150 lines -> medium.
  const model::PullRequest& pr = *world.ws.FindPullRequest(world.ws.FindRepo("acme/rocket"), with_files.number);
  CHECK(intelligence::PullRequestPaths(world.ws, pr) ==
        std::vector<std::string>{"src/app/api/users.py", "src/app/api/users_test.py", "src/app/models/user.py"});
  const auto a = intelligence::ClassifyPullRequest(world.ws, pr);
  CHECK(a.complexity_score == 25);
  CHECK(a.level == ComplexityLevel::kSimple);
  CHECK(a.review_effort == ReviewEffort::kMedium);
  CHECK(a.lines_changed == 150);

  // Without files: 2 files (the PR's count) -> 10, bugfix only -> 10 -> trivial, 12 lines -> low.
  const testing::Built built(world, kLoupe);
  const uint32_t bo = built.Dev("bo");
  const auto p = intelligence::ProfileComplexity(world.ws, built.ctx, std::span(&bo, 1), testing::WeekOf("2024-01-08"));
  CHECK(p.total_prs == 2);
  CHECK(p.average_complexity_score == Approx(17.5));  // (25 + 10) / 2
  CHECK(p.level_distribution == std::array<int64_t, 5>{1, 1, 0, 0, 0});
  CHECK(p.files_known_ratio == Approx(0.5));
  CHECK_FALSE(p.handles_critical_changes);
  // Efforts medium (2) and low (1): mean 1.5 rounds to 2 -> medium.
  CHECK(p.avg_review_effort == ReviewEffort::kMedium);
  JsonWriter w;
  intelligence::WriteJson(w, p);
  CHECK(w.str() ==
        R"({"total_prs":2,"average_complexity_score":17.5,)"
        R"("complexity_distribution":{"trivial":1,"simple":1,"moderate":0,"complex":0,"critical":0},)"
        R"("top_categories":[["bugfix",1],["feature",1],["test",1]],"top_components":[["app",1]],)"
        R"("top_layers":[["api",1],["model",1]],"cross_cutting_ratio":0,"architecture_ratio":0,)"
        R"("files_known_ratio":0.5,"handles_critical_changes":false,"avg_review_effort":"medium"})");
}

}  // namespace
}  // namespace loupe
