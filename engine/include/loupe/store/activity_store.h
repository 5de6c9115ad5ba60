// loupe/store/activity_store.h — the columnar, time-sorted activity every computation reads.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "loupe/core/time.h"
#include "loupe/identity/resolver.h"
#include "loupe/model/workspace.h"

namespace loupe::store {

//! Flags of a commit row.
enum CommitFlag : uint8_t {
  kCommitMerge = 1 << 0,       //!< more than one parent
  kCommitBot = 1 << 1,         //!< authored by a developer the bot rules mark
  kCommitHasStats = 1 << 2,    //!< additions/deletions/files are known
  kCommitCoAuthored = 1 << 3,  //!< has Co-authored-by developers (see co_authors)
  kCommitOffsetKnown = 1 << 4, //!< offset is the author's own, not a stand-in
};

//! Commits, one row per commit, sorted by authored instant (ties by sha), as parallel columns.
//! Line counts saturate at UINT32_MAX (a generated-site commit cannot overflow a sum).
struct CommitColumns {
  std::vector<Instant> time;           //!< authored instant, UTC
  std::vector<int16_t> offset;         //!< author's UTC offset in minutes (0 when unknown)
  std::vector<uint32_t> developer;     //!< index into Resolution::developers()
  std::vector<uint32_t> repo;
  std::vector<uint32_t> additions;
  std::vector<uint32_t> deletions;
  std::vector<uint32_t> files;
  std::vector<uint8_t> flags;          //!< CommitFlag bits
  std::vector<uint32_t> source;        //!< index into Workspace::commits()
  //! Co-authors in CSR form: developers of row r are co_author_devs[co_author_begin[r] …
  //! co_author_begin[r + 1]).
  std::vector<uint32_t> co_author_begin;
  std::vector<uint32_t> co_author_devs;

  size_t size() const { return time.size(); }
};

//! Pull requests, sorted by creation instant.
struct PullRequestColumns {
  std::vector<Instant> created;
  std::vector<Instant> merged;  //!< kNoInstant when not merged
  std::vector<Instant> closed;
  std::vector<uint32_t> author;  //!< developer index, kNoId for deleted accounts
  std::vector<uint32_t> repo;
  std::vector<int64_t> additions;  //!< -1 unknown
  std::vector<int64_t> deletions;
  std::vector<uint8_t> state;    //!< model::PrState
  std::vector<uint8_t> bot;      //!< author is a bot
  std::vector<uint32_t> source;  //!< index into Workspace::pull_requests()
  size_t size() const { return created.size(); }
};

//! Reviews, sorted by submission instant (pending reviews without one come first).
struct ReviewColumns {
  std::vector<Instant> submitted;
  std::vector<uint32_t> reviewer;  //!< developer index
  std::vector<uint32_t> pull_request;  //!< row in PullRequestColumns, kNoId if the PR is unknown
  std::vector<uint8_t> state;      //!< model::ReviewState
  std::vector<uint32_t> comments;  //!< inline comments that belong to the review (derived)
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

//! Built once from a workspace and its identity resolution; rebuilt when either changes.
class ActivityStore {
 public:
  static ActivityStore Build(const model::Workspace& ws, const identity::Resolution& resolution);

  const CommitColumns& commits() const { return commits_; }
  const PullRequestColumns& pull_requests() const { return pull_requests_; }
  const ReviewColumns& reviews() const { return reviews_; }
  const CommentColumns& comments() const { return comments_; }
  size_t developer_count() const { return developer_count_; }

  //! Rows of commits() authored by a developer, ascending in time.
  std::span<const uint32_t> CommitsOf(uint32_t developer) const;
  //! Rows of commits() in [start, end) for everyone (binary search on the time column).
  std::pair<uint32_t, uint32_t> CommitRange(Instant start, Instant end) const;

  //! Heap bytes held by the commit columns and their per-developer index, divided by the commit
  //! count: the budget is 96 bytes per commit (file changes are not held here).
  double CommitBytesPerCommit() const;
  size_t MemoryBytes() const;

 private:
  CommitColumns commits_;
  PullRequestColumns pull_requests_;
  ReviewColumns reviews_;
  CommentColumns comments_;
  size_t developer_count_ = 0;
  std::vector<uint32_t> dev_commit_begin_;  //!< CSR: developer → rows
  std::vector<uint32_t> dev_commit_rows_;
};

}  // namespace loupe::store
