// The `loupe` binary end to end: real processes, a real SQLite file, real git repositories.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli/cli_run.h"
#include "cli/subprocess.h"
#include "support/test_util.h"

namespace loupe {
namespace {

using testing::Loupe;
using testing::Run;

// A fresh directory per test case.
std::string TempDir() {
  char tmpl[] = "/tmp/loupe-cli-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  return tmpl;
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::vector<std::string> DemoFiles() {
  std::vector<std::string> files;
  for (const char* f : {"rocket.gitlog", "rocket-commits.json", "rocket-pulls.json", "rocket-reviews.json",
                        "rocket-review-comments.json"}) {
    files.push_back(testing::SourcePath(std::string("fixtures/demo/") + f));
  }
  return files;
}

std::string Bundle(const std::string& db) {
  Run r = Loupe({"--db", db, "export-bundle"});
  REQUIRE(r.code == 0);
  return r.out;
}

TEST_CASE("CLI: help and usage errors", "[cli]") {
  Run help = Loupe({"--help"});
  CHECK(help.code == 0);
  for (const char* command : {"import", "import-git", "developers", "identities", "export-bundle"}) {
    CHECK_THAT(help.out, Catch::Contains(command));
    Run command_help = Loupe({command, "--help"});
    CHECK(command_help.code == 0);
    CHECK_THAT(command_help.out, Catch::Contains(std::string("loupe [--db PATH] ") + command));
  }
  CHECK(Loupe({"frobnicate"}).code == 2);
  CHECK(Loupe({"import"}).code == 2);
  Run bad_option = Loupe({"developers", "--colour"});
  CHECK(bad_option.code == 2);
  CHECK_THAT(bad_option.err, Catch::Contains("unknown option --colour"));
}

TEST_CASE("CLI: importing the demo twice changes nothing the second time", "[cli]") {
  const std::string db = TempDir() + "/w.db";
  std::vector<std::string> args = {"--db", db, "import"};
  for (const auto& f : DemoFiles()) args.push_back(f);
  Run first = Loupe(args);
  REQUIRE(first.code == 0);
  // 401 commits from the git export; the REST list re-describes 4 weeks of them (no new commits).
  CHECK_THAT(first.err, Catch::Contains("+401 commits"));
  CHECK_THAT(first.err, Catch::Contains("+87 pull requests"));
  const std::string before = Bundle(db);
  Run second = Loupe(args);
  REQUIRE(second.code == 0);
  CHECK_THAT(second.err, Catch::Contains("nothing new"));
  CHECK(Bundle(db) == before);
  Run devs = Loupe({"--db", db, "developers"});
  REQUIRE(devs.code == 0);
  CHECK_THAT(devs.out, Catch::Contains("Ana Lima"));
  CHECK_THAT(devs.out, Catch::Contains("analima"));
  CHECK_THAT(devs.out, !Catch::Contains("dependabot"));  // bots only with --bots
  CHECK_THAT(Loupe({"--db", db, "developers", "--bots"}).out, Catch::Contains("dependabot"));
}

TEST_CASE("CLI: a bad file is rejected with its location and the database is unchanged", "[cli]") {
  const std::string dir = TempDir();
  const std::string db = dir + "/w.db";
  REQUIRE(Loupe({"--db", db, "import", DemoFiles()[0]}).code == 0);
  const std::string before = Bundle(db);
  // Three good records, then a truncated fourth: the whole file must be refused.
  const std::string pulls = testing::ReadFileOrFail(DemoFiles()[2]);
  const size_t cut = pulls.find("\"number\": 104");
  REQUIRE(cut != std::string::npos);
  WriteFile(dir + "/truncated.json", pulls.substr(0, cut + 20));
  WriteFile(dir + "/wrong-type.json",
            R"([{"number": "seven", "title": "x", "state": "open", "user": null, "created_at": "2024-01-01T00:00:00Z",)"
            R"( "updated_at": "2024-01-01T00:00:00Z", "head": {"ref": "x"}, "base": {"ref": "main", "repo": {"full_name": "a/b"}}}])");
  for (const char* bad : {"truncated.json", "wrong-type.json"}) {
    Run r = Loupe({"--db", db, "import", dir + "/" + bad});
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Catch::Contains(dir + "/" + bad));
    CHECK(Bundle(db) == before);
  }
  Run wrong_type = Loupe({"--db", db, "import", dir + "/wrong-type.json"});
  CHECK_THAT(wrong_type.err, Catch::Contains("record 1"));
  CHECK_THAT(wrong_type.err, Catch::Contains("field number"));
  // One bad file among good ones: the good ones land, the exit status reports the failure.
  Run mixed = Loupe({"--db", db, "import", dir + "/truncated.json", DemoFiles()[3]});
  CHECK(mixed.code == 1);
  CHECK_THAT(mixed.err, Catch::Contains("+120 reviews"));
  CHECK(Bundle(db) != before);
}

TEST_CASE("CLI: identity merges, splits, bot rules and the mailmap apply retroactively", "[cli]") {
  const std::string dir = TempDir();
  const std::string db = dir + "/w.db";
  REQUIRE(Loupe({"--db", db, "import", DemoFiles()[0]}).code == 0);
  // Without the mailmap, Bruno's personal address is a developer of its own.
  auto developers_named = [&](const std::string& name) {
    const std::string out = Loupe({"--db", db, "developers"}).out;
    size_t n = 0;
    for (size_t pos = out.find(name); pos != std::string::npos; pos = out.find(name, pos + 1)) ++n;
    return n;
  };
  CHECK(developers_named("Bruno Costa") == 2);
  REQUIRE(Loupe({"--db", db, "identities", "mailmap", "import", testing::SourcePath("fixtures/demo/rocket.mailmap")}).code == 0);
  CHECK(developers_named("Bruno Costa") == 1);
  Run mailmap = Loupe({"--db", db, "identities", "mailmap", "export"});
  CHECK_THAT(mailmap.out, Catch::Contains("Bruno Costa <bruno@acme.dev> <bruno.costa@gmail.com>"));
  // Split the personal address off again, then merge it back by hand.
  REQUIRE(Loupe({"--db", db, "identities", "split", "bruno.costa@gmail.com"}).code == 0);
  CHECK(developers_named("Bruno Costa") == 2);
  REQUIRE(Loupe({"--db", db, "identities", "merge", "email:bruno.costa@gmail.com", "bruno@acme.dev"}).code == 0);
  CHECK(developers_named("Bruno Costa") == 1);
  Run unknown = Loupe({"--db", db, "identities", "merge", "nobody@x.com", "bruno@acme.dev"});
  CHECK(unknown.code == 1);
  CHECK_THAT(unknown.err, Catch::Contains("no identity email:nobody@x.com"));
  // A bot rule hides Farid from the default listing; removing it brings him back.
  REQUIRE(Loupe({"--db", db, "identities", "bots", "add", "farid@*", "--note", "test"}).code == 0);
  CHECK(developers_named("Farid Haddad") == 0);
  CHECK_THAT(Loupe({"--db", db, "identities", "bots", "list"}).out, Catch::Contains("farid@*"));
  REQUIRE(Loupe({"--db", db, "identities", "bots", "remove", "farid@*"}).code == 0);
  CHECK(developers_named("Farid Haddad") == 1);
}

TEST_CASE("CLI: a bundle restores the workspace exactly", "[cli]") {
  const std::string dir = TempDir();
  std::vector<std::string> args = {"--db", dir + "/a.db", "import"};
  for (const auto& f : DemoFiles()) args.push_back(f);
  REQUIRE(Loupe(args).code == 0);
  REQUIRE(Loupe({"--db", dir + "/a.db", "identities", "bots", "remove", "imgbot"}).code == 0);
  REQUIRE(Loupe({"--db", dir + "/a.db", "export-bundle", "-o", dir + "/a.json"}).code == 0);
  REQUIRE(Loupe({"--db", dir + "/b.db", "import", dir + "/a.json"}).code == 0);
  CHECK(Bundle(dir + "/b.db") == testing::ReadFileOrFail(dir + "/a.json"));
  CHECK_THAT(Loupe({"--db", dir + "/b.db", "identities", "bots", "list"}).out, !Catch::Contains("imgbot"));
}

TEST_CASE("CLI: import-git reads a repository's history and its .mailmap", "[cli][git]") {
  // Three commits by two people, one of whom commits from two addresses joined by the .mailmap;
  // the second commit renames a file.
  const std::string repo = TempDir() + "/rocket";
  auto git = [&](std::vector<std::string> args, const std::string& name, const std::string& email,
                 const std::string& date) {
    std::vector<std::string> argv = {"env", "GIT_AUTHOR_NAME=" + name, "GIT_AUTHOR_EMAIL=" + email,
                                     "GIT_COMMITTER_NAME=" + name, "GIT_COMMITTER_EMAIL=" + email,
                                     "GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date, "git", "-C", repo};
    argv.insert(argv.end(), args.begin(), args.end());
    auto r = cli::RunProcess(argv);
    REQUIRE(r.ok());
    INFO(r->err);
    REQUIRE(r->exit_code == 0);
  };
  REQUIRE(cli::RunProcess({"git", "init", "-q", "-b", "main", repo})->exit_code == 0);
  WriteFile(repo + "/a.txt", "one\ntwo\n");
  git({"add", "a.txt"}, "Ana", "ana@acme.dev", "2024-01-08T10:00:00+05:45");
  git({"commit", "-q", "-m", "feat: first"}, "Ana", "ana@acme.dev", "2024-01-08T10:00:00+05:45");
  git({"mv", "a.txt", "b.txt"}, "Ana", "ana@home.org", "2024-01-09T23:30:00-12:00");
  git({"commit", "-q", "-m", "refactor: rename\n\nCo-authored-by: Bob <bob@acme.dev>"}, "Ana", "ana@home.org",
      "2024-01-09T23:30:00-12:00");
  WriteFile(repo + "/.mailmap", "Ana Lima <ana@acme.dev> <ana@home.org>\n");
  git({"add", ".mailmap"}, "Bob", "bob@acme.dev", "2024-01-10T09:00:00+14:00");
  git({"commit", "-q", "-m", "chore: mailmap"}, "Bob", "bob@acme.dev", "2024-01-10T09:00:00+14:00");

  const std::string db = TempDir() + "/w.db";
  Run r = Loupe({"--db", db, "import-git", repo, "--json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("+3 commits"));
  CHECK_THAT(r.err, Catch::Contains("added 1 .mailmap entries"));
  CHECK_THAT(r.out, Catch::Contains("\"format\": \"gitlog\""));
  Run devs = Loupe({"--db", db, "developers", "--json"});
  REQUIRE(devs.code == 0);
  // Ana: 2 commits under one name thanks to the mailmap; Bob: 1 commit and 1 co-authorship.
  CHECK_THAT(devs.out, Catch::Contains("\"name\": \"Ana Lima\""));
  CHECK_THAT(devs.out, Catch::Contains("\"commits\": 2"));
  CHECK_THAT(devs.out, Catch::Contains("\"co_authored\": 1"));
  // The rename is kept as one change from a.txt to b.txt; the -12:00 commit stays on the 9th
  // locally although it is the 10th in UTC.
  const std::string bundle = Bundle(db);
  CHECK_THAT(bundle, Catch::Contains(R"("path":"b.txt","old_path":"a.txt","status":"renamed")"));
  CHECK_THAT(bundle, Catch::Contains(R"("authored":"2024-01-09T23:30:00-12:00")"));
  // Running it again imports nothing new.
  CHECK_THAT(Loupe({"--db", db, "import-git", repo}).err, Catch::Contains("nothing new"));
  CHECK(Loupe({"--db", db, "import-git", "/nonexistent/repo"}).code == 1);
}

}  // namespace
}  // namespace loupe
