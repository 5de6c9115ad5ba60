#include "loupe/intelligence/commit_analyzer.h"

#include <algorithm>
#include <map>

#include "intelligence/text_match.h"
#include "loupe/core/strings.h"
#include "loupe/intelligence/expertise.h"

namespace loupe::intelligence {

namespace {

using internal::ContainsAnySubstring;
using internal::ContainsAnyWord;

constexpr std::string_view kTypeNames[kCommitTypeCount] = {"feat", "fix",   "refactor", "chore", "docs",   "test",
                                                           "style", "perf", "build",    "ci",    "revert", "unknown"};

struct TypeKeywords {
  CommitType type;
  std::vector<std::string_view> words;
};
// The seed's fallback table, in its order (first hit wins) [CA:51-63].
const std::vector<TypeKeywords>& FallbackTable() {
  static const std::vector<TypeKeywords> table = {
      {CommitType::kFeat, {"add", "new", "implement", "create", "introduce", "support"}},
      {CommitType::kFix, {"fix", "bug", "issue", "resolve", "correct", "patch", "repair"}},
      {CommitType::kRefactor, {"refactor", "restructure", "reorganize", "simplify", "clean"}},
      {CommitType::kChore, {"update", "upgrade", "bump", "dependencies", "maintenance"}},
      {CommitType::kDocs, {"doc", "readme", "comment", "documentation", "typo"}},
      {CommitType::kTest, {"test", "spec", "coverage", "mock", "stub"}},
      {CommitType::kStyle, {"format", "style", "lint", "whitespace", "indent"}},
      {CommitType::kPerf, {"perf", "performance", "optimize", "speed", "faster", "cache"}},
      {CommitType::kBuild, {"build", "compile", "bundle", "webpack", "rollup"}},
      {CommitType::kCi, {"ci", "pipeline", "workflow", "github action", "travis", "jenkins"}},
      {CommitType::kRevert, {"revert", "undo", "rollback"}},
  };
  return table;
}

struct TagKeywords {
  std::string_view tag;
  std::vector<std::string_view> words;
};
// [CA:77-90], in the seed's order.
const std::vector<TagKeywords>& TagTable() {
  static const std::vector<TagKeywords> table = {
      {"authentication", {"auth", "login", "logout", "oauth", "jwt", "token", "session", "password"}},
      {"security", {"security", "vulnerability", "cve", "xss", "csrf", "injection", "encrypt"}},
      {"database", {"database", "db", "sql", "query", "migration", "schema", "model"}},
      {"api", {"api", "endpoint", "rest", "graphql", "grpc", "route", "controller"}},
      {"frontend", {"ui", "component", "css", "style", "layout", "responsive", "react", "vue"}},
      {"backend", {"server", "service", "handler", "middleware", "worker"}},
      {"testing", {"test", "spec", "coverage", "mock", "fixture", "e2e", "integration"}},
      {"devops", {"deploy", "docker", "kubernetes", "k8s", "ci", "cd", "pipeline", "terraform"}},
      {"performance", {"performance", "cache", "optimize", "speed", "memory", "cpu"}},
      {"documentation", {"docs", "readme", "changelog", "comment", "guide"}},
      {"payments", {"payment", "stripe", "billing", "invoice", "subscription", "checkout"}},
      {"notifications", {"notification", "email", "sms", "push", "alert", "webhook"}},
  };
  return table;
}

constexpr std::string_view kBreakingWords[] = {"breaking change", "breaking:", "incompatible", "migration required",
                                               "deprecated"};
constexpr std::string_view kPenaltyWords[] = {"wip", "work in progress", "merge branch", "merge pull request"};
constexpr std::string_view kImperativeVerbs[] = {"add", "fix", "update", "remove", "refactor", "implement", "create"};
constexpr std::string_view kIgnoredScopes[] = {"wip", "todo", "fixme", "hack"};

bool Matches(std::string_view lower, std::span<const std::string_view> words, bool aexy) {
  return aexy ? ContainsAnySubstring(lower, words) : ContainsAnyWord(lower, words);
}

std::string_view FirstLine(std::string_view message) {
  const size_t nl = message.find_first_of("\r\n");
  return nl == std::string_view::npos ? message : message.substr(0, nl);
}

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAlnum(char c) { return IsAlpha(c) || (c >= '0' && c <= '9'); }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Code points, as Python's len() counts them.
size_t CodePoints(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string_view FirstWord(std::string_view s) {
  s = Trim(s);
  size_t end = 0;
  while (end < s.size() && (IsAlnum(s[end]) || static_cast<unsigned char>(s[end]) >= 0x80)) ++end;
  return s.substr(0, end);
}

CommitType FallbackType(std::string_view message, bool aexy) {
  const std::string lower = ToLowerAscii(message);
  if (!aexy) {
    // The subject's leading verb says what the change is: "Fix crash when adding users" is a fix,
    // although "add" comes first in the table.
    const std::string lead = ToLowerAscii(FirstWord(FirstLine(message)));
    if (!lead.empty()) {
      for (const TypeKeywords& t : FallbackTable()) {
        if (ContainsAnyWord(lead, t.words)) return t.type;
      }
    }
  }
  for (const TypeKeywords& t : FallbackTable()) {
    if (Matches(lower, t.words, aexy)) return t.type;
  }
  return CommitType::kUnknown;
}

bool Ignored(std::string_view scope) {
  return std::find(std::begin(kIgnoredScopes), std::end(kIgnoredScopes), scope) != std::end(kIgnoredScopes);
}

std::string FallbackScope(std::string_view message) {
  const std::string_view line = Trim(FirstLine(message));
  std::vector<std::string> candidates;
  if (!line.empty() && line[0] == '[') {
    const size_t close = line.find(']');
    if (close != std::string_view::npos && close > 1) candidates.push_back(ToLowerAscii(Trim(line.substr(1, close - 1))));
  }
  for (size_t open = line.find('('); open != std::string_view::npos; open = line.find('(', open + 1)) {
    const size_t close = line.find(')', open);
    if (close == std::string_view::npos) break;
    if (close > open + 1 && close + 1 < line.size() && line[close + 1] == ':') {
      candidates.push_back(ToLowerAscii(line.substr(open + 1, close - open - 1)));
      break;
    }
  }
  size_t w = 0;
  while (w < line.size() && (IsAlnum(line[w]) || line[w] == '_' || line[w] == '-')) ++w;
  if (w > 0 && w < line.size() && line[w] == ':') candidates.push_back(ToLowerAscii(line.substr(0, w)));
  for (const std::string& c : candidates) {
    if (!c.empty() && !Ignored(c)) return c;
  }
  // A path after a preposition ("in src/parser/lexer.c" -> "src"), else a source file's stem.
  std::vector<std::string_view> tokens;
  for (std::string_view t : Split(line, ' ')) {
    if (!t.empty()) tokens.push_back(t);
  }
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    const std::string lower = ToLowerAscii(tokens[i]);
    if (lower != "in" && lower != "at" && lower != "from" && lower != "to") continue;
    const std::string_view path = tokens[i + 1];
    if (path.find('/') == std::string_view::npos) continue;
    for (std::string_view segment : Split(path, '/')) {
      if (segment.empty()) continue;
      if (segment.size() > 2) return ToLowerAscii(segment);
      break;
    }
  }
  for (std::string_view t : tokens) {
    while (!t.empty() && !IsAlnum(t.back())) t.remove_suffix(1);
    const size_t dot = t.rfind('.');
    if (dot == std::string_view::npos || dot == 0) continue;
    const std::string ext = ToLowerAscii(t.substr(dot + 1));
    if (ext != "py" && ext != "ts" && ext != "js" && ext != "go" && ext != "rs" && ext != "java") continue;
    std::string_view stem = t.substr(0, dot);
    const size_t slash = stem.rfind('/');
    if (slash != std::string_view::npos) stem = stem.substr(slash + 1);
    if (!stem.empty()) return ToLowerAscii(stem);
  }
  return "";
}

// `#123` or an upper-case key and a number (`ABC-123`); loupe wants the key to start a word.
bool HasIssueReference(std::string_view message, bool aexy) {
  for (size_t i = 0; i < message.size(); ++i) {
    if (message[i] == '#' && i + 1 < message.size() && IsDigit(message[i + 1])) return true;
    if (message[i] == '-' && i > 0 && IsUpper(message[i - 1]) && i + 1 < message.size() && IsDigit(message[i + 1])) {
      if (aexy) return true;
      size_t start = i;
      while (start > 0 && (IsUpper(message[start - 1]) || IsDigit(message[start - 1]))) --start;
      if (start == 0 || !IsAlnum(message[start - 1])) return true;
    }
  }
  return false;
}

// A blank line followed by text: a body. The seed only looks for "\n\n".
bool HasBody(std::string_view message, bool aexy) {
  if (aexy) return message.find("\n\n") != std::string_view::npos;
  std::string normalized;
  for (char c : message) {
    if (c != '\r') normalized.push_back(c);
  }
  const size_t blank = normalized.find("\n\n");
  return blank != std::string::npos && !Trim(std::string_view(normalized).substr(blank)).empty();
}

int QualityScore(std::string_view message, const ConventionalHeader& header, bool aexy) {
  if (Trim(message).empty()) return 0;
  int score = 20;
  if (header.matched) score += 20;
  const std::string_view first = FirstLine(message);
  const size_t length = CodePoints(first);
  if (length >= 10 && length <= 72) {
    score += 15;
  } else if (length > 0) {
    score += 5;
  }
  if (HasBody(message, aexy)) score += 10;
  // The seed wants a capital first letter, which a conventional "feat: …" never has; loupe counts
  // the conventional prefix as a well-formed start.
  if (IsUpper(message[0]) || (!aexy && header.matched)) score += 5;
  if (first.empty() || first.back() != '.') score += 5;
  if (aexy) {
    const std::string lower = ToLowerAscii(message);
    for (std::string_view verb : kImperativeVerbs) {
      if (lower.starts_with(verb)) {
        score += 10;
        break;
      }
    }
  } else {
    // The description's first word, exactly: "Add …", "feat: add …" — not "Additional …".
    const std::string lead = ToLowerAscii(FirstWord(header.matched ? header.description : first));
    if (std::find(std::begin(kImperativeVerbs), std::end(kImperativeVerbs), lead) != std::end(kImperativeVerbs)) {
      score += 10;
    }
  }
  if (HasIssueReference(message, aexy)) score += 10;
  if (Matches(ToLowerAscii(message), kPenaltyWords, aexy)) score = std::max(score - 20, 10);
  return std::min(score, 100);
}

}  // namespace

std::string_view CommitTypeName(CommitType type) { return kTypeNames[static_cast<size_t>(type)]; }

ConventionalHeader ParseConventionalHeader(std::string_view message) {
  ConventionalHeader h;
  const std::string_view line = FirstLine(message);
  size_t i = 0;
  while (i < line.size() && IsAlpha(line[i])) ++i;
  const std::string type = ToLowerAscii(line.substr(0, i));
  const auto* name = std::find(std::begin(kTypeNames), std::end(kTypeNames) - 1, type);
  if (type.empty() || name == std::end(kTypeNames) - 1) return h;
  if (i < line.size() && line[i] == '(') {
    const size_t close = line.find(')', i);
    if (close == std::string_view::npos) return h;
    h.scope = std::string(line.substr(i + 1, close - i - 1));
    i = close + 1;
  }
  if (i < line.size() && line[i] == '!') {
    h.bang = true;
    ++i;
  }
  if (i >= line.size() || line[i] != ':') return h;
  ++i;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (Trim(line.substr(i)).empty()) return h;
  h.matched = true;
  h.type = static_cast<CommitType>(name - std::begin(kTypeNames));
  h.description = line.substr(i);
  return h;
}

bool HasBreakingChangeFooter(std::string_view message) {
  const size_t first_end = message.find('\n');
  if (first_end == std::string_view::npos) return false;
  for (std::string_view line : Split(message.substr(first_end + 1), '\n')) {
    if (line.starts_with("BREAKING CHANGE:") || line.starts_with("BREAKING-CHANGE:")) return true;
  }
  return false;
}

CommitAnalysis AnalyzeCommitMessage(std::string_view message, metrics::MetricProfile profile) {
  const bool aexy = profile == metrics::MetricProfile::kAexyCompat;
  CommitAnalysis a;
  const std::string lower = ToLowerAscii(message);
  const ConventionalHeader header = ParseConventionalHeader(message);
  if (header.matched) {
    a.conventional = true;
    a.type = header.type;
    a.scope = ToLowerAscii(header.scope);
    a.breaking = header.bang || (!aexy && HasBreakingChangeFooter(message));
  } else {
    a.type = FallbackType(message, aexy);
    a.scope = FallbackScope(message);
    a.breaking = Matches(lower, kBreakingWords, aexy) || (!aexy && HasBreakingChangeFooter(message));
  }
  a.quality_score = QualityScore(message, header, aexy);
  for (const TagKeywords& t : TagTable()) {
    if (Matches(lower, t.words, aexy)) a.semantic_tags.emplace_back(t.tag);
  }
  return a;
}

CommitAnalysis AnalyzeCommit(const model::Commit& commit, metrics::MetricProfile profile) {
  CommitAnalysis a = AnalyzeCommitMessage(commit.message, profile);
  int languages = 0;
  for (const model::FileChange& f : commit.files) {
    if (languages == 3) break;
    const std::string language = ToLowerAscii(LanguageOfPath(f.path));
    if (language.empty()) continue;
    if (std::find(a.semantic_tags.begin(), a.semantic_tags.end(), language) != a.semantic_tags.end()) continue;
    a.semantic_tags.push_back(language);
    ++languages;
  }
  if (a.semantic_tags.size() > 10) a.semantic_tags.resize(10);
  return a;
}

double CommitSummary::Percentage(CommitType type) const {
  if (commits_analyzed == 0) return 0;
  return 100.0 * static_cast<double>(type_distribution[static_cast<size_t>(type)]) /
         static_cast<double>(commits_analyzed);
}

CommitSummary SummarizeCommits(const model::Workspace& ws, const metrics::MetricContext& ctx,
                               std::span<const uint32_t> developers, const Window& window) {
  CommitSummary s;
  const store::CommitColumns& c = ctx.store.commits();
  std::map<std::string, int64_t> tags;
  int64_t quality = 0;
  for (uint32_t dev : developers) {
    const auto rows = ctx.aexy() ? metrics::RowsInWindow(ctx, ctx.store.CommitsOfByCommitted(dev), window,
                                                         [&](uint32_t r) { return c.committed[r]; })
                                 : metrics::RowsInWindow(ctx, ctx.store.CommitsOf(dev), window,
                                                         [&](uint32_t r) { return c.time[r]; });
    for (uint32_t row : rows) {
      // Merge commits describe no change of their own (§9.1.6); the seed classifies them too.
      if (!ctx.aexy() && (c.flags[row] & store::kCommitMerge)) continue;
      const CommitAnalysis a = AnalyzeCommit(ws.commits()[c.source[row]], ctx.profile);
      ++s.commits_analyzed;
      ++s.type_distribution[static_cast<size_t>(a.type)];
      quality += a.quality_score;
      s.breaking_changes_count += a.breaking;
      s.conventional_count += a.conventional;
      for (const std::string& t : a.semantic_tags) ++tags[t];
    }
  }
  if (s.commits_analyzed > 0) s.average_quality_score = static_cast<double>(quality) / static_cast<double>(s.commits_analyzed);
  s.top_tags.assign(tags.begin(), tags.end());
  std::stable_sort(s.top_tags.begin(), s.top_tags.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (s.top_tags.size() > 10) s.top_tags.resize(10);
  return s;
}

void WriteJson(JsonWriter& w, const CommitAnalysis& a) {
  w.BeginObject();
  w.Field("type", CommitTypeName(a.type));
  w.Key("scope");
  if (a.scope.empty()) {
    w.Null();
  } else {
    w.String(a.scope);
  }
  w.Field("breaking", a.breaking);
  w.Field("conventional", a.conventional);
  w.Field("quality_score", a.quality_score);
  w.Key("semantic_tags").BeginArray();
  for (const std::string& t : a.semantic_tags) w.String(t);
  w.EndArray();
  w.EndObject();
}

void WriteJson(JsonWriter& w, const CommitSummary& s) {
  auto distribution = [&](std::string_view key) {
    w.Key(key).BeginObject();
    for (size_t t = 0; t < kCommitTypeCount; ++t) {
      if (s.type_distribution[t] > 0) w.Field(kTypeNames[t], s.type_distribution[t]);
    }
    w.EndObject();
  };
  w.BeginObject();
  w.Field("commits_analyzed", s.commits_analyzed);
  w.Field("total_commits", s.commits_analyzed);
  distribution("type_distribution");
  distribution("distribution");
  w.Key("percentages").BeginObject();
  for (size_t t = 0; t < kCommitTypeCount; ++t) {
    if (s.type_distribution[t] > 0) w.Key(kTypeNames[t]).Double(s.Percentage(static_cast<CommitType>(t)), 1);
  }
  w.EndObject();
  w.Key("top_tags").BeginArray();
  for (const auto& [tag, count] : s.top_tags) w.BeginArray().String(tag).Int(count).EndArray();
  w.EndArray();
  w.Field("average_quality_score", s.average_quality_score);
  w.Field("breaking_changes_count", s.breaking_changes_count);
  w.Field("conventional_commits_count", s.conventional_count);
  w.EndObject();
}

}  // namespace loupe::intelligence
