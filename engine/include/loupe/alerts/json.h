// loupe/alerts/json.h — rules, alerts and evaluation findings as JSON, with the seed's keys.
#pragma once
#include "loupe/alerts/alert.h"
#include "loupe/alerts/evaluate.h"
#include "loupe/core/json_writer.h"

namespace loupe::alerts {

//! {id, name, description, metric_category, metric_name, condition_operator, condition_value,
//! scope_type, scope_id (team name or identity ref, null for the workspace), severity, is_active,
//! created_at, updated_at}.
void WriteJson(JsonWriter& w, const Rule& rule);
//! {id, rule_id, developer_id, metric_value, threshold_value, severity, status, message,
//! triggered_at, acknowledged_by, acknowledged_at, resolved_at} plus baseline_value, window_start,
//! window_end, last_seen_at, resolved_by and auto_resolved.
void WriteJson(JsonWriter& w, const Alert& alert);
//! The seed's evaluation item {rule_id, rule_name, developer_id, metric_value (3 decimals),
//! threshold, severity, message} plus outcome ("triggered", "standing", "resolved") and alert_id.
void WriteJson(JsonWriter& w, const Finding& finding);

}  // namespace loupe::alerts
