#include "loupe/intelligence/manifests.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace loupe {
namespace {

using intelligence::Dependency;
using model::ManifestKind;

std::vector<Dependency> Parse(ManifestKind kind, std::string_view text) {
  auto deps = intelligence::ParseManifest(kind, text);
  REQUIRE(deps.ok());
  return *deps;
}

Dependency Dep(const char* name, const char* spec) { return {name, spec, false}; }
Dependency Tool(const char* name, const char* spec) { return {name, spec, true}; }

}  // namespace
}  // namespace loupe

namespace Catch {
template <>
struct StringMaker<loupe::intelligence::Dependency> {
  static std::string convert(const loupe::intelligence::Dependency& d) {
    return (d.toolchain ? "toolchain " : "") + d.name + " " + d.spec;
  }
};
}  // namespace Catch

namespace loupe {
namespace {

TEST_CASE("Manifests: package.json dependencies and engines.node", "[intelligence][manifests]") {
  const auto deps = Parse(ManifestKind::kPackageJson, R"({
    "name": "web", "dependencies": {"react": "^18.2.0", "react-dom": "^18.2.0"},
    "devDependencies": {"typescript": "~5.3.3", "react": "^17"},
    "engines": {"node": ">=20"}})");
  CHECK(deps == std::vector<Dependency>{Dep("react", "^18.2.0"), Dep("react-dom", "^18.2.0"),
                                        Dep("typescript", "~5.3.3"), Tool("node", ">=20")});
  auto broken = intelligence::ParseManifest(ManifestKind::kPackageJson, "{\"dependencies\": {");
  REQUIRE_FALSE(broken.ok());
  CHECK_THAT(broken.status().message(), Catch::Contains("not valid JSON"));
}

TEST_CASE("Manifests: Cargo.toml tables and inline tables and renames and rust-version", "[intelligence][manifests]") {
  const auto deps = Parse(ManifestKind::kCargoToml, R"(
[package]
name = "opendal"
rust-version = "1.75"   # MSRV

[dependencies]
serde = { version = "1.0.190", features = ["derive"] }
tokio = "1.34"
web = { package = "actix-web", version = "4.4" }
local = { path = "../local" }

[target.'cfg(unix)'.dependencies]
libc = "0.2"

[dev-dependencies.pretty_assertions]
version = "1.4"

[workspace.dependencies]
anyhow = "1"
)");
  CHECK(deps == std::vector<Dependency>{Tool("rust", "1.75"), Dep("serde", "1.0.190"), Dep("tokio", "1.34"),
                                        Dep("actix-web", "4.4"), Dep("local", ""), Dep("libc", "0.2"),
                                        Dep("pretty_assertions", "1.4"), Dep("anyhow", "1")});
}

TEST_CASE("Manifests: go.mod go directive and require forms", "[intelligence][manifests]") {
  const auto deps = Parse(ManifestKind::kGoMod, R"(module github.com/apache/devlake

go 1.21

require github.com/gin-gonic/gin v1.9.1
require (
	github.com/spf13/cobra v1.8.0 // indirect
	gorm.io/gorm v1.25.5
)
)");
  CHECK(deps == std::vector<Dependency>{Tool("go", "1.21"), Dep("github.com/gin-gonic/gin", "v1.9.1"),
                                        Dep("github.com/spf13/cobra", "v1.8.0"), Dep("gorm.io/gorm", "v1.25.5")});
}

TEST_CASE("Manifests: pyproject.toml PEP 621 and Poetry", "[intelligence][manifests]") {
  const auto pep621 = Parse(ManifestKind::kPyprojectToml, R"(
[project]
name = "svc"
requires-python = ">=3.10"
dependencies = [
  "Django[bcrypt]>=4.2,<5 ; python_version >= '3.10'",
  "pydantic_core==2.14.5",
]
[project.optional-dependencies]
test = ["pytest>=7"]
)");
  CHECK(pep621 == std::vector<Dependency>{Tool("python", ">=3.10"), Dep("django", ">=4.2,<5"),
                                          Dep("pydantic-core", "==2.14.5"), Dep("pytest", ">=7")});
  const auto poetry = Parse(ManifestKind::kPyprojectToml, R"(
[tool.poetry.dependencies]
python = "^3.11"
Flask = "^3.0"
sqlalchemy = { version = "^2.0.23", extras = ["asyncio"] }
[tool.poetry.group.dev.dependencies]
black = "23.11.0"
)");
  CHECK(poetry == std::vector<Dependency>{Tool("python", "^3.11"), Dep("flask", "^3.0"),
                                          Dep("sqlalchemy", "^2.0.23"), Dep("black", "23.11.0")});
}

TEST_CASE("Manifests: requirements files skip options and URLs and comments", "[intelligence][manifests]") {
  const auto deps = Parse(ManifestKind::kRequirementsTxt,
                          "# pinned\n-r base.txt\n--index-url https://pypi.example/simple\nDjango==3.2.1  # LTS\n"
                          "numpy>=1.26\ngit+https://github.com/x/y.git#egg=y\n-e .\nrequests\n");
  CHECK(deps == std::vector<Dependency>{Dep("django", "==3.2.1"), Dep("numpy", ">=1.26"), Dep("requests", "")});
}

TEST_CASE("Manifests: pom.xml dependencies and parent and properties and the Java level", "[intelligence][manifests]") {
  const auto deps = Parse(ManifestKind::kPomXml, R"(<?xml version="1.0"?>
<project>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.2.1</version>
  </parent>
  <properties>
    <java.version>17</java.version>
    <guava.version>32.1.3-jre</guava.version>
  </properties>
  <dependencies>
    <dependency>
      <groupId>com.google.guava</groupId>
      <artifactId>guava</artifactId>
      <version>${guava.version}</version>
    </dependency>
    <!-- <dependency><groupId>old</groupId><artifactId>gone</artifactId><version>1</version></dependency> -->
  </dependencies>
  <build><plugins><plugin><artifactId>maven-surefire-plugin</artifactId><version>3.2.2</version></plugin></plugins></build>
</project>)");
  CHECK(deps == std::vector<Dependency>{Tool("java", "17"),
                                        Dep("org.springframework.boot:spring-boot-starter-parent", "3.2.1"),
                                        Dep("com.google.guava:guava", "32.1.3-jre"),
                                        Dep("org.apache.maven.plugins:maven-surefire-plugin", "3.2.2")});
}

TEST_CASE("Manifests: build.gradle and build.gradle.kts coordinates and plugins and toolchain",
          "[intelligence][manifests]") {
  const auto groovy = Parse(ManifestKind::kBuildGradle, R"(
plugins {
    id 'org.springframework.boot' version '3.1.5'
}
sourceCompatibility = '17'
dependencies {
    implementation 'com.squareup.okhttp3:okhttp:4.12.0'
    // implementation 'old:gone:1.0'
    testImplementation "junit:junit:4.13.2"
}
)");
  CHECK(groovy == std::vector<Dependency>{Dep("org.springframework.boot", "3.1.5"), Tool("java", "17"),
                                          Dep("com.squareup.okhttp3:okhttp", "4.12.0"), Dep("junit:junit", "4.13.2")});
  const auto kotlin = Parse(ManifestKind::kBuildGradle, R"(
plugins {
    kotlin("jvm") version "1.9.21"
}
kotlin { jvmToolchain(21) }
dependencies { implementation("io.ktor:ktor-server-core:2.3.6") }
)");
  CHECK(kotlin == std::vector<Dependency>{Tool("java", "21"), Dep("org.jetbrains.kotlin.jvm", "1.9.21"),
                                          Dep("io.ktor:ktor-server-core", "2.3.6")});
}

TEST_CASE("Manifests: Package.swift tools version and package requirements", "[intelligence][manifests]") {
  const auto deps = Parse(ManifestKind::kPackageSwift, R"(// swift-tools-version:5.9
import PackageDescription
let package = Package(
  name: "api",
  dependencies: [
    .package(url: "https://github.com/vapor/vapor.git", from: "4.89.0"),
    .package(url: "https://github.com/apple/swift-nio.git", .upToNextMajor(from: "2.62.0")),
    .package(url: "https://github.com/x/pinned", exact: "1.2.3"),
  ]
)
)");
  CHECK(deps == std::vector<Dependency>{Tool("swift", "5.9"), Dep("vapor", "4.89.0"), Dep("swift-nio", "2.62.0"),
                                        Dep("pinned", "1.2.3")});
}

TEST_CASE("Manifests: a deleted manifest declares nothing", "[intelligence][manifests]") {
  CHECK(Parse(ManifestKind::kCargoToml, "").empty());
  CHECK(Parse(ManifestKind::kPackageJson, "  \n").empty());
}

}  // namespace
}  // namespace loupe
