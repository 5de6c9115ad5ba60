// The routes other than the dashboard: analytics (aexy §4.9 views), insights (a developer's five
// categories with trends and the previous window, the team's workload, leaderboards, alerts) and
// reports (what Loupe can produce today).
#include <algorithm>
#include <cmath>

#include "app/app.h"
#include "app/charts.h"
#include "app/format.h"
#include "app/pages.h"
#include "ui/theme.h"

namespace loupe::app {
namespace {

// The five categories and the metrics each shows, in reading order.
struct CategorySpec {
  const char* key;
  const char* label;
  std::vector<const char*> metrics;
};
const std::vector<CategorySpec>& Categories() {
  static const std::vector<CategorySpec> kCategories = {
      {"velocity", "Velocity",
       {"commits_count", "prs_merged", "lines_added", "lines_removed", "net_lines", "commit_frequency", "pr_throughput",
        "avg_commit_size"}},
      {"efficiency", "Efficiency",
       {"avg_pr_cycle_time_hours", "avg_time_to_first_review_hours", "avg_pr_size", "pr_merge_rate",
        "first_commit_to_merge_hours", "rework_ratio"}},
      {"quality", "Quality",
       {"review_participation_rate", "avg_review_depth", "review_turnaround_hours", "self_merge_rate"}},
      {"sustainability", "Sustainability",
       {"weekend_commit_ratio", "late_night_commit_ratio", "longest_streak_days", "avg_daily_active_hours",
        "focus_score"}},
      {"collaboration", "Collaboration",
       {"unique_collaborators", "cross_team_pr_ratio", "review_given_count", "review_received_count",
        "knowledge_sharing_score"}},
  };
  return kCategories;
}

std::string Label(std::string_view key) {
  std::string out(key);
  for (const char* suffix : {"_hours", "_count"}) {
    const std::string_view s = suffix;
    if (out.size() > s.size() && out.compare(out.size() - s.size(), s.size(), s) == 0) out.resize(out.size() - s.size());
  }
  std::replace(out.begin(), out.end(), '_', ' ');
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

void Heading(const char* text) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.Fonts->Fonts.Size > 1) ImGui::PushFont(io.Fonts->Fonts[1]);
  ImGui::TextUnformatted(text);
  if (io.Fonts->Fonts.Size > 1) ImGui::PopFont();
}

// Sub-route tabs that keep the hash in step (#/insights/team): keyboard and links agree.
int SubRoutes(App& app, std::string_view base, std::initializer_list<std::pair<const char*, const char*>> tabs) {
  const std::string& route = app.route();
  int current = 0, i = 0;
  for (const auto& [path, label] : tabs) {
    const std::string full = std::string(base) + "/" + path;
    if (route.compare(0, full.size(), full) == 0) current = i;
    ++i;
  }
  i = 0;
  for (const auto& [path, label] : tabs) {
    if (i > 0) ImGui::SameLine();
    const bool on = i == current;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(label)) app.Navigate(std::string(base) + "/" + path);
    if (on) ImGui::PopStyleColor();
    ++i;
  }
  ImGui::Spacing();
  return current;
}

}  // namespace

// ---- analytics -----------------------------------------------------------------------------------

void Pages::Analytics() {
  Heading("Analytics");
  const int tab = SubRoutes(app_, "/analytics",
                            {{"skills", "Skill heatmap"}, {"activity", "Activity heatmap"}, {"trends", "Productivity trends"},
                             {"workload", "Workload"}, {"network", "Collaboration network"}});
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 area(avail.x, std::max(320.0f, ImGui::GetIO().DisplaySize.y - ImGui::GetCursorScreenPos().y - 24));
  std::string window = app_.WindowParams();
  const std::string wparams = "{" + window + "}";
  if (tab == 0) {
    const Reply& r = app_.bridge().Get("analytics.skills", "{\"maxSkills\":15}");
    if (!Ready(r, "the skill heatmap")) return;
    std::vector<std::string> rows, cols;
    for (simdjson::dom::element d : Items(r.root, "developers")) rows.push_back(Str(d, "name"));
    for (simdjson::dom::element s : Items(r.root, "skills")) cols.push_back(AsStr(s));
    std::vector<double> cells(rows.size() * cols.size(), 0.0);
    std::vector<std::string> ids;
    for (simdjson::dom::element d : Items(r.root, "developers")) ids.push_back(std::to_string(static_cast<int64_t>(Num(d, "id"))));
    for (simdjson::dom::element c : Items(r.root, "cells")) {
      const std::string dev = std::to_string(static_cast<int64_t>(Num(c, "developer_id")));
      const auto row = std::find(ids.begin(), ids.end(), dev) - ids.begin();
      const auto col = std::find(cols.begin(), cols.end(), Str(c, "skill")) - cols.begin();
      if (static_cast<size_t>(row) < rows.size() && static_cast<size_t>(col) < cols.size()) {
        cells[static_cast<size_t>(row) * cols.size() + static_cast<size_t>(col)] = Num(c, "proficiency");
      }
    }
    ImGui::TextDisabled("Proficiency 0–100 per developer and skill (the whole history)");
    HeatmapView("skills", rows, cols, cells, area, "proficiency");
  } else if (tab == 1) {
    const std::string me = app_.Me();
    ImGui::TextDisabled("Developer: choose \"You are\" in the sidebar");
    ActivityHeatmap(ImVec2(area.x, std::min(area.y, 420.0f)), me);
  } else if (tab == 2) {
    const Reply& r = app_.bridge().Get("analytics.productivity",
                                       "{" + window + (window.empty() ? "" : ",") + "\"groupBy\":\"week\"}");
    if (!Ready(r, "the trends")) return;
    std::vector<std::string> labels;
    std::vector<SeriesSpec> series = {{"Commits", {}}, {"PRs opened", {}}, {"PRs merged", {}}, {"Reviews given", {}}};
    for (simdjson::dom::element row : Items(r.root, "data")) {
      labels.push_back(Str(row, "date").substr(5));
      series[0].values.push_back(Num(row, "commits"));
      series[1].values.push_back(Num(row, "prs_opened"));
      series[2].values.push_back(Num(row, "prs_merged"));
      series[3].values.push_back(Num(row, "reviews_given"));
    }
    const auto summary = Child(r.root, "summary");
    Number("Commits", FormatCount(Num(summary, "total_commits")), "total_commits");
    ImGui::SameLine(0, 32);
    Number("PRs merged", FormatCount(Num(summary, "total_merged_prs")), "total_merged_prs");
    ImGui::SameLine(0, 32);
    Number("Reviews", FormatCount(Num(summary, "total_reviews")), "total_reviews");
    Lines("trends", labels, series, ImVec2(area.x, area.y - 80));
  } else if (tab == 3) {
    TeamOverview(ImVec2(area.x, area.y * 0.5f));
    WorkloadDistribution(ImVec2(area.x, area.y * 0.45f));
  } else {
    const Reply& r = app_.bridge().Get("analytics.collaboration", wparams);
    if (!Ready(r, "the network")) return;
    Number("Density", FormatFixed(Num(r.root, "density"), 2), "density");
    NetworkView(*this, "analytics", r, ImVec2(area.x, area.y - 60));
  }
}

// ---- insights ------------------------------------------------------------------------------------

void Pages::Insights() {
  Heading("Insights");
  const int tab = SubRoutes(app_, "/insights",
                            {{"developer", "Developer"}, {"team", "Team"}, {"leaderboards", "Leaderboards"}, {"alerts", "Alerts"}});
  if (tab == 0) DeveloperInsights();
  else if (tab == 1) TeamInsights();
  else if (tab == 2) Leaderboards();
  else AlertsPage();
}

void Pages::DeveloperInsights() {
  std::string dev = app_.RouteQuery("dev");
  if (dev.empty()) dev = app_.Me();
  if (dev.empty()) {
    ImGui::TextDisabled("No developers yet: import data first.");
    return;
  }
  // Developer chooser (updates the route, so the choice is a link).
  const Reply& devs = app_.bridge().Get("developers.list", "{}");
  std::string name = dev;
  for (simdjson::dom::element d : AsArray(devs.root)) {
    if (std::to_string(static_cast<int64_t>(Num(d, "id"))) == dev) name = Str(d, "name");
  }
  ImGui::SetNextItemWidth(260);
  if (ImGui::BeginCombo("Developer", name.c_str())) {
    for (simdjson::dom::element d : AsArray(devs.root)) {
      const std::string id = std::to_string(static_cast<int64_t>(Num(d, "id")));
      if (ImGui::Selectable((Str(d, "name") + "##" + id).c_str(), id == dev)) app_.Navigate("/insights/developer?dev=" + id);
    }
    ImGui::EndCombo();
  }

  const std::string window = app_.WindowParams();
  const std::string params = "{\"developer\":" + Quote(dev) + (window.empty() ? "" : "," + window) +
                             ",\"comparePrevious\":true,\"health\":true}";
  const Reply& r = app_.bridge().Get("insights.developer", params);
  if (!Ready(r, "the insights")) return;
  const auto previous = Child(r.root, "previous");
  const std::string context = "\"developer\":" + Quote(dev);

  // Health score and five category cards, each metric with the previous window's value.
  const auto health = Child(r.root, "health_score");
  ImGui::Spacing();
  GaugeView("health", Num(health, "score"), 100.0, "Health score", ImVec2(220, 130));
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::TextDisabled("Against the %d days before (%s to %s)", app_.window().days,
                      Str(previous, "period_start").substr(0, 10).c_str(),
                      Str(previous, "period_end").substr(0, 10).c_str());
  if (ImGui::Button("Explain the health score")) Explain("health_score", context);
  ImGui::EndGroup();

  const float avail = ImGui::GetContentRegionAvail().x;
  const int columns = avail > 1100 ? 3 : avail > 700 ? 2 : 1;
  if (ImGui::BeginTable("categories", columns, ImGuiTableFlags_SizingStretchSame)) {
    for (const CategorySpec& c : Categories()) {
      ImGui::TableNextColumn();
      ImGui::PushID(c.key);
      ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::kPanel);
      ImGui::BeginChild("card", ImVec2(0, 44.0f + 26.0f * static_cast<float>(c.metrics.size())), true);
      ImGui::TextColored(ui::kAccent, "%s", c.label);
      const auto now = Child(r.root, c.key), before = Child(previous, c.key);
      if (ImGui::BeginTable("m", 3, ImGuiTableFlags_SizingStretchProp)) {
        for (const char* key : c.metrics) {
          ImGui::TableNextRow();
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(MetricLabel(c.key, key).c_str());
          ImGui::TableNextColumn();
          const double v = Num(now, key, NAN), p = Num(before, key, NAN);
          NumberButton(FormatValue(v, UnitOf(key)), std::string(c.key) + "." + key, context, /*small=*/true);
          ImGui::TableNextColumn();
          if (std::isfinite(v) && std::isfinite(p) && p != 0) {
            const double change = (v - p) / std::fabs(p) * 100.0;
            ImGui::TextDisabled("%+.0f%%", change);
          } else {
            ImGui::TextDisabled("—");
          }
        }
        ImGui::EndTable();
      }
      ImGui::EndChild();
      ImGui::PopStyleColor();
      ImGui::PopID();
    }
    ImGui::EndTable();
  }

  // Trends from the stored weekly snapshots.
  ImGui::Spacing();
  ImGui::TextColored(ui::kAccent, "Weekly trend (stored snapshots)");
  const std::string saved_me = app_.Me();
  const Reply& h = app_.bridge().Get("snapshots.history", "{\"developer\":" + Quote(dev) + ",\"period\":\"weekly\",\"limit\":26}");
  if (Ready(h, "the snapshots")) {
    std::vector<simdjson::dom::element> rows(AsArray(h.root).begin(), AsArray(h.root).end());
    std::reverse(rows.begin(), rows.end());
    std::vector<std::string> labels;
    std::vector<SeriesSpec> series = {{"Commits", {}}, {"PRs merged", {}}, {"Reviews given", {}}};
    for (simdjson::dom::element s : rows) {
      labels.push_back(Str(s, "period_start").substr(5, 5));
      series[0].values.push_back(Num(Child(s, "velocity"), "commits_count"));
      series[1].values.push_back(Num(Child(s, "velocity"), "prs_merged"));
      series[2].values.push_back(Num(Child(s, "collaboration"), "review_given_count"));
    }
    if (labels.empty()) {
      ImGui::TextDisabled("No weekly snapshots yet: generate them on the Reports page.");
    } else {
      Lines("dev-trend", labels, series, ImVec2(ImGui::GetContentRegionAvail().x, 220));
    }
  }
}

void Pages::TeamInsights() {
  const std::string window = app_.WindowParams();
  const Reply& r = app_.bridge().Get("insights.team", "{" + window + "}");
  if (!Ready(r, "the team")) return;
  const auto agg = Child(r.root, "aggregate");
  const auto dist = Child(r.root, "distribution");
  const KpiSpec tiles[] = {
      {"Members", FormatCount(Num(r.root, "member_count")), "member_count", ""},
      {"Commits", FormatCount(Num(agg, "total_commits")), "total_commits", ""},
      {"PRs merged", FormatCount(Num(agg, "total_prs_merged")), "total_prs_merged", ""},
      {"Gini", FormatFixed(Num(dist, "gini_coefficient"), 2), "gini_coefficient", ""},
      {"Top contributor share", FormatValue(Num(dist, "top_contributor_share"), "ratio"), "top_contributor_share", ""},
      {"Bottleneck multiplier", FormatFixed(Num(dist, "bottleneck_multiplier"), 1) + "x mean", "bottleneck_multiplier", ""},
  };
  KpiRow(*this, tiles, ImVec2(ImGui::GetContentRegionAvail().x, 90));
  const auto bottlenecks = Items(dist, "bottleneck_developers");
  if (bottlenecks.size() == 0) {
    ImGui::TextDisabled("No bottleneck: nobody carries more than %.1fx the mean load.", Num(dist, "bottleneck_multiplier"));
  } else {
    for (simdjson::dom::element b : bottlenecks) {
      ImGui::TextColored(ui::kWarn, "Bottleneck: %s", b.is_string() ? AsStr(b).c_str() : Str(b, "developer_name").c_str());
    }
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  std::vector<std::string> labels;
  std::vector<SeriesSpec> series = {{"Commits", {}}, {"3 x PRs merged", {}}, {"Reviews given", {}}};
  for (simdjson::dom::element m : Items(dist, "member_metrics")) {
    labels.push_back(Str(m, "developer_name"));
    series[0].values.push_back(Num(m, "commits_count"));
    series[1].values.push_back(3 * Num(m, "prs_merged"));
    series[2].values.push_back(Num(m, "reviews_given"));
  }
  ImGui::TextDisabled("Load = commits + 3 x merged PRs + reviews given");
  StackedBars("team-load", labels, series, ImVec2(avail.x, std::max(240.0f, avail.y * 0.5f)), /*horizontal=*/true);
  TeamOverview(ImVec2(avail.x, 260));
}

std::string Pages::MetricLabel(std::string_view category, std::string_view key) {
  // The engine's catalog names every figure (insights.catalog); read once into a map by
  // "category.key" and by the key alone (its first category). A key it does not hold (the
  // leaderboard's own names) gets a readable form of itself.
  if (metric_labels_.empty()) {
    const Reply& catalog = app_.bridge().Get("insights.catalog", "{}");
    for (simdjson::dom::element e : Items(catalog.root, "entries")) {
      const std::string label = Str(e, "label");
      metric_labels_.emplace(Str(e, "category") + "." + Str(e, "key"), label);
      metric_labels_.emplace(Str(e, "key"), label);
    }
  }
  auto it = metric_labels_.end();
  if (!category.empty()) it = metric_labels_.find(std::string(category) + "." + std::string(key));
  if (it == metric_labels_.end()) it = metric_labels_.find(std::string(key));
  return it != metric_labels_.end() ? it->second : Label(key);
}

void Pages::Leaderboards() {
  static const char* kMetrics[] = {"commits", "prs_merged", "lines_changed", "reviews_given", "pr_throughput",
                                   "review_turnaround_hours", "knowledge_sharing_score"};
  ImGui::SetNextItemWidth(260);
  if (ImGui::BeginCombo("Metric", MetricLabel("", leaderboard_metric_).c_str())) {
    for (const char* m : kMetrics) {
      if (ImGui::Selectable(MetricLabel("", m).c_str(), leaderboard_metric_ == m)) leaderboard_metric_ = m;
    }
    ImGui::EndCombo();
  }
  const std::string window = app_.WindowParams();
  const Reply& r = app_.bridge().Get("insights.leaderboard", "{\"metric\":" + Quote(leaderboard_metric_) +
                                                                 ",\"limit\":20" + (window.empty() ? "" : "," + window) + "}");
  if (!Ready(r, "the leaderboard")) return;
  std::vector<std::string> labels;
  SeriesSpec values{MetricLabel("", leaderboard_metric_), {}};
  for (simdjson::dom::element e : Items(r.root, "entries")) {
    labels.push_back("#" + std::to_string(static_cast<int>(Num(e, "rank"))) + " " + Str(e, "developer_name"));
    values.values.push_back(Num(e, "value"));
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  Bars("leaderboard", labels, {values}, ImVec2(avail.x, std::max(240.0f, 34.0f * labels.size() + 40)), /*horizontal=*/true);
  if (ImGui::Button("Explain this metric")) Explain(leaderboard_metric_, "");
}

void Pages::AlertsPage() {
  const Reply& rules = app_.bridge().Get("alerts.rules", "{}");
  if (Ready(rules, "the alert rules")) {
    const auto list = AsArray(rules.root);
    ImGui::TextColored(ui::kAccent, "Rules (%d)", static_cast<int>(list.size()));
    if (list.size() == 0) {
      ImGui::TextWrapped("No rules yet. The default templates watch review turnaround, weekend work, merge rate and more.");
      if (ImGui::Button("Add the default rules")) {
        app_.bridge().Send("alerts.seedTemplates", "{}", [this](std::unique_ptr<Reply>) { app_.bridge().Invalidate(); });
      }
    } else if (ImGui::BeginTable("rules", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
      for (const char* c : {"Rule", "Metric", "Condition", "Severity"}) ImGui::TableSetupColumn(c);
      ImGui::TableHeadersRow();
      for (simdjson::dom::element rule : list) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(Str(rule, "name").c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted((Str(rule, "category") + "." + Str(rule, "metric")).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%s %s", Str(rule, "operator").c_str(), FormatFixed(Num(rule, "threshold"), 2).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(Str(rule, "severity").c_str());
      }
      ImGui::EndTable();
    }
    if (list.size() > 0 && ImGui::Button("Evaluate over the window")) {
      const std::string window = app_.WindowParams();
      app_.bridge().Send("alerts.evaluate", "{" + window + "}", [this](std::unique_ptr<Reply>) { app_.bridge().Invalidate(); });
    }
  }
  ImGui::Spacing();
  ImGui::TextColored(ui::kAccent, "Alerts");
  const Reply& alerts = app_.bridge().Get("alerts.list", "{\"limit\":50}");
  if (!Ready(alerts, "the alerts")) return;
  if (AsArray(alerts.root).size() == 0) {
    ImGui::TextDisabled("No alerts.");
    return;
  }
  if (ImGui::BeginTable("alerts", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    for (const char* c : {"Severity", "Alert", "Status", "Triggered", ""}) ImGui::TableSetupColumn(c);
    ImGui::TableHeadersRow();
    for (simdjson::dom::element a : AsArray(alerts.root)) {
      const int64_t id = static_cast<int64_t>(Num(a, "id"));
      ImGui::PushID(static_cast<int>(id));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string severity = Str(a, "severity");
      ImGui::TextColored(severity == "critical" ? ui::kBad : severity == "warning" ? ui::kWarn : ui::kNeutral, "%s",
                         severity.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", Str(a, "message", Str(a, "rule_name")).c_str());
      ImGui::TableNextColumn();
      const std::string status = Str(a, "status");
      ImGui::TextUnformatted(status.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(Str(a, "triggered_at").substr(0, 10).c_str());
      ImGui::TableNextColumn();
      if (status == "triggered" && ImGui::SmallButton("Acknowledge")) {
        app_.bridge().Send("alerts.acknowledge", "{\"id\":" + std::to_string(id) + "}",
                           [this](std::unique_ptr<Reply>) { app_.bridge().Invalidate(); });
      }
      if (status != "resolved") {
        ImGui::SameLine();
        if (ImGui::SmallButton("Resolve")) {
          app_.bridge().Send("alerts.resolve", "{\"id\":" + std::to_string(id) + "}",
                             [this](std::unique_ptr<Reply>) { app_.bridge().Invalidate(); });
        }
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
}

// ---- reports -------------------------------------------------------------------------------------

void Pages::Reports() {
  Heading("Reports");
  ImGui::TextWrapped("Custom and scheduled reports come with the reports work. What Loupe produces today:");
  ImGui::Spacing();
  ImGui::TextColored(ui::kAccent, "Snapshots");
  ImGui::TextWrapped("Weekly (or daily, biweekly, monthly) snapshots of every developer's five categories; the trends "
                     "on the Insights page read them.");
  const std::string window = app_.WindowParams();
  if (!window.empty() && ImGui::Button("Generate weekly snapshots for the window")) {
    app_.bridge().Send("snapshots.generate", "{\"period\":\"weekly\"," + window + "}",
                       [this](std::unique_ptr<Reply>) { app_.bridge().Invalidate(); });
  }
  const Reply& status = app_.bridge().Get("snapshots.status", "{}");
  if (Ready(status, "the snapshot status")) DrawSnapshotStatus(status.root, ImVec2(ImGui::GetContentRegionAvail().x, 240));
  ImGui::Spacing();
  ImGui::TextColored(ui::kAccent, "Exports");
  WrappedBullet("The whole workspace as a Loupe bundle: loupe.workspace.exportBundle() or `loupe export-bundle`.");
  WrappedBullet("Everything stored about one developer: loupe.privacy.export() or `loupe privacy export DEV`.");
  WrappedBullet("Every analysis at once: loupe.intelligence.analyzeAll() or `loupe intelligence analyze-all`.");
}

}  // namespace loupe::app
