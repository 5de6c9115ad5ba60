// loupe/metrics/rollups/gaming_flags.h — patterns that inflate activity metrics without more
// work behind them (aexy §2.13). Flags are prompts for a conversation, never verdicts.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/core/json_writer.h"
#include "loupe/metrics/context.h"

namespace loupe::metrics {

enum class FlagSeverity : uint8_t { kInfo, kWarning };
std::string_view FlagSeverityName(FlagSeverity severity);  //!< "info" / "warning"

//! One piece of evidence; `decimals` < 0 marks a count.
struct FlagEvidence {
  std::string_view key;
  double value = 0;
  int decimals = -1;
};

struct GamingFlag {
  std::string_view type;  //!< commit_splitting, trivial_prs, rubber_stamp_reviews, suspicious_timing, self_merge_no_review
  FlagSeverity severity = FlagSeverity::kWarning;
  std::string description;
  std::vector<FlagEvidence> evidence;
};

struct GamingReport {
  std::vector<GamingFlag> flags;
  std::string_view risk_level;  //!< none, low, medium, high
};

// Preconditions (enough data to judge) and triggers.
inline constexpr int64_t kSplittingMinCommits = 5;
inline constexpr double kTinyCommitLines = 5;        //!< a commit of at most 5 changed lines is tiny
inline constexpr double kSplittingMaxMeanSize = 5;   //!< mean size below this …
inline constexpr double kSplittingTinyShare = 0.5;   //!< … and more than half tiny
inline constexpr int64_t kTrivialMinPrs = 3;
inline constexpr int64_t kTrivialPrLines = 10;
inline constexpr double kTrivialShare = 0.6;
inline constexpr int64_t kRubberStampMinReviews = 3;
inline constexpr double kRubberStampShare = 0.7;
inline constexpr int64_t kTimingMinCommits = 10;
inline constexpr double kTimingMaxVariation = 0.1;   //!< coefficient of variation of the gaps
inline constexpr double kTimingMaxMeanGap = 3600;    //!< seconds
inline constexpr int64_t kSelfMergeMinCount = 2;
inline constexpr double kSelfMergeShare = 0.5;

//! The five checks for one developer and window:
//!   commit_splitting      ≥ 5 commits; mean size < 5 lines and > 50 % of commits ≤ 5 lines
//!   trivial_prs           ≥ 3 PRs created; > 60 % of them ≤ 10 changed lines
//!   rubber_stamp_reviews  ≥ 3 reviews given; > 70 % approvals with no comment and an empty body
//!   suspicious_timing     ≥ 10 commits; gaps between consecutive commits with mean > 0, mean
//!                         < 1 h and coefficient of variation (population) < 0.1 (severity info)
//!   self_merge_no_review  of the PRs created in the window and merged: ≥ 2 and > 50 % unreviewed
//! loupe counts commits and PRs with known sizes only (an unknown size is not a tiny one), leaves
//! merges, pending reviews and self-reviews out, and calls a PR unreviewed when no one else (not a
//! bot) reviewed it before the merge; aexy-compat counts unknown sizes as 0, every review, and
//! calls a PR unreviewed when it has no review at all. Risk: none without flags; high with ≥ 3
//! flags or ≥ 2 warnings; medium with 2; else low.
GamingReport DetectGamingPatterns(const MetricContext& ctx, uint32_t developer, const Window& window);

//! {flags[{type, severity, description, evidence{…}}], risk_level, flags_count}
void WriteJson(JsonWriter& w, const GamingReport& report);

}  // namespace loupe::metrics
