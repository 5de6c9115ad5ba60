// The GitHub REST importer: an array of REST objects, `gh api --paginate`'s concatenated arrays,
// or one object (docs/formats.md, "GitHub REST JSON"). simdjson's DOM document stream indexes the
// whole input in one pass and validates each top-level value whole before any of it is read;
// what it rejects is explained by ScanJson.
#include <algorithm>
#include <unordered_set>

#include "ingest/github_objects.h"
#include "ingest/json_fields.h"
#include "ingest/json_syntax.h"
#include "ingest/parsers.h"
#include "loupe/core/strings.h"

namespace loupe::ingest::internal {

namespace {

namespace dom = simdjson::dom;

// Where a record sits: records are counted from 1 across all top-level values.
struct RecordPosition {
  int64_t record = 0;    // 0: no record; the problem is in top-level value `document` itself
  int64_t document = 0;  // the top-level value holding it, from 1
  int64_t element = 0;   // its place in that array, from 1; 0 for a top-level object
  size_t offset = 0;     // byte offset of its first byte
};

size_t LineOf(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
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
  //! Reads top-level value at_.document, which starts at `offset` and spans `size` bytes.
  Status ReadDocument(dom::element doc, size_t offset, size_t size);
  Status ReadRecord(dom::object object);
  //! `status` located at `at`: "record 17 (array 2, element 5, line 40)". `documents` says how
  //! many top-level values the input holds.
  Status Locate(Status status, const RecordPosition& at, size_t documents) const;
  //! `status` located at `at` (a record, or a top-level value when at.record is 0); only now is
  //! its line looked for.
  Status RecordError(Status status, RecordPosition at) const;
  //! The parse failure `error`, explained: record, field, line and what was expected.
  Status SyntaxError(simdjson::error_code error) const;
  void RecordPullRequestCommits();

  PaddedView input_;
  const ImportOptions& options_;
  model::Workspace& batch_;
  ImportStats& stats_;
  github::Context context_;
  dom::parser parser_;
  RecordPosition at_;
  int64_t next_progress_ = kProgressStep;
  std::vector<Sha> pr_commits_;  // options.pull_request: the commits read, in input order
  std::unordered_set<Sha, ShaHash> pr_commit_set_;
};

Status RestReader::Locate(Status status, const RecordPosition& at, size_t documents) const {
  const std::string_view text = input_.view();
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

Status RestReader::RecordError(Status status, RecordPosition at) const {
  // The DOM keeps no source offsets: an element's first byte is found by scanning its document.
  json::ScanOptions options;
  options.many = true;
  if (at.element > 0) {
    options.stop_at_element = static_cast<size_t>(at.element - 1);
    const json::SyntaxScan scan = json::ScanJson(input_.view().substr(at.offset), options);
    if (!scan.path.empty()) at.offset += scan.path.back().offset;
  }
  options.stop_at_element = json::kNoIndex;
  return Locate(std::move(status), at, json::ScanJson(input_.view(), options).documents);
}

Status RestReader::SyntaxError(simdjson::error_code error) const {
  const std::string_view text = input_.view();
  json::ScanOptions options;
  options.many = true;
  const json::SyntaxScan scan = json::ScanJson(text, options);
  if (scan.problem.empty()) {
    // simdjson refused what the scan accepts (a limit, or memory): there is no line to name.
    return json::ErrorFor(error).WithRecord("top-level value " + std::to_string(at_.document + 1));
  }
  // scan.path: the top-level value, then (in an array) the record's element, then its fields.
  const std::span<const json::PathStep> path(scan.path);
  RecordPosition at{0, static_cast<int64_t>(scan.documents), 0, path[0].offset};
  size_t field_from = 1;
  if (path.size() >= 2 && path[1].index != json::kNoIndex) {
    at.element = static_cast<int64_t>(path[1].index) + 1;
    at.record = static_cast<int64_t>(scan.items_before) + at.element;
    at.offset = path[1].offset;
    field_from = 2;
  } else if (path[0].offset < text.size() && text[path[0].offset] == '{') {
    at.record = static_cast<int64_t>(scan.items_before) + 1;
  }
  return Locate(json::SyntaxError(scan, field_from), at, scan.documents);
}

Status RestReader::Run() {
  if (options_.pull_request &&
      (options_.pull_request->repo.empty() || options_.pull_request->number <= 0)) {
    return InvalidInput(
        "the pull request of a PR-commits import needs a repository and a number > 0");
  }
  // parse_many skips a byte order mark (ParseInto took off a first one): so does the reader, or
  // the documents' offsets would not be the input's.
  if (input_.view().substr(0, 3) == "\xEF\xBB\xBF") input_ = input_.Suffix(3);
  // One batch holding the whole input: stage 1 indexes it in one pass, documents never straddle
  // batches, and a cut or malformed end shows up as truncated_bytes().
  dom::document_stream stream;
  const size_t batch_size = std::max(input_.size, dom::MINIMAL_BATCH_SIZE);
  if (auto e = parser_.parse_many(input_.data, input_.size, batch_size).get(stream)) {
    return SyntaxError(e);
  }
  for (auto it = stream.begin(); it != stream.end(); ++it) {
    dom::element doc;
    if (auto e = (*it).get(doc)) return SyntaxError(e);
    ++at_.document;
    at_.element = 0;
    LOUPE_TRY(ReadDocument(doc, it.current_index(), it.source().size()));
  }
  if (stream.truncated_bytes() > 0) return SyntaxError(simdjson::INCOMPLETE_ARRAY_OR_OBJECT);
  RecordPullRequestCommits();
  return Status::Ok();
}

Status RestReader::ReadDocument(dom::element doc, size_t offset, size_t size) {
  at_.offset = offset;
  const dom::element_type type = doc.type();
  if (type == dom::element_type::OBJECT) {
    ++at_.record;
    ++stats_.records;
    return ReadRecord(doc.get_object().value_unsafe());
  }
  if (type != dom::element_type::ARRAY) {
    return RecordError(InvalidInput("expected an array of GitHub objects or one object, got " +
                                    std::string(json::TypeName(type))),
                       {0, at_.document, 0, offset});
  }
  const dom::array array = doc.get_array().value_unsafe();
  // Elements carry no offsets: progress is estimated from the share of elements read.
  const size_t count = std::max<size_t>(array.size(), 1);
  for (dom::element element : array) {
    ++at_.record;
    ++at_.element;
    ++stats_.records;
    dom::object object;
    Status status = json::AsObject(element, object);
    if (!status.ok()) return RecordError(std::move(status), at_);
    LOUPE_TRY(ReadRecord(object));
    const auto done = static_cast<int64_t>(
        offset + size * std::min(static_cast<size_t>(at_.element), count) / count);
    if (done >= next_progress_) {
      LOUPE_TRY(ReportProgress(options_, done, static_cast<int64_t>(input_.size)));
      next_progress_ = done + kProgressStep;
    }
  }
  return Status::Ok();
}

Status RestReader::ReadRecord(dom::object object) {
  const json::Fields fields(object);
  Status status;
  switch (github::Classify(object)) {
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
  if (!status.ok()) return RecordError(std::move(status), at_);
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
