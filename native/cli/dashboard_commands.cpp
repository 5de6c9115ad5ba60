// `loupe dashboard …`: the persona presets, the widget registry and one user's dashboard
// preferences (docs/dashboard.md). Each subcommand is one api::Dispatch call (docs/api.md,
// "dashboard"), so --json prints what the JS package returns; without it the result is laid out
// as text.
#include <algorithm>
#include <cstdio>
#include <string>

#include "cli/cli.h"
#include "cli/outline.h"
#include "loupe/api/dispatch.h"
#include "loupe/core/json_writer.h"
#include "loupe/core/strings.h"
#include "simdjson.h"

namespace loupe::cli {
namespace {

namespace dom = simdjson::dom;

constexpr const char* kCommand = "dashboard";

constexpr const char* kHelp = R"(Usage: loupe [--db PATH] dashboard SUBCOMMAND [ARGS] [--user U] [--json]

The dashboard's persona presets, its widget registry and your dashboard preferences, kept in the
workspace database (docs/dashboard.md). Every preset keeps its own layout: switching presets and
back restores it. The grid has 12 columns; moves and resizes push overlapping widgets down.

Subcommands:
  presets                  the seven persona presets and "custom", with their widgets
  widgets [--role R]       every widget: category, size, required permissions, whether Loupe has
                           its data (else what it needs); with --role, whether R may see it
  show                     your dashboard: the active preset's widgets on the grid, hidden and
                           restricted widgets, pins, visits and the getting-started checklist
  switch PRESET            make a preset active (developer, manager, product, hr, support, sales,
                           admin, custom)
  reset [PRESET]           put a preset (default: the active one) back to its defaults
  move ID X Y              move a widget to column X, row Y
  resize ID W H            resize a widget to W columns (1-12) by H rows (1-12)
  size ID SIZE             give a widget a named size: small, medium, large or full
  show-widget ID           add a widget to the active preset's dashboard
  hide-widget ID           remove a widget from it (it stays listed as hidden)
  role ROLE                admin, manager, developer, hr, support, sales or viewer: which widgets
                           you see (the others are kept, not deleted)
  pin ITEM / unpin ITEM    pin a sidebar item (a route such as /insights; at most 10)
  visit PATH...            count a visit to each route (for recommendations)
  checklist [done|undo ITEM | dismiss]
                           the getting-started checklist, or mark an item by hand
  recommend                routes you visit most and widgets worth adding

Options:
  --user U                 whose preferences (default "local")
  --json                   the JSON result (the same as the JS package's)
)";

int Run(Context& ctx, std::string_view method, const std::string& params, bool json, bool resolved) {
  auto result = api::Dispatch(*ctx.session, method, params, api::CallContext{Now(), {}});
  if (!result.ok()) return Fail(result.status());
  if (json) {
    std::printf("%s\n", result->c_str());
    return 0;
  }
  if (!resolved) {
    auto text = Outline(*result);
    if (!text.ok()) return Fail(text.status());
    std::fputs(text->c_str(), stdout);
    return 0;
  }
  // The resolved preferences as a table of the grid and a few lines. The JSON is the engine's own:
  // every member read here is there.
  dom::parser parser;
  const dom::element prefs = parser.parse(*result).value_unsafe();
  const auto get = [](dom::element e, std::string_view key) { return e[key].value_unsafe(); };
  const auto text = [&](dom::element e, std::string_view key) {
    return std::string(get(e, key).get_string().value_unsafe());
  };
  const auto number = [&](dom::element e, std::string_view key) {
    return static_cast<long long>(get(e, key).get_int64().value_unsafe());
  };
  const auto flag = [&](dom::element e, std::string_view key) { return get(e, key).get_bool().value_unsafe(); };
  // Copies, not references: value_unsafe() of a temporary result must not outlive it.
  const auto array = [&](dom::element e, std::string_view key) -> dom::array {
    return get(e, key).get_array().value_unsafe();
  };
  std::string out = "Preset " + text(prefs, "preset") + ", role " + text(prefs, "role") +
                    (flag(prefs, "individuals") ? " (sees individuals)" : " (team-level figures)") + "\n\n";
  char header[160];
  std::snprintf(header, sizeof header, "%-24s %3s %3s %3s %3s  %-7s %s\n", "widget", "x", "y", "w",
                "h", "size", "data");
  out += header;
  for (dom::element w : array(prefs, "widgets")) {
    char line[160];
    std::snprintf(line, sizeof line, "%-24s %3lld %3lld %3lld %3lld  %-7s %s\n", text(w, "id").c_str(), number(w, "x"),
                  number(w, "y"), number(w, "w"), number(w, "h"), text(w, "size").c_str(), text(w, "status").c_str());
    out += line;
  }
  const auto list = [&](const char* label, std::string_view key) {
    std::string items;
    for (dom::element e : array(prefs, key)) {
      items += (items.empty() ? "" : ", ") + std::string(e.get_string().value_unsafe());
    }
    out += std::string(label) + (items.empty() ? "-" : items) + "\n";
  };
  out += "\n";
  list("hidden:     ", "hidden");
  list("restricted: ", "restricted");
  list("pinned:     ", "pinned");
  std::string visits;
  const dom::object visit_counts = get(prefs, "visits").get_object().value_unsafe();
  for (dom::key_value_pair v : visit_counts) {
    visits += (visits.empty() ? "" : ", ") + std::string(v.key) + " " +
              std::to_string(v.value.get_int64().value_unsafe());
  }
  out += "visits:     " + (visits.empty() ? std::string("-") : visits) + "\n";
  const dom::element checklist = get(prefs, "checklist");
  if (!flag(checklist, "dismissed")) {
    out += "checklist:\n";
    for (dom::element item : array(checklist, "items")) {
      out += std::string(flag(item, "done") ? "  [x] " : "  [ ] ") + text(item, "label") + "\n";
    }
  }
  std::fputs(out.c_str(), stdout);
  return 0;
}

}  // namespace

int RunDashboard(Context& ctx, std::vector<std::string> argv) {
  Args args(std::move(argv));
  if (Status s = args.Parse({"--user", "--role"}, {"--json", "--help", "-h"}); !s.ok()) {
    return UsageError(s.message(), kCommand);
  }
  if (args.Flag("--help") || args.Flag("-h")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  const auto& ops = args.operands();
  if (ops.empty()) return UsageError("expected a subcommand", kCommand);
  const std::string& sub = ops[0];
  const bool json = args.Flag("--json");
  const auto expect = [&](size_t operands, const char* usage) {
    return ops.size() == operands + 1 ? 0 : UsageError(std::string("expected: ") + usage, kCommand);
  };
  JsonWriter params;
  params.BeginObject();
  if (auto user = args.Value("--user")) params.Field("user", *user);
  if (args.Value("--role") && sub != "widgets") return UsageError("--role is for widgets (see `role`)", kCommand);
  // Integers as JSON numbers, anything else as a string the engine rejects by name.
  const auto number = [&](std::string_view key, const std::string& text) {
    int64_t n = 0;
    if (ParseInt64(text, n, INT64_MIN)) {
      params.Field(key, n);
    } else {
      params.Field(key, text);
    }
  };
  const auto call = [&](std::string_view method, bool resolved = true) {
    params.EndObject();
    return Run(ctx, method, params.str(), json, resolved);
  };

  if (sub == "presets") return expect(0, "presets") ? 2 : call("dashboard.presets", false);
  if (sub == "widgets") {
    if (expect(0, "widgets [--role R]")) return 2;
    if (auto role = args.Value("--role")) params.Field("role", *role);
    return call("dashboard.widgets", false);
  }
  if (sub == "show") return expect(0, "show") ? 2 : call("dashboard.preferences");
  if (sub == "switch") {
    if (expect(1, "switch PRESET")) return 2;
    params.Field("preset", ops[1]);
    return call("dashboard.switchPreset");
  }
  if (sub == "reset") {
    if (ops.size() > 2) return UsageError("expected: reset [PRESET]", kCommand);
    if (ops.size() == 2) params.Field("preset", ops[1]);
    return call("dashboard.resetPreset");
  }
  if (sub == "move" || sub == "resize") {
    if (expect(3, sub == "move" ? "move ID X Y" : "resize ID W H")) return 2;
    params.Field("widget", ops[1]);
    number(sub == "move" ? "x" : "w", ops[2]);
    number(sub == "move" ? "y" : "h", ops[3]);
    return call(sub == "move" ? "dashboard.moveWidget" : "dashboard.resizeWidget");
  }
  if (sub == "size") {
    if (expect(2, "size ID small|medium|large|full")) return 2;
    params.Field("widget", ops[1]).Field("size", ops[2]);
    return call("dashboard.setWidgetSize");
  }
  if (sub == "show-widget" || sub == "hide-widget") {
    if (expect(1, sub == "show-widget" ? "show-widget ID" : "hide-widget ID")) return 2;
    params.Field("widget", ops[1]);
    return call(sub == "show-widget" ? "dashboard.showWidget" : "dashboard.hideWidget");
  }
  if (sub == "role") {
    if (expect(1, "role ROLE")) return 2;
    params.Field("role", ops[1]);
    return call("dashboard.setRole");
  }
  if (sub == "pin" || sub == "unpin") {
    if (expect(1, sub == "pin" ? "pin ITEM" : "unpin ITEM")) return 2;
    params.Field("item", ops[1]);
    return call(sub == "pin" ? "dashboard.pin" : "dashboard.unpin");
  }
  if (sub == "visit") {
    if (ops.size() < 2) return UsageError("expected: visit PATH...", kCommand);
    params.Key("visits").BeginObject();
    // Repeated paths count once per mention.
    std::vector<std::pair<std::string, int64_t>> counts;
    for (size_t i = 1; i < ops.size(); ++i) {
      auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == ops[i]; });
      if (it == counts.end()) {
        counts.emplace_back(ops[i], 1);
      } else {
        ++it->second;
      }
    }
    for (const auto& [path, count] : counts) params.Field(path, count);
    params.EndObject();
    return call("dashboard.trackVisits");
  }
  if (sub == "checklist") {
    if (ops.size() == 1) return call("dashboard.checklist", false);
    if (ops[1] == "dismiss" && ops.size() == 2) return call("dashboard.dismissChecklist");
    if ((ops[1] == "done" || ops[1] == "undo") && ops.size() == 3) {
      params.Field("item", ops[2]).Field("done", ops[1] == "done");
      return call("dashboard.completeChecklistItem");
    }
    return UsageError("expected: checklist [done ITEM | undo ITEM | dismiss]", kCommand);
  }
  if (sub == "recommend") return expect(0, "recommend") ? 2 : call("dashboard.recommendations", false);
  return UsageError("unknown subcommand " + sub, kCommand);
}

}  // namespace loupe::cli
