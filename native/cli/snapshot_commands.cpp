// `loupe snapshots …`: generate, list and check the stored per-period metrics.
#include <chrono>
#include <cstdio>
#include <ctime>

#include "cli/cli.h"
#include "cli/progress_bar.h"
#include "loupe/core/json_writer.h"
#include "loupe/core/strings.h"
#include "loupe/snapshots/json.h"

namespace loupe::cli {
namespace {

constexpr const char* kHelp = R"(Usage: loupe [--db PATH] snapshots SUBCOMMAND [ARGS]

A snapshot is one developer's five metric categories (velocity, efficiency, quality,
sustainability, collaboration; docs/metrics.md) over one period, stored so trends, forecasts and
alerts can read them later. Periods are half-open and on UTC boundaries: daily, weekly (Monday to
Monday), biweekly (two-week blocks from 1970-01-05) and monthly; each period type is its own
series. A team snapshot holds the totals of its members' snapshots of the same period.

Snapshots stay correct by themselves: an import recomputes every stored snapshot whose period its
data touches; identity rules, schedules and teams mark snapshots stale until generated again.

Subcommands:
  generate [OPTIONS]           compute and store (replacing) the snapshots of a range
      --period P               daily, weekly (default), biweekly, monthly or custom
      --from DATE --to DATE    the range: every period that intersects it (custom: exactly it).
                               DATE is YYYY-MM-DD (UTC; --to includes that day) or an ISO
                               instant. Default: the last completed period; --from alone runs
                               to now
      --developers DEV,...     only these developers (id, e-mail, login or name)
      --team T                 the team's members, plus a team snapshot per period. Without
                               --developers and --team: every developer (bots aside) with a
                               commit, PR or review in the range, plus a workspace snapshot
      --profile P              loupe (default) or aexy-compat (docs/metrics.md)
      --due                    instead: what the automatic snapshot settings ask for now (the
                               last completed period of each enabled frequency; for cron)
      --json                   print the report as JSON
  history DEV [--period P] [--limit N] [--json]
                               a developer's snapshots, newest first (default weekly, 12)
  status [--json]              per developer and period type: periods stored, the latest,
                               when it was computed, and how many are stale
)";

std::string Date(Instant t) { return t == kNoInstant ? "" : FormatIsoInstant(t).substr(0, 10); }

std::string DeveloperName(Context& ctx, model::DeveloperId id) {
  const identity::Developer* d = ctx.session->resolution().Find(id);
  return d == nullptr ? "(no longer a developer)" : d->name;
}

int Generate(Context& ctx, const Args& args) {
  auto period = ParsePeriodType(args.Value("--period").value_or("weekly"));
  if (!period.ok()) return UsageError(period.status().message(), "snapshots");
  auto profile = api::ProfileOrDefault(args.Value("--profile"));
  if (!profile.ok()) return UsageError(profile.status().message(), "snapshots");
  const bool json = args.Flag("--json");
  ProgressBar bar("snapshots", ctx.ShowProgress());
  const auto started = std::chrono::steady_clock::now();
  Result<api::SnapshotReport> report = api::SnapshotReport{};
  if (args.Flag("--due")) {
    report = ctx.session->GenerateDueSnapshots(Now(), bar.AsCallback());
  } else {
    api::SnapshotRequest request;
    request.profile = *profile;
    request.team = args.Value("--team").value_or("");
    if (auto devs = args.Value("--developers")) {
      for (std::string_view d : Split(*devs, ',')) {
        if (!Trim(d).empty()) request.developers.emplace_back(Trim(d));
      }
    }
    const api::WindowOptions options{args.Value("--from"), args.Value("--to"), args.Value("--period"), "--"};
    auto window = api::ResolveWindow(options, api::WindowPolicy::kSnapshots, Now());
    if (!window.ok()) return UsageError(window.status().message(), "snapshots");
    request.period_type = window->period_type;
    request.range = window->window;
    report = ctx.session->GenerateSnapshots(request, Now(), bar.AsCallback());
  }
  bar.Finish();
  if (!report.ok()) return Fail(report.status());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (json) {
    JsonWriter w(true);
    api::WriteJson(w, *report);
    std::printf("%s\n", w.str().c_str());
  } else if (!ctx.global.quiet) {
    std::fprintf(stderr, "stored %s developer snapshots (%s developers x %s periods) and %s team snapshots in %.2f s\n",
                 FormatThousands(report->developer_snapshots).c_str(), FormatThousands(report->developers).c_str(),
                 FormatThousands(report->periods).c_str(), FormatThousands(report->team_snapshots).c_str(), seconds);
    if (report->removed_snapshots > 0) {
      std::fprintf(stderr, "removed %s snapshots of ids that are no longer developers\n",
                   FormatThousands(report->removed_snapshots).c_str());
    }
  }
  return 0;
}

int History(Context& ctx, const Args& args) {
  const auto& ops = args.operands();
  if (ops.size() != 2) return UsageError("expected: history DEV", "snapshots");
  auto period = ParsePeriodType(args.Value("--period").value_or("weekly"));
  if (!period.ok()) return UsageError(period.status().message(), "snapshots");
  int64_t limit = 12;
  if (auto l = args.Value("--limit"); l && !ParseInt64(*l, limit, 1)) {
    return UsageError("--limit needs a positive number", "snapshots");
  }
  if (args.Flag("--json")) {
    JsonWriter w(true);
    if (Status s = api::WriteSnapshotHistoryJson(w, *ctx.session, ops[1], *period, static_cast<size_t>(limit)); !s.ok()) {
      return Fail(s);
    }
    std::printf("%s\n", w.str().c_str());
    return 0;
  }
  auto rows = ctx.session->SnapshotHistory(ops[1], *period, static_cast<size_t>(limit));
  if (!rows.ok()) return Fail(rows.status());
  const snapshots::Versions& current = ctx.session->versions();
  std::printf("%-10s  %-10s  %7s  %6s  %8s  %8s  %7s  %8s  %6s  %s\n", "START", "END", "COMMITS", "MERGED", "+LINES",
              "-LINES", "REVIEWS", "WEEKEND", "LATE", "");
  for (const auto* s : *rows) {
    const metrics::DeveloperInsights& i = s->insights;
    std::printf("%-10s  %-10s  %7lld  %6lld  %8lld  %8lld  %7lld  %7.0f%%  %5.0f%%  %s\n", Date(s->period.start).c_str(),
                Date(s->period.end).c_str(), static_cast<long long>(i.velocity.commits_count),
                static_cast<long long>(i.velocity.prs_merged), static_cast<long long>(i.velocity.lines_added),
                static_cast<long long>(i.velocity.lines_removed),
                static_cast<long long>(i.collaboration.review_given_count),
                100 * i.sustainability.weekend_commit_ratio, 100 * i.sustainability.late_night_commit_ratio,
                s->versions.inputs < current.inputs ? "stale" : "");
  }
  if (rows->empty() && !ctx.global.quiet) {
    std::fprintf(stderr, "no %s snapshots of %s (see `loupe snapshots generate`)\n",
                 std::string(PeriodTypeName(*period)).c_str(), ops[1].c_str());
  }
  return 0;
}

int ShowStatus(Context& ctx, const Args& args) {
  if (args.Flag("--json")) {
    JsonWriter w(true);
    api::WriteSnapshotStatusJson(w, *ctx.session);
    std::printf("%s\n", w.str().c_str());
    return 0;
  }
  const std::vector<snapshots::SeriesStatus> series = ctx.session->SnapshotStatus();
  std::printf("%-30s  %-9s  %7s  %-10s  %-20s  %s\n", "DEVELOPER / TEAM", "PERIOD", "STORED", "LATEST", "COMPUTED",
              "STALE");
  for (const auto& s : series) {
    const std::string who = s.developer != model::kNoId
                                ? std::to_string(s.developer) + " " + DeveloperName(ctx, s.developer)
                                : (s.team.empty() ? std::string("(workspace)") : "team " + s.team);
    std::printf("%-30s  %-9s  %7lld  %-10s  %-20s  %lld\n", Ellipsize(who, 30).c_str(),
                std::string(PeriodTypeName(s.period_type)).c_str(), static_cast<long long>(s.periods),
                Date(s.latest.start).c_str(), FormatIsoInstant(s.computed_at).c_str(),
                static_cast<long long>(s.stale_periods));
  }
  if (series.empty() && !ctx.global.quiet) std::fprintf(stderr, "no snapshots yet (see `loupe snapshots generate`)\n");
  return 0;
}

}  // namespace

Instant Now() { return static_cast<Instant>(std::time(nullptr)); }

int RunSnapshots(Context& ctx, std::vector<std::string> argv) {
  Args args(std::move(argv));
  if (Status s = args.Parse({"--period", "--from", "--to", "--developers", "--team", "--profile", "--limit"},
                            {"--json", "--due", "--help", "-h"});
      !s.ok()) {
    return UsageError(s.message(), "snapshots");
  }
  if (args.Flag("--help") || args.Flag("-h")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  const auto& ops = args.operands();
  if (ops.empty()) return UsageError("expected a subcommand", "snapshots");
  if (ops[0] == "generate" && ops.size() == 1) return Generate(ctx, args);
  if (ops[0] == "history") return History(ctx, args);
  if (ops[0] == "status" && ops.size() == 1) return ShowStatus(ctx, args);
  return UsageError("unknown subcommand " + ops[0], "snapshots");
}

}  // namespace loupe::cli
