// loupe/model/manifest.h — the content of a dependency manifest at one commit.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "loupe/core/sha.h"
#include "loupe/core/time.h"
#include "loupe/model/ids.h"

namespace loupe::model {

//! package.json, Cargo.toml, go.mod, … as of a commit; technology tracking reads versions
//! from these. Natural key: (repo, path, commit).
struct ManifestSnapshot {
  RepoId repo = kNoId;
  std::string path;
  Sha commit;
  Instant at = kNoInstant;
  //! Empty when the manifest was deleted at that commit (no dependencies from then on).
  std::string content;
  friend bool operator==(const ManifestSnapshot&, const ManifestSnapshot&) = default;
};

//! The dependency manifest formats technology tracking reads, by file name.
enum class ManifestKind : uint8_t {
  kNone = 0,
  kPackageJson,     //!< package.json (npm, yarn, pnpm)
  kCargoToml,       //!< Cargo.toml
  kGoMod,           //!< go.mod
  kPyprojectToml,   //!< pyproject.toml (PEP 621 and Poetry)
  kRequirementsTxt, //!< requirements.txt, requirements-dev.txt, requirements_test.txt, …
  kPomXml,          //!< pom.xml (Maven)
  kBuildGradle,     //!< build.gradle and build.gradle.kts
  kPackageSwift,    //!< Package.swift
};

//! The kind of a manifest by the last component of its path (exact case, as the tools require);
//! kNone for any other file.
ManifestKind ManifestKindOf(std::string_view path);
std::string_view ManifestKindName(ManifestKind kind);

}  // namespace loupe::model
