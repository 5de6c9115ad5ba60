// `loupe developers` and `loupe export-bundle`.
#include <cstdio>

#include "cli/cli.h"
#include "loupe/core/json_writer.h"
#include "loupe/core/strings.h"
#include "loupe/metrics/developer_summary.h"

namespace loupe::cli {
namespace {

constexpr const char* kDevelopersHelp = R"(Usage: loupe [--db PATH] developers [--json] [--bots] [--limit N]

One line per developer with activity: commits authored, lines added and removed (commits with
known stats), pull requests opened and merged, reviews submitted, comments, active days (dates in
the author's own time zone), and the first and last activity. Developers are identities merged by
e-mail, GitHub login, noreply e-mail, .mailmap and explicit merges (see `loupe identities`).
Bots are left out unless --bots.

Options:
  --json      machine-readable output: an array of objects with every identity of each developer
  --bots      include developers the bot rules mark as bots
  --limit N   only the first N rows (most commits first)
)";

constexpr const char* kExportHelp = R"(Usage: loupe [--db PATH] export-bundle [-o FILE]

Writes every entity of the workspace (repositories, identities, commits with their files, pull
requests, reviews, comments, manifests) and its identity rules as a Loupe bundle (docs/bundle.md).
Importing the bundle into an empty workspace restores it exactly.

Options:
  -o, --output FILE   write to FILE (atomically) instead of stdout
)";

std::string Date(Instant t) { return t == kNoInstant ? "" : FormatIsoInstant(t).substr(0, 10); }

}  // namespace

int RunDevelopers(Context& ctx, std::vector<std::string> argv) {
  Args args(std::move(argv));
  if (Status s = args.Parse({"--limit"}, {"--json", "--bots", "--help", "-h"}); !s.ok()) {
    return UsageError(s.message(), "developers");
  }
  if (args.Flag("--help") || args.Flag("-h")) {
    std::fputs(kDevelopersHelp, stdout);
    return 0;
  }
  int64_t limit = INT64_MAX;
  if (auto l = args.Value("--limit"); l && !ParseInt64(*l, limit, 1)) {
    return UsageError("--limit needs a positive number", "developers");
  }
  if (!args.operands().empty()) return UsageError("unexpected argument " + args.operands()[0], "developers");
  const auto& resolution = ctx.session->resolution();
  const auto& ws = ctx.session->workspace();
  const std::vector<metrics::DeveloperSummary> rows = api::ListDevelopers(*ctx.session, args.Flag("--bots"), limit);

  if (args.Flag("--json")) {
    JsonWriter w(true);
    api::WriteDevelopersJson(w, *ctx.session, rows);
    std::printf("%s\n", w.str().c_str());
    return 0;
  }

  std::printf("%6s  %-28s %-20s %8s %10s %10s %5s %6s %7s %6s  %-10s  %-10s\n", "ID", "NAME", "LOGIN",
              "COMMITS", "+LINES", "-LINES", "PRS", "MERGED", "REVIEWS", "DAYS", "FIRST", "LAST");
  for (const auto& r : rows) {
    const identity::Developer& d = resolution.developers()[r.developer];
    std::string name = Ellipsize(d.name, 26) + (d.is_bot ? " [bot]" : "");
    std::printf("%6u  %-28s %-20s %8s %10s %10s %5s %6s %7s %6s  %-10s  %-10s\n", d.id, name.c_str(),
                Ellipsize(d.login, 20).c_str(), FormatThousands(r.commits).c_str(),
                FormatThousands(r.lines_added).c_str(), FormatThousands(r.lines_removed).c_str(),
                FormatThousands(r.prs_opened).c_str(), FormatThousands(r.prs_merged).c_str(),
                FormatThousands(r.reviews).c_str(), FormatThousands(r.active_days).c_str(),
                Date(r.first_activity).c_str(), Date(r.last_activity).c_str());
  }
  if (!ctx.global.quiet) {
    int64_t bots = 0;
    for (const auto& d : resolution.developers()) bots += d.is_bot;
    std::fprintf(stderr, "%zu developers shown; workspace: %s commits, %s pull requests, %s reviews, %s identities, %lld bots (%s)\n",
                 rows.size(), FormatThousands(static_cast<int64_t>(ws.commits().size())).c_str(),
                 FormatThousands(static_cast<int64_t>(ws.pull_requests().size())).c_str(),
                 FormatThousands(static_cast<int64_t>(ws.reviews().size())).c_str(),
                 FormatThousands(static_cast<int64_t>(ws.identities().size())).c_str(),
                 static_cast<long long>(bots), ctx.session->StorageDescription().c_str());
  }
  return 0;
}

int RunExportBundle(Context& ctx, std::vector<std::string> argv) {
  Args args(std::move(argv));
  if (Status s = args.Parse({"-o", "--output"}, {"--help", "-h"}); !s.ok()) {
    return UsageError(s.message(), "export-bundle");
  }
  if (args.Flag("--help") || args.Flag("-h")) {
    std::fputs(kExportHelp, stdout);
    return 0;
  }
  const std::string path = args.Value("-o").value_or(args.Value("--output").value_or(""));
  if (Status s = WriteOutput(path, ctx.session->ExportBundle()); !s.ok()) return Fail(s);
  return 0;
}

}  // namespace loupe::cli
