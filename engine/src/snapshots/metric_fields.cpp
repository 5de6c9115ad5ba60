#include "loupe/snapshots/metric_fields.h"

#include <cmath>
#include <string>
#include <type_traits>

namespace loupe::snapshots {

namespace {

constexpr std::string_view kCategoryNames[kCategoryCount] = {"velocity", "efficiency", "quality",
                                                             "sustainability", "collaboration"};

// One table entry per member of the category structs; the accessors are generated so the key,
// the column and the member can never disagree.
#define LOUPE_FIELD(cat, Cat, member, is_integer, is_loupe_only)                                   \
  MetricField {                                                                                    \
    Category::k##Cat, #member, #cat "_" #member, is_integer, is_loupe_only,                        \
        [](const metrics::DeveloperInsights& i) { return static_cast<double>(i.cat.member); },     \
        [](metrics::DeveloperInsights& i, double v) {                                              \
          using T = decltype(i.cat.member);                                                        \
          i.cat.member = std::is_integral_v<T> ? static_cast<T>(std::llround(v)) : static_cast<T>(v); \
        }                                                                                          \
  }

const MetricField kFields[] = {
    LOUPE_FIELD(velocity, Velocity, commits_count, true, false),
    LOUPE_FIELD(velocity, Velocity, prs_merged, true, false),
    LOUPE_FIELD(velocity, Velocity, lines_added, true, false),
    LOUPE_FIELD(velocity, Velocity, lines_removed, true, false),
    LOUPE_FIELD(velocity, Velocity, net_lines, true, false),
    LOUPE_FIELD(velocity, Velocity, commit_frequency, false, false),
    LOUPE_FIELD(velocity, Velocity, pr_throughput, false, false),
    LOUPE_FIELD(velocity, Velocity, avg_commit_size, false, false),
    LOUPE_FIELD(velocity, Velocity, co_authored_count, true, true),
    LOUPE_FIELD(efficiency, Efficiency, avg_pr_cycle_time_hours, false, false),
    LOUPE_FIELD(efficiency, Efficiency, avg_time_to_first_review_hours, false, false),
    LOUPE_FIELD(efficiency, Efficiency, avg_pr_size, false, false),
    LOUPE_FIELD(efficiency, Efficiency, pr_merge_rate, false, false),
    LOUPE_FIELD(efficiency, Efficiency, first_commit_to_merge_hours, false, false),
    LOUPE_FIELD(efficiency, Efficiency, rework_ratio, false, false),
    LOUPE_FIELD(efficiency, Efficiency, prs_created, true, true),
    LOUPE_FIELD(quality, Quality, review_participation_rate, false, false),
    LOUPE_FIELD(quality, Quality, reviews_per_working_day, false, true),
    LOUPE_FIELD(quality, Quality, avg_review_depth, false, false),
    LOUPE_FIELD(quality, Quality, review_turnaround_hours, false, false),
    LOUPE_FIELD(quality, Quality, self_merge_rate, false, false),
    LOUPE_FIELD(sustainability, Sustainability, weekend_commit_ratio, false, false),
    LOUPE_FIELD(sustainability, Sustainability, late_night_commit_ratio, false, false),
    LOUPE_FIELD(sustainability, Sustainability, longest_streak_days, true, false),
    LOUPE_FIELD(sustainability, Sustainability, avg_daily_active_hours, false, false),
    LOUPE_FIELD(sustainability, Sustainability, focus_score, false, false),
    LOUPE_FIELD(collaboration, Collaboration, unique_collaborators, true, false),
    LOUPE_FIELD(collaboration, Collaboration, cross_team_pr_ratio, false, false),
    LOUPE_FIELD(collaboration, Collaboration, review_given_count, true, false),
    LOUPE_FIELD(collaboration, Collaboration, review_received_count, true, false),
    LOUPE_FIELD(collaboration, Collaboration, knowledge_sharing_score, false, false),
};

#undef LOUPE_FIELD

}  // namespace

std::string_view CategoryName(Category category) {
  return kCategoryNames[static_cast<int>(category)];
}

Result<Category> ParseCategory(std::string_view name) {
  for (int c = 0; c < kCategoryCount; ++c) {
    if (kCategoryNames[c] == name) return static_cast<Category>(c);
  }
  return InvalidInput("unknown metric category \"" + std::string(name) +
                      "\" (expected velocity, efficiency, quality, sustainability or collaboration)");
}

std::span<const MetricField> MetricFields() { return kFields; }

Result<const MetricField*> FindMetricField(Category category, std::string_view key) {
  std::string keys;
  for (const MetricField& f : kFields) {
    if (f.category != category) continue;
    if (f.key == key) return &f;
    keys += (keys.empty() ? "" : ", ") + std::string(f.key);
  }
  return InvalidInput("\"" + std::string(key) + "\" is not a metric of category " +
                      std::string(CategoryName(category)) + " (its keys: " + keys + ")");
}

}  // namespace loupe::snapshots
