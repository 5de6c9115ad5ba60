#include "loupe/alerts/json.h"

namespace loupe::alerts {

namespace {

void Time(JsonWriter& w, std::string_view key, Instant t) {
  w.Key(key);
  if (t == kNoInstant) {
    w.Null();
  } else {
    w.String(FormatIsoInstant(t));
  }
}

void OptionalText(JsonWriter& w, std::string_view key, const std::string& text) {
  w.Key(key);
  if (text.empty()) {
    w.Null();
  } else {
    w.String(text);
  }
}

std::string_view OutcomeName(Finding::Outcome outcome) {
  switch (outcome) {
    case Finding::Outcome::kTriggered: return "triggered";
    case Finding::Outcome::kStanding: return "standing";
    case Finding::Outcome::kResolved: return "resolved";
  }
  return "triggered";
}

}  // namespace

void WriteJson(JsonWriter& w, const Rule& r) {
  w.BeginObject().Field("id", r.id).Field("name", r.name).Field("description", r.description);
  w.Field("metric_category", snapshots::CategoryName(r.category)).Field("metric_name", r.metric);
  w.Field("condition_operator", OperatorName(r.op)).Field("condition_value", r.threshold);
  w.Field("scope_type", ScopeName(r.scope));
  OptionalText(w, "scope_id", r.scope_ref);
  w.Field("severity", SeverityName(r.severity)).Field("is_active", r.active);
  Time(w, "created_at", r.created_at);
  Time(w, "updated_at", r.updated_at);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const Alert& a) {
  w.BeginObject().Field("id", a.id).Field("rule_id", a.rule_id);
  w.Field("developer_id", static_cast<int64_t>(a.developer));
  w.Field("metric_value", a.metric_value).Field("threshold_value", a.threshold_value);
  w.Key("baseline_value");
  if (a.baseline_value) {
    w.Double(*a.baseline_value);
  } else {
    w.Null();
  }
  w.Field("severity", SeverityName(a.severity)).Field("status", AlertStatusName(a.status));
  w.Field("message", a.message);
  Time(w, "window_start", a.window.start);
  Time(w, "window_end", a.window.end);
  Time(w, "triggered_at", a.triggered_at);
  Time(w, "last_seen_at", a.last_seen_at);
  OptionalText(w, "acknowledged_by", a.acknowledged_by);
  Time(w, "acknowledged_at", a.acknowledged_at);
  OptionalText(w, "resolved_by", a.resolved_by);
  Time(w, "resolved_at", a.resolved_at);
  w.Field("auto_resolved", a.auto_resolved);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const Finding& f) {
  w.BeginObject().Field("rule_id", f.rule_id).Field("rule_name", f.rule_name);
  w.Field("developer_id", static_cast<int64_t>(f.developer));
  w.Key("metric_value").Double(f.metric_value, 3);
  w.Field("threshold", f.threshold).Field("severity", SeverityName(f.severity)).Field("message", f.message);
  w.Field("outcome", OutcomeName(f.outcome)).Field("alert_id", f.alert_id);
  w.EndObject();
}

}  // namespace loupe::alerts
