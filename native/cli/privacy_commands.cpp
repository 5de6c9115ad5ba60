// `loupe privacy …`: everything stored about one developer — exported, or erased.
#include <cstdio>

#include "cli/cli.h"
#include "loupe/core/strings.h"

namespace loupe::cli {
namespace {

constexpr const char* kHelp = R"(Usage: loupe [--db PATH] privacy SUBCOMMAND DEV [OPTIONS]

DEV is a developer id, e-mail, login or name (docs/privacy.md explains both subcommands).

Subcommands:
  export DEV [-o FILE]   everything stored about the developer as JSON: identities, commits (with
                         files), pull requests, reviews, comments, where others' rows name them,
                         working schedule, team memberships, rules naming them, snapshots and
                         alert history
  erase DEV --yes        erase the developer completely, in one transaction: every identity, their
                         commits, pull requests (with the reviews and comments on them), reviews,
                         comments, co-author links and Co-authored-by lines, schedule, team
                         memberships, rules naming them, snapshots and alerts. Other people's
                         rows stay without them (e.g. a PR they reviewed, minus their review).
                         Cannot be undone: --yes is required
)";

}  // namespace

int RunPrivacy(Context& ctx, std::vector<std::string> argv) {
  Args args(std::move(argv));
  if (Status s = args.Parse({"-o", "--output"}, {"--yes", "--help", "-h"}); !s.ok()) return UsageError(s.message(), "privacy");
  if (args.Flag("--help") || args.Flag("-h")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  const auto& ops = args.operands();
  if (ops.size() != 2) return UsageError("expected: export DEV | erase DEV --yes", "privacy");
  if (ops[0] == "export") {
    auto json = ctx.session->ExportDeveloper(ops[1], Now());
    if (!json.ok()) return Fail(json.status());
    const std::string path = args.Value("-o").value_or(args.Value("--output").value_or(""));
    if (Status s = WriteOutput(path, *json); !s.ok()) return Fail(s);
    return 0;
  }
  if (ops[0] == "erase") {
    if (!args.Flag("--yes")) return UsageError("erasing cannot be undone: add --yes to confirm", "privacy");
    auto counts = ctx.session->EraseDeveloper(ops[1]);
    if (!counts.ok()) return Fail(counts.status());
    if (!ctx.global.quiet) {
      const auto& n = *counts;
      std::fprintf(stderr,
                   "erased %s: %lld identities, %lld commits, %lld pull requests, %lld reviews, %lld comments, "
                   "%lld snapshots, %lld alerts, %lld alert rules, %lld identity rules, %lld schedules, "
                   "%lld team memberships; %lld commits and %lld pull requests of others no longer name them\n",
                   ops[1].c_str(), static_cast<long long>(n.identities), static_cast<long long>(n.commits),
                   static_cast<long long>(n.pull_requests), static_cast<long long>(n.reviews),
                   static_cast<long long>(n.comments), static_cast<long long>(n.snapshots),
                   static_cast<long long>(n.alerts), static_cast<long long>(n.alert_rules),
                   static_cast<long long>(n.rules), static_cast<long long>(n.schedules),
                   static_cast<long long>(n.team_memberships), static_cast<long long>(n.rewritten_commits),
                   static_cast<long long>(n.rewritten_pull_requests));
    }
    return 0;
  }
  return UsageError("unknown subcommand " + ops[0], "privacy");
}

}  // namespace loupe::cli
