// Analyzers on the real opendal and devlake histories. Commit classification: the conventional
// commits the analyzer finds, per type, equal an independent regular-expression count of the same
// messages, and the distribution accounts for every non-merge commit. Burnout work patterns: the
// top authors' after-hours and weekend shares equal a count straight from the commits' own
// timestamps. Nothing here prints who the authors are.
#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "loupe/identity/bot_rules.h"
#include "loupe/ingest/importer.h"
#include "loupe/intelligence/burnout.h"
#include "loupe/intelligence/commit_analyzer.h"
#include "support/test_util.h"

namespace loupe {
namespace {

using intelligence::CommitType;
using intelligence::kCommitTypeCount;

struct Loaded {
  model::Workspace ws;
  identity::Resolution resolution;
  std::optional<store::ActivityStore> store;
  model::WorkspaceSettings settings;
  std::optional<metrics::ScheduleBook> schedules;
  std::optional<metrics::TeamIndex> teams;
};

std::unique_ptr<Loaded> Load(const std::string& dir, const char* file, const char* repo) {
  auto out = std::make_unique<Loaded>();
  auto input = ingest::InputBuffer::ReadFile(dir + "/git/" + file);
  REQUIRE(input.ok());
  ingest::ImportOptions options;
  options.source_name = file;
  options.repo = repo;
  model::Workspace batch;
  REQUIRE(ingest::ParseInto(*input, options, batch).ok());
  out->ws.mutable_rules().bot_rules = identity::DefaultBotRules();
  out->ws.Apply(out->ws.Plan(batch));
  out->resolution = identity::Resolve(out->ws);
  out->store.emplace(store::ActivityStore::Build(out->ws, out->resolution));
  out->schedules.emplace(
      metrics::ScheduleBook::Resolve(out->ws, out->settings, out->resolution, metrics::MetricProfile::kLoupe));
  out->teams.emplace(metrics::TeamIndex::Build(out->ws, out->settings, out->resolution));
  return out;
}

constexpr std::string_view kTypes[] = {"feat", "fix", "refactor", "chore", "docs", "test",
                                       "style", "perf", "build", "ci", "revert"};

void CheckAgainstRegex(const Loaded& d, int64_t min_conventional) {
  // The independent reading: Conventional Commits' header grammar as a regular expression.
  const std::regex header(R"(^(feat|fix|refactor|chore|docs|test|style|perf|build|ci|revert)(\([^)\r\n]*\))?!?:[ \t]*[^ \t\r\n])",
                          std::regex::icase);
  std::array<int64_t, kCommitTypeCount> by_regex{}, by_analyzer{};
  int64_t non_merge = 0;
  const store::CommitColumns& c = d.store->commits();
  for (size_t row = 0; row < c.size(); ++row) {
    if (c.developer[row] == model::kNoId || (c.flags[row] & store::kCommitMerge)) continue;
    ++non_merge;
    const std::string& message = d.ws.commits()[c.source[row]].message;
    const std::string first_line = message.substr(0, message.find_first_of("\r\n"));
    std::smatch m;
    if (std::regex_search(first_line, m, header)) {
      std::string type = m[1].str();
      for (char& ch : type) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      for (size_t t = 0; t < std::size(kTypes); ++t) by_regex[t] += type == kTypes[t];
    }
    const auto a = intelligence::AnalyzeCommitMessage(message);
    if (a.conventional) ++by_analyzer[static_cast<size_t>(a.type)];
  }
  int64_t conventional = 0;
  for (size_t t = 0; t < kCommitTypeCount; ++t) {
    INFO(intelligence::CommitTypeName(static_cast<CommitType>(t)));
    CHECK(by_analyzer[t] == by_regex[t]);
    conventional += by_regex[t];
  }
  CHECK(conventional >= min_conventional);

  // The aggregate over every developer and all time accounts for each non-merge commit once, and
  // each type holds at least its conventional commits.
  const metrics::MetricContext ctx{*d.store, d.resolution, *d.schedules, *d.teams, metrics::MetricProfile::kLoupe};
  std::vector<uint32_t> everyone(d.resolution.developers().size());
  for (uint32_t i = 0; i < everyone.size(); ++i) everyone[i] = i;
  const auto s = intelligence::SummarizeCommits(d.ws, ctx, everyone, Window{0, 4102444800});  // 1970 .. 2100
  CHECK(s.commits_analyzed == non_merge);
  int64_t sum = 0;
  for (size_t t = 0; t < kCommitTypeCount; ++t) {
    sum += s.type_distribution[t];
    CHECK(s.type_distribution[t] >= by_regex[t]);
  }
  CHECK(sum == non_merge);
  CHECK(s.conventional_count == conventional);
}

TEST_CASE("Commit types real data: opendal's conventional commits match a regex count", "[real-data][intelligence][commits]") {
  LOUPE_REAL_DATA_OR_SKIP(dir);
  const auto d = Load(dir, "apache-opendal.gitlog", "apache/opendal");
  // opendal writes Conventional Commits: most of its history has a header.
  CheckAgainstRegex(*d, 1000);
}

TEST_CASE("Commit types real data: devlake's conventional commits match a regex count", "[real-data][intelligence][commits]") {
  LOUPE_REAL_DATA_OR_SKIP(dir);
  const auto d = Load(dir, "apache-incubator-devlake.gitlog", "apache/incubator-devlake");
  CheckAgainstRegex(*d, 1000);
}

// The work patterns of the top 3 non-bot authors over all time agree with a reading of the model's
// authored timestamps in their own offsets (default schedule: 09-18, Monday to Friday).
void CheckWorkPatterns(const Loaded& d) {
  const metrics::MetricContext ctx{*d.store, d.resolution, *d.schedules, *d.teams, metrics::MetricProfile::kLoupe};
  std::vector<uint32_t> devs;
  for (uint32_t i = 0; i < d.resolution.developers().size(); ++i) {
    if (!d.resolution.developers()[i].is_bot && !d.store->CommitsOf(i).empty()) devs.push_back(i);
  }
  std::stable_sort(devs.begin(), devs.end(), [&](uint32_t a, uint32_t b) {
    return d.store->CommitsOf(a).size() > d.store->CommitsOf(b).size();
  });
  REQUIRE(devs.size() >= 3);
  devs.resize(3);
  const Window all_time{0, 4102444800};
  for (uint32_t dev : devs) {
    int64_t commits = 0, after = 0, weekend = 0;
    std::set<int64_t> days;
    for (uint32_t row : d.store->CommitsOf(dev)) {
      const model::Commit& c = d.ws.commits()[d.store->commits().source[row]];
      if (c.is_merge()) continue;
      const int64_t local = c.authored.local_seconds();
      const int64_t day = FloorDiv(local, kSecondsPerDay);
      const int64_t hour = (local - day * kSecondsPerDay) / 3600;
      ++commits;
      after += hour < 9 || hour >= 18;
      weekend += WeekdayFromDays(day) >= 5;
      days.insert(day);
    }
    const auto p = intelligence::ComputeWorkPatterns(d.ws, ctx, dev, all_time);
    CHECK(p.commits == commits);
    CHECK(p.active_days == static_cast<int64_t>(days.size()));
    CHECK(p.after_hours_percentage == Approx(100.0 * static_cast<double>(after) / static_cast<double>(commits)));
    CHECK(p.weekend_commits_percentage == Approx(100.0 * static_cast<double>(weekend) / static_cast<double>(commits)));
    const auto a = intelligence::AssessBurnout(d.ws, ctx, dev, all_time);
    CHECK(a.risk_score >= 0);
    CHECK(a.risk_score <= 1);
    CHECK(a.risk_level == intelligence::RiskLevelOf(a.risk_score));
  }
}

TEST_CASE("Burnout real data: work patterns of opendal's top authors match their own clocks", "[real-data][intelligence][burnout]") {
  LOUPE_REAL_DATA_OR_SKIP(dir);
  CheckWorkPatterns(*Load(dir, "apache-opendal.gitlog", "apache/opendal"));
}

TEST_CASE("Burnout real data: work patterns of devlake's top authors match their own clocks", "[real-data][intelligence][burnout]") {
  LOUPE_REAL_DATA_OR_SKIP(dir);
  CheckWorkPatterns(*Load(dir, "apache-incubator-devlake.gitlog", "apache/incubator-devlake"));
}

}  // namespace
}  // namespace loupe
