#include "loupe/ingest/gitlog.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "loupe/ingest/importer.h"
#include "support/test_util.h"

namespace Catch {
template <>
struct StringMaker<loupe::model::FileChange> {
  static std::string convert(const loupe::model::FileChange& f) {
    return "{" + f.path + " <- " + f.old_path + ", +" + std::to_string(f.additions) + " -" +
           std::to_string(f.deletions) + ", " +
           std::string(loupe::model::FileStatusName(f.status)) + (f.binary ? ", binary}" : "}");
  }
};
}  // namespace Catch

namespace loupe {
namespace {

constexpr const char* kShaA = "3f2a1c0d9e8b7a6f5e4d3c2b1a0918273645f0e1";
constexpr const char* kShaB = "9c8b7a6f5e4d3c2b1a09f8e7d6c5b4a392817065";
constexpr const char* kShaParent = "0badc0de0badc0de0badc0de0badc0de0badc0de";

// One commit of an export, written with the real separators. The defaults make a valid record
// that spans 4 lines: the header and message "feat: add parser", the line with the message's
// closing 0x1F, the blank line, and one numstat row.
struct RawCommit {
  std::string sha = kShaA;
  std::string parents = kShaParent;
  std::string author_name = "Ana Lima";
  std::string author_email = "ana@example.com";
  std::string author_date = "2024-01-08T10:00:00+01:00";
  std::string committer_name = "Ana Lima";
  std::string committer_email = "ana@example.com";
  std::string committer_date = "2024-01-08T10:00:00+01:00";
  std::string ref = "main";
  std::string trailer;
  std::string message = "feat: add parser\n";
  std::string numstat = "\n\n3\t1\tsrc/a.cc\n";  // everything after the last 0x1F

  std::string Text() const {
    std::string out = "\x1e";
    for (const std::string* f :
         {&sha, &parents, &author_name, &author_email, &author_date, &committer_name,
          &committer_email, &committer_date, &ref, &trailer, &message}) {
      out += *f;
      out += '\x1f';
    }
    return out + numstat;
  }
};

struct Imported {
  Status status;
  model::Workspace batch;
  ingest::ImportStats stats;
};

Imported Import(std::string_view text, std::string repo = "acme/widget", ProgressFn progress = {},
                ingest::Format format = ingest::Format::kUnknown) {
  ingest::ImportOptions options;
  options.format = format;
  options.source_name = "widget.gitlog";
  options.repo = std::move(repo);
  options.progress = std::move(progress);
  Imported out;
  auto stats = ingest::ParseInto(ingest::InputBuffer::Copy(text), options, out.batch);
  if (stats.ok()) {
    out.stats = *stats;
  } else {
    out.status = std::move(stats).TakeStatus();
  }
  return out;
}

// The whole error line ("file: record, field: message") of an input that must be rejected.
std::string ErrorOf(std::string_view text) {
  Imported imported = Import(text);
  REQUIRE_FALSE(imported.status.ok());
  CHECK(imported.status.code() == StatusCode::kInvalidInput);
  return imported.status.ToString();
}

// The commit lives in `imported`, which must outlive the reference.
const model::Commit& OnlyCommit(Imported&&) = delete;
const model::Commit& OnlyCommit(const Imported& imported) {
  REQUIRE(imported.status.ok());
  REQUIRE(imported.batch.commits().size() == 1);
  return imported.batch.commits().front();
}

std::string KeyOf(const model::Workspace& batch, model::IdentityId id) {
  REQUIRE(id < batch.identities().size());
  return batch.identities()[id].key;
}

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

TEST_CASE("GitLog: a commit with numstat rows keeps its people, times, files and totals",
          "[ingest][gitlog]") {
  // Two rows, 3+10 added and 1+0 deleted -> totals 13 / 1 over 2 files. Author date
  // 2024-01-08T10:00:00+01:00 = 09:00Z = 19730 days * 86400 + 9 h = 1704704400. Committer date
  // 18:30+05:30 = 13:00Z = 1704718800. %B's final newline is dropped from the message.
  RawCommit raw;
  raw.committer_name = "Bea Souza";
  raw.committer_email = "Bea@Example.com";
  raw.committer_date = "2024-01-08T18:30:00+05:30";
  raw.message = "feat: add parser\n\nWith a body.\n";
  raw.numstat = "\n\n3\t1\tsrc/a.cc\n10\t0\tREADME.md\n";
  Imported imported = Import(raw.Text());
  const model::Commit& c = OnlyCommit(imported);
  CHECK(c.sha.Hex() == kShaA);
  REQUIRE(c.parents.size() == 1);
  CHECK(c.parents[0].Hex() == kShaParent);
  REQUIRE(imported.batch.repositories().size() == 1);
  CHECK(c.repo == imported.batch.repositories()[0].id);
  CHECK(imported.batch.repositories()[0].full_name == "acme/widget");
  CHECK(KeyOf(imported.batch, c.author) == "ana@example.com");
  CHECK(KeyOf(imported.batch, c.committer) == "bea@example.com");
  CHECK(imported.batch.identities()[c.committer].names == std::vector<std::string>{"Bea Souza"});
  CHECK(c.authored.utc == 1704704400);
  CHECK(c.authored.offset_minutes == 60);
  CHECK(c.committed.utc == 1704718800);
  CHECK(c.committed.offset_minutes == 330);
  CHECK(c.message == "feat: add parser\n\nWith a body.");
  CHECK(c.Subject() == "feat: add parser");
  CHECK(c.source_ref == "main");
  CHECK(c.co_authors.empty());
  CHECK(c.has_files);
  CHECK(c.has_stats);
  CHECK(c.additions == 13);
  CHECK(c.deletions == 1);
  CHECK(c.changed_files == 2);
  CHECK(c.files == std::vector<model::FileChange>{
                       {"src/a.cc", "", 3, 1, model::FileStatus::kModified, false},
                       {"README.md", "", 10, 0, model::FileStatus::kModified, false}});
  CHECK(imported.stats.format == ingest::Format::kGitLog);
  CHECK(imported.stats.records == 1);
  CHECK(imported.stats.skipped.empty());
}

TEST_CASE("GitLog: binary rows have no line counts and add nothing to the totals",
          "[ingest][gitlog]") {
  // "-\t-" is git's binary marker: 0/0 with binary set; totals come from the text row only (2/5).
  // A "0\t0" row (an empty file or a mode change) is a text row with zero counts.
  RawCommit raw;
  raw.numstat = "\n\n-\t-\timg/logo.png\n2\t5\tsrc/a.cc\n0\t0\tscripts/run.sh\n";
  const Imported imported = Import(raw.Text());
  const model::Commit& c = OnlyCommit(imported);
  REQUIRE(c.files.size() == 3);
  CHECK(c.files[0] ==
        model::FileChange{"img/logo.png", "", 0, 0, model::FileStatus::kModified, true});
  CHECK_FALSE(c.files[1].binary);
  CHECK_FALSE(c.files[2].binary);
  CHECK(c.additions == 2);
  CHECK(c.deletions == 5);
  CHECK(c.changed_files == 3);
}

TEST_CASE("GitLog: every rename notation of git's numstat gives the old and the new path",
          "[ingest][gitlog]") {
  RawCommit raw;
  raw.numstat =
      "\n\n"
      "5\t2\tcore/src/{old => new}/mod.rs\n"      // braces around one component
      "0\t0\t{ => sub}/a.txt\n"                   // moved into a new directory
      "0\t0\ta/{b => }/c.txt\n"                   // moved out of a directory
      "1\t1\ta.txt => b.txt\n"                    // nothing in common
      "0\t0\tdocs/{guide.md => manual.md}\n"      // common prefix only
      "4\t0\tsrc/{a}.txt\n"                       // braces in a name, no rename
      "1\t0\tdocs/社区.md\n"                      // raw UTF-8 (core.quotepath=off)
      "1\t0\t\"tab\\there.txt\"\n"                // C-quoted: a tab in the name
      "0\t0\t\"say \\\"hi\\\".txt\" => hi.txt\n"  // C-quoted old side of a rename
      ;
  const Imported imported = Import(raw.Text());
  const model::Commit& c = OnlyCommit(imported);
  using model::FileStatus;
  const std::vector<model::FileChange> expected = {
      {"core/src/new/mod.rs", "core/src/old/mod.rs", 5, 2, FileStatus::kRenamed, false},
      {"sub/a.txt", "a.txt", 0, 0, FileStatus::kRenamed, false},
      {"a/c.txt", "a/b/c.txt", 0, 0, FileStatus::kRenamed, false},
      {"b.txt", "a.txt", 1, 1, FileStatus::kRenamed, false},
      {"docs/manual.md", "docs/guide.md", 0, 0, FileStatus::kRenamed, false},
      {"src/{a}.txt", "", 4, 0, FileStatus::kModified, false},
      {"docs/社区.md", "", 1, 0, FileStatus::kModified, false},
      {"tab\there.txt", "", 1, 0, FileStatus::kModified, false},
      {"hi.txt", "say \"hi\".txt", 0, 0, FileStatus::kRenamed, false},
  };
  REQUIRE(c.files.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    INFO("row " << i + 1);
    CHECK(c.files[i] == expected[i]);
  }
  // 5+0+0+1+0+4+1+1+0 = 12 added, 2+0+0+1+0+0+0+0+0 = 3 deleted.
  CHECK(c.additions == 12);
  CHECK(c.deletions == 3);
}

TEST_CASE("GitLog: a root commit and a commit without file changes", "[ingest][gitlog]") {
  // A root commit has an empty parents field. An empty commit ends with just "\n" after the last
  // 0x1F: its (known) file list is empty, totals 0.
  RawCommit root;
  root.parents = "";
  root.numstat = "\n";
  const Imported imported = Import(root.Text());
  const model::Commit& c = OnlyCommit(imported);
  CHECK(c.parents.empty());
  CHECK(c.has_files);
  CHECK(c.has_stats);
  CHECK(c.files.empty());
  CHECK(c.changed_files == 0);
  CHECK(c.additions == 0);
}

TEST_CASE("GitLog: co-authors come from every Co-authored-by line, never the author",
          "[ingest][gitlog]") {
  // Bea is credited mid-body (a squash body), Caio and the author herself (upper-case e-mail) in
  // the final trailer block, which field 9 repeats. Co-authors: Bea, Caio; the author is left out.
  RawCommit raw;
  raw.message =
      "feat: pair on the parser (#12)\n\n* first step\nCo-authored-by: Bea Souza "
      "<bea@example.com>\n* second step\n\nCo-authored-by: Caio Reis <caio@example.com>\n"
      "Co-authored-by: Ana Lima <ANA@example.com>\n";
  raw.trailer =
      "Caio Reis <caio@example.com>\x1d"
      "Ana Lima <ANA@example.com>";
  Imported imported = Import(raw.Text());
  const model::Commit& c = OnlyCommit(imported);
  REQUIRE(c.co_authors.size() == 2);
  CHECK(KeyOf(imported.batch, c.co_authors[0]) == "bea@example.com");
  CHECK(KeyOf(imported.batch, c.co_authors[1]) == "caio@example.com");
  CHECK(KeyOf(imported.batch, c.author) == "ana@example.com");
}

TEST_CASE("GitLog: extreme and fractional-hour UTC offsets give the right instants",
          "[ingest][gitlog]") {
  // +14:00: 2024-03-01T00:30 local = 2024-02-29T10:30Z = 19782 d * 86400 + 37800 = 1709202600.
  // -12:00: 2024-02-29T23:15 local = 2024-03-01T11:15Z = 19783 d * 86400 + 40500 = 1709291700.
  // +05:45: 2024-03-01T05:50 local = 2024-03-01T00:05Z = 19783 d * 86400 +   300 = 1709251500.
  struct Case {
    const char* date;
    Instant utc;
    int16_t offset;
  };
  const Case cases[] = {{"2024-03-01T00:30:00+14:00", 1709202600, 840},
                        {"2024-02-29T23:15:00-12:00", 1709291700, -720},
                        {"2024-03-01T05:50:00+05:45", 1709251500, 345}};
  for (const Case& k : cases) {
    INFO(k.date);
    RawCommit raw;
    raw.author_date = k.date;
    raw.committer_date = k.date;
    const Imported imported = Import(raw.Text());
    const model::Commit& c = OnlyCommit(imported);
    CHECK(c.authored.utc == k.utc);
    CHECK(c.authored.offset_minutes == k.offset);
    CHECK(c.committed == c.authored);
  }
}

TEST_CASE("GitLog: a commit listed twice is imported once", "[ingest][gitlog]") {
  // The same sha twice (e.g. two exports concatenated) plus another commit: 3 records read,
  // 2 commits, and the duplicate's files are not doubled (1 row, 3 added).
  RawCommit a;
  RawCommit b;
  b.sha = kShaB;
  Imported imported = Import(a.Text() + b.Text() + a.Text());
  REQUIRE(imported.status.ok());
  CHECK(imported.stats.records == 3);
  REQUIRE(imported.batch.commits().size() == 2);
  const model::Commit* c = imported.batch.FindCommit(imported.batch.commits()[0].sha);
  REQUIRE(c != nullptr);
  CHECK(c->sha.Hex() == kShaA);
  CHECK(c->files.size() == 1);
  CHECK(c->additions == 3);
}

TEST_CASE("GitLog: an author without an e-mail is left unknown and counted", "[ingest][gitlog]") {
  // git accepts "Tomas <>"; identities are keyed by address, so the author is kNoId and the
  // import summary counts it once. The committer is unaffected.
  RawCommit raw;
  raw.author_name = "Tomas";
  raw.author_email = "";
  Imported imported = Import(raw.Text());
  const model::Commit& c = OnlyCommit(imported);
  CHECK(c.author == model::kNoId);
  CHECK(KeyOf(imported.batch, c.committer) == "ana@example.com");
  CHECK(imported.stats.skipped ==
        std::map<std::string, int64_t>{{"author without an e-mail address (left unknown)", 1}});
}

TEST_CASE("GitLog: a repository name is required", "[ingest][gitlog]") {
  Imported imported = Import(RawCommit().Text(), "");
  REQUIRE_FALSE(imported.status.ok());
  CHECK(imported.status.ToString() ==
        "widget.gitlog: a git log export does not name its repository: pass a repository name");
}

TEST_CASE("GitLog: empty and whitespace-only inputs are rejected", "[ingest][gitlog]") {
  CHECK(ErrorOf("") == "widget.gitlog: the file is empty");
  CHECK(ErrorOf(" \n\t\n") == "widget.gitlog: the file holds only whitespace");
}

TEST_CASE("GitLog: text before the first record separator is rejected with its line",
          "[ingest][gitlog]") {
  // Leading blank lines are tolerated; "commit 3f2a…" on line 3 (git's default format) is not.
  // Detection would call this an unknown format; `loupe import-git` names the format itself.
  const std::string text = "\n\ncommit 3f2a1c0\n" + RawCommit().Text();
  Imported imported = Import(text, "acme/widget", {}, ingest::Format::kGitLog);
  REQUIRE_FALSE(imported.status.ok());
  CHECK(imported.status.ToString() ==
        "widget.gitlog: line 3: expected a git log export, where every commit starts with byte "
        "0x1E; got \"commit 3f2a1c0\"");
  // Whitespace before the first record is fine.
  CHECK(Import("\n \n" + RawCommit().Text()).status.ok());
}

TEST_CASE("GitLog: wrong field counts name the record and the missing field", "[ingest][gitlog]") {
  SECTION("fields missing") {
    // Without the separator after the author date, the date runs into the committer name:
    // 11 fields, and the file list is the first one missing.
    std::string text = RawCommit().Text();
    text.erase(text.find("+01:00\x1f") + 6, 1);
    CHECK(ErrorOf(text) ==
          "widget.gitlog: record 1 (commit 3f2a1c0, line 1), field numstat: missing: the record "
          "has only 11 of the 12 fields separated by byte 0x1F (is the export truncated, or made "
          "with another --format?)");
  }
  SECTION("a field too many") {
    // A 0x1F in the numstat part (line 4 of the record).
    RawCommit raw;
    raw.numstat = "\n\n3\t1\tsrc/a.cc\x1f\n";
    CHECK_THAT(ErrorOf(raw.Text()),
               StartsWith("widget.gitlog: record 1 (commit 3f2a1c0, line 4), field numstat: "
                          "unexpected byte 0x1F"));
  }
}

TEST_CASE("GitLog: malformed shas are rejected", "[ingest][gitlog]") {
  SECTION("commit sha") {
    // 39 hex digits: no commit to name, so the record is named by index and line only.
    RawCommit raw;
    raw.sha = std::string(kShaA).substr(0, 39);
    CHECK(ErrorOf(raw.Text()) ==
          "widget.gitlog: record 1 (line 1), field sha: expected a commit sha of 40 hex digits, "
          "got \"3f2a1c0d9e8b7a6f5e4d3c2b1a0918273645f0e\"");
  }
  SECTION("parent sha") {
    // The second of two parents is not hex.
    RawCommit raw;
    raw.parents = std::string(kShaParent) + " zz";
    CHECK(ErrorOf(raw.Text()) ==
          "widget.gitlog: record 1 (commit 3f2a1c0, line 1), field parents: expected parent shas "
          "of 40 hex digits separated by spaces, got \"zz\"");
  }
}

TEST_CASE("GitLog: bad dates name which date field is wrong", "[ingest][gitlog]") {
  SECTION("author date with month 13") {
    RawCommit raw;
    raw.author_date = "2024-13-01T10:00:00+01:00";
    CHECK_THAT(ErrorOf(raw.Text()),
               StartsWith("widget.gitlog: record 1 (commit 3f2a1c0, line 1), field author date: "
                          "expected an ISO-8601 date-time"));
  }
  SECTION("committer date without an offset") {
    // git's iso-strict always writes one; a missing offset is a different export.
    RawCommit raw;
    raw.committer_date = "2024-01-08T10:00:00";
    CHECK_THAT(ErrorOf(raw.Text()),
               StartsWith("widget.gitlog: record 1 (commit 3f2a1c0, line 1), field committer "
                          "date: expected an ISO-8601 date-time") &&
                   Contains("missing UTC offset"));
  }
}

TEST_CASE("GitLog: malformed numstat rows name the row and its line", "[ingest][gitlog]") {
  // Record 1 takes lines 1-4; record 2 starts on line 5, its blank line is line 7 and its
  // rows start on line 8. The bad row is row 2 of record 2, on line 9.
  const std::string first = RawCommit().Text();
  auto error_for_row = [&](const std::string& row) {
    RawCommit second;
    second.sha = kShaB;
    second.numstat = "\n\n1\t1\tok.txt\n" + row + "\n";
    return ErrorOf(first + second.Text());
  };
  const std::string where =
      "widget.gitlog: record 2 (commit 9c8b7a6, line 9), field numstat row 2: ";
  CHECK(error_for_row("12\t3") == where + "expected added<TAB>deleted<TAB>path, got \"12\\x093\"");
  CHECK(error_for_row("12\t3\t") ==
        where + "expected added<TAB>deleted<TAB>path, got \"12\\x093\\x09\"");
  CHECK(error_for_row("x\t1\tp.txt") ==
        where +
            "expected line counts from 0 to 2147483647 (or \"-\" and \"-\" for a binary "
            "file), got \"x\" added and \"1\" deleted");
  CHECK(error_for_row("2147483648\t0\tp.txt") ==
        where +
            "expected line counts from 0 to 2147483647 (or \"-\" and \"-\" for a binary "
            "file), got \"2147483648\" added and \"0\" deleted");
  CHECK(error_for_row("1\t-5\tp.txt") ==
        where +
            "expected line counts from 0 to 2147483647 (or \"-\" and \"-\" for a binary "
            "file), got \"1\" added and \"-5\" deleted");
  CHECK(error_for_row("+1\t5\tp.txt") ==
        where +
            "expected line counts from 0 to 2147483647 (or \"-\" and \"-\" for a binary "
            "file), got \"+1\" added and \"5\" deleted");
  CHECK(error_for_row("-\t3\tp.txt") ==
        where +
            "expected line counts from 0 to 2147483647 (or \"-\" and \"-\" for a binary "
            "file), got \"-\" added and \"3\" deleted");
  CHECK_THAT(error_for_row("1\t0\t\"unterminated"), StartsWith(where + "malformed quoted path"));
  CHECK_THAT(error_for_row("1\t0\t => b.txt"),
             StartsWith(where + "a rename needs an old and a new path"));
  // The largest count the model holds is accepted.
  RawCommit big;
  big.numstat = "\n\n2147483647\t0\tbig.sql\n";
  const Imported imported = Import(big.Text());
  CHECK(OnlyCommit(imported).additions == 2147483647);
}

TEST_CASE("GitLog: invalid UTF-8 names the field and the line of the bad byte",
          "[ingest][gitlog]") {
  SECTION("author name") {
    RawCommit raw;
    raw.author_name = "Ana \xC3(";
    CHECK(ErrorOf(raw.Text()) ==
          "widget.gitlog: record 1 (commit 3f2a1c0, line 1), field author name: invalid UTF-8: "
          "byte 0xC3 at offset 4 (after \"Ana \")");
  }
  SECTION("message, third line") {
    RawCommit raw;
    raw.message = "fix: x\n\nbad \xFF byte\n";
    CHECK_THAT(
        ErrorOf(raw.Text()),
        StartsWith("widget.gitlog: record 1 (commit 3f2a1c0, line 3), field message: "
                   "invalid UTF-8: byte 0xFF at offset 12 (after \"fix: x\\x0A\\x0Abad \")"));
  }
  SECTION("path") {
    RawCommit raw;
    // An encoded surrogate in the second row; the offset counts from the row's start.
    raw.numstat = "\n\n1\t1\tok.txt\n1\t1\tsrc/\xED\xA0\x80.txt\n";
    CHECK(ErrorOf(raw.Text()) ==
          "widget.gitlog: record 1 (commit 3f2a1c0, line 5), field numstat row 2: invalid UTF-8: "
          "byte 0xED at offset 8 (after \"1\\x091\\x09src/\")");
  }
  SECTION("a quoted path whose octal escapes are not UTF-8") {
    RawCommit raw;
    raw.numstat = "\n\n1\t1\t\"caf\\351\"\n";
    CHECK_THAT(ErrorOf(raw.Text()),
               StartsWith("widget.gitlog: record 1 (commit 3f2a1c0, line 4), field numstat row "
                          "1: malformed quoted path (or one that is not UTF-8)"));
  }
}

TEST_CASE("GitLog: a truncated final record is rejected, wherever the cut falls",
          "[ingest][gitlog]") {
  const std::string first = RawCommit().Text();
  RawCommit second_raw;
  second_raw.sha = kShaB;
  const std::string second = second_raw.Text();
  SECTION("inside the message") {
    // Record 2 ends after "feat: add": 11 fields, the file list is missing.
    const std::string text = first + second.substr(0, second.find("parser"));
    CHECK(ErrorOf(text) ==
          "widget.gitlog: record 2 (commit 9c8b7a6, line 5), field numstat: missing: the record "
          "has only 11 of the 12 fields separated by byte 0x1F (is the export truncated, or made "
          "with another --format?)");
  }
  SECTION("right after the message's separator") {
    const std::string text = first + second.substr(0, second.rfind('\x1f') + 1);
    CHECK(ErrorOf(text) ==
          "widget.gitlog: record 2 (commit 9c8b7a6, line 6), field numstat: missing: the record "
          "ends right after the message (is the export truncated?)");
  }
  SECTION("inside a numstat row") {
    // "3\t1\tsrc/a" without its line break, on line 8.
    const std::string text = first + second.substr(0, second.size() - 4);
    CHECK(ErrorOf(text) ==
          "widget.gitlog: record 2 (commit 9c8b7a6, line 8), field numstat row 1: the row has no "
          "line break: the export ends inside it (is it truncated?)");
  }
  SECTION("inside the sha") {
    const std::string text = first + second.substr(0, 10);
    CHECK_THAT(ErrorOf(text),
               StartsWith("widget.gitlog: record 2 (line 5), field parents: missing: the record "
                          "has only 1 of the 12 fields"));
  }
}

TEST_CASE("GitLog: progress is reported about every megabyte and can cancel", "[ingest][gitlog]") {
  // 12,000 records of 224 bytes each = 2,688,000 bytes. A report comes at the first record end
  // at least 1 MiB (1,048,576) after the start or the previous report: 4,682 * 224 = 1,048,768,
  // then >= 2,097,344 -> 9,364 * 224 = 2,097,536; the next would need >= 3,146,112, past the end.
  // ParseInto adds a final report with done == total: 3 in all.
  std::string text;
  RawCommit raw;
  char sha[48];
  for (int i = 1; i <= 12000; ++i) {
    std::snprintf(sha, sizeof sha, "%040x", i);
    raw.sha = sha;
    text += raw.Text();
  }
  REQUIRE(raw.Text().size() == 224);
  std::vector<Progress> seen;
  Imported imported = Import(text, "acme/widget", [&](const Progress& p) {
    seen.push_back(p);
    return true;
  });
  REQUIRE(imported.status.ok());
  CHECK(imported.batch.commits().size() == 12000);
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].done == 1048768);
  CHECK(seen[1].done == 2097536);
  CHECK(seen[2].done == 2688000);
  CHECK(seen[0].total == 2688000);
  CHECK(seen[2].total == 2688000);

  Imported cancelled = Import(text, "acme/widget", [](const Progress&) { return false; });
  CHECK(cancelled.status.code() == StatusCode::kCancelled);
}

TEST_CASE("GitLog: the git arguments produce the format the importer reads", "[ingest][gitlog]") {
  // The CLI runs `git <args>`: -c must come before the subcommand, and the format must be the
  // exported constant (the data README's FMT).
  const std::vector<std::string> args = ingest::GitLogArguments();
  REQUIRE(args.size() >= 4);
  CHECK(args[0] == "-c");
  CHECK(args[1] == "core.quotepath=off");
  CHECK(args[2] == "log");
  CHECK(args.back() == "--format=" + std::string(ingest::kGitLogFormat));
  for (const char* option : {"--branches", "--tags", "--no-merges", "--numstat", "--find-renames",
                             "--date=iso-strict"}) {
    INFO(option);
    CHECK(std::find(args.begin(), args.end(), option) != args.end());
  }
  CHECK(ingest::kGitLogFormat ==
        "%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%ad%x1f%cn%x1f%ce%x1f%cd%x1f%S%x1f%(trailers:key=Co-"
        "authored-by,valueonly,separator=%x1d)%x1f%B%x1f");
}

}  // namespace
}  // namespace loupe
