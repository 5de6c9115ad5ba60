#include "loupe/alerts/evaluate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "loupe/snapshots/generate.h"

namespace loupe::alerts {

namespace {

// Aexy's eq tolerance.
constexpr double kEqTolerance = 0.001;

std::string Fixed2(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// Python's repr of a float, as the seed's f-string prints the threshold: the shortest digits that
// read back, in fixed notation for exponents -4..15 ("40.0", "0.3") and scientific otherwise.
std::string PythonFloat(double v) {
  if (v == 0) return "0.0";
  char buf[64];
  int digits = 1;
  for (; digits < 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*e", digits - 1, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  const int exponent = std::atoi(std::strchr(buf, 'e') + 1);
  if (exponent < -4 || exponent >= 16) return buf;
  std::snprintf(buf, sizeof buf, "%.*f", std::max(digits - 1 - exponent, 0), v);
  std::string text = buf;
  if (text.find('.') == std::string::npos) text += ".0";
  return text;
}

bool Compare(Operator op, double value, double threshold) {
  switch (op) {
    case Operator::kGt: return value > threshold;
    case Operator::kLt: return value < threshold;
    case Operator::kGte: return value >= threshold;
    case Operator::kLte: return value <= threshold;
    case Operator::kEq: return std::fabs(value - threshold) < kEqTolerance;
    case Operator::kChangePct: return threshold >= 0 ? value >= threshold : value <= threshold;
  }
  return false;
}

//! Insights per developer and window, computed once however many rules read them.
class InsightCache {
 public:
  InsightCache(const metrics::MetricContext& ctx, const Window& window) : ctx_(ctx), window_(window) {}
  const metrics::DeveloperInsights& Of(uint32_t developer) {
    auto it = cache_.find(developer);
    if (it == cache_.end()) it = cache_.emplace(developer, metrics::ComputeInsights(ctx_, developer, window_)).first;
    return it->second;
  }

 private:
  const metrics::MetricContext& ctx_;
  Window window_;
  std::unordered_map<uint32_t, metrics::DeveloperInsights> cache_;
};

std::vector<uint32_t> Subjects(const metrics::MetricContext& ctx, const model::Workspace& ws, const Rule& rule,
                               const std::vector<uint32_t>& active) {
  switch (rule.scope) {
    case Scope::kWorkspace: return active;
    case Scope::kTeam: {
      const uint32_t team = ctx.teams.Find(rule.scope_ref);
      return team == model::kNoId ? std::vector<uint32_t>{} : ctx.teams.members(team);
    }
    case Scope::kDeveloper: {
      model::IdentityKind kind;
      std::string key;
      if (!model::ParseIdentityRef(rule.scope_ref, kind, key)) return {};
      const uint32_t dev = ctx.resolution.IndexOf(ws.FindIdentity(kind, key));
      return dev == model::kNoId ? std::vector<uint32_t>{} : std::vector<uint32_t>{dev};
    }
  }
  return {};
}

}  // namespace

std::string AlertMessage(const Rule& rule, double value, const std::optional<double>& previous, double compared) {
  std::string m = "Alert: " + rule.name + " \u2014 " + std::string(snapshots::CategoryName(rule.category)) + "." +
                  rule.metric;
  if (rule.op == Operator::kChangePct) {
    m += " changed by " + std::string(compared >= 0 ? "+" : "") + Fixed2(compared) + "% (" +
         Fixed2(previous.value_or(0)) + " \u2192 " + Fixed2(value) + ")";
  } else {
    m += " is " + Fixed2(value);
  }
  return m + " (" + std::string(OperatorName(rule.op)) + " " + PythonFloat(rule.threshold) + ")";
}

Evaluation Evaluate(const metrics::MetricContext& ctx, const model::Workspace& ws, const AlertBook& book,
                    const Window& window, Instant now) {
  Evaluation out;
  out.window = window;
  out.baseline = PreviousPeriod(PeriodType::kCustom, window);
  const std::vector<uint32_t> active =
      snapshots::ActiveDevelopers(ctx, Window{out.baseline.start, window.end});
  InsightCache current(ctx, window), previous(ctx, out.baseline);
  int64_t next_id = book.NextAlertId();
  std::vector<Finding> resolved;
  for (const Rule& rule : book.rules()) {
    if (!rule.active) continue;
    auto field = snapshots::FindMetricField(rule.category, rule.metric);
    if (!field.ok()) continue;  // ValidateRule keeps these out; an old database might not
    ++out.rules_evaluated;
    std::vector<model::DeveloperId> breached;
    for (uint32_t dev : Subjects(ctx, ws, rule, active)) {
      const model::DeveloperId id = ctx.resolution.developers()[dev].id;
      const double value = (*field)->get(current.Of(dev));
      std::optional<double> baseline;
      double compared = value;
      if (rule.op == Operator::kChangePct) {
        baseline = (*field)->get(previous.Of(dev));
        if (*baseline == 0) continue;  // no percent change from nothing
        compared = 100.0 * (value - *baseline) / std::fabs(*baseline);
      }
      if (!Compare(rule.op, compared, rule.threshold)) continue;
      breached.push_back(id);
      Finding f{Finding::Outcome::kTriggered, 0, rule.id, rule.name, id, compared, rule.threshold,
                rule.severity, AlertMessage(rule, value, baseline, compared)};
      Alert alert;
      if (const Alert* open = book.OpenAlert(rule.id, id)) {
        alert = *open;
        f.outcome = Finding::Outcome::kStanding;
      } else {
        alert.id = next_id++;
        alert.rule_id = rule.id;
        alert.developer = id;
        alert.triggered_at = now;
      }
      f.alert_id = alert.id;
      alert.severity = rule.severity;
      alert.metric_value = compared;
      alert.threshold_value = rule.threshold;
      alert.baseline_value = baseline;
      alert.message = f.message;
      alert.window = window;
      alert.last_seen_at = now;
      out.changes.alerts.push_back(std::move(alert));
      out.findings.push_back(std::move(f));
    }
    for (const Alert& a : book.alerts()) {
      if (a.rule_id != rule.id || !a.open() || std::find(breached.begin(), breached.end(), a.developer) != breached.end()) {
        continue;
      }
      Alert closed = a;
      closed.status = AlertStatus::kResolved;
      closed.resolved_at = now;
      closed.auto_resolved = true;
      resolved.push_back({Finding::Outcome::kResolved, a.id, rule.id, rule.name, a.developer, a.metric_value,
                          rule.threshold, rule.severity, a.message});
      out.changes.alerts.push_back(std::move(closed));
    }
  }
  for (Finding& f : resolved) out.findings.push_back(std::move(f));
  return out;
}

}  // namespace loupe::alerts
