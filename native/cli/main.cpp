// native/cli/main.cpp — `loupe`: import GitHub activity into a workspace and inspect it.
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "sqlite/sqlite3_driver.h"

namespace loupe::cli {
namespace {

constexpr const char* kUsage = R"(loupe — local-first engineering analytics

Usage: loupe [--db PATH] [--quiet] [--progress] COMMAND [ARGS...]

Global options:
  --db PATH      the workspace database (SQLite; created if missing). Default: $LOUPE_DB, else an
                 in-memory workspace that lives for this one command.
  --quiet        no progress bars and no summaries on stderr
  --progress     draw progress bars even when stderr is not a terminal
  --help, -h     this help; `loupe COMMAND --help` explains a command
  --version      print the version

Commands:
  import FILE...          import GitHub REST JSON, GH Archive JSON Lines, git log exports or
                          Loupe bundles (format detected); each file is all-or-nothing
  import-git PATH         run `git log` in a repository and import its history (+ its .mailmap)
  developers              one line per developer: commits, lines, PRs, reviews, activity span
  identities SUBCOMMAND   list | merge | split | suggest | mailmap | bots — who is who
  export-bundle           write the whole workspace as a Loupe bundle (JSON)
  insights SUBCOMMAND     developer | team | workspace | compare | leaderboard | explain —
                          metrics over a window (default: the last completed week), and what
                          each one means
  settings SUBCOMMAND     show | set | holidays — workspace and team insight settings
  schedules SUBCOMMAND    list | show | set | remove | holidays — developers' working schedules
  teams SUBCOMMAND        create | add | remove | list | delete — teams and their members
  snapshots SUBCOMMAND    generate | history | status — stored per-period metrics
  alerts SUBCOMMAND       rules | evaluate | history | ack | resolve — alert rules and alerts
  privacy SUBCOMMAND      export | erase — everything stored about one developer
  intelligence SUBCOMMAND commits | reviews | expertise | burnout | collaboration | complexity |
                          technology | analyze-all | classify-commit | classify-pr | settings —
                          what the analyzers read in the activity, cached with the workspace
  analytics SUBCOMMAND    skills | activity | productivity | workload | collaboration — heatmaps,
                          trends, workload and the network
  dashboard SUBCOMMAND    presets | widgets | show | switch | reset | move | resize | role | pin …
                          — persona presets, the widget registry and your dashboard layout

Exit status: 0 success, 1 a command failed (the message names file, record and field), 2 usage.
)";

struct Command {
  const char* name;
  CommandFn run;
};

constexpr Command kCommands[] = {
    {"import", RunImport},           {"import-git", RunImportGit},
    {"developers", RunDevelopers},   {"identities", RunIdentities},
    {"export-bundle", RunExportBundle}, {"insights", RunInsights}, {"settings", RunSettings},
    {"schedules", RunSchedules},         {"teams", RunTeams},
    {"snapshots", RunSnapshots},         {"alerts", RunAlerts},
    {"privacy", RunPrivacy},             {"intelligence", RunIntelligence},
    {"analytics", RunAnalytics},         {"dashboard", RunDashboard},
};

}  // namespace

bool Context::ShowProgress() const {
  return !global.quiet && (global.progress || isatty(STDERR_FILENO));
}

Result<std::unique_ptr<api::Session>> OpenSession(const GlobalOptions& global) {
  if (global.db_path.empty()) return api::Session::InMemory();
  LOUPE_ASSIGN_OR_RETURN(auto driver, native::Sqlite3Driver::Open(global.db_path));
  auto session = api::Session::Open(std::move(driver));
  if (!session.ok()) return std::move(session).TakeStatus().WithFile(global.db_path);
  return session;
}

int Fail(const Status& status) {
  std::fprintf(stderr, "loupe: %s\n", status.ToString().c_str());
  return 1;
}

int UsageError(const std::string& message, const char* command) {
  std::fprintf(stderr, "loupe %s: %s\nTry `loupe %s --help`.\n", command, message.c_str(), command);
  return 2;
}

Status WriteOutput(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) return IoError("cannot write to stdout");
    return Status::Ok();
  }
  const std::string tmp = path + ".tmp-" + std::to_string(getpid());
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return IoError(std::string("cannot create: ") + std::strerror(errno)).WithFile(path);
  const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  const bool closed = std::fclose(f) == 0;
  if (!written || !closed || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return IoError(std::string("cannot write: ") + std::strerror(errno)).WithFile(path);
  }
  return Status::Ok();
}

}  // namespace loupe::cli

int main(int argc, char** argv) {
  using namespace loupe::cli;
  Context ctx;
  if (const char* env = std::getenv("LOUPE_DB")) ctx.global.db_path = env;
  int i = 1;
  for (; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--db" && i + 1 < argc) {
      ctx.global.db_path = argv[++i];
    } else if (arg.rfind("--db=", 0) == 0) {
      ctx.global.db_path = arg.substr(5);
    } else if (arg == "--quiet" || arg == "-q") {
      ctx.global.quiet = true;
    } else if (arg == "--progress") {
      ctx.global.progress = true;
    } else if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (arg == "--version") {
      std::printf("loupe 0.1.0\n");
      return 0;
    } else if (!arg.empty() && arg[0] == '-') {
      std::fprintf(stderr, "loupe: unknown global option %s (see loupe --help)\n", arg.c_str());
      return 2;
    } else {
      break;
    }
  }
  if (i == argc) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const std::string name = argv[i];
  std::vector<std::string> args(argv + i + 1, argv + argc);
  for (const Command& command : kCommands) {
    if (name != command.name) continue;
    bool wants_help = false;
    for (const std::string& a : args) wants_help |= a == "--help" || a == "-h";
    if (!wants_help) {
      auto session = OpenSession(ctx.global);
      if (!session.ok()) return Fail(session.status());
      ctx.session = std::move(session).value();
    }
    return command.run(ctx, std::move(args));
  }
  std::fprintf(stderr, "loupe: unknown command \"%s\" (see loupe --help)\n", name.c_str());
  return 2;
}
