// loupe/privacy/erase.h — erasing a developer completely: planned here, stored by the storage
// layer in one transaction, applied by the session. docs/privacy.md lists what goes and what stays.
#pragma once
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "loupe/alerts/alert.h"
#include "loupe/core/sha.h"
#include "loupe/identity/resolver.h"
#include "loupe/model/settings.h"
#include "loupe/model/workspace.h"
#include "loupe/snapshots/snapshot.h"

namespace loupe::privacy {

//! Everything a session holds about a workspace, borrowed.
struct WorkspaceView {
  const model::Workspace& workspace;
  const identity::Resolution& resolution;
  const model::WorkspaceSettings& settings;
  const snapshots::SnapshotBook& snapshots;
  const alerts::AlertBook& alerts;
};

//! Identity ids after erasure: the kept identities keep their order and close the gaps, so every
//! id above an erased one moves down by the number of erased ids below it.
class IdentityRenumbering {
 public:
  explicit IdentityRenumbering(std::vector<model::IdentityId> erased) : erased_(std::move(erased)) {}
  //! The ascending erased ids.
  std::span<const model::IdentityId> erased() const { return erased_; }
  bool IsErased(model::IdentityId id) const;
  //! The new id of a kept identity (kNoId stays kNoId).
  model::IdentityId NewId(model::IdentityId id) const;

 private:
  std::vector<model::IdentityId> erased_;
};

//! What erasing one developer removes and rewrites. Keys name the rows as stored now; rows in
//! `rewritten`, `workspace` and `settings` already carry the new identity ids.
struct Erasure {
  model::DeveloperId developer = model::kNoId;
  IdentityRenumbering renumbering{{}};
  std::vector<Sha> commits;                                    //!< authored by the developer
  std::vector<std::pair<model::RepoId, int64_t>> pull_requests;  //!< authored by the developer
  std::vector<int64_t> reviews;  //!< by GitHub id: given by the developer or on their PRs
  std::vector<std::pair<model::CommentKind, int64_t>> comments;  //!< written by them or on their PRs
  //! Rows of other people that named the developer, as they are afterwards: commits (co-author
  //! link and its Co-authored-by line removed, committer cleared), PRs (merged_by cleared,
  //! review request removed); `rules` without the rules naming the developer.
  model::ChangeSet rewritten;
  snapshots::SnapshotChanges snapshots;  //!< removes the developer's snapshots
  alerts::AlertChanges alerts;  //!< removes the developer's alerts and the rules scoped to them
  model::WorkspaceSettings settings;  //!< afterwards: no schedule, no team membership
  model::Workspace workspace;         //!< the whole workspace afterwards

  struct Counts {
    int64_t identities = 0, commits = 0, pull_requests = 0, reviews = 0, comments = 0,
            rewritten_commits = 0, rewritten_pull_requests = 0, rules = 0, schedules = 0,
            team_memberships = 0, snapshots = 0, alerts = 0, alert_rules = 0;
  } counts;
};

//! Plans the erasure of `developer` (an index into view.resolution); changes nothing.
Erasure PlanErasure(const WorkspaceView& view, uint32_t developer);

}  // namespace loupe::privacy
