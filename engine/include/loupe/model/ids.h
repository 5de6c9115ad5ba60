// loupe/model/ids.h — dense integer ids of the workspace's entities.
#pragma once
#include <cstdint>
#include <limits>

namespace loupe::model {

//! Ids are dense indexes into the workspace's tables, stable for the life of a workspace
//! (entities are never removed, only merged or re-attributed), and stored as-is in SQLite.
using RepoId = uint32_t;
using IdentityId = uint32_t;
using DeveloperId = uint32_t;

inline constexpr uint32_t kNoId = std::numeric_limits<uint32_t>::max();

}  // namespace loupe::model
