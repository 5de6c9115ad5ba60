// loupe/intelligence/complexity.h — how complex and risky a pull request is, from the files it
// changes (layers, components, infrastructure, migrations, security-sensitive paths), its size
// and its title and description (aexy §3.6, whose classifier never ran: §9.2 item 6). The
// `loupe` profile matches path and text keywords as words ("tokenizer.rs" is not a token file,
// "docs/authors.md" is not an auth path); aexy-compat uses the seed's substrings where the seed
// lists them. docs/intelligence.md has every pattern, weight and threshold.
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

enum class ChangeLayer : uint8_t { kApi = 0, kService, kModel, kRepository, kUi, kInfrastructure, kConfig, kTest, kOther };
inline constexpr size_t kChangeLayerCount = 9;
std::string_view ChangeLayerName(ChangeLayer layer);  //!< "api", "service", …, "other"

enum class ChangeCategory : uint8_t {
  kFeature = 0,
  kBugfix,
  kRefactor,
  kDocumentation,
  kInfrastructure,
  kConfiguration,
  kDependency,
  kTest,
  kSecurity,
  kPerformance,
};
inline constexpr size_t kChangeCategoryCount = 10;
std::string_view ChangeCategoryName(ChangeCategory category);  //!< "feature", "bugfix", …

enum class ComplexityLevel : uint8_t { kTrivial = 0, kSimple, kModerate, kComplex, kCritical };
inline constexpr size_t kComplexityLevelCount = 5;
std::string_view ComplexityLevelName(ComplexityLevel level);
//! < 15 trivial, < 30 simple, < 50 moderate, < 70 complex, else critical.
ComplexityLevel ComplexityLevelOf(int score);

enum class ReviewEffort : uint8_t { kLow = 0, kMedium, kHigh, kVeryHigh };
std::string_view ReviewEffortName(ReviewEffort effort);  //!< "low", "medium", "high", "very_high"
//! trivial/simple: < 100 lines low, < 300 medium, else high; moderate: < 200 medium, else high;
//! complex: < 300 high, else very_high; critical: very_high.
ReviewEffort ReviewEffortOf(ComplexityLevel level, int64_t lines_changed);

//! What one changed path is.
struct PathClassification {
  ChangeLayer layer = ChangeLayer::kOther;
  std::string component;  //!< src/X/, packages/X/, apps/X/, modules/X/, services/X/, lib/X/; else the top directory; else "root"
  bool is_test = false;
  bool is_config = false;
  bool is_infra = false;
  bool is_migration = false;
  bool is_security_sensitive = false;
};
PathClassification ClassifyPath(std::string_view path,
                                metrics::MetricProfile profile = metrics::MetricProfile::kLoupe);

//! What the classifier reads of a change.
struct ChangeDescription {
  std::string_view title;
  std::string_view body;
  std::span<const std::string> paths;  //!< changed files; empty when unknown
  int64_t files_changed = 0;           //!< used when `paths` is empty (a PR's changed_files)
  int64_t lines_changed = 0;           //!< additions + deletions
};

struct ComplexityAnalysis {
  int complexity_score = 0;  //!< 0–100
  ComplexityLevel level = ComplexityLevel::kTrivial;
  ReviewEffort review_effort = ReviewEffort::kLow;
  std::vector<ChangeCategory> categories;   //!< table order; [feature] when nothing matched
  std::vector<ChangeLayer> layers;          //!< distinct, other included, in layer order
  std::vector<std::string> components;      //!< distinct, sorted
  std::vector<std::string> risk_indicators;
  int64_t files_changed = 0;
  int64_t lines_changed = 0;
  int64_t test_files = 0, infra_files = 0, migration_files = 0, security_files = 0;
  bool files_known = false;  //!< the file list was known (else only the count, title and body)
  bool is_cross_cutting = false;       //!< more than 2 components
  bool touches_architecture = false;   //!< more than 2 layers other than "other"
};

ComplexityAnalysis ClassifyChange(const ChangeDescription& change,
                                  metrics::MetricProfile profile = metrics::MetricProfile::kLoupe);

//! The files of a pull request: the union of its own commits' file lists when those commits are
//! in the workspace with files, else its merge commit's file list, else none (unknown).
std::vector<std::string> PullRequestPaths(const model::Workspace& ws, const model::PullRequest& pr);
//! ClassifyChange of a pull request (size from its additions and deletions when known, else
//! from the files of its commits).
ComplexityAnalysis ClassifyPullRequest(const model::Workspace& ws, const model::PullRequest& pr,
                                       metrics::MetricProfile profile = metrics::MetricProfile::kLoupe);

//! The pull requests the developers opened in a window, summarized.
struct ComplexityProfile {
  int64_t total_prs = 0;
  double average_complexity_score = 0;
  std::array<int64_t, kComplexityLevelCount> level_distribution{};
  std::vector<std::pair<std::string, int64_t>> top_categories;  //!< at most 3, count desc then name
  std::vector<std::pair<std::string, int64_t>> top_components;  //!< at most 5
  std::vector<std::pair<std::string, int64_t>> top_layers;      //!< at most 3, "other" left out
  double cross_cutting_ratio = 0;
  double architecture_ratio = 0;
  double files_known_ratio = 0;
  bool handles_critical_changes = false;  //!< at least one PR is complex or critical
  ReviewEffort avg_review_effort = ReviewEffort::kLow;  //!< round(mean of low 1 … very_high 4)
};
ComplexityProfile ProfileComplexity(const model::Workspace& ws, const metrics::MetricContext& ctx,
                                    std::span<const uint32_t> developers, const Window& window);

//! {complexity_score, complexity_level, review_effort, categories, layers_touched,
//! components_touched, risk_indicators, files_changed, lines_changed, test_files, infra_files,
//! migration_files, security_sensitive_files, files_known, is_cross_cutting, touches_architecture}.
void WriteJson(JsonWriter& w, const ComplexityAnalysis& analysis);
//! {total_prs, average_complexity_score (1 dp), complexity_distribution{level: count},
//! top_categories[[name, count]], top_components, top_layers, cross_cutting_ratio,
//! architecture_ratio, files_known_ratio (2 dp), handles_critical_changes, avg_review_effort}.
void WriteJson(JsonWriter& w, const ComplexityProfile& profile);

}  // namespace loupe::intelligence
