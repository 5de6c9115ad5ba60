// The GitHub REST importer: an array of REST objects, `gh api --paginate`'s concatenated arrays,
// or one object (docs/formats.md, "GitHub REST JSON"). simdjson's document stream indexes the
// whole input in one pass; each element is then read in place with On-Demand.
#include <algorithm>
#include <unordered_set>

#include "ingest/github_objects.h"
#include "ingest/json_fields.h"
#include "ingest/parsers.h"
#include "loupe/core/strings.h"

namespace loupe::ingest::internal {

namespace {

namespace od = simdjson::ondemand;

// Where a record sits: records are counted from 1 across all top-level values.
struct RecordPosition {
  int64_t record = 0;    // 0: before the first record of `document`
  int64_t document = 0;  // the top-level value holding it, from 1
  int64_t element = 0;   // its place in that array, from 1; 0 for a top-level object
  size_t offset = 0;     // byte offset of its first byte
};

size_t LineOf(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

// [SECTION] explaining structural errors
//
// simdjson says that the input is broken, not which record broke it. Only then is the text walked
// again, bracket by bracket, to name the record and the problem.

struct StructureScan {
  int64_t documents = 0;  // top-level values seen
  RecordPosition target;  // the record holding the target offset (or the last one before it)
  RecordPosition last;    // the last record started before the walk ended
  std::string problem;    // empty when the brackets and strings are sound
};

bool IsJsonSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

StructureScan ScanStructure(std::string_view text, size_t target_offset) {
  StructureScan scan;
  std::string open;           // brackets not yet closed, innermost last
  bool element_next = false;  // the next value starts an element of a top-level array
  int64_t element = 0;
  auto start_record = [&](size_t at) {
    scan.last = {scan.last.record + 1, scan.documents, element, at};
    if (at <= target_offset) scan.target = scan.last;
  };
  auto fail = [&](size_t at, const std::string& what) {
    scan.problem = what + " (line " + std::to_string(LineOf(text, at)) + ")";
  };
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (IsJsonSpace(c)) {
      ++i;
      continue;
    }
    if (open.empty()) {
      ++scan.documents;
      element = 0;
      if (c == ']' || c == '}' || c == ',' || c == ':') {
        fail(i, std::string("malformed JSON: unexpected '") + c + "' outside any array or object");
        return scan;
      }
      if (c == '{') start_record(i);
      if (c == '[') element_next = true;
      if (c != '{' && c != '[' && c != '"') {  // a top-level number or literal
        while (i < text.size() && !IsJsonSpace(text[i]) &&
               std::string_view("[]{},:\"").find(text[i]) == std::string_view::npos) {
          ++i;
        }
        continue;
      }
    } else if (element_next && open.size() == 1) {
      element_next = false;
      if (c != ']') {
        ++element;
        start_record(i);
      }
    }
    switch (c) {
      case '"': {
        size_t j = i + 1;
        while (j < text.size() && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
        if (j >= text.size()) {
          scan.problem =
              "truncated JSON, or a missing or extra quote: the input ends inside the string "
              "that starts on line " +
              std::to_string(LineOf(text, i));
          return scan;
        }
        i = j;
        break;
      }
      case '{':
      case '[':
        open.push_back(c);
        break;
      case '}':
      case ']':
        if (open.back() != (c == '}' ? '{' : '[')) {
          fail(i, std::string("malformed JSON: '") + c + "' closes " +
                      (open.back() == '{' ? "an object" : "an array") + " opened with '" +
                      open.back() + "'");
          return scan;
        }
        open.pop_back();
        break;
      case ',':
        if (open.size() == 1 && open[0] == '[') element_next = true;
        break;
      default:
        break;
    }
    ++i;
  }
  if (!open.empty()) {
    fail(text.size(), "truncated JSON: the input ends before this record is complete (" +
                          std::to_string(open.size()) + " object(s) or array(s) still open)");
  }
  return scan;
}

// [SECTION] the reader

class RestReader {
 public:
  RestReader(PaddedView input, const ImportOptions& options, model::Workspace& batch,
             ImportStats& stats)
      : input_(input), options_(options), batch_(batch), stats_(stats) {
    context_.repo = options.repo;
  }

  Status Run();

 private:
  Status ReadDocument(od::document_reference doc, size_t offset);
  Status ReadRecord(od::object object);
  //! `status` located at `at`: "record 17 (array 2, element 5, line 40)".
  Status Locate(Status status, const RecordPosition& at) const;
  //! A failure simdjson found in the input's structure or encoding at or after `where`,
  //! explained by a rescan when the rescan finds the cause.
  Status StructureError(simdjson::error_code error, const RecordPosition& where) const;
  void RecordPullRequestCommits();

  PaddedView input_;
  const ImportOptions& options_;
  model::Workspace& batch_;
  ImportStats& stats_;
  github::Context context_;
  RecordPosition at_;
  int64_t next_progress_ = kProgressStep;
  std::vector<Sha> pr_commits_;  // options.pull_request: the commits read, in input order
  std::unordered_set<Sha, ShaHash> pr_commit_set_;
};

Status RestReader::Locate(Status status, const RecordPosition& at) const {
  const std::string_view text = input_.view();
  const int64_t documents = ScanStructure(text, 0).documents;
  std::string label;
  std::string detail;
  if (at.record == 0) {
    label = "top-level value " + std::to_string(std::max<int64_t>(at.document, 1));
  } else {
    label = "record " + std::to_string(at.record);
    if (documents > 1) {
      detail = at.element > 0 ? "array " + std::to_string(at.document) + ", element " +
                                    std::to_string(at.element)
                              : "top-level value " + std::to_string(at.document);
    }
  }
  // A line number helps only when the input has more than one.
  if (Trim(text).find('\n') != std::string_view::npos) {
    if (!detail.empty()) detail += ", ";
    detail += "line " + std::to_string(LineOf(text, at.offset));
  }
  if (!detail.empty()) label += " (" + detail + ")";
  return std::move(status).WithRecord(label);
}

Status RestReader::StructureError(simdjson::error_code error, const RecordPosition& where) const {
  const std::string_view text = input_.view();
  if (error == simdjson::UTF8_ERROR) {
    const size_t bad = FindInvalidUtf8(text);
    return Locate(json::InvalidUtf8Error(text), ScanStructure(text, bad).target);
  }
  const StructureScan scan = ScanStructure(text, where.offset);
  if (scan.problem.empty()) return Locate(json::ErrorFor(error, ""), where);
  RecordPosition at = scan.last;
  // The walk stopped in a top-level value that holds no record yet.
  if (at.document != scan.documents) at = {0, scan.documents, 0, at.offset};
  return Locate(InvalidInput(scan.problem), at);
}

Status RestReader::Run() {
  if (options_.pull_request &&
      (options_.pull_request->repo.empty() || options_.pull_request->number <= 0)) {
    return InvalidInput(
        "the pull request of a PR-commits import needs a repository and a number > 0");
  }
  od::parser parser;
  od::document_stream stream;
  // One batch holding the whole input: documents never straddle batches, and a truncated last
  // document shows up as truncated_bytes().
  if (auto e = parser.iterate_many(input_.data, input_.size, input_.size).get(stream)) {
    return StructureError(e, {0, 1, 0, 0});
  }
  for (auto it = stream.begin(); it != stream.end(); ++it) {
    od::document_reference doc;
    if (auto e = (*it).get(doc)) {
      return StructureError(e, {0, at_.document + 1, 0, it.current_index()});
    }
    ++at_.document;
    at_.element = 0;
    LOUPE_TRY(ReadDocument(doc, it.current_index()));
  }
  if (stream.truncated_bytes() > 0) {
    return StructureError(simdjson::INCOMPLETE_ARRAY_OR_OBJECT,
                          {0, at_.document + 1, 0, input_.size - stream.truncated_bytes()});
  }
  RecordPullRequestCommits();
  return Status::Ok();
}

Status RestReader::ReadDocument(od::document_reference doc, size_t offset) {
  const RecordPosition top{0, at_.document, 0, offset};
  od::json_type type;
  if (auto e = doc.type().get(type)) return StructureError(e, top);
  if (type == od::json_type::object) {
    od::object object;
    if (auto e = doc.get_object().get(object)) return StructureError(e, top);
    at_ = {at_.record + 1, at_.document, 0, offset};
    ++stats_.records;
    return ReadRecord(object);
  }
  if (type != od::json_type::array) {
    return Locate(InvalidInput("expected an array of GitHub objects or one object, got " +
                               std::string(json::TypeName(type))),
                  top);
  }
  od::array array;
  if (auto e = doc.get_array().get(array)) return StructureError(e, top);
  for (auto element : array) {
    at_.record += 1;
    at_.element += 1;
    const char* start = nullptr;
    od::value value;
    if (auto e = element.get(value)) {
      if (!doc.current_location().get(start)) at_.offset = static_cast<size_t>(start - input_.data);
      return StructureError(e, at_);
    }
    if (!value.current_location().get(start)) at_.offset = static_cast<size_t>(start - input_.data);
    ++stats_.records;
    od::object object;
    Status status = json::AsObject(value, "", object);
    if (!status.ok()) return Locate(std::move(status), at_);
    LOUPE_TRY(ReadRecord(object));
    if (static_cast<int64_t>(at_.offset) >= next_progress_) {
      LOUPE_TRY(ReportProgress(options_, static_cast<int64_t>(at_.offset),
                               static_cast<int64_t>(input_.size)));
      next_progress_ = static_cast<int64_t>(at_.offset) + kProgressStep;
    }
  }
  return Status::Ok();
}

Status RestReader::ReadRecord(od::object object) {
  github::ObjectKind kind;
  Status status = github::Classify(object, "", kind);
  json::Fields fields(object, "");
  if (status.ok()) {
    switch (kind) {
      case github::ObjectKind::kCommit: {
        model::Commit commit;
        status = github::ReadCommit(fields, context_, batch_, commit);
        if (!status.ok()) break;
        if (options_.pull_request && pr_commit_set_.insert(commit.sha).second) {
          pr_commits_.push_back(commit.sha);
        }
        batch_.UpsertCommit(std::move(commit));
        break;
      }
      case github::ObjectKind::kPullRequest: {
        model::PullRequest pr;
        status = github::ReadPullRequest(fields, context_, batch_, pr);
        if (status.ok()) batch_.UpsertPullRequest(std::move(pr));
        break;
      }
      case github::ObjectKind::kReview: {
        model::Review review;
        status = github::ReadReview(fields, context_, batch_, review);
        if (status.ok()) batch_.UpsertReview(std::move(review));
        break;
      }
      case github::ObjectKind::kReviewComment: {
        model::Comment comment;
        status = github::ReadReviewComment(fields, context_, batch_, comment);
        if (status.ok()) batch_.UpsertComment(std::move(comment));
        break;
      }
      case github::ObjectKind::kIssueComment: {
        model::Comment comment;
        status = github::ReadIssueComment(fields, context_, batch_, comment);
        if (status.ok()) batch_.UpsertComment(std::move(comment));
        break;
      }
      case github::ObjectKind::kUnknown:
        status = InvalidInput(
            "unrecognised GitHub object (expected a commit, pull request, review, review comment "
            "or issue comment)");
        break;
    }
  }
  if (!status.ok()) return Locate(std::move(status), at_);
  return Status::Ok();
}

void RestReader::RecordPullRequestCommits() {
  if (!options_.pull_request || pr_commits_.empty()) return;
  // Only the number and the commits are known: every other field stays unknown, which
  // MergeInto(PullRequest) never lets overwrite what a PR snapshot said.
  model::PullRequest pr;
  pr.repo = batch_.InternRepo(options_.pull_request->repo);
  pr.number = options_.pull_request->number;
  pr.commit_shas = std::move(pr_commits_);
  batch_.UpsertPullRequest(std::move(pr));
}

}  // namespace

Status ParseGitHubRest(PaddedView input, const ImportOptions& options, model::Workspace& batch,
                       ImportStats& stats) {
  return RestReader(input, options, batch, stats).Run();
}

}  // namespace loupe::ingest::internal
