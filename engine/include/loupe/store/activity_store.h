// loupe/store/activity_store.h — the columnar, time-sorted activity every computation reads.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "loupe/core/time.h"
#include "loupe/identity/resolver.h"
#include "loupe/model/workspace.h"

namespace loupe::store {

//! Flags of a commit row.
enum CommitFlag : uint8_t {
  kCommitMerge = 1 << 0,        //!< more than one parent
  kCommitBot = 1 << 1,          //!< authored by a developer the bot rules mark
  kCommitHasStats = 1 << 2,     //!< additions/deletions/files are known
  kCommitCoAuthored = 1 << 3,   //!< has Co-authored-by developers (see co_author_devs)
  kCommitOffsetKnown = 1 << 4,  //!< offset is the author's own, not a stand-in
  kCommitApproximate = 1 << 5,  //!< times are a push's arrival, not the commit's own
};

//! Commits, one row per commit, sorted by authored instant (ties by sha), as parallel columns.
//! Line counts saturate at UINT32_MAX (a generated-site commit cannot overflow a sum).
struct CommitColumns {
  std::vector<Instant> time;         //!< authored instant, UTC
  std::vector<Instant> committed;    //!< committer instant, UTC (aexy-compat windows use it)
  std::vector<int16_t> offset;       //!< author's UTC offset in minutes (0 when unknown)
  std::vector<uint32_t> developer;   //!< index into Resolution::developers()
  std::vector<uint32_t> repo;
  std::vector<uint32_t> additions;
  std::vector<uint32_t> deletions;
  std::vector<uint32_t> files;
  std::vector<uint8_t> flags;        //!< CommitFlag bits
  std::vector<uint32_t> source;      //!< index into Workspace::commits()
  //! Co-authors in CSR form: developers of row r are co_author_devs[co_author_begin[r] …
  //! co_author_begin[r + 1]), never the author, bots included (metrics filter them).
  std::vector<uint32_t> co_author_begin;
  std::vector<uint32_t> co_author_devs;

  size_t size() const { return time.size(); }
  //! The author's own UTC offset in minutes, or nullopt when the commit did not say.
  std::optional<int> own_offset(size_t row) const {
    return (flags[row] & kCommitOffsetKnown) != 0 ? std::optional<int>(offset[row]) : std::nullopt;
  }
};

//! Pull requests, sorted by creation instant (unknown creation first).
struct PullRequestColumns {
  std::vector<Instant> created;
  std::vector<Instant> merged;  //!< kNoInstant when not merged
  std::vector<Instant> closed;
  std::vector<uint32_t> author;  //!< developer index, kNoId for deleted accounts
  std::vector<uint32_t> repo;
  std::vector<int64_t> additions;  //!< -1 unknown
  std::vector<int64_t> deletions;
  std::vector<uint8_t> state;      //!< model::PrState
  std::vector<uint8_t> bot;        //!< author is a bot
  std::vector<uint8_t> draft;
  //! From the PR's own commit list, when imported: earliest author instant and latest committer
  //! instant of its commits found in the workspace; kNoInstant when unknown.
  std::vector<Instant> first_commit;
  std::vector<Instant> last_commit;
  std::vector<uint32_t> source;  //!< index into Workspace::pull_requests()
  //! Requested reviewers (developer indexes), CSR like the commit co-authors.
  std::vector<uint32_t> requested_begin;
  std::vector<uint32_t> requested_devs;
  size_t size() const { return created.size(); }
};

//! Reviews, sorted by submission instant (pending reviews without one come first).
struct ReviewColumns {
  std::vector<Instant> submitted;
  std::vector<uint32_t> reviewer;      //!< developer index
  std::vector<uint32_t> pull_request;  //!< row in PullRequestColumns, kNoId if the PR is unknown
  std::vector<uint8_t> state;          //!< model::ReviewState
  std::vector<uint32_t> comments;      //!< inline comments that belong to the review (derived)
  std::vector<uint8_t> self;           //!< the reviewer is the PR's author
  std::vector<uint8_t> bot;            //!< the reviewer is a bot
  std::vector<uint8_t> body_empty;     //!< no text beyond whitespace
  std::vector<uint32_t> source;
  size_t size() const { return submitted.size(); }
};

//! Comments (both kinds), sorted by creation instant.
struct CommentColumns {
  std::vector<Instant> created;
  std::vector<uint32_t> author;
  std::vector<uint32_t> pull_request;
  std::vector<uint8_t> kind;  //!< model::CommentKind
  size_t size() const { return created.size(); }
};

//! Rows grouped by a key (a developer, a PR): rows of key k are rows[begin[k] … begin[k + 1]).
struct RowIndex {
  std::vector<uint32_t> begin;
  std::vector<uint32_t> rows;
  std::span<const uint32_t> Of(uint32_t key) const {
    if (key + 1 >= begin.size()) return {};
    return {rows.data() + begin[key], rows.data() + begin[key + 1]};
  }
};

//! Built once from a workspace and its identity resolution; rebuilt when either changes.
class ActivityStore {
 public:
  static ActivityStore Build(const model::Workspace& ws, const identity::Resolution& resolution);

  const CommitColumns& commits() const { return commits_; }
  const PullRequestColumns& pull_requests() const { return pull_requests_; }
  const ReviewColumns& reviews() const { return reviews_; }
  const CommentColumns& comments() const { return comments_; }
  size_t developer_count() const { return developer_count_; }

  //! Rows of commits() authored by a developer, ascending by authored instant.
  std::span<const uint32_t> CommitsOf(uint32_t developer) const { return commits_by_dev_.Of(developer); }
  //! The same rows ascending by committer instant.
  std::span<const uint32_t> CommitsOfByCommitted(uint32_t developer) const {
    return commits_by_dev_committed_.Of(developer);
  }
  //! Rows of commits() that name the developer as co-author, ascending by authored instant.
  std::span<const uint32_t> CoAuthoredBy(uint32_t developer) const { return co_authored_by_dev_.Of(developer); }
  //! Rows of pull_requests() a developer authored, ascending by creation.
  std::span<const uint32_t> PullRequestsOf(uint32_t developer) const { return prs_by_dev_.Of(developer); }
  //! Rows of the developer's merged pull requests, ascending by merge instant.
  std::span<const uint32_t> MergedPullRequestsOf(uint32_t developer) const {
    return merged_prs_by_dev_.Of(developer);
  }
  //! Rows of reviews() a developer submitted, ascending by submission.
  std::span<const uint32_t> ReviewsBy(uint32_t developer) const { return reviews_by_dev_.Of(developer); }
  //! Rows of reviews() on the pull requests a developer authored, ascending by submission.
  std::span<const uint32_t> ReviewsReceivedBy(uint32_t developer) const { return reviews_received_by_dev_.Of(developer); }
  //! Rows of reviews() on a pull request row, ascending by submission.
  std::span<const uint32_t> ReviewsOn(uint32_t pr_row) const { return reviews_by_pr_.Of(pr_row); }
  //! Rows of pull_requests() that requested a developer's review, ascending by creation.
  std::span<const uint32_t> ReviewRequestsOf(uint32_t developer) const { return requested_by_dev_.Of(developer); }
  //! Rows of pull_requests() in a repository, ascending by creation.
  std::span<const uint32_t> PullRequestsIn(uint32_t repo) const { return prs_by_repo_.Of(repo); }
  //! How many rows of `part` — a contiguous part of one PullRequestsIn() span, such as a window of
  //! it — have a known author who is not a bot: O(1), from prefix counts.
  int64_t CountHumanAuthored(std::span<const uint32_t> part) const;
  //! Distinct rows of pull_requests() the developer reviewed in any state but pending, ascending
  //! (rows are in creation order).
  std::span<const uint32_t> PullRequestsReviewedBy(uint32_t developer) const {
    return reviewed_by_dev_.Of(developer);
  }

  //! Rows of commits() in [start, end) for everyone (binary search on the time column).
  std::pair<uint32_t, uint32_t> CommitRange(Instant start, Instant end) const;

  //! Heap bytes held by the commit columns and their indexes, divided by the commit count: the
  //! budget is 96 bytes per commit (file changes are not held here).
  double CommitBytesPerCommit() const;
  size_t MemoryBytes() const;

 private:
  CommitColumns commits_;
  PullRequestColumns pull_requests_;
  ReviewColumns reviews_;
  CommentColumns comments_;
  size_t developer_count_ = 0;
  RowIndex commits_by_dev_;
  RowIndex commits_by_dev_committed_;
  RowIndex co_authored_by_dev_;
  RowIndex prs_by_dev_;
  RowIndex merged_prs_by_dev_;
  RowIndex prs_by_repo_;
  //! human_before_[i]: rows of prs_by_repo_.rows before position i with a known, non-bot author.
  std::vector<uint32_t> human_before_;
  RowIndex requested_by_dev_;
  RowIndex reviewed_by_dev_;
  RowIndex reviews_by_dev_;
  RowIndex reviews_by_pr_;
  RowIndex reviews_received_by_dev_;
};

}  // namespace loupe::store
