#include "storage/snapshot_rows.h"

#include <cmath>
#include <vector>

#include "loupe/snapshots/metric_fields.h"
#include "storage/row_codec.h"
#include "storage/sql_util.h"

namespace loupe::storage {

namespace {

constexpr std::string_view kDeveloperKey[] = {"developer", "period_type", "period_start"};
constexpr std::string_view kTeamKey[] = {"team", "period_type", "period_start"};
// Columns both tables share after their key, in this order.
constexpr std::string_view kProvenance[] = {"period_end", "profile", "computed_at", "data_version",
                                            "inputs_version"};
constexpr std::string_view kTeamValues[] = {"member_count",        "total_commits", "total_prs_merged",
                                            "total_lines_changed", "total_reviews", "avg_commits_per_member",
                                            "avg_prs_per_member",  "distribution"};

//! The developer table's value columns: provenance, then one per metric field.
std::vector<std::string_view> DeveloperValues() {
  std::vector<std::string_view> columns(std::begin(kProvenance), std::end(kProvenance));
  for (const snapshots::MetricField& f : snapshots::MetricFields()) columns.push_back(f.column);
  return columns;
}

std::vector<std::string_view> TeamValues() {
  std::vector<std::string_view> columns(std::begin(kProvenance), std::end(kProvenance));
  columns.insert(columns.end(), std::begin(kTeamValues), std::end(kTeamValues));
  return columns;
}

template <typename Snapshot>
void BindProvenance(RowBinder& row, const Snapshot& s) {
  row.Int(s.period.end)
      .Int(static_cast<int>(s.profile))
      .Int(s.computed_at)
      .Int(s.versions.data)
      .Int(s.versions.inputs);
}

// Columns 3..7 of a SELECT in key-then-provenance order.
template <typename Snapshot>
void ReadProvenance(RowReader& row, Snapshot& s) {
  s.period_type = row.Enum<PeriodType>(1, 5);
  s.period.start = row.Int(2);
  s.period.end = row.Int(3);
  s.profile = row.Enum<metrics::MetricProfile>(4, 2);
  s.computed_at = row.Int(5);
  s.versions = {row.Int(6), row.Int(7)};
}

std::string SelectSql(std::string_view table, ColumnSpan key, ColumnSpan values) {
  return "SELECT " + Join(key) + ", " + Join(values) + " FROM " + std::string(table);
}

std::string DeleteSql(std::string_view table, ColumnSpan key) {
  return "DELETE FROM " + std::string(table) + " WHERE " + std::string(key[0]) + " = ? AND " +
         std::string(key[1]) + " = ? AND " + std::string(key[2]) + " = ?";
}

std::string Describe(const snapshots::DeveloperKey& k) {
  return std::string(PeriodTypeName(k.period_type)) + " snapshot of developer " + std::to_string(k.developer) +
         " from " + FormatIsoInstant(k.period_start);
}

std::string Describe(const snapshots::TeamKey& k) {
  return std::string(PeriodTypeName(k.period_type)) + " snapshot of " +
         (k.team.empty() ? std::string("the workspace") : "team " + k.team) + " from " +
         FormatIsoInstant(k.period_start);
}

}  // namespace

Status LoadSnapshots(SqlDriver& db, snapshots::SnapshotBook& book) {
  snapshots::SnapshotChanges rows;
  const auto fields = snapshots::MetricFields();
  LOUPE_ASSIGN_OR_RETURN(auto developers, db.Prepare(SelectSql("developer_snapshots", kDeveloperKey, DeveloperValues())));
  LOUPE_TRY(ForEachRow(*developers, [&](const SqlStatement& q) -> Status {
    RowReader row(q);
    snapshots::DeveloperSnapshot& s = rows.developers.emplace_back();
    s.developer = row.Id(0);
    ReadProvenance(row, s);
    for (size_t f = 0; f < fields.size(); ++f) {
      const int column = 8 + static_cast<int>(f);
      fields[f].set(s.insights, fields[f].integer ? static_cast<double>(q.ColumnInt(column)) : q.ColumnDouble(column));
    }
    if (!row.ok()) {
      return InvalidInput("corrupt database: developer_snapshots has an invalid value in column " +
                          std::to_string(row.bad_column()));
    }
    return Status::Ok();
  }));
  LOUPE_ASSIGN_OR_RETURN(auto teams, db.Prepare(SelectSql("team_snapshots", kTeamKey, TeamValues())));
  LOUPE_TRY(ForEachRow(*teams, [&](const SqlStatement& q) -> Status {
    RowReader row(q);
    snapshots::TeamSnapshot& s = rows.teams.emplace_back();
    s.team = row.Text(0);
    ReadProvenance(row, s);
    s.member_count = row.Int(8);
    s.aggregate = {row.Int(9), row.Int(10), row.Int(11), row.Int(12), q.ColumnDouble(13), q.ColumnDouble(14)};
    s.distribution_json = row.Text(15);
    if (!row.ok()) {
      return InvalidInput("corrupt database: team_snapshots has an invalid value in column " +
                          std::to_string(row.bad_column()));
    }
    return Status::Ok();
  }));
  book.Apply(std::move(rows));
  return Status::Ok();
}

Status WriteSnapshots(SqlDriver& db, const snapshots::SnapshotChanges& changes, const ProgressFn& progress) {
  ProgressMeter meter(progress, static_cast<int64_t>(changes.developers.size() + changes.teams.size() +
                                                     changes.removed_developers.size() +
                                                     changes.removed_teams.size()));
  const auto fields = snapshots::MetricFields();
  if (!changes.developers.empty()) {
    LOUPE_ASSIGN_OR_RETURN(auto upsert,
                           db.Prepare(UpsertSql("developer_snapshots", kDeveloperKey, DeveloperValues())));
    for (const snapshots::DeveloperSnapshot& s : changes.developers) {
      RowBinder row(*upsert);
      row.Id(s.developer).Int(static_cast<int>(s.period_type)).Int(s.period.start);
      BindProvenance(row, s);
      for (const snapshots::MetricField& f : fields) {
        const double v = f.get(s.insights);
        if (f.integer) {
          row.Int(std::llround(v));
        } else {
          row.Double(v);
        }
      }
      Status st = row.status();
      if (st.ok()) st = Run(*upsert);
      if (!st.ok()) return Annotate(std::move(st), "cannot store the " + Describe(snapshots::KeyOf(s)));
      LOUPE_TRY(meter.Add(1));
    }
  }
  if (!changes.teams.empty()) {
    LOUPE_ASSIGN_OR_RETURN(auto upsert, db.Prepare(UpsertSql("team_snapshots", kTeamKey, TeamValues())));
    for (const snapshots::TeamSnapshot& s : changes.teams) {
      const snapshots::TeamAggregate& a = s.aggregate;
      RowBinder row(*upsert);
      row.Text(s.team).Int(static_cast<int>(s.period_type)).Int(s.period.start);
      BindProvenance(row, s);
      row.Int(s.member_count)
          .Int(a.total_commits)
          .Int(a.total_prs_merged)
          .Int(a.total_lines_changed)
          .Int(a.total_reviews)
          .Double(a.avg_commits_per_member)
          .Double(a.avg_prs_per_member);
      if (s.distribution_json.empty()) {
        row.Null();
      } else {
        row.Text(s.distribution_json);
      }
      Status st = row.status();
      if (st.ok()) st = Run(*upsert);
      if (!st.ok()) return Annotate(std::move(st), "cannot store the " + Describe(snapshots::KeyOf(s)));
      LOUPE_TRY(meter.Add(1));
    }
  }
  if (!changes.removed_developers.empty()) {
    LOUPE_ASSIGN_OR_RETURN(auto remove, db.Prepare(DeleteSql("developer_snapshots", kDeveloperKey)));
    for (const snapshots::DeveloperKey& k : changes.removed_developers) {
      Status st = RowBinder(*remove).Id(k.developer).Int(static_cast<int>(k.period_type)).Int(k.period_start).status();
      if (st.ok()) st = Run(*remove);
      if (!st.ok()) return Annotate(std::move(st), "cannot remove the " + Describe(k));
      LOUPE_TRY(meter.Add(1));
    }
  }
  if (!changes.removed_teams.empty()) {
    LOUPE_ASSIGN_OR_RETURN(auto remove, db.Prepare(DeleteSql("team_snapshots", kTeamKey)));
    for (const snapshots::TeamKey& k : changes.removed_teams) {
      Status st = RowBinder(*remove).Text(k.team).Int(static_cast<int>(k.period_type)).Int(k.period_start).status();
      if (st.ok()) st = Run(*remove);
      if (!st.ok()) return Annotate(std::move(st), "cannot remove the " + Describe(k));
      LOUPE_TRY(meter.Add(1));
    }
  }
  return meter.Report();
}

}  // namespace loupe::storage
