// The metric catalog: every number the insights JSON of the demo workspace carries is explained,
// under both profiles; every entry is named in docs/metrics.md; the entries that differ between the
// profiles are exactly those docs/metrics.md gives another aexy-compat rule (or no aexy value).
#include "loupe/metrics/catalog.h"

#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/api/demo_session.h"
#include "loupe/api/dispatch.h"
#include "loupe/api/window.h"
#include "support/test_util.h"

namespace loupe::metrics {
namespace {

// The catalog name of a JSON leaf, from its path in one of the three documents, or "" for a leaf
// that is no figure (ids, names, instants, the profile label, flags such as role_weighted).
std::string CatalogName(std::string_view document, const std::vector<std::string>& path) {
  const std::string& key = path.back();
  static const std::set<std::string> kNotFigures = {"developer_id", "developer_name", "email", "github_login",
                                                    "identity_key", "period_start", "period_end", "period_type",
                                                    "profile", "computed_at", "team_id", "last_activity",
                                                    "role_weighted", "type", "severity", "description"};
  if (kNotFigures.count(key) > 0) return "";
  std::vector<std::string> p = path;
  if (p.front() == "previous") p.erase(p.begin());  // the previous window repeats the categories
  const std::string& head = p.front();
  if (document == "developer") {
    if (head == "velocity" || head == "efficiency" || head == "quality" || head == "sustainability" ||
        head == "collaboration" || head == "raw_counts") {
      return head + "." + key;
    }
    if (head == "health_score") {
      // health_score.score, health_score.breakdown.<category>.score / .weight
      if (p.size() == 2) return "health.score";
      return key == "weight" ? "health.weight" : "health." + p[2];
    }
    if (head == "percentile") {
      // rankings.<metric>.value is the metric itself; percentile, rank and total are the ranking's.
      if (p.size() == 4 && key == "value") return p[2];
      return "percentile." + key;
    }
    if (head == "gaming_flags") return p.size() > 2 ? "gaming.flags" : "gaming." + key;
    if (head == "forecast") return p.size() > 2 && p[1] == "historical" ? "forecast.historical" : "forecast." + key;
  }
  if (document == "team") return (head == "distribution" ? "workload." : "team.") + key;
  if (document == "workspace") return "workspace." + key;
  return std::string(document) + "?" + key;
}

// A small reader of the writers' JSON (the tests do not link the engine's parser): records the
// catalog name of every number, and of the strings that are labels, by the path that leads there.
class FigureWalker {
 public:
  FigureWalker(std::string_view document, std::string_view json) : document_(document), json_(json) {}

  std::set<std::string> Run() {
    Value();
    Space();
    CHECK(at_ == json_.size());
    return out_;
  }

 private:
  void Space() {
    while (at_ < json_.size() && (json_[at_] == ' ' || json_[at_] == '\n' || json_[at_] == '\t' || json_[at_] == '\r')) ++at_;
  }
  std::string String() {
    REQUIRE(json_[at_] == '"');
    std::string out;
    for (++at_; json_[at_] != '"'; ++at_) {
      if (json_[at_] == '\\') ++at_;  // an escaped character: kept as it is, enough for keys
      out += json_[at_];
    }
    ++at_;
    return out;
  }
  void Leaf(bool label) {
    if (path_.empty()) return;
    const std::string name = CatalogName(document_, path_);
    // Strings are figures only where they are labels (workload_balance, risk_level).
    if (!name.empty() && (!label || name == "workspace.workload_balance" || name == "gaming.risk_level")) {
      out_.insert(name);
    }
  }
  void Value() {
    Space();
    REQUIRE(at_ < json_.size());
    const char c = json_[at_];
    if (c == '{') {
      ++at_;
      for (Space(); json_[at_] != '}'; Space()) {
        path_.push_back(String());
        Space();
        REQUIRE(json_[at_] == ':');
        ++at_;
        Value();
        path_.pop_back();
        Space();
        if (json_[at_] == ',') ++at_;
      }
      ++at_;
    } else if (c == '[') {
      ++at_;
      // bottleneck_developers is an array of developer ids: the figure is the list itself.
      if (!path_.empty() && path_.back() == "bottleneck_developers") out_.insert("workload.bottleneck_developers");
      for (Space(); json_[at_] != ']'; Space()) {
        Value();
        Space();
        if (json_[at_] == ',') ++at_;
      }
      ++at_;
    } else if (c == '"') {
      String();
      Leaf(/*label=*/true);
    } else if (json_.compare(at_, 4, "null") == 0 || json_.compare(at_, 4, "true") == 0) {
      at_ += 4;  // ids of the workspace's team, role_weighted: no figure
    } else if (json_.compare(at_, 5, "false") == 0) {
      at_ += 5;
    } else {
      while (at_ < json_.size() && std::string_view("-+.eE0123456789").find(json_[at_]) != std::string_view::npos) ++at_;
      Leaf(/*label=*/false);
    }
  }

  std::string_view document_;
  std::string_view json_;
  size_t at_ = 0;
  std::vector<std::string> path_;
  std::set<std::string> out_;
};

std::set<std::string> FiguresOf(std::string_view document, const std::string& json) {
  return FigureWalker(document, json).Run();
}

TEST_CASE("Catalog: every figure of the demo's insights JSON has an entry, in both profiles", "[metrics][catalog]") {
  auto session = testing::DemoSession();
  // Snapshots for the forecast's history; then the first quarter, whose last week holds a burnout
  // risk and an inactive developer in the demo.
  const api::CallContext context{*api::ParseWhen("2024-04-03T12:00:00Z", false), {}};
  for (const char* profile : {"loupe", "aexy-compat"}) {
    INFO(profile);
    const std::string window = std::string(R"("from": "2024-01-01", "to": "2024-03-31", "profile": ")") + profile + "\"";
    REQUIRE(api::Dispatch(*session, "snapshots.generate",
                          std::string(R"({"period": "weekly", "from": "2024-01-01", "to": "2024-03-31", "profile": ")") +
                              profile + "\"}",
                          context)
                .ok());
    std::set<std::string> figures;
    const std::pair<const char*, std::string> calls[] = {
        {"developer", R"({"developer": "analima", "comparePrevious": true, "health": true, "percentile": true,
                          "gamingFlags": true, "forecast": true, )" + window + "}"},
        {"developer", R"({"developer": "fhaddad", "health": true, "percentile": true, "gamingFlags": true, )" + window + "}"},
        {"team", R"({"includeInactive": true, )" + window + "}"},
        {"team", R"({"from": "2024-03-25", "to": "2024-03-31", "profile": ")" + std::string(profile) + "\"}"},
        {"workspace", "{" + window + "}"},
        {"workspace", R"({"from": "2024-03-25", "to": "2024-03-31", "profile": ")" + std::string(profile) + "\"}"},
    };
    for (const auto& [document, params] : calls) {
      auto json = api::Dispatch(*session, std::string("insights.") + document, params, context);
      REQUIRE(json.ok());
      for (const std::string& f : FiguresOf(document, *json)) figures.insert(f);
    }
    // The calls reached the parts that only some windows write.
    for (const char* seen : {"velocity.commits_count", "health.weight", "percentile.rank", "forecast.historical",
                             "team.member_count", "workload.gini_coefficient", "workspace.burnout_risk_count",
                             "workspace.weekend_ratio"}) {
      CHECK(figures.count(seen) == 1);
    }
    for (const std::string& name : figures) {
      INFO(name);
      const CatalogEntry* entry = FindCatalogEntry(name);
      REQUIRE(entry != nullptr);
      // A figure the JSON carries under aexy-compat is not marked loupe-only.
      if (std::string_view(profile) == "aexy-compat") CHECK_FALSE(entry->loupe_only);
    }
  }
}

TEST_CASE("Catalog: every entry is named in docs/metrics.md and has its texts", "[metrics][catalog]") {
  const std::string docs = testing::ReadFileOrFail(testing::SourcePath("docs/metrics.md"));
  std::set<std::string> names;
  for (const CatalogEntry& e : MetricCatalog()) {
    const std::string name = std::string(e.category) + "." + std::string(e.key);
    INFO(name);
    CHECK(names.insert(name).second);
    CHECK(docs.find("`" + std::string(e.key)) != std::string::npos);
    CHECK_FALSE(e.label.empty());
    CHECK_FALSE(e.definition.empty());
    CHECK_FALSE(e.population.empty());
    CHECK(FindCatalogEntry(name) == &e);
    if (e.loupe_only) CHECK_FALSE(e.aexy.empty());  // says what aexy-compat has instead
  }
  // The five categories' keys come first, so a bare key names the category's figure.
  CHECK(FindCatalogEntry("prs_merged")->category == "velocity");
  CHECK(FindCatalogEntry("gini_coefficient")->category == "workload");
  CHECK(FindCatalogEntry("workspace.gini_coefficient")->category == "workspace");
  CHECK(FindCatalogEntry("happiness") == nullptr);
  CHECK(FindCatalogEntry("velocity.happiness") == nullptr);
}

TEST_CASE("Catalog: the entries that differ between the profiles are those docs/metrics.md lists", "[metrics][catalog]") {
  // Transcribed by hand from docs/metrics.md: rows whose aexy-compat column is not "same", keys
  // marked "(loupe only)" or written only under loupe, and the rollup tables' differences. The
  // window rules ("Windows and time") apply to every figure and are stated by WindowRule instead.
  const std::set<std::string> documented = {
      // velocity
      "velocity.commits_count", "velocity.commit_frequency", "velocity.avg_commit_size", "velocity.co_authored_count",
      // efficiency
      "efficiency.avg_time_to_first_review_hours", "efficiency.avg_pr_size", "efficiency.rework_ratio",
      "efficiency.first_commit_to_merge_hours", "efficiency.prs_created",
      // quality
      "quality.review_participation_rate", "quality.reviews_per_working_day", "quality.review_turnaround_hours",
      "quality.self_merge_rate",
      // sustainability
      "sustainability.weekend_commit_ratio", "sustainability.late_night_commit_ratio",
      "sustainability.longest_streak_days", "sustainability.avg_daily_active_hours",
      // collaboration
      "collaboration.review_given_count", "collaboration.review_received_count", "collaboration.unique_collaborators",
      "collaboration.cross_team_pr_ratio",
      // health score: weights, absence terms, the participation term
      "health.score", "health.efficiency", "health.quality", "health.sustainability", "health.weight",
      // rankings: positional ties
      "percentile.percentile", "percentile.rank",
      // anti-gaming inputs
      "gaming.flags_count",
      // workload distribution: the Gini correction, the multiplier, loupe's extra keys
      "workload.gini_coefficient", "workload.mean_load", "workload.bottleneck_multiplier",
      "workload.bottleneck_developers", "workload.load",
      // workspace health
      "workspace.total_developers", "workspace.active_developers", "workspace.avg_commits_per_dev",
      "workspace.avg_prs_per_dev", "workspace.gini_coefficient", "workspace.bottleneck_count", "workspace.load",
      "workspace.ratio_vs_avg", "workspace.days_inactive"};
  std::set<std::string> differing;
  for (const CatalogEntry& e : MetricCatalog()) {
    if (DiffersBetweenProfiles(e)) differing.insert(std::string(e.category) + "." + std::string(e.key));
  }
  CHECK(differing == documented);
}

TEST_CASE("Catalog: texts per profile, window rules and close names", "[metrics][catalog]") {
  const CatalogEntry& commits = *FindCatalogEntry("commits_count");
  CHECK(Exclusions(commits, MetricProfile::kLoupe) ==
        std::vector<std::string_view>{"merge commits (more than one parent): they carry no authored work"});
  CHECK(Exclusions(commits, MetricProfile::kAexyCompat).empty());
  CHECK(Definition(commits, MetricProfile::kAexyCompat) == "Every commit, merge commits included.");
  CHECK_THAT(WindowRule(commits, MetricProfile::kLoupe), Catch::StartsWith("commits whose author date falls in [from, to)"));
  CHECK_THAT(WindowRule(commits, MetricProfile::kAexyCompat),
             Catch::StartsWith("commits whose committer date falls in [from, to]"));
  // Same definition, same exclusions that are not about merges, bots or self-reviews.
  const CatalogEntry& cycle = *FindCatalogEntry("avg_pr_cycle_time_hours");
  CHECK_FALSE(DiffersBetweenProfiles(cycle));
  CHECK(Exclusions(cycle, MetricProfile::kAexyCompat) == Exclusions(cycle, MetricProfile::kLoupe));

  const std::vector<std::string> close = CloseCatalogNames("commit_count");
  REQUIRE_FALSE(close.empty());
  CHECK(close.front() == "velocity.commits_count");
  CHECK(CloseCatalogNames("zzzzzzzzzzzzzzzz").empty());
}

}  // namespace
}  // namespace loupe::metrics
