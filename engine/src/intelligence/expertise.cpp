#include "loupe/intelligence/expertise.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "loupe/core/strings.h"

namespace loupe::intelligence {

std::string_view LanguageOfPath(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  const std::string ext = ToLowerAscii(name.substr(dot + 1));
  struct Entry {
    const char* ext;
    const char* language;
  };
  // Code only: markup, data and configuration files say little about a programming skill.
  static constexpr Entry kLanguages[] = {
      {"rs", "Rust"},         {"go", "Go"},           {"py", "Python"},       {"pyi", "Python"},
      {"java", "Java"},       {"kt", "Kotlin"},       {"kts", "Kotlin"},      {"scala", "Scala"},
      {"swift", "Swift"},     {"m", "Objective-C"},   {"mm", "Objective-C"},  {"js", "JavaScript"},
      {"mjs", "JavaScript"},  {"cjs", "JavaScript"},  {"jsx", "JavaScript"},  {"ts", "TypeScript"},
      {"tsx", "TypeScript"},  {"mts", "TypeScript"},  {"vue", "Vue"},         {"svelte", "Svelte"},
      {"c", "C"},             {"h", "C"},             {"cc", "C++"},          {"cpp", "C++"},
      {"cxx", "C++"},         {"hpp", "C++"},         {"hh", "C++"},          {"hxx", "C++"},
      {"cs", "C#"},           {"fs", "F#"},           {"rb", "Ruby"},         {"php", "PHP"},
      {"sh", "Shell"},        {"bash", "Shell"},      {"zsh", "Shell"},       {"ps1", "PowerShell"},
      {"sql", "SQL"},         {"lua", "Lua"},         {"dart", "Dart"},       {"ex", "Elixir"},
      {"exs", "Elixir"},      {"erl", "Erlang"},      {"hs", "Haskell"},      {"ml", "OCaml"},
      {"clj", "Clojure"},     {"zig", "Zig"},         {"nim", "Nim"},         {"r", "R"},
      {"jl", "Julia"},        {"pl", "Perl"},         {"groovy", "Groovy"},   {"html", "HTML"},
      {"css", "CSS"},         {"scss", "CSS"},        {"less", "CSS"},        {"proto", "Protocol Buffers"},
      {"sol", "Solidity"},    {"tf", "HCL"},
  };
  for (const Entry& e : kLanguages) {
    if (ext == e.ext) return e.language;
  }
  return "";
}

std::string_view SkillKindName(SkillKind kind) {
  return kind == SkillKind::kFramework ? "framework" : "language";
}

namespace {

double LogShare(int64_t x, int64_t full) {
  if (full <= 0) return 1;
  return std::min(1.0, std::log10(static_cast<double>(std::max<int64_t>(x, 0)) + 1) /
                           std::log10(static_cast<double>(full) + 1));
}

double Share(int64_t x, int64_t full) {
  if (full <= 0) return 1;
  return std::min(1.0, static_cast<double>(std::max<int64_t>(x, 0)) / static_cast<double>(full));
}

}  // namespace

double Proficiency(int64_t commits, int64_t lines, int64_t active_months, const ExpertiseSettings& s) {
  return 100.0 * (0.35 * LogShare(commits, s.full_commits) + 0.25 * LogShare(lines, s.full_lines) +
                  0.40 * Share(active_months, s.full_active_months));
}

double Confidence(int64_t commits, int64_t lines, int64_t active_months, const ExpertiseSettings& s) {
  return 0.4 * Share(commits, s.confident_commits) + 0.3 * Share(active_months, s.confident_active_months) +
         0.3 * Share(lines, s.confident_lines);
}

double RecencyFactor(double days_since_last, const ExpertiseSettings& s) {
  const double f = std::pow(2.0, -std::max(0.0, days_since_last) / s.recency_half_life_days);
  return std::max(s.recency_floor, f);
}

std::string_view DepthOf(double proficiency) {
  if (proficiency >= 80) return "expert";
  if (proficiency >= 60) return "advanced";
  if (proficiency >= 40) return "intermediate";
  return "novice";
}

std::string ContextOf(std::span<const std::string> repository_names) {
  static constexpr std::string_view kProduction[] = {"api",  "service", "backend", "frontend", "app",
                                                     "platform", "core", "main", "prod", "enterprise"};
  static constexpr std::string_view kPersonal[] = {"personal", "demo",    "example", "experiment",
                                                   "playground", "sandbox", "test"};
  static constexpr std::string_view kLearning[] = {"tutorial", "learn", "practice", "homework", "course", "exercise"};
  int production = 0, personal = 0, learning = 0;
  for (const std::string& name : repository_names) {
    const std::string lower = ToLowerAscii(name);
    for (std::string_view p : kProduction) production += lower.find(p) != std::string::npos;
    for (std::string_view p : kPersonal) personal += lower.find(p) != std::string::npos;
    for (std::string_view p : kLearning) learning += lower.find(p) != std::string::npos;
  }
  if (production > personal + learning && production >= 2) return "production";
  if (learning > 0 && learning >= personal && learning >= production) return "learning";
  if (personal + learning > production) return "personal";
  if (repository_names.size() >= 3) return "production";
  return "unknown";
}

namespace {

struct Accumulator {
  SkillKind kind = SkillKind::kLanguage;
  int64_t commits = 0;
  int64_t lines = 0;
  std::set<int64_t> months;
  std::set<uint32_t> repos;
  Instant last = kNoInstant;

  void Add(Instant t, uint32_t repo, int64_t added) {
    ++commits;
    lines += added;
    const CivilDate d = CivilFromInstant(t).date;
    months.insert(int64_t{d.year} * 12 + d.month);
    repos.insert(repo);
    last = last == kNoInstant ? t : std::max(last, t);
  }
};

}  // namespace

FrameworkScopes FrameworkScopes::Build(const model::Workspace& ws, Instant before, const VersionTable& table) {
  std::map<std::pair<model::RepoId, std::string_view>, const model::ManifestSnapshot*> in_effect;
  for (const model::ManifestSnapshot& m : ws.manifests()) {
    if (m.at == kNoInstant || m.at >= before) continue;
    auto& slot = in_effect[{m.repo, m.path}];
    if (slot == nullptr || m.at >= slot->at) slot = &m;
  }
  FrameworkScopes out;
  for (const auto& [key, m] : in_effect) {
    auto uses = TechnologiesIn(table, *m);
    if (!uses.ok()) continue;
    Scope scope;
    scope.repo = m->repo;
    const size_t slash = m->path.find_last_of('/');
    scope.dir = slash == std::string::npos ? "" : m->path.substr(0, slash + 1);
    for (const TechnologyUse& u : *uses) {
      // Languages and runtimes come from file paths; manifests add the frameworks on top.
      if (u.technology->category == "language" || u.technology->category == "runtime") continue;
      scope.frameworks.push_back(u.technology->name);
    }
    if (!scope.frameworks.empty()) out.scopes_.push_back(std::move(scope));
  }
  return out;
}

ExpertiseProfile AnalyzeExpertise(const model::Workspace& ws, const store::ActivityStore& store, uint32_t developer,
                                  const Window& window, const ExpertiseSettings& settings, const VersionTable& table) {
  return AnalyzeExpertise(ws, store, developer, window, settings, FrameworkScopes::Build(ws, window.end, table));
}

ExpertiseProfile AnalyzeExpertise(const model::Workspace& ws, const store::ActivityStore& store, uint32_t developer,
                                  const Window& window, const ExpertiseSettings& settings,
                                  const FrameworkScopes& scopes) {
  ExpertiseProfile profile;
  profile.developer = developer;
  const store::CommitColumns& c = store.commits();
  std::map<std::string, Accumulator, std::less<>> skills;
  std::map<std::string_view, int64_t> languages, frameworks;  // added lines per skill, this commit
  for (uint32_t row : store.CommitsOf(developer)) {
    const Instant t = c.time[row];
    if (t < window.start) continue;
    if (t >= window.end) break;
    if (c.flags[row] & store::kCommitMerge) continue;
    const model::Commit& commit = ws.commits()[c.source[row]];
    if (!commit.has_files) continue;
    languages.clear();
    frameworks.clear();
    for (const model::FileChange& f : commit.files) {
      if (std::string_view lang = LanguageOfPath(f.path); !lang.empty()) languages[lang] += f.additions;
      scopes.ForPath(commit.repo, f.path, [&](std::string_view fw) { frameworks[fw] += f.additions; });
    }
    for (const auto& [name, added] : languages) skills[std::string(name)].Add(t, c.repo[row], added);
    for (const auto& [name, added] : frameworks) {
      Accumulator& a = skills[std::string(name)];
      a.kind = SkillKind::kFramework;
      a.Add(t, c.repo[row], added);
    }
  }
  double confidence_sum = 0;
  for (const auto& [name, a] : skills) {
    Skill s;
    s.name = name;
    s.kind = a.kind;
    s.commit_count = a.commits;
    s.lines_of_code = a.lines;
    s.active_months = static_cast<int64_t>(a.months.size());
    s.repositories = static_cast<int64_t>(a.repos.size());
    s.last_activity = a.last;
    s.proficiency = Proficiency(s.commit_count, s.lines_of_code, s.active_months, settings);
    s.confidence = Confidence(s.commit_count, s.lines_of_code, s.active_months, settings);
    s.recency_factor = RecencyFactor(static_cast<double>(window.end - a.last) / kSecondsPerDay, settings);
    s.depth = std::string(DepthOf(s.proficiency));
    std::vector<std::string> repo_names;
    for (uint32_t r : a.repos) repo_names.push_back(ws.repositories()[r].full_name);
    s.context = ContextOf(repo_names);
    confidence_sum += s.confidence;
    profile.skills.push_back(std::move(s));
  }
  std::stable_sort(profile.skills.begin(), profile.skills.end(), [](const Skill& a, const Skill& b) {
    return a.proficiency * a.confidence > b.proficiency * b.confidence;
  });
  if (!profile.skills.empty()) profile.overall_confidence = confidence_sum / static_cast<double>(profile.skills.size());
  return profile;
}

std::vector<SkillStanding> CompareSkill(std::span<const ExpertiseProfile> profiles, std::string_view skill) {
  std::vector<SkillStanding> out;
  for (const ExpertiseProfile& p : profiles) {
    for (const Skill& s : p.skills) {
      if (!EqualsIgnoreCaseAscii(s.name, skill)) continue;
      out.push_back({p.developer, s.proficiency, s.confidence, s.recency_factor,
                     s.proficiency * s.confidence * s.recency_factor});
      break;
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const SkillStanding& a, const SkillStanding& b) { return a.effective_level > b.effective_level; });
  return out;
}

void WriteJson(JsonWriter& w, const ExpertiseProfile& profile) {
  w.BeginObject().Key("skills").BeginArray();
  for (const Skill& s : profile.skills) {
    w.BeginObject().Field("name", s.name).Field("kind", SkillKindName(s.kind));
    w.Key("proficiency").Double(s.proficiency, 1);
    w.Key("confidence").Double(s.confidence, 2);
    w.Key("recency_factor").Double(s.recency_factor, 2);
    w.Field("depth", s.depth).Field("context", s.context);
    w.Field("commit_count", s.commit_count).Field("lines_of_code", s.lines_of_code);
    w.Field("active_months", s.active_months).Field("repositories", s.repositories);
    w.Key("last_activity_at");
    if (s.last_activity == kNoInstant) {
      w.Null();
    } else {
      w.String(FormatIsoInstant(s.last_activity));
    }
    w.EndObject();
  }
  w.EndArray().Key("overall_confidence").Double(profile.overall_confidence, 2);
  w.EndObject();
}

void WriteJson(JsonWriter& w, std::string_view skill, std::span<const SkillStanding> standings,
               const identity::Resolution& resolution) {
  w.BeginObject().Field("skill", skill).Key("developers").BeginArray();
  for (const SkillStanding& s : standings) {
    w.BeginObject().Field("developer_id", static_cast<int64_t>(resolution.developers()[s.developer].id));
    w.Key("proficiency").Double(s.proficiency, 1);
    w.Key("confidence").Double(s.confidence, 2);
    w.Key("recency_factor").Double(s.recency_factor, 2);
    w.Key("effective_level").Double(s.effective_level, 1);
    w.EndObject();
  }
  w.EndArray().EndObject();
}

}  // namespace loupe::intelligence
