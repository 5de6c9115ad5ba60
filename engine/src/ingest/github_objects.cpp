#include "ingest/github_objects.h"

#include <array>
#include <string>

#include "ingest/people.h"
#include "loupe/core/strings.h"

namespace loupe::ingest::github {

using json::Need;

// [SECTION] recognising an object

namespace {

// The keys Classify looks at; PresentKeys sets bit k for kKindKeys[k].
enum KindKey : uint32_t {
  kCommitKey,
  kNumber,
  kHead,
  kBase,
  kMergedAt,
  kMergeCommitSha,
  kPullRequestUrl,
  kState,
  kSubmittedAt,
  kCommitId,
  kDiffHunk,
  kPullRequestReviewId,
  kIssueUrl,
  kKindKeyCount,
};
constexpr std::array<std::string_view, kKindKeyCount> kKindKeys = {
    "commit",
    "number",
    "head",
    "base",
    "merged_at",
    "merge_commit_sha",
    "pull_request_url",
    "state",
    "submitted_at",
    "commit_id",
    "diff_hunk",
    "pull_request_review_id",
    "issue_url",
};

}  // namespace

ObjectKind Classify(json::dom::object object) {
  const uint32_t keys = json::PresentKeys(object, kKindKeys);
  auto has = [keys](KindKey key) { return (keys >> key & 1u) != 0; };
  // Each rule keys on what only that kind has, so a kind's required fields (sha, number, state)
  // can then be reported missing. Review comments come before reviews: both carry
  // pull_request_url and commit_id.
  if (has(kCommitKey)) return ObjectKind::kCommit;
  if (has(kDiffHunk) || has(kPullRequestReviewId)) return ObjectKind::kReviewComment;
  if (has(kPullRequestUrl) && (has(kState) || has(kSubmittedAt) || has(kCommitId))) {
    return ObjectKind::kReview;
  }
  if (has(kHead) || has(kBase) || (has(kNumber) && (has(kMergedAt) || has(kMergeCommitSha)))) {
    return ObjectKind::kPullRequest;
  }
  if (has(kIssueUrl) && !has(kNumber)) return ObjectKind::kIssueComment;
  return ObjectKind::kUnknown;
}

// [SECTION] repositories and pull requests named by URLs

namespace {

// A GitHub URL of something inside a repository: the API form
// "https://api.github.com/repos/OWNER/NAME/pulls/12" (GitHub Enterprise: "…/api/v3/repos/…") or
// the web form "https://github.com/OWNER/NAME/pull/12".
struct RepoUrl {
  std::string_view repo;  // "OWNER/NAME"
  std::string_view kind;  // "pulls", "pull", "issues", "commits", "commit", …
  std::string_view id;    // the segment after `kind`
};

bool SplitRepoUrl(std::string_view url, RepoUrl& out) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return false;
  const size_t path_start = url.find('/', scheme + 3);
  if (path_start == std::string_view::npos) return false;
  std::string_view path = url.substr(path_start + 1);
  path = path.substr(0, path.find_first_of("?#"));
  for (std::string_view prefix : {"repos/", "api/v3/repos/"}) {
    if (path.substr(0, prefix.size()) == prefix) {
      path.remove_prefix(prefix.size());
      break;
    }
  }
  const size_t owner_end = path.find('/');
  if (owner_end == 0 || owner_end == std::string_view::npos) return false;
  const size_t name_end = path.find('/', owner_end + 1);
  if (name_end == owner_end + 1 || name_end == std::string_view::npos) return false;
  const size_t kind_end = path.find('/', name_end + 1);
  if (kind_end == std::string_view::npos) return false;
  out.repo = path.substr(0, name_end);
  out.kind = path.substr(name_end + 1, kind_end - name_end - 1);
  out.id = path.substr(kind_end + 1);
  out.id = out.id.substr(0, out.id.find('/'));
  return !out.id.empty();
}

// Reads the URL `key` when present (found) and requires it to name `api_kind` or `web_kind`.
Status ReadRepoUrl(const json::Fields& object, std::string_view key, std::string_view api_kind,
                   std::string_view web_kind, std::string_view& url, RepoUrl& parts, bool& found) {
  LOUPE_TRY(object.Text(key, url, Need::kOptional, found));
  if (!found) return Status::Ok();
  if (!SplitRepoUrl(url, parts) || (parts.kind != api_kind && parts.kind != web_kind)) {
    return InvalidInput("expected a GitHub URL like https://api.github.com/repos/OWNER/NAME/" +
                        std::string(api_kind) + "/…, got " + QuoteForMessage(url))
        .WithField(object.PathOf(key));
  }
  return Status::Ok();
}

// The repository and number of the pull request (or issue) an object belongs to, from its URL
// field `key` ("…/repos/O/N/pulls/12"), else from the context.
Status ReadParent(const json::Fields& object, std::string_view key, std::string_view api_kind,
                  std::string_view web_kind, const Context& context, model::Workspace& batch,
                  model::RepoId& repo, int64_t& number) {
  std::string_view url;
  RepoUrl parts;
  bool found = false;
  LOUPE_TRY(ReadRepoUrl(object, key, api_kind, web_kind, url, parts, found));
  if (!found) {
    if (context.repo.empty() || context.pr_number <= 0) {
      return InvalidInput("missing required field").WithField(object.PathOf(key));
    }
    repo = batch.InternRepo(context.repo);
    number = context.pr_number;
    return Status::Ok();
  }
  if (!ParseInt64(parts.id, number, 1)) {
    return InvalidInput("expected a number after /" + std::string(parts.kind) + "/ in " +
                        QuoteForMessage(url))
        .WithField(object.PathOf(key));
  }
  repo = batch.InternRepo(parts.repo);
  return Status::Ok();
}

// The repository of a commit or pull request: its `api_url_key` URL, else its `web_url_key` URL,
// else the context. Fails naming `api_url_key` when nothing names one.
Status ReadOwnRepo(const json::Fields& object, std::string_view api_url_key, std::string_view api_kind,
                   std::string_view web_url_key, std::string_view web_kind, const Context& context,
                   model::Workspace& batch, model::RepoId& repo) {
  std::string_view url;
  RepoUrl parts;
  bool found = false;
  LOUPE_TRY(ReadRepoUrl(object, api_url_key, api_kind, web_kind, url, parts, found));
  if (!found) LOUPE_TRY(ReadRepoUrl(object, web_url_key, api_kind, web_kind, url, parts, found));
  if (found) {
    repo = batch.InternRepo(parts.repo);
  } else if (!context.repo.empty()) {
    repo = batch.InternRepo(context.repo);
  } else {
    return InvalidInput("cannot tell the repository: the object has no " +
                        std::string(api_url_key) + " or " + std::string(web_url_key) +
                        " and the import names no repository")
        .WithField(object.PathOf(api_url_key));
  }
  return Status::Ok();
}

// [SECTION] people

// Adds the login and id of the user object `key` (absent or null: nothing) to `person`.
Status ReadUserInto(const json::Fields& parent, std::string_view key, PersonRef& person) {
  json::dom::object object;
  bool found = false;
  LOUPE_TRY(parent.Object(key, object, found));
  if (!found) return Status::Ok();
  json::Fields user(object, parent, key);
  LOUPE_TRY(user.String("login", person.login, Need::kRequired));
  return user.Int("id", person.github_user_id, Need::kOptional, 0);
}

// The {name, email, date} object `key` of a git commit.
Status ReadGitPerson(const json::Fields& commit, std::string_view key, PersonRef& person,
                     Timestamp& when) {
  json::dom::object object;
  bool found = false;
  LOUPE_TRY(commit.Object(key, object, found));
  if (!found) return Status::Ok();
  json::Fields fields(object, commit, key);
  LOUPE_TRY(fields.String("name", person.name));
  LOUPE_TRY(fields.String("email", person.email));
  // GitHub writes commit dates in UTC: the author's own offset is not in the REST data.
  return fields.UtcTime("date", when);
}

}  // namespace

Status ReadUser(const json::Fields& parent, std::string_view key, model::Workspace& batch,
                model::IdentityId& out) {
  PersonRef person;
  LOUPE_TRY(ReadUserInto(parent, key, person));
  out = InternPerson(batch, person);
  return Status::Ok();
}

// [SECTION] commits

Status ReadCommit(const json::Fields& object, const Context& context, model::Workspace& batch,
                  model::Commit& out) {
  LOUPE_TRY(object.GitSha("sha", out.sha, Need::kRequired));
  PersonRef author;
  PersonRef committer;
  {
    json::dom::object git_commit;
    bool found = false;
    LOUPE_TRY(object.Object("commit", git_commit, found, Need::kRequired));
    json::Fields commit(git_commit, object, "commit");
    LOUPE_TRY(ReadGitPerson(commit, "author", author, out.authored));
    LOUPE_TRY(ReadGitPerson(commit, "committer", committer, out.committed));
    LOUPE_TRY(commit.String("message", out.message));
  }
  LOUPE_TRY(ReadOwnRepo(object, "url", "commits", "html_url", "commit", context, batch, out.repo));
  LOUPE_TRY(ReadUserInto(object, "author", author));
  LOUPE_TRY(ReadUserInto(object, "committer", committer));

  bool found = false;
  LOUPE_TRY(json::ForEachObject(object, "parents", found, [&](const json::Fields& parent) -> Status {
    Sha sha;
    LOUPE_TRY(parent.GitSha("sha", sha, Need::kRequired));
    out.parents.push_back(sha);
    return Status::Ok();
  }));

  json::dom::object stats_object;
  LOUPE_TRY(object.Object("stats", stats_object, out.has_stats));
  if (out.has_stats) {
    json::Fields stats(stats_object, object, "stats");
    LOUPE_TRY(stats.Int("additions", out.additions, Need::kRequired, 0));
    LOUPE_TRY(stats.Int("deletions", out.deletions, Need::kRequired, 0));
  }

  int64_t file_additions = 0;
  int64_t file_deletions = 0;
  LOUPE_TRY(json::ForEachObject(object, "files", out.has_files, [&](const json::Fields& file) -> Status {
    model::FileChange change;
    LOUPE_TRY(file.String("filename", change.path, Need::kRequired));
    std::string_view status;
    bool has_status = false;
    LOUPE_TRY(file.Text("status", status, Need::kOptional, has_status));
    if (!status.empty() && !model::ParseFileStatus(status, change.status)) {
      return InvalidInput("unknown file status " + QuoteForMessage(status) +
                          " (expected added, removed, modified, renamed, copied, changed or "
                          "unchanged)")
          .WithField(file.PathOf("status"));
    }
    LOUPE_TRY(file.Int32("additions", change.additions));
    LOUPE_TRY(file.Int32("deletions", change.deletions));
    LOUPE_TRY(file.String("previous_filename", change.old_path));
    file_additions += change.additions;
    file_deletions += change.deletions;
    out.files.push_back(std::move(change));
    return Status::Ok();
  }));
  out.changed_files = static_cast<int32_t>(out.files.size());
  // GitHub cuts files[] at 300 entries while stats stay whole: a list whose line counts fall
  // short of the stats is not the complete list the model's has_files promises.
  if (out.has_files && out.has_stats &&
      (file_additions != out.additions || file_deletions != out.deletions)) {
    out.has_files = false;
    out.files.clear();
  }

  out.author = InternPerson(batch, author);
  out.committer = InternPerson(batch, committer);
  AddCoAuthors(batch, out);
  return Status::Ok();
}

// [SECTION] pull requests, reviews and comments

Status ReadPullRequest(const json::Fields& object, const Context& context, model::Workspace& batch,
                       model::PullRequest& out) {
  LOUPE_TRY(object.Int("id", out.github_id, Need::kOptional, 0));
  LOUPE_TRY(object.Int("number", out.number, Need::kRequired, 1));
  std::string state;
  LOUPE_TRY(object.String("state", state, Need::kRequired));
  if (!model::ParsePrState(ToLowerAscii(state), out.state)) {
    return InvalidInput("unknown pull request state " + QuoteForMessage(state) +
                        " (expected open or closed)")
        .WithField(object.PathOf("state"));
  }
  LOUPE_TRY(object.String("title", out.title));
  LOUPE_TRY(ReadUser(object, "user", batch, out.author));
  LOUPE_TRY(object.String("body", out.body));
  LOUPE_TRY(object.Time("created_at", out.created_at));
  LOUPE_TRY(object.Time("updated_at", out.updated_at));
  LOUPE_TRY(object.Time("closed_at", out.closed_at));
  LOUPE_TRY(object.Time("merged_at", out.merged_at));
  LOUPE_TRY(object.GitSha("merge_commit_sha", out.merge_commit_sha));

  bool found = false;
  LOUPE_TRY(json::ForEachObject(
      object, "requested_reviewers", found, [&](const json::Fields& reviewer) -> Status {
        PersonRef person;
        LOUPE_TRY(reviewer.String("login", person.login, Need::kRequired));
        LOUPE_TRY(reviewer.Int("id", person.github_user_id, Need::kOptional, 0));
        out.requested_reviewers.push_back(InternPerson(batch, person));
        return Status::Ok();
      }));
  LOUPE_TRY(json::ForEachObject(object, "labels", found, [&](const json::Fields& label) -> Status {
    std::string name;
    LOUPE_TRY(label.String("name", name, Need::kRequired));
    out.labels.push_back(std::move(name));
    return Status::Ok();
  }));
  LOUPE_TRY(object.Bool("draft", out.draft));

  json::dom::object side;
  LOUPE_TRY(object.Object("head", side, found));
  if (found) {
    json::Fields head(side, object, "head");
    LOUPE_TRY(head.String("ref", out.head_ref));
    LOUPE_TRY(head.GitSha("sha", out.head_sha));
  }
  std::string repo_name;
  LOUPE_TRY(object.Object("base", side, found));
  if (found) {
    json::Fields base(side, object, "base");
    LOUPE_TRY(base.String("ref", out.base_ref));
    json::dom::object repo;
    LOUPE_TRY(base.Object("repo", repo, found));
    if (found) {
      json::Fields repo_fields(repo, base, "repo");
      LOUPE_TRY(repo_fields.String("full_name", repo_name));
    }
  }

  bool merged = false;
  LOUPE_TRY(object.Bool("merged", merged));
  for (auto [key, count] : {std::pair{"comments", &out.comments},
                            {"review_comments", &out.review_comments},
                            {"commits", &out.commits},
                            {"additions", &out.additions},
                            {"deletions", &out.deletions},
                            {"changed_files", &out.changed_files}}) {
    LOUPE_TRY(object.Int(key, *count, Need::kOptional, 0));
  }
  LOUPE_TRY(ReadUser(object, "merged_by", batch, out.merged_by));
  // REST says "closed" for merged pull requests too; the merge is what tells them apart.
  if (merged || out.merged_at != kNoInstant) out.state = model::PrState::kMerged;

  if (!repo_name.empty()) {
    out.repo = batch.InternRepo(repo_name);
  } else {
    LOUPE_TRY(ReadOwnRepo(object, "url", "pulls", "html_url", "pull", context, batch, out.repo));
  }
  return Status::Ok();
}

Status ReadReview(const json::Fields& object, const Context& context, model::Workspace& batch,
                  model::Review& out) {
  LOUPE_TRY(object.Int("id", out.github_id, Need::kRequired, 1));
  LOUPE_TRY(ReadUser(object, "user", batch, out.reviewer));
  LOUPE_TRY(object.String("body", out.body));
  std::string state;
  LOUPE_TRY(object.String("state", state, Need::kRequired));
  // REST says "APPROVED", webhooks and GH Archive "approved".
  if (!model::ParseReviewState(state, out.state)) {
    return InvalidInput("unknown review state " + QuoteForMessage(state) +
                        " (expected APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING)")
        .WithField(object.PathOf("state"));
  }
  LOUPE_TRY(ReadParent(object, "pull_request_url", "pulls", "pull", context, batch, out.repo,
                       out.pr_number));
  LOUPE_TRY(object.Time("submitted_at", out.submitted_at));
  return object.GitSha("commit_id", out.commit_id);
}

Status ReadReviewComment(const json::Fields& object, const Context& context, model::Workspace& batch,
                         model::Comment& out) {
  out.kind = model::CommentKind::kReview;
  LOUPE_TRY(object.Int("pull_request_review_id", out.review_id, Need::kOptional, 0));
  LOUPE_TRY(object.Int("id", out.github_id, Need::kRequired, 1));
  LOUPE_TRY(object.String("path", out.path));
  LOUPE_TRY(object.Int("in_reply_to_id", out.in_reply_to, Need::kOptional, 0));
  LOUPE_TRY(ReadUser(object, "user", batch, out.author));
  LOUPE_TRY(object.String("body", out.body));
  LOUPE_TRY(object.Time("created_at", out.created_at));
  LOUPE_TRY(object.Time("updated_at", out.updated_at));
  LOUPE_TRY(ReadParent(object, "pull_request_url", "pulls", "pull", context, batch, out.repo,
                       out.pr_number));
  // `line` is null once the diff moved on (an outdated comment); original_line still says where.
  bool has_line = false;
  LOUPE_TRY(object.Int32("line", out.line, Need::kOptional, &has_line));
  if (!has_line) LOUPE_TRY(object.Int32("original_line", out.line));
  return Status::Ok();
}

Status ReadIssueComment(const json::Fields& object, const Context& context, model::Workspace& batch,
                        model::Comment& out) {
  out.kind = model::CommentKind::kConversation;
  LOUPE_TRY(
      ReadParent(object, "issue_url", "issues", "issues", context, batch, out.repo, out.pr_number));
  LOUPE_TRY(object.Int("id", out.github_id, Need::kRequired, 1));
  LOUPE_TRY(ReadUser(object, "user", batch, out.author));
  LOUPE_TRY(object.Time("created_at", out.created_at));
  LOUPE_TRY(object.Time("updated_at", out.updated_at));
  return object.String("body", out.body);
}

}  // namespace loupe::ingest::github
