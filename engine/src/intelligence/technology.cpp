#include "loupe/intelligence/technology.h"

#include <algorithm>
#include <map>
#include <set>

#include "intelligence/technology_data.h"
#include "loupe/core/strings.h"
#include "loupe/intelligence/manifests.h"

namespace loupe::intelligence {

std::string Version::ToString() const {
  std::string out;
  for (int i = 0; i < count && i < 3; ++i) {
    if (i > 0) out += '.';
    out += std::to_string(parts[i]);
  }
  return out;
}

Version VersionFromSpec(std::string_view spec) {
  Version v;
  size_t i = 0;
  while (i < spec.size() && !(spec[i] >= '0' && spec[i] <= '9')) ++i;
  while (i < spec.size() && v.count < 3 && spec[i] >= '0' && spec[i] <= '9') {
    int64_t n = 0;
    while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') {
      if (n < 1'000'000'000) n = n * 10 + (spec[i] - '0');
      ++i;
    }
    v.parts[v.count++] = n;
    if (i + 1 < spec.size() && spec[i] == '.' && spec[i + 1] >= '0' && spec[i + 1] <= '9') {
      ++i;
    } else {
      break;
    }
  }
  return v;
}

std::string_view VersionStatusName(VersionStatus status) {
  switch (status) {
    case VersionStatus::kCurrent: return "current";
    case VersionStatus::kRecent: return "recent";
    case VersionStatus::kOutdated: return "outdated";
    case VersionStatus::kDeprecated: return "deprecated";
  }
  return "current";
}

// ---- the table ---------------------------------------------------------------------------------

Result<VersionTable> VersionTable::Parse(std::string_view tsv) {
  VersionTable table;
  int64_t line_number = 0;
  for (std::string_view line : Split(tsv, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line.front() == '#') continue;
    const std::vector<std::string_view> f = Split(line, '\t');
    const auto fail = [&](const std::string& message) {
      return InvalidInput(message).WithRecord("line " + std::to_string(line_number));
    };
    if (f[0] == "tech") {
      if (f.size() != 4 || f[1].empty() || f[2].empty()) {
        return fail("expected tech<TAB>name<TAB>category<TAB>packages");
      }
      for (const Technology& t : table.technologies_) {
        if (t.name == f[1]) return fail("technology " + std::string(f[1]) + " is listed twice");
      }
      Technology& t = table.technologies_.emplace_back();
      t.name.assign(f[1]);
      t.category.assign(f[2]);
      for (std::string_view p : Split(f[3], ' ')) {
        if (p.empty()) continue;
        if (p.find(':') == std::string_view::npos) return fail("package " + std::string(p) + " names no ecosystem");
        t.packages.emplace_back(p);
      }
    } else if (f[0] == "line") {
      if (f.size() != 4 && f.size() != 5) return fail("expected line<TAB>name<TAB>version<TAB>released[<TAB>end_of_life]");
      auto it = std::find_if(table.technologies_.begin(), table.technologies_.end(),
                             [&](const Technology& t) { return t.name == f[1]; });
      if (it == table.technologies_.end()) return fail("line of " + std::string(f[1]) + " before its tech record");
      ReleaseLine rl;
      rl.version = VersionFromSpec(f[2]);
      if (rl.version.count == 0) return fail("expected a version, got " + QuoteForMessage(f[2]));
      auto released = ParseIsoDate(f[3]);
      if (!released.ok()) return fail("released: " + released.status().message());
      rl.released = DaysFromCivil(*released) * kSecondsPerDay;
      if (f.size() == 5 && !f[4].empty()) {
        auto eol = ParseIsoDate(f[4]);
        if (!eol.ok()) return fail("end of life: " + eol.status().message());
        rl.end_of_life = DaysFromCivil(*eol) * kSecondsPerDay;
      }
      if (!it->lines.empty() && !(it->lines.back().version < rl.version)) {
        return fail("lines of " + it->name + " must ascend by version");
      }
      it->lines.push_back(rl);
      table.dated_ = table.dated_ == kNoInstant ? rl.released : std::max(table.dated_, rl.released);
    } else {
      return fail("expected a tech or line record, got " + QuoteForMessage(f[0]));
    }
  }
  return table;
}

const VersionTable& VersionTable::BuiltIn() {
  static const VersionTable table = [] {
    auto parsed = Parse(internal::BuiltInTechnologyTable());
    LOUPE_ASSERT(parsed.ok(), "the built-in technology table does not parse");
    return std::move(parsed).value();
  }();
  return table;
}

const Technology* VersionTable::Match(std::string_view ecosystem, std::string_view package) const {
  const std::string key = std::string(ecosystem) + ":" + std::string(package);
  for (const Technology& t : technologies_) {
    for (const std::string& pattern : t.packages) {
      if (GlobMatchIgnoreCase(pattern, key)) return &t;
    }
  }
  return nullptr;
}

// ---- status ------------------------------------------------------------------------------------

VersionAssessment AssessVersion(const Technology& technology, const Version& version, Instant as_of,
                                const TechnologySettings& settings) {
  VersionAssessment a;
  // Only what was released by as_of counts: a rating in 2019 knows nothing of 2020's releases.
  const ReleaseLine* own = nullptr;   // newest released line <= version
  const ReleaseLine* next = nullptr;  // first released line after it
  const ReleaseLine* latest = nullptr;
  for (const ReleaseLine& line : technology.lines) {
    if (line.released > as_of) continue;
    latest = &line;
    if (line.version <= version) {
      own = &line;
      next = nullptr;
    } else if (next == nullptr) {
      next = &line;
    }
  }
  if (latest != nullptr) a.latest = latest->version.ToString();
  if (own != nullptr) a.end_of_life = own->end_of_life;
  // The newest line, a version newer than every line, or nothing released yet that the table
  // knows: current, whatever its support says.
  if (next == nullptr) return a;
  a.superseded = next->released;
  if (own != nullptr && own->end_of_life != kNoInstant && own->end_of_life <= as_of) {
    a.status = VersionStatus::kDeprecated;
    return a;
  }
  if (own == nullptr) {
    a.status = VersionStatus::kOutdated;  // older than every line the table knows
    return a;
  }
  const int64_t age_days = FloorDiv(as_of - next->released, kSecondsPerDay);
  if (age_days < settings.current_days) {
    a.status = VersionStatus::kCurrent;
  } else if (age_days < settings.recent_days || own->end_of_life != kNoInstant) {
    a.status = VersionStatus::kRecent;
  } else {
    a.status = VersionStatus::kOutdated;
  }
  return a;
}

// ---- manifests ---------------------------------------------------------------------------------

namespace {

std::string_view EcosystemOf(model::ManifestKind kind) {
  switch (kind) {
    case model::ManifestKind::kPackageJson: return "npm";
    case model::ManifestKind::kCargoToml: return "cargo";
    case model::ManifestKind::kGoMod: return "go";
    case model::ManifestKind::kPyprojectToml:
    case model::ManifestKind::kRequirementsTxt: return "pypi";
    case model::ManifestKind::kPomXml:
    case model::ManifestKind::kBuildGradle: return "maven";
    case model::ManifestKind::kPackageSwift: return "swift";
    case model::ManifestKind::kNone: break;
  }
  return "";
}

}  // namespace

Result<std::vector<TechnologyUse>> TechnologiesIn(const VersionTable& table, const model::ManifestSnapshot& manifest) {
  const model::ManifestKind kind = model::ManifestKindOf(manifest.path);
  LOUPE_ASSIGN_OR_RETURN(std::vector<Dependency> deps, ParseManifest(kind, manifest.content));
  std::vector<TechnologyUse> out;
  for (Dependency& d : deps) {
    const Technology* t = table.Match(d.toolchain ? "toolchain" : EcosystemOf(kind), d.name);
    if (t == nullptr) continue;
    if (std::any_of(out.begin(), out.end(), [&](const TechnologyUse& u) { return u.technology == t; })) continue;
    TechnologyUse use;
    use.technology = t;
    use.version = VersionFromSpec(d.spec);
    if (use.version.count == 0) continue;
    use.package = std::move(d.name);
    use.spec = std::move(d.spec);
    out.push_back(std::move(use));
  }
  return out;
}

std::vector<TechnologyInUse> TechnologiesAt(const model::Workspace& ws, const VersionTable& table, Instant as_of,
                                            const TechnologySettings& settings, int64_t* unreadable) {
  // The snapshot in effect per (repository, path): the latest at or before as_of (ties: the
  // later commit in the workspace's order, which is the import order).
  std::map<std::pair<model::RepoId, std::string_view>, const model::ManifestSnapshot*> in_effect;
  for (const model::ManifestSnapshot& m : ws.manifests()) {
    if (m.at == kNoInstant || m.at > as_of) continue;
    auto& slot = in_effect[{m.repo, m.path}];
    if (slot == nullptr || m.at >= slot->at) slot = &m;
  }
  // Since when each (repository, path, technology, version) has been declared without a break.
  std::map<std::tuple<model::RepoId, std::string_view, const Technology*>, std::pair<Version, Instant>> since;
  {
    std::vector<const model::ManifestSnapshot*> ordered;
    for (const model::ManifestSnapshot& m : ws.manifests()) {
      if (m.at != kNoInstant && m.at <= as_of) ordered.push_back(&m);
    }
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto* a, const auto* b) { return a->at < b->at; });
    for (const model::ManifestSnapshot* m : ordered) {
      auto uses = TechnologiesIn(table, *m);
      if (!uses.ok()) continue;
      std::set<const Technology*> present;
      for (const TechnologyUse& u : *uses) {
        present.insert(u.technology);
        auto [it, added] = since.try_emplace({m->repo, m->path, u.technology}, u.version, m->at);
        if (!added && it->second.first != u.version) it->second = {u.version, m->at};
      }
      for (auto it = since.begin(); it != since.end();) {
        const auto& [repo, path, tech] = it->first;
        it = (repo == m->repo && path == m->path && !present.count(tech)) ? since.erase(it) : std::next(it);
      }
    }
  }
  std::map<std::pair<std::string_view, Version>, TechnologyInUse> by_version;
  for (const auto& [key, m] : in_effect) {
    auto uses = TechnologiesIn(table, *m);
    if (!uses.ok()) {
      if (unreadable != nullptr) ++*unreadable;
      continue;
    }
    const std::string& repo = ws.repositories()[m->repo].full_name;
    for (const TechnologyUse& u : *uses) {
      TechnologyInUse& row = by_version[{u.technology->name, u.version}];
      if (row.name.empty()) {
        row.name = u.technology->name;
        row.category = u.technology->category;
        row.version = u.version.ToString();
        row.assessment = AssessVersion(*u.technology, u.version, as_of, settings);
      }
      if (std::find(row.repositories.begin(), row.repositories.end(), repo) == row.repositories.end()) {
        row.repositories.push_back(repo);
      }
      row.manifests.push_back(repo + ":" + m->path);
      auto s = since.find({m->repo, m->path, u.technology});
      const Instant from = s != since.end() ? s->second.second : m->at;
      row.since = row.since == kNoInstant ? from : std::min(row.since, from);
    }
  }
  std::vector<TechnologyInUse> out;
  for (auto& [key, row] : by_version) {
    std::sort(row.repositories.begin(), row.repositories.end());
    std::sort(row.manifests.begin(), row.manifests.end());
    out.push_back(std::move(row));
  }
  // by_version is ordered by name, then version ascending; versions go newest first.
  std::stable_sort(out.begin(), out.end(), [&](const TechnologyInUse& a, const TechnologyInUse& b) {
    if (a.name != b.name) return a.name < b.name;
    return VersionFromSpec(a.version) > VersionFromSpec(b.version);
  });
  return out;
}

// ---- developers and teams ----------------------------------------------------------------------

DeveloperTechnologyProfile ProfileDeveloperTechnologies(const model::Workspace& ws,
                                                        const identity::Resolution& resolution, uint32_t developer,
                                                        const VersionTable& table, Instant as_of,
                                                        const TechnologySettings& settings) {
  std::map<std::pair<std::string, Version>, DeveloperTechnology> by_version;
  std::map<std::string, const Technology*, std::less<>> technologies;
  for (const model::ManifestSnapshot& m : ws.manifests()) {
    if (m.at == kNoInstant || m.at > as_of) continue;
    const model::Commit* commit = ws.FindCommit(m.commit);
    if (commit == nullptr || resolution.IndexOf(commit->author) != developer) continue;
    auto uses = TechnologiesIn(table, m);
    if (!uses.ok()) continue;
    for (const TechnologyUse& u : *uses) {
      DeveloperTechnology& row = by_version[{u.technology->name, u.version}];
      if (row.name.empty()) {
        row.name = u.technology->name;
        row.category = u.technology->category;
        row.version = u.version.ToString();
        row.status = AssessVersion(*u.technology, u.version, as_of, settings).status;
        technologies[row.name] = u.technology;
      }
      ++row.usage_count;
      row.last_seen = row.last_seen == kNoInstant ? m.at : std::max(row.last_seen, m.at);
    }
  }
  DeveloperTechnologyProfile profile;
  double good = 0;
  for (auto it = by_version.rbegin(); it != by_version.rend(); ++it) {
    const DeveloperTechnology& row = it->second;
    good += row.status == VersionStatus::kCurrent ? 1.0 : row.status == VersionStatus::kRecent ? 0.5 : 0.0;
    if (row.status == VersionStatus::kDeprecated || row.status == VersionStatus::kOutdated) {
      const Technology* t = technologies[row.name];
      UpgradeSuggestion s;
      s.technology = row.name;
      s.current_version = row.version;
      s.suggested_version = AssessVersion(*t, VersionFromSpec(row.version), as_of, settings).latest;
      const bool deprecated = row.status == VersionStatus::kDeprecated;
      s.priority = deprecated ? "high" : "medium";
      s.reason = deprecated ? "End of life: security updates are no longer provided"
                            : "Superseded for more than " + std::to_string(settings.recent_days) + " days";
      profile.upgrade_suggestions.push_back(std::move(s));
    }
  }
  for (auto& [key, row] : by_version) profile.technologies.push_back(std::move(row));
  std::stable_sort(profile.technologies.begin(), profile.technologies.end(),
                   [](const DeveloperTechnology& a, const DeveloperTechnology& b) {
                     if (a.name != b.name) return a.name < b.name;
                     return VersionFromSpec(a.version) > VersionFromSpec(b.version);
                   });
  if (!profile.technologies.empty()) profile.adoption_score = good / static_cast<double>(profile.technologies.size());
  std::stable_sort(profile.upgrade_suggestions.begin(), profile.upgrade_suggestions.end(),
                   [](const UpgradeSuggestion& a, const UpgradeSuggestion& b) {
                     if (a.priority != b.priority) return a.priority == "high";
                     return a.technology < b.technology;
                   });
  if (profile.upgrade_suggestions.size() > 10) profile.upgrade_suggestions.resize(10);
  return profile;
}

TeamTechnologyOverview TeamTechnologies(const model::Workspace& ws, const identity::Resolution& resolution,
                                        std::span<const uint32_t> members, const VersionTable& table, Instant as_of,
                                        const TechnologySettings& settings) {
  std::map<std::string, TeamTechnology> by_name;
  std::map<std::string, std::set<uint32_t>> users;
  double current = 0, counted = 0;
  std::set<uint32_t> seen;
  for (uint32_t developer : members) {
    if (!seen.insert(developer).second) continue;
    const DeveloperTechnologyProfile profile =
        ProfileDeveloperTechnologies(ws, resolution, developer, table, as_of, settings);
    for (const DeveloperTechnology& t : profile.technologies) {
      TeamTechnology& row = by_name[t.name];
      row.name = t.name;
      row.category = t.category;
      auto v = std::find_if(row.versions.begin(), row.versions.end(),
                            [&](const TeamTechnologyVersion& x) { return x.version == t.version; });
      if (v == row.versions.end()) {
        row.versions.push_back({t.version, 0, t.status});
        v = row.versions.end() - 1;
      }
      ++v->developers;
      users[t.name].insert(developer);
      if (t.status != VersionStatus::kRecent) {
        counted += 1;
        if (t.status == VersionStatus::kCurrent) current += 1;
      }
    }
  }
  TeamTechnologyOverview overview;
  for (auto& [name, row] : by_name) {
    row.developer_count = static_cast<int64_t>(users[name].size());
    std::sort(row.versions.begin(), row.versions.end(), [](const auto& a, const auto& b) {
      return VersionFromSpec(a.version) > VersionFromSpec(b.version);
    });
    for (const TeamTechnologyVersion& v : row.versions) {
      if (v.status == VersionStatus::kDeprecated) overview.critical_upgrades.push_back({name, v.version, v.developers});
    }
    overview.technologies.push_back(std::move(row));
  }
  if (counted > 0) overview.health_score = current / counted * 100.0;
  std::stable_sort(overview.critical_upgrades.begin(), overview.critical_upgrades.end(),
                   [](const CriticalUpgrade& a, const CriticalUpgrade& b) {
                     return a.developers_affected > b.developers_affected;
                   });
  if (overview.critical_upgrades.size() > 5) overview.critical_upgrades.resize(5);
  return overview;
}

// ---- JSON --------------------------------------------------------------------------------------

namespace {

void InstantOrNull(JsonWriter& w, std::string_view key, Instant t) {
  w.Key(key);
  if (t == kNoInstant) {
    w.Null();
  } else {
    w.String(FormatIsoInstant(t));
  }
}

}  // namespace

void WriteJson(JsonWriter& w, std::span<const TechnologyInUse> in_use, Instant as_of, const VersionTable& table) {
  w.BeginObject();
  InstantOrNull(w, "as_of", as_of);
  InstantOrNull(w, "table_dated", table.dated());
  w.Key("technologies").BeginArray();
  for (const TechnologyInUse& t : in_use) {
    w.BeginObject().Field("name", t.name).Field("category", t.category).Field("version", t.version);
    w.Field("status", VersionStatusName(t.assessment.status)).Field("latest", t.assessment.latest);
    InstantOrNull(w, "superseded_at", t.assessment.superseded);
    InstantOrNull(w, "end_of_life", t.assessment.end_of_life);
    w.Key("repositories").BeginArray();
    for (const std::string& r : t.repositories) w.String(r);
    w.EndArray().Key("manifests").BeginArray();
    for (const std::string& m : t.manifests) w.String(m);
    w.EndArray();
    InstantOrNull(w, "since", t.since);
    w.EndObject();
  }
  w.EndArray().EndObject();
}

void WriteJson(JsonWriter& w, const DeveloperTechnologyProfile& profile) {
  w.BeginObject().Key("technologies").BeginArray();
  for (const DeveloperTechnology& t : profile.technologies) {
    w.BeginObject().Field("name", t.name).Field("version", t.version).Field("category", t.category);
    w.Field("status", VersionStatusName(t.status)).Field("usage_count", t.usage_count);
    InstantOrNull(w, "last_seen", t.last_seen);
    w.EndObject();
  }
  w.EndArray().Key("adoption_score").Double(profile.adoption_score, 2);
  w.Key("upgrade_suggestions").BeginArray();
  for (const UpgradeSuggestion& s : profile.upgrade_suggestions) {
    w.BeginObject().Field("technology", s.technology).Field("current_version", s.current_version);
    w.Field("suggested_version", s.suggested_version).Field("priority", s.priority).Field("reason", s.reason);
    w.EndObject();
  }
  w.EndArray().EndObject();
}

void WriteJson(JsonWriter& w, const TeamTechnologyOverview& overview) {
  w.BeginObject().Key("technologies").BeginObject();
  for (const TeamTechnology& t : overview.technologies) {
    w.Key(t.name).BeginObject().Field("category", t.category).Key("versions_in_use").BeginObject();
    for (const TeamTechnologyVersion& v : t.versions) {
      w.Key(v.version).BeginObject().Field("count", v.developers).Field("status", VersionStatusName(v.status));
      w.EndObject();
    }
    w.EndObject().Field("developer_count", t.developer_count).EndObject();
  }
  w.EndObject().Key("team_health_score").Double(overview.health_score, 2);
  w.Key("critical_upgrades").BeginArray();
  for (const CriticalUpgrade& c : overview.critical_upgrades) {
    w.BeginObject().Field("technology", c.technology).Field("version", c.version);
    w.Field("developers_affected", c.developers_affected).EndObject();
  }
  w.EndArray().EndObject();
}

}  // namespace loupe::intelligence
