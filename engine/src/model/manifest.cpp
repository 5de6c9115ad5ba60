#include "loupe/model/manifest.h"

namespace loupe::model {

ManifestKind ManifestKindOf(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name == "package.json") return ManifestKind::kPackageJson;
  if (name == "Cargo.toml") return ManifestKind::kCargoToml;
  if (name == "go.mod") return ManifestKind::kGoMod;
  if (name == "pyproject.toml") return ManifestKind::kPyprojectToml;
  if (name == "pom.xml") return ManifestKind::kPomXml;
  if (name == "build.gradle" || name == "build.gradle.kts") return ManifestKind::kBuildGradle;
  if (name == "Package.swift") return ManifestKind::kPackageSwift;
  // pip's convention: requirements.txt plus variants such as requirements-dev.txt.
  if (name.starts_with("requirements") && name.ends_with(".txt")) return ManifestKind::kRequirementsTxt;
  return ManifestKind::kNone;
}

std::string_view ManifestKindName(ManifestKind kind) {
  switch (kind) {
    case ManifestKind::kNone: return "none";
    case ManifestKind::kPackageJson: return "package.json";
    case ManifestKind::kCargoToml: return "Cargo.toml";
    case ManifestKind::kGoMod: return "go.mod";
    case ManifestKind::kPyprojectToml: return "pyproject.toml";
    case ManifestKind::kRequirementsTxt: return "requirements.txt";
    case ManifestKind::kPomXml: return "pom.xml";
    case ManifestKind::kBuildGradle: return "build.gradle";
    case ManifestKind::kPackageSwift: return "Package.swift";
  }
  return "none";
}

}  // namespace loupe::model
