// native/cli/cli.h — what every `loupe` command shares: the open workspace and the output.
#pragma once
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/args.h"
#include "loupe/api/json.h"
#include "loupe/api/session.h"
#include "loupe/api/window.h"

namespace loupe::cli {

//! Options every command accepts before its name: `loupe [--db PATH] [--quiet] CMD …`.
struct GlobalOptions {
  std::string db_path;  //!< empty: an in-memory workspace for this command only
  bool quiet = false;   //!< no progress bars, no summaries on stderr
  bool progress = false;  //!< draw progress bars even when stderr is not a terminal
};

struct Context {
  GlobalOptions global;
  std::unique_ptr<api::Session> session;
  bool ShowProgress() const;
};

//! Opens the workspace named by the global options.
Result<std::unique_ptr<api::Session>> OpenSession(const GlobalOptions& global);

//! A command: parses its own arguments (after the command name) and returns the exit code.
using CommandFn = int (*)(Context& ctx, std::vector<std::string> args);

int RunImport(Context& ctx, std::vector<std::string> args);
int RunImportGit(Context& ctx, std::vector<std::string> args);
int RunDevelopers(Context& ctx, std::vector<std::string> args);
int RunIdentities(Context& ctx, std::vector<std::string> args);
int RunExportBundle(Context& ctx, std::vector<std::string> args);
int RunInsights(Context& ctx, std::vector<std::string> args);
int RunSettings(Context& ctx, std::vector<std::string> args);
int RunSchedules(Context& ctx, std::vector<std::string> args);
int RunTeams(Context& ctx, std::vector<std::string> args);
int RunSnapshots(Context& ctx, std::vector<std::string> args);
int RunAlerts(Context& ctx, std::vector<std::string> args);
int RunPrivacy(Context& ctx, std::vector<std::string> args);
int RunIntelligence(Context& ctx, std::vector<std::string> args);
int RunAnalytics(Context& ctx, std::vector<std::string> args);
int RunDashboard(Context& ctx, std::vector<std::string> args);

//! The current time, which commands stamp on what they store.
Instant Now();

//! Prints "loupe: <message>" to stderr and returns the exit code for a failed command (1), or 2
//! for a usage error.
int Fail(const Status& status);
int UsageError(const std::string& message, const char* command);

//! Writes `text` to `path` atomically (temp file + rename), or to stdout when path is "" or "-".
Status WriteOutput(const std::string& path, const std::string& text);

}  // namespace loupe::cli
