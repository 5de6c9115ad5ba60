#include "loupe/metrics/rollups/gaming_flags.h"

#include <cmath>
#include <cstdio>

#include "loupe/metrics/rollups/commit_rows.h"
#include "loupe/model/review.h"

namespace loupe::metrics {

std::string_view FlagSeverityName(FlagSeverity severity) {
  return severity == FlagSeverity::kInfo ? "info" : "warning";
}

namespace {

constexpr auto kApproved = static_cast<uint8_t>(model::ReviewState::kApproved);
constexpr auto kPending = static_cast<uint8_t>(model::ReviewState::kPending);

double Ratio(int64_t part, int64_t whole) { return static_cast<double>(part) / static_cast<double>(whole); }
double Count(int64_t n) { return static_cast<double>(n); }

template <typename... Args>
std::string Format(const char* format, Args... args) {
  char buf[160];
  std::snprintf(buf, sizeof buf, format, args...);
  return buf;
}

void CommitSplitting(const MetricContext& ctx, const std::vector<uint32_t>& commits, GamingReport& report) {
  const store::CommitColumns& c = ctx.store.commits();
  int64_t n = 0, tiny = 0;
  double lines = 0;
  for (uint32_t row : commits) {
    if (!ctx.aexy() && (c.flags[row] & store::kCommitHasStats) == 0) continue;
    const double size = static_cast<double>(c.additions[row]) + static_cast<double>(c.deletions[row]);
    ++n;
    lines += size;
    tiny += size <= kTinyCommitLines;
  }
  if (n < kSplittingMinCommits) return;
  const double mean = lines / Count(n);
  const double tiny_ratio = Ratio(tiny, n);
  if (!(mean < kSplittingMaxMeanSize && tiny_ratio > kSplittingTinyShare)) return;
  report.flags.push_back({"commit_splitting", FlagSeverity::kWarning,
                          Format("Average commit size is %.1f lines with %.0f%% tiny commits", mean, tiny_ratio * 100),
                          {{"avg_commit_size", mean, 1}, {"tiny_commit_count", Count(tiny)},
                           {"total_commits", Count(n)}, {"tiny_ratio", tiny_ratio, 2}}});
}

void TrivialPrs(const MetricContext& ctx, uint32_t developer, const Window& w, GamingReport& report) {
  const store::PullRequestColumns& p = ctx.store.pull_requests();
  int64_t n = 0, trivial = 0;
  for (uint32_t pr : RowsInWindow(ctx, ctx.store.PullRequestsOf(developer), w, [&](uint32_t r) { return p.created[r]; })) {
    const bool known = p.additions[pr] >= 0 && p.deletions[pr] >= 0;
    if (!ctx.aexy() && !known) continue;
    ++n;
    trivial += std::max<int64_t>(p.additions[pr], 0) + std::max<int64_t>(p.deletions[pr], 0) <= kTrivialPrLines;
  }
  if (n < kTrivialMinPrs) return;
  const double ratio = Ratio(trivial, n);
  if (!(ratio > kTrivialShare)) return;
  report.flags.push_back({"trivial_prs", FlagSeverity::kWarning,
                          Format("%.0f%% of PRs are trivial (\xE2\x89\xA4%lld lines changed)", ratio * 100,
                                 static_cast<long long>(kTrivialPrLines)),
                          {{"trivial_pr_count", Count(trivial)}, {"total_prs", Count(n)}, {"trivial_ratio", ratio, 2}}});
}

void RubberStamps(const MetricContext& ctx, uint32_t developer, const Window& w, GamingReport& report) {
  const store::ReviewColumns& r = ctx.store.reviews();
  int64_t n = 0, stamps = 0;
  for (uint32_t row : RowsInWindow(ctx, ctx.store.ReviewsBy(developer), w, [&](uint32_t x) { return r.submitted[x]; })) {
    // loupe: the reviews collaboration counts as given (no pending ones, none of one's own PRs).
    if (!ctx.aexy() && (r.state[row] == kPending || r.self[row])) continue;
    ++n;
    stamps += r.state[row] == kApproved && r.comments[row] == 0 && r.body_empty[row];
  }
  if (n < kRubberStampMinReviews) return;
  const double ratio = Ratio(stamps, n);
  if (!(ratio > kRubberStampShare)) return;
  report.flags.push_back({"rubber_stamp_reviews", FlagSeverity::kWarning,
                          Format("%.0f%% of reviews are approvals with no comments", ratio * 100),
                          {{"rubber_stamp_count", Count(stamps)}, {"total_reviews", Count(n)},
                           {"rubber_stamp_ratio", ratio, 2}}});
}

void SuspiciousTiming(const MetricContext& ctx, const std::vector<uint32_t>& commits, GamingReport& report) {
  const store::CommitColumns& c = ctx.store.commits();
  std::vector<Instant> times;
  for (uint32_t row : commits) {
    // A push's arrival time stands in for every commit of the push: the gaps would be made up.
    if (!ctx.aexy() && (c.flags[row] & store::kCommitApproximate) != 0) continue;
    times.push_back(CommitInstant(ctx, row));
  }
  const auto n = static_cast<int64_t>(times.size());
  if (n < kTimingMinCommits) return;
  double mean = 0;
  for (size_t i = 1; i < times.size(); ++i) mean += static_cast<double>(times[i] - times[i - 1]);
  mean /= Count(n - 1);
  if (!(mean > 0)) return;
  double variance = 0;
  for (size_t i = 1; i < times.size(); ++i) {
    const double gap = static_cast<double>(times[i] - times[i - 1]);
    variance += (gap - mean) * (gap - mean);
  }
  const double cv = std::sqrt(variance / Count(n - 1)) / mean;
  if (!(cv < kTimingMaxVariation && mean < kTimingMaxMeanGap)) return;
  report.flags.push_back({"suspicious_timing", FlagSeverity::kInfo,
                          Format("Commits are suspiciously regular (CV=%.2f, avg interval=%.0fmin)", cv, mean / 60),
                          {{"coefficient_of_variation", cv, 3}, {"avg_interval_minutes", mean / 60, 1},
                           {"commit_count", Count(n)}}});
}

void SelfMergeNoReview(const MetricContext& ctx, uint32_t developer, const Window& w, GamingReport& report) {
  const store::PullRequestColumns& p = ctx.store.pull_requests();
  const store::ReviewColumns& r = ctx.store.reviews();
  int64_t merged = 0, unreviewed = 0;
  for (uint32_t pr : RowsInWindow(ctx, ctx.store.PullRequestsOf(developer), w, [&](uint32_t x) { return p.created[x]; })) {
    if (p.merged[pr] == kNoInstant) continue;
    ++merged;
    bool reviewed = false;
    for (uint32_t row : ctx.store.ReviewsOn(pr)) {
      // aexy-compat: any review at all, the author's own included.
      reviewed |= ctx.aexy() || (r.reviewer[row] != developer && r.reviewer[row] != model::kNoId && !r.bot[row] &&
                                 r.state[row] != kPending && r.submitted[row] <= p.merged[pr]);
    }
    unreviewed += !reviewed;
  }
  if (merged == 0) return;
  const double ratio = Ratio(unreviewed, merged);
  if (!(unreviewed >= kSelfMergeMinCount && ratio > kSelfMergeShare)) return;
  report.flags.push_back({"self_merge_no_review", FlagSeverity::kWarning,
                          Format("%lld merged PRs with zero reviews", static_cast<long long>(unreviewed)),
                          {{"no_review_merged_count", Count(unreviewed)}, {"total_merged", Count(merged)},
                           {"ratio", ratio, 2}}});
}

std::string_view RiskLevel(const std::vector<GamingFlag>& flags) {
  int64_t warnings = 0;
  for (const GamingFlag& f : flags) warnings += f.severity == FlagSeverity::kWarning;
  if (flags.empty()) return "none";
  if (flags.size() >= 3 || warnings >= 2) return "high";
  if (flags.size() >= 2) return "medium";
  return "low";
}

}  // namespace

GamingReport DetectGamingPatterns(const MetricContext& ctx, uint32_t developer, const Window& window) {
  GamingReport report;
  const std::vector<uint32_t> commits = CountedCommits(ctx, developer, window);
  CommitSplitting(ctx, commits, report);
  TrivialPrs(ctx, developer, window, report);
  RubberStamps(ctx, developer, window, report);
  SuspiciousTiming(ctx, commits, report);
  SelfMergeNoReview(ctx, developer, window, report);
  report.risk_level = RiskLevel(report.flags);
  return report;
}

void WriteJson(JsonWriter& w, const GamingReport& report) {
  w.BeginObject().Key("flags").BeginArray();
  for (const GamingFlag& f : report.flags) {
    w.BeginObject().Field("type", f.type).Field("severity", FlagSeverityName(f.severity));
    w.Field("description", f.description).Key("evidence").BeginObject();
    for (const FlagEvidence& e : f.evidence) {
      if (e.decimals < 0) {
        w.Field(e.key, static_cast<int64_t>(e.value));
      } else {
        w.Key(e.key).Double(e.value, e.decimals);
      }
    }
    w.EndObject().EndObject();
  }
  w.EndArray();
  w.Field("risk_level", report.risk_level).Field("flags_count", static_cast<int64_t>(report.flags.size()));
  w.EndObject();
}

}  // namespace loupe::metrics
