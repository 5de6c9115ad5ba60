// loupe/dashboard/json.h — the dashboard as JSON: the registry and presets the `dashboard.*`
// methods return, the resolved preferences every mutation returns, and the stored form of the
// preferences (docs/dashboard.md, docs/api.md "dashboard", docs/storage.md).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "loupe/core/json_writer.h"
#include "loupe/core/status.h"
#include "loupe/dashboard/preferences.h"

namespace loupe::dashboard {

//! [{id, name, description, icon, color, widgets, seed_widgets, loupe_widgets}]: the seven server
//! presets, then "custom".
void WritePresets(JsonWriter& w);

//! {widgets: [{id, name, category, personas, default_size, icon, required_permissions, origin,
//! status, needs?, sources, accessible?}], categories: [{id, name, icon}], roles: [{id,
//! permissions, individuals}]}; `accessible` only with a role.
void WriteRegistry(JsonWriter& w, std::optional<std::string_view> role);

//! {items: [{id, label, done, auto}], dismissed}.
void WriteChecklist(JsonWriter& w, const Preferences& prefs, const WorkspaceFacts& facts);

//! {routes: [{path, visits}], widgets: [{id, name, category, default_size, sources}]}.
void WriteRecommendations(JsonWriter& w, const Recommendations& recommendations);

//! The active preset as the user's role sees it: {user, role, individuals, preset, presets,
//! customised, widgets: [{id, name, category, x, y, w, h, size, accessible, status, needs?,
//! sources}], hidden, restricted, pinned, visits, checklist}. Widgets the role may not see are
//! left out of `widgets` and `hidden` and listed in `restricted`.
void WriteResolved(JsonWriter& w, std::string_view user, const Preferences& prefs, const WorkspaceFacts& facts);

//! The stored form: compact JSON with a "version" (1).
std::string EncodePreferences(const Preferences& prefs);
//! Reads the stored form. Widgets this build does not know are dropped (a later Loupe may retire
//! some); cells are clamped to the grid and a layout that overlaps is packed again. InvalidInput
//! naming the member for anything else that is wrong.
Result<Preferences> DecodePreferences(std::string_view json);

}  // namespace loupe::dashboard
