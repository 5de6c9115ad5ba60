// The GH Archive importer: JSON Lines of GitHub events (docs/formats.md, "GH Archive JSON
// Lines"), one On-Demand document per line. Pull-request payloads are REST-shaped objects and go
// through the REST readers of github_objects.h.
#include <cstring>

#include "ingest/github_objects.h"
#include "ingest/json_fields.h"
#include "ingest/parsers.h"
#include "ingest/people.h"
#include "loupe/core/strings.h"

namespace loupe::ingest::internal {

namespace {

namespace od = simdjson::ondemand;
using json::Need;

constexpr std::string_view kIssueCommentNotOnPr = "issue comment not on a pull request";
constexpr std::string_view kPushWithoutCommits = "PushEvent without a commit list";
constexpr std::string_view kUnlistedPushCommits = "push commits GH Archive does not list";

class EventReader {
 public:
  EventReader(model::Workspace& batch, ImportStats& stats) : batch_(batch), stats_(stats) {}

  //! Imports the event on `line` (line_number counts from 1 and is used in messages).
  Status ReadLine(PaddedView line, size_t line_number);

 private:
  Status ReadEvent(json::Fields& event, std::string_view type);
  Status ReadPush(json::Fields& payload, model::RepoId repo, Timestamp pushed);
  //! payload.pull_request, upserted; `number` gets its number.
  Status ReadPullRequest(json::Fields& payload, const github::Context& context, Instant event_at,
                         int64_t& number);

  model::Workspace& batch_;
  ImportStats& stats_;
  od::parser parser_;
};

Status EventReader::ReadLine(PaddedView line, size_t line_number) {
  od::document doc;
  auto e = parser_.iterate(line.data, line.size, line.capacity).get(doc);
  if (e == simdjson::UTF8_ERROR) return json::InvalidUtf8Error(line.view(), line_number);
  if (e == simdjson::UNCLOSED_STRING) {
    return InvalidInput("truncated JSON: the line ends inside a string");
  }
  if (e) return json::ErrorFor(e, "");
  od::object object;
  e = doc.get_object().get(object);
  if (e == simdjson::INCORRECT_TYPE) {
    od::json_type type;
    const std::string got =
        doc.type().get(type) ? "something else" : std::string(json::TypeName(type));
    return InvalidInput("expected one event object per line, got " + got);
  }
  if (e) return json::ErrorFor(e, "");
  json::Fields event(object, "");
  std::string type;
  LOUPE_TRY(event.String("type", type, Need::kRequired));
  LOUPE_TRY(ReadEvent(event, type));
  // Skipping to the end checks the brackets of everything not read, and that the line holds
  // nothing after the event.
  std::string_view whole;
  if (auto error = doc.raw_json().get(whole)) return json::ErrorFor(error, "");
  if (!doc.at_end()) return InvalidInput("unexpected text after the event (one event per line)");
  return Status::Ok();
}

Status EventReader::ReadEvent(json::Fields& event, std::string_view type) {
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
    od::object repo_object;
    bool found = false;
    LOUPE_TRY(event.Object("repo", repo_object, found, Need::kRequired));
    json::Fields repo(repo_object, "repo");
    LOUPE_TRY(repo.String("name", repo_name, Need::kRequired));
  }
  // Read before the payload: On-Demand cannot come back to the event once inside the payload.
  Timestamp created;
  LOUPE_TRY(event.Time("created_at", created, Need::kRequired));
  od::object payload_object;
  bool found = false;
  LOUPE_TRY(event.Object("payload", payload_object, found, Need::kRequired));
  json::Fields payload(payload_object, "payload");
  github::Context context{repo_name, 0};

  if (push) return ReadPush(payload, batch_.InternRepo(repo_name), created);

  if (issue_comment) {
    od::object issue_object;
    LOUPE_TRY(payload.Object("issue", issue_object, found, Need::kRequired));
    json::Fields issue(issue_object, "payload.issue");
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

  od::object object;
  const char* key = review ? "review" : "comment";
  LOUPE_TRY(payload.Object(key, object, found, Need::kRequired));
  json::Fields fields(object, payload.PathOf(key));
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

Status EventReader::ReadPullRequest(json::Fields& payload, const github::Context& context,
                                    Instant event_at, int64_t& number) {
  std::string action;
  LOUPE_TRY(payload.String("action", action));
  od::object object;
  bool found = false;
  LOUPE_TRY(payload.Object("pull_request", object, found, Need::kRequired));
  json::Fields fields(object, "payload.pull_request");
  model::PullRequest pr;
  LOUPE_TRY(github::ReadPullRequest(fields, context, batch_, pr));
  if (action == "ready_for_review") pr.ready_at = event_at;
  number = pr.number;
  batch_.UpsertPullRequest(std::move(pr));
  return Status::Ok();
}

Status EventReader::ReadPush(json::Fields& payload, model::RepoId repo, Timestamp pushed) {
  int64_t size = 0;
  LOUPE_TRY(payload.Int("size", size, Need::kOptional, 0));
  // A push says when it reached GitHub, not when its commits were written: the commits get that
  // instant, marked approximate, with an unknown offset; any source with their own times
  // replaces it.
  pushed.offset_minutes = kUnknownOffset;
  int64_t listed = 0;
  bool found = false;
  LOUPE_TRY(json::ForEachObject(payload, "commits", found, [&](json::Fields& fields) -> Status {
    model::Commit commit;
    commit.repo = repo;
    commit.authored = pushed;
    commit.committed = pushed;
    commit.approximate_time = true;
    LOUPE_TRY(fields.GitSha("sha", commit.sha, Need::kRequired));
    PersonRef author;
    od::object author_object;
    bool has_author = false;
    LOUPE_TRY(fields.Object("author", author_object, has_author));
    if (has_author) {
      json::Fields author_fields(author_object, fields.PathOf("author"));
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
    // The bytes after the line (the next lines, then the buffer's padding) are readable, which is
    // all simdjson asks of the padding.
    Status status = reader.ReadLine(line, line_number);
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
