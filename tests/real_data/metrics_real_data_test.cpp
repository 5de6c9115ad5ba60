// Metrics on the real git exports of apache/opendal and apache/incubator-devlake (data README §1),
// each checked against an independent computation written here from the raw export text: the
// records split on 0x1E and their fields on 0x1F (README §1.4), with no code of the importer.
// Nothing here prints an e-mail address: mismatches are reported as counts.
#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "loupe/identity/bot_rules.h"
#include "loupe/identity/resolver.h"
#include "loupe/ingest/importer.h"
#include "loupe/metrics/categories.h"
#include "loupe/metrics/schedule.h"
#include "loupe/metrics/teams.h"
#include "loupe/store/activity_store.h"
#include "support/test_util.h"

namespace loupe {
namespace {

struct Export {
  const char* file;
  const char* repo;
  int64_t commits;             //!< README §1.2
  int64_t conventional;        //!< README §1.2
  int64_t co_authored_any_line;  //!< README §1.2: commits with a Co-authored-by line anywhere
};
constexpr Export kOpendal{"apache-opendal.gitlog", "apache/opendal", 4679, 4201, 531};
constexpr Export kDevlake{"apache-incubator-devlake.gitlog", "apache/incubator-devlake", 7916, 7272, 722};

// The export imported into a workspace with the default bot rules, resolved, stored; the loupe
// profile with no settings at all (no schedules, so each commit's own offset is its local clock).
struct Loaded {
  std::string raw;
  model::Workspace ws;
  identity::Resolution resolution;
  std::optional<store::ActivityStore> store;
  model::WorkspaceSettings settings;
  std::optional<metrics::ScheduleBook> schedules;
  std::optional<metrics::TeamIndex> teams;

  metrics::MetricContext Context() const {
    return {*store, resolution, *schedules, *teams, metrics::MetricProfile::kLoupe};
  }
};

std::unique_ptr<Loaded> Load(const std::string& dir, const Export& e) {
  auto out = std::make_unique<Loaded>();
  const std::string path = dir + "/git/" + e.file;
  auto input = ingest::InputBuffer::ReadFile(path);
  REQUIRE(input.ok());
  out->raw.assign(input->view());
  ingest::ImportOptions options;
  options.source_name = path;
  options.repo = e.repo;
  model::Workspace batch;
  auto stats = ingest::ParseInto(*input, options, batch);
  REQUIRE(stats.ok());
  out->ws.mutable_rules().bot_rules = identity::DefaultBotRules();
  out->ws.Apply(out->ws.Plan(batch));
  REQUIRE(static_cast<int64_t>(out->ws.commits().size()) == e.commits);
  out->resolution = identity::Resolve(out->ws);
  out->store.emplace(store::ActivityStore::Build(out->ws, out->resolution));
  out->schedules.emplace(metrics::ScheduleBook::Resolve(out->ws, out->settings, out->resolution, metrics::MetricProfile::kLoupe));
  out->teams.emplace(metrics::TeamIndex::Build(out->ws, out->settings, out->resolution));
  return out;
}

// [SECTION] the independent reading of the raw export

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// data.split('\x1e')[1:], then rec.split('\x1f'): 12 fields each (README §1.4).
std::vector<std::vector<std::string_view>> Records(std::string_view raw) {
  std::vector<std::vector<std::string_view>> out;
  const auto pieces = SplitOn(raw, '\x1e');
  for (size_t i = 1; i < pieces.size(); ++i) out.push_back(SplitOn(pieces[i], '\x1f'));
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

int Digits(std::string_view s, size_t at, size_t n) {
  int v = 0;
  for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// Day of the week of a proleptic Gregorian date, Monday = 0 … Sunday = 6 (Sakamoto's method,
// which counts Sunday = 0).
int Weekday(int y, int m, int d) {
  static constexpr int kT[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  const int sunday_based = (y + y / 4 - y / 100 + y / 400 + kT[m - 1] + d) % 7;
  return (sunday_based + 6) % 7;
}

// Per lower-cased author e-mail: commits, those on a Saturday or Sunday of the author's local
// date, and those in the late-night hours 22:00–06:00 of the author's local clock. The local clock
// is read straight off the ISO author date ("2026-08-18T01:26:24+08:00": date and hour as
// written, i.e. in the author's own offset); nothing is converted.
struct ClockCounts {
  int64_t commits = 0, weekend = 0, late = 0;
};
std::map<std::string, ClockCounts> LocalClockByEmail(std::string_view raw, int64_t& unexpected) {
  std::map<std::string, ClockCounts> out;
  unexpected = 0;
  for (const auto& f : Records(raw)) {
    // 12 fields, one parent at most (the exports hold no merge commits), "YYYY-MM-DDTHH:…".
    if (f.size() != 12 || f[1].find(' ') != std::string_view::npos || f[4].size() < 19 || f[4][10] != 'T') {
      ++unexpected;
      continue;
    }
    const std::string_view date = f[4];
    ClockCounts& c = out[Lower(f[3])];
    ++c.commits;
    c.weekend += Weekday(Digits(date, 0, 4), Digits(date, 5, 2), Digits(date, 8, 2)) >= 5;
    const int hour = Digits(date, 11, 2);
    c.late += hour >= 22 || hour < 6;
  }
  return out;
}

// git's %s: the first paragraph of the message, its lines trimmed at the end and joined with
// spaces (see git_exports_test.cpp).
std::string GitSubject(std::string_view message) {
  std::string subject;
  bool started = false;
  for (std::string_view line : SplitOn(message, '\n')) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    size_t lead = 0;
    while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t')) ++lead;
    if (lead == line.size()) {
      if (started) break;
      continue;
    }
    if (started) subject += ' ';
    subject.append(line);
    started = true;
  }
  return subject;
}

// The README's pattern, as a regular expression over git's subject.
bool IsConventional(const std::string& subject) {
  static const std::regex kPattern(R"(^(feat|fix|chore|docs|refactor|test|tests|ci|build|perf|style|revert)(\(.*\))?!?: )");
  return std::regex_search(subject, kPattern);
}

// Co-authored-by lines anywhere in the message (field 10, %B), key matched case-insensitively
// after leading blanks; the address is the last <…> on the line, lower-cased, kept when it has an
// '@'. Returns (author e-mail, co-author e-mail) pairs without the author crediting themselves.
std::set<std::pair<std::string, std::string>> CoAuthorEmailPairs(std::string_view raw, int64_t& commits_with_line) {
  static const std::regex kKey(R"(^[ \t]*co-authored-by:)", std::regex::icase);
  static const std::regex kAddress(R"(<([^<>]*)>)");
  std::set<std::pair<std::string, std::string>> out;
  commits_with_line = 0;
  for (const auto& f : Records(raw)) {
    const std::string author = Lower(f[3]);
    bool any = false;
    for (std::string_view line : SplitOn(f[10], '\n')) {
      const std::string text(line);
      if (!std::regex_search(text, kKey)) continue;
      any = true;
      std::string address;
      for (auto it = std::sregex_iterator(text.begin(), text.end(), kAddress); it != std::sregex_iterator(); ++it) {
        address = (*it)[1].str();
      }
      while (!address.empty() && (address.back() == ' ' || address.back() == '\t')) address.pop_back();
      while (!address.empty() && (address.front() == ' ' || address.front() == '\t')) address.erase(0, 1);
      address = Lower(address);
      if (address.find('@') == std::string::npos || author.empty() || address == author) continue;
      out.emplace(author, address);
    }
    commits_with_line += any;
  }
  return out;
}

// [SECTION] the checks

// The 10 developers with most commits (ties by index).
std::vector<uint32_t> TopAuthors(const Loaded& l, size_t n) {
  std::vector<uint32_t> devs(l.resolution.developers().size());
  for (uint32_t i = 0; i < devs.size(); ++i) devs[i] = i;
  std::stable_sort(devs.begin(), devs.end(), [&](uint32_t a, uint32_t b) {
    return l.store->CommitsOf(a).size() > l.store->CommitsOf(b).size();
  });
  devs.resize(std::min(n, devs.size()));
  return devs;
}

void CheckLocalClockRatios(const std::string& dir, const Export& e) {
  INFO(e.file);
  const auto l = Load(dir, e);
  int64_t unexpected = 0;
  const auto raw = LocalClockByEmail(l->raw, unexpected);
  REQUIRE(unexpected == 0);
  const store::CommitColumns& c = l->store->commits();
  const Window history{c.time.front(), c.time.back() + 1};
  const metrics::MetricContext ctx = l->Context();
  int checked = 0;
  for (uint32_t dev : TopAuthors(*l, 10)) {
    INFO("developer rank " << checked + 1 << " (id " << l->resolution.developers()[dev].id << ")");
    // The developer's commits are those of their e-mail identities (the resolution only decides
    // which addresses are one person; the counting is the raw text's).
    ClockCounts want;
    for (model::IdentityId id : l->resolution.developers()[dev].identities) {
      const model::Identity& identity = l->ws.identities()[id];
      if (identity.kind != model::IdentityKind::kEmail) continue;
      auto it = raw.find(identity.key);
      if (it == raw.end()) continue;
      want.commits += it->second.commits;
      want.weekend += it->second.weekend;
      want.late += it->second.late;
    }
    REQUIRE(want.commits > 0);
    CHECK(static_cast<int64_t>(l->store->CommitsOf(dev).size()) == want.commits);
    const metrics::Sustainability s = metrics::ComputeSustainability(ctx, dev, history);
    const double commits = static_cast<double>(want.commits);
    CHECK(s.weekend_commit_ratio == Approx(static_cast<double>(want.weekend) / commits).epsilon(1e-12));
    CHECK(s.late_night_commit_ratio == Approx(static_cast<double>(want.late) / commits).epsilon(1e-12));
    ++checked;
  }
  CHECK(checked == 10);
}

void CheckConventionalSubjects(const std::string& dir, const Export& e) {
  INFO(e.file);
  const auto l = Load(dir, e);
  // The engine has no conventional-commit classifier yet: both counts are the test's own, from
  // the raw subjects and from the imported messages, against the README's figure.
  int64_t raw = 0, imported = 0;
  for (const auto& f : Records(l->raw)) raw += IsConventional(GitSubject(f[10]));
  for (const model::Commit& commit : l->ws.commits()) imported += IsConventional(GitSubject(commit.message));
  CHECK(raw == e.conventional);
  CHECK(imported == e.conventional);
}

void CheckCoAuthorEdges(const std::string& dir, const Export& e) {
  INFO(e.file);
  const auto l = Load(dir, e);
  int64_t commits_with_line = 0;
  const auto email_pairs = CoAuthorEmailPairs(l->raw, commits_with_line);
  CHECK(commits_with_line == e.co_authored_any_line);
  // Raw pairs through the e-mail identities to developers; an address pair that turns out to be
  // one person (two addresses of one developer) is no edge, as in the store.
  std::set<std::pair<uint32_t, uint32_t>> want;
  int64_t unknown_addresses = 0;
  for (const auto& [author, co] : email_pairs) {
    const model::IdentityId a = l->ws.FindIdentity(model::IdentityKind::kEmail, author);
    const model::IdentityId b = l->ws.FindIdentity(model::IdentityKind::kEmail, co);
    if (a == model::kNoId || b == model::kNoId) {
      ++unknown_addresses;
      continue;
    }
    const uint32_t da = l->resolution.IndexOf(a), db = l->resolution.IndexOf(b);
    if (da != db) want.emplace(da, db);
  }
  CHECK(unknown_addresses == 0);
  // The store's co-author columns: (author developer, co-author developer) of every commit row.
  std::set<std::pair<uint32_t, uint32_t>> have;
  const store::CommitColumns& c = l->store->commits();
  for (uint32_t row = 0; row < c.size(); ++row) {
    for (uint32_t k = c.co_author_begin[row]; k < c.co_author_begin[row + 1]; ++k) have.emplace(c.developer[row], c.co_author_devs[k]);
  }
  std::vector<std::pair<uint32_t, uint32_t>> only_store, only_raw;
  std::set_difference(have.begin(), have.end(), want.begin(), want.end(), std::back_inserter(only_store));
  std::set_difference(want.begin(), want.end(), have.begin(), have.end(), std::back_inserter(only_raw));
  INFO(email_pairs.size() << " distinct e-mail pairs, " << want.size() << " developer pairs from the raw text, "
                          << have.size() << " in the store");
  CHECK(have.size() == want.size());
  CHECK(only_store.empty());
  CHECK(only_raw.empty());
  CHECK(!have.empty());
}

TEST_CASE("MetricsRealData: weekend and late-night ratios of opendal's top authors match the raw export",
          "[real-data][metrics]") {
  LOUPE_REAL_DATA_OR_SKIP(dir);
  CheckLocalClockRatios(dir, kOpendal);
}

TEST_CASE("MetricsRealData: weekend and late-night ratios of devlake's top authors match the raw export",
          "[real-data][metrics]") {
  LOUPE_REAL_DATA_OR_SKIP(dir);
  CheckLocalClockRatios(dir, kDevlake);
}

TEST_CASE("MetricsRealData: conventional subjects of opendal and devlake match the README", "[real-data][metrics]") {
  LOUPE_REAL_DATA_OR_SKIP(dir);
  CheckConventionalSubjects(dir, kOpendal);
  CheckConventionalSubjects(dir, kDevlake);
}

TEST_CASE("MetricsRealData: opendal's co-author edges match the raw Co-authored-by lines", "[real-data][metrics]") {
  LOUPE_REAL_DATA_OR_SKIP(dir);
  CheckCoAuthorEdges(dir, kOpendal);
}

TEST_CASE("MetricsRealData: devlake's co-author edges match the raw Co-authored-by lines", "[real-data][metrics]") {
  LOUPE_REAL_DATA_OR_SKIP(dir);
  CheckCoAuthorEdges(dir, kDevlake);
}

}  // namespace
}  // namespace loupe
