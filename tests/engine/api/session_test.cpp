#include "loupe/api/session.h"

#include <catch2/catch.hpp>

#include "loupe/metrics/developer_summary.h"

namespace loupe::api {
namespace {

// A git log export record (data README §1.4) with one numstat row.
std::string GitRecord(const std::string& sha, const std::string& name, const std::string& email,
                      const std::string& date, const std::string& message) {
  return "\x1e" + sha + "\x1f\x1f" + name + "\x1f" + email + "\x1f" + date + "\x1f" + name + "\x1f" + email +
         "\x1f" + date + "\x1fmain\x1f\x1f" + message + "\x1f\n\n3\t1\tsrc/a.rs\n";
}

Result<ImportReport> ImportText(Session& s, const std::string& text, const std::string& name) {
  ingest::ImportOptions options;
  options.source_name = name;
  options.repo = "acme/rocket";
  return s.Import(ingest::InputBuffer::Copy(text), options);
}

const std::string kSha1(40, '1'), kSha2(40, '2');

TEST_CASE("Session: imports are all-or-nothing and idempotent", "[api][session]") {
  auto s = Session::InMemory();
  const std::string good = GitRecord(kSha1, "Ana", "ana@corp.com", "2024-01-08T10:00:00+01:00", "feat: a");
  auto first = ImportText(*s, good, "good.gitlog");
  REQUIRE(first.ok());
  CHECK(first->added.new_commits == 1);
  CHECK(first->changed);
  auto again = ImportText(*s, good, "good.gitlog");
  REQUIRE(again.ok());
  CHECK_FALSE(again->changed);
  // A file whose second record is broken adds nothing, not even its good first record.
  const std::string bad = GitRecord(kSha2, "Bob", "bob@corp.com", "2024-01-08T10:00:00+01:00", "fix: b") +
                          GitRecord(std::string(40, '3'), "Bob", "bob@corp.com", "2024-13-08T10:00:00+01:00", "x");
  auto rejected = ImportText(*s, bad, "bad.gitlog");
  REQUIRE_FALSE(rejected.ok());
  CHECK(rejected.status().location().file == "bad.gitlog");
  CHECK(s->workspace().commits().size() == 1);
  CHECK(s->workspace().identities().size() == 1);
}

TEST_CASE("Session: identity rules change developers without re-importing", "[api][session]") {
  auto s = Session::InMemory();
  REQUIRE(ImportText(*s,
                     GitRecord(kSha1, "Ana", "ana@corp.com", "2024-01-08T10:00:00+01:00", "feat: a") +
                         GitRecord(kSha2, "Ana L", "ana@home.org", "2024-01-09T10:00:00+01:00", "feat: b"),
                     "two.gitlog")
              .ok());
  CHECK(s->resolution().developers().size() == 2);
  REQUIRE(s->MergeIdentities("ana@corp.com", "email:ana@home.org").ok());
  CHECK(s->resolution().developers().size() == 1);
  CHECK(metrics::SummarizeDevelopers(s->activity())[0].commits == 2);
  CHECK(s->MergeIdentities("ana@corp.com", "ana@corp.com").code() == StatusCode::kInvalidInput);
  CHECK(s->MergeIdentities("ana@corp.com", "nobody@x.org").code() == StatusCode::kNotFound);
  REQUIRE(s->SplitIdentity("ana@home.org").ok());
  CHECK(s->workspace().rules().merges.empty());  // the split undid the merge
  CHECK(s->resolution().developers().size() == 2);
  auto added = s->ImportMailmap("Ana Lima <ana@corp.com> <ana@home.org>\n", "m");
  REQUIRE(added.ok());
  CHECK(*added == 1);
  CHECK(*s->ImportMailmap("Ana Lima <ana@corp.com> <ana@home.org>\n", "m") == 0);
  // The split identity is still detached: mailmap is automatic evidence.
  CHECK(s->resolution().developers().size() == 2);
  CHECK(s->ExportMailmap() == "Ana Lima <ana@corp.com> <ana@home.org>\n");
  CHECK(s->AddBotRule({"ana@home.org", true, "test"}).ok());
  CHECK(s->resolution().DeveloperOf(1)->is_bot);
  CHECK(s->RemoveBotRule("no-such-rule").code() == StatusCode::kNotFound);
}

}  // namespace
}  // namespace loupe::api
