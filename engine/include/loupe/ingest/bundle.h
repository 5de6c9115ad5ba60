// loupe/ingest/bundle.h — the Loupe bundle: every entity of a workspace as versioned JSON.
#pragma once
#include <string>

#include "loupe/model/workspace.h"

namespace loupe::ingest {

//! The bundle version this build writes; it reads this and every older version.
inline constexpr int kBundleVersion = 1;

//! Writes the whole workspace (entities and identity rules) as a bundle (docs/bundle.md).
//! Deterministic: entities are sorted by natural key, so the same workspace gives the same
//! bytes, and importing a bundle into an empty workspace and exporting it again is identical.
std::string WriteBundle(const model::Workspace& ws);

}  // namespace loupe::ingest
