// `loupe import` and `loupe import-git`.
#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <cstdio>

#include "cli/cli.h"
#include "cli/progress_bar.h"
#include "cli/subprocess.h"
#include "loupe/core/json_writer.h"
#include "loupe/core/strings.h"
#include "loupe/ingest/git_manifests.h"
#include "loupe/ingest/gitlog.h"

namespace loupe::cli {
namespace {

constexpr const char* kImportHelp = R"(Usage: loupe [--db PATH] import [OPTIONS] FILE...

Imports activity files into the workspace. The format of each file is detected:
  GitHub REST JSON   arrays from the REST API (commits, single commits with stats and files,
                     pulls, reviews, review comments, issue comments), also several arrays
                     concatenated as `gh api --paginate` writes them
  GH Archive         JSON Lines of GitHub events (push, pull request, review, review comment,
                     issue comment; other event types are counted and skipped)
  git log export     the export format of docs/formats.md (what `loupe import-git` produces)
  Loupe bundle       a workspace written by `loupe export-bundle`

Records are de-duplicated by natural key (commit sha, repository + PR number, GitHub ids), so
importing a file twice changes nothing. Each file is imported all-or-nothing: a bad record
rejects its file with an error naming the file, the record and the field, and nothing of that
file is stored. The other files are still imported; the exit status is 1 if any file failed.

Options:
  --format F          force the format: github-rest, gharchive, gitlog, bundle
  --repo NAME         the repository of a git log export (owner/name); default: the file name
                      without its extension(s)
  --pr OWNER/NAME#N   the file is the commit list of that pull request (GET …/pulls/N/commits)
  --json              print the per-file reports as JSON on stdout
)";

constexpr const char* kImportGitHelp = R"(Usage: loupe [--db PATH] import-git [OPTIONS] REPO_PATH

Runs `git log` in a local repository (a work tree or a bare repository) over every branch and tag,
without merges, with per-file line counts and rename detection, and imports the result exactly
like `loupe import` imports a git log export. The contents of the dependency manifests each
commit changed (package.json, Cargo.toml, go.mod, pyproject.toml, requirements*.txt, pom.xml,
build.gradle(.kts), Package.swift) are imported with it, for technology tracking. If the
repository has a .mailmap, its entries are added to the workspace's identity rules.

Options:
  --repo NAME    the repository name to record (default: owner/name from the "origin" remote
                 when it is a GitHub URL, else the directory name)
  --since DATE   only commits after DATE (YYYY-MM-DD or an ISO instant), as git's --since
  --json         print the report as JSON on stdout
)";

// "apache-opendal.pr-branches.gitlog" -> "apache-opendal": a git log names no repository.
std::string RepoFromFileName(const std::string& path) {
  std::string base = path.substr(path.find_last_of('/') + 1);
  const size_t dot = base.find('.');
  return dot == 0 || dot == std::string::npos ? base : base.substr(0, dot);
}

void PrintReport(const api::ImportReport& r, bool quiet) {
  if (quiet) return;
  const double seconds = r.seconds;
  const auto& a = r.added;
  std::string what;
  auto add = [&](int64_t n, const char* noun) {
    if (n > 0) what += (what.empty() ? "" : ", ") + ("+" + FormatThousands(n)) + " " + noun;
  };
  add(a.new_commits, "commits");
  add(a.new_pull_requests, "pull requests");
  add(a.new_reviews, "reviews");
  add(a.new_comments, "comments");
  add(a.new_manifests, "manifests");
  add(a.new_identities, "identities");
  const int64_t updated = r.updated_commits + r.updated_pull_requests + r.updated_reviews + r.updated_comments;
  if (updated > 0) what += (what.empty() ? "" : ", ") + FormatThousands(updated) + " updated";
  if (!r.changed) what = "nothing new";
  const double mbps = seconds > 0 ? static_cast<double>(r.stats.bytes) / 1e6 / seconds : 0;
  std::fprintf(stderr, "imported %s (%s, %s, %s records): %s in %.2f s (%.0f MB/s)\n",
               r.source.c_str(), std::string(ingest::FormatName(r.stats.format)).c_str(),
               FormatBytes(r.stats.bytes).c_str(), FormatThousands(r.stats.records).c_str(),
               what.c_str(), seconds, mbps);
  for (const auto& [reason, count] : r.stats.skipped) {
    std::fprintf(stderr, "  skipped %s: %s\n", reason.c_str(), FormatThousands(count).c_str());
  }
}

// Imports one buffer with a progress bar and prints its report; returns the failure, if any.
Status ImportOne(Context& ctx, const ingest::InputBuffer& input, ingest::ImportOptions options,
                 JsonWriter* json) {
  ProgressBar bar(options.source_name, ctx.ShowProgress());
  options.progress = bar.AsCallback();
  auto report = ctx.session->Import(input, options);
  bar.Finish();
  LOUPE_TRY(report.status());
  PrintReport(*report, ctx.global.quiet);
  if (json != nullptr) api::WriteJson(*json, *report);
  return Status::Ok();
}

}  // namespace

int RunImport(Context& ctx, std::vector<std::string> argv) {
  Args args(std::move(argv));
  if (Status s = args.Parse({"--format", "--repo", "--pr"}, {"--json", "--help", "-h"}); !s.ok()) {
    return UsageError(s.message(), "import");
  }
  if (args.Flag("--help") || args.Flag("-h")) {
    std::fputs(kImportHelp, stdout);
    return 0;
  }
  if (args.operands().empty()) return UsageError("no files to import", "import");
  ingest::ImportOptions base;
  if (auto f = args.Value("--format")) {
    auto format = ingest::ParseFormatName(*f);
    if (!format.ok()) return UsageError(format.status().message(), "import");
    base.format = *format;
  }
  if (auto pr = args.Value("--pr")) {
    auto ref = ingest::ParsePrRef(*pr);
    if (!ref.ok()) return UsageError(ref.status().message(), "import");
    base.pull_request = *ref;
  }
  JsonWriter json(true);
  const bool as_json = args.Flag("--json");
  if (as_json) json.BeginArray();
  int failures = 0;
  for (const std::string& path : args.operands()) {
    ingest::ImportOptions options = base;
    options.source_name = path;
    options.repo = args.Value("--repo").value_or(RepoFromFileName(path));
    Status status;
    auto input = ingest::InputBuffer::ReadFile(path);
    status = input.ok() ? ImportOne(ctx, *input, options, as_json ? &json : nullptr) : input.status();
    if (!status.ok()) {
      Fail(status);
      ++failures;
    }
  }
  if (as_json) {
    json.EndArray();
    std::printf("%s\n", json.str().c_str());
  }
  if (failures > 0 && !ctx.global.quiet && args.operands().size() > 1) {
    std::fprintf(stderr, "loupe: %d of %zu files failed; nothing of the failed files was stored\n", failures,
                 args.operands().size());
  }
  return failures > 0 ? 1 : 0;
}

namespace {

// owner/name from a GitHub remote URL (https://github.com/o/n.git, git@github.com:o/n.git).
std::string RepoFromRemote(std::string url) {
  url = std::string(Trim(url));
  for (const char* prefix : {"https://github.com/", "http://github.com/", "git@github.com:",
                             "ssh://git@github.com/", "git://github.com/"}) {
    if (url.rfind(prefix, 0) == 0) {
      std::string rest = url.substr(std::strlen(prefix));
      if (rest.size() > 4 && rest.compare(rest.size() - 4, 4, ".git") == 0) rest.resize(rest.size() - 4);
      while (!rest.empty() && rest.back() == '/') rest.pop_back();
      if (std::count(rest.begin(), rest.end(), '/') == 1) return rest;
    }
  }
  return "";
}

}  // namespace

int RunImportGit(Context& ctx, std::vector<std::string> argv) {
  Args args(std::move(argv));
  if (Status s = args.Parse({"--repo", "--since"}, {"--json", "--help", "-h"}); !s.ok()) {
    return UsageError(s.message(), "import-git");
  }
  if (args.Flag("--help") || args.Flag("-h")) {
    std::fputs(kImportGitHelp, stdout);
    return 0;
  }
  if (args.operands().size() != 1) return UsageError("expected one repository path", "import-git");
  std::string path = args.operands()[0];
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return Fail(NotFound("not a directory").WithFile(path));
  }
  std::string repo = args.Value("--repo").value_or("");
  if (repo.empty()) {
    auto remote = RunAndCapture({"git", "-C", path, "remote", "get-url", "origin"});
    if (remote.ok()) repo = RepoFromRemote(*remote);
  }
  if (repo.empty()) {
    auto top = RunAndCapture({"git", "-C", path, "rev-parse", "--absolute-git-dir"});
    std::string dir = top.ok() ? std::string(Trim(*top)) : path;
    if (dir.size() > 5 && dir.compare(dir.size() - 5, 5, "/.git") == 0) dir.resize(dir.size() - 5);
    if (dir.size() > 4 && dir.compare(dir.size() - 4, 4, ".git") == 0) dir.resize(dir.size() - 4);
    repo = dir.substr(dir.find_last_of('/') + 1);
  }

  std::vector<std::string> git = {"git", "-C", path};
  for (const std::string& a : ingest::GitLogArguments()) git.push_back(a);
  if (auto since = args.Value("--since")) git.push_back("--since=" + *since);
  std::string log;
  {
    ProgressBar bar("git log " + repo, ctx.ShowProgress());
    auto out = RunAndCapture(git, [&](int64_t bytes) { bar.Update(Progress{"reading", bytes, 0}); });
    if (!out.ok()) return Fail(out.status());
    log = std::move(out).value();
  }
  if (Trim(log).empty()) {
    if (!ctx.global.quiet) std::fprintf(stderr, "%s: no commits to import\n", path.c_str());
    return 0;
  }
  // The manifests those commits changed travel in the same export, so one import stores both.
  {
    std::vector<std::string> manifest_log = {"git", "-C", path};
    for (const std::string& a : ingest::GitManifestLogArguments()) {
      if (a == "--" && args.Value("--since")) manifest_log.push_back("--since=" + *args.Value("--since"));
      manifest_log.push_back(a);
    }
    auto listed = RunAndCapture(manifest_log);
    if (!listed.ok()) return Fail(listed.status());
    auto changes = ingest::ParseGitManifestLog(*listed);
    if (!changes.ok()) return Fail(Status(changes.status()).WithFile("git log of the manifests in " + path));
    const std::string requests = ingest::CatFileBatchInput(*changes);
    std::string blobs;
    if (!requests.empty()) {
      auto out = RunAndCapture({"git", "-C", path, "cat-file", "--batch"}, {}, requests);
      if (!out.ok()) return Fail(out.status());
      blobs = std::move(out).value();
    }
    auto records = ingest::GitManifestRecords(*changes, blobs);
    if (!records.ok()) return Fail(Status(records.status()).WithFile("git cat-file in " + path));
    log += *records;
  }
  ingest::ImportOptions options;
  options.source_name = "git log of " + path;
  options.repo = repo;
  options.format = ingest::Format::kGitLog;
  JsonWriter json(true);
  const bool as_json = args.Flag("--json");
  if (Status s = ImportOne(ctx, ingest::InputBuffer::Copy(log), options, as_json ? &json : nullptr); !s.ok()) {
    return Fail(s);
  }
  // The repository's own .mailmap says who is who; it is read from HEAD so bare clones work too.
  auto mailmap = RunAndCapture({"git", "-C", path, "show", "HEAD:.mailmap"});
  if (mailmap.ok() && !Trim(*mailmap).empty()) {
    auto added = ctx.session->ImportMailmap(*mailmap, path + "/.mailmap");
    if (!added.ok()) return Fail(added.status());
    if (!ctx.global.quiet && *added > 0) {
      std::fprintf(stderr, "added %d .mailmap entries from %s\n", *added, path.c_str());
    }
  }
  if (as_json) std::printf("%s\n", json.str().c_str());
  return 0;
}

}  // namespace loupe::cli
