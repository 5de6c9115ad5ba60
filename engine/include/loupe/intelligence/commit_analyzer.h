// loupe/intelligence/commit_analyzer.h — what kind of change a commit is, from its message
// (aexy §3.1: conventional-commit parsing, a keyword fallback, a quality score, semantic tags),
// and per developer / window aggregates. docs/intelligence.md lists every rule and weight, and
// what the `loupe` profile does differently from the seed (words, not substrings; the
// BREAKING CHANGE footer; reverts; the imperative verb of a conventional description).
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "loupe/core/json_writer.h"
#include "loupe/core/period.h"
#include "loupe/metrics/context.h"
#include "loupe/model/workspace.h"

namespace loupe::intelligence {

enum class CommitType : uint8_t {
  kFeat = 0,
  kFix,
  kRefactor,
  kChore,
  kDocs,
  kTest,
  kStyle,
  kPerf,
  kBuild,
  kCi,
  kRevert,
  kUnknown,
};
inline constexpr size_t kCommitTypeCount = 12;
std::string_view CommitTypeName(CommitType type);  //!< "feat", "fix", …, "unknown"

//! The classification of one commit message.
struct CommitAnalysis {
  CommitType type = CommitType::kUnknown;
  std::string scope;          //!< "" when none
  bool breaking = false;
  bool conventional = false;  //!< the message is `type(scope)!: subject`
  int quality_score = 0;      //!< 0–100
  std::vector<std::string> semantic_tags;  //!< domains in the table's order, at most 10
};

//! Classifies a full commit message (subject, blank line, body) under a profile.
CommitAnalysis AnalyzeCommitMessage(std::string_view message,
                                    metrics::MetricProfile profile = metrics::MetricProfile::kLoupe);

//! AnalyzeCommitMessage plus the seed's language tags: up to 3 languages of the commit's changed
//! files (LanguageOfPath, lower-cased, in file order) not already among the tags; at most 10 tags.
CommitAnalysis AnalyzeCommit(const model::Commit& commit,
                             metrics::MetricProfile profile = metrics::MetricProfile::kLoupe);

//! The parts of a conventional-commit subject line; `matched` false when it is not one.
struct ConventionalHeader {
  bool matched = false;
  CommitType type = CommitType::kUnknown;
  std::string scope;
  bool bang = false;             //!< `type!:` / `type(scope)!:`
  std::string_view description;  //!< the text after ": "
};
//! Parses `type(scope)!: description` at the very start of the message (type case-insensitive,
//! one of the eleven; scope optional, without ')' or a line break; description non-blank).
ConventionalHeader ParseConventionalHeader(std::string_view message);

//! Whether the message has a conventional-commits breaking-change footer: a line after the
//! subject that starts with "BREAKING CHANGE:" or "BREAKING-CHANGE:" (upper case, as the
//! specification requires).
bool HasBreakingChangeFooter(std::string_view message);

//! Aggregates over the commits of one or more developers in a window.
struct CommitSummary {
  int64_t commits_analyzed = 0;
  std::array<int64_t, kCommitTypeCount> type_distribution{};  //!< by CommitType
  std::vector<std::pair<std::string, int64_t>> top_tags;       //!< count desc, then name; at most 10
  double average_quality_score = 0;                             //!< unrounded mean; 0 without commits
  int64_t breaking_changes_count = 0;
  int64_t conventional_count = 0;

  //! Share of commits of a type in percent; 0 without commits.
  double Percentage(CommitType type) const;
};

//! The developers' commits whose instant is in the window (authored, loupe: non-merge commits;
//! aexy-compat: committed, merges included), each classified with AnalyzeCommit.
CommitSummary SummarizeCommits(const model::Workspace& ws, const metrics::MetricContext& ctx,
                               std::span<const uint32_t> developers, const Window& window);

//! The seed's stored form: {type, scope (null when none), breaking, quality_score, semantic_tags},
//! plus conventional.
void WriteJson(JsonWriter& w, const CommitAnalysis& analysis);
//! The seed's batch and distribution in one object: {commits_analyzed, total_commits,
//! type_distribution{type: count} (types with commits, in type order), distribution (the same),
//! percentages{type: percent (1 dp)}, top_tags[[tag, count]], average_quality_score,
//! breaking_changes_count, conventional_commits_count}.
void WriteJson(JsonWriter& w, const CommitSummary& summary);

}  // namespace loupe::intelligence
