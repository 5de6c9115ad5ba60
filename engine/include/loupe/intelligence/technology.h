// loupe/intelligence/technology.h — which technology versions the repositories' dependency
// manifests declare, and how current each was at a given instant (aexy §3.7, with §9.3 item 7
// fixed: a version newer than the table is current, and the table is dated).
#pragma once
#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/core/json_writer.h"
#include "loupe/core/status.h"
#include "loupe/core/time.h"
#include "loupe/identity/resolver.h"
#include "loupe/model/workspace.h"

namespace loupe::intelligence {

//! A numeric version: "18.2.0" -> {18, 2, 0}; missing parts compare as 0.
struct Version {
  int64_t parts[3] = {0, 0, 0};
  int count = 0;  //!< how many parts the text gave (0: no version)
  friend auto operator<=>(const Version& a, const Version& b) {
    for (int i = 0; i < 3; ++i) {
      if (a.parts[i] != b.parts[i]) return a.parts[i] <=> b.parts[i];
    }
    return std::strong_ordering::equal;
  }
  friend bool operator==(const Version& a, const Version& b) { return (a <=> b) == 0; }
  std::string ToString() const;  //!< the given parts: "18.2", "1.21.3"
};

//! The version a requirement names: its first number run ("^18.2.0" -> 18.2.0, ">=3.9,<4" -> 3.9,
//! "~> 1.2" -> 1.2, "v1.9.1" -> 1.9.1, "18.x" -> 18, "[1.2,2.0)" -> 1.2); count 0 when it names
//! none ("*", "latest", "workspace:*", a git URL).
Version VersionFromSpec(std::string_view spec);

enum class VersionStatus : uint8_t {
  kCurrent,     //!< the newest release line, or superseded less than current_days ago
  kRecent,      //!< superseded less than recent_days ago, or still inside its announced support
  kOutdated,    //!< superseded longer ago than recent_days, without announced support
  kDeprecated,  //!< its line's announced end of life has passed
};
std::string_view VersionStatusName(VersionStatus status);

//! The thresholds of VersionStatus (InsightSettings-like, with these defaults).
struct TechnologySettings {
  int64_t current_days = 365;
  int64_t recent_days = 3 * 365;
};

//! One release line of a technology: `version` and everything after it up to the next line.
struct ReleaseLine {
  Version version;
  Instant released = kNoInstant;
  Instant end_of_life = kNoInstant;  //!< kNoInstant: none announced
};

struct Technology {
  std::string name;      //!< "react", "python", "spring-boot"
  std::string category;  //!< language, runtime, frontend, backend, build, library, data, database
  //! Manifest entries that mean it: "npm:react-dom", "maven:org.springframework.boot:*".
  std::vector<std::string> packages;
  std::vector<ReleaseLine> lines;  //!< ascending by version
};

//! The dated version table (docs/technology.md). The built-in one is engine/data/technologies.tsv.
class VersionTable {
 public:
  //! The table compiled into the engine.
  static const VersionTable& BuiltIn();
  //! Reads the table format; errors name the line.
  static Result<VersionTable> Parse(std::string_view tsv);

  const std::vector<Technology>& technologies() const { return technologies_; }
  //! The technology a manifest entry means, or nullptr. `ecosystem` is npm, cargo, go, pypi,
  //! maven, swift or toolchain.
  const Technology* Match(std::string_view ecosystem, std::string_view package) const;
  //! The newest release date in the table: what "newer than the table" is measured against.
  Instant dated() const { return dated_; }

 private:
  std::vector<Technology> technologies_;
  Instant dated_ = kNoInstant;
};

//! How a version stood at `as_of`, from the lines released by then.
struct VersionAssessment {
  VersionStatus status = VersionStatus::kCurrent;
  std::string latest;                //!< the newest line released by as_of ("19.0")
  Instant superseded = kNoInstant;   //!< when the next line after this version's came out
  Instant end_of_life = kNoInstant;  //!< of this version's line, if announced
};

//! Rules, in order: no line released by `as_of` is newer than the version's line (so a version
//! newer than every line the table knows is never outdated) -> current; its line's end of life <= as_of ->
//! deprecated; a version older than every line -> outdated; superseded less than current_days
//! before as_of -> current; less than recent_days, or its end of life is announced and still
//! ahead -> recent; else outdated.
VersionAssessment AssessVersion(const Technology& technology, const Version& version, Instant as_of,
                                const TechnologySettings& settings);

//! A technology declared in one manifest snapshot.
struct TechnologyUse {
  const Technology* technology = nullptr;
  std::string package;  //!< the entry as the manifest names it
  std::string spec;     //!< its requirement as written
  Version version;      //!< VersionFromSpec(spec); entries without a version are left out
};

//! The tracked technologies a manifest declares (one use per technology: the first entry).
//! InvalidInput when the content does not parse as its kind.
Result<std::vector<TechnologyUse>> TechnologiesIn(const VersionTable& table, const model::ManifestSnapshot& manifest);

//! One technology version in use, as of an instant.
struct TechnologyInUse {
  std::string name;
  std::string category;
  std::string version;  //!< as Version::ToString()
  VersionAssessment assessment;
  std::vector<std::string> repositories;  //!< full names, sorted
  std::vector<std::string> manifests;     //!< "repo:path", sorted
  Instant since = kNoInstant;             //!< earliest snapshot declaring it that is still in effect
};

//! What the repositories' manifests declared at `as_of`: for each (repository, path) its latest
//! snapshot at or before `as_of` (a deleted manifest declares nothing), then per technology and
//! version. Sorted by name, then version descending. `unreadable` (optional) counts snapshots in
//! effect that did not parse.
std::vector<TechnologyInUse> TechnologiesAt(const model::Workspace& ws, const VersionTable& table, Instant as_of,
                                            const TechnologySettings& settings, int64_t* unreadable = nullptr);

//! A developer's technologies (the seed's profile): those declared by the manifest snapshots of
//! commits the developer authored, by name:version, rated at `as_of`.
struct DeveloperTechnology {
  std::string name;
  std::string category;
  std::string version;
  VersionStatus status = VersionStatus::kCurrent;
  int64_t usage_count = 0;  //!< manifest snapshots of the developer's commits declaring it
  Instant last_seen = kNoInstant;
};
struct UpgradeSuggestion {
  std::string technology;
  std::string current_version;
  std::string suggested_version;  //!< the newest line at as_of
  std::string priority;           //!< "high" (deprecated) or "medium" (outdated)
  std::string reason;
};
struct DeveloperTechnologyProfile {
  std::vector<DeveloperTechnology> technologies;  //!< by name, then version descending
  //! (current + 0.5 * recent) / total; 0.5 when there are none (the seed's convention).
  double adoption_score = 0.5;
  std::vector<UpgradeSuggestion> upgrade_suggestions;  //!< deprecated first, at most 10
};
DeveloperTechnologyProfile ProfileDeveloperTechnologies(const model::Workspace& ws,
                                                        const identity::Resolution& resolution, uint32_t developer,
                                                        const VersionTable& table, Instant as_of,
                                                        const TechnologySettings& settings);

//! A team's technologies: per technology the versions its members' profiles hold.
struct TeamTechnologyVersion {
  std::string version;
  int64_t developers = 0;
  VersionStatus status = VersionStatus::kCurrent;
};
struct TeamTechnology {
  std::string name;
  std::string category;
  std::vector<TeamTechnologyVersion> versions;  //!< version descending
  int64_t developer_count = 0;                  //!< distinct members using any version
};
struct CriticalUpgrade {
  std::string technology;
  std::string version;
  int64_t developers_affected = 0;
};
struct TeamTechnologyOverview {
  std::vector<TeamTechnology> technologies;  //!< by name
  //! current / (current + outdated + deprecated) * 100 over member-versions (recent ones are
  //! neither good nor bad); 50 when there are none.
  double health_score = 50;
  //! Deprecated versions by members affected, descending (ties by name), at most 5.
  std::vector<CriticalUpgrade> critical_upgrades;
};
TeamTechnologyOverview TeamTechnologies(const model::Workspace& ws, const identity::Resolution& resolution,
                                        std::span<const uint32_t> members, const VersionTable& table, Instant as_of,
                                        const TechnologySettings& settings);

//! {as_of, table_dated, technologies[{name, category, version, status, latest, superseded_at,
//! end_of_life, repositories, manifests, since}]}.
void WriteJson(JsonWriter& w, std::span<const TechnologyInUse> in_use, Instant as_of, const VersionTable& table);
//! The seed's profile: {technologies[{name, version, category, status, usage_count, last_seen}],
//! adoption_score (2 dp), upgrade_suggestions[{technology, current_version, suggested_version,
//! priority, reason}]}.
void WriteJson(JsonWriter& w, const DeveloperTechnologyProfile& profile);
//! The seed's team overview: {technologies{name: {category, versions_in_use{version: {count,
//! status}}, developer_count}}, team_health_score (2 dp), critical_upgrades[{technology, version,
//! developers_affected}]}.
void WriteJson(JsonWriter& w, const TeamTechnologyOverview& overview);

}  // namespace loupe::intelligence
