#include "loupe/store/activity_store.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "loupe/core/strings.h"

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

size_t Bytes(const RowIndex& index) { return Bytes(index.begin) + Bytes(index.rows); }

// The order that sorts rows by `key` ascending (stable: ties keep their order).
template <typename Key>
std::vector<uint32_t> SortedOrder(size_t n, Key key) {
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return key(a) < key(b); });
  return order;
}

// Groups `rows` (already in the wanted order within each group) by key; a counting sort, so the
// order inside each group is the order of `rows`. Rows whose key is kNoId are left out.
template <typename KeyOf>
RowIndex GroupRows(const std::vector<uint32_t>& rows, size_t key_count, KeyOf key_of) {
  RowIndex index;
  index.begin.assign(key_count + 1, 0);
  for (uint32_t row : rows) {
    const uint32_t key = key_of(row);
    if (key != model::kNoId) ++index.begin[key + 1];
  }
  std::partial_sum(index.begin.begin(), index.begin.end(), index.begin.begin());
  index.rows.resize(index.begin.back());
  std::vector<uint32_t> fill(index.begin.begin(), index.begin.end() - 1);
  for (uint32_t row : rows) {
    const uint32_t key = key_of(row);
    if (key != model::kNoId) index.rows[fill[key]++] = row;
  }
  return index;
}

std::vector<uint32_t> Identity(size_t n) {
  std::vector<uint32_t> rows(n);
  std::iota(rows.begin(), rows.end(), 0u);
  return rows;
}

}  // namespace

ActivityStore ActivityStore::Build(const model::Workspace& ws, const identity::Resolution& resolution) {
  ActivityStore s;
  const auto& developers = resolution.developers();
  const size_t dev_count = developers.size();
  s.developer_count_ = dev_count;
  auto dev_of = [&](model::IdentityId id) { return resolution.IndexOf(id); };
  auto is_bot = [&](uint32_t dev) { return dev != model::kNoId && developers[dev].is_bot; };

  // [SECTION] commits
  const auto& commits = ws.commits();
  std::vector<uint32_t> order = SortedOrder(commits.size(), [&](uint32_t i) {
    return std::pair(commits[i].authored.utc, commits[i].sha);
  });
  std::vector<uint32_t> row_of_commit(commits.size());
  CommitColumns& c = s.commits_;
  const size_t n = commits.size();
  c.time.reserve(n), c.committed.reserve(n), c.offset.reserve(n), c.developer.reserve(n);
  c.repo.reserve(n), c.additions.reserve(n), c.deletions.reserve(n), c.files.reserve(n);
  c.flags.reserve(n), c.source.reserve(n), c.co_author_begin.reserve(n + 1);
  for (uint32_t i : order) {
    const model::Commit& m = commits[i];
    row_of_commit[i] = static_cast<uint32_t>(c.size());
    const uint32_t dev = dev_of(m.author);
    uint8_t flags = 0;
    if (m.is_merge()) flags |= kCommitMerge;
    if (is_bot(dev)) flags |= kCommitBot;
    if (m.has_stats) flags |= kCommitHasStats;
    if (m.authored.has_offset()) flags |= kCommitOffsetKnown;
    if (m.approximate_time) flags |= kCommitApproximate;
    const uint32_t co_begin = static_cast<uint32_t>(c.co_author_devs.size());
    c.co_author_begin.push_back(co_begin);
    for (model::IdentityId co : m.co_authors) {
      const uint32_t co_dev = dev_of(co);
      // A co-author who resolves to the author (another of their e-mails) is not a second person.
      if (co_dev != dev && co_dev != model::kNoId &&
          std::find(c.co_author_devs.begin() + co_begin, c.co_author_devs.end(), co_dev) == c.co_author_devs.end()) {
        c.co_author_devs.push_back(co_dev);
      }
    }
    if (c.co_author_devs.size() > co_begin) flags |= kCommitCoAuthored;
    c.time.push_back(m.authored.utc);
    c.committed.push_back(m.committed.known() ? m.committed.utc : m.authored.utc);
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

  const std::vector<uint32_t> commit_rows = Identity(c.size());
  s.commits_by_dev_ = GroupRows(commit_rows, dev_count, [&](uint32_t row) { return c.developer[row]; });
  s.commits_by_dev_committed_ = GroupRows(
      SortedOrder(c.size(), [&](uint32_t row) { return c.committed[row]; }), dev_count,
      [&](uint32_t row) { return c.developer[row]; });
  {
    // Co-authorship is many-to-many: expand (row, co-author) pairs, then group by co-author.
    std::vector<uint32_t> pair_rows, pair_devs;
    for (uint32_t row = 0; row < c.size(); ++row) {
      for (uint32_t k = c.co_author_begin[row]; k < c.co_author_begin[row + 1]; ++k) {
        pair_rows.push_back(row);
        pair_devs.push_back(c.co_author_devs[k]);
      }
    }
    RowIndex by_dev = GroupRows(Identity(pair_rows.size()), dev_count, [&](uint32_t p) { return pair_devs[p]; });
    for (uint32_t& p : by_dev.rows) p = pair_rows[p];
    s.co_authored_by_dev_ = std::move(by_dev);
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
    p.draft.push_back(m.draft ? 1 : 0);
    Instant first = kNoInstant, last = kNoInstant;
    for (const Sha& sha : m.commit_shas) {
      const model::Commit* commit = ws.FindCommit(sha);
      if (commit == nullptr || commit->approximate_time) continue;
      const Instant authored = commit->authored.utc;
      const Instant committed = commit->committed.known() ? commit->committed.utc : authored;
      if (first == kNoInstant || authored < first) first = authored;
      if (last == kNoInstant || committed > last) last = committed;
    }
    p.first_commit.push_back(first);
    p.last_commit.push_back(last);
    p.source.push_back(i);
    p.requested_begin.push_back(static_cast<uint32_t>(p.requested_devs.size()));
    for (model::IdentityId id : m.requested_reviewers) {
      const uint32_t reviewer = dev_of(id);
      if (reviewer != model::kNoId) p.requested_devs.push_back(reviewer);
    }
  }
  p.requested_begin.push_back(static_cast<uint32_t>(p.requested_devs.size()));
  const std::vector<uint32_t> pr_rows = Identity(p.size());
  s.prs_by_dev_ = GroupRows(pr_rows, dev_count, [&](uint32_t row) { return p.author[row]; });
  s.merged_prs_by_dev_ = GroupRows(SortedOrder(p.size(), [&](uint32_t row) { return p.merged[row]; }), dev_count,
                                   [&](uint32_t row) { return p.merged[row] == kNoInstant ? model::kNoId : p.author[row]; });
  s.prs_by_repo_ = GroupRows(pr_rows, ws.repositories().size(), [&](uint32_t row) { return p.repo[row]; });
  s.human_before_.assign(s.prs_by_repo_.rows.size() + 1, 0);
  for (size_t i = 0; i < s.prs_by_repo_.rows.size(); ++i) {
    const uint32_t row = s.prs_by_repo_.rows[i];
    s.human_before_[i + 1] = s.human_before_[i] + (p.author[row] != model::kNoId && !p.bot[row]);
  }
  {
    std::vector<uint32_t> pair_rows, pair_devs;
    for (uint32_t row = 0; row < p.size(); ++row) {
      for (uint32_t k = p.requested_begin[row]; k < p.requested_begin[row + 1]; ++k) {
        pair_rows.push_back(row);
        pair_devs.push_back(p.requested_devs[k]);
      }
    }
    RowIndex by_dev = GroupRows(Identity(pair_rows.size()), dev_count, [&](uint32_t x) { return pair_devs[x]; });
    for (uint32_t& x : by_dev.rows) x = pair_rows[x];
    s.requested_by_dev_ = std::move(by_dev);
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
    const uint32_t reviewer = dev_of(m.reviewer);
    const uint32_t pr = pr_row_of(m.repo, m.pr_number);
    r.submitted.push_back(m.submitted_at);
    r.reviewer.push_back(reviewer);
    r.pull_request.push_back(pr);
    r.state.push_back(static_cast<uint8_t>(m.state));
    auto it = comments_per_review.find(m.github_id);
    r.comments.push_back(it == comments_per_review.end() ? 0 : it->second);
    r.self.push_back(pr != model::kNoId && reviewer != model::kNoId && p.author[pr] == reviewer ? 1 : 0);
    r.bot.push_back(is_bot(reviewer) ? 1 : 0);
    r.body_empty.push_back(Trim(m.body).empty() ? 1 : 0);
    r.source.push_back(i);
  }
  const std::vector<uint32_t> review_rows = Identity(r.size());
  s.reviews_by_dev_ = GroupRows(review_rows, dev_count, [&](uint32_t row) { return r.reviewer[row]; });
  s.reviews_by_pr_ = GroupRows(review_rows, p.size(), [&](uint32_t row) { return r.pull_request[row]; });
  s.reviews_received_by_dev_ = GroupRows(review_rows, dev_count, [&](uint32_t row) {
    return r.pull_request[row] == model::kNoId ? model::kNoId : p.author[r.pull_request[row]];
  });
  {
    // (reviewer, PR) pairs in PR order, once per pair: a reviewer's reviews of one PR are adjacent
    // in reviews_by_pr_, so remembering each reviewer's last PR is enough.
    constexpr auto kPending = static_cast<uint8_t>(model::ReviewState::kPending);
    std::vector<uint32_t> pair_prs, pair_devs, last_pr(dev_count, model::kNoId);
    for (uint32_t pr = 0; pr < p.size(); ++pr) {
      for (uint32_t row : s.reviews_by_pr_.Of(pr)) {
        const uint32_t dev = r.reviewer[row];
        if (dev == model::kNoId || r.state[row] == kPending || last_pr[dev] == pr) continue;
        last_pr[dev] = pr;
        pair_prs.push_back(pr);
        pair_devs.push_back(dev);
      }
    }
    RowIndex by_dev = GroupRows(Identity(pair_prs.size()), dev_count, [&](uint32_t x) { return pair_devs[x]; });
    for (uint32_t& x : by_dev.rows) x = pair_prs[x];
    s.reviewed_by_dev_ = std::move(by_dev);
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

std::pair<uint32_t, uint32_t> ActivityStore::CommitRange(Instant start, Instant end) const {
  const auto& t = commits_.time;
  const auto lo = std::lower_bound(t.begin(), t.end(), start);
  const auto hi = std::lower_bound(lo, t.end(), end);
  return {static_cast<uint32_t>(lo - t.begin()), static_cast<uint32_t>(hi - t.begin())};
}

double ActivityStore::CommitBytesPerCommit() const {
  const CommitColumns& c = commits_;
  if (c.size() == 0) return 0;
  const size_t bytes = Bytes(c.time) + Bytes(c.committed) + Bytes(c.offset) + Bytes(c.developer) +
                       Bytes(c.repo) + Bytes(c.additions) + Bytes(c.deletions) + Bytes(c.files) +
                       Bytes(c.flags) + Bytes(c.source) + Bytes(c.co_author_begin) +
                       Bytes(c.co_author_devs) + Bytes(commits_by_dev_.rows) +
                       Bytes(commits_by_dev_committed_.rows) + Bytes(co_authored_by_dev_.rows);
  return static_cast<double>(bytes) / static_cast<double>(c.size());
}

size_t ActivityStore::MemoryBytes() const {
  size_t bytes = static_cast<size_t>(CommitBytesPerCommit() * static_cast<double>(commits_.size())) +
                 Bytes(commits_by_dev_.begin) + Bytes(commits_by_dev_committed_.begin) +
                 Bytes(co_authored_by_dev_.begin);
  const PullRequestColumns& p = pull_requests_;
  bytes += Bytes(p.created) + Bytes(p.merged) + Bytes(p.closed) + Bytes(p.author) + Bytes(p.repo) +
           Bytes(p.additions) + Bytes(p.deletions) + Bytes(p.state) + Bytes(p.bot) + Bytes(p.draft) +
           Bytes(p.first_commit) + Bytes(p.last_commit) + Bytes(p.source) + Bytes(p.requested_begin) +
           Bytes(p.requested_devs);
  const ReviewColumns& r = reviews_;
  bytes += Bytes(r.submitted) + Bytes(r.reviewer) + Bytes(r.pull_request) + Bytes(r.state) +
           Bytes(r.comments) + Bytes(r.self) + Bytes(r.bot) + Bytes(r.body_empty) + Bytes(r.source);
  const CommentColumns& k = comments_;
  bytes += Bytes(k.created) + Bytes(k.author) + Bytes(k.pull_request) + Bytes(k.kind);
  bytes += Bytes(prs_by_dev_) + Bytes(merged_prs_by_dev_) + Bytes(prs_by_repo_) + Bytes(human_before_) +
           Bytes(requested_by_dev_) + Bytes(reviewed_by_dev_) + Bytes(reviews_by_dev_) + Bytes(reviews_by_pr_) +
           Bytes(reviews_received_by_dev_);
  return bytes;
}

int64_t ActivityStore::CountHumanAuthored(std::span<const uint32_t> part) const {
  if (part.empty()) return 0;
  const auto first = static_cast<size_t>(part.data() - prs_by_repo_.rows.data());
  return static_cast<int64_t>(human_before_[first + part.size()] - human_before_[first]);
}

}  // namespace loupe::store
