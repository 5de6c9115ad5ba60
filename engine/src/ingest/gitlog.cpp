// The git log export importer: RS/US-separated `git log --numstat` output (docs/formats.md,
// "git log export"), scanned in place with memchr; only what the model stores is copied.
#include "loupe/ingest/gitlog.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "ingest/parsers.h"
#include "loupe/ingest/git_manifests.h"
#include "ingest/people.h"
#include "loupe/core/strings.h"

namespace loupe::ingest {

std::vector<std::string> GitLogArguments() {
  // --encoding and --no-show-signature keep a user's git config (i18n.logOutputEncoding,
  // log.showSignature) from changing the bytes the parser expects.
  return {"-c",
          "core.quotepath=off",
          "log",
          "--branches",
          "--tags",
          "--no-merges",
          "--numstat",
          "--find-renames",
          "--date=iso-strict",
          "--encoding=UTF-8",
          "--no-show-signature",
          "--format=" + std::string(kGitLogFormat)};
}

namespace internal {
namespace {

constexpr char kRecordSeparator = '\x1e';
constexpr char kFieldSeparator = '\x1f';

enum Field : int {
  kSha,
  kParents,
  kAuthorName,
  kAuthorEmail,
  kAuthorDate,
  kCommitterName,
  kCommitterEmail,
  kCommitterDate,
  kRef,
  kTrailerCoAuthors,
  kMessage,
  kNumstat,
  kFieldCount,
};

constexpr std::string_view kFieldNames[kFieldCount] = {"sha",
                                                       "parents",
                                                       "author name",
                                                       "author email",
                                                       "author date",
                                                       "committer name",
                                                       "committer email",
                                                       "committer date",
                                                       "ref",
                                                       "co-authors trailer",
                                                       "message",
                                                       "numstat"};

std::string RowField(int row) {
  return "numstat row " + std::to_string(row);
}

// "dir/{ => sub}/a.txt" means dir/a.txt -> dir/sub/a.txt: git's prefix and suffix both keep the
// '/' that an empty side of the braces shares, so one of them is dropped here.
std::string JoinRenamePart(std::string_view prefix, std::string_view middle,
                           std::string_view suffix) {
  if (middle.empty()) {
    if (!suffix.empty() && suffix.front() == '/' && (prefix.empty() || prefix.back() == '/')) {
      suffix.remove_prefix(1);
    } else if (suffix.empty() && !prefix.empty() && prefix.back() == '/') {
      prefix.remove_suffix(1);
    }
  }
  std::string out;
  out.reserve(prefix.size() + middle.size() + suffix.size());
  out.append(prefix).append(middle).append(suffix);
  return out;
}

// Reads one name as git's quote_c_style writes it (names with '"', '\\' or control bytes) from
// the start of `text`; `consumed` counts the quotes. False when the quoting is malformed or an
// octal escape makes the name invalid UTF-8.
bool ReadQuotedName(std::string_view text, std::string& out, size_t& consumed) {
  out.clear();
  size_t i = 1;
  while (i < text.size()) {
    const char c = text[i++];
    if (c == '"') {
      consumed = i;
      return IsValidUtf8(out);
    }
    if (c != '\\') {
      out += c;
      continue;
    }
    if (i == text.size()) return false;
    const char e = text[i++];
    // clang-format off
    switch (e) {
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'v': out += '\v'; break;
      case 'f': out += '\f'; break;
      case 'r': out += '\r'; break;
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      default: {
        if (e < '0' || e > '3' || i + 2 > text.size()) return false;
        int value = e - '0';
        for (int k = 0; k < 2; ++k) {
          const char d = text[i++];
          if (d < '0' || d > '7') return false;
          value = value * 8 + (d - '0');
        }
        out += static_cast<char>(value);
      }
    }
    // clang-format on
  }
  return false;
}

// A whole rename side: C-quoted when it starts with '"' (a raw name never does), else as is.
bool ReadRenameSide(std::string_view text, std::string& out) {
  if (text.empty() || text.front() != '"') {
    out.assign(text);
    return true;
  }
  size_t consumed = 0;
  return ReadQuotedName(text, out, consumed) && consumed == text.size();
}

// Fills path, old_path and status from a numstat path in git's notation (diff.c pprint_rename):
// "a.txt", "a.txt => b.txt", "core/src/{old => new}/mod.rs", or C-quoted names, which git
// writes in full ("a\"b" => c). Returns what is wrong, or nullptr: this runs once per row, so
// success must not build a Status.
const char* ReadNumstatPath(std::string_view text, model::FileChange& file) {
  static constexpr std::string_view kArrow = " => ";
  size_t arrow = text.find(kArrow);
  if (text.front() == '"') {
    size_t consumed = 0;
    if (!ReadQuotedName(text, file.path, consumed)) {
      return "malformed quoted path (or one that is not UTF-8)";
    }
    if (consumed == text.size()) return nullptr;
    arrow = consumed;
    if (text.substr(arrow, kArrow.size()) != kArrow) {
      return "expected \" => \" after a quoted path";
    }
  }
  if (arrow == std::string_view::npos) {
    file.path.assign(text);
    return nullptr;
  }
  file.status = model::FileStatus::kRenamed;
  const std::string_view old_side = text.substr(0, arrow);
  const std::string_view new_side = text.substr(arrow + kArrow.size());
  if (old_side.starts_with('"') || new_side.starts_with('"')) {
    if (!ReadRenameSide(old_side, file.old_path) || !ReadRenameSide(new_side, file.path)) {
      return "malformed quoted path (or one that is not UTF-8)";
    }
  } else {
    // git's braces wrap whole path components: '{' starts the path or follows a '/', and '}'
    // ends it or precedes a '/'.
    size_t open = text.rfind('{', arrow);
    while (open != std::string_view::npos && open != 0 && text[open - 1] != '/') {
      open = text.rfind('{', open - 1);
    }
    size_t close = text.find('}', arrow + kArrow.size());
    while (close != std::string_view::npos && close + 1 != text.size() && text[close + 1] != '/') {
      close = text.find('}', close + 1);
    }
    if (open == std::string_view::npos || close == std::string_view::npos) {
      file.old_path.assign(old_side);
      file.path.assign(new_side);
    } else {
      const std::string_view prefix = text.substr(0, open);
      const std::string_view suffix = text.substr(close + 1);
      file.old_path = JoinRenamePart(prefix, text.substr(open + 1, arrow - open - 1), suffix);
      file.path = JoinRenamePart(
          prefix, text.substr(arrow + kArrow.size(), close - arrow - kArrow.size()), suffix);
    }
  }
  if (file.old_path.empty() || file.path.empty()) {
    return "a rename needs an old and a new path";
  }
  return nullptr;
}

// A numstat count: plain decimal digits up to INT32_MAX (the model's per-file counts are 32-bit).
bool ReadLineCount(std::string_view text, int32_t& out) {
  int64_t value = 0;
  if (text.empty() || text.front() < '0' || text.front() > '9' ||
      !ParseInt64(text, value, 0, INT32_MAX)) {
    return false;
  }
  out = static_cast<int32_t>(value);
  return true;
}

class GitLogParser {
 public:
  GitLogParser(std::string_view text, const ImportOptions& options, model::Workspace& batch,
               ImportStats& stats)
      : text_(text), options_(options), batch_(batch), stats_(stats) {}

  Status Run();

 private:
  Status ParseRecord(std::string_view record, model::Commit& commit);
  //! Reads the manifest record whose tag starts at `begin`; `next` is where the next record starts.
  Status ParseManifestRecord(const char* begin, const char*& next);
  //! Dates each manifest by its commit, which the export must hold.
  Status DateManifests();
  Status ParseNumstat(std::string_view numstat, model::Commit& commit);
  Status CheckUtf8(std::string_view record, const std::string_view* fields);
  model::IdentityId InternGitPerson(std::string_view name, std::string_view email,
                                    std::string_view role);

  // Every failure inside a record goes through Fail, which remembers where it is so that Run()
  // can name the line; lines are only counted on that (cold) path.
  Status Fail(const char* at, std::string_view field, std::string message) {
    error_at_ = at;
    return InvalidInput(std::move(message)).WithField(field);
  }
  int64_t LineOf(const char* at) const { return 1 + std::count(text_.data(), at, '\n'); }
  std::string RecordLabel(int64_t index, const model::Commit& commit) const;

  std::string_view text_;
  const ImportOptions& options_;
  model::Workspace& batch_;
  ImportStats& stats_;
  model::RepoId repo_ = model::kNoId;
  const char* error_at_ = nullptr;
  //! Manifests read so far, and the record index of each (for errors about their commit).
  std::vector<std::pair<model::ManifestSnapshot, int64_t>> manifests_;
};

std::string GitLogParser::RecordLabel(int64_t index, const model::Commit& commit) const {
  std::string label = "record " + std::to_string(index) + " (";
  if (!commit.sha.empty()) label += "commit " + commit.sha.Short() + ", ";
  label += "line " + std::to_string(LineOf(error_at_)) + ")";
  return label;
}

Status GitLogParser::Run() {
  if (options_.repo.empty()) {
    return InvalidInput("a git log export does not name its repository: pass a repository name");
  }
  repo_ = batch_.InternRepo(options_.repo);
  const char* const begin = text_.data();
  const char* const end = begin + text_.size();
  const char* pos = static_cast<const char*>(std::memchr(begin, kRecordSeparator, text_.size()));
  if (pos == nullptr) pos = end;
  const std::string_view lead = Trim(std::string_view(begin, pos - begin));
  if (!lead.empty()) {
    return InvalidInput(
               "expected a git log export, where every commit starts with byte 0x1E; got " +
               QuoteForMessage(lead.substr(0, FindInvalidUtf8(lead)), 40))
        .WithRecord("line " + std::to_string(LineOf(lead.data())));
  }
  int64_t index = 0;
  int64_t next_report = kProgressStep;
  while (pos < end) {
    const char* record_begin = pos + 1;
    ++index;
    if (std::string_view(record_begin, end - record_begin).starts_with(kManifestRecordTag)) {
      Status status = ParseManifestRecord(record_begin, pos);
      if (!status.ok()) {
        return std::move(status).WithRecord("record " + std::to_string(index) + " (manifest, line " +
                                            std::to_string(LineOf(error_at_)) + ")");
      }
      manifests_.back().second = index;
      ++stats_.records;
      continue;
    }
    const char* record_end =
        static_cast<const char*>(std::memchr(record_begin, kRecordSeparator, end - record_begin));
    if (record_end == nullptr) record_end = end;
    model::Commit commit;
    Status status = ParseRecord(std::string_view(record_begin, record_end - record_begin), commit);
    if (!status.ok()) return std::move(status).WithRecord(RecordLabel(index, commit));
    batch_.UpsertCommit(std::move(commit));
    ++stats_.records;
    pos = record_end;
    if (pos - begin >= next_report) {
      LOUPE_TRY(ReportProgress(options_, pos - begin, static_cast<int64_t>(text_.size())));
      next_report = (pos - begin) + kProgressStep;
    }
  }
  return DateManifests();
}

Status GitLogParser::ParseManifestRecord(const char* begin, const char*& next) {
  const char* const end = text_.data() + text_.size();
  const char* p = begin + kManifestRecordTag.size();
  // commit, path and byte count, each ended by 0x1F; then exactly that many bytes and '\n'.
  std::string_view fields[3];
  static constexpr std::string_view kNames[3] = {"commit", "path", "size"};
  for (int i = 0; i < 3; ++i) {
    const char* sep = static_cast<const char*>(std::memchr(p, kFieldSeparator, end - p));
    const char* line_end = static_cast<const char*>(std::memchr(p, '\n', end - p));
    if (sep == nullptr || (line_end != nullptr && line_end < sep)) {
      return Fail(p, kNames[i], "missing: a manifest record is manifest, commit, path and byte count, each "
                                "followed by 0x1F, then the content");
    }
    fields[i] = std::string_view(p, sep - p);
    p = sep + 1;
  }
  model::ManifestSnapshot m;
  m.repo = repo_;
  if (!Sha::Parse(fields[0], m.commit)) {
    return Fail(fields[0].data(), kNames[0], "expected a commit sha of 40 hex digits, got " + QuoteForMessage(fields[0]));
  }
  if (fields[1].empty() || !IsValidUtf8(fields[1])) {
    return Fail(fields[1].data(), kNames[1], "expected a UTF-8 path, got " + QuoteForMessage(fields[1]));
  }
  int64_t size = 0;
  if (fields[2].empty() || fields[2].front() < '0' || fields[2].front() > '9' ||
      !ParseInt64(fields[2], size, 0, end - p)) {
    return Fail(fields[2].data(), kNames[2],
                "expected the content's byte count (at most the " + std::to_string(end - p) +
                    " bytes left in the export), got " + QuoteForMessage(fields[2]));
  }
  const std::string_view content(p, static_cast<size_t>(size));
  p += size;
  if (p == end || *p != '\n') {
    return Fail(p, "content", "expected a line break after the content's " + std::to_string(size) + " bytes");
  }
  next = p + 1;
  if (!IsValidUtf8(content)) {
    // Technology tracking reads text; a UTF-16 pom.xml is counted, not imported.
    ++stats_.skipped["manifest that is not UTF-8 text"];
  } else {
    m.path.assign(fields[1]);
    m.content.assign(content);
  }
  manifests_.emplace_back(std::move(m), 0);
  return Status::Ok();
}

Status GitLogParser::DateManifests() {
  for (auto& [m, index] : manifests_) {
    if (m.path.empty()) continue;  // skipped: not UTF-8
    const model::Commit* commit = batch_.FindCommit(m.commit);
    if (commit == nullptr) {
      return InvalidInput("the export holds no commit " + m.commit.Hex() + " for this manifest")
          .WithField("commit")
          .WithRecord("record " + std::to_string(index) + " (manifest " + m.path + ")");
    }
    m.at = commit->authored.utc;
    batch_.UpsertManifest(std::move(m));
  }
  return Status::Ok();
}

Status GitLogParser::ParseRecord(std::string_view record, model::Commit& commit) {
  std::string_view fields[kFieldCount];
  int separators = 0;
  size_t start = 0;
  while (separators < kNumstat) {
    const void* found = std::memchr(record.data() + start, kFieldSeparator, record.size() - start);
    if (found == nullptr) break;
    const size_t at = static_cast<const char*>(found) - record.data();
    fields[separators++] = record.substr(start, at - start);
    start = at + 1;
  }
  fields[separators] = record.substr(start);
  // The sha names the record in every later message, so it is read before anything can fail.
  const bool sha_ok = Sha::Parse(fields[kSha], commit.sha);
  if (separators < kNumstat) {
    return Fail(record.data(), kFieldNames[separators + 1],
                "missing: the record has only " + std::to_string(separators + 1) +
                    " of the 12 fields separated by byte 0x1F (is the export truncated, or made "
                    "with another --format?)");
  }
  const std::string_view numstat = fields[kNumstat];
  if (const void* extra = std::memchr(numstat.data(), kFieldSeparator, numstat.size())) {
    return Fail(static_cast<const char*>(extra), kFieldNames[kNumstat],
                "unexpected byte 0x1F: the record has more than the 12 fields of the export "
                "format (made with another --format?)");
  }
  // Checked once for the whole record, and before any message quotes a part of it.
  LOUPE_TRY(CheckUtf8(record, fields));
  if (!sha_ok) {
    return Fail(fields[kSha].data(), kFieldNames[kSha],
                "expected a commit sha of 40 hex digits, got " + QuoteForMessage(fields[kSha]));
  }
  const std::string_view parents = fields[kParents];
  if (!parents.empty()) {
    commit.parents.reserve(parents.size() / 41 + 1);
    size_t p = 0;
    while (true) {
      size_t space = parents.find(' ', p);
      if (space == std::string_view::npos) space = parents.size();
      const std::string_view hex = parents.substr(p, space - p);
      if (!Sha::Parse(hex, commit.parents.emplace_back())) {
        return Fail(hex.data(), kFieldNames[kParents],
                    "expected parent shas of 40 hex digits separated by spaces, got " +
                        QuoteForMessage(hex));
      }
      if (space == parents.size()) break;
      p = space + 1;
    }
  }
  commit.repo = repo_;
  commit.author = InternGitPerson(fields[kAuthorName], fields[kAuthorEmail], "author");
  commit.committer = InternGitPerson(fields[kCommitterName], fields[kCommitterEmail], "committer");
  for (const auto& [field, out] :
       {std::pair{kAuthorDate, &commit.authored}, std::pair{kCommitterDate, &commit.committed}}) {
    auto parsed = ParseIsoTimestamp(fields[field]);
    if (!parsed.ok()) {
      return Fail(fields[field].data(), kFieldNames[field], parsed.status().message());
    }
    *out = *parsed;
  }
  commit.source_ref.assign(fields[kRef]);
  // Field 9 repeats only the final trailer block; the message is read for every co-author.
  std::string_view message = fields[kMessage];
  // %B keeps the newlines that end the stored message; other sources (the REST API) drop them.
  while (!message.empty() && message.back() == '\n') message.remove_suffix(1);
  commit.message.assign(message);
  AddCoAuthors(batch_, commit);
  return ParseNumstat(numstat, commit);
}

model::IdentityId GitLogParser::InternGitPerson(std::string_view name, std::string_view email,
                                                std::string_view role) {
  // git allows an empty address ("Name <>"); identities are keyed by address, so such a person
  // stays unknown, and the import summary says how often that happened.
  if (email.empty()) {
    ++stats_.skipped[std::string(role) + " without an e-mail address (left unknown)"];
    return model::kNoId;
  }
  PersonRef person;
  person.name.assign(name);
  person.email.assign(email);
  return InternPerson(batch_, person);
}

Status GitLogParser::CheckUtf8(std::string_view record, const std::string_view* fields) {
  const size_t bad = FindInvalidUtf8(record);
  if (bad == std::string_view::npos) return Status::Ok();
  const char* at = record.data() + bad;
  int field = kSha;
  while (field < kNumstat && fields[field + 1].data() <= at) ++field;
  std::string_view value = fields[field];
  std::string name(kFieldNames[field]);
  if (field == kNumstat) {
    // Name the row: the non-empty lines before the bad byte's line, plus one.
    int row = 1;
    size_t line_start = 0;
    for (size_t nl; (nl = value.find('\n', line_start)) < static_cast<size_t>(at - value.data());
         line_start = nl + 1) {
      if (nl > line_start) ++row;
    }
    value = value.substr(line_start);
    name = RowField(row);
  }
  const size_t offset = at - value.data();
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(*at));
  std::string message =
      "invalid UTF-8: byte " + std::string(byte) + " at offset " + std::to_string(offset);
  if (offset > 0) {
    // Up to 40 bytes of the valid text before it, without starting inside a character.
    size_t from = offset > 40 ? offset - 40 : 0;
    while (from < offset && (static_cast<unsigned char>(value[from]) & 0xC0) == 0x80) ++from;
    message += " (after " + QuoteForMessage(value.substr(from, offset - from)) + ")";
  }
  return Fail(at, name, std::move(message));
}

Status GitLogParser::ParseNumstat(std::string_view numstat, model::Commit& commit) {
  // git writes the format's line break, then (when files changed) a blank line and the rows.
  if (numstat.empty()) {
    return Fail(numstat.data(), kFieldNames[kNumstat],
                "missing: the record ends right after the message (is the export truncated?)");
  }
  if (numstat.front() != '\n') {
    return Fail(numstat.data(), kFieldNames[kNumstat],
                "expected a line break after the message's 0x1F, got " +
                    QuoteForMessage(numstat.substr(0, 40)));
  }
  commit.has_files = true;
  commit.has_stats = true;
  commit.files.reserve(std::count(numstat.begin(), numstat.end(), '\n'));
  int row_number = 0;
  size_t pos = 1;
  while (pos < numstat.size()) {
    const void* newline = std::memchr(numstat.data() + pos, '\n', numstat.size() - pos);
    if (newline == nullptr) {
      return Fail(numstat.data() + pos, RowField(row_number + 1),
                  "the row has no line break: the export ends inside it (is it truncated?)");
    }
    const size_t row_end = static_cast<const char*>(newline) - numstat.data();
    const std::string_view row = numstat.substr(pos, row_end - pos);
    pos = row_end + 1;
    if (row.empty()) continue;
    ++row_number;
    const size_t tab1 = row.find('\t');
    const size_t tab2 = tab1 == std::string_view::npos ? tab1 : row.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos || tab2 + 1 == row.size()) {
      return Fail(row.data(), RowField(row_number),
                  "expected added<TAB>deleted<TAB>path, got " + QuoteForMessage(row));
    }
    model::FileChange& file = commit.files.emplace_back();
    const std::string_view added = row.substr(0, tab1);
    const std::string_view deleted = row.substr(tab1 + 1, tab2 - tab1 - 1);
    if (added == "-" && deleted == "-") {
      file.binary = true;
    } else if (!ReadLineCount(added, file.additions) || !ReadLineCount(deleted, file.deletions)) {
      return Fail(row.data(), RowField(row_number),
                  "expected line counts from 0 to 2147483647 (or \"-\" and \"-\" for a binary "
                  "file), got " +
                      QuoteForMessage(added) + " added and " + QuoteForMessage(deleted) +
                      " deleted");
    }
    const std::string_view path = row.substr(tab2 + 1);
    if (const char* problem = ReadNumstatPath(path, file)) {
      return Fail(path.data(), RowField(row_number),
                  std::string(problem) + ": " + QuoteForMessage(path));
    }
    commit.additions += file.additions;
    commit.deletions += file.deletions;
  }
  commit.changed_files = static_cast<int32_t>(commit.files.size());
  return Status::Ok();
}

}  // namespace

Status ParseGitLog(PaddedView input, const ImportOptions& options, model::Workspace& batch,
                   ImportStats& stats) {
  return GitLogParser(input.view(), options, batch, stats).Run();
}

}  // namespace internal
}  // namespace loupe::ingest
