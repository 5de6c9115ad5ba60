#include "storage/alert_rows.h"

#include "storage/row_codec.h"
#include "storage/sql_util.h"

namespace loupe::storage {

namespace {

Status Corrupt(std::string_view table, int64_t id, int column) {
  return InvalidInput("corrupt database: " + std::string(table) + " row " + std::to_string(id) +
                      " has an invalid value in column " + std::to_string(column));
}

}  // namespace

Status LoadAlerts(SqlDriver& db, alerts::AlertBook& book) {
  alerts::AlertChanges rows;
  LOUPE_ASSIGN_OR_RETURN(
      auto rules, db.Prepare("SELECT id, name, description, category, metric, operator, threshold, scope, "
                             "scope_ref, severity, active, created_at, updated_at FROM alert_rules ORDER BY id"));
  LOUPE_TRY(ForEachRow(*rules, [&](const SqlStatement& q) -> Status {
    RowReader row(q);
    alerts::Rule& r = rows.rules.emplace_back();
    r.id = row.Int(0);
    r.name = row.Text(1);
    r.description = row.Text(2);
    r.category = row.Enum<snapshots::Category>(3, snapshots::kCategoryCount);
    r.metric = row.Text(4);
    r.op = row.Enum<alerts::Operator>(5, 6);
    r.threshold = q.ColumnDouble(6);
    r.scope = row.Enum<alerts::Scope>(7, 3);
    r.scope_ref = row.Text(8);
    r.severity = row.Enum<alerts::Severity>(9, 3);
    r.active = row.Bool(10);
    r.created_at = row.Int(11);
    r.updated_at = row.Int(12);
    return row.ok() ? Status::Ok() : Corrupt("alert_rules", r.id, row.bad_column());
  }));
  LOUPE_ASSIGN_OR_RETURN(
      auto history,
      db.Prepare("SELECT id, rule_id, developer, status, severity, metric_value, threshold_value, baseline_value, "
                 "message, window_start, window_end, triggered_at, last_seen_at, acknowledged_by, acknowledged_at, "
                 "resolved_by, resolved_at, auto_resolved FROM alert_history ORDER BY id"));
  LOUPE_TRY(ForEachRow(*history, [&](const SqlStatement& q) -> Status {
    RowReader row(q);
    alerts::Alert& a = rows.alerts.emplace_back();
    a.id = row.Int(0);
    a.rule_id = row.Int(1);
    a.developer = row.Id(2);
    a.status = row.Enum<alerts::AlertStatus>(3, 3);
    a.severity = row.Enum<alerts::Severity>(4, 3);
    a.metric_value = q.ColumnDouble(5);
    a.threshold_value = q.ColumnDouble(6);
    if (q.ColumnType(7) != SqlType::kNull) a.baseline_value = q.ColumnDouble(7);
    a.message = row.Text(8);
    a.window = {row.Int(9), row.Int(10)};
    a.triggered_at = row.Int(11);
    a.last_seen_at = row.Int(12);
    a.acknowledged_by = row.Text(13);
    a.acknowledged_at = row.Time(14);
    a.resolved_by = row.Text(15);
    a.resolved_at = row.Time(16);
    a.auto_resolved = row.Bool(17);
    return row.ok() ? Status::Ok() : Corrupt("alert_history", a.id, row.bad_column());
  }));
  book.Apply(std::move(rows));
  return Status::Ok();
}

Status WriteAlerts(SqlDriver& db, const alerts::AlertChanges& changes) {
  if (!changes.rules.empty()) {
    LOUPE_ASSIGN_OR_RETURN(
        auto upsert, db.Prepare(UpsertSql("alert_rules", {"id"},
                                          {"name", "description", "category", "metric", "operator", "threshold",
                                           "scope", "scope_ref", "severity", "active", "created_at", "updated_at"})));
    for (const alerts::Rule& r : changes.rules) {
      Status s = RowBinder(*upsert)
                     .Int(r.id)
                     .Text(r.name)
                     .Text(r.description)
                     .Int(static_cast<int>(r.category))
                     .Text(r.metric)
                     .Int(static_cast<int>(r.op))
                     .Double(r.threshold)
                     .Int(static_cast<int>(r.scope))
                     .Text(r.scope_ref)
                     .Int(static_cast<int>(r.severity))
                     .Bool(r.active)
                     .Int(r.created_at)
                     .Int(r.updated_at)
                     .status();
      if (s.ok()) s = Run(*upsert);
      if (!s.ok()) return Annotate(std::move(s), "cannot store alert rule " + std::to_string(r.id) + " (" + r.name + ")");
    }
  }
  if (!changes.alerts.empty()) {
    LOUPE_ASSIGN_OR_RETURN(
        auto upsert,
        db.Prepare(UpsertSql("alert_history", {"id"},
                             {"rule_id", "developer", "status", "severity", "metric_value", "threshold_value",
                              "baseline_value", "message", "window_start", "window_end", "triggered_at",
                              "last_seen_at", "acknowledged_by", "acknowledged_at", "resolved_by", "resolved_at",
                              "auto_resolved"})));
    for (const alerts::Alert& a : changes.alerts) {
      RowBinder row(*upsert);
      row.Int(a.id)
          .Int(a.rule_id)
          .Id(a.developer)
          .Int(static_cast<int>(a.status))
          .Int(static_cast<int>(a.severity))
          .Double(a.metric_value)
          .Double(a.threshold_value);
      if (a.baseline_value) {
        row.Double(*a.baseline_value);
      } else {
        row.Null();
      }
      row.Text(a.message).Int(a.window.start).Int(a.window.end).Int(a.triggered_at).Int(a.last_seen_at);
      row.Text(a.acknowledged_by).Time(a.acknowledged_at).Text(a.resolved_by).Time(a.resolved_at);
      row.Bool(a.auto_resolved);
      Status s = row.status();
      if (s.ok()) s = Run(*upsert);
      if (!s.ok()) return Annotate(std::move(s), "cannot store alert " + std::to_string(a.id));
    }
  }
  if (!changes.removed_rules.empty() || !changes.removed_alerts.empty()) {
    // Alerts go with their rule explicitly: not every driver enforces ON DELETE CASCADE.
    LOUPE_ASSIGN_OR_RETURN(auto rule_alerts, db.Prepare("DELETE FROM alert_history WHERE rule_id = ?"));
    LOUPE_ASSIGN_OR_RETURN(auto rule, db.Prepare("DELETE FROM alert_rules WHERE id = ?"));
    LOUPE_ASSIGN_OR_RETURN(auto alert, db.Prepare("DELETE FROM alert_history WHERE id = ?"));
    for (int64_t id : changes.removed_rules) {
      for (SqlStatement* statement : {rule_alerts.get(), rule.get()}) {
        Status s = RowBinder(*statement).Int(id).status();
        if (s.ok()) s = Run(*statement);
        if (!s.ok()) return Annotate(std::move(s), "cannot remove alert rule " + std::to_string(id));
      }
    }
    for (int64_t id : changes.removed_alerts) {
      Status s = RowBinder(*alert).Int(id).status();
      if (s.ok()) s = Run(*alert);
      if (!s.ok()) return Annotate(std::move(s), "cannot remove alert " + std::to_string(id));
    }
  }
  return Status::Ok();
}

}  // namespace loupe::storage
