// The GH Archive importer: JSON Lines of GitHub events (docs/formats.md, "GH Archive JSON
// Lines"), each line parsed in place by one reused DOM parser, which validates the whole line
// before any field is read. Pull-request payloads are REST-shaped objects and go through the REST
// readers of github_objects.h.
#include <cstring>

#include "ingest/github_objects.h"
#include "ingest/json_fields.h"
#include "ingest/json_syntax.h"
#include "ingest/parsers.h"
#include "ingest/people.h"
#include "loupe/core/strings.h"

namespace loupe::ingest::internal {

namespace {

namespace dom = simdjson::dom;
using json::Need;

constexpr std::string_view kIssueCommentNotOnPr = "issue comment not on a pull request";
constexpr std::string_view kPushWithoutCommits = "PushEvent without a commit list";
constexpr std::string_view kUnlistedPushCommits = "push commits GH Archive does not list";

class EventReader {
 public:
  EventReader(model::Workspace& batch, ImportStats& stats) : batch_(batch), stats_(stats) {}

  //! Imports the event on `line`.
  Status ReadLine(PaddedView line);

 private:
  Status ReadEvent(const json::Fields& event, std::string_view type);
  Status ReadPush(const json::Fields& payload, model::RepoId repo, Timestamp pushed);
  //! payload.pull_request, upserted; `number` gets its number.
  Status ReadPullRequest(const json::Fields& payload, const github::Context& context,
                         Instant event_at, int64_t& number);

  model::Workspace& batch_;
  ImportStats& stats_;
  dom::parser parser_;  // one for all lines: it reallocates only for a longer line
};

Status EventReader::ReadLine(PaddedView line) {
  // Parsed in place: the bytes after the line (the next lines, then the input's padding) are the
  // SIMDJSON_PADDING readable bytes the parser needs.
  LOUPE_ASSERT(line.capacity >= line.size + simdjson::SIMDJSON_PADDING, "a line without padding");
  dom::element doc;
  if (auto e = parser_.parse(line.data, line.size, /*realloc_if_needed=*/false).get(doc)) {
    json::ScanOptions options;
    options.unit = json::TextUnit::kLine;
    options.value_name = "the event (one event per line)";
    const json::SyntaxScan scan = json::ScanJson(line.view(), options);
    if (scan.problem.empty()) return json::ErrorFor(e);
    return json::SyntaxError(scan, 1);
  }
  dom::object object;
  if (doc.get_object().get(object)) {
    return InvalidInput("expected one event object per line, got " +
                        std::string(json::TypeName(doc.type())));
  }
  const json::Fields event(object);
  std::string type;
  LOUPE_TRY(event.String("type", type, Need::kRequired));
  return ReadEvent(event, type);
}

Status EventReader::ReadEvent(const json::Fields& event, std::string_view type) {
  const bool push = type == "PushEvent";
  const bool pull_request = type == "PullRequestEvent";
  const bool review = type == "PullRequestReviewEvent";
  const bool review_comment = type == "PullRequestReviewCommentEvent";
  const bool issue_comment = type == "IssueCommentEvent";
  if (!push && !pull_request && !review && !review_comment && !issue_comment) {
    ++stats_.skipped[std::string(type)];
    return Status::Ok();
  }
  std::string repo_name;
  {
    dom::object repo_object;
    bool found = false;
    LOUPE_TRY(event.Object("repo", repo_object, found, Need::kRequired));
    json::Fields repo(repo_object, event, "repo");
    LOUPE_TRY(repo.String("name", repo_name, Need::kRequired));
  }
  Timestamp created;
  LOUPE_TRY(event.Time("created_at", created, Need::kRequired));
  dom::object payload_object;
  bool found = false;
  LOUPE_TRY(event.Object("payload", payload_object, found, Need::kRequired));
  json::Fields payload(payload_object, event, "payload");
  github::Context context{repo_name, 0};

  if (push) return ReadPush(payload, batch_.InternRepo(repo_name), created);

  if (issue_comment) {
    dom::object issue_object;
    LOUPE_TRY(payload.Object("issue", issue_object, found, Need::kRequired));
    json::Fields issue(issue_object, payload, "issue");
    // Issues and pull requests share numbers and comments; only a PR's issue has this key.
    if (!issue.Has("pull_request")) {
      ++stats_.skipped[std::string(kIssueCommentNotOnPr)];
      return Status::Ok();
    }
    LOUPE_TRY(issue.Int("number", context.pr_number, Need::kRequired, 1));
  } else {
    LOUPE_TRY(ReadPullRequest(payload, context, created.utc, context.pr_number));
  }
  if (pull_request) return Status::Ok();

  dom::object object;
  const char* key = review ? "review" : "comment";
  LOUPE_TRY(payload.Object(key, object, found, Need::kRequired));
  json::Fields fields(object, payload, key);
  if (review) {
    model::Review r;
    LOUPE_TRY(github::ReadReview(fields, context, batch_, r));
    batch_.UpsertReview(std::move(r));
    return Status::Ok();
  }
  model::Comment comment;
  LOUPE_TRY(review_comment ? github::ReadReviewComment(fields, context, batch_, comment)
                           : github::ReadIssueComment(fields, context, batch_, comment));
  batch_.UpsertComment(std::move(comment));
  return Status::Ok();
}

Status EventReader::ReadPullRequest(const json::Fields& payload, const github::Context& context,
                                    Instant event_at, int64_t& number) {
  std::string action;
  LOUPE_TRY(payload.String("action", action));
  dom::object object;
  bool found = false;
  LOUPE_TRY(payload.Object("pull_request", object, found, Need::kRequired));
  json::Fields fields(object, payload, "pull_request");
  model::PullRequest pr;
  LOUPE_TRY(github::ReadPullRequest(fields, context, batch_, pr));
  if (action == "ready_for_review") pr.ready_at = event_at;
  number = pr.number;
  batch_.UpsertPullRequest(std::move(pr));
  return Status::Ok();
}

Status EventReader::ReadPush(const json::Fields& payload, model::RepoId repo, Timestamp pushed) {
  int64_t size = 0;
  LOUPE_TRY(payload.Int("size", size, Need::kOptional, 0));
  // A push says when it reached GitHub, not when its commits were written: the commits get that
  // instant, marked approximate, with an unknown offset; any source with their own times
  // replaces it.
  pushed.offset_minutes = kUnknownOffset;
  int64_t listed = 0;
  bool found = false;
  LOUPE_TRY(json::ForEachObject(payload, "commits", found, [&](const json::Fields& fields) -> Status {
    model::Commit commit;
    commit.repo = repo;
    commit.authored = pushed;
    commit.committed = pushed;
    commit.approximate_time = true;
    LOUPE_TRY(fields.GitSha("sha", commit.sha, Need::kRequired));
    PersonRef author;
    dom::object author_object;
    bool has_author = false;
    LOUPE_TRY(fields.Object("author", author_object, has_author));
    if (has_author) {
      json::Fields author_fields(author_object, fields, "author");
      LOUPE_TRY(author_fields.String("email", author.email));
      LOUPE_TRY(author_fields.String("name", author.name));
    }
    LOUPE_TRY(fields.String("message", commit.message));
    commit.author = InternPerson(batch_, author);
    AddCoAuthors(batch_, commit);
    batch_.UpsertCommit(std::move(commit));
    ++listed;
    return Status::Ok();
  }));
  if (!found) {
    ++stats_.skipped[std::string(kPushWithoutCommits)];
  } else if (size > listed) {
    // GH Archive lists at most 20 commits of a push; `size` counts them all.
    stats_.skipped[std::string(kUnlistedPushCommits)] += size - listed;
  }
  return Status::Ok();
}

}  // namespace

Status ParseGhArchive(PaddedView input, const ImportOptions& options, model::Workspace& batch,
                      ImportStats& stats) {
  EventReader reader(batch, stats);
  int64_t next_progress = kProgressStep;
  size_t line_number = 0;
  size_t pos = 0;
  while (pos < input.size) {
    ++line_number;
    const char* begin = input.data + pos;
    const void* newline = std::memchr(begin, '\n', input.size - pos);
    const size_t length =
        newline ? static_cast<size_t>(static_cast<const char*>(newline) - begin) : input.size - pos;
    PaddedView line = input.Suffix(pos);
    line.size = length;
    if (length > 0 && begin[length - 1] == '\r') --line.size;
    pos += length + 1;
    if (Trim(line.view()).empty()) continue;
    ++stats.records;
    Status status = reader.ReadLine(line);
    if (!status.ok()) return std::move(status).WithRecord("line " + std::to_string(line_number));
    if (static_cast<int64_t>(pos) >= next_progress) {
      LOUPE_TRY(
          ReportProgress(options, static_cast<int64_t>(pos), static_cast<int64_t>(input.size)));
      next_progress = static_cast<int64_t>(pos) + kProgressStep;
    }
  }
  return Status::Ok();
}

}  // namespace loupe::ingest::internal
