// loupe/alerts/alert.h — alert rules over the snapshot metrics, the alerts they raise, and the
// default templates.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/core/period.h"
#include "loupe/core/status.h"
#include "loupe/model/ids.h"
#include "loupe/snapshots/metric_fields.h"

namespace loupe::alerts {

//! How a rule compares. gt…eq compare the metric's value with the threshold (eq: within 0.001);
//! change_pct compares the percent change against the previous window of the same length.
enum class Operator : uint8_t { kGt = 0, kLt, kGte, kLte, kEq, kChangePct };
//! Whom a rule measures: every active developer, a team's members, or one developer.
enum class Scope : uint8_t { kWorkspace = 0, kTeam, kDeveloper };
enum class Severity : uint8_t { kInfo = 0, kWarning, kCritical };
//! An alert is open while triggered or acknowledged; resolved closes it.
enum class AlertStatus : uint8_t { kTriggered = 0, kAcknowledged, kResolved };

std::string_view OperatorName(Operator op);  //!< "gt", "lt", "gte", "lte", "eq", "change_pct"
std::string_view ScopeName(Scope scope);     //!< "workspace", "team", "developer"
std::string_view SeverityName(Severity severity);  //!< "info", "warning", "critical"
std::string_view AlertStatusName(AlertStatus status);  //!< "triggered", "acknowledged", "resolved"
//! Inverses of the names (exact, lower case); InvalidInput lists the accepted names.
Result<Operator> ParseOperator(std::string_view name);
Result<Scope> ParseScope(std::string_view name);
Result<Severity> ParseSeverity(std::string_view name);
Result<AlertStatus> ParseAlertStatus(std::string_view name);

//! Longest name and metric key a rule may have (the seed's limits).
inline constexpr size_t kMaxRuleName = 200;
inline constexpr size_t kMaxMetricKey = 100;

struct Rule {
  int64_t id = 0;  //!< assigned when stored, from 1
  std::string name;  //!< unique in the workspace, case-insensitively
  std::string description;
  snapshots::Category category = snapshots::Category::kVelocity;
  std::string metric;  //!< a key of the category (snapshots::FindMetricField)
  Operator op = Operator::kGt;
  double threshold = 0;  //!< change_pct: a signed percent (see docs/alerts.md)
  Scope scope = Scope::kWorkspace;
  //! kTeam: the team's name; kDeveloper: the identity ref of the developer ("email:…", "login:…",
  //! so identity merges never orphan it); kWorkspace: "".
  std::string scope_ref;
  Severity severity = Severity::kWarning;
  bool active = true;
  Instant created_at = kNoInstant;
  Instant updated_at = kNoInstant;
};

//! Checks a rule on its own: name (1–200 bytes), the metric key against the category's real keys,
//! a finite threshold, scope_ref empty exactly for the workspace scope. Whether the team or the
//! developer exists is the session's to check.
Status ValidateRule(const Rule& rule);

//! The seed's six default templates, scope workspace, active, with its two defects fixed:
//! "Stale PRs - Slow Merge" watches efficiency.avg_pr_cycle_time_hours (the seed named a key that
//! does not exist), and "Low Review Participation" reads review_participation_rate < 0.20 as the
//! loupe profile defines it, a share of the reviews asked of the developer (docs/alerts.md).
std::vector<Rule> DefaultTemplates();

//! One alert: a rule breached for one developer. At most one alert per (rule, developer) is open;
//! a standing breach updates it (value, window, last_seen_at) instead of adding another.
struct Alert {
  int64_t id = 0;
  int64_t rule_id = 0;
  model::DeveloperId developer = model::kNoId;  //!< identity::Developer::id
  AlertStatus status = AlertStatus::kTriggered;
  Severity severity = Severity::kWarning;
  double metric_value = 0;     //!< what was compared: the value, or the percent change for change_pct
  double threshold_value = 0;
  std::optional<double> baseline_value;  //!< change_pct: the previous window's value
  std::string message;
  Window window;                //!< the window of the latest evaluation that saw the breach
  Instant triggered_at = kNoInstant;
  Instant last_seen_at = kNoInstant;
  std::string acknowledged_by;  //!< "" when unknown
  Instant acknowledged_at = kNoInstant;
  std::string resolved_by;      //!< "" when unknown or resolved by an evaluation
  Instant resolved_at = kNoInstant;
  bool auto_resolved = false;   //!< an evaluation found the condition cleared

  bool open() const { return status != AlertStatus::kResolved; }
};

//! What one write changes: rules and alerts upserted by id, then removals (removing a rule
//! removes its alerts).
struct AlertChanges {
  std::vector<Rule> rules;
  std::vector<Alert> alerts;
  std::vector<int64_t> removed_rules;
  std::vector<int64_t> removed_alerts;
  bool empty() const { return rules.empty() && alerts.empty() && removed_rules.empty() && removed_alerts.empty(); }
};

//! Every rule and alert of the workspace, ordered by id.
class AlertBook {
 public:
  const std::vector<Rule>& rules() const { return rules_; }
  const std::vector<Alert>& alerts() const { return alerts_; }
  const Rule* FindRule(int64_t id) const;
  //! By name, case-insensitively.
  const Rule* FindRuleByName(std::string_view name) const;
  const Alert* FindAlert(int64_t id) const;
  //! The open alert of a rule for a developer, or nullptr.
  const Alert* OpenAlert(int64_t rule_id, model::DeveloperId developer) const;
  int64_t NextRuleId() const { return rules_.empty() ? 1 : rules_.back().id + 1; }
  int64_t NextAlertId() const { return alerts_.empty() ? 1 : alerts_.back().id + 1; }

  void Apply(AlertChanges changes);
  //! Renumbers every alert's developer id with `new_id` (erasure compacts identity ids).
  template <typename Map>
  void RemapDevelopers(Map new_id) {
    for (Alert& a : alerts_) a.developer = new_id(a.developer);
  }

 private:
  std::vector<Rule> rules_;
  std::vector<Alert> alerts_;
};

}  // namespace loupe::alerts
