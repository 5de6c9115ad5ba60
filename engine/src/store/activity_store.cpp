#include "loupe/store/activity_store.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace loupe::store {

namespace {

uint32_t Saturate(int64_t v) {
  if (v <= 0) return 0;
  return v > std::numeric_limits<uint32_t>::max() ? std::numeric_limits<uint32_t>::max()
                                                  : static_cast<uint32_t>(v);
}

template <typename T>
size_t Bytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

// The order that sorts `keys` ascending, ties by index (stable, so equal times keep input order).
template <typename Key>
std::vector<uint32_t> SortedOrder(size_t n, Key key) {
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return key(a) < key(b); });
  return order;
}

}  // namespace

ActivityStore ActivityStore::Build(const model::Workspace& ws, const identity::Resolution& resolution) {
  ActivityStore s;
  const auto& developers = resolution.developers();
  s.developer_count_ = developers.size();
  auto dev_of = [&](model::IdentityId id) { return resolution.IndexOf(id); };
  auto is_bot = [&](uint32_t dev) { return dev != model::kNoId && developers[dev].is_bot; };

  // [SECTION] commits
  const auto& commits = ws.commits();
  std::vector<uint32_t> order = SortedOrder(commits.size(), [&](uint32_t i) {
    return std::pair(commits[i].authored.utc, commits[i].sha);
  });
  CommitColumns& c = s.commits_;
  const size_t n = commits.size();
  c.time.reserve(n), c.offset.reserve(n), c.developer.reserve(n), c.repo.reserve(n);
  c.additions.reserve(n), c.deletions.reserve(n), c.files.reserve(n), c.flags.reserve(n);
  c.source.reserve(n), c.co_author_begin.reserve(n + 1);
  for (uint32_t i : order) {
    const model::Commit& m = commits[i];
    const uint32_t dev = dev_of(m.author);
    uint8_t flags = 0;
    if (m.is_merge()) flags |= kCommitMerge;
    if (is_bot(dev)) flags |= kCommitBot;
    if (m.has_stats) flags |= kCommitHasStats;
    if (m.authored.has_offset()) flags |= kCommitOffsetKnown;
    c.co_author_begin.push_back(static_cast<uint32_t>(c.co_author_devs.size()));
    for (model::IdentityId co : m.co_authors) {
      const uint32_t co_dev = dev_of(co);
      // A co-author who resolves to the author (another of their e-mails) is not a second person.
      if (co_dev != dev &&
          std::find(c.co_author_devs.begin() + c.co_author_begin.back(), c.co_author_devs.end(), co_dev) ==
              c.co_author_devs.end()) {
        c.co_author_devs.push_back(co_dev);
      }
    }
    if (c.co_author_devs.size() > c.co_author_begin.back()) flags |= kCommitCoAuthored;
    c.time.push_back(m.authored.utc);
    c.offset.push_back(m.authored.has_offset() ? m.authored.offset_minutes : int16_t{0});
    c.developer.push_back(dev);
    c.repo.push_back(m.repo);
    c.additions.push_back(Saturate(m.additions));
    c.deletions.push_back(Saturate(m.deletions));
    c.files.push_back(Saturate(m.changed_files));
    c.flags.push_back(flags);
    c.source.push_back(i);
  }
  c.co_author_begin.push_back(static_cast<uint32_t>(c.co_author_devs.size()));

  // Per-developer commit rows (CSR), in time order because rows are.
  s.dev_commit_begin_.assign(developers.size() + 1, 0);
  for (uint32_t dev : c.developer) {
    if (dev != model::kNoId) ++s.dev_commit_begin_[dev + 1];
  }
  std::partial_sum(s.dev_commit_begin_.begin(), s.dev_commit_begin_.end(), s.dev_commit_begin_.begin());
  s.dev_commit_rows_.resize(s.dev_commit_begin_.back());
  std::vector<uint32_t> fill(s.dev_commit_begin_.begin(), s.dev_commit_begin_.end() - 1);
  for (uint32_t row = 0; row < c.size(); ++row) {
    if (c.developer[row] != model::kNoId) s.dev_commit_rows_[fill[c.developer[row]]++] = row;
  }

  // [SECTION] pull requests
  const auto& prs = ws.pull_requests();
  std::vector<uint32_t> pr_order = SortedOrder(prs.size(), [&](uint32_t i) { return prs[i].created_at; });
  std::vector<uint32_t> pr_row(prs.size());
  PullRequestColumns& p = s.pull_requests_;
  for (uint32_t i : pr_order) {
    const model::PullRequest& m = prs[i];
    pr_row[i] = static_cast<uint32_t>(p.size());
    const uint32_t dev = dev_of(m.author);
    p.created.push_back(m.created_at);
    p.merged.push_back(m.merged_at);
    p.closed.push_back(m.closed_at);
    p.author.push_back(dev);
    p.repo.push_back(m.repo);
    p.additions.push_back(m.additions);
    p.deletions.push_back(m.deletions);
    p.state.push_back(static_cast<uint8_t>(m.state));
    p.bot.push_back(is_bot(dev) ? 1 : 0);
    p.source.push_back(i);
  }
  auto pr_row_of = [&](model::RepoId repo, int64_t number) -> uint32_t {
    const model::PullRequest* pr = ws.FindPullRequest(repo, number);
    return pr == nullptr ? model::kNoId : pr_row[static_cast<size_t>(pr - prs.data())];
  };

  // [SECTION] reviews, with their inline comment counts (no source fills them reliably)
  std::unordered_map<int64_t, uint32_t> comments_per_review;
  for (const model::Comment& m : ws.comments()) {
    if (m.kind == model::CommentKind::kReview && m.review_id != 0) ++comments_per_review[m.review_id];
  }
  const auto& reviews = ws.reviews();
  std::vector<uint32_t> review_order =
      SortedOrder(reviews.size(), [&](uint32_t i) { return reviews[i].submitted_at; });
  ReviewColumns& r = s.reviews_;
  for (uint32_t i : review_order) {
    const model::Review& m = reviews[i];
    r.submitted.push_back(m.submitted_at);
    r.reviewer.push_back(dev_of(m.reviewer));
    r.pull_request.push_back(pr_row_of(m.repo, m.pr_number));
    r.state.push_back(static_cast<uint8_t>(m.state));
    auto it = comments_per_review.find(m.github_id);
    r.comments.push_back(it == comments_per_review.end() ? 0 : it->second);
    r.source.push_back(i);
  }

  // [SECTION] comments
  const auto& comments = ws.comments();
  std::vector<uint32_t> comment_order =
      SortedOrder(comments.size(), [&](uint32_t i) { return comments[i].created_at; });
  CommentColumns& k = s.comments_;
  for (uint32_t i : comment_order) {
    const model::Comment& m = comments[i];
    k.created.push_back(m.created_at);
    k.author.push_back(dev_of(m.author));
    k.pull_request.push_back(pr_row_of(m.repo, m.pr_number));
    k.kind.push_back(static_cast<uint8_t>(m.kind));
  }
  return s;
}

std::span<const uint32_t> ActivityStore::CommitsOf(uint32_t developer) const {
  if (developer >= developer_count_) return {};
  return {dev_commit_rows_.data() + dev_commit_begin_[developer],
          dev_commit_rows_.data() + dev_commit_begin_[developer + 1]};
}

std::pair<uint32_t, uint32_t> ActivityStore::CommitRange(Instant start, Instant end) const {
  const auto& t = commits_.time;
  const auto lo = std::lower_bound(t.begin(), t.end(), start);
  const auto hi = std::lower_bound(lo, t.end(), end);
  return {static_cast<uint32_t>(lo - t.begin()), static_cast<uint32_t>(hi - t.begin())};
}

double ActivityStore::CommitBytesPerCommit() const {
  const CommitColumns& c = commits_;
  if (c.size() == 0) return 0;
  const size_t bytes = Bytes(c.time) + Bytes(c.offset) + Bytes(c.developer) + Bytes(c.repo) +
                       Bytes(c.additions) + Bytes(c.deletions) + Bytes(c.files) + Bytes(c.flags) +
                       Bytes(c.source) + Bytes(c.co_author_begin) + Bytes(c.co_author_devs) +
                       Bytes(dev_commit_rows_);
  return static_cast<double>(bytes) / static_cast<double>(c.size());
}

size_t ActivityStore::MemoryBytes() const {
  size_t bytes = static_cast<size_t>(CommitBytesPerCommit() * static_cast<double>(commits_.size())) +
                 Bytes(dev_commit_begin_);
  const PullRequestColumns& p = pull_requests_;
  bytes += Bytes(p.created) + Bytes(p.merged) + Bytes(p.closed) + Bytes(p.author) + Bytes(p.repo) +
           Bytes(p.additions) + Bytes(p.deletions) + Bytes(p.state) + Bytes(p.bot) + Bytes(p.source);
  const ReviewColumns& r = reviews_;
  bytes += Bytes(r.submitted) + Bytes(r.reviewer) + Bytes(r.pull_request) + Bytes(r.state) +
           Bytes(r.comments) + Bytes(r.source);
  const CommentColumns& k = comments_;
  bytes += Bytes(k.created) + Bytes(k.author) + Bytes(k.pull_request) + Bytes(k.kind);
  return bytes;
}

}  // namespace loupe::store
