// loupe/metrics/developer_summary.h — what each developer did, in one row (the CLI's table).
#pragma once
#include <cstdint>
#include <vector>

#include "loupe/core/json_writer.h"
#include "loupe/core/time.h"
#include "loupe/identity/resolver.h"
#include "loupe/store/activity_store.h"

namespace loupe::metrics {

//! Counts for one developer over the whole workspace.
struct DeveloperSummary {
  uint32_t developer = 0;       //!< index into Resolution::developers()
  int64_t commits = 0;          //!< authored, merges included (git exports have none)
  int64_t co_authored = 0;      //!< commits of others that name this developer as co-author
  int64_t lines_added = 0;      //!< over commits with known stats
  int64_t lines_removed = 0;
  int64_t prs_opened = 0;
  int64_t prs_merged = 0;
  int64_t reviews = 0;          //!< reviews submitted (pending ones excluded)
  int64_t comments = 0;         //!< inline and conversation comments written
  int64_t repositories = 0;     //!< distinct repositories committed to
  int64_t active_days = 0;      //!< distinct local dates (author's own offset) with a commit
  Instant first_activity = kNoInstant;
  Instant last_activity = kNoInstant;
};

//! One row per developer with any activity, most commits first (ties: more PRs, then lower id).
std::vector<DeveloperSummary> SummarizeDevelopers(const store::ActivityStore& store);

//! One row as the JSON object `loupe developers --json` prints (and the JS API will return):
//! id, name, email, login, is_bot, identities (refs), then every count, then the activity span.
void WriteDeveloperSummaryJson(JsonWriter& w, const DeveloperSummary& row,
                               const identity::Developer& developer, const model::Workspace& ws);

}  // namespace loupe::metrics
