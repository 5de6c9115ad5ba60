#include "loupe/dashboard/json.h"

#include <algorithm>

#include "loupe/core/strings.h"
#include "simdjson.h"

namespace loupe::dashboard {
namespace {

namespace dom = simdjson::dom;

constexpr int64_t kStoredVersion = 1;

void StringArray(JsonWriter& w, const std::vector<std::string_view>& items) {
  w.BeginArray();
  for (std::string_view s : items) w.String(s);
  w.EndArray();
}

void WriteData(JsonWriter& w, const WidgetSpec& spec) {
  w.Field("status", spec.status == DataStatus::kAvailable ? "available" : "needs");
  if (spec.status == DataStatus::kNeeds) w.Field("needs", spec.needs);
  w.Key("sources");
  StringArray(w, spec.SourceList());
}

void WritePresetIds(JsonWriter& w) {
  w.BeginArray();
  for (const PresetSpec& p : ServerPresets()) w.String(p.id);
  w.String(CustomPreset().id);
  w.EndArray();
}

void WritePreset(JsonWriter& w, const PresetSpec& p) {
  w.BeginObject();
  w.Field("id", p.id).Field("name", p.name).Field("description", p.description);
  w.Field("icon", p.icon).Field("color", p.color);
  w.Key("widgets");
  StringArray(w, p.Widgets());
  w.Key("seed_widgets");
  StringArray(w, p.SeedWidgets());
  w.Key("loupe_widgets");
  StringArray(w, p.LoupeWidgets());
  w.EndObject();
}

// ---- decoding ------------------------------------------------------------------------------------

Status Bad(std::string_view member, std::string_view what) {
  return InvalidInput("dashboard preferences: " + std::string(member) + " " + std::string(what));
}

Result<std::string> GetString(dom::object o, std::string_view key, std::string_view where) {
  std::string_view s;
  if (o[key].get_string().get(s)) return Bad(std::string(where) + "." + std::string(key), "must be a string");
  return std::string(s);
}

Result<int64_t> GetInt(dom::object o, std::string_view key, std::string_view where) {
  int64_t n = 0;
  if (o[key].get_int64().get(n)) return Bad(std::string(where) + "." + std::string(key), "must be an integer");
  return n;
}

Result<std::vector<std::string>> GetStrings(dom::object o, std::string_view key) {
  dom::array array;
  if (o[key].get_array().get(array)) return Bad(key, "must be an array of strings");
  std::vector<std::string> out;
  for (dom::element e : array) {
    std::string_view s;
    if (e.get_string().get(s)) return Bad(key, "must be an array of strings");
    out.emplace_back(s);
  }
  return out;
}

Result<Customisation> DecodeCustomisation(dom::object o, const std::string& where) {
  Customisation c;
  dom::array visible;
  if (o["visible"].get_array().get(visible)) return Bad(where + ".visible", "must be an array");
  for (dom::element e : visible) {
    dom::object placed;
    if (e.get_object().get(placed)) return Bad(where + ".visible", "must hold objects");
    LOUPE_ASSIGN_OR_RETURN(std::string id, GetString(placed, "id", where));
    LOUPE_ASSIGN_OR_RETURN(std::string size_name, GetString(placed, "size", where));
    const auto size = ParseSize(size_name);
    if (!size) return Bad(where + ".size", "must be small, medium, large or full");
    int cell[4];
    const char* keys[] = {"x", "y", "w", "h"};
    for (int k = 0; k < 4; ++k) {
      LOUPE_ASSIGN_OR_RETURN(int64_t n, GetInt(placed, keys[k], where));
      cell[k] = static_cast<int>(std::clamp<int64_t>(n, -1, 1 << 20));
    }
    if (FindWidget(id) == nullptr) continue;
    if (std::any_of(c.visible.begin(), c.visible.end(), [&](const Placed& p) { return p.id == id; })) {
      return Bad(where + ".visible", "lists " + QuoteForMessage(id) + " twice");
    }
    // Pushes may have taken a widget below kMaxRow: only the columns and sizes are clamped.
    const int w = std::clamp(cell[2], 1, kGridColumns);
    c.visible.push_back({id, *size, {std::clamp(cell[0], 0, kGridColumns - w), std::max(cell[1], 0), w,
                                     std::clamp(cell[3], 1, kMaxHeight)}});
  }
  if (!IsValidLayout(c.visible)) Pack(c.visible);
  LOUPE_ASSIGN_OR_RETURN(std::vector<std::string> hidden, GetStrings(o, "hidden"));
  for (std::string& id : hidden) {
    if (FindWidget(id) != nullptr) c.hidden.push_back(std::move(id));
  }
  return c;
}

}  // namespace

void WritePresets(JsonWriter& w) {
  w.BeginArray();
  for (const PresetSpec& p : ServerPresets()) WritePreset(w, p);
  WritePreset(w, CustomPreset());
  w.EndArray();
}

void WriteRegistry(JsonWriter& w, std::optional<std::string_view> role) {
  w.BeginObject();
  w.Key("widgets").BeginArray();
  for (const WidgetSpec& spec : Widgets()) {
    w.BeginObject();
    w.Field("id", spec.id).Field("name", spec.name).Field("category", spec.category);
    w.Key("personas");
    StringArray(w, spec.PersonaList());
    w.Field("default_size", SizeName(spec.default_size)).Field("icon", spec.icon);
    w.Key("required_permissions");
    StringArray(w, spec.PermissionList());
    w.Field("origin", OriginName(spec.origin));
    WriteData(w, spec);
    if (role) w.Field("accessible", RoleCanSee(*role, spec));
    w.EndObject();
  }
  w.EndArray();
  w.Key("categories").BeginArray();
  for (const CategorySpec& c : Categories()) {
    w.BeginObject().Field("id", c.id).Field("name", c.name).Field("icon", c.icon).EndObject();
  }
  w.EndArray();
  w.Key("roles").BeginArray();
  for (const RoleSpec& r : Roles()) {
    w.BeginObject().Field("id", r.id);
    w.Key("permissions");
    StringArray(w, r.PermissionList());
    w.Field("individuals", r.individuals).EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteChecklist(JsonWriter& w, const Preferences& prefs, const WorkspaceFacts& facts) {
  w.BeginObject();
  w.Key("items").BeginArray();
  for (const ChecklistItem& item : Checklist(prefs, facts)) {
    w.BeginObject().Field("id", item.id).Field("label", item.label).Field("done", item.done);
    w.Field("auto", item.automatic).EndObject();
  }
  w.EndArray();
  w.Field("dismissed", prefs.checklist_dismissed);
  w.EndObject();
}

void WriteRecommendations(JsonWriter& w, const Recommendations& r) {
  w.BeginObject();
  w.Key("routes").BeginArray();
  for (const auto& [path, visits] : r.routes) w.BeginObject().Field("path", path).Field("visits", visits).EndObject();
  w.EndArray();
  w.Key("widgets").BeginArray();
  for (std::string_view id : r.widgets) {
    const WidgetSpec& spec = *FindWidget(id);
    w.BeginObject().Field("id", spec.id).Field("name", spec.name).Field("category", spec.category);
    w.Field("default_size", SizeName(spec.default_size));
    w.Key("sources");
    StringArray(w, spec.SourceList());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteResolved(JsonWriter& w, std::string_view user, const Preferences& prefs, const WorkspaceFacts& facts) {
  const RoleSpec* role = FindRole(prefs.role);
  auto active = prefs.customisations.find(prefs.preset);
  LOUPE_ASSERT(active != prefs.customisations.end(), "the active preset has its customisation");
  const auto sees = [&](std::string_view id) { return RoleCanSee(prefs.role, *FindWidget(id)); };

  w.BeginObject();
  w.Field("user", user).Field("role", prefs.role).Field("individuals", role != nullptr && role->individuals);
  w.Field("preset", prefs.preset);
  w.Key("presets");
  WritePresetIds(w);
  w.Key("customised").BeginArray();
  for (const auto& [id, customisation] : prefs.customisations) w.String(id);
  w.EndArray();
  std::vector<std::string_view> restricted;
  w.Key("widgets").BeginArray();
  for (const Placed& p : active->second.visible) {
    if (!sees(p.id)) {
      restricted.push_back(p.id);
      continue;
    }
    const WidgetSpec& spec = *FindWidget(p.id);
    w.BeginObject().Field("id", p.id).Field("name", spec.name).Field("category", spec.category);
    w.Field("x", p.cell.x).Field("y", p.cell.y).Field("w", p.cell.w).Field("h", p.cell.h);
    w.Field("size", SizeName(p.size)).Field("accessible", true);
    WriteData(w, spec);
    w.EndObject();
  }
  w.EndArray();
  w.Key("hidden").BeginArray();
  for (const std::string& id : active->second.hidden) {
    if (sees(id)) {
      w.String(id);
    } else {
      restricted.push_back(id);
    }
  }
  w.EndArray();
  w.Key("restricted");
  StringArray(w, restricted);
  w.Key("pinned").BeginArray();
  for (const std::string& item : prefs.pinned) w.String(item);
  w.EndArray();
  w.Key("visits").BeginObject();
  for (const auto& [route, count] : prefs.visits) w.Field(route, count);
  w.EndObject();
  w.Key("checklist");
  WriteChecklist(w, prefs, facts);
  w.EndObject();
}

std::string EncodePreferences(const Preferences& prefs) {
  JsonWriter w;
  w.BeginObject();
  w.Field("version", kStoredVersion).Field("role", prefs.role).Field("preset", prefs.preset);
  w.Key("customisations").BeginObject();
  for (const auto& [preset, c] : prefs.customisations) {
    w.Key(preset).BeginObject();
    w.Key("visible").BeginArray();
    for (const Placed& p : c.visible) {
      w.BeginObject().Field("id", p.id).Field("size", SizeName(p.size));
      w.Field("x", p.cell.x).Field("y", p.cell.y).Field("w", p.cell.w).Field("h", p.cell.h).EndObject();
    }
    w.EndArray();
    w.Key("hidden").BeginArray();
    for (const std::string& id : c.hidden) w.String(id);
    w.EndArray();
    w.EndObject();
  }
  w.EndObject();
  w.Key("checklistDone").BeginArray();
  for (const std::string& id : prefs.checklist_done) w.String(id);
  w.EndArray();
  w.Field("checklistDismissed", prefs.checklist_dismissed);
  w.Key("visits").BeginObject();
  for (const auto& [route, count] : prefs.visits) w.Field(route, count);
  w.EndObject();
  w.Key("pinned").BeginArray();
  for (const std::string& item : prefs.pinned) w.String(item);
  w.EndArray();
  w.EndObject();
  return w.Take();
}

Result<Preferences> DecodePreferences(std::string_view json) {
  dom::parser parser;
  dom::element root;
  if (auto error = parser.parse(json.data(), json.size(), /*realloc_if_needed=*/true).get(root)) {
    return InvalidInput(std::string("dashboard preferences: not JSON (") + simdjson::error_message(error) + ")");
  }
  dom::object o;
  if (root.get_object().get(o)) return Bad("the value", "must be an object");
  LOUPE_ASSIGN_OR_RETURN(int64_t version, GetInt(o, "version", "preferences"));
  if (version != kStoredVersion) return Bad("version", "must be 1, got " + std::to_string(version));
  Preferences prefs;
  prefs.customisations.clear();
  LOUPE_ASSIGN_OR_RETURN(prefs.role, GetString(o, "role", "preferences"));
  if (FindRole(prefs.role) == nullptr) return Bad("role", "is not a role: " + QuoteForMessage(prefs.role));
  LOUPE_ASSIGN_OR_RETURN(prefs.preset, GetString(o, "preset", "preferences"));
  if (FindPreset(prefs.preset) == nullptr) return Bad("preset", "is not a preset: " + QuoteForMessage(prefs.preset));
  dom::object customisations;
  if (o["customisations"].get_object().get(customisations)) return Bad("customisations", "must be an object");
  for (dom::key_value_pair field : customisations) {
    const std::string preset(field.key);
    if (FindPreset(preset) == nullptr) {
      return Bad("customisations", "names an unknown preset " + QuoteForMessage(preset));
    }
    dom::object c;
    if (field.value.get_object().get(c)) return Bad("customisations." + preset, "must be an object");
    LOUPE_ASSIGN_OR_RETURN(prefs.customisations[preset], DecodeCustomisation(c, "customisations." + preset));
  }
  LOUPE_ASSIGN_OR_RETURN(prefs.checklist_done, GetStrings(o, "checklistDone"));
  if (o["checklistDismissed"].get_bool().get(prefs.checklist_dismissed)) {
    return Bad("checklistDismissed", "must be a boolean");
  }
  dom::object visits;
  if (o["visits"].get_object().get(visits)) return Bad("visits", "must be an object");
  for (dom::key_value_pair field : visits) {
    int64_t count = 0;
    if (field.value.get_int64().get(count) || count < 1) return Bad("visits", "must hold counts of at least 1");
    prefs.visits[std::string(field.key)] = count;
  }
  LOUPE_ASSIGN_OR_RETURN(prefs.pinned, GetStrings(o, "pinned"));
  Active(prefs);
  return prefs;
}

}  // namespace loupe::dashboard
