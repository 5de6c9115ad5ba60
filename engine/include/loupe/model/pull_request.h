// loupe/model/pull_request.h — a pull request: its lifecycle, size and participants.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "loupe/core/sha.h"
#include "loupe/core/time.h"
#include "loupe/model/ids.h"

namespace loupe::model {

enum class PrState : uint8_t { kOpen = 0, kClosed, kMerged };
std::string_view PrStateName(PrState state);
bool ParsePrState(std::string_view name, PrState& out);

//! Counts that list endpoints do not return are -1 ("unknown"), never a made-up 0.
struct PullRequest {
  RepoId repo = kNoId;
  int64_t number = 0;
  int64_t github_id = 0;
  IdentityId author = kNoId;
  std::string title;
  std::string body;
  PrState state = PrState::kOpen;
  bool draft = false;
  Instant created_at = kNoInstant;
  Instant updated_at = kNoInstant;
  Instant ready_at = kNoInstant;  //!< left draft (GH Archive ready_for_review), when known
  Instant merged_at = kNoInstant;
  Instant closed_at = kNoInstant;
  IdentityId merged_by = kNoId;
  int64_t additions = -1;
  int64_t deletions = -1;
  int64_t changed_files = -1;
  int64_t commits = -1;
  int64_t comments = -1;
  int64_t review_comments = -1;
  std::vector<IdentityId> requested_reviewers;
  std::vector<std::string> labels;
  std::string base_ref;
  std::string head_ref;
  Sha head_sha;
  Sha merge_commit_sha;
  std::vector<Sha> commit_shas;  //!< the PR's own commits, when a PR-commits list was imported

  friend bool operator==(const PullRequest&, const PullRequest&) = default;
};

}  // namespace loupe::model
