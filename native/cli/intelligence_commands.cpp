// `loupe intelligence …` (the seven analyzers, analyze-all, one-off classifications, the
// analyzers' settings) and `loupe analytics …` (heatmaps, trends, workload, network): each one
// api::Dispatch call (docs/api.md), so the CLI and the JS package answer the same JSON; without
// --json the JSON is laid out as text.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/cli.h"
#include "cli/outline.h"
#include "cli/progress_bar.h"
#include "loupe/api/dispatch.h"
#include "loupe/core/json_writer.h"
#include "loupe/core/strings.h"

namespace loupe::cli {
namespace {

constexpr const char* kHelp = R"(Usage: loupe [--db PATH] intelligence SUBCOMMAND [DEV] [OPTIONS]

What the analyzers read in the workspace's commits, pull requests and reviews (docs/intelligence.md
has every rule, weight and threshold). Results are cached with the workspace and recomputed only
when the data, the identities, the teams, the schedules or the settings they read change.

Subcommands (each for one developer DEV, a team, a list of developers, or the whole workspace):
  commits [DEV]         commit types (conventional commits, else keywords), scopes, breaking
                        changes, quality scores and semantic tags (default window: 90 days)
  reviews [DEV]         review depth, thoroughness, mentoring, review rate and, for one
                        developer, response times (90 days)
  expertise [DEV]       languages and frameworks with proficiency, confidence, recency, depth and
                        context (the whole history); for a group, members compared skill by skill
      --skill S         a group: compare its members in this skill only
  burnout [DEV]         the statistics model: after-hours and weekend work in each developer's own
                        time zone and schedule, high-activity runs, days since a break, review
                        trend, risk score and level, alerts (30 days); a group: the team overview
  collaboration [DEV]   who works with whom (reviews, co-authored commits, files edited by both)
                        with strength scores; a group: its network and cohesion (180 days)
  complexity [DEV]      the complexity and risk of the pull requests they opened: levels,
                        categories, layers, components, review effort (90 days)
  technology [DEV]      technology versions their commits' manifests declare and how current each
                        is; the workspace: every version in use (as of the window's end)
  analyze-all           every analysis for every developer, team and the workspace, cached in one
                        transaction (what is cached already is reused)
  classify-commit MSG   one commit message: type, scope, breaking, quality score, tags
  classify-pr REPO#N    one pull request of the workspace: complexity, level, categories, layers
  settings              the analyzers' settings
      --set NAME=VALUE  change one (repeatable): expertiseHalfLifeDays, burnoutHighActivityCommits,
                        burnoutMinBreakDays, burnoutBreakLookbackDays, burnoutMinReviewsForTrend,
                        collaborationRecencyHorizonDays, technologyCurrentDays, technologyRecentDays

DEV is a developer id, e-mail, login or name (see `loupe developers`).

Options:
  --team TEAM             the team's members instead of DEV
  --developers A,B,…      these developers instead of DEV
  --days N                the window: the N days up to the end of today (UTC); each subcommand
                          accepts the range of the system Loupe replaces (e.g. burnout 7–90);
                          expertise and technology also 0, the whole history
  --from WHEN, --to WHEN  the window: YYYY-MM-DD (--to includes that day) or ISO instants
  --profile P             loupe (default) | aexy-compat
  --json                  the JSON result (the same as the JS package's)
)";

constexpr const char* kCommand = "intelligence";

constexpr const char* kAnalyticsHelp = R"(Usage: loupe [--db PATH] analytics SUBCOMMAND [DEV] [OPTIONS]

The analytics dashboard's views (docs/analytics.md), for one developer DEV, a team, a list of
developers or the whole workspace:
  skills [DEV]          developers × skills: proficiency 0–100 in the skills most of them hold
      --skills A,B,…    these skills instead; --max-skills N (1–50, default 15)
  activity DEV          activity per local day (commits, PRs opened, reviews) with levels 0–4,
                        and commits by day of week × hour on the developer's own clock
                        (default: the last 365 days)
  productivity [DEV]    commits, PRs opened and merged, reviews and lines per period
      --group-by P      day | week (default) | month
  workload [DEV]        open PRs, reviews waiting on them and recent commits (--days, default 30),
                        with a workload score and the group's imbalance
  collaboration [DEV]   the collaboration network: nodes, weighted edges, density (90 days)

Options: --team TEAM, --developers A,B,…, --days N, --from WHEN --to WHEN, --profile P and --json,
as for `loupe intelligence`.
)";

// Runs one Dispatch method and prints its result: the JSON, or its outline.
int RunMethod(Context& ctx, std::string_view method, const std::string& params, bool json, const char* label) {
  ProgressBar bar(label, ctx.ShowProgress());
  auto result = api::Dispatch(*ctx.session, method, params, api::CallContext{Now(), bar.AsCallback()});
  bar.Finish();
  if (!result.ok()) return Fail(result.status());
  if (json) {
    std::printf("%s\n", result->c_str());
    return 0;
  }
  auto text = Outline(*result);
  if (!text.ok()) return Fail(text.status());
  std::fputs(text->c_str(), stdout);
  return 0;
}

// A settings value as JSON: a number as written, anything else refused by the engine's checks.
std::string JsonValue(const std::string& text) {
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  if (!text.empty() && end == text.c_str() + text.size() && text.find_first_of("xXnN") == std::string::npos) {
    return text;
  }
  JsonWriter w;
  w.String(text);
  return w.Take();
}

// --days, --from, --to and --profile as params.
Status WriteWindow(const Args& args, JsonWriter& params) {
  if (auto days = args.Value("--days")) {
    int64_t n = 0;
    if (!ParseInt64(*days, n, 0)) return InvalidInput("--days takes a whole number, got " + *days);
    params.Field("days", n);
  }
  for (const char* option : {"--from", "--to", "--profile"}) {
    if (auto value = args.Value(option)) params.Field(option + 2, *value);
  }
  return Status::Ok();
}

// The developer operand (the second), --team and --developers as params.
void WriteSubject(const Args& args, JsonWriter& params) {
  const auto& ops = args.operands();
  if (ops.size() == 2) params.Field("developer", ops[1]);
  if (auto team = args.Value("--team")) params.Field("team", *team);
  for (const char* option : {"--developers", "--skills"}) {
    if (auto list = args.Value(option)) {
      params.Key(option + 2).BeginArray();
      for (std::string_view item : Split(*list, ',')) {
        if (!Trim(item).empty()) params.String(Trim(item));
      }
      params.EndArray();
    }
  }
}

}  // namespace

int RunIntelligence(Context& ctx, std::vector<std::string> argv) {
  Args args(std::move(argv));
  if (Status s = args.Parse({"--team", "--developers", "--days", "--from", "--to", "--profile", "--skill", "--set"},
                            {"--json", "--help", "-h"});
      !s.ok()) {
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
  JsonWriter params;
  params.BeginObject();

  if (sub == "classify-commit") {
    if (ops.size() != 2) return UsageError("expected: classify-commit MESSAGE", kCommand);
    params.Field("message", ops[1]);
    if (auto profile = args.Value("--profile")) params.Field("profile", *profile);
    params.EndObject();
    return RunMethod(ctx, "intelligence.classifyCommit", params.str(), json, kCommand);
  }
  if (sub == "classify-pr") {
    const size_t hash = ops.size() == 2 ? ops[1].rfind('#') : std::string::npos;
    int64_t number = 0;
    if (hash == std::string::npos || !ParseInt64(std::string_view(ops[1]).substr(hash + 1), number, 0)) {
      return UsageError("expected: classify-pr OWNER/REPO#NUMBER", kCommand);
    }
    params.Field("repository", ops[1].substr(0, hash)).Field("number", number);
    if (auto profile = args.Value("--profile")) params.Field("profile", *profile);
    params.EndObject();
    return RunMethod(ctx, "intelligence.classifyPullRequest", params.str(), json, kCommand);
  }
  if (sub == "settings") {
    if (ops.size() != 1) return UsageError("settings takes no operand", kCommand);
    const auto changes = args.Values("--set");
    if (changes.empty()) return RunMethod(ctx, "intelligence.settings", "{}", json, kCommand);
    std::string object = "{";
    for (const std::string& change : changes) {
      const size_t eq = change.find('=');
      if (eq == std::string::npos || eq == 0) return UsageError("--set takes NAME=VALUE, got " + change, kCommand);
      JsonWriter key;
      key.String(change.substr(0, eq));
      object += (object.size() > 1 ? "," : "") + key.str() + ":" + JsonValue(change.substr(eq + 1));
    }
    object += "}";
    const int code = RunMethod(ctx, "intelligence.setSettings", object, true, kCommand);
    if (code != 0) return code;
    return RunMethod(ctx, "intelligence.settings", "{}", json, kCommand);
  }

  // The analyses and analyze-all: the window options, then the subject.
  if (Status s = WriteWindow(args, params); !s.ok()) return UsageError(s.message(), kCommand);
  if (sub == "analyze-all") {
    if (ops.size() != 1 || args.Value("--team") || args.Value("--developers") || args.Value("--skill")) {
      return UsageError("analyze-all covers everyone: it takes only --days, --from/--to and --profile", kCommand);
    }
    params.EndObject();
    return RunMethod(ctx, "intelligence.analyzeAll", params.str(), json, "analyze-all");
  }
  constexpr std::string_view kAnalyses[] = {"commits",       "reviews",    "expertise", "burnout",
                                            "collaboration", "complexity", "technology"};
  if (std::find(std::begin(kAnalyses), std::end(kAnalyses), sub) == std::end(kAnalyses)) {
    return UsageError("unknown subcommand " + sub, kCommand);
  }
  if (ops.size() > 2) return UsageError("expected at most one developer", kCommand);
  WriteSubject(args, params);
  if (auto skill = args.Value("--skill")) {
    if (sub != "expertise") return UsageError("--skill is for expertise", kCommand);
    params.Field("skill", *skill);
  }
  params.EndObject();
  return RunMethod(ctx, "intelligence." + sub, params.str(), json, kCommand);
}

int RunAnalytics(Context& ctx, std::vector<std::string> argv) {
  constexpr const char* kName = "analytics";
  Args args(std::move(argv));
  if (Status s = args.Parse({"--team", "--developers", "--days", "--from", "--to", "--profile", "--skills",
                             "--max-skills", "--group-by"},
                            {"--json", "--help", "-h"});
      !s.ok()) {
    return UsageError(s.message(), kName);
  }
  if (args.Flag("--help") || args.Flag("-h")) {
    std::fputs(kAnalyticsHelp, stdout);
    return 0;
  }
  const auto& ops = args.operands();
  if (ops.empty()) return UsageError("expected a subcommand", kName);
  const std::string& sub = ops[0];
  constexpr std::string_view kViews[] = {"skills", "activity", "productivity", "workload", "collaboration"};
  if (std::find(std::begin(kViews), std::end(kViews), sub) == std::end(kViews)) {
    return UsageError("unknown subcommand " + sub, kName);
  }
  if (ops.size() > 2) return UsageError("expected at most one developer", kName);
  if (sub == "activity" && ops.size() != 2) return UsageError("activity needs a developer", kName);
  if (args.Value("--skills") && sub != "skills") return UsageError("--skills is for skills", kName);
  JsonWriter params;
  params.BeginObject();
  if (Status s = WriteWindow(args, params); !s.ok()) return UsageError(s.message(), kName);
  WriteSubject(args, params);
  if (auto max = args.Value("--max-skills")) {
    int64_t n = 0;
    if (sub != "skills" || !ParseInt64(*max, n, 0)) return UsageError("--max-skills takes a number (skills)", kName);
    params.Field("maxSkills", n);
  }
  if (auto group = args.Value("--group-by")) {
    if (sub != "productivity") return UsageError("--group-by is for productivity", kName);
    params.Field("groupBy", *group);
  }
  params.EndObject();
  return RunMethod(ctx, "analytics." + sub, params.str(), args.Flag("--json"), kName);
}

}  // namespace loupe::cli
