// loupe/intelligence/manifests.h — the dependencies a manifest declares, read from its text.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "loupe/core/status.h"
#include "loupe/model/manifest.h"

namespace loupe::intelligence {

//! One declared dependency (or language/toolchain requirement) of a manifest.
struct Dependency {
  //! As the ecosystem names it: "react", "serde", "github.com/gin-gonic/gin",
  //! "org.springframework.boot:spring-boot-starter-web"; toolchains are "node" (package.json
  //! engines), "rust" (rust-version), "go" (the go directive), "python" (requires-python or
  //! Poetry's python), "java" (maven.compiler/java.version, Gradle toolchains) and "swift"
  //! (swift-tools-version).
  std::string name;
  std::string spec;  //!< the requirement as written: "^18.2.0", ">=3.9", "v1.9.1", "4.2"
  bool toolchain = false;  //!< a language or runtime requirement, not a package
  friend bool operator==(const Dependency&, const Dependency&) = default;
};

//! The dependencies declared in `content`, in file order (each name once, first declaration
//! wins). Reads: package.json dependencies, devDependencies, peerDependencies, optionalDependencies
//! and engines.node; Cargo.toml [*dependencies*] tables (also target-specific and workspace ones,
//! `package = "…"` renames) and rust-version; go.mod go and require; pyproject.toml
//! requires-python, [project] dependencies and optional-dependencies, Poetry dependency tables;
//! requirements files (PEP 508 lines; options, URLs and VCS lines skipped); pom.xml dependencies,
//! parent and plugins with ${property} versions resolved, and the Java level; build.gradle(.kts)
//! "group:name:version" coordinates, plugins with versions and the Java toolchain;
//! Package.swift tools version and .package(url:…) requirements. Text that is not the
//! format (e.g. invalid JSON) is InvalidInput naming what is wrong; an empty content (a
//! deleted manifest) declares nothing.
Result<std::vector<Dependency>> ParseManifest(model::ManifestKind kind, std::string_view content);

}  // namespace loupe::intelligence
