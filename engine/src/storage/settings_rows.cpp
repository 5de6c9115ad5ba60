#include "storage/settings_rows.h"

#include <map>

#include "loupe/core/json_writer.h"
#include "loupe/core/strings.h"
#include "storage/row_codec.h"
#include "storage/sql_util.h"

namespace loupe::storage {

namespace {

std::string EncodeDates(const std::vector<CivilDate>& dates) {
  JsonWriter w;
  w.BeginArray();
  for (const CivilDate& d : dates) w.String(FormatIsoDate(d));
  w.EndArray();
  return w.Take();
}

Status Corrupt(std::string_view table, int64_t seq, std::string_view problem) {
  return InvalidInput("corrupt database: " + std::string(table) + " row " + std::to_string(seq) + " " +
                      std::string(problem));
}

//! Reads the `holidays` arrays of a table into `at(seq)`.
template <typename At>
Status LoadHolidays(SqlDriver& db, std::string_view table, At at) {
  LOUPE_ASSIGN_OR_RETURN(auto query, db.Prepare("SELECT t.seq, h.value FROM " + std::string(table) +
                                                " AS t, json_each(t.holidays) AS h ORDER BY t.seq, h.key"));
  return ForEachRow(*query, [&](const SqlStatement& q) -> Status {
    const int64_t seq = q.ColumnInt(0);
    auto date = ParseIsoDate(q.ColumnText(1));
    if (!date.ok()) return Corrupt(table, seq, "has a holiday that is not a date");
    std::vector<CivilDate>* dates = at(seq);
    if (dates == nullptr) return Corrupt(table, seq, "has holidays but no row");
    dates->push_back(*date);
    return Status::Ok();
  });
}

}  // namespace

Status LoadSettings(SqlDriver& db, model::WorkspaceSettings& settings) {
  std::map<int64_t, size_t> team_at;
  LOUPE_ASSIGN_OR_RETURN(auto teams, db.Prepare("SELECT id, name FROM teams ORDER BY id"));
  LOUPE_TRY(ForEachRow(*teams, [&](const SqlStatement& q) -> Status {
    team_at[q.ColumnInt(0)] = settings.teams.size();
    settings.teams.push_back({std::string(q.ColumnText(1)), {}});
    return Status::Ok();
  }));
  LOUPE_ASSIGN_OR_RETURN(auto members,
                         db.Prepare("SELECT team_id, identity, role FROM team_members ORDER BY team_id, ord"));
  LOUPE_TRY(ForEachRow(*members, [&](const SqlStatement& q) -> Status {
    RowReader row(q);
    auto team = team_at.find(row.Int(0));
    if (team == team_at.end()) return Corrupt("team_members", row.Int(0), "belongs to no team");
    settings.teams[team->second].members.push_back({row.Text(1), row.Enum<model::TeamRole>(2, 2)});
    return row.ok() ? Status::Ok() : Corrupt("team_members", row.Int(0), "has an invalid role");
  }));

  std::map<int64_t, size_t> schedule_at;
  LOUPE_ASSIGN_OR_RETURN(
      auto schedules,
      db.Prepare("SELECT seq, identity, timezone, start_hour, end_hour, late_night_start_hour, "
                 "late_night_end_hour, working_days, role FROM working_schedules ORDER BY seq"));
  LOUPE_TRY(ForEachRow(*schedules, [&](const SqlStatement& q) -> Status {
    RowReader row(q);
    schedule_at[row.Int(0)] = settings.schedules.size();
    model::WorkingSchedule& s = settings.schedules.emplace_back();
    s.identity = row.Text(1);
    s.hours = {row.Text(2), static_cast<int>(row.Int(3)), static_cast<int>(row.Int(4)),
               static_cast<int>(row.Int(5)), static_cast<int>(row.Int(6))};
    s.working_days = static_cast<model::WeekdayMask>(row.Int(7));
    s.role = row.Text(8);
    return Status::Ok();
  }));
  LOUPE_TRY(LoadHolidays(db, "working_schedules", [&](int64_t seq) -> std::vector<CivilDate>* {
    auto it = schedule_at.find(seq);
    return it == schedule_at.end() ? nullptr : &settings.schedules[it->second].holidays;
  }));

  std::map<int64_t, size_t> settings_at;
  LOUPE_ASSIGN_OR_RETURN(
      auto insight,
      db.Prepare("SELECT s.seq, t.name, s.timezone, s.start_hour, s.end_hour, s.late_night_start_hour, "
                 "s.late_night_end_hour, s.velocity_weight, s.efficiency_weight, s.quality_weight, "
                 "s.sustainability_weight, s.collaboration_weight, s.bottleneck_multiplier, "
                 "s.auto_generate_snapshots, s.snapshot_frequency "
                 "FROM insight_settings AS s LEFT JOIN teams AS t ON t.id = s.team_id ORDER BY s.seq"));
  LOUPE_TRY(ForEachRow(*insight, [&](const SqlStatement& q) -> Status {
    RowReader row(q);
    const int64_t seq = row.Int(0);
    settings_at[seq] = settings.insight_settings.size();
    model::InsightSettings& s = settings.insight_settings.emplace_back();
    s.team = row.Text(1);
    if (q.ColumnType(2) != SqlType::kNull) {
      s.working_hours = model::WorkingHours{row.Text(2), static_cast<int>(row.Int(3)), static_cast<int>(row.Int(4)),
                                            static_cast<int>(row.Int(5)), static_cast<int>(row.Int(6))};
    }
    if (q.ColumnType(7) != SqlType::kNull) {
      s.health_weights = model::HealthWeights{q.ColumnDouble(7), q.ColumnDouble(8), q.ColumnDouble(9),
                                              q.ColumnDouble(10), q.ColumnDouble(11)};
    }
    s.bottleneck_multiplier = q.ColumnDouble(12);
    s.auto_generate_snapshots = row.Bool(13);
    s.snapshot_frequency = row.Enum<PeriodType>(14, 4);
    return row.ok() ? Status::Ok() : Corrupt("insight_settings", seq, "has an invalid snapshot frequency");
  }));
  return LoadHolidays(db, "insight_settings", [&](int64_t seq) -> std::vector<CivilDate>* {
    auto it = settings_at.find(seq);
    return it == settings_at.end() ? nullptr : &settings.insight_settings[it->second].holidays;
  });
}

Status WriteSettings(SqlDriver& db, const model::WorkspaceSettings& settings) {
  // Small tables, rewritten whole: the order of teams and schedules is the user's.
  LOUPE_TRY(db.Exec("DELETE FROM insight_settings; DELETE FROM team_members; DELETE FROM teams; "
                    "DELETE FROM working_schedules"));
  LOUPE_ASSIGN_OR_RETURN(auto team, db.Prepare("INSERT INTO teams (id, name) VALUES (?, ?)"));
  LOUPE_ASSIGN_OR_RETURN(auto member,
                         db.Prepare("INSERT INTO team_members (team_id, ord, identity, role) VALUES (?, ?, ?, ?)"));
  for (size_t t = 0; t < settings.teams.size(); ++t) {
    const model::Team& x = settings.teams[t];
    Status s = RowBinder(*team).Int(static_cast<int64_t>(t)).Text(x.name).status();
    if (s.ok()) s = Run(*team);
    for (size_t m = 0; s.ok() && m < x.members.size(); ++m) {
      s = RowBinder(*member)
              .Int(static_cast<int64_t>(t))
              .Int(static_cast<int64_t>(m))
              .Text(x.members[m].identity)
              .Int(static_cast<int>(x.members[m].role))
              .status();
      if (s.ok()) s = Run(*member);
    }
    if (!s.ok()) return Annotate(std::move(s), "cannot store team " + QuoteForMessage(x.name));
  }
  LOUPE_ASSIGN_OR_RETURN(
      auto schedule,
      db.Prepare("INSERT INTO working_schedules (seq, identity, timezone, start_hour, end_hour, "
                 "late_night_start_hour, late_night_end_hour, working_days, role, holidays) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  for (size_t i = 0; i < settings.schedules.size(); ++i) {
    const model::WorkingSchedule& x = settings.schedules[i];
    Status s = RowBinder(*schedule)
                   .Int(static_cast<int64_t>(i))
                   .Text(x.identity)
                   .Text(x.hours.timezone)
                   .Int(x.hours.start_hour)
                   .Int(x.hours.end_hour)
                   .Int(x.hours.late_night_start_hour)
                   .Int(x.hours.late_night_end_hour)
                   .Int(x.working_days)
                   .Text(x.role)
                   .Text(EncodeDates(x.holidays))
                   .status();
    if (s.ok()) s = Run(*schedule);
    if (!s.ok()) return Annotate(std::move(s), "cannot store the working schedule of " + x.identity);
  }
  LOUPE_ASSIGN_OR_RETURN(
      auto insight,
      db.Prepare("INSERT INTO insight_settings (seq, team_id, timezone, start_hour, end_hour, "
                 "late_night_start_hour, late_night_end_hour, velocity_weight, efficiency_weight, "
                 "quality_weight, sustainability_weight, collaboration_weight, bottleneck_multiplier, "
                 "auto_generate_snapshots, snapshot_frequency, holidays) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  for (size_t i = 0; i < settings.insight_settings.size(); ++i) {
    const model::InsightSettings& x = settings.insight_settings[i];
    const std::string what = x.team.empty() ? "the workspace settings" : "the settings of team " + QuoteForMessage(x.team);
    int64_t team_id = -1;
    for (size_t t = 0; t < settings.teams.size(); ++t) {
      if (EqualsIgnoreCaseAscii(settings.teams[t].name, x.team)) team_id = static_cast<int64_t>(t);
    }
    if (!x.team.empty() && team_id < 0) return InvalidInput("cannot store " + what + ": no such team");
    RowBinder row(*insight);
    row.Int(static_cast<int64_t>(i));
    if (team_id < 0) {
      row.Null();
    } else {
      row.Int(team_id);
    }
    if (x.working_hours) {
      const model::WorkingHours& h = *x.working_hours;
      row.Text(h.timezone).Int(h.start_hour).Int(h.end_hour).Int(h.late_night_start_hour).Int(h.late_night_end_hour);
    } else {
      row.Null().Null().Null().Null().Null();
    }
    if (x.health_weights) {
      const model::HealthWeights& w = *x.health_weights;
      row.Double(w.velocity).Double(w.efficiency).Double(w.quality).Double(w.sustainability).Double(w.collaboration);
    } else {
      row.Null().Null().Null().Null().Null();
    }
    row.Double(x.bottleneck_multiplier)
        .Bool(x.auto_generate_snapshots)
        .Int(static_cast<int>(x.snapshot_frequency))
        .Text(EncodeDates(x.holidays));
    Status s = row.status();
    if (s.ok()) s = Run(*insight);
    if (!s.ok()) return Annotate(std::move(s), "cannot store " + what);
  }
  return Status::Ok();
}

}  // namespace loupe::storage
