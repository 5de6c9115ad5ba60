#include "loupe/model/review.h"

#include "loupe/core/strings.h"

namespace loupe::model {

namespace {
constexpr std::string_view kReviewStateNames[] = {"approved", "changes_requested", "commented",
                                                  "dismissed", "pending"};
}

std::string_view ReviewStateName(ReviewState state) {
  return kReviewStateNames[static_cast<int>(state)];
}

bool ParseReviewState(std::string_view text, ReviewState& out) {
  for (size_t i = 0; i < std::size(kReviewStateNames); ++i) {
    if (EqualsIgnoreCaseAscii(text, kReviewStateNames[i])) {
      out = static_cast<ReviewState>(i);
      return true;
    }
  }
  return false;
}

std::string_view CommentKindName(CommentKind kind) {
  return kind == CommentKind::kReview ? "review" : "conversation";
}

}  // namespace loupe::model
