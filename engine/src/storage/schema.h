// storage/schema.h (internal) — the schema's forward migrations, one step per version.
//
// The database's PRAGMA user_version is the number of steps applied. Database::Open runs the
// missing steps in order, each in its own transaction that also bumps user_version, so a
// database is always at exactly one version. A later version appends a step; steps that shipped
// never change (docs/storage.md, "Migrations").
#pragma once
#include <span>
#include <string_view>

#include "loupe/core/status.h"
#include "loupe/storage/sql_driver.h"

namespace loupe::storage {

//! Every Loupe database has the `meta` row kAppKey = kAppMarker (with user_version >= 1).
inline constexpr std::string_view kAppKey = "app";
inline constexpr std::string_view kAppMarker = "loupe";
//! A `meta` key present once identity rules were saved: "never saved" (keep the workspace's
//! defaults) differs from "the user removed every rule".
inline constexpr std::string_view kRulesSavedKey = "identity_rules";

struct Migration {
  std::string_view summary;            //!< for error messages: "create the schema"
  Status (*apply)(SqlDriver& driver);  //!< runs inside the step's transaction
};

//! Step i takes a database from user_version i to i + 1; the size is Database::kSchemaVersion.
std::span<const Migration> Migrations();

}  // namespace loupe::storage
