// `loupe identities …`: who is who — list, merge, split, suggest, .mailmap, bot rules.
#include <cstdio>

#include "cli/cli.h"
#include "loupe/core/json_writer.h"
#include "loupe/core/strings.h"
#include "loupe/identity/suggestions.h"
#include "loupe/ingest/input.h"

namespace loupe::cli {
namespace {

constexpr const char* kHelp = R"(Usage: loupe [--db PATH] identities SUBCOMMAND [ARGS]

A developer is a cluster of identities (e-mail addresses and GitHub logins). Identities are joined
automatically when the data links them (a commit's e-mail and its GitHub author), when a GitHub
noreply address names a login (123+ana@users.noreply.github.com is login ana), and by .mailmap
entries; you can merge and split by hand. Rules apply retroactively to everything imported.
An IDENTITY is written email:ADDRESS or login:NAME (a bare value with '@' is an e-mail).

Subcommands:
  list [--json] [--bots]        developers and their identities
  merge IDENTITY IDENTITY       these two identities are one person
  split IDENTITY                this identity is a person of its own (undoes merges involving it)
  suggest [--json] [--min C]    likely-same-person pairs (same name, login = e-mail user, …) with a
                                confidence in 0..1; never merges by itself
  mailmap import FILE           add the entries of a .mailmap file
  mailmap export [-o FILE]      write a .mailmap that reproduces the current developers
  bots list                     the bot rules, in order
  bots add PATTERN [--human] [--note TEXT]
                                a glob (`*` and `?`, case-insensitive) over logins, e-mails and
                                names; --human makes an exception that wins over bot rules
  bots remove PATTERN
)";

int List(Context& ctx, const Args& args) {
  const auto& ws = ctx.session->workspace();
  const auto& resolution = ctx.session->resolution();
  const bool bots = args.Flag("--bots");
  if (args.Flag("--json")) {
    JsonWriter w(true);
    api::WriteIdentitiesJson(w, *ctx.session, bots);
    std::printf("%s\n", w.str().c_str());
    return 0;
  }
  for (const auto& d : resolution.developers()) {
    if (d.is_bot && !bots) continue;
    std::printf("%u  %s%s%s\n", d.id, d.name.c_str(), d.login.empty() ? "" : (" @" + d.login).c_str(),
                d.is_bot ? ("  [bot: " + d.bot_rule + "]").c_str() : "");
    for (model::IdentityId id : d.identities) {
      std::printf("      %s\n", ws.identities()[id].Ref().c_str());
    }
  }
  return 0;
}

int Suggest(Context& ctx, const Args& args) {
  double min_confidence = 0;
  if (auto m = args.Value("--min")) {
    char* end = nullptr;
    min_confidence = std::strtod(m->c_str(), &end);
    if (end == m->c_str() || *end != '\0' || min_confidence < 0 || min_confidence > 1) {
      return UsageError("--min needs a number between 0 and 1", "identities suggest");
    }
  }
  const auto suggestions = api::ListSuggestions(*ctx.session, min_confidence);
  const auto& devs = ctx.session->resolution().developers();
  if (args.Flag("--json")) {
    JsonWriter w(true);
    api::WriteSuggestionsJson(w, *ctx.session, suggestions);
    std::printf("%s\n", w.str().c_str());
    return 0;
  }
  if (suggestions.empty()) std::printf("no suggestions\n");
  for (const auto& s : suggestions) {
    std::printf("%.2f  %u %s  <->  %u %s   (%s)\n", s.confidence, devs[s.a].id, devs[s.a].name.c_str(),
                devs[s.b].id, devs[s.b].name.c_str(), s.reason.c_str());
  }
  if (!suggestions.empty() && !ctx.global.quiet) {
    std::fprintf(stderr, "merge with: loupe identities merge IDENTITY IDENTITY (see `loupe identities list`)\n");
  }
  return 0;
}

int Bots(Context& ctx, const Args& args) {
  const auto& ops = args.operands();
  const std::string op = ops.size() > 1 ? ops[1] : "list";
  if (op == "list") {
    for (const auto& rule : ctx.session->workspace().rules().bot_rules) {
      std::printf("%-6s %-40s %s\n", rule.is_bot ? "bot" : "human", rule.pattern.c_str(), rule.note.c_str());
    }
    return 0;
  }
  if (ops.size() != 3) return UsageError("expected: bots add|remove PATTERN", "identities");
  if (op == "add") {
    model::BotRule rule{ops[2], !args.Flag("--human"), args.Value("--note").value_or("")};
    if (Status s = ctx.session->AddBotRule(rule); !s.ok()) return Fail(s);
    return 0;
  }
  if (op == "remove") {
    if (Status s = ctx.session->RemoveBotRule(ops[2]); !s.ok()) return Fail(s);
    return 0;
  }
  return UsageError("unknown bots operation " + op, "identities");
}

int Mailmap(Context& ctx, const Args& args) {
  const auto& ops = args.operands();
  if (ops.size() >= 2 && ops[1] == "export" && ops.size() == 2) {
    const std::string path = args.Value("-o").value_or(args.Value("--output").value_or(""));
    if (Status s = WriteOutput(path, ctx.session->ExportMailmap()); !s.ok()) return Fail(s);
    return 0;
  }
  if (ops.size() == 3 && ops[1] == "import") {
    auto input = ingest::InputBuffer::ReadFile(ops[2]);
    if (!input.ok()) return Fail(input.status());
    auto added = ctx.session->ImportMailmap(input->view(), ops[2]);
    if (!added.ok()) return Fail(added.status());
    if (!ctx.global.quiet) std::fprintf(stderr, "added %d .mailmap entries\n", *added);
    return 0;
  }
  return UsageError("expected: mailmap import FILE | mailmap export [-o FILE]", "identities");
}

}  // namespace

int RunIdentities(Context& ctx, std::vector<std::string> argv) {
  Args args(std::move(argv));
  if (Status s = args.Parse({"--min", "--note", "-o", "--output"}, {"--json", "--bots", "--human", "--help", "-h"});
      !s.ok()) {
    return UsageError(s.message(), "identities");
  }
  if (args.Flag("--help") || args.Flag("-h")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  const auto& ops = args.operands();
  if (ops.empty()) return UsageError("expected a subcommand", "identities");
  const std::string& sub = ops[0];
  if (sub == "list" && ops.size() == 1) return List(ctx, args);
  if (sub == "suggest" && ops.size() == 1) return Suggest(ctx, args);
  if (sub == "bots") return Bots(ctx, args);
  if (sub == "mailmap") return Mailmap(ctx, args);
  if (sub == "merge") {
    if (ops.size() != 3) return UsageError("expected: merge IDENTITY IDENTITY", "identities");
    if (Status s = ctx.session->MergeIdentities(ops[1], ops[2]); !s.ok()) return Fail(s);
    return 0;
  }
  if (sub == "split") {
    if (ops.size() != 2) return UsageError("expected: split IDENTITY", "identities");
    if (Status s = ctx.session->SplitIdentity(ops[1]); !s.ok()) return Fail(s);
    return 0;
  }
  return UsageError("unknown subcommand " + sub, "identities");
}

}  // namespace loupe::cli
