// `loupe alerts …`: alert rules over the snapshot metrics, their evaluation, and the alerts.
#include <cstdio>
#include <cstdlib>

#include "cli/cli.h"
#include "loupe/alerts/json.h"
#include "loupe/core/json_writer.h"
#include "loupe/core/strings.h"

namespace loupe::cli {
namespace {

constexpr const char* kHelp = R"(Usage: loupe [--db PATH] alerts SUBCOMMAND [ARGS]

An alert rule watches one metric of a category (docs/metrics.md) for every active developer, a
team's members or one developer, and raises an alert when the condition holds (docs/alerts.md).
A developer has at most one open alert per rule: while the condition keeps holding, evaluations
update it; when it clears, the alert resolves by itself. RULE is a rule id or name.

Subcommands:
  rules list [--all] [--json]  rules (active ones unless --all)
  rules add NAME --category C --metric KEY --operator OP --threshold X [OPTIONS]
      --category C             velocity, efficiency, quality, sustainability or collaboration
      --metric KEY             a key of the category, e.g. commits_count (checked)
      --operator OP            gt, lt, gte, lte, eq (within 0.001) or change_pct: the percent
                               change against the previous window of the same length, firing at
                               >= X for X >= 0 (a rise) or <= X for X < 0 (a drop)
      --scope S                workspace (default), team or developer
      --scope-id T|DEV         the team, or the developer (id, e-mail, login or name)
      --severity S             info, warning (default) or critical
      --description TEXT
      --inactive               store the rule switched off
  rules update RULE [--name N] [--description TEXT] [--operator OP] [--threshold X]
                    [--severity S] [--active on|off]
                               category, metric and scope stay as created
  rules delete RULE            delete a rule and its alerts
  rules seed-templates         add the six default rules whose names are not taken
  evaluate [--period P] [--from DATE --to DATE] [--profile P] [--json]
                               evaluate the active rules over the last completed period (default
                               weekly) or over [--from, --to) (YYYY-MM-DD, --to inclusive, or ISO
                               instants)
  history [--status S] [--limit N] [--json]
                               alerts, newest first (S: triggered, acknowledged, resolved, open)
  ack ID [--by WHO]            acknowledge an open alert (WHO defaults to $USER)
  resolve ID [--by WHO]        resolve an open alert by hand
)";

std::string Who(const Args& args) {
  if (auto by = args.Value("--by")) return *by;
  const char* user = std::getenv("USER");
  return user != nullptr ? user : "";
}

Result<int64_t> FindRule(Context& ctx, const std::string& ref) {
  int64_t id = 0;
  if (ParseInt64(ref, id, 1) && ctx.session->alerts().FindRule(id) != nullptr) return id;
  if (const alerts::Rule* r = ctx.session->alerts().FindRuleByName(ref)) return r->id;
  return NotFound("no alert rule " + QuoteForMessage(ref) + " (give its id or name)");
}

std::string DeveloperName(Context& ctx, model::DeveloperId id) {
  const identity::Developer* d = ctx.session->resolution().Find(id);
  return std::to_string(id) + " " + (d == nullptr ? "(no longer a developer)" : d->name);
}

int RulesList(Context& ctx, const Args& args) {
  const bool all = args.Flag("--all");
  const auto& rules = ctx.session->alerts().rules();
  if (args.Flag("--json")) {
    JsonWriter w(true);
    api::WriteAlertRulesJson(w, *ctx.session, all);
    std::printf("%s\n", w.str().c_str());
    return 0;
  }
  for (const auto& r : rules) {
    if (!all && !r.active) continue;
    std::printf("%4lld  %-40s %s.%s %s %g  [%s%s%s]%s\n", static_cast<long long>(r.id), Ellipsize(r.name, 40).c_str(),
                std::string(snapshots::CategoryName(r.category)).c_str(), r.metric.c_str(),
                std::string(alerts::OperatorName(r.op)).c_str(), r.threshold,
                std::string(alerts::ScopeName(r.scope)).c_str(), r.scope_ref.empty() ? "" : " ", r.scope_ref.c_str(),
                r.active ? "" : "  (inactive)");
  }
  if (rules.empty() && !ctx.global.quiet) {
    std::fprintf(stderr, "no alert rules (see `loupe alerts rules add` and `loupe alerts rules seed-templates`)\n");
  }
  return 0;
}

Result<double> ParseNumber(const std::string& text, std::string_view option) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0') return InvalidInput(std::string(option) + " expects a number, got " + QuoteForMessage(text));
  return v;
}

int RulesAdd(Context& ctx, const Args& args, const std::string& name) {
  alerts::Rule rule;
  rule.name = name;
  rule.description = args.Value("--description").value_or("");
  const auto category = args.Value("--category");
  const auto metric = args.Value("--metric");
  const auto op = args.Value("--operator");
  const auto threshold = args.Value("--threshold");
  if (!category || !metric || !op || !threshold) {
    return UsageError("rules add needs --category, --metric, --operator and --threshold", "alerts");
  }
  auto c = snapshots::ParseCategory(*category);
  if (!c.ok()) return UsageError(c.status().message(), "alerts");
  rule.category = *c;
  rule.metric = *metric;
  auto o = alerts::ParseOperator(*op);
  if (!o.ok()) return UsageError(o.status().message(), "alerts");
  rule.op = *o;
  auto t = ParseNumber(*threshold, "--threshold");
  if (!t.ok()) return UsageError(t.status().message(), "alerts");
  rule.threshold = *t;
  auto scope = alerts::ParseScope(args.Value("--scope").value_or("workspace"));
  if (!scope.ok()) return UsageError(scope.status().message(), "alerts");
  rule.scope = *scope;
  rule.scope_ref = args.Value("--scope-id").value_or("");
  auto severity = alerts::ParseSeverity(args.Value("--severity").value_or("warning"));
  if (!severity.ok()) return UsageError(severity.status().message(), "alerts");
  rule.severity = *severity;
  rule.active = !args.Flag("--inactive");
  auto id = ctx.session->AddAlertRule(std::move(rule), Now());
  if (!id.ok()) return Fail(id.status());
  std::printf("%lld\n", static_cast<long long>(*id));
  return 0;
}

int RulesUpdate(Context& ctx, const Args& args, const std::string& ref) {
  auto id = FindRule(ctx, ref);
  if (!id.ok()) return Fail(id.status());
  api::AlertRuleUpdate update;
  update.name = args.Value("--name");
  update.description = args.Value("--description");
  if (auto op = args.Value("--operator")) {
    auto o = alerts::ParseOperator(*op);
    if (!o.ok()) return UsageError(o.status().message(), "alerts");
    update.op = *o;
  }
  if (auto t = args.Value("--threshold")) {
    auto v = ParseNumber(*t, "--threshold");
    if (!v.ok()) return UsageError(v.status().message(), "alerts");
    update.threshold = *v;
  }
  if (auto s = args.Value("--severity")) {
    auto v = alerts::ParseSeverity(*s);
    if (!v.ok()) return UsageError(v.status().message(), "alerts");
    update.severity = *v;
  }
  if (auto a = args.Value("--active")) {
    if (*a != "on" && *a != "off") return UsageError("--active takes on or off", "alerts");
    update.active = *a == "on";
  }
  if (Status s = ctx.session->UpdateAlertRule(*id, update, Now()); !s.ok()) return Fail(s);
  return 0;
}

int Rules(Context& ctx, const Args& args) {
  const auto& ops = args.operands();
  const std::string op = ops.size() > 1 ? ops[1] : "list";
  if (op == "list" && ops.size() <= 2) return RulesList(ctx, args);
  if (op == "add" && ops.size() == 3) return RulesAdd(ctx, args, ops[2]);
  if (op == "update" && ops.size() == 3) return RulesUpdate(ctx, args, ops[2]);
  if (op == "delete" && ops.size() == 3) {
    auto id = FindRule(ctx, ops[2]);
    if (!id.ok()) return Fail(id.status());
    if (Status s = ctx.session->DeleteAlertRule(*id); !s.ok()) return Fail(s);
    return 0;
  }
  if (op == "seed-templates" && ops.size() == 2) {
    auto added = ctx.session->SeedAlertTemplates(Now());
    if (!added.ok()) return Fail(added.status());
    if (!ctx.global.quiet) std::fprintf(stderr, "added %d default alert rules\n", *added);
    return 0;
  }
  return UsageError("expected: rules list|add|update|delete|seed-templates", "alerts");
}

int Evaluate(Context& ctx, const Args& args) {
  auto profile = api::ProfileOrDefault(args.Value("--profile"));
  if (!profile.ok()) return UsageError(profile.status().message(), "alerts");
  const api::WindowOptions options{args.Value("--from"), args.Value("--to"), args.Value("--period"), "--"};
  auto spec = api::ResolveWindow(options, api::WindowPolicy::kAlerts, Now());
  if (!spec.ok()) return UsageError(spec.status().message(), "alerts");
  const Window window = spec->window;
  auto evaluation = ctx.session->EvaluateAlerts(window, *profile, Now());
  if (!evaluation.ok()) return Fail(evaluation.status());
  if (args.Flag("--json")) {
    JsonWriter w(true);
    api::WriteJson(w, window, *evaluation);
    std::printf("%s\n", w.str().c_str());
    return 0;
  }
  int64_t triggered = 0, standing = 0, resolved = 0;
  for (const auto& f : evaluation->findings) {
    const char* outcome = "TRIGGERED";
    if (f.outcome == alerts::Finding::Outcome::kStanding) {
      outcome = "STANDING";
      ++standing;
    } else if (f.outcome == alerts::Finding::Outcome::kResolved) {
      outcome = "RESOLVED";
      ++resolved;
    } else {
      ++triggered;
    }
    std::printf("%-9s %5lld  %-8s  %-30s  %s\n", outcome, static_cast<long long>(f.alert_id),
                std::string(alerts::SeverityName(f.severity)).c_str(), Ellipsize(DeveloperName(ctx, f.developer), 30).c_str(),
                f.message.c_str());
  }
  if (!ctx.global.quiet) {
    std::fprintf(stderr, "%lld rules over %s .. %s: %lld new alerts, %lld still open, %lld resolved\n",
                 static_cast<long long>(evaluation->rules_evaluated), FormatIsoInstant(window.start).c_str(),
                 FormatIsoInstant(window.end).c_str(), static_cast<long long>(triggered),
                 static_cast<long long>(standing), static_cast<long long>(resolved));
  }
  return 0;
}

int History(Context& ctx, const Args& args) {
  std::optional<alerts::AlertStatus> status;
  const std::string wanted = args.Value("--status").value_or("");
  const bool open_only = wanted == "open";
  if (!wanted.empty() && !open_only) {
    auto s = alerts::ParseAlertStatus(wanted);
    if (!s.ok()) return UsageError(s.status().message() + " (or open)", "alerts");
    status = *s;
  }
  int64_t limit = 50;
  if (auto l = args.Value("--limit"); l && !ParseInt64(*l, limit, 1)) {
    return UsageError("--limit needs a positive number", "alerts");
  }
  if (args.Flag("--json")) {
    JsonWriter w(true);
    if (Status s = api::WriteAlertsJson(w, *ctx.session, wanted, limit); !s.ok()) return UsageError(s.message(), "alerts");
    std::printf("%s\n", w.str().c_str());
    return 0;
  }
  std::vector<const alerts::Alert*> rows;
  const auto& all = ctx.session->alerts().alerts();
  for (auto it = all.rbegin(); it != all.rend() && static_cast<int64_t>(rows.size()) < limit; ++it) {
    if ((status && it->status != *status) || (open_only && !it->open())) continue;
    rows.push_back(&*it);
  }
  for (const auto* a : rows) {
    std::printf("%5lld  %-12s %-8s  %-28s  %-10s  %s\n", static_cast<long long>(a->id),
                std::string(alerts::AlertStatusName(a->status)).c_str(),
                std::string(alerts::SeverityName(a->severity)).c_str(),
                Ellipsize(DeveloperName(ctx, a->developer), 28).c_str(), FormatIsoInstant(a->last_seen_at).substr(0, 10).c_str(),
                a->message.c_str());
  }
  if (rows.empty() && !ctx.global.quiet) std::fprintf(stderr, "no alerts\n");
  return 0;
}

}  // namespace

int RunAlerts(Context& ctx, std::vector<std::string> argv) {
  Args args(std::move(argv));
  if (Status s = args.Parse({"--category", "--metric", "--operator", "--threshold", "--scope", "--scope-id", "--severity",
                             "--description", "--name", "--active", "--period", "--from", "--to", "--profile",
                             "--status", "--limit", "--by"},
                            {"--json", "--all", "--inactive", "--help", "-h"});
      !s.ok()) {
    return UsageError(s.message(), "alerts");
  }
  if (args.Flag("--help") || args.Flag("-h")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  const auto& ops = args.operands();
  if (ops.empty()) return UsageError("expected a subcommand", "alerts");
  const std::string& sub = ops[0];
  if (sub == "rules") return Rules(ctx, args);
  if (sub == "evaluate" && ops.size() == 1) return Evaluate(ctx, args);
  if (sub == "history" && ops.size() == 1) return History(ctx, args);
  if ((sub == "ack" || sub == "resolve") && ops.size() == 2) {
    int64_t id = 0;
    if (!ParseInt64(ops[1], id, 1)) return UsageError("expected an alert id, got " + ops[1], "alerts");
    const Status s = sub == "ack" ? ctx.session->AcknowledgeAlert(id, Who(args), Now())
                                  : ctx.session->ResolveAlert(id, Who(args), Now());
    return s.ok() ? 0 : Fail(s);
  }
  return UsageError("unknown subcommand or wrong arguments: " + sub, "alerts");
}

}  // namespace loupe::cli
