// Efficiency, quality and collaboration: the categories that read pull requests and reviews.
#include <algorithm>
#include <vector>

#include "loupe/metrics/categories.h"
#include "loupe/model/pull_request.h"
#include "loupe/model/review.h"

namespace loupe::metrics {

namespace {

constexpr double kHour = 3600.0;
constexpr auto kChangesRequested = static_cast<uint8_t>(model::ReviewState::kChangesRequested);
constexpr auto kPending = static_cast<uint8_t>(model::ReviewState::kPending);

double Mean(double sum, int64_t n) { return n > 0 ? sum / static_cast<double>(n) : 0.0; }

std::span<const uint32_t> CreatedInWindow(const MetricContext& ctx, uint32_t dev, const Window& w) {
  const store::PullRequestColumns& p = ctx.store.pull_requests();
  return RowsInWindow(ctx, ctx.store.PullRequestsOf(dev), w, [&](uint32_t r) { return p.created[r]; });
}

std::span<const uint32_t> ReviewsGivenInWindow(const MetricContext& ctx, uint32_t dev, const Window& w) {
  const store::ReviewColumns& r = ctx.store.reviews();
  return RowsInWindow(ctx, ctx.store.ReviewsBy(dev), w, [&](uint32_t row) { return r.submitted[row]; });
}

// Whether a review counts as the developer's review work: loupe leaves out pending reviews and
// reviews of one's own PR; aexy-compat counts every review.
bool CountsAsGiven(const MetricContext& ctx, uint32_t row) {
  const store::ReviewColumns& r = ctx.store.reviews();
  return ctx.aexy() || (r.state[row] != kPending && !r.self[row]);
}

// A review by someone else (loupe: not a bot, not pending). A deleted account (reviewer kNoId) is
// someone else: the author of a PR we attribute to a developer is known, so it cannot be them.
bool ByOther(const MetricContext& ctx, uint32_t row, uint32_t author) {
  const store::ReviewColumns& r = ctx.store.reviews();
  if (r.reviewer[row] == author) return false;
  return ctx.aexy() || (!r.bot[row] && r.state[row] != kPending);
}

void AddUnique(std::vector<uint32_t>& set, uint32_t dev) {
  if (dev != model::kNoId && std::find(set.begin(), set.end(), dev) == set.end()) set.push_back(dev);
}

}  // namespace

Efficiency ComputeEfficiency(const MetricContext& ctx, uint32_t dev, const Window& w) {
  Efficiency e;
  const store::PullRequestColumns& p = ctx.store.pull_requests();
  const store::ReviewColumns& r = ctx.store.reviews();
  const store::CommitColumns& c = ctx.store.commits();
  const auto population = CreatedInWindow(ctx, dev, w);
  e.prs_created = static_cast<int64_t>(population.size());
  if (population.empty()) return e;
  int64_t merged = 0, with_review = 0, sized = 0, rework = 0;
  double cycle = 0, first_review = 0, size = 0, to_merge = 0;
  for (uint32_t pr : population) {
    const bool is_merged = p.merged[pr] != kNoInstant;
    const auto reviews = ctx.store.ReviewsOn(pr);
    // Time to the first review.
    Instant first = kNoInstant;
    for (uint32_t row : reviews) {
      if (r.submitted[row] == kNoInstant) continue;
      if (!ctx.aexy() && (!ByOther(ctx, row, dev) || r.submitted[row] < p.created[pr])) continue;
      first = first == kNoInstant ? r.submitted[row] : std::min(first, r.submitted[row]);
    }
    if (first != kNoInstant) {
      first_review += static_cast<double>(first - p.created[pr]) / kHour;
      ++with_review;
    }
    // Size: aexy counts unknown sizes as 0.
    if (p.additions[pr] >= 0 && p.deletions[pr] >= 0) {
      size += static_cast<double>(p.additions[pr] + p.deletions[pr]);
      ++sized;
    } else if (ctx.aexy()) {
      ++sized;
    }
    // Rework.
    int64_t changes_requested = 0;
    Instant first_change_request = kNoInstant;
    for (uint32_t row : reviews) {
      if (r.state[row] != kChangesRequested || (!ctx.aexy() && !ByOther(ctx, row, dev))) continue;
      ++changes_requested;
      if (first_change_request == kNoInstant || r.submitted[row] < first_change_request) {
        first_change_request = r.submitted[row];
      }
    }
    if (ctx.aexy()) {
      rework += changes_requested > 1;
    } else if (p.last_commit[pr] != kNoInstant && first_change_request != kNoInstant) {
      rework += p.last_commit[pr] > first_change_request;  // commits pushed after the request
    } else {
      rework += changes_requested > 0;
    }
    if (!is_merged) continue;
    ++merged;
    const double cycle_hours = static_cast<double>(p.merged[pr] - p.created[pr]) / kHour;
    cycle += cycle_hours;
    // First commit to merge.
    if (ctx.aexy()) {
      // The author's commits in the PR's repository committed in [created - 14 days, merged].
      Instant earliest = kNoInstant;
      const Window candidates{p.created[pr] - 14 * kSecondsPerDay, p.merged[pr]};
      for (uint32_t row : RowsInWindow(ctx, ctx.store.CommitsOfByCommitted(dev), candidates,
                                       [&](uint32_t x) { return c.committed[x]; })) {
        if (c.repo[row] == p.repo[pr]) earliest = earliest == kNoInstant ? c.committed[row] : std::min(earliest, c.committed[row]);
      }
      to_merge += earliest != kNoInstant ? static_cast<double>(p.merged[pr] - earliest) / kHour : cycle_hours;
    } else {
      const Instant start = p.first_commit[pr] != kNoInstant ? p.first_commit[pr] : p.created[pr];
      to_merge += static_cast<double>(p.merged[pr] - start) / kHour;
    }
  }
  const auto n = static_cast<int64_t>(population.size());
  e.pr_merge_rate = static_cast<double>(merged) / static_cast<double>(n);
  e.avg_pr_cycle_time_hours = Mean(cycle, merged);
  e.avg_time_to_first_review_hours = Mean(first_review, with_review);
  e.avg_pr_size = Mean(size, sized);
  e.rework_ratio = static_cast<double>(rework) / static_cast<double>(n);
  e.first_commit_to_merge_hours = Mean(to_merge, merged);
  return e;
}

Quality ComputeQuality(const MetricContext& ctx, uint32_t dev, const Window& w) {
  Quality q;
  const store::PullRequestColumns& p = ctx.store.pull_requests();
  const store::ReviewColumns& r = ctx.store.reviews();
  const int64_t working_days = ctx.aexy() ? AexyWorkingDaysIn(w) : WorkingDaysIn(ctx.schedules.Of(dev), w);
  int64_t given = 0, comments = 0, turnarounds = 0;
  double turnaround = 0;
  for (uint32_t row : ReviewsGivenInWindow(ctx, dev, w)) {
    if (!CountsAsGiven(ctx, row)) continue;
    ++given;
    comments += r.comments[row];
    const uint32_t pr = r.pull_request[row];
    if (pr != model::kNoId && p.created[pr] != kNoInstant && r.submitted[row] >= p.created[pr]) {
      turnaround += static_cast<double>(r.submitted[row] - p.created[pr]) / kHour;
      ++turnarounds;
    }
  }
  q.reviews_per_working_day = static_cast<double>(given) / static_cast<double>(working_days);
  q.avg_review_depth = Mean(static_cast<double>(comments), given);
  q.review_turnaround_hours = Mean(turnaround, turnarounds);

  if (ctx.aexy()) {
    q.review_participation_rate = q.reviews_per_working_day;
  } else {
    // Eligible: PRs by other humans created in the window in repositories the developer worked in
    // during the window, plus PRs that requested the developer's review.
    const store::CommitColumns& c = ctx.store.commits();
    std::vector<uint32_t> repos;
    for (uint32_t row : RowsInWindow(ctx, ctx.store.CommitsOf(dev), w, [&](uint32_t x) { return c.time[x]; })) {
      AddUnique(repos, c.repo[row]);
    }
    for (uint32_t row : ReviewsGivenInWindow(ctx, dev, w)) {
      if (r.pull_request[row] != model::kNoId) AddUnique(repos, p.repo[r.pull_request[row]]);
    }
    // Counted from indexes rather than by visiting each eligible PR's reviews: per repository the
    // human-authored PRs of the window (prefix counts) minus the developer's own; then the PRs
    // that requested them elsewhere; then, of the PRs they reviewed, those in that population.
    std::sort(repos.begin(), repos.end());
    auto in_repos = [&](uint32_t pr) { return std::binary_search(repos.begin(), repos.end(), p.repo[pr]); };
    auto created_at = [&](uint32_t x) { return p.created[x]; };
    auto repo_eligible = [&](uint32_t pr) {
      return p.author[pr] != dev && p.author[pr] != model::kNoId && !p.bot[pr] && in_repos(pr);
    };
    int64_t eligible = 0, reviewed = 0;
    for (uint32_t repo : repos) {
      eligible += ctx.store.CountHumanAuthored(RowsInWindow(ctx, ctx.store.PullRequestsIn(repo), w, created_at));
    }
    for (uint32_t pr : RowsInWindow(ctx, ctx.store.PullRequestsOf(dev), w, created_at)) eligible -= !p.bot[pr] && in_repos(pr);
    // PRs that asked for this developer's review, wherever they are.
    const auto requested = RowsInWindow(ctx, ctx.store.ReviewRequestsOf(dev), w, created_at);
    for (uint32_t pr : requested) eligible += p.author[pr] != dev && !repo_eligible(pr);
    for (uint32_t pr : RowsInWindow(ctx, ctx.store.PullRequestsReviewedBy(dev), w, created_at)) {
      if (p.author[pr] == dev) continue;
      reviewed += repo_eligible(pr) || std::binary_search(requested.begin(), requested.end(), pr);
    }
    q.review_participation_rate = eligible > 0 ? static_cast<double>(reviewed) / static_cast<double>(eligible) : 0;
  }

  // Self-merge: merged PRs without a review by someone else (loupe: before the merge).
  const auto merged = RowsInWindow(ctx, ctx.store.MergedPullRequestsOf(dev), w, [&](uint32_t x) { return p.merged[x]; });
  int64_t self_merged = 0;
  for (uint32_t pr : merged) {
    bool reviewed = false;
    for (uint32_t row : ctx.store.ReviewsOn(pr)) {
      if (ByOther(ctx, row, dev) && (ctx.aexy() || r.submitted[row] <= p.merged[pr])) {
        reviewed = true;
        break;
      }
    }
    self_merged += !reviewed;
  }
  q.self_merge_rate = merged.empty() ? 0 : static_cast<double>(self_merged) / static_cast<double>(merged.size());
  return q;
}

Collaboration ComputeCollaboration(const MetricContext& ctx, uint32_t dev, const Window& w) {
  Collaboration out;
  const store::PullRequestColumns& p = ctx.store.pull_requests();
  const store::ReviewColumns& r = ctx.store.reviews();
  std::vector<uint32_t> collaborators;
  auto collaborator = [&](uint32_t other) {
    if (other != dev && (ctx.aexy() || !ctx.IsBot(other))) AddUnique(collaborators, other);
  };
  // Reviews given: authors of the PRs reviewed.
  for (uint32_t row : ReviewsGivenInWindow(ctx, dev, w)) {
    if (!CountsAsGiven(ctx, row)) continue;
    ++out.review_given_count;
    if (r.pull_request[row] != model::kNoId) collaborator(p.author[r.pull_request[row]]);
  }
  const auto created = CreatedInWindow(ctx, dev, w);
  if (ctx.aexy()) {
    // Reviews by others, at any time, on the PRs created in the window.
    for (uint32_t pr : created) {
      for (uint32_t row : ctx.store.ReviewsOn(pr)) {
        if (!ByOther(ctx, row, dev)) continue;
        ++out.review_received_count;
        collaborator(r.reviewer[row]);
      }
    }
  } else {
    // Reviews by others submitted in the window, on any of the developer's PRs.
    for (uint32_t row : RowsInWindow(ctx, ctx.store.ReviewsReceivedBy(dev), w, [&](uint32_t x) { return r.submitted[x]; })) {
      if (!ByOther(ctx, row, dev)) continue;
      ++out.review_received_count;
      collaborator(r.reviewer[row]);
    }
    // Co-authorship both ways.
    const store::CommitColumns& c = ctx.store.commits();
    for (uint32_t row : RowsInWindow(ctx, ctx.store.CommitsOf(dev), w, [&](uint32_t x) { return c.time[x]; })) {
      for (uint32_t k = c.co_author_begin[row]; k < c.co_author_begin[row + 1]; ++k) collaborator(c.co_author_devs[k]);
    }
    for (uint32_t row : RowsInWindow(ctx, ctx.store.CoAuthoredBy(dev), w, [&](uint32_t x) { return c.time[x]; })) {
      collaborator(c.developer[row]);
    }
  }
  out.unique_collaborators = static_cast<int64_t>(collaborators.size());

  if (ctx.aexy()) {
    // "PRs outside my most-committed repository", only if the developer committed to several.
    const store::CommitColumns& c = ctx.store.commits();
    std::vector<std::pair<uint32_t, int64_t>> repos;
    for (uint32_t row : RowsInWindow(ctx, ctx.store.CommitsOfByCommitted(dev), w, [&](uint32_t x) { return c.committed[x]; })) {
      auto it = std::find_if(repos.begin(), repos.end(), [&](const auto& x) { return x.first == c.repo[row]; });
      if (it == repos.end()) {
        repos.push_back({c.repo[row], 1});
      } else {
        ++it->second;
      }
    }
    if (repos.size() > 1 && !created.empty()) {
      // Ties keep the first repository met, as Python's max over a dict does.
      const uint32_t primary = std::max_element(repos.begin(), repos.end(), [](const auto& a, const auto& b) {
                                 return a.second < b.second;
                               })->first;
      int64_t outside = 0;
      for (uint32_t pr : created) outside += p.repo[pr] != primary;
      out.cross_team_pr_ratio = static_cast<double>(outside) / static_cast<double>(created.size());
    }
  } else {
    // Of the PRs created in the window that got a review by someone else, the share reviewed by a
    // member of a team the author is not on.
    int64_t reviewed = 0, cross = 0;
    const bool on_team = !ctx.teams.teams_of(dev).empty();
    for (uint32_t pr : created) {
      bool any = false, other_team = false;
      for (uint32_t row : ctx.store.ReviewsOn(pr)) {
        if (!ByOther(ctx, row, dev)) continue;
        any = true;
        const uint32_t reviewer = r.reviewer[row];
        other_team |= on_team && !ctx.teams.teams_of(reviewer).empty() && !ctx.teams.ShareTeam(dev, reviewer);
      }
      reviewed += any;
      cross += other_team;
    }
    out.cross_team_pr_ratio = reviewed > 0 ? static_cast<double>(cross) / static_cast<double>(reviewed) : 0;
  }
  out.knowledge_sharing_score =
      std::min(1.0, static_cast<double>(out.review_given_count) *
                        static_cast<double>(std::max<int64_t>(out.unique_collaborators, 1)) / 50.0);
  return out;
}

}  // namespace loupe::metrics
