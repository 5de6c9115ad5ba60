// The dashboard.* Dispatch methods (docs/api.md, "dashboard"; docs/dashboard.md): the presets and
// the widget registry, and one user's preferences — each mutation applies one pure operation of
// loupe/dashboard/preferences.h, stores the result in one transaction and returns the resolved
// preferences of the active preset, so that a UI redraws from one reply.
#include <functional>

#include "api/dispatch_params.h"
#include "loupe/core/strings.h"
#include "loupe/dashboard/json.h"

namespace loupe::api {
namespace {

constexpr std::string_view kUser = "user", kWidget = "widget", kPreset = "preset", kRole = "role", kItem = "item";

Result<std::string> ReadUser(const Params& p) {
  LOUPE_ASSIGN_OR_RETURN(auto user, p.OptString(kUser));
  if (user && (user->empty() || user->size() > 100)) return p.Error(kUser, "must be 1-100 bytes of UTF-8");
  return user.value_or(std::string(dashboard::kDefaultUser));
}

// A registry widget id (InvalidInput naming the param otherwise).
Result<std::string> ReadWidget(const Params& p) {
  LOUPE_ASSIGN_OR_RETURN(std::string id, p.String(kWidget));
  if (dashboard::FindWidget(id) == nullptr) return p.Error(kWidget, "is not a widget: " + QuoteForMessage(id));
  return id;
}

Result<std::string> ReadPreset(const Params& p, std::optional<std::string> fallback = std::nullopt) {
  LOUPE_ASSIGN_OR_RETURN(auto id, p.OptString(kPreset));
  if (!id && fallback) return *fallback;
  if (!id) return p.Error(kPreset, "is required");
  if (dashboard::FindPreset(*id) == nullptr) {
    return p.Error(kPreset, "is not a preset (developer, manager, product, hr, support, sales, admin or custom): " +
                                QuoteForMessage(*id));
  }
  return *id;
}

// A grid coordinate or extent: any integer in a generous range, clamped to the grid by the operation.
Result<int> ReadGridInt(const Params& p, std::string_view name) {
  LOUPE_ASSIGN_OR_RETURN(int64_t n, p.Int(name, -100000, 100000));
  return static_cast<int>(n);
}

// The stored preferences, or the defaults of a user who has none yet.
Result<dashboard::Preferences> LoadPreferences(Session& s, std::string_view user) {
  LOUPE_ASSIGN_OR_RETURN(auto stored, s.StoredDashboardPreferences(user));
  return stored ? std::move(*stored) : dashboard::DefaultPreferences();
}

std::string Resolved(Session& s, std::string_view user, const dashboard::Preferences& prefs) {
  JsonWriter w(true);
  dashboard::WriteResolved(w, user, prefs, s.DashboardFacts());
  return w.Take();
}

using Edit = std::function<Status(dashboard::Preferences&)>;

// Applies `edit` to the user's preferences and stores them; a failed edit stores nothing.
Result<std::string> Mutate(Session& s, const Params& p, const CallContext& c, const Edit& edit) {
  LOUPE_ASSIGN_OR_RETURN(std::string user, ReadUser(p));
  LOUPE_ASSIGN_OR_RETURN(dashboard::Preferences prefs, LoadPreferences(s, user));
  if (Status status = edit(prefs); !status.ok()) {
    return status.code() == StatusCode::kInvalidInput ? p.Error(status.message()) : status;
  }
  LOUPE_TRY(s.SetDashboardPreferences(user, prefs, c.now));
  return Resolved(s, user, prefs);
}

Result<std::string> Presets(Session&, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({}));
  JsonWriter w(true);
  dashboard::WritePresets(w);
  return w.Take();
}

Result<std::string> WidgetsOf(Session&, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({kRole}));
  LOUPE_ASSIGN_OR_RETURN(auto role, p.OptString(kRole));
  if (role && dashboard::FindRole(*role) == nullptr) {
    return p.Error(kRole, "is not a role (admin, manager, developer, hr, support, sales, viewer): " +
                              QuoteForMessage(*role));
  }
  JsonWriter w(true);
  dashboard::WriteRegistry(w, role ? std::optional<std::string_view>(*role) : std::nullopt);
  return w.Take();
}

// The seed's GET /preferences: a user without preferences gets the defaults, stored.
Result<std::string> PreferencesOf(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kUser}));
  LOUPE_ASSIGN_OR_RETURN(std::string user, ReadUser(p));
  LOUPE_ASSIGN_OR_RETURN(auto stored, s.StoredDashboardPreferences(user));
  if (!stored) {
    stored = dashboard::DefaultPreferences();
    LOUPE_TRY(s.SetDashboardPreferences(user, *stored, c.now));
  }
  return Resolved(s, user, *stored);
}

Result<std::string> SwitchPreset(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kUser, kPreset}));
  LOUPE_ASSIGN_OR_RETURN(std::string preset, ReadPreset(p));
  return Mutate(s, p, c, [&](dashboard::Preferences& prefs) { return dashboard::SwitchPreset(prefs, preset); });
}

Result<std::string> ResetPreset(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kUser, kPreset}));
  LOUPE_ASSIGN_OR_RETURN(auto given, p.OptString(kPreset));
  if (given) {
    LOUPE_TRY(ReadPreset(p));
  }
  return Mutate(s, p, c, [&](dashboard::Preferences& prefs) {
    return dashboard::ResetPreset(prefs, given.value_or(prefs.preset));
  });
}

Result<std::string> MoveWidget(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kUser, kWidget, "x", "y"}));
  LOUPE_ASSIGN_OR_RETURN(std::string widget, ReadWidget(p));
  LOUPE_ASSIGN_OR_RETURN(int x, ReadGridInt(p, "x"));
  LOUPE_ASSIGN_OR_RETURN(int y, ReadGridInt(p, "y"));
  return Mutate(s, p, c, [&](dashboard::Preferences& prefs) { return dashboard::MoveWidget(prefs, widget, x, y); });
}

Result<std::string> ResizeWidget(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kUser, kWidget, "w", "h"}));
  LOUPE_ASSIGN_OR_RETURN(std::string widget, ReadWidget(p));
  LOUPE_ASSIGN_OR_RETURN(int w, ReadGridInt(p, "w"));
  LOUPE_ASSIGN_OR_RETURN(int h, ReadGridInt(p, "h"));
  return Mutate(s, p, c, [&](dashboard::Preferences& prefs) { return dashboard::ResizeWidget(prefs, widget, w, h); });
}

Result<std::string> SetWidgetSize(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kUser, kWidget, "size"}));
  LOUPE_ASSIGN_OR_RETURN(std::string widget, ReadWidget(p));
  LOUPE_ASSIGN_OR_RETURN(std::string name, p.String("size"));
  const auto size = dashboard::ParseSize(name);
  if (!size) return p.Error("size", "must be small, medium, large or full, got " + QuoteForMessage(name));
  return Mutate(s, p, c, [&](dashboard::Preferences& prefs) { return dashboard::SetSize(prefs, widget, *size); });
}

Result<std::string> ShowWidget(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kUser, kWidget}));
  LOUPE_ASSIGN_OR_RETURN(std::string widget, ReadWidget(p));
  return Mutate(s, p, c, [&](dashboard::Preferences& prefs) { return dashboard::ShowWidget(prefs, widget); });
}

Result<std::string> HideWidget(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kUser, kWidget}));
  LOUPE_ASSIGN_OR_RETURN(std::string widget, ReadWidget(p));
  return Mutate(s, p, c, [&](dashboard::Preferences& prefs) { return dashboard::HideWidget(prefs, widget); });
}

Result<std::string> Reorder(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kUser, "widgets"}));
  LOUPE_ASSIGN_OR_RETURN(std::vector<std::string> order, p.Strings("widgets"));
  for (size_t i = 0; i < order.size(); ++i) {
    if (dashboard::FindWidget(order[i]) == nullptr) {
      return p.Error("widgets[" + std::to_string(i) + "]", "is not a widget: " + QuoteForMessage(order[i]));
    }
  }
  return Mutate(s, p, c, [&](dashboard::Preferences& prefs) { return dashboard::ReorderWidgets(prefs, order); });
}

Result<std::string> SetRole(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kUser, kRole}));
  LOUPE_ASSIGN_OR_RETURN(std::string role, p.String(kRole));
  if (dashboard::FindRole(role) == nullptr) {
    return p.Error(kRole, "is not a role (admin, manager, developer, hr, support, sales, viewer): " +
                              QuoteForMessage(role));
  }
  return Mutate(s, p, c, [&](dashboard::Preferences& prefs) { return dashboard::SetRole(prefs, role); });
}

// {visits: {path: count}}: entries are taken in the object's order; a count that is not a JSON
// integer (2.5, "3", true) is skipped, as the seed skips what is not an int.
Result<std::string> TrackVisits(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kUser, "visits"}));
  auto value = p.Get("visits");
  if (!value) return p.Error("visits", "is required");
  dom::object object;
  if (value->get_object().get(object)) {
    return p.Error("visits", "must be an object of path: count, got " + std::string(JsonTypeName(*value)));
  }
  std::vector<dashboard::VisitEntry> entries;
  for (dom::key_value_pair field : object) {
    std::optional<int64_t> count;
    if (field.value.type() == dom::element_type::INT64) count = field.value.get_int64().value_unsafe();
    entries.emplace_back(std::string(field.key), count);
  }
  return Mutate(s, p, c, [&](dashboard::Preferences& prefs) {
    dashboard::TrackVisits(prefs, entries);
    return Status::Ok();
  });
}

Result<std::string> Pin(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kUser, kItem}));
  LOUPE_ASSIGN_OR_RETURN(std::string item, p.String(kItem));
  return Mutate(s, p, c, [&](dashboard::Preferences& prefs) { return dashboard::Pin(prefs, item); });
}

Result<std::string> Unpin(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kUser, kItem}));
  LOUPE_ASSIGN_OR_RETURN(std::string item, p.String(kItem));
  return Mutate(s, p, c, [&](dashboard::Preferences& prefs) { return dashboard::Unpin(prefs, item); });
}

Result<std::string> ChecklistOf(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({kUser}));
  LOUPE_ASSIGN_OR_RETURN(std::string user, ReadUser(p));
  LOUPE_ASSIGN_OR_RETURN(dashboard::Preferences prefs, LoadPreferences(s, user));
  JsonWriter w(true);
  dashboard::WriteChecklist(w, prefs, s.DashboardFacts());
  return w.Take();
}

Result<std::string> CompleteChecklistItem(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kUser, kItem, "done"}));
  LOUPE_ASSIGN_OR_RETURN(std::string item, p.String(kItem));
  LOUPE_ASSIGN_OR_RETURN(bool done, p.Bool("done", true));
  return Mutate(s, p, c, [&](dashboard::Preferences& prefs) {
    return dashboard::MarkChecklistItem(prefs, item, done);
  });
}

Result<std::string> DismissChecklist(Session& s, const Params& p, const CallContext& c) {
  LOUPE_TRY(p.Allow({kUser, "dismissed"}));
  LOUPE_ASSIGN_OR_RETURN(bool dismissed, p.Bool("dismissed", true));
  return Mutate(s, p, c, [&](dashboard::Preferences& prefs) {
    prefs.checklist_dismissed = dismissed;
    return Status::Ok();
  });
}

Result<std::string> RecommendationsOf(Session& s, const Params& p, const CallContext&) {
  LOUPE_TRY(p.Allow({kUser}));
  LOUPE_ASSIGN_OR_RETURN(std::string user, ReadUser(p));
  LOUPE_ASSIGN_OR_RETURN(dashboard::Preferences prefs, LoadPreferences(s, user));
  JsonWriter w(true);
  dashboard::WriteRecommendations(w, dashboard::Recommend(prefs));
  return w.Take();
}

constexpr Method kDashboardMethods[] = {
    {"dashboard.presets", &Presets},
    {"dashboard.widgets", &WidgetsOf},
    {"dashboard.preferences", &PreferencesOf},
    {"dashboard.switchPreset", &SwitchPreset},
    {"dashboard.resetPreset", &ResetPreset},
    {"dashboard.moveWidget", &MoveWidget},
    {"dashboard.resizeWidget", &ResizeWidget},
    {"dashboard.setWidgetSize", &SetWidgetSize},
    {"dashboard.showWidget", &ShowWidget},
    {"dashboard.hideWidget", &HideWidget},
    {"dashboard.reorder", &Reorder},
    {"dashboard.setRole", &SetRole},
    {"dashboard.trackVisits", &TrackVisits},
    {"dashboard.pin", &Pin},
    {"dashboard.unpin", &Unpin},
    {"dashboard.checklist", &ChecklistOf},
    {"dashboard.completeChecklistItem", &CompleteChecklistItem},
    {"dashboard.dismissChecklist", &DismissChecklist},
    {"dashboard.recommendations", &RecommendationsOf},
};

}  // namespace

std::span<const Method> DashboardMethods() {
  return kDashboardMethods;
}

}  // namespace loupe::api
