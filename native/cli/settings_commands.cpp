// `loupe settings …`, `loupe schedules …` and `loupe teams …`: what the user tells Loupe about how
// the team works.
#include <cstdio>
#include <cstdlib>

#include "cli/cli.h"
#include "loupe/core/json_writer.h"
#include "loupe/core/strings.h"
#include "loupe/snapshots/json.h"

namespace loupe::cli {
namespace {

constexpr const char* kSettingsHelp = R"(Usage: loupe [--db PATH] settings SUBCOMMAND [ARGS]

Insight settings of the workspace, or of one team with --team T (docs/settings.md). Working hours
and holidays feed the metrics (a developer's own schedule comes first, then their first team's
settings, then the workspace's); changing them marks stored snapshots stale.

Subcommands:
  show [--team T] [--json]     the settings (defaults when nothing is set)
  set [--team T] OPTIONS       change some settings, keep the others
      --timezone ZONE          an IANA zone ("Europe/Berlin"); "none" = each commit's own clock
      --hours H-H              working hours, e.g. 9-18 (hours 0-23)
      --late-night H-H         the late-night window, e.g. 22-6 (across midnight)
      --working-hours off      forget the working hours (the defaults apply)
      --health-weights V,E,Q,S,C
                               weights of velocity, efficiency, quality, sustainability and
                               collaboration in the health score, each 0-1; "default" resets
      --bottleneck-multiplier X
                               load above X times the mean marks a bottleneck (1-10, default 2)
      --auto-snapshots on|off  generate snapshots automatically (`snapshots generate --due`)
      --snapshot-frequency F   daily, weekly, biweekly or monthly
  holidays add|remove DATE... [--team T]
                               days off for everyone the settings cover (YYYY-MM-DD)
)";

constexpr const char* kSchedulesHelp = R"(Usage: loupe [--db PATH] schedules SUBCOMMAND [ARGS]

A developer's own working schedule: time zone, working days, working hours, the late-night
window, role and personal holidays. It wins over team and workspace settings (docs/settings.md).
DEV is a developer id, e-mail, login or name; the schedule is stored under one of their
identities, so identity merges and splits never lose it. Changes mark stored snapshots stale.

Subcommands:
  list [--json]                every stored schedule
  show DEV [--json]            the developer's schedule (or that they have none)
  set DEV OPTIONS              create or change a schedule; unset options keep their value
      --timezone ZONE          an IANA zone ("America/New_York"); "none" = no zone of its own (the
                               team's or workspace's applies, else each commit's own clock)
      --days D,D,...           working days: mon,tue,wed,thu,fri,sat,sun or ranges (mon-fri)
      --hours H-H              working hours, e.g. 9-18 (hours 0-23)
      --late-night H-H         the late-night window, e.g. 22-6
      --role R                 junior, mid, senior, staff, principal, lead, architect or none
  remove DEV                   forget the developer's schedule
  holidays DEV add|remove DATE...
                               the developer's personal days off (YYYY-MM-DD)
)";

constexpr const char* kTeamsHelp = R"(Usage: loupe [--db PATH] teams SUBCOMMAND [ARGS]

Teams and their members. Team names are unique (case-insensitive). Members are given as DEV: a
developer id, e-mail, login or name; each is stored under one of their identities. Teams feed
cross-team review ratios, team schedules and team snapshots; changes mark snapshots stale.

Subcommands:
  list [--json]                teams with their members
  create NAME                  a new, empty team
  add NAME DEV... [--lead]     add members (or change their role: --lead, else member)
  remove NAME DEV              remove a member
  delete NAME                  delete a team with its settings and team snapshots
)";

constexpr std::string_view kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

Result<std::pair<int, int>> ParseHours(std::string_view text, std::string_view option) {
  const auto parts = Split(text, '-');
  int64_t a = 0, b = 0;
  if (parts.size() != 2 || !ParseInt64(Trim(parts[0]), a, 0, 23) || !ParseInt64(Trim(parts[1]), b, 0, 23)) {
    return InvalidInput(std::string(option) + " expects two hours 0-23 like 9-18, got " + QuoteForMessage(text));
  }
  return std::pair<int, int>{static_cast<int>(a), static_cast<int>(b)};
}

Result<model::WeekdayMask> ParseDays(std::string_view text) {
  auto day = [](std::string_view name) -> int {
    for (int d = 0; d < 7; ++d) {
      if (EqualsIgnoreCaseAscii(kDays[d], Trim(name))) return d;
    }
    return -1;
  };
  model::WeekdayMask mask = 0;
  for (std::string_view item : Split(text, ',')) {
    const auto range = Split(item, '-');
    const int from = day(range[0]);
    const int to = range.size() == 2 ? day(range[1]) : from;
    if (range.size() > 2 || from < 0 || to < 0 || to < from) {
      return InvalidInput("--days expects days like mon,tue or mon-fri, got " + QuoteForMessage(item));
    }
    for (int d = from; d <= to; ++d) mask |= static_cast<model::WeekdayMask>(1 << d);
  }
  return mask;
}

std::string DaysText(model::WeekdayMask mask) {
  std::string out;
  for (int d = 0; d < 7; ++d) {
    if ((mask >> d & 1) != 0) out += (out.empty() ? "" : ",") + std::string(kDays[d]);
  }
  return out;
}

Result<std::vector<CivilDate>> ParseDates(const std::vector<std::string>& texts) {
  std::vector<CivilDate> out;
  for (const std::string& t : texts) {
    LOUPE_ASSIGN_OR_RETURN(CivilDate d, ParseIsoDate(t));
    out.push_back(d);
  }
  if (out.empty()) return InvalidInput("expected at least one date (YYYY-MM-DD)");
  return out;
}

//! Adds or removes `dates` in `holidays`; removing a date that is not there is an error.
Status EditHolidays(std::vector<CivilDate>& holidays, const std::string& op, const std::vector<CivilDate>& dates) {
  for (const CivilDate& d : dates) {
    auto at = std::find(holidays.begin(), holidays.end(), d);
    if (op == "add") {
      if (at == holidays.end()) holidays.push_back(d);
    } else if (at != holidays.end()) {
      holidays.erase(at);
    } else {
      return NotFound(FormatIsoDate(d) + " is not a holiday here");
    }
  }
  return Status::Ok();
}

//! Applies --timezone, --hours and --late-night to `hours`.
Status ApplyHours(const Args& args, model::WorkingHours& hours) {
  if (auto z = args.Value("--timezone")) hours.timezone = *z == "none" ? "" : *z;
  if (auto h = args.Value("--hours")) {
    LOUPE_ASSIGN_OR_RETURN(auto range, ParseHours(*h, "--hours"));
    hours.start_hour = range.first;
    hours.end_hour = range.second;
  }
  if (auto h = args.Value("--late-night")) {
    LOUPE_ASSIGN_OR_RETURN(auto range, ParseHours(*h, "--late-night"));
    hours.late_night_start_hour = range.first;
    hours.late_night_end_hour = range.second;
  }
  return Status::Ok();
}

std::string HoursText(const model::WorkingHours& h) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%02d-%02d, late night %02d-%02d, ", h.start_hour, h.end_hour, h.late_night_start_hour,
                h.late_night_end_hour);
  return buf + (h.timezone.empty() ? std::string("no zone set") : h.timezone);
}

std::string DatesText(const std::vector<CivilDate>& dates) {
  std::string out;
  for (const CivilDate& d : dates) out += (out.empty() ? "" : ", ") + FormatIsoDate(d);
  return out.empty() ? "none" : out;
}

int PrintJson(const JsonWriter& w) {
  std::printf("%s\n", w.str().c_str());
  return 0;
}

int SettingsShow(Context& ctx, const Args& args) {
  if (args.Flag("--json")) {
    JsonWriter w(true);
    if (Status s = api::WriteSettingsJson(w, *ctx.session, args.Value("--team").value_or("")); !s.ok()) return Fail(s);
    return PrintJson(w);
  }
  auto settings = ctx.session->InsightSettingsOf(args.Value("--team").value_or(""));
  if (!settings.ok()) return Fail(settings.status());
  const model::InsightSettings& s = *settings;
  std::printf("%s settings\n", s.team.empty() ? "workspace" : ("team " + s.team).c_str());
  std::printf("  working hours          %s\n",
              s.working_hours ? HoursText(*s.working_hours).c_str() : "not set (09-18, late night 22-06)");
  std::printf("  holidays               %s\n", DatesText(s.holidays).c_str());
  if (s.health_weights) {
    const model::HealthWeights& h = *s.health_weights;
    std::printf("  health weights         velocity %g, efficiency %g, quality %g, sustainability %g, collaboration %g\n",
                h.velocity, h.efficiency, h.quality, h.sustainability, h.collaboration);
  } else {
    std::printf("  health weights         default (0.2 each)\n");
  }
  std::printf("  bottleneck multiplier  %g\n", s.bottleneck_multiplier);
  std::printf("  automatic snapshots    %s, %s\n", s.auto_generate_snapshots ? "on" : "off",
              std::string(PeriodTypeName(s.snapshot_frequency)).c_str());
  return 0;
}

int SettingsSet(Context& ctx, const Args& args) {
  auto current = ctx.session->InsightSettingsOf(args.Value("--team").value_or(""));
  if (!current.ok()) return Fail(current.status());
  model::InsightSettings s = *current;
  if (args.Value("--timezone") || args.Value("--hours") || args.Value("--late-night")) {
    model::WorkingHours hours = s.working_hours.value_or(model::WorkingHours{});
    if (Status st = ApplyHours(args, hours); !st.ok()) return UsageError(st.message(), "settings");
    s.working_hours = hours;
  }
  if (auto w = args.Value("--working-hours")) {
    if (*w != "off") return UsageError("--working-hours only takes off", "settings");
    s.working_hours.reset();
  }
  if (auto w = args.Value("--health-weights")) {
    if (*w == "default") {
      s.health_weights.reset();
    } else {
      const auto parts = Split(*w, ',');
      double v[5];
      bool ok = parts.size() == 5;
      for (size_t i = 0; ok && i < 5; ++i) {
        const std::string part(Trim(parts[i]));
        char* end = nullptr;
        v[i] = std::strtod(part.c_str(), &end);
        ok = !part.empty() && *end == '\0';
      }
      if (!ok) return UsageError("--health-weights expects five numbers V,E,Q,S,C", "settings");
      s.health_weights = model::HealthWeights{v[0], v[1], v[2], v[3], v[4]};
    }
  }
  if (auto m = args.Value("--bottleneck-multiplier")) {
    char* end = nullptr;
    s.bottleneck_multiplier = std::strtod(m->c_str(), &end);
    if (m->empty() || *end != '\0') return UsageError("--bottleneck-multiplier expects a number", "settings");
  }
  if (auto a = args.Value("--auto-snapshots")) {
    if (*a != "on" && *a != "off") return UsageError("--auto-snapshots takes on or off", "settings");
    s.auto_generate_snapshots = *a == "on";
  }
  if (auto f = args.Value("--snapshot-frequency")) {
    auto type = ParsePeriodType(*f);
    if (!type.ok()) return UsageError(type.status().message(), "settings");
    s.snapshot_frequency = *type;
  }
  if (Status st = ctx.session->SetInsightSettings(std::move(s)); !st.ok()) return Fail(st);
  return 0;
}

int SettingsHolidays(Context& ctx, const Args& args) {
  const auto& ops = args.operands();
  if (ops.size() < 3 || (ops[1] != "add" && ops[1] != "remove")) {
    return UsageError("expected: holidays add|remove DATE...", "settings");
  }
  auto dates = ParseDates({ops.begin() + 2, ops.end()});
  if (!dates.ok()) return UsageError(dates.status().message(), "settings");
  auto current = ctx.session->InsightSettingsOf(args.Value("--team").value_or(""));
  if (!current.ok()) return Fail(current.status());
  model::InsightSettings s = *current;
  if (Status st = EditHolidays(s.holidays, ops[1], *dates); !st.ok()) return Fail(st);
  if (Status st = ctx.session->SetInsightSettings(std::move(s)); !st.ok()) return Fail(st);
  return 0;
}

void PrintSchedule(const model::WorkingSchedule& s) {
  std::printf("  identity      %s\n  hours         %s\n  working days  %s\n  role          %s\n  holidays      %s\n",
              s.identity.c_str(), HoursText(s.hours).c_str(), DaysText(s.working_days).c_str(),
              s.role.empty() ? "-" : s.role.c_str(), DatesText(s.holidays).c_str());
}

int SchedulesShow(Context& ctx, const Args& args, const std::string& developer) {
  if (args.Flag("--json")) {
    JsonWriter w(true);
    if (Status s = api::WriteScheduleJson(w, *ctx.session, developer); !s.ok()) return Fail(s);
    return PrintJson(w);
  }
  auto schedule = ctx.session->ScheduleOf(developer);
  if (!schedule.ok()) return Fail(schedule.status());
  if (!*schedule) {
    std::printf("%s has no schedule of their own (team or workspace settings apply)\n", developer.c_str());
    return 0;
  }
  std::printf("schedule of %s\n", developer.c_str());
  PrintSchedule(**schedule);
  return 0;
}

int SchedulesSet(Context& ctx, const Args& args, const std::string& developer) {
  auto current = ctx.session->ScheduleOf(developer);
  if (!current.ok()) return Fail(current.status());
  model::WorkingSchedule s = current->value_or(model::WorkingSchedule{});
  if (Status st = ApplyHours(args, s.hours); !st.ok()) return UsageError(st.message(), "schedules");
  if (auto d = args.Value("--days")) {
    auto mask = ParseDays(*d);
    if (!mask.ok()) return UsageError(mask.status().message(), "schedules");
    s.working_days = *mask;
  }
  if (auto r = args.Value("--role")) s.role = *r == "none" ? "" : *r;
  if (Status st = ctx.session->SetSchedule(developer, std::move(s)); !st.ok()) return Fail(st);
  return 0;
}

int SchedulesHolidays(Context& ctx, const Args& args) {
  const auto& ops = args.operands();
  if (ops.size() < 4 || (ops[2] != "add" && ops[2] != "remove")) {
    return UsageError("expected: holidays DEV add|remove DATE...", "schedules");
  }
  auto dates = ParseDates({ops.begin() + 3, ops.end()});
  if (!dates.ok()) return UsageError(dates.status().message(), "schedules");
  auto current = ctx.session->ScheduleOf(ops[1]);
  if (!current.ok()) return Fail(current.status());
  model::WorkingSchedule s = current->value_or(model::WorkingSchedule{});
  if (Status st = EditHolidays(s.holidays, ops[2], *dates); !st.ok()) return Fail(st);
  if (Status st = ctx.session->SetSchedule(ops[1], std::move(s)); !st.ok()) return Fail(st);
  return 0;
}

int TeamsList(Context& ctx, const Args& args) {
  const model::WorkspaceSettings& settings = ctx.session->settings();
  const auto& ws = ctx.session->workspace();
  const auto& resolution = ctx.session->resolution();
  // The developer a stored member ref names today (after merges and splits).
  auto developer = [&](const std::string& ref) -> const identity::Developer* {
    model::IdentityKind kind;
    std::string key;
    if (!model::ParseIdentityRef(ref, kind, key)) return nullptr;
    return resolution.DeveloperOf(ws.FindIdentity(kind, key));
  };
  if (args.Flag("--json")) {
    JsonWriter w(true);
    api::WriteTeamsJson(w, *ctx.session);
    return PrintJson(w);
  }
  for (const model::Team& t : settings.teams) {
    std::printf("%s (%zu members)\n", t.name.c_str(), t.members.size());
    for (const model::TeamMember& m : t.members) {
      const identity::Developer* d = developer(m.identity);
      std::printf("  %-6s %s%s\n", m.role == model::TeamRole::kLead ? "lead" : "member",
                  d != nullptr ? (std::to_string(d->id) + " " + d->name).c_str() : "(identity gone)",
                  ("  " + m.identity).c_str());
    }
  }
  if (settings.teams.empty() && !ctx.global.quiet) std::fprintf(stderr, "no teams (see `loupe teams create`)\n");
  return 0;
}

}  // namespace

int RunSettings(Context& ctx, std::vector<std::string> argv) {
  Args args(std::move(argv));
  if (Status s = args.Parse({"--team", "--timezone", "--hours", "--late-night", "--working-hours", "--health-weights",
                             "--bottleneck-multiplier", "--auto-snapshots", "--snapshot-frequency"},
                            {"--json", "--help", "-h"});
      !s.ok()) {
    return UsageError(s.message(), "settings");
  }
  if (args.Flag("--help") || args.Flag("-h")) {
    std::fputs(kSettingsHelp, stdout);
    return 0;
  }
  const auto& ops = args.operands();
  if (ops.empty()) return UsageError("expected a subcommand", "settings");
  if (ops[0] == "show" && ops.size() == 1) return SettingsShow(ctx, args);
  if (ops[0] == "set" && ops.size() == 1) return SettingsSet(ctx, args);
  if (ops[0] == "holidays") return SettingsHolidays(ctx, args);
  return UsageError("unknown subcommand " + ops[0], "settings");
}

int RunSchedules(Context& ctx, std::vector<std::string> argv) {
  Args args(std::move(argv));
  if (Status s = args.Parse({"--timezone", "--days", "--hours", "--late-night", "--role"}, {"--json", "--help", "-h"});
      !s.ok()) {
    return UsageError(s.message(), "schedules");
  }
  if (args.Flag("--help") || args.Flag("-h")) {
    std::fputs(kSchedulesHelp, stdout);
    return 0;
  }
  const auto& ops = args.operands();
  if (ops.empty()) return UsageError("expected a subcommand", "schedules");
  const std::string& sub = ops[0];
  if (sub == "list" && ops.size() == 1) {
    const auto& schedules = ctx.session->settings().schedules;
    if (args.Flag("--json")) {
      JsonWriter w(true);
      api::WriteSchedulesJson(w, *ctx.session);
      return PrintJson(w);
    }
    for (const auto& s : schedules) PrintSchedule(s);
    return 0;
  }
  if (sub == "show" && ops.size() == 2) return SchedulesShow(ctx, args, ops[1]);
  if (sub == "set" && ops.size() == 2) return SchedulesSet(ctx, args, ops[1]);
  if (sub == "remove" && ops.size() == 2) {
    if (Status s = ctx.session->RemoveSchedule(ops[1]); !s.ok()) return Fail(s);
    return 0;
  }
  if (sub == "holidays") return SchedulesHolidays(ctx, args);
  return UsageError("unknown subcommand or wrong arguments: " + sub, "schedules");
}

int RunTeams(Context& ctx, std::vector<std::string> argv) {
  Args args(std::move(argv));
  if (Status s = args.Parse({}, {"--json", "--lead", "--help", "-h"}); !s.ok()) return UsageError(s.message(), "teams");
  if (args.Flag("--help") || args.Flag("-h")) {
    std::fputs(kTeamsHelp, stdout);
    return 0;
  }
  const auto& ops = args.operands();
  if (ops.empty()) return UsageError("expected a subcommand", "teams");
  const std::string& sub = ops[0];
  Status status;
  if (sub == "list" && ops.size() == 1) return TeamsList(ctx, args);
  if (sub == "create" && ops.size() == 2) {
    status = ctx.session->CreateTeam(ops[1]);
  } else if (sub == "delete" && ops.size() == 2) {
    status = ctx.session->DeleteTeam(ops[1]);
  } else if (sub == "add" && ops.size() >= 3) {
    const model::TeamRole role = args.Flag("--lead") ? model::TeamRole::kLead : model::TeamRole::kMember;
    status = ctx.session->AddTeamMembers(ops[1], {ops.begin() + 2, ops.end()}, role);
  } else if (sub == "remove" && ops.size() == 3) {
    status = ctx.session->RemoveTeamMember(ops[1], ops[2]);
  } else {
    return UsageError("unknown subcommand or wrong arguments: " + sub, "teams");
  }
  return status.ok() ? 0 : Fail(status);
}

}  // namespace loupe::cli
