// loupe/alerts/evaluate.h — evaluating the active rules for one window.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "loupe/alerts/alert.h"
#include "loupe/core/period.h"
#include "loupe/metrics/context.h"
#include "loupe/model/workspace.h"

namespace loupe::alerts {

//! What an evaluation found for one rule and one developer.
struct Finding {
  enum class Outcome : uint8_t {
    kTriggered,  //!< a new alert
    kStanding,   //!< the open alert was updated (value, window, last seen)
    kResolved,   //!< the open alert's condition cleared
  };
  Outcome outcome = Outcome::kTriggered;
  int64_t alert_id = 0;
  int64_t rule_id = 0;
  std::string rule_name;
  model::DeveloperId developer = model::kNoId;
  double metric_value = 0;  //!< the compared value (the percent change for change_pct)
  double threshold = 0;
  Severity severity = Severity::kWarning;
  std::string message;
};

struct Evaluation {
  Window window;
  Window baseline;  //!< the previous window of the same length (change_pct compares with it)
  AlertChanges changes;
  std::vector<Finding> findings;  //!< triggered and standing first (by rule, developer), then resolved
  int64_t rules_evaluated = 0;
};

//! Evaluates every active rule over `window` and plans the alert changes (nothing is changed):
//! - subjects: scope workspace = developers not marked as bots with a commit, PR or review in the
//!   window or in its baseline; team = the team's members; developer = that developer. A rule
//!   whose team or developer no longer exists measures nobody.
//! - gt/lt/gte/lte compare the metric's value (full precision) with the threshold; eq is
//!   |value − threshold| < 0.001; change_pct computes 100 × (value − previous) / |previous| against
//!   the baseline window and fires when it is ≥ threshold (threshold ≥ 0: a rise) or ≤ threshold
//!   (threshold < 0: a drop). A previous value of 0 gives no percent change: never fires.
//! - a breach with an open alert of the same rule and developer updates that alert; a breach
//!   without one triggers a new alert (ids from book.NextAlertId()); an open alert of an evaluated
//!   rule whose developer does not breach now is resolved automatically.
Evaluation Evaluate(const metrics::MetricContext& ctx, const model::Workspace& ws, const AlertBook& book,
                    const Window& window, Instant now);

//! The seed's message: "Alert: {name} — {category}.{metric} is {value:.2f} ({op} {threshold})";
//! change_pct: "Alert: {name} — {category}.{metric} changed by {+pct:.2f}% ({previous:.2f} →
//! {value:.2f}) (change_pct {threshold})".
std::string AlertMessage(const Rule& rule, double value, const std::optional<double>& previous, double compared);

}  // namespace loupe::alerts
