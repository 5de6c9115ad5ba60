// loupe/api/explain.h — `insights.explain` and `insights.catalog`: what one figure of the insights
// JSON means (loupe/metrics/catalog.h), with the concrete window and population of a call.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/api/json.h"
#include "loupe/metrics/catalog.h"

namespace loupe::api {

//! What the caller asked to have explained, and for whom.
struct ExplainRequest {
  std::string metric;     //!< "key" or "category.key"
  std::string developer;  //!< "" = none (the population is the team or the workspace)
  std::string team;       //!< "" = every developer
};

//! A count of the concrete population ("commits", 12) or of what it left out ("merge commits", 2).
struct PopulationCount {
  std::string what;
  int64_t count = 0;
};

struct Explanation {
  const metrics::CatalogEntry* entry = nullptr;
  InsightsScope scope;
  std::string zone;                         //!< the zone periods were cut in ("UTC", "Europe/Berlin")
  std::optional<uint32_t> developer;        //!< index into Resolution::developers()
  std::string team;                         //!< the team's stored name, "" = every developer
  int64_t developers = 0;                   //!< developers the figure covers
  std::vector<PopulationCount> counted;     //!< the concrete items in the window
  std::vector<PopulationCount> excluded;    //!< what the profile left out, with counts
};

//! Looks the metric up and counts its population. InvalidInput for an unknown metric (naming
//! close matches) or for both a developer and a team; NotFound for an unknown developer or team.
Result<Explanation> ExplainMetric(Session& session, const ExplainRequest& request, const InsightsScope& scope);

//! {key, category, label, unit, better, subject, definition, window{rule, from, to, zone, bounds,
//! period_type}, population{rule, developers, developer?{id, name}, team?, counted?[{what, count}],
//! excluded?[{what, count}]}, exclusions[], profile, differs_in_other_profile, other_profile?}
void WriteJson(JsonWriter& w, Session& session, const Explanation& explanation);

//! {profile, entries[{key, category, label, unit, better, subject, definition, window, population,
//! exclusions[], loupe_only, differs_in_other_profile, other_profile?}]} for a profile.
void WriteCatalogJson(JsonWriter& w, metrics::MetricProfile profile);

//! What an error says after "unknown metric": the quoted name and the closest catalog names.
std::string UnknownMetricMessage(std::string_view metric);

}  // namespace loupe::api
