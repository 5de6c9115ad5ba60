// loupe/dashboard/registry.h — the dashboard's fixed data (docs/dashboard.md): the persona presets,
// every widget (the seed's 44 server widgets, its 14 frontend-only ones and Loupe's own), the
// widget categories, and the role templates that gate widgets.
#pragma once
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace loupe::dashboard {

//! A widget's named size; each maps to a default cell size on the 12-column grid (layout.h).
enum class WidgetSize { kSmall, kMedium, kLarge, kFull };

//! "small" | "medium" | "large" | "full".
std::string_view SizeName(WidgetSize size);
std::optional<WidgetSize> ParseSize(std::string_view name);

//! Where a widget's definition comes from.
enum class Origin {
  kServer,    //!< the seed's server registry (aexy §6.3)
  kFrontend,  //!< the seed's frontend-only registry (aexy §6.4)
  kLoupe,     //!< Loupe's own
};
std::string_view OriginName(Origin origin);  //!< "server" | "frontend" | "loupe"

//! Whether Loupe computes what a widget shows.
enum class DataStatus {
  kAvailable,  //!< computed from the workspace; `sources` names the engine methods
  kNeeds,      //!< Loupe does not hold its data yet; `needs` says which data
};

//! Lists in the tables below are comma-separated ("developer,manager"); the accessors split them.
struct WidgetSpec {
  std::string_view id;
  std::string_view name;
  std::string_view category;  //!< a CategorySpec id
  std::string_view personas;  //!< preset ids, or "all"
  WidgetSize default_size;
  std::string_view icon;         //!< a lucide icon name, as in the seed
  std::string_view permissions;  //!< any-of; empty: everyone
  Origin origin;
  DataStatus status;
  std::string_view needs;    //!< kNeeds: a sentence naming the data it needs
  std::string_view sources;  //!< kAvailable: the Dispatch methods that feed it

  std::vector<std::string_view> PersonaList() const;
  std::vector<std::string_view> PermissionList() const;
  std::vector<std::string_view> SourceList() const;
  //! `persona` is listed, or the widget is for all personas.
  bool ForPersona(std::string_view persona) const;
};

struct CategorySpec {
  std::string_view id;
  std::string_view name;
  std::string_view icon;
};

struct PresetSpec {
  std::string_view id;
  std::string_view name;
  std::string_view description;
  std::string_view icon;
  std::string_view color;
  std::string_view seed_widgets;  //!< the seed's server-side list, in order (aexy §6.2)
  std::string_view loupe_widgets;  //!< Loupe's additions, appended (docs/dashboard.md says why)

  std::vector<std::string_view> SeedWidgets() const;
  std::vector<std::string_view> LoupeWidgets() const;
  //! seed_widgets then loupe_widgets: the preset's default visible widgets, in order.
  std::vector<std::string_view> Widgets() const;
};

//! A role template: the permissions it grants by default, and whether it sees individual
//! developers (peer benchmark, burnout and workload by person) or only team-level figures.
struct RoleSpec {
  std::string_view id;
  std::string_view permissions;
  bool individuals;

  std::vector<std::string_view> PermissionList() const;
};

//! The seven server presets (developer, manager, product, hr, support, sales, admin), in order.
std::span<const PresetSpec> ServerPresets();
//! The "custom" preset: no widgets until the user adds them.
const PresetSpec& CustomPreset();
//! A server preset or "custom"; nullptr for anything else.
const PresetSpec* FindPreset(std::string_view id);

//! Every widget: server ones in the seed's order, then frontend-only ones, then Loupe's own.
std::span<const WidgetSpec> Widgets();
const WidgetSpec* FindWidget(std::string_view id);

std::span<const CategorySpec> Categories();

//! admin, manager, developer, hr, support, sales, viewer.
std::span<const RoleSpec> Roles();
const RoleSpec* FindRole(std::string_view id);

//! Any-of gating: the widget needs no permission, or the role grants one of them. False for an
//! unknown role.
bool RoleCanSee(std::string_view role, const WidgetSpec& widget);

}  // namespace loupe::dashboard
