#include "loupe/alerts/alert.h"

#include <algorithm>
#include <cmath>
#include <span>

#include "loupe/core/strings.h"

namespace loupe::alerts {

namespace {

constexpr std::string_view kOperators[] = {"gt", "lt", "gte", "lte", "eq", "change_pct"};
constexpr std::string_view kScopes[] = {"workspace", "team", "developer"};
constexpr std::string_view kSeverities[] = {"info", "warning", "critical"};
constexpr std::string_view kStatuses[] = {"triggered", "acknowledged", "resolved"};

template <typename E>
Result<E> ParseName(std::span<const std::string_view> names, std::string_view name, std::string_view what) {
  std::string accepted;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<E>(i);
    accepted += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + std::string(names[i]);
  }
  return InvalidInput("unknown " + std::string(what) + " " + QuoteForMessage(name) + " (expected " +
                      accepted + ")");
}

// Sorted by id: rules and alerts get increasing ids, so appending keeps the order.
template <typename Rows>
auto FindById(Rows& rows, int64_t id) -> decltype(rows.data()) {
  auto it = std::lower_bound(rows.begin(), rows.end(), id, [](const auto& r, int64_t v) { return r.id < v; });
  return it != rows.end() && it->id == id ? &*it : nullptr;
}

template <typename T>
void UpsertById(std::vector<T>& rows, T value) {
  if (T* existing = FindById(rows, value.id)) {
    *existing = std::move(value);
    return;
  }
  auto at = std::lower_bound(rows.begin(), rows.end(), value.id, [](const T& r, int64_t v) { return r.id < v; });
  rows.insert(at, std::move(value));
}

}  // namespace

std::string_view OperatorName(Operator op) { return kOperators[static_cast<int>(op)]; }
std::string_view ScopeName(Scope scope) { return kScopes[static_cast<int>(scope)]; }
std::string_view SeverityName(Severity severity) { return kSeverities[static_cast<int>(severity)]; }
std::string_view AlertStatusName(AlertStatus status) { return kStatuses[static_cast<int>(status)]; }

Result<Operator> ParseOperator(std::string_view name) { return ParseName<Operator>(kOperators, name, "operator"); }
Result<Scope> ParseScope(std::string_view name) { return ParseName<Scope>(kScopes, name, "scope"); }
Result<Severity> ParseSeverity(std::string_view name) { return ParseName<Severity>(kSeverities, name, "severity"); }
Result<AlertStatus> ParseAlertStatus(std::string_view name) {
  return ParseName<AlertStatus>(kStatuses, name, "alert status");
}

Status ValidateRule(const Rule& rule) {
  if (Trim(rule.name).empty()) return InvalidInput("an alert rule needs a name");
  if (rule.name.size() > kMaxRuleName) {
    return InvalidInput("alert rule names are at most " + std::to_string(kMaxRuleName) + " bytes");
  }
  if (rule.metric.size() > kMaxMetricKey) return InvalidInput("metric keys are at most 100 bytes");
  LOUPE_TRY(snapshots::FindMetricField(rule.category, rule.metric));
  if (!std::isfinite(rule.threshold)) return InvalidInput("the threshold must be a finite number");
  if ((rule.scope == Scope::kWorkspace) != rule.scope_ref.empty()) {
    return InvalidInput(rule.scope == Scope::kWorkspace
                            ? "a workspace rule names no team or developer"
                            : "a " + std::string(ScopeName(rule.scope)) + " rule must name its " +
                                  std::string(ScopeName(rule.scope)));
  }
  return Status::Ok();
}

std::vector<Rule> DefaultTemplates() {
  using snapshots::Category;
  auto rule = [](std::string name, std::string description, Category category, std::string metric, Operator op,
                 double threshold, Severity severity) {
    Rule r;
    r.name = std::move(name);
    r.description = std::move(description);
    r.category = category;
    r.metric = std::move(metric);
    r.op = op;
    r.threshold = threshold;
    r.severity = severity;
    return r;
  };
  return {
      rule("Burnout Risk - High Weekend Activity",
           "More than 30% of the developer's commits fall on non-working days", Category::kSustainability,
           "weekend_commit_ratio", Operator::kGt, 0.30, Severity::kWarning),
      rule("Burnout Risk - Excessive After-Hours", "More than 25% of the developer's commits are late at night",
           Category::kSustainability, "late_night_commit_ratio", Operator::kGt, 0.25, Severity::kWarning),
      rule("Velocity Drop", "Fewer than 5 commits in the period", Category::kVelocity, "commits_count",
           Operator::kLt, 5.0, Severity::kInfo),
      rule("Stale PRs - Slow Merge", "Pull requests take more than 72 hours from creation to merge on average",
           Category::kEfficiency, "avg_pr_cycle_time_hours", Operator::kGt, 72.0, Severity::kWarning),
      rule("High Self-Merge Rate", "More than 40% of merged pull requests had no review by someone else",
           Category::kQuality, "self_merge_rate", Operator::kGt, 0.40, Severity::kCritical),
      rule("Low Review Participation",
           "The developer reviewed fewer than 20% of the pull requests they were asked or eligible to review",
           Category::kQuality, "review_participation_rate", Operator::kLt, 0.20, Severity::kInfo),
  };
}

const Rule* AlertBook::FindRule(int64_t id) const { return FindById(rules_, id); }

const Rule* AlertBook::FindRuleByName(std::string_view name) const {
  for (const Rule& r : rules_) {
    if (EqualsIgnoreCaseAscii(r.name, name)) return &r;
  }
  return nullptr;
}

const Alert* AlertBook::FindAlert(int64_t id) const {
  return FindById(alerts_, id);
}

const Alert* AlertBook::OpenAlert(int64_t rule_id, model::DeveloperId developer) const {
  for (const Alert& a : alerts_) {
    if (a.rule_id == rule_id && a.developer == developer && a.open()) return &a;
  }
  return nullptr;
}

void AlertBook::Apply(AlertChanges changes) {
  for (Rule& r : changes.rules) UpsertById(rules_, std::move(r));
  for (Alert& a : changes.alerts) UpsertById(alerts_, std::move(a));
  for (int64_t id : changes.removed_rules) {
    std::erase_if(rules_, [&](const Rule& r) { return r.id == id; });
    std::erase_if(alerts_, [&](const Alert& a) { return a.rule_id == id; });
  }
  for (int64_t id : changes.removed_alerts) {
    std::erase_if(alerts_, [&](const Alert& a) { return a.id == id; });
  }
}

}  // namespace loupe::alerts
