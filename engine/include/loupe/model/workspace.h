// loupe/model/workspace.h — every entity of one workspace, with natural-key indexes, and the
// plan/apply protocol that makes imports all-or-nothing.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "loupe/model/commit.h"
#include "loupe/model/identity.h"
#include "loupe/model/identity_rules.h"
#include "loupe/model/manifest.h"
#include "loupe/model/pull_request.h"
#include "loupe/model/repository.h"
#include "loupe/model/review.h"

namespace loupe::model {

//! What importing a batch would change in a workspace, with ids already in the workspace's id
//! space. Rows are complete (merged) values: storage upserts them, Workspace::Apply moves them
//! in. Planning never mutates, so a failed storage write leaves both sides untouched.
struct ChangeSet {
  std::vector<Repository> repositories;    //!< new ones only (repositories never change)
  std::vector<Identity> identities;        //!< new or updated (a new name seen)
  std::vector<IdentityLink> links;         //!< new ones only
  std::vector<Commit> commits;             //!< new or changed
  std::vector<PullRequest> pull_requests;  //!< new or changed
  std::vector<Review> reviews;
  std::vector<Comment> comments;
  std::vector<ManifestSnapshot> manifests;
  std::optional<IdentityRules> rules;  //!< the whole new rule set, when the batch changed it

  //! How many of each kind are new (the rest of each vector are updates).
  struct Counts {
    int64_t new_identities = 0, new_commits = 0, new_pull_requests = 0, new_reviews = 0,
            new_comments = 0, new_manifests = 0;
  } counts;

  bool empty() const {
    return repositories.empty() && identities.empty() && links.empty() && commits.empty() &&
           pull_requests.empty() && reviews.empty() && comments.empty() && manifests.empty() &&
           !rules.has_value();
  }
};

//! The workspace's entities. Importers fill a fresh Workspace (the batch); Plan() merges a batch
//! into this one by natural keys (sha, repo+number, GitHub ids) without changing it.
class Workspace {
 public:
  Workspace();

  const std::vector<Repository>& repositories() const { return repositories_; }
  const std::vector<Identity>& identities() const { return identities_; }
  const std::vector<IdentityLink>& links() const { return links_; }
  const std::vector<Commit>& commits() const { return commits_; }
  const std::vector<PullRequest>& pull_requests() const { return pull_requests_; }
  const std::vector<Review>& reviews() const { return reviews_; }
  const std::vector<Comment>& comments() const { return comments_; }
  const std::vector<ManifestSnapshot>& manifests() const { return manifests_; }
  const IdentityRules& rules() const { return rules_; }

  //! kNoId / nullptr when absent. Keys are matched ASCII-case-insensitively where GitHub does.
  RepoId FindRepo(std::string_view full_name) const;
  IdentityId FindIdentity(IdentityKind kind, std::string_view value) const;
  const Commit* FindCommit(const Sha& sha) const;
  const PullRequest* FindPullRequest(RepoId repo, int64_t number) const;

  //! Builders, used by importers on a batch and by loading from storage.
  RepoId InternRepo(std::string_view full_name);
  //! `name` (may be empty) is added to the identity's names when new.
  IdentityId InternEmail(std::string_view email, std::string_view name);
  IdentityId InternLogin(std::string_view login, int64_t github_user_id, std::string_view name);
  void AddLink(IdentityId a, IdentityId b);
  //! Each Upsert merges into an existing entity with the same natural key (see MergeInto rules
  //! in workspace.cpp: unknown fields are filled, newer snapshots win, nothing known is lost).
  void UpsertCommit(Commit commit);
  void UpsertPullRequest(PullRequest pr);
  void UpsertReview(Review review);
  void UpsertComment(Comment comment);
  void UpsertManifest(ManifestSnapshot manifest);
  IdentityRules& mutable_rules() { return rules_; }
  //! Marks this (batch) workspace's rules as something to merge into the target on Plan().
  void set_carries_rules(bool carries) { carries_rules_ = carries; }

  //! What merging `batch` into this workspace would change.
  ChangeSet Plan(const Workspace& batch) const;
  //! Applies a ChangeSet made by Plan() on this workspace (and nothing changed in between).
  void Apply(ChangeSet changes);

  //! Loading from storage: rows come with their stored ids, in id order.
  void LoadRepository(Repository repo);
  void LoadIdentity(Identity identity);

  //! Approximate heap bytes held (for benchmarks and the bytes-per-commit report).
  size_t MemoryBytes() const;

 private:
  struct PrKeyHash {
    size_t operator()(const std::pair<RepoId, int64_t>& k) const {
      return std::hash<int64_t>()(k.second * 1000003 + k.first);
    }
  };
  IdentityId InternIdentity(IdentityKind kind, std::string_view value, int64_t github_user_id,
                            std::string_view name);
  static std::string IdentityIndexKey(IdentityKind kind, std::string_view value);
  static std::string ManifestKey(RepoId repo, std::string_view path, const Sha& commit);

  std::vector<Repository> repositories_;
  std::vector<Identity> identities_;
  std::vector<IdentityLink> links_;
  std::vector<Commit> commits_;
  std::vector<PullRequest> pull_requests_;
  std::vector<Review> reviews_;
  std::vector<Comment> comments_;
  std::vector<ManifestSnapshot> manifests_;
  IdentityRules rules_;
  bool carries_rules_ = false;

  std::unordered_map<std::string, RepoId> repo_index_;
  std::unordered_map<std::string, IdentityId> identity_index_;
  std::unordered_map<uint64_t, bool> link_index_;
  std::unordered_map<Sha, uint32_t, ShaHash> commit_index_;
  std::unordered_map<std::pair<RepoId, int64_t>, uint32_t, PrKeyHash> pr_index_;
  std::unordered_map<int64_t, uint32_t> review_index_;
  std::unordered_map<int64_t, uint32_t> comment_index_[2];
  std::unordered_map<std::string, uint32_t> manifest_index_;
};

//! Merge rules shared by in-batch duplicates and Plan(); each returns true if `into` changed.
bool MergeInto(Commit& into, const Commit& incoming);
bool MergeInto(PullRequest& into, const PullRequest& incoming);
bool MergeInto(Review& into, const Review& incoming);
bool MergeInto(Comment& into, const Comment& incoming);
bool MergeInto(Identity& into, const Identity& incoming);
bool MergeInto(IdentityRules& into, const IdentityRules& incoming);

}  // namespace loupe::model
