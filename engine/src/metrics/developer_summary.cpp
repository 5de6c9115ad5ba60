#include "loupe/metrics/developer_summary.h"

#include <algorithm>
#include <unordered_set>

#include "loupe/model/pull_request.h"
#include "loupe/model/review.h"

namespace loupe::metrics {

std::vector<DeveloperSummary> SummarizeDevelopers(const store::ActivityStore& store) {
  std::vector<DeveloperSummary> rows(store.developer_count());
  for (uint32_t d = 0; d < rows.size(); ++d) rows[d].developer = d;
  auto touch = [&](uint32_t dev, Instant t) -> DeveloperSummary* {
    if (dev == model::kNoId) return nullptr;
    DeveloperSummary& s = rows[dev];
    if (t != kNoInstant) {
      if (s.first_activity == kNoInstant || t < s.first_activity) s.first_activity = t;
      if (s.last_activity == kNoInstant || t > s.last_activity) s.last_activity = t;
    }
    return &s;
  };

  const store::CommitColumns& c = store.commits();
  for (uint32_t dev = 0; dev < rows.size(); ++dev) {
    std::unordered_set<uint32_t> repos;
    std::unordered_set<int64_t> days;
    for (uint32_t row : store.CommitsOf(dev)) {
      DeveloperSummary& s = *touch(dev, c.time[row]);
      ++s.commits;
      s.lines_added += c.additions[row];
      s.lines_removed += c.deletions[row];
      repos.insert(c.repo[row]);
      days.insert(FloorDiv(c.time[row] + c.offset[row] * 60, kSecondsPerDay));
    }
    rows[dev].repositories = static_cast<int64_t>(repos.size());
    rows[dev].active_days = static_cast<int64_t>(days.size());
  }
  for (uint32_t row = 0; row < c.size(); ++row) {
    for (uint32_t k = c.co_author_begin[row]; k < c.co_author_begin[row + 1]; ++k) {
      if (DeveloperSummary* s = touch(c.co_author_devs[k], c.time[row])) ++s->co_authored;
    }
  }
  const store::PullRequestColumns& p = store.pull_requests();
  for (uint32_t row = 0; row < p.size(); ++row) {
    DeveloperSummary* s = touch(p.author[row], p.created[row]);
    if (s == nullptr) continue;
    ++s->prs_opened;
    if (p.state[row] == static_cast<uint8_t>(model::PrState::kMerged)) ++s->prs_merged;
  }
  const store::ReviewColumns& r = store.reviews();
  for (uint32_t row = 0; row < r.size(); ++row) {
    if (r.state[row] == static_cast<uint8_t>(model::ReviewState::kPending)) continue;
    if (DeveloperSummary* s = touch(r.reviewer[row], r.submitted[row])) ++s->reviews;
  }
  const store::CommentColumns& k = store.comments();
  for (uint32_t row = 0; row < k.size(); ++row) {
    if (DeveloperSummary* s = touch(k.author[row], k.created[row])) ++s->comments;
  }

  std::erase_if(rows, [](const DeveloperSummary& s) { return s.first_activity == kNoInstant; });
  std::sort(rows.begin(), rows.end(), [](const DeveloperSummary& a, const DeveloperSummary& b) {
    if (a.commits != b.commits) return a.commits > b.commits;
    if (a.prs_opened != b.prs_opened) return a.prs_opened > b.prs_opened;
    return a.developer < b.developer;
  });
  return rows;
}

void WriteDeveloperSummaryJson(JsonWriter& w, const DeveloperSummary& r, const identity::Developer& d,
                               const model::Workspace& ws) {
  w.BeginObject().Field("id", static_cast<int64_t>(d.id)).Field("name", d.name);
  w.Field("email", d.email).Field("login", d.login).Field("is_bot", d.is_bot);
  w.Key("identities").BeginArray();
  for (model::IdentityId id : d.identities) w.String(ws.identities()[id].Ref());
  w.EndArray();
  w.Field("commits", r.commits).Field("co_authored", r.co_authored);
  w.Field("lines_added", r.lines_added).Field("lines_removed", r.lines_removed);
  w.Field("prs_opened", r.prs_opened).Field("prs_merged", r.prs_merged);
  w.Field("reviews", r.reviews).Field("comments", r.comments);
  w.Field("repositories", r.repositories).Field("active_days", r.active_days);
  w.Field("first_activity", FormatIsoInstant(r.first_activity));
  w.Field("last_activity", FormatIsoInstant(r.last_activity));
  w.EndObject();
}

}  // namespace loupe::metrics
