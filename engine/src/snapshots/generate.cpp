#include "loupe/snapshots/generate.h"

#include <algorithm>
#include <unordered_map>

namespace loupe::snapshots {

namespace {

// Snapshots between two progress reports: a report per cell would cost more than some cells.
constexpr int64_t kSnapshotsPerReport = 256;

// aexy-compat's first-commit-to-merge reads the author's commits committed up to 14 days before
// a PR was created, so a commit can change the PRs of the next two weeks.
constexpr int64_t kAexyCommitLookback = 14 * kSecondsPerDay;

bool AnyInWindow(const metrics::MetricContext& ctx, std::span<const uint32_t> rows, const Window& w,
                 const std::vector<Instant>& time) {
  return !metrics::RowsInWindow(ctx, rows, w, [&](uint32_t r) { return time[r]; }).empty();
}

}  // namespace

std::vector<Window> GenerationPeriods(PeriodType type, const Window& range) {
  return PeriodsBetween(type, range.start, range.end);
}

std::vector<uint32_t> ActiveDevelopers(const metrics::MetricContext& ctx, const Window& range) {
  const store::ActivityStore& s = ctx.store;
  std::vector<uint32_t> out;
  for (uint32_t dev = 0; dev < ctx.resolution.developers().size(); ++dev) {
    if (ctx.IsBot(dev)) continue;
    const bool active = AnyInWindow(ctx, s.CommitsOf(dev), range, s.commits().time) ||
                        AnyInWindow(ctx, s.CommitsOfByCommitted(dev), range, s.commits().committed) ||
                        AnyInWindow(ctx, s.PullRequestsOf(dev), range, s.pull_requests().created) ||
                        AnyInWindow(ctx, s.MergedPullRequestsOf(dev), range, s.pull_requests().merged) ||
                        AnyInWindow(ctx, s.ReviewsBy(dev), range, s.reviews().submitted);
    if (active) out.push_back(dev);
  }
  return out;
}

Result<std::vector<DeveloperSnapshot>> ComputeDeveloperSnapshots(
    const metrics::MetricContext& ctx, std::span<const uint32_t> developers, PeriodType type,
    std::span<const Window> periods, Instant now, const Versions& versions,
    const ProgressFn& progress) {
  std::vector<DeveloperSnapshot> out;
  const int64_t total = static_cast<int64_t>(developers.size() * periods.size());
  out.reserve(static_cast<size_t>(total));
  for (uint32_t dev : developers) {
    const model::DeveloperId id = ctx.resolution.developers()[dev].id;
    for (const Window& period : periods) {
      DeveloperSnapshot& s = out.emplace_back();
      s.developer = id;
      s.period_type = type;
      s.period = period;
      s.profile = ctx.profile;
      s.insights = metrics::ComputeInsights(ctx, dev, period);
      s.computed_at = now;
      s.versions = versions;
      const auto done = static_cast<int64_t>(out.size());
      if (progress && (done % kSnapshotsPerReport == 0 || done == total) &&
          !progress(Progress{"compute", done, total, "snapshots"})) {
        return Status(StatusCode::kCancelled, "snapshot generation was cancelled; nothing was stored");
      }
    }
  }
  return out;
}

TeamSnapshot AggregateTeam(std::string team, PeriodType type, const Window& period,
                           metrics::MetricProfile profile,
                           std::span<const DeveloperSnapshot* const> members, Instant now,
                           const Versions& versions) {
  TeamSnapshot t;
  t.team = std::move(team);
  t.period_type = type;
  t.period = period;
  t.profile = profile;
  t.member_count = static_cast<int64_t>(members.size());
  TeamAggregate& a = t.aggregate;
  for (const DeveloperSnapshot* m : members) {
    const metrics::DeveloperInsights& i = m->insights;
    a.total_commits += i.velocity.commits_count;
    a.total_prs_merged += i.velocity.prs_merged;
    a.total_lines_changed += i.velocity.lines_added + i.velocity.lines_removed;
    a.total_reviews += i.collaboration.review_given_count;
  }
  if (t.member_count > 0) {
    const auto n = static_cast<double>(t.member_count);
    a.avg_commits_per_member = static_cast<double>(a.total_commits) / n;
    a.avg_prs_per_member = static_cast<double>(a.total_prs_merged) / n;
  }
  t.computed_at = now;
  t.versions = versions;
  return t;
}

std::vector<TouchedSpan> TouchedSpans(const model::Workspace& before, const model::ChangeSet& changes) {
  std::vector<TouchedSpan> out;
  auto point = [&](Instant t) {
    if (t != kNoInstant) out.push_back({t, t});
  };
  for (const model::Commit& c : changes.commits) {
    for (const model::Commit* v : {&c, before.FindCommit(c.sha)}) {
      if (v == nullptr) continue;
      point(v->authored.utc);
      point(v->committed.utc);
      if (v->committed.known()) out.push_back({v->committed.utc, v->committed.utc + kAexyCommitLookback, true});
    }
  }
  // The PRs of the batch as they will be, then as they are.
  auto pr_key = [](model::RepoId repo, int64_t number) { return static_cast<uint64_t>(repo) << 40 ^ static_cast<uint64_t>(number); };
  std::unordered_map<uint64_t, const model::PullRequest*> new_prs;
  for (const model::PullRequest& p : changes.pull_requests) {
    new_prs.emplace(pr_key(p.repo, p.number), &p);
    for (const model::PullRequest* v : {&p, before.FindPullRequest(p.repo, p.number)}) {
      if (v == nullptr) continue;
      point(v->created_at);
      point(v->merged_at);
      point(v->closed_at);
    }
  }
  auto pr_times = [&](model::RepoId repo, int64_t number) {
    auto it = new_prs.find(pr_key(repo, number));
    const model::PullRequest* p = it != new_prs.end() ? it->second : before.FindPullRequest(repo, number);
    if (p == nullptr) return;
    point(p->created_at);
    point(p->merged_at);
  };
  // Reviews by GitHub id, only built when updated reviews or inline comments need old values.
  std::unordered_map<int64_t, const model::Review*> reviews;
  const bool has_updates = static_cast<int64_t>(changes.reviews.size()) > changes.counts.new_reviews;
  if (has_updates || !changes.comments.empty()) {
    for (const model::Review& r : before.reviews()) reviews.emplace(r.github_id, &r);
  }
  for (const model::Review& r : changes.reviews) {
    if (auto it = reviews.find(r.github_id); it != reviews.end()) point(it->second->submitted_at);
    point(r.submitted_at);
    pr_times(r.repo, r.pr_number);
  }
  for (const model::Review& r : changes.reviews) reviews[r.github_id] = &r;
  for (const model::Comment& c : changes.comments) {
    if (c.review_id == 0) continue;
    if (auto it = reviews.find(c.review_id); it != reviews.end()) point(it->second->submitted_at);
  }
  std::sort(out.begin(), out.end(), [](const TouchedSpan& a, const TouchedSpan& b) { return a.from < b.from; });
  return out;
}

namespace {

//! Whether a period meets any of a set of spans, by binary search.
class SpanIndex {
 public:
  explicit SpanIndex(std::vector<TouchedSpan> spans) : spans_(std::move(spans)), reach_(spans_.size()) {
    std::sort(spans_.begin(), spans_.end(), [](const TouchedSpan& a, const TouchedSpan& b) { return a.from < b.from; });
    // reach_[i] = the latest end among the first i + 1 spans: a period [s, e) meets a span iff
    // some span starting before e reaches s.
    for (size_t i = 0; i < spans_.size(); ++i) reach_[i] = i == 0 ? spans_[i].to : std::max(reach_[i - 1], spans_[i].to);
  }

  bool Meets(const Window& w, bool closed) const {
    const auto first_after = std::partition_point(spans_.begin(), spans_.end(), [&](const TouchedSpan& s) {
      return closed ? s.from <= w.end : s.from < w.end;
    });
    const auto n = static_cast<size_t>(first_after - spans_.begin());
    return n > 0 && reach_[n - 1] >= w.start;
  }

 private:
  std::vector<TouchedSpan> spans_;
  std::vector<Instant> reach_;
};

}  // namespace

RecomputePlan PlanRecompute(const SnapshotBook& book, std::span<const TouchedSpan> touched) {
  RecomputePlan plan;
  if (touched.empty()) return plan;
  std::vector<TouchedSpan> loupe;
  for (const TouchedSpan& s : touched) {
    if (!s.aexy_only) loupe.push_back(s);
  }
  const SpanIndex for_loupe(std::move(loupe));
  const SpanIndex for_aexy(std::vector<TouchedSpan>(touched.begin(), touched.end()));
  auto meets = [&](const Window& w, metrics::MetricProfile profile) {
    return profile == metrics::MetricProfile::kAexyCompat ? for_aexy.Meets(w, true) : for_loupe.Meets(w, false);
  };
  for (const auto& [key, s] : book.developers()) {
    if (meets(s.period, s.profile)) plan.developers.push_back(key);
  }
  for (const auto& [key, s] : book.teams()) {
    if (meets(s.period, s.profile)) plan.teams.push_back(key);
  }
  return plan;
}

}  // namespace loupe::snapshots
