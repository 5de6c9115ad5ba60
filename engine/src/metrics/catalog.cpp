#include "loupe/metrics/catalog.h"

#include <algorithm>

#include "loupe/core/strings.h"

namespace loupe::metrics {

namespace {

using enum MetricUnit;
using enum Better;
using enum MetricSubject;
using enum WindowAnchor;

// Transcribed from docs/metrics.md; where that page is terse the code in engine/src/metrics was
// read to be exact. An entry's `aexy` is non-empty exactly where the page's aexy-compat column
// (or its profile table) gives another rule.
constexpr CatalogEntry kCatalog[] = {
    // ---- velocity ---------------------------------------------------------------------------------
    {.category = "velocity", .key = "commits_count", .label = "Commits", .unit = kCount, .better = kHigher,
     .subject = kDeveloper, .anchor = kCommit,
     .definition = "Commits the developer authored (under any of their identities) whose commit time falls in the window.",
     .population = "the developer's commits",
     .exclusions = "merge commits (more than one parent): they carry no authored work",
     .aexy = "Every commit, merge commits included."},
    {.category = "velocity", .key = "prs_merged", .label = "Merged PRs", .unit = kCount, .better = kHigher,
     .subject = kDeveloper, .anchor = kPrMerged,
     .definition = "Pull requests the developer authored that were merged in the window.",
     .population = "the developer's pull requests with a merge time"},
    {.category = "velocity", .key = "lines_added", .label = "Lines added", .unit = kLines, .better = kNeither,
     .subject = kDeveloper, .anchor = kCommit,
     .definition = "Sum of the additions of the commits commits_count counts (binary files count 0).",
     .population = "the commits commits_count counts",
     .exclusions = "merge commits; commits whose stats are unknown add 0",
     .aexy_exclusions = "commits whose stats are unknown add 0"},
    {.category = "velocity", .key = "lines_removed", .label = "Lines removed", .unit = kLines, .better = kNeither,
     .subject = kDeveloper, .anchor = kCommit,
     .definition = "Sum of the deletions of the commits commits_count counts (binary files count 0).",
     .population = "the commits commits_count counts",
     .exclusions = "merge commits; commits whose stats are unknown add 0",
     .aexy_exclusions = "commits whose stats are unknown add 0"},
    {.category = "velocity", .key = "net_lines", .label = "Net lines", .unit = kLines, .better = kNeither,
     .subject = kDeveloper, .anchor = kCommit, .definition = "lines_added − lines_removed.",
     .population = "the commits commits_count counts", .exclusions = "merge commits"},
    {.category = "velocity", .key = "commit_frequency", .label = "Commits per working day", .unit = kPerDay,
     .better = kHigher, .subject = kDeveloper, .anchor = kCommit,
     .definition = "commits_count / working days, at least 1 working day.",
     .window = "working days are the working weekdays of the developer's schedule (in its zone) minus holidays, "
               "over the window's local dates",
     .population = "the commits commits_count counts", .exclusions = "merge commits",
     .aexy = "commits_count (merges included) / every Mon–Fri calendar date from the window's start date to its "
             "end date inclusive, at least 1 (§9.3.3)."},
    {.category = "velocity", .key = "pr_throughput", .label = "Merged PRs per week", .unit = kPerWeek,
     .better = kHigher, .subject = kDeveloper, .anchor = kPrMerged,
     .definition = "prs_merged / weeks, where weeks = window seconds / 604 800, at least 1/7.",
     .population = "the developer's pull requests merged in the window"},
    {.category = "velocity", .key = "avg_commit_size", .label = "Average commit size", .unit = kLines,
     .better = kNeither, .subject = kDeveloper, .anchor = kCommit,
     .definition = "(lines_added + lines_removed) / commits with known stats; 0 without any.",
     .population = "the commits commits_count counts whose stats are known",
     .exclusions = "merge commits; commits whose stats are unknown",
     .aexy = "(lines_added + lines_removed) / every commit of the window, merges and commits without stats included."},
    {.category = "velocity", .key = "co_authored_count", .label = "Co-authored commits", .unit = kCount,
     .better = kHigher, .subject = kDeveloper, .anchor = kCommit,
     .definition = "Commits by others in the window that name this developer in a Co-authored-by trailer.",
     .population = "other developers' commits naming the developer as co-author", .exclusions = "merge commits",
     .aexy = "Not reported: Aexy has no co-author count.", .loupe_only = true},

    // ---- efficiency -------------------------------------------------------------------------------
    {.category = "efficiency", .key = "avg_pr_cycle_time_hours", .label = "PR cycle time", .unit = kHours,
     .better = kLower, .subject = kDeveloper, .anchor = kPrCreated,
     .definition = "Mean over the merged pull requests of (merged_at − created_at), in hours.",
     .window = "the merge may come after the window",
     .population = "the developer's pull requests created in the window and merged (by now); none ⇒ 0",
     .exclusions = "pull requests not merged", .aexy_exclusions = "pull requests not merged"},
    {.category = "efficiency", .key = "avg_time_to_first_review_hours", .label = "Time to first review",
     .unit = kHours, .better = kLower, .subject = kDeveloper, .anchor = kPrCreated,
     .definition = "Mean over the pull requests with a qualifying review of (first review − created_at), in hours.",
     .window = "the review may come after the window",
     .population = "the developer's pull requests created in the window with a review by someone else, not a bot, "
                   "not pending, submitted at or after creation",
     .exclusions = "the author's own reviews; reviews by bots; pending reviews; reviews submitted before the pull "
                   "request was created",
     .aexy = "Any review counts, the author's own included, and negative values are kept (§9.3.10).",
     .aexy_population = "the developer's pull requests created in the window with any review"},
    {.category = "efficiency", .key = "avg_pr_size", .label = "PR size", .unit = kLines, .better = kNeither,
     .subject = kDeveloper, .anchor = kPrCreated,
     .definition = "Mean of (additions + deletions) over the pull requests whose size is known.",
     .population = "the developer's pull requests created in the window whose size is known",
     .exclusions = "pull requests whose size is unknown (REST list items do not carry it)",
     .aexy = "Unknown sizes count as 0.",
     .aexy_population = "the developer's pull requests created in the window"},
    {.category = "efficiency", .key = "pr_merge_rate", .label = "Merge rate", .unit = kRatio, .better = kHigher,
     .subject = kDeveloper, .anchor = kPrCreated,
     .definition = "Pull requests of the population merged (by now) / pull requests created in the window.",
     .window = "the merge may come after the window",
     .population = "the developer's pull requests created in the window; none ⇒ 0"},
    {.category = "efficiency", .key = "first_commit_to_merge_hours", .label = "First commit to merge",
     .unit = kHours, .better = kLower, .subject = kDeveloper, .anchor = kPrCreated,
     .definition = "Mean over the merged pull requests of (merged_at − first commit), in hours; the first commit is "
                   "the earliest author date among the pull request's own commits when known, else its creation.",
     .population = "the developer's pull requests created in the window and merged (by now)",
     .exclusions = "pull requests not merged; a commit known only from a push event never starts the clock",
     .aexy = "The first commit is the earliest of the author's commits in the same repository committed in "
             "[created − 14 days, merged_at] (§9.3.10); none ⇒ the cycle time.",
     .aexy_exclusions = "pull requests not merged"},
    {.category = "efficiency", .key = "rework_ratio", .label = "Rework ratio", .unit = kRatio, .better = kLower,
     .subject = kDeveloper, .anchor = kPrCreated,
     .definition = "Pull requests with rework / pull requests created in the window. Rework: a commit of the pull "
                   "request committed after its first changes_requested review (when its commit list is known), "
                   "else at least one changes_requested review by someone else.",
     .population = "the developer's pull requests created in the window; none ⇒ 0",
     .exclusions = "changes_requested reviews by the author, by bots or pending",
     .aexy = "Rework is more than one changes_requested review: a pull request with exactly one is not rework."},
    {.category = "efficiency", .key = "prs_created", .label = "PRs created", .unit = kCount, .better = kNeither,
     .subject = kDeveloper, .anchor = kPrCreated,
     .definition = "Pull requests the developer created in the window: the efficiency population.",
     .population = "the developer's pull requests",
     .aexy = "Not reported (Aexy does not write the population's size).", .loupe_only = true},

    // ---- quality ----------------------------------------------------------------------------------
    {.category = "quality", .key = "review_participation_rate", .label = "Review participation", .unit = kRatio,
     .better = kHigher, .subject = kDeveloper, .anchor = kPrCreated,
     .definition = "Distinct pull requests the developer reviewed / pull requests they were asked or eligible to "
                   "review, in 0..1.",
     .window = "the asked or eligible pull requests are those created in the window; a review counts whenever it "
               "was submitted after creation",
     .population = "asked: named in the requested reviewers; eligible: by other non-bot developers, in a repository "
                   "where the developer authored a commit or a review in the window; a pull request both asked and "
                   "eligible counts once",
     .exclusions = "the developer's own pull requests; pull requests by bots; pending reviews",
     .aexy = "Reviews submitted in the window / working days (every Mon–Fri date of the window): reviews per day, "
             "not a share (§9.3.1).",
     .aexy_population = "every review the developer submitted in the window"},
    {.category = "quality", .key = "reviews_per_working_day", .label = "Reviews per working day", .unit = kPerDay,
     .better = kHigher, .subject = kDeveloper, .anchor = kReviewSubmitted,
     .definition = "Reviews the developer gave in the window / working days of their schedule (at least 1).",
     .population = "the reviews review_given_count counts",
     .exclusions = "reviews of the developer's own pull requests; pending reviews",
     .aexy = "Not reported separately: it is aexy-compat's review_participation_rate.", .loupe_only = true},
    {.category = "quality", .key = "avg_review_depth", .label = "Review depth", .unit = kCount, .better = kHigher,
     .subject = kDeveloper, .anchor = kReviewSubmitted,
     .definition = "Inline comments of the reviews given in the window / those reviews.",
     .population = "the reviews review_given_count counts, with their imported inline comments",
     .exclusions = "reviews of the developer's own pull requests; pending reviews"},
    {.category = "quality", .key = "review_turnaround_hours", .label = "Review turnaround", .unit = kHours,
     .better = kLower, .subject = kDeveloper, .anchor = kReviewSubmitted,
     .definition = "Mean of (submitted_at − the pull request's created_at) over the reviews given in the window, in "
                   "hours.",
     .population = "the reviews review_given_count counts",
     .exclusions = "self-reviews; pending reviews; reviews submitted before the pull request was created",
     .aexy = "Every review the developer submitted counts, self-reviews and pending ones included.",
     .aexy_population = "every review the developer submitted in the window",
     .aexy_exclusions = "reviews submitted before the pull request was created"},
    {.category = "quality", .key = "self_merge_rate", .label = "Self-merge rate", .unit = kRatio, .better = kLower,
     .subject = kDeveloper, .anchor = kPrMerged,
     .definition = "Pull requests merged in the window without a review by someone else submitted at or before the "
                   "merge / pull requests merged in the window.",
     .population = "the developer's pull requests merged in the window",
     .exclusions = "as a review: the author's own, a bot's, a pending one or one submitted after the merge",
     .aexy = "Self-merged means zero reviews by others at any time (§9.3.10).",
     .aexy_exclusions = "as a review: the author's own"},

    // ---- sustainability ---------------------------------------------------------------------------
    {.category = "sustainability", .key = "weekend_commit_ratio", .label = "Weekend commits", .unit = kRatio,
     .better = kLower, .subject = kDeveloper, .anchor = kCommit,
     .definition = "Commits on a non-working local day / commits; non-working = not a working day of the developer's "
                   "schedule, or a holiday.",
     .population = "the developer's commits in the window", .exclusions = "merge commits",
     .aexy = "Commits whose local weekday (schedule zone, default UTC) is not a working day / commits; no holidays."},
    {.category = "sustainability", .key = "late_night_commit_ratio", .label = "Late-night commits", .unit = kRatio,
     .better = kLower, .subject = kDeveloper, .anchor = kCommit,
     .definition = "Commits in the late-night local hours [late_night_start, 24:00) ∪ [00:00, late_night_end), "
                   "default 22:00–06:00, / commits.",
     .population = "the developer's commits in the window", .exclusions = "merge commits",
     .aexy = "Commits whose local hour is at or after the threshold (default 22) / commits: the early morning does "
             "not count (§9.3.3)."},
    {.category = "sustainability", .key = "longest_streak_days", .label = "Longest streak", .unit = kDays,
     .better = kNeither, .subject = kDeveloper, .anchor = kCommit,
     .definition = "Longest run of consecutive local dates with a commit in the window.",
     .population = "the developer's commits in the window", .exclusions = "merge commits",
     .aexy = "Consecutive UTC dates."},
    {.category = "sustainability", .key = "avg_daily_active_hours", .label = "Active hours per day", .unit = kHours,
     .better = kNeither, .subject = kDeveloper, .anchor = kCommit,
     .definition = "Mean over the active local dates of (latest commit hour − earliest commit hour + 1).",
     .population = "the developer's commits in the window", .exclusions = "merge commits",
     .aexy = "UTC dates and hours."},
    {.category = "sustainability", .key = "focus_score", .label = "Focus", .unit = kScore, .better = kHigher,
     .subject = kDeveloper, .anchor = kCommit,
     .definition = "Sum over repositories of (share of the window's commits)²: 1.0 = one repository.",
     .population = "the developer's commits in the window", .exclusions = "merge commits"},

    // ---- collaboration ----------------------------------------------------------------------------
    {.category = "collaboration", .key = "unique_collaborators", .label = "Collaborators", .unit = kCount,
     .better = kHigher, .subject = kDeveloper, .anchor = kActivity,
     .definition = "Distinct other developers: reviewers of the developer's pull requests, authors of pull requests "
                   "they reviewed, co-authors of their commits and authors who named them as co-author — all within "
                   "the window.",
     .population = "the reviews given and received, and the commits, of the window",
     .exclusions = "bots; deleted accounts (they name no developer); reviews of one's own pull requests and pending "
                   "reviews given",
     .aexy = "Reviewers of the pull requests created in the window ∪ authors of the pull requests reviewed in the "
             "window; bots count.",
     .aexy_exclusions = "deleted accounts (they name no developer)"},
    {.category = "collaboration", .key = "cross_team_pr_ratio", .label = "Cross-team reviews", .unit = kRatio,
     .better = kHigher, .subject = kDeveloper, .anchor = kPrCreated,
     .definition = "The developer's pull requests created in the window reviewed by a member of another team / those "
                   "that got a review by someone else. Teams are the workspace's; a developer on no team has 0.",
     .population = "the developer's pull requests created in the window with a review by someone else",
     .exclusions = "reviews by the author, by bots or pending; reviewers on no team",
     .aexy = "Pull requests outside the developer's most-committed repository / pull requests created in the "
             "window, only when they committed to more than one repository (§9.3.2).",
     .aexy_population = "the developer's pull requests created in the window"},
    {.category = "collaboration", .key = "review_given_count", .label = "Reviews given", .unit = kCount,
     .better = kHigher, .subject = kDeveloper, .anchor = kReviewSubmitted,
     .definition = "Reviews the developer submitted in the window.",
     .population = "the developer's reviews",
     .exclusions = "reviews of the developer's own pull requests; pending reviews",
     .aexy = "Every review, self-reviews and pending ones included."},
    {.category = "collaboration", .key = "review_received_count", .label = "Reviews received", .unit = kCount,
     .better = kNeither, .subject = kDeveloper, .anchor = kReviewSubmitted,
     .definition = "Reviews by others submitted in the window on any of the developer's pull requests.",
     .population = "reviews of the developer's pull requests",
     .exclusions = "the author's own reviews; reviews by bots; pending reviews",
     .aexy = "Reviews by others, submitted at any time, on the developer's pull requests created in the window.",
     .aexy_population = "reviews of the developer's pull requests created in the window",
     .aexy_exclusions = "the author's own reviews"},
    {.category = "collaboration", .key = "knowledge_sharing_score", .label = "Knowledge sharing", .unit = kScore,
     .better = kHigher, .subject = kDeveloper, .anchor = kActivity,
     .definition = "min(1, review_given_count × max(unique_collaborators, 1) / 50).",
     .population = "what review_given_count and unique_collaborators count"},

    // ---- raw counts (the developer JSON's raw_counts) -----------------------------------------------
    {.category = "raw_counts", .key = "commits", .label = "Commits", .unit = kCount, .better = kHigher,
     .subject = kDeveloper, .anchor = kCommit, .definition = "velocity.commits_count, repeated.",
     .population = "the developer's commits", .exclusions = "merge commits"},
    {.category = "raw_counts", .key = "prs_merged", .label = "Merged PRs", .unit = kCount, .better = kHigher,
     .subject = kDeveloper, .anchor = kPrMerged, .definition = "velocity.prs_merged, repeated.",
     .population = "the developer's pull requests with a merge time"},
    {.category = "raw_counts", .key = "lines_added", .label = "Lines added", .unit = kLines, .better = kNeither,
     .subject = kDeveloper, .anchor = kCommit, .definition = "velocity.lines_added, repeated.",
     .population = "the commits commits_count counts", .exclusions = "merge commits"},
    {.category = "raw_counts", .key = "lines_removed", .label = "Lines removed", .unit = kLines, .better = kNeither,
     .subject = kDeveloper, .anchor = kCommit, .definition = "velocity.lines_removed, repeated.",
     .population = "the commits commits_count counts", .exclusions = "merge commits"},
    {.category = "raw_counts", .key = "reviews_given", .label = "Reviews given", .unit = kCount, .better = kHigher,
     .subject = kDeveloper, .anchor = kReviewSubmitted, .definition = "collaboration.review_given_count, repeated.",
     .population = "the developer's reviews",
     .exclusions = "reviews of the developer's own pull requests; pending reviews"},
    {.category = "raw_counts", .key = "reviews_received", .label = "Reviews received", .unit = kCount,
     .better = kNeither, .subject = kDeveloper, .anchor = kReviewSubmitted,
     .definition = "collaboration.review_received_count, repeated.",
     .population = "reviews of the developer's pull requests",
     .exclusions = "the author's own reviews; reviews by bots; pending reviews"},

    // ---- health score -------------------------------------------------------------------------------
    {.category = "health", .key = "score", .label = "Health score", .unit = kScore, .better = kHigher,
     .subject = kDeveloper, .anchor = kActivity,
     .definition = "Σ category score × weight, rounded to 1 decimal, 0–100; a term rewarding the absence of something "
                   "bad counts only when its population exists, so no activity scores 0.",
     .population = "the developer's five categories over the window",
     .aexy = "Weights used raw (1.0 each gives 5× the score, above 100), and the absence terms always count: no "
             "activity scores 32.0."},
    {.category = "health", .key = "velocity", .label = "Velocity score", .unit = kScore, .better = kHigher,
     .subject = kDeveloper, .anchor = kActivity,
     .definition = "min(commit_frequency / 2, 1)·40 + min(pr_throughput / 3, 1)·30 + (30 if any commit), at most 100, "
                   "1 decimal.",
     .population = "the developer's velocity category"},
    {.category = "health", .key = "efficiency", .label = "Efficiency score", .unit = kScore, .better = kHigher,
     .subject = kDeveloper, .anchor = kActivity,
     .definition = "cycle·0.4 + pr_merge_rate·100·0.4 + (100 − rework_ratio·100)·0.2 with cycle = 100 − "
                   "min(avg_pr_cycle_time_hours / 2, 100); the cycle term needs a merged pull request among those "
                   "created, the rework term a created one.",
     .population = "the developer's efficiency category",
     .aexy = "The cycle and rework terms always count: no pull requests score 60."},
    {.category = "health", .key = "quality", .label = "Quality score", .unit = kScore, .better = kHigher,
     .subject = kDeveloper, .anchor = kActivity,
     .definition = "min(review_participation_rate, 1)·40 + min(avg_review_depth / 3, 1)·30 + (100 − "
                   "self_merge_rate·100)·0.3; the self-merge term needs a merged pull request.",
     .population = "the developer's quality category",
     .aexy = "The participation term reads reviews per working day (1 a day = full marks, §9.3.1) and the "
             "self-merge term always counts."},
    {.category = "health", .key = "sustainability", .label = "Sustainability score", .unit = kScore,
     .better = kHigher, .subject = kDeveloper, .anchor = kActivity,
     .definition = "(100 − weekend·200)·0.35 + (100 − late_night·200)·0.35 + min(focus_score·100, 100)·0.3, each term at "
                   "least 0; 0 without commits.",
     .population = "the developer's sustainability category",
     .aexy = "Counted without commits too: no commits score 70."},
    {.category = "health", .key = "collaboration", .label = "Collaboration score", .unit = kScore,
     .better = kHigher, .subject = kDeveloper, .anchor = kActivity,
     .definition = "min(unique_collaborators / 5, 1)·40 + min(review_given_count / 5, 1)·30 + "
                   "knowledge_sharing_score·100·0.3.",
     .population = "the developer's collaboration category"},
    {.category = "health", .key = "weight", .label = "Weight", .unit = kWeight, .better = kNeither,
     .subject = kDeveloper, .anchor = kNone,
     .definition = "A category's weight from the workspace insight settings (default 0.2 each), normalised to sum 1.",
     .population = "the workspace insight settings",
     .aexy = "Used raw, not normalised."},

    // ---- percentile ranking -------------------------------------------------------------------------
    {.category = "percentile", .key = "peer_count", .label = "Peers", .unit = kCount, .better = kNeither,
     .subject = kDeveloper, .anchor = kNone,
     .definition = "The peers the developer was ranked against, as given: the workspace population.",
     .population = "every developer the bot rules do not mark", .exclusions = "bots",
     .aexy_population = "every developer, bots included"},
    {.category = "percentile", .key = "percentile", .label = "Percentile", .unit = kPercentile, .better = kHigher,
     .subject = kDeveloper, .anchor = kActivity,
     .definition = "round((n − rank) / max(n − 1, 1) × 100), ties to even, clamped to 0–100; n = the peers plus the "
                   "developer when absent.",
     .population = "the workspace population plus the developer", .exclusions = "bots",
     .aexy = "Equal values are ranked by their position in the input order (1, 2, 3) instead of sharing a rank "
             "(§9.3.9).",
     .aexy_population = "every developer, bots included", .aexy_exclusions = ""},
    {.category = "percentile", .key = "rank", .label = "Rank", .unit = kRank, .better = kLower,
     .subject = kDeveloper, .anchor = kActivity,
     .definition = "1 + the developers with a better value; equal values share a rank (1, 1, 3). Lower is better "
                   "for avg_pr_cycle_time_hours.",
     .population = "the workspace population plus the developer", .exclusions = "bots",
     .aexy = "Equal values are ranked by their position in the input order (§9.3.9).",
     .aexy_population = "every developer, bots included"},
    {.category = "percentile", .key = "total", .label = "Ranked", .unit = kCount, .better = kNeither,
     .subject = kDeveloper, .anchor = kNone,
     .definition = "The developers ranked: the peers plus the developer when absent.",
     .population = "the workspace population plus the developer", .exclusions = "bots",
     .aexy_population = "every developer, bots included"},

    // ---- velocity forecast --------------------------------------------------------------------------
    {.category = "forecast", .key = "commits", .label = "Forecast commits", .unit = kCount, .better = kNeither,
     .subject = kDeveloper, .anchor = kSnapshots,
     .definition = "Σ w·v / Σ w over past periods ordered oldest → newest, the i-th of n weighing 0.7^(n−1−i); 1 "
                   "decimal.",
     .population = "the developer's stored snapshots"},
    {.category = "forecast", .key = "prs_merged", .label = "Forecast merged PRs", .unit = kCount,
     .better = kNeither, .subject = kDeveloper, .anchor = kSnapshots,
     .definition = "The weighted mean of past periods' merged pull requests, as for commits.",
     .population = "the developer's stored snapshots"},
    {.category = "forecast", .key = "lines_changed", .label = "Forecast lines changed", .unit = kLines,
     .better = kNeither, .subject = kDeveloper, .anchor = kSnapshots,
     .definition = "The weighted mean of past periods' lines added + removed, as for commits.",
     .population = "the developer's stored snapshots"},
    {.category = "forecast", .key = "confidence", .label = "Forecast confidence", .unit = kRatio, .better = kHigher,
     .subject = kDeveloper, .anchor = kSnapshots,
     .definition = "round(min(n/6, 1)·0.6 + consistency·0.4, 2); consistency = max(0, 1 − CV) of the commits when n ≥ 2 "
                   "and the commit forecast is above 0, else 0.5; 0 without points.",
     .population = "the developer's stored snapshots"},
    {.category = "forecast", .key = "data_points", .label = "Periods used", .unit = kCount, .better = kHigher,
     .subject = kDeveloper, .anchor = kSnapshots, .definition = "The past periods the forecast read.",
     .population = "the developer's stored snapshots"},
    {.category = "forecast", .key = "historical", .label = "Past periods", .unit = kCount, .better = kNeither,
     .subject = kDeveloper, .anchor = kSnapshots,
     .definition = "The past periods the forecast read, oldest first, each with its commits, prs_merged and "
                   "lines_changed.",
     .population = "the developer's stored snapshots"},

    // ---- anti-gaming flags --------------------------------------------------------------------------
    {.category = "gaming", .key = "flags_count", .label = "Gaming flags", .unit = kCount, .better = kLower,
     .subject = kDeveloper, .anchor = kActivity,
     .definition = "Patterns that inflate activity numbers, triggered in the window: commit_splitting, trivial_prs, "
                   "rubber_stamp_reviews, suspicious_timing, self_merge_no_review.",
     .population = "the developer's commits, pull requests created and reviews given in the window",
     .exclusions = "commits with unknown stats and merge commits (sizes); pull requests of unknown size; pending "
                   "reviews and reviews of one's own pull requests; commits timed only by a push",
     .aexy = "Every commit with unknown sizes as 0, unknown pull request sizes as 0 (trivial), every review, gaps by "
             "committer date, and an unreviewed pull request has no review at all."},
    {.category = "gaming", .key = "risk_level", .label = "Gaming risk", .unit = kLabel, .better = kLower,
     .subject = kDeveloper, .anchor = kActivity,
     .definition = "none without flags; high with ≥ 3 flags or ≥ 2 warnings; medium with 2 flags; else low.",
     .population = "the flags of the window"},
    {.category = "gaming", .key = "flags", .label = "Flag evidence", .unit = kCount, .better = kNeither,
     .subject = kDeveloper, .anchor = kActivity,
     .definition = "Each flag's type, severity, description and evidence: the counts and shares its trigger read.",
     .population = "the flags of the window"},

    // ---- team insights ------------------------------------------------------------------------------
    {.category = "team", .key = "member_count", .label = "Members", .unit = kCount, .better = kNeither,
     .subject = kGroup, .anchor = kActivity,
     .definition = "The member rows: members with a commit, merged pull request or review in the window (all with "
                   "include_inactive).",
     .population = "the team's members resolved against the current developers, or every developer",
     .exclusions = "bots; members with no activity in the window (unless include_inactive)",
     .aexy_population = "every member, bots included",
     .aexy_exclusions = "members with no activity in the window (unless include_inactive)"},
    {.category = "team", .key = "total_commits", .label = "Commits", .unit = kCount, .better = kNeither,
     .subject = kGroup, .anchor = kCommit, .definition = "Σ of the member rows' commits_count.",
     .population = "the member rows", .exclusions = "bots; merge commits",
     .aexy_population = "the member rows, bots included"},
    {.category = "team", .key = "total_prs_merged", .label = "Merged PRs", .unit = kCount, .better = kNeither,
     .subject = kGroup, .anchor = kPrMerged, .definition = "Σ of the member rows' prs_merged.",
     .population = "the member rows", .exclusions = "bots", .aexy_population = "the member rows, bots included"},
    {.category = "team", .key = "total_lines_changed", .label = "Lines changed", .unit = kLines, .better = kNeither,
     .subject = kGroup, .anchor = kCommit, .definition = "Σ of the member rows' lines_changed (added + removed).",
     .population = "the member rows", .exclusions = "bots; merge commits",
     .aexy_population = "the member rows, bots included"},
    {.category = "team", .key = "total_reviews", .label = "Reviews", .unit = kCount, .better = kNeither,
     .subject = kGroup, .anchor = kReviewSubmitted, .definition = "Σ of the member rows' reviews_given.",
     .population = "the member rows", .exclusions = "bots; self-reviews; pending reviews",
     .aexy_population = "the member rows, bots included"},
    {.category = "team", .key = "avg_commits_per_member", .label = "Commits per member", .unit = kCount,
     .better = kNeither, .subject = kGroup, .anchor = kCommit,
     .definition = "total_commits / member rows (at least 1).", .population = "the member rows",
     .exclusions = "bots", .aexy_population = "the member rows, bots included"},
    {.category = "team", .key = "avg_prs_per_member", .label = "Merged PRs per member", .unit = kCount,
     .better = kNeither, .subject = kGroup, .anchor = kPrMerged,
     .definition = "total_prs_merged / member rows (at least 1).", .population = "the member rows",
     .exclusions = "bots", .aexy_population = "the member rows, bots included"},

    // ---- workload distribution (team insights' distribution) ----------------------------------------
    {.category = "workload", .key = "gini_coefficient", .label = "Workload inequality (Gini)", .unit = kRatio,
     .better = kLower, .subject = kGroup, .anchor = kActivity,
     .definition = "Gini of the member rows' loads (load / role multiplier with role weighting), corrected by "
                   "n/(n−1) so that one of n doing everything is 1.0; 0 for fewer than 2 loads or no load.",
     .population = "the member rows", .exclusions = "bots",
     .aexy = "Uncorrected: at most (n−1)/n, so [0, 0, 0, 100] gives 0.75 (§9.3.8).",
     .aexy_population = "the member rows, bots included"},
    {.category = "workload", .key = "top_contributor_share", .label = "Top contributor share", .unit = kRatio,
     .better = kLower, .subject = kGroup, .anchor = kActivity, .definition = "Largest load / total load.",
     .population = "the member rows", .exclusions = "bots", .aexy_population = "the member rows, bots included"},
    {.category = "workload", .key = "mean_load", .label = "Mean load", .unit = kLoad, .better = kNeither,
     .subject = kGroup, .anchor = kActivity, .definition = "Total load / member rows.",
     .population = "the member rows", .exclusions = "bots", .aexy = "Not written.", .loupe_only = true},
    {.category = "workload", .key = "bottleneck_multiplier", .label = "Bottleneck multiplier", .unit = kRatio,
     .better = kNeither, .subject = kGroup, .anchor = kNone,
     .definition = "A member is a bottleneck when their load exceeds this multiple of the mean load: the team's "
                   "insight settings, else the workspace's, else 2.",
     .population = "the insight settings",
     .aexy = "Always 2 (Aexy stores the setting and ignores it); not written.", .loupe_only = true},
    {.category = "workload", .key = "bottleneck_developers", .label = "Bottlenecks", .unit = kCount,
     .better = kLower, .subject = kGroup, .anchor = kActivity,
     .definition = "Members whose load exceeds bottleneck_multiplier × mean load (mean above 0).",
     .population = "the member rows", .exclusions = "bots",
     .aexy = "The multiplier is always 2.", .aexy_population = "the member rows, bots included"},
    {.category = "workload", .key = "commits_count", .label = "Commits", .unit = kCount, .better = kNeither,
     .subject = kGroup, .anchor = kCommit, .definition = "A member's commits, as velocity.commits_count counts them.",
     .population = "the member's commits", .exclusions = "merge commits"},
    {.category = "workload", .key = "prs_merged", .label = "Merged PRs", .unit = kCount, .better = kNeither,
     .subject = kGroup, .anchor = kPrMerged, .definition = "A member's merged pull requests, as velocity counts them.",
     .population = "the member's pull requests"},
    {.category = "workload", .key = "lines_changed", .label = "Lines changed", .unit = kLines, .better = kNeither,
     .subject = kGroup, .anchor = kCommit, .definition = "A member's lines added + removed, as velocity counts them.",
     .population = "the member's commits", .exclusions = "merge commits"},
    {.category = "workload", .key = "reviews_given", .label = "Reviews given", .unit = kCount, .better = kNeither,
     .subject = kGroup, .anchor = kReviewSubmitted,
     .definition = "A member's reviews, as collaboration.review_given_count counts them.",
     .population = "the member's reviews", .exclusions = "self-reviews; pending reviews"},
    {.category = "workload", .key = "load", .label = "Load", .unit = kLoad, .better = kNeither, .subject = kGroup,
     .anchor = kActivity,
     .definition = "commits_count + 3 × prs_merged + reviews_given: a merged pull request stands for the review and "
                   "merge work around it; lines are not load.",
     .population = "the member's commits, merged pull requests and reviews", .exclusions = "merge commits",
     .aexy = "Not written (the Gini still reads it).", .loupe_only = true},

    // ---- workspace health ---------------------------------------------------------------------------
    {.category = "workspace", .key = "total_developers", .label = "Developers", .unit = kCount, .better = kNeither,
     .subject = kWorkspace, .anchor = kActivity,
     .definition = "Active developers plus the inactive ones (activity before the window's end, none in it).",
     .population = "every developer the bot rules do not mark",
     .exclusions = "bots; developers whose first activity comes after the window",
     .aexy = "Every developer of the population, zero rows included.",
     .aexy_population = "every developer, bots included", .aexy_exclusions = ""},
    {.category = "workspace", .key = "active_developers", .label = "Active developers", .unit = kCount,
     .better = kNeither, .subject = kWorkspace, .anchor = kActivity,
     .definition = "Developers with a commit, merged pull request or review in the window.",
     .population = "every developer the bot rules do not mark", .exclusions = "bots",
     .aexy = "Not written: every developer counts.", .loupe_only = true},
    {.category = "workspace", .key = "total_commits", .label = "Commits", .unit = kCount, .better = kNeither,
     .subject = kWorkspace, .anchor = kCommit, .definition = "Σ of the developers' commits_count.",
     .population = "the active developers", .exclusions = "bots; merge commits",
     .aexy_population = "every developer, bots included"},
    {.category = "workspace", .key = "total_prs_merged", .label = "Merged PRs", .unit = kCount, .better = kNeither,
     .subject = kWorkspace, .anchor = kPrMerged, .definition = "Σ of the developers' prs_merged.",
     .population = "the active developers", .exclusions = "bots",
     .aexy_population = "every developer, bots included"},
    {.category = "workspace", .key = "total_reviews", .label = "Reviews", .unit = kCount, .better = kNeither,
     .subject = kWorkspace, .anchor = kReviewSubmitted, .definition = "Σ of the developers' reviews given.",
     .population = "the active developers", .exclusions = "bots; self-reviews; pending reviews",
     .aexy_population = "every developer, bots included"},
    {.category = "workspace", .key = "total_lines_changed", .label = "Lines changed", .unit = kLines,
     .better = kNeither, .subject = kWorkspace, .anchor = kCommit,
     .definition = "Σ of the developers' lines added + removed.", .population = "the active developers",
     .exclusions = "bots; merge commits", .aexy_population = "every developer, bots included"},
    {.category = "workspace", .key = "avg_commits_per_dev", .label = "Commits per developer", .unit = kCount,
     .better = kNeither, .subject = kWorkspace, .anchor = kCommit,
     .definition = "total_commits / active developers, 1 decimal.", .population = "the active developers",
     .exclusions = "bots; inactive developers", .aexy = "total_commits / every developer of the population.",
     .aexy_population = "every developer, bots included"},
    {.category = "workspace", .key = "avg_prs_per_dev", .label = "Merged PRs per developer", .unit = kCount,
     .better = kNeither, .subject = kWorkspace, .anchor = kPrMerged,
     .definition = "total_prs_merged / active developers, 1 decimal.", .population = "the active developers",
     .exclusions = "bots; inactive developers", .aexy = "total_prs_merged / every developer of the population.",
     .aexy_population = "every developer, bots included"},
    {.category = "workspace", .key = "gini_coefficient", .label = "Workload inequality (Gini)", .unit = kRatio,
     .better = kLower, .subject = kWorkspace, .anchor = kActivity,
     .definition = "The Gini of the active developers' loads, corrected by n/(n−1).",
     .population = "the active developers", .exclusions = "bots; inactive developers",
     .aexy = "Over every developer, zero rows included, uncorrected (§9.3.8).",
     .aexy_population = "every developer, bots included"},
    {.category = "workspace", .key = "workload_balance", .label = "Workload balance", .unit = kLabel,
     .better = kNeither, .subject = kWorkspace, .anchor = kActivity,
     .definition = "From gini_coefficient: good below 0.3, moderate below 0.5, else poor.",
     .population = "the active developers", .exclusions = "bots; inactive developers",
     .aexy_population = "every developer, bots included"},
    {.category = "workspace", .key = "burnout_risk_count", .label = "Burnout risks", .unit = kCount,
     .better = kLower, .subject = kWorkspace, .anchor = kCommit,
     .definition = "Developers with weekend_commit_ratio > 0.30 or late_night_commit_ratio > 0.25 in the window "
                   "(the profile's sustainability category); at most 5 are listed, all are counted.",
     .population = "the active developers", .exclusions = "bots; merge commits",
     .aexy_population = "every developer, bots included"},
    {.category = "workspace", .key = "bottleneck_count", .label = "Bottlenecks", .unit = kCount, .better = kLower,
     .subject = kWorkspace, .anchor = kActivity,
     .definition = "Developers whose load exceeds the bottleneck multiplier × the mean load.",
     .population = "the active developers", .exclusions = "bots",
     .aexy = "Developers whose commits exceed 2 × the mean commits.",
     .aexy_population = "every developer, bots included"},
    {.category = "workspace", .key = "weekend_ratio", .label = "Weekend commits", .unit = kRatio, .better = kLower,
     .subject = kWorkspace, .anchor = kCommit,
     .definition = "A burnout risk's sustainability.weekend_commit_ratio.", .population = "the developer's commits",
     .exclusions = "merge commits"},
    {.category = "workspace", .key = "late_night_ratio", .label = "Late-night commits", .unit = kRatio,
     .better = kLower, .subject = kWorkspace, .anchor = kCommit,
     .definition = "A burnout risk's sustainability.late_night_commit_ratio.",
     .population = "the developer's commits", .exclusions = "merge commits"},
    {.category = "workspace", .key = "commits", .label = "Commits", .unit = kCount, .better = kNeither,
     .subject = kWorkspace, .anchor = kCommit,
     .definition = "A listed developer's commits, as velocity.commits_count counts them.",
     .population = "the developer's commits", .exclusions = "merge commits"},
    {.category = "workspace", .key = "prs_merged", .label = "Merged PRs", .unit = kCount, .better = kNeither,
     .subject = kWorkspace, .anchor = kPrMerged, .definition = "A top contributor's merged pull requests.",
     .population = "the developer's pull requests"},
    {.category = "workspace", .key = "lines_changed", .label = "Lines changed", .unit = kLines, .better = kNeither,
     .subject = kWorkspace, .anchor = kCommit, .definition = "A top contributor's lines added + removed.",
     .population = "the developer's commits", .exclusions = "merge commits"},
    {.category = "workspace", .key = "load", .label = "Load", .unit = kLoad, .better = kNeither,
     .subject = kWorkspace, .anchor = kActivity,
     .definition = "A bottleneck's load: commits_count + 3 × prs_merged + reviews_given.",
     .population = "the developer's commits, merged pull requests and reviews", .exclusions = "merge commits",
     .aexy = "Not written.", .loupe_only = true},
    {.category = "workspace", .key = "ratio_vs_avg", .label = "Times the average", .unit = kRatio,
     .better = kLower, .subject = kWorkspace, .anchor = kActivity,
     .definition = "A bottleneck's load / the mean load, 1 decimal.", .population = "the active developers",
     .exclusions = "bots", .aexy = "commits / the mean commits.",
     .aexy_population = "every developer, bots included"},
    {.category = "workspace", .key = "days_inactive", .label = "Days inactive", .unit = kDays, .better = kNeither,
     .subject = kWorkspace, .anchor = kActivity,
     .definition = "Whole days from the developer's last activity (commit, pull request opened or merged, review) "
                   "before the window's end to the window's end.",
     .window = "the last activity lies before the window's start",
     .population = "developers with activity before the window's end but none in it",
     .exclusions = "bots; developers whose first activity comes after the window",
     .aexy = "Not written: aexy-compat lists no inactive developers.", .loupe_only = true},

    // ---- bus factor ---------------------------------------------------------------------------------
    {.category = "repository", .key = "bus_factor", .label = "Bus factor", .unit = kCount, .better = kHigher,
     .subject = kGroup, .anchor = kCommit,
     .definition = "Per repository: developers by commits, most first, taken until their cumulative share reaches "
                   "the threshold (0.5–1.0, default 0.8).",
     .population = "the population's commits in the repository", .exclusions = "merge commits"},
    {.category = "repository", .key = "share", .label = "Commit share", .unit = kRatio, .better = kNeither,
     .subject = kGroup, .anchor = kCommit,
     .definition = "A top contributor's commits / the repository's total commits, 3 decimals.",
     .population = "the population's commits in the repository", .exclusions = "merge commits"},
    {.category = "repository", .key = "total_commits", .label = "Commits", .unit = kCount, .better = kNeither,
     .subject = kGroup, .anchor = kCommit, .definition = "The population's commits in the repository.",
     .population = "the population's commits in the repository", .exclusions = "merge commits"},
};

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string FullName(const CatalogEntry& e) { return std::string(e.category) + "." + std::string(e.key); }

}  // namespace

std::span<const CatalogEntry> MetricCatalog() { return kCatalog; }

const CatalogEntry* FindCatalogEntry(std::string_view name) {
  const size_t dot = name.find('.');
  for (const CatalogEntry& e : kCatalog) {
    if (dot == std::string_view::npos ? e.key == name
                                      : e.category == name.substr(0, dot) && e.key == name.substr(dot + 1)) {
      return &e;
    }
  }
  return nullptr;
}

std::vector<std::string> CloseCatalogNames(std::string_view name, size_t limit) {
  const std::string wanted = ToLowerAscii(name);
  const std::string_view key = wanted.find('.') == std::string::npos ? std::string_view(wanted)
                                                                      : std::string_view(wanted).substr(wanted.find('.') + 1);
  std::vector<std::pair<size_t, std::string>> scored;
  for (const CatalogEntry& e : kCatalog) {
    size_t distance = EditDistance(key, e.key);
    // A name that contains the wanted one (or the reverse) is close whatever its length.
    if (key.size() >= 3 && (e.key.find(key) != std::string_view::npos || key.find(e.key) != std::string_view::npos)) {
      distance = std::min<size_t>(distance, 1);
    }
    if (distance <= std::max<size_t>(2, key.size() / 3)) scored.push_back({distance, FullName(e)});
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [distance, full] : scored) {
    if (out.size() == limit) break;
    out.push_back(full);
  }
  return out;
}

std::string_view MetricUnitName(MetricUnit unit) {
  switch (unit) {
    case kCount: return "count";
    case kRatio: return "ratio";
    case kHours: return "hours";
    case kDays: return "days";
    case kLines: return "lines";
    case kScore: return "score";
    case kPerDay: return "per_day";
    case kPerWeek: return "per_week";
    case kLoad: return "load";
    case kPercentile: return "percentile";
    case kRank: return "rank";
    case kWeight: return "weight";
    case kLabel: return "label";
  }
  return "count";
}

std::string_view BetterName(Better better) {
  switch (better) {
    case kHigher: return "higher";
    case kLower: return "lower";
    case kNeither: return "neither";
  }
  return "neither";
}

std::string_view MetricSubjectName(MetricSubject subject) {
  switch (subject) {
    case kDeveloper: return "developer";
    case kGroup: return "team";
    case kWorkspace: return "workspace";
  }
  return "developer";
}

bool DiffersBetweenProfiles(const CatalogEntry& entry) { return !entry.aexy.empty() || entry.loupe_only; }

std::string_view Definition(const CatalogEntry& entry, MetricProfile profile) {
  return profile == MetricProfile::kAexyCompat && !entry.aexy.empty() ? entry.aexy : entry.definition;
}

std::string_view Population(const CatalogEntry& entry, MetricProfile profile) {
  return profile == MetricProfile::kAexyCompat && !entry.aexy_population.empty() ? entry.aexy_population
                                                                                : entry.population;
}

std::vector<std::string_view> Exclusions(const CatalogEntry& entry, MetricProfile profile) {
  // Under aexy-compat merge commits, bots' activity and self or pending reviews all count
  // (docs/metrics.md "Windows and time"), so an entry states its own aexy exclusions.
  const std::string_view text = profile == MetricProfile::kAexyCompat ? entry.aexy_exclusions : entry.exclusions;
  std::vector<std::string_view> out;
  for (std::string_view part : Split(text, ';')) {
    if (!Trim(part).empty()) out.push_back(Trim(part));
  }
  return out;
}

std::string WindowRule(const CatalogEntry& entry, MetricProfile profile) {
  const bool aexy = profile == MetricProfile::kAexyCompat;
  const std::string bounds = aexy ? "in [from, to] (closed: an instant at `to` counts)"
                                  : "in [from, to) (half-open: an instant at `to` belongs to the next window)";
  std::string rule;
  switch (entry.anchor) {
    case kCommit:
      rule = aexy ? "commits whose committer date falls " + bounds : "commits whose author date falls " + bounds;
      break;
    case kPrCreated: rule = "pull requests created " + bounds; break;
    case kPrMerged: rule = "pull requests merged " + bounds; break;
    case kReviewSubmitted: rule = "reviews submitted " + bounds; break;
    case kActivity:
      rule = std::string(aexy ? "commits (committer date)" : "commits (author date)") +
             ", pull requests and reviews, each by its own instant, " + bounds;
      break;
    case kSnapshots:
      rule = "the stored snapshots of the period type (weekly for a custom window), oldest to newest; not the window";
      break;
    case kNone: rule = "no instant of its own"; break;
  }
  if (!entry.window.empty()) rule += "; " + std::string(entry.window);
  return rule;
}

}  // namespace loupe::metrics
