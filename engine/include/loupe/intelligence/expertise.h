// loupe/intelligence/expertise.h — what a developer knows, with how sure we are (aexy §3.3, with
// §9.3 item 6 fixed: proficiency is calibrated so that steady work reaches "expert", and the
// "learning" context exists).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/core/json_writer.h"
#include "loupe/core/period.h"
#include "loupe/intelligence/technology.h"
#include "loupe/model/workspace.h"
#include "loupe/store/activity_store.h"

namespace loupe::intelligence {

//! The programming language of a file by its extension ("Rust" for src/lib.rs), or "" for
//! anything that is not code (docs, data, configuration, lockfiles).
std::string_view LanguageOfPath(std::string_view path);

//! Calibration of the scores; the defaults are documented in docs/expertise.md.
struct ExpertiseSettings {
  double recency_half_life_days = 180;  //!< recency_factor halves every this many days
  double recency_floor = 0.1;
  //! Proficiency reaches its maximum for these amounts in the window.
  int64_t full_commits = 500;
  int64_t full_lines = 50'000;
  int64_t full_active_months = 18;  //!< distinct calendar months with work in the skill
  //! Confidence reaches 1 for these amounts.
  int64_t confident_commits = 100;
  int64_t confident_lines = 10'000;
  int64_t confident_active_months = 12;
};

enum class SkillKind : uint8_t { kLanguage, kFramework };
std::string_view SkillKindName(SkillKind kind);

//! One skill of one developer over a window.
struct Skill {
  std::string name;  //!< "Rust", "Go"; frameworks by their technology name ("react")
  SkillKind kind = SkillKind::kLanguage;
  int64_t commit_count = 0;   //!< the developer's commits touching files of the skill
  int64_t lines_of_code = 0;  //!< lines added to those files
  int64_t active_months = 0;  //!< distinct UTC calendar months of those commits
  int64_t repositories = 0;
  Instant last_activity = kNoInstant;
  double proficiency = 0;     //!< 0–100
  double confidence = 0;      //!< 0–1
  double recency_factor = 0;  //!< 0.1–1
  std::string depth;          //!< expert (>= 80), advanced (>= 60), intermediate (>= 40), novice
  std::string context;        //!< production, personal, learning or unknown
};

struct ExpertiseProfile {
  uint32_t developer = 0;
  std::vector<Skill> skills;  //!< by proficiency × confidence, descending (ties: by name)
  double overall_confidence = 0;  //!< mean skill confidence; 0 without skills
};

//! proficiency = 100 · (0.35 · commits + 0.25 · lines + 0.40 · months), each part
//! min(1, log10(x + 1) / log10(full + 1)) for commits and lines and min(1, months / full) for
//! active months.
double Proficiency(int64_t commits, int64_t lines, int64_t active_months, const ExpertiseSettings& settings);
//! confidence = 0.4 · min(1, commits / c) + 0.3 · min(1, months / m) + 0.3 · min(1, lines / l).
double Confidence(int64_t commits, int64_t lines, int64_t active_months, const ExpertiseSettings& settings);
//! max(floor, 2^(−days / half_life)).
double RecencyFactor(double days_since_last, const ExpertiseSettings& settings);
std::string_view DepthOf(double proficiency);
//! From the repositories' names (docs/expertise.md): production, personal, learning or unknown.
std::string ContextOf(std::span<const std::string> repository_names);

//! The frameworks each manifest directory declares, from the manifests in effect at an instant
//! (the latest snapshot of each repository and path before it): built once, shared by every
//! developer's analysis over windows that end at that instant.
class FrameworkScopes {
 public:
  static FrameworkScopes Build(const model::Workspace& ws, Instant before, const VersionTable& table);
  //! Calls visit(framework name) for each framework governing `path` in `repo` (a manifest
  //! governs the files under its directory).
  template <typename Visit>
  void ForPath(model::RepoId repo, std::string_view path, Visit visit) const {
    for (const Scope& s : scopes_) {
      if (s.repo == repo && path.starts_with(s.dir)) {
        for (const std::string& f : s.frameworks) visit(std::string_view(f));
      }
    }
  }
  bool empty() const { return scopes_.empty(); }

 private:
  struct Scope {
    model::RepoId repo;
    std::string dir;  //!< "" for the repository root, else "web/"
    std::vector<std::string> frameworks;
  };
  std::vector<Scope> scopes_;
};

//! A developer's skills from their non-merge commits authored in [window.start, window.end):
//! languages from the paths of the files each commit changed (commits without a file list give
//! none), frameworks from the manifests in effect at window.end whose directory holds a changed
//! file. Recency is measured to window.end.
ExpertiseProfile AnalyzeExpertise(const model::Workspace& ws, const store::ActivityStore& store, uint32_t developer,
                                  const Window& window, const ExpertiseSettings& settings,
                                  const VersionTable& table = VersionTable::BuiltIn());
//! The same with the scopes built once (FrameworkScopes::Build(ws, window.end, table)).
ExpertiseProfile AnalyzeExpertise(const model::Workspace& ws, const store::ActivityStore& store, uint32_t developer,
                                  const Window& window, const ExpertiseSettings& settings,
                                  const FrameworkScopes& scopes);

//! One developer's standing in one skill, for team comparisons.
struct SkillStanding {
  uint32_t developer = 0;
  double proficiency = 0, confidence = 0, recency_factor = 0;
  double effective_level = 0;  //!< proficiency × confidence × recency_factor
};
//! The developers whose profile has `skill` (name matched case-insensitively), by effective
//! level descending (ties: profile order).
std::vector<SkillStanding> CompareSkill(std::span<const ExpertiseProfile> profiles, std::string_view skill);

//! The seed's stored form: {skills[{name, kind, proficiency (1 dp), confidence (2 dp),
//! recency_factor (2 dp), depth, context, commit_count, lines_of_code, active_months,
//! repositories, last_activity_at}], overall_confidence (2 dp)}.
void WriteJson(JsonWriter& w, const ExpertiseProfile& profile);
//! {skill, developers[{developer_id, proficiency, confidence, recency_factor, effective_level
//! (1 dp)}]}.
void WriteJson(JsonWriter& w, std::string_view skill, std::span<const SkillStanding> standings,
               const identity::Resolution& resolution);

}  // namespace loupe::intelligence
