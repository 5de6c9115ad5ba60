// loupe/snapshots/metric_fields.h — every value of the five categories by name: what snapshots
// store column by column, what alert rules may watch, what exports print.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

#include "loupe/core/status.h"
#include "loupe/metrics/categories.h"

namespace loupe::snapshots {

//! The five snapshot categories (Aexy's metric_category values).
enum class Category : uint8_t { kVelocity = 0, kEfficiency, kQuality, kSustainability, kCollaboration };
inline constexpr int kCategoryCount = 5;

//! "velocity", "efficiency", "quality", "sustainability", "collaboration".
std::string_view CategoryName(Category category);
//! The inverse of CategoryName; InvalidInput lists the accepted names.
Result<Category> ParseCategory(std::string_view name);

//! One value of metrics::DeveloperInsights.
struct MetricField {
  Category category;
  std::string_view key;     //!< the seed's key inside its category, e.g. "commits_count"
  std::string_view column;  //!< the snapshot table's column, e.g. "velocity_commits_count"
  bool integer;             //!< a count (stored as INTEGER); the others are rates and averages
  bool loupe_only;          //!< a key only the loupe profile reports (docs/metrics.md)
  double (*get)(const metrics::DeveloperInsights& insights);
  void (*set)(metrics::DeveloperInsights& insights, double value);  //!< counts are rounded
};

//! Every field, category by category in the order of metrics/categories.h.
std::span<const MetricField> MetricFields();

//! The field of `key` in `category`, or InvalidInput naming the category's real keys (so a rule
//! on a key that does not exist — the seed's "avg_pr_cycle_time" — cannot be created).
Result<const MetricField*> FindMetricField(Category category, std::string_view key);

}  // namespace loupe::snapshots
