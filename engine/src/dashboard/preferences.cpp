#include "loupe/dashboard/preferences.h"

#include <algorithm>

#include "loupe/core/strings.h"

namespace loupe::dashboard {
namespace {

Placed AtDefaultSize(const WidgetSpec& spec) {
  return {std::string(spec.id), spec.default_size, CellsOf(spec.default_size)};
}

std::string Quoted(std::string_view s) { return QuoteForMessage(s); }

// The visible widget `id` of the active preset, checked as the operations promise.
Result<size_t> FindVisible(Preferences& prefs, std::string_view id) {
  const WidgetSpec* spec = FindWidget(id);
  if (spec == nullptr) return InvalidInput("unknown widget " + Quoted(id));
  if (!RoleCanSee(prefs.role, *spec)) {
    return FailedPrecondition("widget " + Quoted(id) + " is not available to the role " + Quoted(prefs.role));
  }
  const Customisation& active = Active(prefs);
  for (size_t i = 0; i < active.visible.size(); ++i) {
    if (active.visible[i].id == id) return i;
  }
  return NotFound("widget " + Quoted(id) + " is not on the " + prefs.preset + " dashboard");
}

template <typename T>
void EraseValue(std::vector<T>& v, std::string_view value) {
  v.erase(std::remove(v.begin(), v.end(), value), v.end());
}

struct ChecklistSpec {
  std::string_view id;
  std::string_view label;
  bool WorkspaceFacts::*fact;
};

constexpr ChecklistSpec kChecklist[] = {
    {"importData", "Import commits, pull requests and reviews", &WorkspaceFacts::has_activity},
    {"createTeam", "Create a team", &WorkspaceFacts::has_teams},
    {"setSchedule", "Set a working schedule", &WorkspaceFacts::has_schedule},
    {"generateSnapshots", "Generate snapshots", &WorkspaceFacts::has_snapshots},
    {"addAlertRule", "Add an alert rule", &WorkspaceFacts::has_alert_rules},
};

constexpr size_t kMaxRecommendations = 5;
constexpr size_t kMaxItemBytes = 200;

}  // namespace

Customisation DefaultCustomisation(const PresetSpec& preset, std::string_view role) {
  Customisation c;
  std::vector<Placed> restricted;
  for (std::string_view id : preset.Widgets()) {
    const WidgetSpec* spec = FindWidget(id);
    LOUPE_ASSERT(spec != nullptr, "every preset widget is in the registry");
    (RoleCanSee(role, *spec) ? c.visible : restricted).push_back(AtDefaultSize(*spec));
  }
  c.visible.insert(c.visible.end(), restricted.begin(), restricted.end());
  Pack(c.visible);
  return c;
}

Preferences DefaultPreferences() {
  Preferences prefs;
  Active(prefs);
  return prefs;
}

Customisation& Active(Preferences& prefs) {
  auto it = prefs.customisations.find(prefs.preset);
  if (it != prefs.customisations.end()) return it->second;
  const PresetSpec* preset = FindPreset(prefs.preset);
  LOUPE_ASSERT(preset != nullptr, "the active preset is a known preset");
  return prefs.customisations.emplace(prefs.preset, DefaultCustomisation(*preset, prefs.role)).first->second;
}

Status MoveWidget(Preferences& prefs, std::string_view widget, int x, int y) {
  LOUPE_ASSIGN_OR_RETURN(size_t i, FindVisible(prefs, widget));
  std::vector<Placed>& visible = Active(prefs).visible;
  Cell target = visible[i].cell;
  target.x = x;
  target.y = y;
  PlaceAndPush(visible, i, target);
  return Status::Ok();
}

Status ResizeWidget(Preferences& prefs, std::string_view widget, int w, int h) {
  LOUPE_ASSIGN_OR_RETURN(size_t i, FindVisible(prefs, widget));
  std::vector<Placed>& visible = Active(prefs).visible;
  Cell target = visible[i].cell;
  target.w = w;
  target.h = h;
  PlaceAndPush(visible, i, target);
  return Status::Ok();
}

Status SetSize(Preferences& prefs, std::string_view widget, WidgetSize size) {
  LOUPE_ASSIGN_OR_RETURN(size_t i, FindVisible(prefs, widget));
  std::vector<Placed>& visible = Active(prefs).visible;
  const Cell cells = CellsOf(size);
  visible[i].size = size;
  PlaceAndPush(visible, i, {visible[i].cell.x, visible[i].cell.y, cells.w, cells.h});
  return Status::Ok();
}

Status ShowWidget(Preferences& prefs, std::string_view widget) {
  auto found = FindVisible(prefs, widget);
  if (found.ok()) return Status::Ok();
  if (found.status().code() != StatusCode::kNotFound) return std::move(found).TakeStatus();
  Customisation& active = Active(prefs);
  Placed placed = AtDefaultSize(*FindWidget(widget));
  placed.cell = FirstFit(active.visible, placed.cell.w, placed.cell.h);
  active.visible.push_back(std::move(placed));
  EraseValue(active.hidden, widget);
  return Status::Ok();
}

Status HideWidget(Preferences& prefs, std::string_view widget) {
  const WidgetSpec* spec = FindWidget(widget);
  if (spec == nullptr) return InvalidInput("unknown widget " + Quoted(widget));
  Customisation& active = Active(prefs);
  auto it = std::find_if(active.visible.begin(), active.visible.end(),
                         [&](const Placed& p) { return p.id == widget; });
  if (it == active.visible.end()) {
    return NotFound("widget " + Quoted(widget) + " is not on the " + prefs.preset + " dashboard");
  }
  active.visible.erase(it);
  EraseValue(active.hidden, widget);
  active.hidden.emplace_back(widget);
  return Status::Ok();
}

Status ReorderWidgets(Preferences& prefs, const std::vector<std::string>& order) {
  Customisation& active = Active(prefs);
  std::vector<Placed> seen, restricted;
  for (const Placed& p : active.visible) {
    (RoleCanSee(prefs.role, *FindWidget(p.id)) ? seen : restricted).push_back(p);
  }
  std::vector<Placed> next;
  for (const std::string& id : order) {
    if (FindWidget(id) == nullptr) return InvalidInput("unknown widget " + Quoted(id));
    auto it = std::find_if(seen.begin(), seen.end(), [&](const Placed& p) { return p.id == id; });
    if (it == seen.end()) {
      const bool twice = std::any_of(next.begin(), next.end(), [&](const Placed& p) { return p.id == id; });
      return InvalidInput("widget " + Quoted(id) +
                          (twice ? " is listed twice" : " is not on the " + prefs.preset + " dashboard"));
    }
    next.push_back(std::move(*it));
    seen.erase(it);
  }
  if (!seen.empty()) return InvalidInput("the order leaves out widget " + Quoted(seen.front().id));
  next.insert(next.end(), restricted.begin(), restricted.end());
  Pack(next);
  active.visible = std::move(next);
  return Status::Ok();
}

Status SwitchPreset(Preferences& prefs, std::string_view preset) {
  if (FindPreset(preset) == nullptr) return InvalidInput("unknown preset " + Quoted(preset));
  prefs.preset = std::string(preset);
  Active(prefs);
  return Status::Ok();
}

Status ResetPreset(Preferences& prefs, std::string_view preset) {
  const PresetSpec* spec = FindPreset(preset);
  if (spec == nullptr) return InvalidInput("unknown preset " + Quoted(preset));
  prefs.customisations[std::string(preset)] = DefaultCustomisation(*spec, prefs.role);
  return Status::Ok();
}

Status SetRole(Preferences& prefs, std::string_view role) {
  if (FindRole(role) == nullptr) return InvalidInput("unknown role " + Quoted(role));
  prefs.role = std::string(role);
  return Status::Ok();
}

std::string NormaliseRoute(std::string_view path) {
  path = Trim(path);
  if (!path.empty() && path.front() == '#') path.remove_prefix(1);
  path = path.substr(0, path.find_first_of("?#"));
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  const std::string_view segment = path.substr(0, path.find('/'));
  return segment.empty() ? std::string() : "/" + std::string(segment);
}

int TrackVisits(Preferences& prefs, const std::vector<VisitEntry>& entries) {
  int counted = 0;
  for (size_t i = 0; i < entries.size() && i < kMaxVisitEntries; ++i) {
    const auto& [path, count] = entries[i];
    if (!count || *count < 1) continue;
    const std::string route = NormaliseRoute(path);
    if (route.empty()) continue;
    int64_t& total = prefs.visits[route];
    total = *count > INT64_MAX - total ? INT64_MAX : total + *count;
    ++counted;
  }
  return counted;
}

Status Pin(Preferences& prefs, std::string_view item) {
  item = Trim(item);
  if (item.empty() || item.size() > kMaxItemBytes || !IsValidUtf8(item)) {
    return InvalidInput("a pinned item is 1-200 bytes of UTF-8, got " + Quoted(item));
  }
  if (std::find(prefs.pinned.begin(), prefs.pinned.end(), item) != prefs.pinned.end()) return Status::Ok();
  if (prefs.pinned.size() >= kMaxPinned) {
    return FailedPrecondition("at most " + std::to_string(kMaxPinned) + " items can be pinned: unpin one first");
  }
  prefs.pinned.emplace_back(item);
  return Status::Ok();
}

Status Unpin(Preferences& prefs, std::string_view item) {
  item = Trim(item);
  auto it = std::find(prefs.pinned.begin(), prefs.pinned.end(), item);
  if (it == prefs.pinned.end()) return NotFound(Quoted(item) + " is not pinned");
  prefs.pinned.erase(it);
  return Status::Ok();
}

std::vector<ChecklistItem> Checklist(const Preferences& prefs, const WorkspaceFacts& facts) {
  std::vector<ChecklistItem> items;
  for (const ChecklistSpec& spec : kChecklist) {
    const bool automatic = facts.*spec.fact;
    const bool marked =
        std::find(prefs.checklist_done.begin(), prefs.checklist_done.end(), spec.id) != prefs.checklist_done.end();
    items.push_back({spec.id, spec.label, automatic || marked, automatic});
  }
  return items;
}

Status MarkChecklistItem(Preferences& prefs, std::string_view item, bool done) {
  const bool known = std::any_of(std::begin(kChecklist), std::end(kChecklist),
                                 [&](const ChecklistSpec& spec) { return spec.id == item; });
  if (!known) return InvalidInput("unknown checklist item " + Quoted(item));
  EraseValue(prefs.checklist_done, item);
  if (done) prefs.checklist_done.emplace_back(item);
  return Status::Ok();
}

Recommendations Recommend(const Preferences& prefs) {
  Recommendations out;
  for (const auto& [route, count] : prefs.visits) {
    if (std::find(prefs.pinned.begin(), prefs.pinned.end(), route) == prefs.pinned.end()) {
      out.routes.emplace_back(route, count);
    }
  }
  std::stable_sort(out.routes.begin(), out.routes.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (out.routes.size() > kMaxRecommendations) out.routes.resize(kMaxRecommendations);

  const std::string_view persona = prefs.preset == CustomPreset().id ? std::string_view(prefs.role) : prefs.preset;
  std::vector<std::string_view> visible;
  if (auto it = prefs.customisations.find(prefs.preset); it != prefs.customisations.end()) {
    for (const Placed& p : it->second.visible) visible.push_back(p.id);
  } else if (const PresetSpec* preset = FindPreset(prefs.preset)) {
    visible = preset->Widgets();
  }
  for (const WidgetSpec& w : Widgets()) {
    if (out.widgets.size() == kMaxRecommendations) break;
    if (w.status != DataStatus::kAvailable || !w.ForPersona(persona) || !RoleCanSee(prefs.role, w)) continue;
    if (std::find(visible.begin(), visible.end(), w.id) != visible.end()) continue;
    out.widgets.push_back(w.id);
  }
  return out;
}

}  // namespace loupe::dashboard
