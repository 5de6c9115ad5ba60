// The dashboard's widget bodies: each reads the engine replies its registry entry names as
// sources and draws them. Personal widgets are about "you" (App::Me); team widgets about every
// developer of the workspace.
#include <algorithm>
#include <cmath>

#include "app/app.h"
#include "app/charts.h"
#include "app/format.h"
#include "app/pages.h"
#include "ui/theme.h"

namespace loupe::app {
namespace {

std::string DevParams(App& app, const std::string& developer, const std::string& extra = "") {
  std::string p = "{\"developer\":" + Quote(developer);
  const std::string w = app.WindowParams();
  if (!w.empty()) p += "," + w;
  if (!extra.empty()) p += "," + extra;
  return p + "}";
}

//! Expertise builds up over a career: the whole history, whatever window the page shows.
std::string CareerParams(const std::string& developer) {
  return "{\"developer\":" + Quote(developer) + ",\"days\":0}";
}

std::string WindowOnly(App& app, const std::string& extra = "") {
  std::string p = "{" + app.WindowParams();
  if (!extra.empty()) p += (p.size() > 1 ? "," : "") + extra;
  return p + "}";
}

}  // namespace

void Pages::WidgetBody(const PlacedWidget& widget, ImVec2 size) {
  const std::string& id = widget.id;
  if (id == "welcome") Welcome(size);
  else if (id == "quickStats") QuickStats(size);
  else if (id == "teamOverview" || id == "teamStatsSummary") TeamOverview(size);
  else if (id == "teamActivity" || id == "velocityTrend") id == "velocityTrend" ? VelocityTrend(size) : TeamActivity(size);
  else if (id == "activityHeatmap") ActivityHeatmap(size, app_.Me());
  else if (id == "collaborationGraph") CollaborationGraph(size, "widget");
  else if (id == "alerts") AlertsList(size);
  else if (id == "snapshotFreshness") SnapshotFreshness(size);
  else if (id == "workPatterns") WorkPatterns(size);
  else if (id == "languageProficiency") LanguageProficiency(size);
  else if (id == "domainExpertise") DomainExpertise(size);
  else if (id == "frameworksTools") FrameworksTools(size);
  else if (id == "peerBenchmark") PeerBenchmark(size);
  else if (id == "growthTrajectory") GrowthTrajectory(size);
  else if (id == "prCycleTime") PrCycleTime(size);
  else if (id == "reviewLoad") ReviewLoad(size);
  else if (id == "workloadDistribution") WorkloadDistribution(size);
  else if (id == "burnoutRisk") BurnoutRisk(size);
  else if (id == "teamHealth") TeamHealth(size);
  else EmptyState(widget);
}

void Pages::Welcome(ImVec2 size) {
  const Reply& desc = app_.bridge().Get("workspace.describe", "{}");
  if (Ready(desc, "the workspace")) {
    const auto counts = Child(desc.root, "counts");
    ImGui::TextWrapped("This workspace holds %s commits, %s pull requests and %s reviews by %s developers, "
                       "stored in this browser only.",
                       FormatCount(Num(counts, "commits")).c_str(), FormatCount(Num(counts, "pull_requests")).c_str(),
                       FormatCount(Num(counts, "reviews")).c_str(), FormatCount(Num(counts, "developers")).c_str());
  }
  const Reply* prefs = app_.Preferences();
  if (!prefs) return;
  const auto checklist = Child(prefs->root, "checklist");
  if (Num(checklist, "dismissed") != 0) return;
  ImGui::Spacing();
  ImGui::TextDisabled("GETTING STARTED");
  for (simdjson::dom::element item : Items(checklist, "items")) {
    const std::string item_id = Str(item, "id");
    bool done = Num(item, "done") != 0;
    const bool automatic = Num(item, "auto") != 0;
    ImGui::PushID(item_id.c_str());
    if (automatic) ImGui::BeginDisabled();
    if (ImGui::Checkbox(Str(item, "label").c_str(), &done)) {
      app_.Mutate("dashboard.completeChecklistItem",
                  "{\"item\":" + Quote(item_id) + ",\"done\":" + (done ? "true" : "false") + "}");
    }
    if (automatic) ImGui::EndDisabled();
    if (automatic && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
      ImGui::SetTooltip("Ticked by itself when the workspace's data shows it is done.");
    }
    ImGui::PopID();
  }
  if (ImGui::SmallButton("Dismiss the checklist")) app_.Mutate("dashboard.dismissChecklist", "{}");
}

void Pages::QuickStats(ImVec2 size) {
  const Reply& ws = app_.bridge().Get("insights.workspace", WindowOnly(app_));
  if (!Ready(ws, "the workspace summary")) return;
  const auto activity = Child(ws.root, "activity");
  const auto health = Child(ws.root, "health");
  // Weekly sparklines under the counts (the same reply as the team activity widget).
  const Reply& weekly = app_.bridge().Get("analytics.productivity", WindowOnly(app_, "\"groupBy\":\"week\""));
  std::vector<double> commits, merged, reviews, lines;
  for (simdjson::dom::element w : Items(weekly.root, "data")) {
    commits.push_back(Num(w, "commits"));
    merged.push_back(Num(w, "prs_merged"));
    reviews.push_back(Num(w, "reviews_given"));
    lines.push_back(Num(w, "lines_added") + Num(w, "lines_removed"));
  }
  const KpiSpec tiles[] = {
      {"Commits", FormatCount(Num(activity, "total_commits")), "total_commits", "", commits},
      {"PRs merged", FormatCount(Num(activity, "total_prs_merged")), "total_prs_merged", "", merged},
      {"Reviews", FormatCount(Num(activity, "total_reviews")), "total_reviews", "", reviews},
      {"Lines changed", FormatCount(Num(activity, "total_lines_changed")), "total_lines_changed", "", lines},
      {"Active developers",
       FormatCount(Num(ws.root, "active_developers")) + " of " + FormatCount(Num(ws.root, "total_developers")),
       "active_developers", ""},
      {"Workload Gini", FormatFixed(Num(health, "gini_coefficient"), 2), "gini_coefficient",
       Str(health, "workload_balance")},
  };
  KpiRow(*this, tiles, size);
}

void Pages::TeamOverview(ImVec2 size) {
  const Reply& team = app_.bridge().Get("insights.team", WindowOnly(app_));
  if (!Ready(team, "the team")) return;
  const auto dist = Child(team.root, "distribution");
  if (ImGui::BeginTable("team", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp,
                        ImVec2(size.x, size.y))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Developer", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    for (const char* c : {"Commits", "PRs merged", "Reviews", "Lines", "Load"}) ImGui::TableSetupColumn(c);
    ImGui::TableHeadersRow();
    for (simdjson::dom::element m : Items(dist, "member_metrics")) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(Str(m, "developer_name").c_str());
      const std::string id = std::to_string(static_cast<int64_t>(Num(m, "developer_id")));
      ImGui::PushID(id.c_str());
      for (const char* key : {"commits_count", "prs_merged", "reviews_given", "lines_changed", "load"}) {
        ImGui::TableNextColumn();
        NumberButton(FormatCount(Num(m, key)), std::string("workload.") + key, "\"developer\":" + Quote(id),
                     /*small=*/true);
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
}

void Pages::AlertsList(ImVec2 size) {
  const Reply& alerts = app_.bridge().Get("alerts.list", "{\"status\":\"open\",\"limit\":20}");
  if (!Ready(alerts, "the alerts")) return;
  const auto list = AsArray(alerts.root);
  if (list.size() == 0) {
    ImGui::TextDisabled("No open alerts.");
    ImGui::TextWrapped("Alert rules are evaluated over each period; add rules on the Insights > Alerts page.");
    return;
  }
  if (ImGui::BeginTable("alerts", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY, size)) {
    ImGui::TableSetupColumn("Severity", ImGuiTableColumnFlags_WidthFixed, 70);
    ImGui::TableSetupColumn("Alert", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Since", ImGuiTableColumnFlags_WidthFixed, 90);
    for (simdjson::dom::element a : list) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string severity = Str(a, "severity");
      ImGui::TextColored(severity == "critical" ? ui::kBad : severity == "warning" ? ui::kWarn : ui::kNeutral, "%s",
                         severity.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", Str(a, "message", Str(a, "rule_name")).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(Str(a, "triggered_at").substr(0, 10).c_str());
    }
    ImGui::EndTable();
  }
}

void Pages::SnapshotFreshness(ImVec2 size) {
  const Reply& status = app_.bridge().Get("snapshots.status", "{}");
  if (!Ready(status, "the snapshot status")) return;
  DrawSnapshotStatus(status.root, size);
}

}  // namespace loupe::app

namespace loupe::app {
namespace {

// Weekly series of a productivity reply: labels (week starts) and the named columns.
void ProductivitySeries(simdjson::dom::element root, std::initializer_list<const char*> keys,
                        std::vector<std::string>& labels, std::vector<SeriesSpec>& series) {
  labels.clear();
  series.clear();
  for (const char* k : keys) series.push_back({k, {}});
  for (simdjson::dom::element row : Items(root, "data")) {
    labels.push_back(Str(row, "date").substr(5));  // MM-DD
    size_t i = 0;
    for (const char* k : keys) series[i++].values.push_back(Num(row, k));
  }
}

std::string Pretty(std::string_view key) {
  std::string out(key);
  std::replace(out.begin(), out.end(), '_', ' ');
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

}  // namespace

void Pages::TeamActivity(ImVec2 size) {
  const Reply& r = app_.bridge().Get("analytics.productivity", WindowOnly(app_, "\"groupBy\":\"week\""));
  if (!Ready(r, "the team's activity")) return;
  std::vector<std::string> labels;
  std::vector<SeriesSpec> series;
  ProductivitySeries(r.root, {"commits", "prs_merged", "reviews_given"}, labels, series);
  for (SeriesSpec& s : series) s.name = Pretty(s.name);
  StackedBars("team-activity", labels, series, size);
}

void Pages::VelocityTrend(ImVec2 size) {
  const Reply& r = app_.bridge().Get("analytics.productivity", WindowOnly(app_, "\"groupBy\":\"week\""));
  if (!Ready(r, "the velocity trend")) return;
  std::vector<std::string> labels;
  std::vector<SeriesSpec> series;
  ProductivitySeries(r.root, {"commits", "prs_merged"}, labels, series);
  for (SeriesSpec& s : series) s.name = Pretty(s.name);
  Lines("velocity-trend", labels, series, size);
}

void Pages::ActivityHeatmap(ImVec2 size, const std::string& developer) {
  if (developer.empty()) {
    ImGui::TextDisabled("No developer yet.");
    return;
  }
  const Reply& r = app_.bridge().Get("analytics.activity", DevParams(app_, developer));
  if (!Ready(r, "the activity")) return;
  std::vector<double> cells;
  for (simdjson::dom::element day : Items(r.root, "weekday_hour")) {
    for (simdjson::dom::element hour : AsArray(day)) cells.push_back(AsNum(hour));
  }
  static const std::vector<std::string> kDays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  std::vector<std::string> hours;
  for (int h = 0; h < 24; ++h) hours.push_back(h % 3 == 0 ? std::to_string(h) : "");
  ImGui::TextDisabled("Commits by day and hour, on their own clock (%s)", Str(r.root, "timezone", "UTC").c_str());
  HeatmapView("activity", kDays, hours, cells, ImVec2(size.x, size.y - ImGui::GetFrameHeightWithSpacing()), "commits");
}

void Pages::WorkPatterns(ImVec2 size) {
  const std::string me = app_.Me();
  if (me.empty()) return;
  const Reply& r = app_.bridge().Get("insights.developer", DevParams(app_, me));
  if (!Ready(r, "your work patterns")) return;
  const auto s = Child(r.root, "sustainability");
  Number("Weekend commits", FormatValue(Num(s, "weekend_commit_ratio"), "ratio"), "weekend_commit_ratio",
         "\"developer\":" + Quote(me));
  Number("Late-night commits", FormatValue(Num(s, "late_night_commit_ratio"), "ratio"), "late_night_commit_ratio",
         "\"developer\":" + Quote(me));
  Number("Longest streak", FormatValue(Num(s, "longest_streak_days"), "days"), "longest_streak_days",
         "\"developer\":" + Quote(me));
  Number("Focus score", FormatFixed(Num(s, "focus_score"), 2), "focus_score", "\"developer\":" + Quote(me));
}

void Pages::LanguageProficiency(ImVec2 size) {
  const std::string me = app_.Me();
  if (me.empty()) return;
  const Reply& r = app_.bridge().Get("intelligence.expertise", CareerParams(me));
  if (!Ready(r, "your languages")) return;
  std::vector<std::string> labels;
  SeriesSpec proficiency{"Proficiency", {}};
  for (simdjson::dom::element skill : Items(Child(r.root, "result"), "skills")) {
    if (Str(skill, "kind") != "language") continue;
    labels.push_back(Str(skill, "name") + " (" + Str(skill, "depth") + ")");
    proficiency.values.push_back(Num(skill, "proficiency"));
  }
  if (labels.empty()) {
    ImGui::TextDisabled("No language found in the files of your commits.");
    return;
  }
  Bars("languages", labels, {proficiency}, size, /*horizontal=*/true, /*max=*/100.0);
}

void Pages::DomainExpertise(ImVec2 size) {
  const std::string me = app_.Me();
  if (me.empty()) return;
  const Reply& r = app_.bridge().Get("intelligence.complexity", DevParams(app_, me));
  if (!Ready(r, "your domains")) return;
  std::vector<std::string> labels;
  SeriesSpec prs{"Pull requests", {}};
  for (const char* key : {"top_components", "top_layers"}) {
    for (simdjson::dom::element pair : Items(Child(r.root, "result"), key)) {
      auto a = AsArray(pair);
      std::vector<simdjson::dom::element> parts(a.begin(), a.end());
      if (parts.size() != 2) continue;
      labels.push_back(AsStr(parts[0]) + (std::string_view(key) == "top_layers" ? " (layer)" : ""));
      prs.values.push_back(AsNum(parts[1]));
    }
  }
  if (labels.empty()) {
    ImGui::TextDisabled("No pull requests with known files in this window.");
    return;
  }
  Bars("domains", labels, {prs}, size, /*horizontal=*/true);
}

void Pages::FrameworksTools(ImVec2 size) {
  const std::string me = app_.Me();
  if (me.empty()) return;
  const Reply& r = app_.bridge().Get("intelligence.expertise", CareerParams(me));
  if (!Ready(r, "your frameworks")) return;
  bool any = false;
  if (ImGui::BeginTable("frameworks", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY, size)) {
    ImGui::TableSetupColumn("Framework or tool", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Proficiency", ImGuiTableColumnFlags_WidthFixed, 90);
    ImGui::TableSetupColumn("Depth", ImGuiTableColumnFlags_WidthFixed, 100);
    for (simdjson::dom::element skill : Items(Child(r.root, "result"), "skills")) {
      if (Str(skill, "kind") == "language") continue;
      any = true;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(Str(skill, "name").c_str());
      ImGui::TableNextColumn();
      ImGui::ProgressBar(static_cast<float>(Num(skill, "proficiency") / 100.0), ImVec2(-1, 0),
                         FormatFixed(Num(skill, "proficiency"), 0).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(Str(skill, "depth").c_str());
    }
    ImGui::EndTable();
  }
  if (!any) {
    ImGui::TextWrapped("No framework found: frameworks come from dependency manifests (package.json, Cargo.toml, "
                       "go.mod, …) in the commits you changed. Import with `loupe import-git` or GitHub sync to "
                       "record them.");
  }
}

void Pages::PeerBenchmark(ImVec2 size) {
  const Reply* prefs = app_.Preferences();
  const bool individuals = prefs && Num(prefs->root, "individuals") != 0;
  const std::string me = app_.Me();
  if (me.empty()) return;
  if (!individuals) {
    // Team level only: where the team stands, no individual named.
    const Reply& team = app_.bridge().Get("insights.team", WindowOnly(app_));
    if (!Ready(team, "the team")) return;
    const auto agg = Child(team.root, "aggregate");
    ImGui::TextDisabled("Team level (your role does not show individual developers)");
    Number("Commits per member", FormatFixed(Num(agg, "avg_commits_per_member"), 1), "avg_commits_per_member");
    Number("PRs merged per member", FormatFixed(Num(agg, "avg_prs_per_member"), 1), "avg_prs_per_member");
    return;
  }
  const Reply& r = app_.bridge().Get("insights.developer", DevParams(app_, me, "\"percentile\":true"));
  if (!Ready(r, "the benchmark")) return;
  std::vector<std::string> labels;
  SeriesSpec pct{"Percentile", {}};
  simdjson::dom::object rankings;
  if (Child(Child(r.root, "percentile"), "rankings").get(rankings) == simdjson::SUCCESS) {
    for (auto [key, value] : rankings) {
      labels.push_back(Pretty(key));
      pct.values.push_back(Num(value, "percentile"));
    }
  }
  ImGui::TextDisabled("Your percentile among %d peers", static_cast<int>(Num(Child(r.root, "percentile"), "peer_count")));
  Bars("peers", labels, {pct}, ImVec2(size.x, size.y - ImGui::GetFrameHeightWithSpacing()), true, 100.0);
}

void Pages::GrowthTrajectory(ImVec2 size) {
  const std::string me = app_.Me();
  if (me.empty()) return;
  const Reply& r = app_.bridge().Get("snapshots.history",
                                     "{\"developer\":" + Quote(me) + ",\"period\":\"weekly\",\"limit\":26}");
  if (!Ready(r, "your snapshots")) return;
  std::vector<std::string> labels;
  std::vector<SeriesSpec> series = {{"Commits", {}}, {"PRs merged", {}}, {"Reviews given", {}}};
  std::vector<simdjson::dom::element> rows;
  for (simdjson::dom::element s : AsArray(r.root)) rows.push_back(s);
  std::reverse(rows.begin(), rows.end());  // oldest first
  for (simdjson::dom::element s : rows) {
    labels.push_back(Str(s, "period_start").substr(5, 5));
    series[0].values.push_back(Num(Child(s, "velocity"), "commits_count"));
    series[1].values.push_back(Num(Child(s, "velocity"), "prs_merged"));
    series[2].values.push_back(Num(Child(s, "collaboration"), "review_given_count"));
  }
  if (labels.empty()) {
    ImGui::TextWrapped("No weekly snapshots yet. Generate them on the Reports page (or `loupe snapshots generate`).");
    return;
  }
  Lines("growth", labels, series, size);
}

void Pages::PrCycleTime(ImVec2 size) {
  // The first ten developers (most commits first) side by side: insights.compare takes 1–10.
  const Reply& devs = app_.bridge().Get("developers.list", "{\"limit\":10}");
  if (!Ready(devs, "the developers")) return;
  std::string ids;
  for (simdjson::dom::element d : AsArray(devs.root)) {
    ids += (ids.empty() ? "" : ",") + Quote(std::to_string(static_cast<int64_t>(Num(d, "id"))));
  }
  if (ids.empty()) {
    ImGui::TextDisabled("No developers yet.");
    return;
  }
  const Reply& r = app_.bridge().Get("insights.compare", WindowOnly(app_, "\"developers\":[" + ids + "]"));
  if (!Ready(r, "the cycle times")) return;
  std::vector<std::string> labels;
  std::vector<SeriesSpec> series = {{"To first review", {}}, {"First review to merge", {}}};
  for (simdjson::dom::element d : AsArray(r.root)) {
    const auto e = Child(d, "efficiency");
    const double first = Num(e, "avg_time_to_first_review_hours");
    const double cycle = Num(e, "avg_pr_cycle_time_hours");
    labels.push_back(Str(d, "developer_name"));
    series[0].values.push_back(first);
    series[1].values.push_back(std::max(0.0, cycle - first));
  }
  ImGui::TextDisabled("Average hours from opening to merge, split at the first review");
  StackedBars("cycle", labels, series, ImVec2(size.x, size.y - ImGui::GetFrameHeightWithSpacing()), /*horizontal=*/true);
}

void Pages::ReviewLoad(ImVec2 size) {
  const Reply& r = app_.bridge().Get("insights.team", WindowOnly(app_));
  if (!Ready(r, "the review load")) return;
  std::vector<std::string> labels;
  SeriesSpec given{"Reviews given", {}};
  for (simdjson::dom::element m : Items(Child(r.root, "distribution"), "member_metrics")) {
    labels.push_back(Str(m, "developer_name"));
    given.values.push_back(Num(m, "reviews_given"));
  }
  Bars("review-load", labels, {given}, size, /*horizontal=*/true);
}

void Pages::WorkloadDistribution(ImVec2 size) {
  const Reply& r = app_.bridge().Get("insights.team", WindowOnly(app_));
  if (!Ready(r, "the workload")) return;
  const auto dist = Child(r.root, "distribution");
  Number("Gini", FormatFixed(Num(dist, "gini_coefficient"), 2), "gini_coefficient");
  ImGui::SameLine(0, 24);
  Number("Top contributor", FormatValue(Num(dist, "top_contributor_share"), "ratio"), "top_contributor_share");
  std::vector<std::string> labels;
  SeriesSpec load{"Load", {}};
  for (simdjson::dom::element m : Items(dist, "member_metrics")) {
    labels.push_back(Str(m, "developer_name"));
    load.values.push_back(Num(m, "load"));
  }
  Bars("load", labels, {load}, ImVec2(size.x, ImGui::GetContentRegionAvail().y), /*horizontal=*/true);
}

void Pages::BurnoutRisk(ImVec2 size) {
  const Reply& r = app_.bridge().Get("intelligence.burnout", WindowOnly(app_));
  if (!Ready(r, "the burnout assessment")) return;
  const auto result = Child(r.root, "result");
  const auto dist = Child(result, "risk_distribution");
  std::vector<std::string> labels = {"Low", "Moderate", "High", "Critical"};
  SeriesSpec count{"Developers", {Num(dist, "low"), Num(dist, "moderate"), Num(dist, "high"), Num(dist, "critical")}};
  ImGui::TextDisabled("Statistics model (no LLM): after-hours, weekends, breaks");
  Bars("burnout", labels, {count}, ImVec2(size.x, size.y * 0.45f));
  for (simdjson::dom::element d : Items(result, "high_risk_developers")) {
    ImGui::TextColored(ui::kBad, "%s", Str(d, "name").c_str());
    for (simdjson::dom::element a : Items(d, "alerts")) WrappedBullet(AsStr(a));
  }
}

void Pages::TeamHealth(ImVec2 size) {
  const Reply& r = app_.bridge().Get("intelligence.burnout", WindowOnly(app_));
  if (!Ready(r, "the team's health")) return;
  GaugeView("health", Num(Child(r.root, "result"), "team_health_score"), 100.0, "Team health", size);
}

void Pages::CollaborationGraph(ImVec2 size, const std::string& id) {
  const Reply& r = app_.bridge().Get("analytics.collaboration", WindowOnly(app_));
  if (!Ready(r, "the collaboration network")) return;
  NetworkView(*this, id, r, size);
}

}  // namespace loupe::app
