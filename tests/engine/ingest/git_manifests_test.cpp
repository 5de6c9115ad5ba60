#include "loupe/ingest/git_manifests.h"

#include <string>

#include <catch2/catch.hpp>

#include "loupe/ingest/importer.h"
#include "support/test_util.h"

namespace loupe {
namespace {

using namespace std::string_literals;

constexpr const char* kCommit1 = "1111111111111111111111111111111111111111";
constexpr const char* kCommit2 = "2222222222222222222222222222222222222222";
constexpr const char* kBlobA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
constexpr const char* kBlobB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
constexpr const char* kZero = "0000000000000000000000000000000000000000";

// One commit of a git log export (docs/formats.md) authored at `date`, changing `path`.
std::string CommitRecord(const char* sha, const char* date, const char* path) {
  std::string out = "\x1e"s + sha + "\x1f\x1f" + "Ana\x1f" + "ana@example.com\x1f" + date + "\x1f" + "Ana\x1f" +
                    "ana@example.com\x1f" + date + "\x1f" + "main\x1f\x1f" + "bump\n\x1f\n\n1\t1\t" + path + "\n";
  return out;
}

std::string ManifestRecord(const char* sha, const std::string& path, const std::string& content) {
  return "\x1emanifest\x1f"s + sha + "\x1f" + path + "\x1f" + std::to_string(content.size()) + "\x1f" + content + "\n";
}

ingest::ImportOptions Options() {
  ingest::ImportOptions options;
  options.source_name = "widget.gitlog";
  options.repo = "acme/widget";
  return options;
}

TEST_CASE("Git manifests: the raw log lists manifest changes with their blobs", "[ingest][manifests]") {
  // Commit 2 changes package.json and deletes a requirements file; commit 1 adds both and a README
  // (not a manifest) and a symbolic link named go.mod (no text to read).
  const std::string log = "\x1e"s + kCommit2 + "\0\n"s + ":100644 100644 " + kBlobA + " " + kBlobB + " M\0"s +
                          "web/package.json\0"s + ":100644 000000 " + kBlobA + " " + kZero + " D\0"s +
                          "requirements-dev.txt\0"s + "\x1e"s + kCommit1 + "\0\n"s + ":000000 100644 " + kZero + " " +
                          kBlobA + " A\0"s + "web/package.json\0"s + ":000000 100644 " + kZero + " " + kBlobA +
                          " A\0"s + "README.md\0"s + ":000000 120000 " + kZero + " " + kBlobB + " A\0"s + "go.mod\0"s;
  auto changes = ingest::ParseGitManifestLog(log);
  REQUIRE(changes.ok());
  REQUIRE(changes->size() == 3);
  CHECK((*changes)[0].commit.Hex() == kCommit2);
  CHECK((*changes)[0].path == "web/package.json");
  CHECK((*changes)[0].blob == kBlobB);
  CHECK((*changes)[1].path == "requirements-dev.txt");
  CHECK((*changes)[1].blob.empty());  // deleted
  CHECK((*changes)[2].commit.Hex() == kCommit1);
  CHECK(ingest::CatFileBatchInput(*changes) == std::string(kBlobB) + "\n" + kBlobA + "\n");
}

TEST_CASE("Git manifests: cat-file answers become manifest records and deletions empty ones", "[ingest][manifests]") {
  std::vector<ingest::GitManifestChange> changes(2);
  REQUIRE(Sha::Parse(kCommit2, changes[0].commit));
  changes[0].path = "package.json";
  changes[0].blob = kBlobB;
  REQUIRE(Sha::Parse(kCommit2, changes[1].commit));
  changes[1].path = "requirements.txt";
  const std::string content = "{\"x\":\n\x1e}";  // sizes, not separators, delimit the content
  const std::string answer = std::string(kBlobB) + " blob " + std::to_string(content.size()) + "\n" + content + "\n";
  auto records = ingest::GitManifestRecords(changes, answer);
  REQUIRE(records.ok());
  CHECK(*records == ManifestRecord(kCommit2, "package.json", content) + ManifestRecord(kCommit2, "requirements.txt", ""));

  auto missing = ingest::GitManifestRecords(changes, std::string(kBlobB) + " missing\n");
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.status().message(), Catch::Contains("did not answer with blob"));
}

TEST_CASE("Git manifests: records in an export are stored dated by their commit", "[ingest][manifests]") {
  const std::string text = CommitRecord(kCommit1, "2024-01-08T10:00:00+01:00", "package.json") +
                           CommitRecord(kCommit2, "2024-03-01T09:30:00Z", "package.json") +
                           ManifestRecord(kCommit1, "package.json", "{\"dependencies\":{\"react\":\"18.2.0\"}}") +
                           ManifestRecord(kCommit2, "package.json", "");
  auto batch = testing::ParseText(text, Options());
  REQUIRE(batch.ok());
  REQUIRE(batch->commits().size() == 2);
  REQUIRE(batch->manifests().size() == 2);
  const model::ManifestSnapshot& first = batch->manifests()[0];
  CHECK(first.path == "package.json");
  CHECK(first.commit.Hex() == kCommit1);
  CHECK(first.at == 1704704400);  // 2024-01-08T09:00:00Z
  CHECK(first.content == "{\"dependencies\":{\"react\":\"18.2.0\"}}");
  CHECK(batch->manifests()[1].content.empty());
  CHECK(batch->manifests()[1].at == 1709285400);  // 2024-03-01T09:30:00Z
}

TEST_CASE("Git manifests: a record whose commit the export lacks is rejected", "[ingest][manifests]") {
  const std::string text = CommitRecord(kCommit1, "2024-01-08T10:00:00+01:00", "package.json") +
                           ManifestRecord(kCommit2, "package.json", "{}");
  auto batch = testing::ParseText(text, Options());
  REQUIRE_FALSE(batch.ok());
  CHECK_THAT(batch.status().ToString(), Catch::Contains("record 2 (manifest package.json)"));
  CHECK_THAT(batch.status().message(), Catch::Contains("no commit " + std::string(kCommit2)));
}

TEST_CASE("Git manifests: a wrong byte count names the record and the field", "[ingest][manifests]") {
  std::string text = CommitRecord(kCommit1, "2024-01-08T10:00:00+01:00", "package.json") +
                     "\x1emanifest\x1f"s + kCommit1 + "\x1fpackage.json\x1f" + "5\x1f{}\n";
  auto batch = testing::ParseText(text, Options());
  REQUIRE_FALSE(batch.ok());
  CHECK_THAT(batch.status().ToString(), Catch::Contains("record 2 (manifest"));
  CHECK_THAT(batch.status().ToString(), Catch::Contains("field size"));
}

TEST_CASE("Git manifests: content that is not UTF-8 is counted as skipped", "[ingest][manifests]") {
  const std::string text = CommitRecord(kCommit1, "2024-01-08T10:00:00+01:00", "pom.xml") +
                           ManifestRecord(kCommit1, "pom.xml", "\xff\xfe<\0p\0"s);
  ingest::ImportOptions options = Options();
  model::Workspace batch;
  auto stats = ingest::ParseInto(ingest::InputBuffer::Copy(text), options, batch);
  REQUIRE(stats.ok());
  CHECK(batch.manifests().empty());
  CHECK(stats->skipped.at("manifest that is not UTF-8 text") == 1);
}

TEST_CASE("Manifest kinds are recognised by file name", "[model][manifests]") {
  using model::ManifestKind;
  CHECK(model::ManifestKindOf("package.json") == ManifestKind::kPackageJson);
  CHECK(model::ManifestKindOf("crates/core/Cargo.toml") == ManifestKind::kCargoToml);
  CHECK(model::ManifestKindOf("backend/go.mod") == ManifestKind::kGoMod);
  CHECK(model::ManifestKindOf("pyproject.toml") == ManifestKind::kPyprojectToml);
  CHECK(model::ManifestKindOf("requirements-dev.txt") == ManifestKind::kRequirementsTxt);
  CHECK(model::ManifestKindOf("pom.xml") == ManifestKind::kPomXml);
  CHECK(model::ManifestKindOf("app/build.gradle.kts") == ManifestKind::kBuildGradle);
  CHECK(model::ManifestKindOf("Package.swift") == ManifestKind::kPackageSwift);
  CHECK(model::ManifestKindOf("package-lock.json") == ManifestKind::kNone);
  CHECK(model::ManifestKindOf("docs/requirements.md") == ManifestKind::kNone);
}

}  // namespace
}  // namespace loupe
