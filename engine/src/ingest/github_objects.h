// ingest/github_objects.h (internal) — reading one REST-shaped GitHub object (commit, pull
// request, review, review comment, issue comment, user) into a batch's entities. Shared by the
// REST importer and the GH Archive importer, whose event payloads embed the same objects.
#pragma once
#include <cstdint>
#include <string_view>

#include "ingest/json_fields.h"
#include "loupe/core/status.h"
#include "loupe/model/workspace.h"

namespace loupe::ingest::github {

enum class ObjectKind : uint8_t {
  kUnknown = 0,
  kCommit,
  kPullRequest,
  kReview,
  kReviewComment,
  kIssueComment,
};

//! Recognises an object by its keys (the rules are in docs/formats.md, "GitHub REST JSON").
ObjectKind Classify(json::dom::object object);

//! What the surrounding input knows when an object does not say it itself.
struct Context {
  std::string_view repo;  //!< "owner/name" to use when the object names no repository
  int64_t pr_number = 0;  //!< the pull request reviews and comments belong to, 0 if unknown
};

//! The `key` user object ({login, id}) of `parent` as a login identity; kNoId when the field is
//! absent or null (GitHub sends null for deleted accounts).
Status ReadUser(const json::Fields& parent, std::string_view key, model::Workspace& batch,
                model::IdentityId& out);

//! A commit as the REST commit endpoints return it (list item or single commit with stats/files).
//! Identities are interned in `batch`; the caller upserts `out`.
Status ReadCommit(const json::Fields& object, const Context& context, model::Workspace& batch,
                  model::Commit& out);
//! A pull request from the list endpoint (counts stay -1) or the single-PR endpoint.
Status ReadPullRequest(const json::Fields& object, const Context& context, model::Workspace& batch,
                       model::PullRequest& out);
Status ReadReview(const json::Fields& object, const Context& context, model::Workspace& batch,
                  model::Review& out);
//! An inline review comment (CommentKind::kReview).
Status ReadReviewComment(const json::Fields& object, const Context& context, model::Workspace& batch,
                         model::Comment& out);
//! An issue comment, i.e. a comment in a pull request's conversation (CommentKind::kConversation).
Status ReadIssueComment(const json::Fields& object, const Context& context, model::Workspace& batch,
                        model::Comment& out);

}  // namespace loupe::ingest::github
