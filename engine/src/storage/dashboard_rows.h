// storage/dashboard_rows.h (internal) — the dashboard_preferences table (schema 5).
#pragma once
#include <optional>
#include <string_view>

#include "loupe/dashboard/preferences.h"
#include "loupe/storage/database.h"

namespace loupe::storage {

//! Upserts the user's row (the preferences as their stored JSON, dashboard/json.h).
Status WriteDashboardRow(SqlDriver& db, std::string_view user, const dashboard::Preferences& prefs, Instant now);
//! The user's preferences, or nullopt when none are stored.
Result<std::optional<dashboard::Preferences>> ReadDashboardRow(SqlDriver& db, std::string_view user);

}  // namespace loupe::storage
