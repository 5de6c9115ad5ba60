// loupe/metrics/catalog.h — what every number of the insights JSON means: label, unit, definition,
// window, population and exclusions, per metric profile. It transcribes docs/metrics.md (which
// stays the reference) so that a UI can explain a figure without its own copy of the rules.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/metrics/profile.h"

namespace loupe::metrics {

enum class MetricUnit : uint8_t {
  kCount, kRatio, kHours, kDays, kLines, kScore, kPerDay, kPerWeek, kLoad, kPercentile, kRank, kWeight, kLabel,
};
enum class Better : uint8_t { kHigher, kLower, kNeither };

//! Which instants a figure's window selects; the explanation words it per profile (half-open vs
//! closed, author vs committer date).
enum class WindowAnchor : uint8_t {
  kCommit,           //!< the commit time of each commit
  kPrCreated,        //!< the creation of each pull request
  kPrMerged,         //!< the merge of each pull request
  kReviewSubmitted,  //!< the submission of each review
  kActivity,         //!< several: commits, merges and reviews, each by its own instant
  kSnapshots,        //!< stored snapshots of past periods, not the window
  kNone,             //!< a setting or a derived figure that reads no instant itself
};

//! Whose figures: the population an explanation counts.
enum class MetricSubject : uint8_t {
  kDeveloper,  //!< one developer (a category key, a raw count, a health or percentile figure)
  kGroup,      //!< a team, or every developer when no team is named (insights team)
  kWorkspace,  //!< the workspace rollup (insights workspace)
};

//! One number the insights JSON carries. Texts are for people; `aexy` is empty when aexy-compat
//! computes the figure as loupe does (the window rules of docs/metrics.md "Windows and time"
//! aside, which the explanation states from `anchor`).
struct CatalogEntry {
  std::string_view category;  //!< velocity … collaboration, raw_counts, health, percentile, …
  std::string_view key;       //!< the JSON key
  std::string_view label;     //!< short, for a UI
  MetricUnit unit;
  Better better;
  MetricSubject subject;
  WindowAnchor anchor;
  std::string_view definition;  //!< one or two sentences (loupe)
  std::string_view window;      //!< what must fall in the window, beyond the anchor's wording
  std::string_view population;  //!< which developers / PRs / reviews count (loupe)
  std::string_view exclusions;  //!< loupe's exclusions, separated by "; " ("" = none)
  std::string_view aexy;        //!< aexy-compat's definition where it differs ("" = the same)
  std::string_view aexy_population;  //!< aexy-compat's population ("" = the same)
  std::string_view aexy_exclusions;  //!< aexy-compat's exclusions, "; "-separated ("" = none)
  bool loupe_only = false;           //!< the JSON carries it only under the loupe profile
};

//! Every entry, grouped by category in JSON order.
std::span<const CatalogEntry> MetricCatalog();

//! "key" (the first entry with that key in catalog order: the category keys come first) or
//! "category.key"; nullptr when unknown.
const CatalogEntry* FindCatalogEntry(std::string_view name);

//! Up to `limit` "category.key" names closest to an unknown name (edit distance, shared prefix
//! or containment), closest first.
std::vector<std::string> CloseCatalogNames(std::string_view name, size_t limit = 5);

std::string_view MetricUnitName(MetricUnit unit);  //!< "count", "ratio", "hours", …
std::string_view BetterName(Better better);        //!< "higher", "lower", "neither"
std::string_view MetricSubjectName(MetricSubject subject);

//! Whether aexy-compat defines the figure differently (its own definition or population) or does
//! not report it: what docs/metrics.md lists in its aexy-compat columns.
bool DiffersBetweenProfiles(const CatalogEntry& entry);

//! The entry's texts under a profile.
std::string_view Definition(const CatalogEntry& entry, MetricProfile profile);
std::string_view Population(const CatalogEntry& entry, MetricProfile profile);
std::vector<std::string_view> Exclusions(const CatalogEntry& entry, MetricProfile profile);

//! The window rule under a profile: the anchor's instants and bounds, then the entry's window text.
std::string WindowRule(const CatalogEntry& entry, MetricProfile profile);

}  // namespace loupe::metrics
