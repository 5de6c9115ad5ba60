#include "loupe/model/workspace.h"

#include <algorithm>

#include "loupe/core/strings.h"

namespace loupe::model {

Workspace::Workspace() = default;

// [SECTION] merge rules

namespace {

template <typename T>
bool FillIfUnknown(T& into, const T& incoming, const T& unknown) {
  if (into == unknown && incoming != unknown) {
    into = incoming;
    return true;
  }
  return false;
}

bool FillIfEmpty(std::string& into, const std::string& incoming) {
  if (into.empty() && !incoming.empty()) {
    into = incoming;
    return true;
  }
  return false;
}

bool FillIfEmpty(Sha& into, const Sha& incoming) {
  if (into.empty() && !incoming.empty()) {
    into = incoming;
    return true;
  }
  return false;
}

template <typename T>
bool AppendMissing(std::vector<T>& into, const std::vector<T>& incoming) {
  bool changed = false;
  for (const T& v : incoming) {
    if (std::find(into.begin(), into.end(), v) == into.end()) {
      into.push_back(v);
      changed = true;
    }
  }
  return changed;
}

bool FillTimestamp(Timestamp& into, const Timestamp& incoming) {
  if (!incoming.known()) return false;
  // A time with the author's offset is richer than the same time without one (push events).
  if (!into.known() || (!into.has_offset() && incoming.has_offset())) {
    if (into == incoming) return false;
    into = incoming;
    return true;
  }
  return false;
}

bool IsNewer(Instant incoming, Instant existing) {
  return incoming != kNoInstant && (existing == kNoInstant || incoming > existing);
}

}  // namespace

bool MergeInto(Commit& into, const Commit& incoming) {
  bool changed = false;
  changed |= FillIfUnknown(into.repo, incoming.repo, kNoId);
  changed |= FillIfUnknown(into.author, incoming.author, kNoId);
  changed |= FillIfUnknown(into.committer, incoming.committer, kNoId);
  if (!into.authored.known() && incoming.authored.known()) {
    into.approximate_time = incoming.approximate_time;
  } else if (into.approximate_time && !incoming.approximate_time && incoming.authored.known()) {
    into.authored = incoming.authored;
    into.committed = incoming.committed;
    into.approximate_time = false;
    changed = true;
  }
  changed |= FillTimestamp(into.authored, incoming.authored);
  changed |= FillTimestamp(into.committed, incoming.committed);
  // Some sources shorten messages (push events keep the subject only): the longer one wins.
  if (incoming.message.size() > into.message.size()) {
    into.message = incoming.message;
    changed = true;
  }
  if (into.parents.empty() && !incoming.parents.empty()) {
    into.parents = incoming.parents;
    changed = true;
  }
  changed |= AppendMissing(into.co_authors, incoming.co_authors);
  if (!into.has_files && incoming.has_files) {
    into.files = incoming.files;
    into.has_files = true;
    changed = true;
  }
  if (!into.has_stats && incoming.has_stats) {
    into.additions = incoming.additions;
    into.deletions = incoming.deletions;
    into.changed_files = incoming.changed_files;
    into.has_stats = true;
    changed = true;
  }
  changed |= FillIfEmpty(into.source_ref, incoming.source_ref);
  return changed;
}

bool MergeInto(PullRequest& into, const PullRequest& incoming) {
  const PullRequest before = into;
  if (IsNewer(incoming.updated_at, into.updated_at)) {
    // A later snapshot of the same PR is authoritative for everything that can change.
    into.updated_at = incoming.updated_at;
    into.title = incoming.title;
    into.body = incoming.body;
    into.state = incoming.state;
    into.draft = incoming.draft;
    into.merged_at = incoming.merged_at;
    into.closed_at = incoming.closed_at;
    if (incoming.merged_by != kNoId) into.merged_by = incoming.merged_by;
    into.labels = incoming.labels;
    into.requested_reviewers = incoming.requested_reviewers;
    if (!incoming.base_ref.empty()) into.base_ref = incoming.base_ref;
    if (!incoming.head_ref.empty()) into.head_ref = incoming.head_ref;
    if (!incoming.head_sha.empty()) into.head_sha = incoming.head_sha;
    if (!incoming.merge_commit_sha.empty()) into.merge_commit_sha = incoming.merge_commit_sha;
    for (auto [dst, src] : {std::pair{&into.additions, incoming.additions},
                            {&into.deletions, incoming.deletions},
                            {&into.changed_files, incoming.changed_files},
                            {&into.commits, incoming.commits},
                            {&into.comments, incoming.comments},
                            {&into.review_comments, incoming.review_comments}}) {
      if (src >= 0) *dst = src;
    }
  } else {
    FillIfEmpty(into.title, incoming.title);
    FillIfEmpty(into.body, incoming.body);
    FillIfUnknown(into.merged_at, incoming.merged_at, kNoInstant);
    FillIfUnknown(into.closed_at, incoming.closed_at, kNoInstant);
    FillIfUnknown(into.merged_by, incoming.merged_by, kNoId);
    FillIfEmpty(into.base_ref, incoming.base_ref);
    FillIfEmpty(into.head_ref, incoming.head_ref);
    FillIfEmpty(into.head_sha, incoming.head_sha);
    FillIfEmpty(into.merge_commit_sha, incoming.merge_commit_sha);
    FillIfUnknown(into.additions, incoming.additions, int64_t{-1});
    FillIfUnknown(into.deletions, incoming.deletions, int64_t{-1});
    FillIfUnknown(into.changed_files, incoming.changed_files, int64_t{-1});
    FillIfUnknown(into.commits, incoming.commits, int64_t{-1});
    FillIfUnknown(into.comments, incoming.comments, int64_t{-1});
    FillIfUnknown(into.review_comments, incoming.review_comments, int64_t{-1});
    if (into.labels.empty()) into.labels = incoming.labels;
    if (into.requested_reviewers.empty()) into.requested_reviewers = incoming.requested_reviewers;
  }
  FillIfUnknown(into.repo, incoming.repo, kNoId);
  FillIfUnknown(into.github_id, incoming.github_id, int64_t{0});
  FillIfUnknown(into.author, incoming.author, kNoId);
  FillIfUnknown(into.created_at, incoming.created_at, kNoInstant);
  FillIfUnknown(into.ready_at, incoming.ready_at, kNoInstant);
  AppendMissing(into.commit_shas, incoming.commit_shas);
  return !(into == before);
}

bool MergeInto(Review& into, const Review& incoming) {
  bool changed = false;
  changed |= FillIfUnknown(into.repo, incoming.repo, kNoId);
  changed |= FillIfUnknown(into.pr_number, incoming.pr_number, int64_t{0});
  changed |= FillIfUnknown(into.reviewer, incoming.reviewer, kNoId);
  changed |= FillIfUnknown(into.submitted_at, incoming.submitted_at, kNoInstant);
  changed |= FillIfEmpty(into.body, incoming.body);
  changed |= FillIfEmpty(into.commit_id, incoming.commit_id);
  // Dismissal is the one later change a review undergoes, and it is final.
  if (incoming.state == ReviewState::kDismissed && into.state != ReviewState::kDismissed) {
    into.state = ReviewState::kDismissed;
    changed = true;
  }
  return changed;
}

bool MergeInto(Comment& into, const Comment& incoming) {
  bool changed = false;
  if (IsNewer(incoming.updated_at, into.updated_at)) {
    into.updated_at = incoming.updated_at;
    if (into.body != incoming.body) into.body = incoming.body;
    changed = true;
  }
  changed |= FillIfUnknown(into.repo, incoming.repo, kNoId);
  changed |= FillIfUnknown(into.pr_number, incoming.pr_number, int64_t{0});
  changed |= FillIfUnknown(into.author, incoming.author, kNoId);
  changed |= FillIfUnknown(into.created_at, incoming.created_at, kNoInstant);
  changed |= FillIfEmpty(into.body, incoming.body);
  changed |= FillIfUnknown(into.review_id, incoming.review_id, int64_t{0});
  changed |= FillIfUnknown(into.in_reply_to, incoming.in_reply_to, int64_t{0});
  changed |= FillIfEmpty(into.path, incoming.path);
  changed |= FillIfUnknown(into.line, incoming.line, int32_t{0});
  return changed;
}

bool MergeInto(Identity& into, const Identity& incoming) {
  bool changed = AppendMissing(into.names, incoming.names);
  changed |= FillIfEmpty(into.spelling, incoming.spelling);
  changed |= FillIfUnknown(into.github_user_id, incoming.github_user_id, int64_t{0});
  return changed;
}

bool MergeInto(IdentityRules& into, const IdentityRules& incoming) {
  bool changed = AppendMissing(into.merges, incoming.merges);
  changed |= AppendMissing(into.splits, incoming.splits);
  changed |= AppendMissing(into.mailmap, incoming.mailmap);
  changed |= AppendMissing(into.bot_rules, incoming.bot_rules);
  return changed;
}

// [SECTION] lookups and builders

std::string Workspace::IdentityIndexKey(IdentityKind kind, std::string_view value) {
  std::string key = kind == IdentityKind::kEmail ? "e:" : "l:";
  key += ToLowerAscii(value);
  return key;
}

std::string Workspace::ManifestKey(RepoId repo, std::string_view path, const Sha& commit) {
  std::string key = std::to_string(repo);
  key += '\x1f';
  key.append(path);
  key += '\x1f';
  key.append(reinterpret_cast<const char*>(commit.bytes.data()), commit.bytes.size());
  return key;
}

RepoId Workspace::FindRepo(std::string_view full_name) const {
  auto it = repo_index_.find(ToLowerAscii(full_name));
  return it == repo_index_.end() ? kNoId : it->second;
}

IdentityId Workspace::FindIdentity(IdentityKind kind, std::string_view value) const {
  auto it = identity_index_.find(IdentityIndexKey(kind, value));
  return it == identity_index_.end() ? kNoId : it->second;
}

const Commit* Workspace::FindCommit(const Sha& sha) const {
  auto it = commit_index_.find(sha);
  return it == commit_index_.end() ? nullptr : &commits_[it->second];
}

const PullRequest* Workspace::FindPullRequest(RepoId repo, int64_t number) const {
  auto it = pr_index_.find({repo, number});
  return it == pr_index_.end() ? nullptr : &pull_requests_[it->second];
}

RepoId Workspace::InternRepo(std::string_view full_name) {
  const RepoId existing = FindRepo(full_name);
  if (existing != kNoId) return existing;
  LoadRepository(Repository{static_cast<RepoId>(repositories_.size()), std::string(full_name)});
  return repositories_.back().id;
}

void Workspace::LoadRepository(Repository repo) {
  LOUPE_ASSERT(repo.id == repositories_.size(), "repositories are loaded in id order");
  repo_index_.emplace(ToLowerAscii(repo.full_name), repo.id);
  repositories_.push_back(std::move(repo));
}

void Workspace::LoadIdentity(Identity identity) {
  LOUPE_ASSERT(identity.id == identities_.size(), "identities are loaded in id order");
  identity_index_.emplace(IdentityIndexKey(identity.kind, identity.key), identity.id);
  identities_.push_back(std::move(identity));
}

IdentityId Workspace::InternIdentity(IdentityKind kind, std::string_view value,
                                     int64_t github_user_id, std::string_view name) {
  // Hot path of every importer: one hash lookup, no allocation when the identity is known.
  std::string index_key = IdentityIndexKey(kind, value);
  auto it = identity_index_.find(index_key);
  if (it != identity_index_.end()) {
    Identity& known = identities_[it->second];
    if (!name.empty() && std::find(known.names.begin(), known.names.end(), name) == known.names.end()) {
      known.names.emplace_back(name);
    }
    if (known.github_user_id == 0) known.github_user_id = github_user_id;
    return known.id;
  }
  Identity fresh;
  fresh.id = static_cast<IdentityId>(identities_.size());
  fresh.kind = kind;
  fresh.key = index_key.substr(2);
  fresh.spelling = std::string(value);
  if (!name.empty()) fresh.names.emplace_back(name);
  fresh.github_user_id = github_user_id;
  identity_index_.emplace(std::move(index_key), fresh.id);
  identities_.push_back(std::move(fresh));
  return identities_.back().id;
}

IdentityId Workspace::InternEmail(std::string_view email, std::string_view name) {
  return InternIdentity(IdentityKind::kEmail, email, 0, name);
}

IdentityId Workspace::InternLogin(std::string_view login, int64_t github_user_id,
                                  std::string_view name) {
  return InternIdentity(IdentityKind::kLogin, login, github_user_id, name);
}

void Workspace::AddLink(IdentityId a, IdentityId b) {
  if (a == b || a == kNoId || b == kNoId) return;
  if (a > b) std::swap(a, b);
  if (link_index_.emplace(uint64_t{a} << 32 | b, true).second) links_.push_back({a, b});
}

template <typename T, typename Index, typename Key>
static void UpsertInto(std::vector<T>& rows, Index& index, const Key& key, T value) {
  auto it = index.find(key);
  if (it != index.end()) {
    MergeInto(rows[it->second], value);
    return;
  }
  index.emplace(key, static_cast<uint32_t>(rows.size()));
  rows.push_back(std::move(value));
}

void Workspace::UpsertCommit(Commit commit) {
  const Sha sha = commit.sha;
  UpsertInto(commits_, commit_index_, sha, std::move(commit));
}

void Workspace::UpsertPullRequest(PullRequest pr) {
  const std::pair<RepoId, int64_t> key{pr.repo, pr.number};
  UpsertInto(pull_requests_, pr_index_, key, std::move(pr));
}

void Workspace::UpsertReview(Review review) {
  const int64_t key = review.github_id;
  UpsertInto(reviews_, review_index_, key, std::move(review));
}

void Workspace::UpsertComment(Comment comment) {
  const int64_t key = comment.github_id;
  UpsertInto(comments_, comment_index_[static_cast<int>(comment.kind)], key, std::move(comment));
}

void Workspace::UpsertManifest(ManifestSnapshot manifest) {
  const std::string key = ManifestKey(manifest.repo, manifest.path, manifest.commit);
  auto it = manifest_index_.find(key);
  if (it != manifest_index_.end()) return;  // a manifest at a commit never changes
  manifest_index_.emplace(key, static_cast<uint32_t>(manifests_.size()));
  manifests_.push_back(std::move(manifest));
}

// [SECTION] plan and apply

ChangeSet Workspace::Plan(const Workspace& batch) const {
  ChangeSet cs;
  std::vector<RepoId> repo_map(batch.repositories_.size(), kNoId);
  for (const Repository& r : batch.repositories_) {
    RepoId id = FindRepo(r.full_name);
    if (id == kNoId) {
      id = static_cast<RepoId>(repositories_.size() + cs.repositories.size());
      cs.repositories.push_back({id, r.full_name});
    }
    repo_map[r.id] = id;
  }
  std::vector<IdentityId> identity_map(batch.identities_.size(), kNoId);
  IdentityId next_identity = static_cast<IdentityId>(identities_.size());
  for (const Identity& incoming : batch.identities_) {
    const IdentityId existing = FindIdentity(incoming.kind, incoming.key);
    if (existing == kNoId) {
      Identity fresh = incoming;
      fresh.id = next_identity++;
      identity_map[incoming.id] = fresh.id;
      cs.identities.push_back(std::move(fresh));
      ++cs.counts.new_identities;
      continue;
    }
    identity_map[incoming.id] = existing;
    Identity merged = identities_[existing];
    if (MergeInto(merged, incoming)) cs.identities.push_back(std::move(merged));
  }
  auto repo_of = [&](RepoId id) { return id == kNoId ? kNoId : repo_map[id]; };
  auto who = [&](IdentityId id) { return id == kNoId ? kNoId : identity_map[id]; };

  std::unordered_map<uint64_t, bool> new_links;
  for (IdentityLink link : batch.links_) {
    IdentityId a = who(link.a), b = who(link.b);
    if (a > b) std::swap(a, b);
    const uint64_t key = uint64_t{a} << 32 | b;
    if (a != b && !link_index_.count(key) && new_links.emplace(key, true).second) {
      cs.links.push_back({a, b});
    }
  }

  for (const Commit& c : batch.commits_) {
    Commit mapped = c;
    mapped.repo = repo_of(c.repo);
    mapped.author = who(c.author);
    mapped.committer = who(c.committer);
    for (IdentityId& co : mapped.co_authors) co = who(co);
    if (const Commit* existing = FindCommit(c.sha)) {
      Commit merged = *existing;
      if (MergeInto(merged, mapped)) cs.commits.push_back(std::move(merged));
    } else {
      cs.commits.push_back(std::move(mapped));
      ++cs.counts.new_commits;
    }
  }
  for (const PullRequest& p : batch.pull_requests_) {
    PullRequest mapped = p;
    mapped.repo = repo_of(p.repo);
    mapped.author = who(p.author);
    mapped.merged_by = who(p.merged_by);
    for (IdentityId& r : mapped.requested_reviewers) r = who(r);
    if (const PullRequest* existing = FindPullRequest(mapped.repo, mapped.number)) {
      PullRequest merged = *existing;
      if (MergeInto(merged, mapped)) cs.pull_requests.push_back(std::move(merged));
    } else {
      cs.pull_requests.push_back(std::move(mapped));
      ++cs.counts.new_pull_requests;
    }
  }
  for (const Review& r : batch.reviews_) {
    Review mapped = r;
    mapped.repo = repo_of(r.repo);
    mapped.reviewer = who(r.reviewer);
    auto it = review_index_.find(r.github_id);
    if (it != review_index_.end()) {
      Review merged = reviews_[it->second];
      if (MergeInto(merged, mapped)) cs.reviews.push_back(std::move(merged));
    } else {
      cs.reviews.push_back(std::move(mapped));
      ++cs.counts.new_reviews;
    }
  }
  for (const Comment& c : batch.comments_) {
    Comment mapped = c;
    mapped.repo = repo_of(c.repo);
    mapped.author = who(c.author);
    const auto& index = comment_index_[static_cast<int>(c.kind)];
    auto it = index.find(c.github_id);
    if (it != index.end()) {
      Comment merged = comments_[it->second];
      if (MergeInto(merged, mapped)) cs.comments.push_back(std::move(merged));
    } else {
      cs.comments.push_back(std::move(mapped));
      ++cs.counts.new_comments;
    }
  }
  for (const ManifestSnapshot& m : batch.manifests_) {
    ManifestSnapshot mapped = m;
    mapped.repo = repo_of(m.repo);
    if (!manifest_index_.count(ManifestKey(mapped.repo, mapped.path, mapped.commit))) {
      cs.manifests.push_back(std::move(mapped));
      ++cs.counts.new_manifests;
    }
  }
  if (batch.carries_rules_) {
    // Into an empty workspace the batch's rules are taken as they are (a bundle restores its
    // workspace exactly, removed default rules included); otherwise they are added to ours.
    const bool empty = identities_.empty() && commits_.empty() && pull_requests_.empty();
    IdentityRules merged = empty ? batch.rules_ : rules_;
    if (!empty) MergeInto(merged, batch.rules_);
    if (!(merged == rules_)) cs.rules = std::move(merged);
  }
  return cs;
}

void Workspace::Apply(ChangeSet changes) {
  for (Repository& r : changes.repositories) LoadRepository(std::move(r));
  for (Identity& i : changes.identities) {
    if (i.id < identities_.size()) {
      identities_[i.id] = std::move(i);
    } else {
      LoadIdentity(std::move(i));
    }
  }
  for (const IdentityLink& l : changes.links) AddLink(l.a, l.b);
  auto replace_or_append = [](auto& rows, auto& index, const auto& key, auto value) {
    auto it = index.find(key);
    if (it != index.end()) {
      rows[it->second] = std::move(value);
    } else {
      index.emplace(key, static_cast<uint32_t>(rows.size()));
      rows.push_back(std::move(value));
    }
  };
  for (Commit& c : changes.commits) {
    const Sha sha = c.sha;
    replace_or_append(commits_, commit_index_, sha, std::move(c));
  }
  for (PullRequest& p : changes.pull_requests) {
    const std::pair<RepoId, int64_t> key{p.repo, p.number};
    replace_or_append(pull_requests_, pr_index_, key, std::move(p));
  }
  for (Review& r : changes.reviews) {
    const int64_t key = r.github_id;
    replace_or_append(reviews_, review_index_, key, std::move(r));
  }
  for (Comment& c : changes.comments) {
    const int64_t key = c.github_id;
    replace_or_append(comments_, comment_index_[static_cast<int>(c.kind)], key, std::move(c));
  }
  for (ManifestSnapshot& m : changes.manifests) UpsertManifest(std::move(m));
  if (changes.rules) rules_ = std::move(*changes.rules);
}

// [SECTION] memory accounting

namespace {
size_t StringHeap(const std::string& s) {
  // Short strings live inside the object (SSO); only longer ones own heap bytes.
  return s.capacity() > 15 ? s.capacity() + 1 : 0;
}
template <typename T>
size_t VectorHeap(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}
template <typename Map>
size_t MapHeap(const Map& m) {
  // Node-based: one node (key, value, next pointer, cached hash) per entry plus the buckets.
  return m.size() * (sizeof(typename Map::value_type) + 2 * sizeof(void*)) +
         m.bucket_count() * sizeof(void*);
}
}  // namespace

size_t Workspace::MemoryBytes() const {
  size_t bytes = VectorHeap(repositories_) + VectorHeap(identities_) + VectorHeap(links_) +
                 VectorHeap(commits_) + VectorHeap(pull_requests_) + VectorHeap(reviews_) +
                 VectorHeap(comments_) + VectorHeap(manifests_);
  for (const Identity& i : identities_) {
    bytes += StringHeap(i.key) + StringHeap(i.spelling) + VectorHeap(i.names);
    for (const std::string& n : i.names) bytes += StringHeap(n);
  }
  for (const Commit& c : commits_) {
    bytes += StringHeap(c.message) + VectorHeap(c.parents) + VectorHeap(c.co_authors) +
             VectorHeap(c.files) + StringHeap(c.source_ref);
    for (const FileChange& f : c.files) bytes += StringHeap(f.path) + StringHeap(f.old_path);
  }
  for (const PullRequest& p : pull_requests_) {
    bytes += StringHeap(p.title) + StringHeap(p.body) + VectorHeap(p.commit_shas) +
             VectorHeap(p.labels) + VectorHeap(p.requested_reviewers);
  }
  for (const Review& r : reviews_) bytes += StringHeap(r.body);
  for (const Comment& c : comments_) bytes += StringHeap(c.body) + StringHeap(c.path);
  for (const ManifestSnapshot& m : manifests_) bytes += StringHeap(m.content) + StringHeap(m.path);
  bytes += MapHeap(repo_index_) + MapHeap(identity_index_) + MapHeap(link_index_) +
           MapHeap(commit_index_) + MapHeap(pr_index_) + MapHeap(review_index_) +
           MapHeap(comment_index_[0]) + MapHeap(comment_index_[1]) + MapHeap(manifest_index_);
  return bytes;
}

}  // namespace loupe::model
