#include "loupe/metrics/rollups/bus_factor.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "loupe/metrics/rollups/commit_rows.h"

namespace loupe::metrics {

Result<std::vector<RepoBusFactor>> ComputeBusFactor(const MetricContext& ctx, const model::Workspace& ws,
                                                    std::span<const uint32_t> developers, const Window& window,
                                                    double threshold) {
  if (!(threshold >= kMinBusFactorThreshold && threshold <= kMaxBusFactorThreshold)) {
    char message[96];
    std::snprintf(message, sizeof message, "the bus factor threshold must be between 0.5 and 1.0, got %g", threshold);
    return InvalidInput(message);
  }
  const store::CommitColumns& c = ctx.store.commits();
  std::map<uint32_t, RepoBusFactor> repos;  // by repository id
  std::vector<uint32_t> seen;
  for (uint32_t developer : developers) {
    if (std::find(seen.begin(), seen.end(), developer) != seen.end()) continue;
    seen.push_back(developer);
    for (uint32_t row : CountedCommits(ctx, developer, window)) {
      RepoBusFactor& repo = repos[c.repo[row]];
      ++repo.total_commits;
      auto& list = repo.top_contributors;
      if (list.empty() || list.back().developer != developer) list.push_back({developer, 0, 0});
      ++list.back().commits;
    }
  }
  std::vector<RepoBusFactor> out;
  for (auto& [id, repo] : repos) {
    repo.repo = id;
    repo.repository = ws.repositories()[id].full_name;
    auto& list = repo.top_contributors;
    // Stable: equal counts keep the order the developers were given in.
    std::stable_sort(list.begin(), list.end(),
                     [](const RepoContributor& a, const RepoContributor& b) { return a.commits > b.commits; });
    int64_t cumulative = 0;
    size_t taken = 0;
    while (taken < list.size()) {
      list[taken].share = static_cast<double>(list[taken].commits) / static_cast<double>(repo.total_commits);
      cumulative += list[taken].commits;
      ++taken;
      if (static_cast<double>(cumulative) / static_cast<double>(repo.total_commits) >= threshold) break;
    }
    list.resize(taken);
    repo.bus_factor = static_cast<int64_t>(taken);
    out.push_back(std::move(repo));
  }
  std::sort(out.begin(), out.end(), [](const RepoBusFactor& a, const RepoBusFactor& b) { return a.repository < b.repository; });
  return out;
}

void WriteJson(JsonWriter& w, std::span<const RepoBusFactor> repos, const identity::Resolution& resolution) {
  w.BeginObject();
  for (const RepoBusFactor& repo : repos) {
    w.Key(repo.repository).BeginObject().Field("bus_factor", repo.bus_factor);
    w.Key("top_contributors").BeginArray();
    for (const RepoContributor& c : repo.top_contributors) {
      w.BeginObject().Field("developer_id", static_cast<int64_t>(resolution.developers()[c.developer].id));
      w.Field("commits", c.commits);
      w.Key("share").Double(c.share, 3);
      w.EndObject();
    }
    w.EndArray();
    w.Field("total_commits", repo.total_commits).EndObject();
  }
  w.EndObject();
}

}  // namespace loupe::metrics
