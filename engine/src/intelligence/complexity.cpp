#include "loupe/intelligence/complexity.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "intelligence/text_match.h"
#include "loupe/core/strings.h"

namespace loupe::intelligence {

namespace {

using internal::ContainsAnySubstring;
using internal::ContainsAnyWord;

constexpr std::string_view kLayerNames[kChangeLayerCount] = {"api", "service", "model", "repository", "ui",
                                                             "infrastructure", "config", "test", "other"};
constexpr std::string_view kCategoryNames[kChangeCategoryCount] = {
    "feature", "bugfix", "refactor", "documentation", "infrastructure", "configuration", "dependency", "test",
    "security", "performance"};
constexpr std::string_view kLevelNames[kComplexityLevelCount] = {"trivial", "simple", "moderate", "complex", "critical"};
constexpr std::string_view kEffortNames[] = {"low", "medium", "high", "very_high"};

// Words of a path: split at every non-alphanumeric byte and at camelCase humps, lower-cased
// ("src/api/UserController.java" -> " src api user controller java ").
std::string PathWords(std::string_view path) {
  std::string out = " ";
  for (size_t i = 0; i < path.size(); ++i) {
    const char c = path[i];
    const bool alnum = std::isalnum(static_cast<unsigned char>(c)) != 0;
    if (!alnum) {
      if (out.back() != ' ') out.push_back(' ');
      continue;
    }
    if (std::isupper(static_cast<unsigned char>(c)) && i > 0 &&
        (std::islower(static_cast<unsigned char>(path[i - 1])) || std::isdigit(static_cast<unsigned char>(path[i - 1]))) &&
        out.back() != ' ') {
      out.push_back(' ');
    }
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  out.push_back(' ');
  return out;
}

constexpr std::string_view kApiWords[] = {"api", "route", "router", "controller", "endpoint", "handler", "graphql", "grpc"};
constexpr std::string_view kServiceWords[] = {"service", "usecase"};
constexpr std::string_view kModelWords[] = {"model", "entity", "entities", "schema", "dto"};
constexpr std::string_view kRepositoryWords[] = {"repository", "repositories", "repo", "dao", "db", "database", "persistence"};
constexpr std::string_view kUiWords[] = {"ui", "component", "page", "view", "screen", "widget", "frontend", "layout", "template"};
constexpr std::string_view kUiExtensions[] = {"tsx", "jsx", "vue", "svelte", "css", "scss", "sass", "less", "html"};
constexpr std::string_view kTestWords[] = {"test", "tests", "spec", "specs", "e2e", "testing"};
constexpr std::string_view kConfigWords[] = {"config", "configs", "configuration", "settings"};
constexpr std::string_view kConfigExtensions[] = {"yml", "yaml", "toml", "ini", "cfg", "conf", "properties", "env"};
constexpr std::string_view kInfraDirs[] = {"kubernetes", "k8s", ".github", "helm", "terraform"};
constexpr std::string_view kInfraSubstrings[] = {"dockerfile", "docker-compose", ".tf",       "kubernetes/", "k8s/",
                                                 ".github/",   "makefile",       "jenkinsfile", ".gitlab-ci", "azure-pipelines"};
constexpr std::string_view kMigrationWords[] = {"migration", "migrate", "alembic", "flyway", "liquibase"};
constexpr std::string_view kMigrationSubstrings[] = {"migration/", "migrations/", "migrate", "alembic", "flyway", "liquibase", ".sql"};
constexpr std::string_view kSecurityWords[] = {"auth",    "authn",   "authz",   "oauth",      "authentication", "authorization",
                                               "security", "password", "token", "secret", "credential", "encrypt",
                                               "decrypt", "encryption", "decryption"};
constexpr std::string_view kSecuritySubstrings[] = {"/auth",    "/security", "password", "token", "secret",
                                                    "credential", "encrypt", "decrypt",  ".pem",  ".key"};

bool In(std::string_view s, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

struct CategoryKeywords {
  ChangeCategory category;
  std::vector<std::string_view> words;
};
// [CC:293-334]; loupe matches them as words ("optim*", "depend*", "vuln*" are stems).
const std::vector<CategoryKeywords>& CategoryTable(bool aexy) {
  static const std::vector<CategoryKeywords> seed = {
      {ChangeCategory::kFeature, {"feat", "feature", "add", "new"}},
      {ChangeCategory::kBugfix, {"fix", "bug", "issue", "resolve"}},
      {ChangeCategory::kRefactor, {"refactor", "cleanup", "reorganize"}},
      {ChangeCategory::kDocumentation, {"doc", "readme", "documentation"}},
      {ChangeCategory::kInfrastructure, {"infra", "deploy", "ci", "cd", "pipeline"}},
      {ChangeCategory::kConfiguration, {"config", "setting", "environment"}},
      {ChangeCategory::kDependency, {"depend", "upgrade", "bump", "update"}},
      {ChangeCategory::kTest, {"test", "spec", "coverage"}},
      {ChangeCategory::kSecurity, {"security", "auth", "permission", "vuln"}},
      {ChangeCategory::kPerformance, {"perf", "optim", "speed", "fast"}},
  };
  static const std::vector<CategoryKeywords> loupe = {
      {ChangeCategory::kFeature, {"feat", "feature", "add", "new"}},
      {ChangeCategory::kBugfix, {"fix", "bug", "issue", "resolve", "bugfix", "hotfix"}},
      {ChangeCategory::kRefactor, {"refactor", "cleanup", "reorganize"}},
      {ChangeCategory::kDocumentation, {"doc", "readme", "documentation"}},
      {ChangeCategory::kInfrastructure, {"infra", "infrastructure", "deploy", "ci", "cd", "pipeline"}},
      {ChangeCategory::kConfiguration, {"config", "configuration", "setting", "environment"}},
      {ChangeCategory::kDependency, {"depend*", "upgrade", "bump", "update"}},
      {ChangeCategory::kTest, {"test", "spec", "coverage"}},
      {ChangeCategory::kSecurity, {"security", "auth", "authentication", "authorization", "permission", "vuln*"}},
      {ChangeCategory::kPerformance, {"perf", "performance", "optim*", "speed", "fast", "faster"}},
  };
  return aexy ? seed : loupe;
}

template <typename T>
std::vector<std::pair<std::string, int64_t>> Top(const std::map<T, int64_t>& counts, size_t limit,
                                                 std::string_view (*name)(T)) {
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& [key, n] : counts) out.emplace_back(std::string(name(key)), n);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::string_view Identity(std::string_view s) { return s; }

}  // namespace

std::string_view ChangeLayerName(ChangeLayer layer) { return kLayerNames[static_cast<size_t>(layer)]; }
std::string_view ChangeCategoryName(ChangeCategory c) { return kCategoryNames[static_cast<size_t>(c)]; }
std::string_view ComplexityLevelName(ComplexityLevel level) { return kLevelNames[static_cast<size_t>(level)]; }
std::string_view ReviewEffortName(ReviewEffort effort) { return kEffortNames[static_cast<size_t>(effort)]; }

ComplexityLevel ComplexityLevelOf(int score) {
  if (score < 15) return ComplexityLevel::kTrivial;
  if (score < 30) return ComplexityLevel::kSimple;
  if (score < 50) return ComplexityLevel::kModerate;
  if (score < 70) return ComplexityLevel::kComplex;
  return ComplexityLevel::kCritical;
}

ReviewEffort ReviewEffortOf(ComplexityLevel level, int64_t lines) {
  switch (level) {
    case ComplexityLevel::kTrivial:
    case ComplexityLevel::kSimple:
      return lines < 100 ? ReviewEffort::kLow : lines < 300 ? ReviewEffort::kMedium : ReviewEffort::kHigh;
    case ComplexityLevel::kModerate:
      return lines < 200 ? ReviewEffort::kMedium : ReviewEffort::kHigh;
    case ComplexityLevel::kComplex:
      return lines < 300 ? ReviewEffort::kHigh : ReviewEffort::kVeryHigh;
    case ComplexityLevel::kCritical:
      break;
  }
  return ReviewEffort::kVeryHigh;
}

PathClassification ClassifyPath(std::string_view path, metrics::MetricProfile profile) {
  const bool aexy = profile == metrics::MetricProfile::kAexyCompat;
  PathClassification c;
  const std::string lower = ToLowerAscii(path);
  const std::string words = PathWords(path);
  const std::vector<std::string_view> segments = Split(lower, '/');
  const std::string_view name = segments.back();
  const size_t dot = name.rfind('.');
  const std::string_view ext = dot == std::string_view::npos || dot == 0 ? std::string_view() : name.substr(dot + 1);

  c.is_test = ContainsAnyWord(words, kTestWords) || name.find("__tests__") != std::string_view::npos;
  c.is_config = ContainsAnyWord(words, kConfigWords) || In(ext, kConfigExtensions) || name.starts_with(".env");
  if (aexy) {
    c.is_infra = ContainsAnySubstring(lower, kInfraSubstrings);
    c.is_migration = ContainsAnySubstring(lower, kMigrationSubstrings);
    c.is_security_sensitive = ContainsAnySubstring(lower, kSecuritySubstrings);
  } else {
    bool infra_dir = false;
    for (size_t i = 0; i + 1 < segments.size(); ++i) infra_dir = infra_dir || In(segments[i], kInfraDirs);
    c.is_infra = infra_dir || name.starts_with("dockerfile") || name.starts_with("docker-compose") ||
                 name == "makefile" || name == "jenkinsfile" || name.starts_with(".gitlab-ci") ||
                 name.starts_with("azure-pipelines") || ext == "tf" || ext == "tfvars";
    c.is_migration = ContainsAnyWord(words, kMigrationWords) || ext == "sql";
    c.is_security_sensitive = ContainsAnyWord(words, kSecurityWords) || ext == "pem" || ext == "key";
  }

  if (ContainsAnyWord(words, kApiWords)) {
    c.layer = ChangeLayer::kApi;
  } else if (ContainsAnyWord(words, kServiceWords)) {
    c.layer = ChangeLayer::kService;
  } else if (ContainsAnyWord(words, kModelWords)) {
    c.layer = ChangeLayer::kModel;
  } else if (ContainsAnyWord(words, kRepositoryWords)) {
    c.layer = ChangeLayer::kRepository;
  } else if (ContainsAnyWord(words, kUiWords) || In(ext, kUiExtensions)) {
    c.layer = ChangeLayer::kUi;
  } else if (c.is_infra) {
    c.layer = ChangeLayer::kInfrastructure;
  } else if (c.is_config) {
    c.layer = ChangeLayer::kConfig;
  } else if (c.is_test) {
    c.layer = ChangeLayer::kTest;
  }

  const std::vector<std::string_view> original = Split(path, '/');
  // The directory after the first conventional root in the path, as the seed's alternation finds it.
  constexpr std::string_view kRoots[] = {"src", "packages", "apps", "modules", "services", "lib"};
  for (size_t i = 0; i + 2 < segments.size(); ++i) {
    if (In(segments[i], kRoots) && !segments[i + 1].empty()) {
      c.component = std::string(original[i + 1]);
      return c;
    }
  }
  c.component = segments.size() > 1 && !segments[0].empty() ? std::string(original[0]) : "root";
  return c;
}

ComplexityAnalysis ClassifyChange(const ChangeDescription& change, metrics::MetricProfile profile) {
  const bool aexy = profile == metrics::MetricProfile::kAexyCompat;
  ComplexityAnalysis a;
  a.files_known = !change.paths.empty();
  a.files_changed = a.files_known ? static_cast<int64_t>(change.paths.size()) : std::max<int64_t>(change.files_changed, 0);
  a.lines_changed = std::max<int64_t>(change.lines_changed, 0);

  std::set<ChangeLayer> layers;
  std::set<std::string> components;
  std::set<ChangeCategory> categories;
  for (const std::string& path : change.paths) {
    const PathClassification c = ClassifyPath(path, profile);
    layers.insert(c.layer);
    components.insert(c.component);
    a.test_files += c.is_test;
    a.infra_files += c.is_infra;
    a.migration_files += c.is_migration;
    a.security_files += c.is_security_sensitive;
    if (c.is_test) categories.insert(ChangeCategory::kTest);
    if (c.is_infra || c.is_migration) categories.insert(ChangeCategory::kInfrastructure);
    if (c.is_config) categories.insert(ChangeCategory::kConfiguration);
  }
  const std::string text = ToLowerAscii(std::string(change.title) + "\n" + std::string(change.body));
  for (const CategoryKeywords& k : CategoryTable(aexy)) {
    if (aexy ? ContainsAnySubstring(text, k.words) : ContainsAnyWord(text, k.words)) categories.insert(k.category);
  }
  if (categories.empty()) categories.insert(ChangeCategory::kFeature);
  a.categories.assign(categories.begin(), categories.end());
  a.layers.assign(layers.begin(), layers.end());
  a.components.assign(components.begin(), components.end());

  const int64_t files = a.files_changed;
  const int64_t n_components = static_cast<int64_t>(components.size());
  const int64_t n_layers = static_cast<int64_t>(layers.size()) - (layers.count(ChangeLayer::kOther) ? 1 : 0);
  int score = files <= 1 ? 0 : files <= 3 ? 10 : files <= 7 ? 20 : files <= 15 ? 25 : 30;
  score += n_components <= 1 ? 0 : n_components == 2 ? 10 : n_components <= 4 ? 15 : 20;
  score += n_layers <= 1 ? 0 : n_layers == 2 ? 10 : n_layers == 3 ? 15 : 20;
  if (categories.count(ChangeCategory::kInfrastructure) || categories.count(ChangeCategory::kSecurity) ||
      categories.count(ChangeCategory::kPerformance)) {
    score += 15;
  } else if (categories.size() > 2) {
    score += 10;
  } else if (categories.size() > 1) {
    score += 5;
  }
  if (a.migration_files > 0) score += 10;
  score += static_cast<int>(std::min<int64_t>(2 * a.infra_files, 10));
  a.complexity_score = std::min(score, 100);
  a.level = ComplexityLevelOf(a.complexity_score);
  a.review_effort = ReviewEffortOf(a.level, a.lines_changed);

  if (a.security_files > 0) a.risk_indicators.emplace_back("Touches security-sensitive files");
  if (categories.count(ChangeCategory::kSecurity)) a.risk_indicators.emplace_back("Security-related change");
  if (a.infra_files > 0) a.risk_indicators.emplace_back("Modifies infrastructure files");
  if (a.migration_files > 0) a.risk_indicators.emplace_back("Includes database migrations");
  if (n_components > 3) a.risk_indicators.push_back("Spans " + std::to_string(n_components) + " components");
  if (a.lines_changed > 500) a.risk_indicators.push_back("Large change (" + std::to_string(a.lines_changed) + " lines)");
  const int64_t non_test = static_cast<int64_t>(change.paths.size()) - a.test_files;
  if (non_test > 3 && a.test_files == 0) {
    a.risk_indicators.push_back("No test changes for " + std::to_string(non_test) + " non-test files");
  }
  a.is_cross_cutting = n_components > 2;
  a.touches_architecture = n_layers > 2;
  return a;
}

std::vector<std::string> PullRequestPaths(const model::Workspace& ws, const model::PullRequest& pr) {
  std::set<std::string> paths;
  for (const Sha& sha : pr.commit_shas) {
    const model::Commit* c = ws.FindCommit(sha);
    if (c == nullptr || !c->has_files) continue;
    for (const model::FileChange& f : c->files) paths.insert(f.path);
  }
  if (paths.empty() && !pr.merge_commit_sha.empty()) {
    if (const model::Commit* c = ws.FindCommit(pr.merge_commit_sha); c != nullptr && c->has_files) {
      for (const model::FileChange& f : c->files) paths.insert(f.path);
    }
  }
  return {paths.begin(), paths.end()};
}

ComplexityAnalysis ClassifyPullRequest(const model::Workspace& ws, const model::PullRequest& pr,
                                       metrics::MetricProfile profile) {
  const std::vector<std::string> paths = PullRequestPaths(ws, pr);
  int64_t lines = 0;
  if (pr.additions >= 0 && pr.deletions >= 0) {
    lines = pr.additions + pr.deletions;
  } else {
    for (const Sha& sha : pr.commit_shas) {
      if (const model::Commit* c = ws.FindCommit(sha); c != nullptr && c->has_stats) lines += c->additions + c->deletions;
    }
  }
  ChangeDescription change{pr.title, pr.body, paths, pr.changed_files, lines};
  return ClassifyChange(change, profile);
}

ComplexityProfile ProfileComplexity(const model::Workspace& ws, const metrics::MetricContext& ctx,
                                    std::span<const uint32_t> developers, const Window& window) {
  ComplexityProfile prof;
  const store::PullRequestColumns& p = ctx.store.pull_requests();
  std::map<ChangeCategory, int64_t> categories;
  std::map<std::string, int64_t> components;
  std::map<ChangeLayer, int64_t> layers;
  int64_t score_sum = 0, effort_sum = 0, cross = 0, architecture = 0, known = 0;
  for (uint32_t dev : developers) {
    for (uint32_t row : metrics::RowsInWindow(ctx, ctx.store.PullRequestsOf(dev), window,
                                              [&](uint32_t r) { return p.created[r]; })) {
      const ComplexityAnalysis a = ClassifyPullRequest(ws, ws.pull_requests()[p.source[row]], ctx.profile);
      ++prof.total_prs;
      score_sum += a.complexity_score;
      ++prof.level_distribution[static_cast<size_t>(a.level)];
      effort_sum += static_cast<int64_t>(a.review_effort) + 1;
      cross += a.is_cross_cutting;
      architecture += a.touches_architecture;
      known += a.files_known;
      prof.handles_critical_changes = prof.handles_critical_changes || a.level >= ComplexityLevel::kComplex;
      for (ChangeCategory c : a.categories) ++categories[c];
      for (const std::string& c : a.components) ++components[c];
      for (ChangeLayer l : a.layers) {
        if (l != ChangeLayer::kOther) ++layers[l];
      }
    }
  }
  if (prof.total_prs == 0) return prof;
  const double n = static_cast<double>(prof.total_prs);
  prof.average_complexity_score = static_cast<double>(score_sum) / n;
  prof.cross_cutting_ratio = static_cast<double>(cross) / n;
  prof.architecture_ratio = static_cast<double>(architecture) / n;
  prof.files_known_ratio = static_cast<double>(known) / n;
  const int64_t effort = std::clamp<int64_t>(std::llround(static_cast<double>(effort_sum) / n), 1, 4);
  prof.avg_review_effort = static_cast<ReviewEffort>(effort - 1);
  prof.top_categories = Top(categories, 3, &ChangeCategoryName);
  prof.top_layers = Top(layers, 3, &ChangeLayerName);
  std::map<std::string_view, int64_t> by_name(components.begin(), components.end());
  prof.top_components = Top(by_name, 5, &Identity);
  return prof;
}

void WriteJson(JsonWriter& w, const ComplexityAnalysis& a) {
  w.BeginObject();
  w.Field("complexity_score", a.complexity_score);
  w.Field("complexity_level", ComplexityLevelName(a.level));
  w.Field("review_effort", ReviewEffortName(a.review_effort));
  w.Key("categories").BeginArray();
  for (ChangeCategory c : a.categories) w.String(ChangeCategoryName(c));
  w.EndArray();
  w.Key("layers_touched").BeginArray();
  for (ChangeLayer l : a.layers) w.String(ChangeLayerName(l));
  w.EndArray();
  w.Key("components_touched").BeginArray();
  for (const std::string& c : a.components) w.String(c);
  w.EndArray();
  w.Key("risk_indicators").BeginArray();
  for (const std::string& r : a.risk_indicators) w.String(r);
  w.EndArray();
  w.Field("files_changed", a.files_changed);
  w.Field("lines_changed", a.lines_changed);
  w.Field("test_files", a.test_files);
  w.Field("infra_files", a.infra_files);
  w.Field("migration_files", a.migration_files);
  w.Field("security_sensitive_files", a.security_files);
  w.Field("files_known", a.files_known);
  w.Field("is_cross_cutting", a.is_cross_cutting);
  w.Field("touches_architecture", a.touches_architecture);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const ComplexityProfile& p) {
  auto pairs = [&](std::string_view key, const std::vector<std::pair<std::string, int64_t>>& list) {
    w.Key(key).BeginArray();
    for (const auto& [name, count] : list) w.BeginArray().String(name).Int(count).EndArray();
    w.EndArray();
  };
  w.BeginObject();
  w.Field("total_prs", p.total_prs);
  w.Key("average_complexity_score").Double(p.average_complexity_score, 1);
  w.Key("complexity_distribution").BeginObject();
  for (size_t i = 0; i < kComplexityLevelCount; ++i) w.Field(kLevelNames[i], p.level_distribution[i]);
  w.EndObject();
  pairs("top_categories", p.top_categories);
  pairs("top_components", p.top_components);
  pairs("top_layers", p.top_layers);
  w.Key("cross_cutting_ratio").Double(p.cross_cutting_ratio, 2);
  w.Key("architecture_ratio").Double(p.architecture_ratio, 2);
  w.Key("files_known_ratio").Double(p.files_known_ratio, 2);
  w.Field("handles_critical_changes", p.handles_critical_changes);
  w.Field("avg_review_effort", ReviewEffortName(p.avg_review_effort));
  w.EndObject();
}

}  // namespace loupe::intelligence
