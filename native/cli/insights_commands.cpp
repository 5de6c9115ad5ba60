// `loupe insights …`: one developer's categories, team and workspace rollups, comparisons and
// leaderboards over one window.
#include <algorithm>
#include <cstdio>
#include <string>

#include "cli/cli.h"
#include "loupe/api/explain.h"
#include "loupe/core/json_writer.h"
#include "loupe/core/strings.h"
#include "loupe/metrics/rollups/developer_comparison.h"
#include "loupe/metrics/rollups/gaming_flags.h"
#include "loupe/metrics/rollups/health_score.h"
#include "loupe/metrics/rollups/leaderboard.h"
#include "loupe/metrics/rollups/percentile.h"
#include "loupe/metrics/rollups/period_comparison.h"
#include "loupe/metrics/rollups/population.h"
#include "loupe/metrics/rollups/team_insights.h"
#include "loupe/metrics/rollups/velocity_forecast.h"
#include "loupe/metrics/rollups/workspace_health.h"
#include "loupe/snapshots/metric_fields.h"

namespace loupe::cli {
namespace {

constexpr const char* kHelp = R"(Usage: loupe [--db PATH] insights SUBCOMMAND [OPTIONS]

Metrics over one window, computed from the workspace as it is now (docs/metrics.md defines every
number, for both profiles).

Subcommands:
  developer DEV            the five categories (velocity, efficiency, quality, sustainability,
                           collaboration) of one developer
      --compare-previous   also the window of the same length right before
      --health             the composite health score (0–100) with its breakdown
      --percentile         where the developer stands among all developers on 11 metrics
      --gaming-flags       patterns that inflate activity metrics (prompts for a conversation)
      --forecast           next period's commits, merged PRs and lines from the last 6 stored
                           snapshots of the --period type (see `loupe snapshots generate`)
  team [TEAM]              totals and workload distribution (load = commits + 3 × merged PRs +
                           reviews given; Gini; top contributor's share; bottlenecks) of a team,
                           or of every developer when no team is named
      --include-inactive   keep members with no commit, merged PR or review in the window
      --role-weighted      weigh loads by the engineering role of each member's schedule
  workspace                the workspace summary: totals, workload balance, burnout risks,
                           bottlenecks, top contributors and developers who went quiet
  compare DEV,DEV…         up to 10 developers side by side
  leaderboard --metric M   developers ordered by one metric (commits, prs_merged, lines_changed,
                           reviews_given or a category key such as pr_throughput); ties share a
                           rank under the loupe profile
      --limit N            the first N (1–50, default 10)
      --team TEAM          only the team's members
  explain METRIC           what a figure means under the profile: definition, window, population
                           and exclusions, with the window's dates and, for a developer or a team,
                           what was counted and left out. METRIC is a key of the insights JSON
                           (commits_count, gini_coefficient, …) or category.key (workload.load)
      --developer DEV      count the developer's items in the window
      --team TEAM          count the team's members instead of every developer

DEV is a developer id, e-mail, login or name (see `loupe developers`).

Options (every subcommand):
  --from WHEN, --to WHEN   the window: YYYY-MM-DD (--to includes that day) or ISO instants;
                           both or neither
  --period P               daily | weekly | biweekly | monthly; without --from/--to the window is
                           the last completed period of that kind (default: the last completed
                           week); with them, only a label
  --profile P              loupe (default) | aexy-compat: the metric definitions to follow
  --json                   machine-readable output with the keys of the system Loupe replaces
)";

constexpr const char* kCommand = "insights";

// The metric context of the session for a profile (schedules and teams come from its settings).
struct Metrics {
  Metrics(api::Session& session, metrics::MetricProfile profile)
      : ctx(session.MetricContextFor(profile)), settings(session.settings()) {}
  metrics::MetricContext ctx;
  const model::WorkspaceSettings& settings;
};

struct Options {
  Window window;
  PeriodType period_type = PeriodType::kWeekly;
  metrics::MetricProfile profile = metrics::MetricProfile::kLoupe;
  bool json = false;
  api::InsightsScope scope() const { return {window, period_type, profile}; }
};

// Reads --from, --to and --period (api::ResolveWindow); an error is a usage error. Periods are the
// workspace zone's (UTC unless its schedule names one).
Result<Options> ReadOptions(api::Session& session, const Args& args, metrics::MetricProfile profile) {
  Options o;
  o.json = args.Flag("--json");
  api::WindowOptions window{args.Value("--from"), args.Value("--to"), args.Value("--period"), "--"};
  LOUPE_ASSIGN_OR_RETURN(api::ResolvedWindow resolved,
                         api::ResolveWindow(window, api::WindowPolicy::kInsights, Now(), api::InsightsZone(session, profile)));
  o.window = resolved.window;
  o.period_type = resolved.period_type;
  o.profile = profile;
  return o;
}

std::string Span(const Window& w) { return FormatIsoInstant(w.start) + " .. " + FormatIsoInstant(w.end); }

std::string Number(double value, bool integer) {
  char buf[64];
  std::snprintf(buf, sizeof buf, integer ? "%.0f" : "%.2f", value);
  return buf;
}

const identity::Developer& DeveloperAt(const Metrics& m, uint32_t index) { return m.ctx.resolution.developers()[index]; }

void PrintJson(const JsonWriter& w) { std::printf("%s\n", w.str().c_str()); }

// The category keys the profile reports, in category order.
std::vector<const snapshots::MetricField*> ShownFields(metrics::MetricProfile profile) {
  std::vector<const snapshots::MetricField*> fields;
  for (const auto& f : snapshots::MetricFields()) {
    if (!f.loupe_only || profile == metrics::MetricProfile::kLoupe) fields.push_back(&f);
  }
  return fields;
}

// One line per metric with a column per report.
void PrintCategoryTable(const std::vector<const metrics::DeveloperInsights*>& columns,
                        const std::vector<std::string>& headers, metrics::MetricProfile profile) {
  std::printf("%-34s", "");
  for (const auto& h : headers) std::printf(" %14s", Ellipsize(h, 14).c_str());
  std::printf("\n");
  std::optional<snapshots::Category> category;
  for (const snapshots::MetricField* f : ShownFields(profile)) {
    if (category != f->category) {
      category = f->category;
      std::string name(snapshots::CategoryName(f->category));
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
      std::printf("%s\n", name.c_str());
    }
    std::printf("  %-32s", std::string(f->key).c_str());
    for (const auto* insights : columns) std::printf(" %14s", Number(f->get(*insights), f->integer).c_str());
    std::printf("\n");
  }
}

int Developer(Context& ctx, const Args& args, const Metrics& m, const Options& o) {
  const auto& ops = args.operands();
  if (ops.size() != 2) return UsageError("expected: insights developer DEV", kCommand);
  api::DeveloperInsightsOptions options;
  options.compare_previous = args.Flag("--compare-previous");
  options.health = args.Flag("--health");
  options.percentile = args.Flag("--percentile");
  options.gaming_flags = args.Flag("--gaming-flags");
  options.forecast = args.Flag("--forecast");
  auto insights = api::ComputeDeveloperInsights(*ctx.session, ops[1], o.scope(), options);
  if (!insights.ok()) return Fail(insights.status());
  if (o.json) {
    JsonWriter w(true);
    api::WriteJson(w, *ctx.session, *insights, Now());
    PrintJson(w);
    return 0;
  }
  const bool previous = insights->compared;
  const metrics::PeriodComparison& both = insights->both;
  const auto& health = insights->health;
  const auto& percentile = insights->percentile;
  const auto& gaming = insights->gaming;
  const auto& forecast = insights->forecast;
  const auto* dev = &insights->developer;
  const identity::Developer& d = DeveloperAt(m, *dev);
  std::printf("%s (id %u)  %s  %s  profile %s\n\n", d.name.c_str(), d.id, Span(o.window).c_str(),
              std::string(PeriodTypeName(o.period_type)).c_str(), std::string(metrics::MetricProfileName(o.profile)).c_str());
  if (previous) {
    PrintCategoryTable({&both.current.insights, &both.previous.insights}, {"this window", "previous"}, o.profile);
    std::printf("(previous window: %s)\n", Span(both.previous.window).c_str());
  } else {
    PrintCategoryTable({&both.current.insights}, {"value"}, o.profile);
  }
  if (health) {
    std::printf("\nHEALTH SCORE %.1f / 100\n", health->score);
    const std::pair<const char*, const metrics::CategoryScore*> parts[] = {
        {"velocity", &health->velocity}, {"efficiency", &health->efficiency}, {"quality", &health->quality},
        {"sustainability", &health->sustainability}, {"collaboration", &health->collaboration}};
    for (const auto& [name, part] : parts) std::printf("  %-32s %6.1f × %.2f\n", name, part->score, part->weight);
  }
  if (percentile) {
    std::printf("\nPERCENTILE among %lld developers\n  %-32s %14s %11s %10s\n",
                static_cast<long long>(percentile->rankings.front().total), "", "VALUE", "RANK", "PERCENTILE");
    for (const auto& s : percentile->rankings) {
      std::printf("  %-32s %14s %5lld/%-5lld %10lld\n", std::string(s.metric).c_str(), Number(s.value, s.integer).c_str(),
                  static_cast<long long>(s.rank), static_cast<long long>(s.total), static_cast<long long>(s.percentile));
    }
  }
  if (forecast) {
    std::printf("\nFORECAST of the next %s from %lld stored snapshots (confidence %.2f)\n",
                std::string(PeriodTypeName(o.period_type == PeriodType::kCustom ? PeriodType::kWeekly : o.period_type)).c_str(), static_cast<long long>(forecast->data_points),
                forecast->confidence);
    std::printf("  commits %.1f, merged PRs %.1f, lines changed %.1f\n", forecast->commits, forecast->prs_merged,
                forecast->lines_changed);
    if (forecast->data_points == 0) std::printf("  (no snapshots yet: run `loupe snapshots generate`)\n");
  }
  if (gaming) {
    std::printf("\nGAMING FLAGS  risk %s\n", std::string(gaming->risk_level).c_str());
    for (const auto& f : gaming->flags) {
      std::printf("  %-22s %-8s %s\n", std::string(f.type).c_str(), std::string(metrics::FlagSeverityName(f.severity)).c_str(),
                  f.description.c_str());
    }
  }
  return 0;
}

int Team(Context& ctx, const Args& args, const Metrics& m, const Options& o) {
  const auto& ops = args.operands();
  if (ops.size() > 2) return UsageError("expected: insights team [TEAM]", kCommand);
  auto insights = api::ComputeTeamInsights(*ctx.session, ops.size() == 2 ? ops[1] : "", o.scope(),
                                           args.Flag("--include-inactive"), args.Flag("--role-weighted"));
  if (!insights.ok()) return Fail(insights.status());
  const metrics::TeamInsights& t = *insights;
  const std::string& team_name = t.team;
  if (o.json) {
    JsonWriter w(true);
    metrics::WriteJson(w, t, m.ctx.resolution, o.profile, Now());
    PrintJson(w);
    return 0;
  }
  const auto& a = t.aggregate;
  const auto& d = t.distribution;
  std::printf("%s  %s  %s  %lld members\n", team_name.empty() ? "All developers" : ("Team " + team_name).c_str(),
              Span(o.window).c_str(), std::string(PeriodTypeName(o.period_type)).c_str(),
              static_cast<long long>(t.member_count));
  std::printf("commits %s  merged PRs %s  lines changed %s  reviews %s  (per member: %.2f commits, %.2f PRs)\n",
              FormatThousands(a.total_commits).c_str(), FormatThousands(a.total_prs_merged).c_str(),
              FormatThousands(a.total_lines_changed).c_str(), FormatThousands(a.total_reviews).c_str(),
              a.avg_commits_per_member, a.avg_prs_per_member);
  std::printf("Gini %.3f (%s)  top contributor share %.2f  bottleneck: load > %g × mean %.2f\n\n", d.gini_coefficient,
              std::string(metrics::WorkloadBalance(d.gini_coefficient)).c_str(), d.top_contributor_share,
              d.bottleneck_multiplier, d.mean_load);
  std::printf("%6s  %-28s %-20s %8s %6s %8s %8s %8s\n", "ID", "NAME", "LOGIN", "COMMITS", "PRS", "LINES", "REVIEWS", "LOAD");
  for (const auto& row : d.member_metrics) {
    const identity::Developer& dev = DeveloperAt(m, row.developer);
    const bool bottleneck = std::find(d.bottleneck_developers.begin(), d.bottleneck_developers.end(), row.developer) !=
                            d.bottleneck_developers.end();
    std::printf("%6u  %-28s %-20s %8s %6s %8s %8s %8.0f%s\n", dev.id, Ellipsize(dev.name, 28).c_str(),
                Ellipsize(dev.login, 20).c_str(), FormatThousands(row.commits_count).c_str(),
                FormatThousands(row.prs_merged).c_str(), FormatThousands(row.lines_changed).c_str(),
                FormatThousands(row.reviews_given).c_str(), row.load, bottleneck ? "  bottleneck" : "");
  }
  return 0;
}

int Workspace(Context& ctx, const Metrics& m, const Options& o) {
  const metrics::WorkspaceHealth h = api::ComputeWorkspaceHealth(*ctx.session, o.scope());
  if (o.json) {
    JsonWriter w(true);
    metrics::WriteJson(w, h, m.ctx.resolution, o.profile);
    PrintJson(w);
    return 0;
  }
  auto name = [&](uint32_t dev) { return Ellipsize(DeveloperAt(m, dev).name, 28); };
  std::printf("Workspace  %s  %s\n", Span(o.window).c_str(), std::string(PeriodTypeName(o.period_type)).c_str());
  std::printf("developers %lld (%lld active)  commits %s  merged PRs %s  reviews %s  lines changed %s\n",
              static_cast<long long>(h.total_developers), static_cast<long long>(h.active_developers),
              FormatThousands(h.total_commits).c_str(), FormatThousands(h.total_prs_merged).c_str(),
              FormatThousands(h.total_reviews).c_str(), FormatThousands(h.total_lines_changed).c_str());
  std::printf("per developer: %.1f commits, %.1f merged PRs\n", h.avg_commits_per_dev, h.avg_prs_per_dev);
  std::printf("workload balance %s (Gini %.3f)  burnout risks %zu  bottlenecks %zu\n",
              std::string(metrics::WorkloadBalance(h.gini_coefficient)).c_str(), h.gini_coefficient, h.burnout.size(),
              h.bottlenecks.size());
  if (!h.burnout.empty()) std::printf("\nBURNOUT RISK (weekend > 30 %% or late night > 25 %% of commits)\n");
  for (const auto& b : h.burnout) {
    std::printf("  %-28s weekend %3.0f %%  late night %3.0f %%\n", name(b.developer).c_str(), b.weekend_ratio * 100,
                b.late_night_ratio * 100);
  }
  if (!h.bottlenecks.empty()) std::printf("\nBOTTLENECKS\n");
  for (const auto& b : h.bottlenecks) {
    std::printf("  %-28s %6lld commits  %.1f × the average\n", name(b.developer).c_str(), static_cast<long long>(b.commits),
                b.ratio_vs_avg);
  }
  if (!h.top_contributors.empty()) std::printf("\nTOP CONTRIBUTORS%21s %8s %10s\n", "COMMITS", "PRS", "LINES");
  for (const auto& c : h.top_contributors) {
    std::printf("  %-28s %8s %8s %10s\n", name(c.developer).c_str(), FormatThousands(c.commits).c_str(),
                FormatThousands(c.prs_merged).c_str(), FormatThousands(c.lines_changed).c_str());
  }
  if (!h.inactive.empty()) std::printf("\nNO ACTIVITY IN THE WINDOW (last activity)\n");
  for (const auto& i : h.inactive) {
    std::printf("  %-28s %s\n", name(i.developer).c_str(), FormatIsoInstant(i.last_activity).substr(0, 10).c_str());
  }
  return 0;
}

int Compare(Context& ctx, const Args& args, const Metrics& m, const Options& o) {
  const auto& ops = args.operands();
  if (ops.size() != 2) return UsageError("expected: insights compare DEV,DEV…", kCommand);
  std::vector<std::string> devs;
  for (std::string_view ref : Split(ops[1], ',')) devs.emplace_back(ref);
  auto reports = api::CompareDevelopers(*ctx.session, devs, o.scope());
  if (!reports.ok()) {
    return reports.status().code() == StatusCode::kInvalidInput ? UsageError(reports.status().message(), kCommand)
                                                                  : Fail(reports.status());
  }
  if (o.json) {
    JsonWriter w(true);
    metrics::WriteJson(w, *reports, m.ctx.resolution, o.profile);
    PrintJson(w);
    return 0;
  }
  std::printf("%s  %s  profile %s\n\n", Span(o.window).c_str(), std::string(PeriodTypeName(o.period_type)).c_str(),
              std::string(metrics::MetricProfileName(o.profile)).c_str());
  std::vector<const metrics::DeveloperInsights*> columns;
  std::vector<std::string> headers;
  for (const auto& r : *reports) {
    columns.push_back(&r.insights);
    headers.push_back(DeveloperAt(m, r.developer).name);
  }
  PrintCategoryTable(columns, headers, o.profile);
  return 0;
}

int Explain(Context& ctx, const Args& args, const Options& o) {
  const auto& ops = args.operands();
  if (ops.size() != 2) return UsageError("expected: insights explain METRIC", kCommand);
  api::ExplainRequest request{ops[1], args.Value("--developer").value_or(""), args.Value("--team").value_or("")};
  auto x = api::ExplainMetric(*ctx.session, request, o.scope());
  if (!x.ok()) {
    return x.status().code() == StatusCode::kInvalidInput ? UsageError(x.status().message(), kCommand) : Fail(x.status());
  }
  if (o.json) {
    JsonWriter w(true);
    api::WriteJson(w, *ctx.session, *x);
    PrintJson(w);
    return 0;
  }
  const metrics::CatalogEntry& e = *x->entry;
  auto counts = [](const std::vector<api::PopulationCount>& list) {
    std::string out;
    for (const auto& c : list) out += (out.empty() ? "" : ", ") + c.what + " " + FormatThousands(c.count);
    return out;
  };
  std::printf("%s.%s  %s  (%s, %s is better)  profile %s\n", std::string(e.category).c_str(), std::string(e.key).c_str(),
              std::string(e.label).c_str(), std::string(metrics::MetricUnitName(e.unit)).c_str(),
              std::string(metrics::BetterName(e.better)).c_str(), std::string(metrics::MetricProfileName(o.profile)).c_str());
  std::printf("  %s\n", std::string(metrics::Definition(e, o.profile)).c_str());
  std::printf("window      %s\n            %s  %s, %s\n", metrics::WindowRule(e, o.profile).c_str(), Span(o.window).c_str(),
              x->zone.c_str(), std::string(PeriodTypeName(o.period_type)).c_str());
  std::printf("population  %s\n", std::string(metrics::Population(e, o.profile)).c_str());
  std::string who = x->developer ? ctx.session->resolution().developers()[*x->developer].name
                                 : (x->team.empty() ? "every developer" : "team " + x->team);
  std::printf("            %s: %lld developer%s", who.c_str(), static_cast<long long>(x->developers), x->developers == 1 ? "" : "s");
  if (!x->counted.empty()) std::printf("; %s", counts(x->counted).c_str());
  if (!x->excluded.empty()) std::printf("; excluded: %s", counts(x->excluded).c_str());
  std::printf("\n");
  for (std::string_view exclusion : metrics::Exclusions(e, o.profile)) std::printf("excludes    %s\n", std::string(exclusion).c_str());
  if (metrics::DiffersBetweenProfiles(e)) {
    const bool loupe = o.profile == metrics::MetricProfile::kLoupe;
    std::printf("%-11s %s\n", loupe ? "aexy-compat" : "loupe", std::string(loupe ? e.aexy : e.definition).c_str());
  }
  return 0;
}

int Leaderboard(Context& ctx, const Args& args, const Metrics& m, const Options& o) {
  if (args.operands().size() != 1) return UsageError("expected: insights leaderboard --metric M", kCommand);
  const auto metric = args.Value("--metric");
  if (!metric) return UsageError("leaderboard needs --metric M", kCommand);
  int64_t limit = metrics::kDefaultLeaderboardLimit;
  if (auto l = args.Value("--limit"); l && !ParseInt64(*l, limit)) return UsageError("--limit needs a number", kCommand);
  auto board = api::ComputeLeaderboard(*ctx.session, *metric, limit, args.Value("--team").value_or(""), o.scope());
  if (!board.ok()) {
    return board.status().code() == StatusCode::kInvalidInput ? UsageError(board.status().message(), kCommand)
                                                                : Fail(board.status());
  }
  if (o.json) {
    JsonWriter w(true);
    metrics::WriteJson(w, *board, m.ctx.resolution);
    PrintJson(w);
    return 0;
  }
  std::printf("%s  %s  %s\n\n%4s  %6s  %-28s %-20s %12s\n", std::string(board->metric->name).c_str(), Span(o.window).c_str(),
              std::string(PeriodTypeName(o.period_type)).c_str(), "RANK", "ID", "NAME", "LOGIN", "VALUE");
  for (const auto& e : board->entries) {
    const identity::Developer& d = DeveloperAt(m, e.developer);
    std::printf("%4lld  %6u  %-28s %-20s %12s\n", static_cast<long long>(e.rank), d.id, Ellipsize(d.name, 28).c_str(),
                Ellipsize(d.login, 20).c_str(), Number(e.value, board->metric->integer).c_str());
  }
  return 0;
}

}  // namespace

int RunInsights(Context& ctx, std::vector<std::string> argv) {
  Args args(std::move(argv));
  if (Status s = args.Parse({"--from", "--to", "--period", "--profile", "--metric", "--limit", "--team", "--developer"},
                            {"--json", "--compare-previous", "--health", "--percentile", "--gaming-flags", "--forecast",
                             "--include-inactive", "--role-weighted", "--help", "-h"});
      !s.ok()) {
    return UsageError(s.message(), kCommand);
  }
  if (args.Flag("--help") || args.Flag("-h")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  const auto& ops = args.operands();
  if (ops.empty()) {
    return UsageError("expected a subcommand: developer, team, workspace, compare, leaderboard or explain", kCommand);
  }
  const std::string& sub = ops[0];
  // Options that belong to one subcommand are refused elsewhere rather than silently ignored.
  const std::pair<const char*, const char*> owned[] = {
      {"--compare-previous", "developer"}, {"--health", "developer"},        {"--percentile", "developer"},
      {"--gaming-flags", "developer"},     {"--forecast", "developer"},      {"--include-inactive", "team"},   {"--role-weighted", "team"},
      {"--metric", "leaderboard"},         {"--limit", "leaderboard"},       {"--team", "leaderboard"},
      {"--developer", "explain"}};
  for (const auto& [option, owner] : owned) {
    const bool shared = std::string_view(option) == "--team" && sub == "explain";
    if ((args.Flag(option) || args.Value(option)) && sub != owner && !shared) {
      return UsageError(std::string(option) + " only applies to `insights " + owner + "`", kCommand);
    }
  }
  auto profile = args.Value("--profile") ? metrics::ParseMetricProfile(*args.Value("--profile"))
                                         : Result<metrics::MetricProfile>(metrics::MetricProfile::kLoupe);
  if (!profile.ok()) return UsageError(profile.status().message(), kCommand);
  const Metrics m(*ctx.session, *profile);
  auto options = ReadOptions(*ctx.session, args, *profile);
  if (!options.ok()) return UsageError(options.status().message(), kCommand);

  if (sub == "developer") return Developer(ctx, args, m, *options);
  if (sub == "team") return Team(ctx, args, m, *options);
  if (sub == "workspace") {
    if (ops.size() != 1) return UsageError("expected: insights workspace", kCommand);
    return Workspace(ctx, m, *options);
  }
  if (sub == "compare") return Compare(ctx, args, m, *options);
  if (sub == "leaderboard") return Leaderboard(ctx, args, m, *options);
  if (sub == "explain") return Explain(ctx, args, *options);
  return UsageError("unknown subcommand " + QuoteForMessage(sub), kCommand);
}

}  // namespace loupe::cli
