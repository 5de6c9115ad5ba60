// loupe/model/manifest.h — the content of a dependency manifest at one commit.
#pragma once
#include <string>

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
  std::string content;
  friend bool operator==(const ManifestSnapshot&, const ManifestSnapshot&) = default;
};

}  // namespace loupe::model
