// loupe/model/review.h — a pull-request review and a comment on a pull request.
#pragma once
#include <cstdint>
#include <string>

#include "loupe/core/sha.h"
#include "loupe/core/time.h"
#include "loupe/model/ids.h"

namespace loupe::model {

//! Normalised at ingest: GitHub REST says "APPROVED", webhooks and GH Archive say "approved".
enum class ReviewState : uint8_t { kApproved = 0, kChangesRequested, kCommented, kDismissed, kPending };
std::string_view ReviewStateName(ReviewState state);  //!< "approved", "changes_requested", …
//! Case-insensitive; false for anything GitHub does not send.
bool ParseReviewState(std::string_view text, ReviewState& out);

struct Review {
  int64_t github_id = 0;  //!< natural key
  RepoId repo = kNoId;
  int64_t pr_number = 0;
  IdentityId reviewer = kNoId;
  ReviewState state = ReviewState::kCommented;
  Instant submitted_at = kNoInstant;
  std::string body;
  Sha commit_id;
  friend bool operator==(const Review&, const Review&) = default;
};

enum class CommentKind : uint8_t {
  kReview = 0,    //!< an inline review comment on the diff
  kConversation,  //!< a comment in the PR's conversation (GitHub's issue comment)
};
std::string_view CommentKindName(CommentKind kind);

struct Comment {
  int64_t github_id = 0;  //!< natural key (together with kind: the two id spaces differ)
  CommentKind kind = CommentKind::kReview;
  RepoId repo = kNoId;
  int64_t pr_number = 0;
  IdentityId author = kNoId;
  Instant created_at = kNoInstant;
  Instant updated_at = kNoInstant;
  std::string body;
  int64_t review_id = 0;    //!< the review an inline comment belongs to, 0 if none
  int64_t in_reply_to = 0;  //!< the comment it answers, 0 if none
  std::string path;         //!< inline comments: the file
  int32_t line = 0;         //!< inline comments: the line, 0 if unknown
  friend bool operator==(const Comment&, const Comment&) = default;
};

}  // namespace loupe::model
