#include "loupe/intelligence/collaboration_network.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace loupe::intelligence {

double CollaborationStrength(int64_t interactions, int64_t co_authors, int64_t shared_files, double days_since_last,
                             const CollaborationSettings& settings) {
  const double base = std::min(1.0, std::log10(static_cast<double>(interactions) + 1) / 2);
  const double co_author_boost = std::min(0.2, 0.05 * static_cast<double>(co_authors));
  const double shared_boost = std::min(0.1, 0.01 * static_cast<double>(shared_files));
  const double recency =
      std::max(settings.recency_floor, 1.0 - std::max(0.0, days_since_last) / settings.recency_horizon_days);
  return std::min(1.0, (base + co_author_boost + shared_boost) * recency);
}

namespace {

uint64_t PairKey(uint32_t x, uint32_t y) {
  if (x > y) std::swap(x, y);
  return (uint64_t{x} << 32) | y;
}

}  // namespace

CollaborationNetwork BuildCollaborationNetwork(const model::Workspace& ws, const store::ActivityStore& store,
                                               const identity::Resolution& resolution,
                                               std::span<const uint32_t> population, const Window& window,
                                               const CollaborationSettings& settings) {
  CollaborationNetwork net;
  std::unordered_map<uint32_t, uint32_t> node_of;  // developer -> index in net.nodes
  for (uint32_t dev : population) {
    if (dev >= resolution.developers().size() || node_of.count(dev)) continue;
    if (!settings.include_bots && resolution.developers()[dev].is_bot) continue;
    node_of.emplace(dev, static_cast<uint32_t>(net.nodes.size()));
    net.nodes.push_back({dev});
  }
  const auto member = [&](uint32_t dev) { return dev != model::kNoId && node_of.count(dev) > 0; };
  std::map<uint64_t, CollaborationEdge> edges;  // ordered: deterministic output
  const auto edge = [&](uint32_t x, uint32_t y, Instant t) -> CollaborationEdge& {
    CollaborationEdge& e = edges[PairKey(x, y)];
    e.a = std::min(x, y);
    e.b = std::max(x, y);
    e.last_interaction = e.last_interaction == kNoInstant ? t : std::max(e.last_interaction, t);
    return e;
  };

  // Reviews: one member on another's pull request.
  const store::ReviewColumns& r = store.reviews();
  const store::PullRequestColumns& p = store.pull_requests();
  for (const CollaborationNode& n : net.nodes) {
    for (uint32_t row : store.ReviewsBy(n.developer)) {
      const Instant t = r.submitted[row];
      if (t == kNoInstant || !window.Contains(t) || r.self[row]) continue;
      if (r.state[row] == static_cast<uint8_t>(model::ReviewState::kPending)) continue;
      const uint32_t pr = r.pull_request[row];
      if (pr == model::kNoId || !member(p.author[pr]) || p.author[pr] == n.developer) continue;
      ++edge(n.developer, p.author[pr], t).review_count;
    }
  }

  // Co-authored commits and shared files, from the members' commits in the window.
  const store::CommitColumns& c = store.commits();
  struct Touch {
    uint32_t developer;
    Instant last;
  };
  std::map<std::pair<uint32_t, std::string_view>, std::vector<Touch>> touches;  // (repo, path)
  for (const CollaborationNode& n : net.nodes) {
    for (uint32_t row : store.CommitsOf(n.developer)) {
      const Instant t = c.time[row];
      if (t < window.start) continue;
      if (t >= window.end) break;
      if (c.flags[row] & store::kCommitMerge) continue;
      for (uint32_t k = c.co_author_begin[row]; k < c.co_author_begin[row + 1]; ++k) {
        const uint32_t co = c.co_author_devs[k];
        if (member(co) && co != n.developer) ++edge(n.developer, co, t).co_author_count;
      }
      const model::Commit& commit = ws.commits()[c.source[row]];
      for (const model::FileChange& f : commit.files) {
        std::vector<Touch>& list = touches[{c.repo[row], f.path}];
        if (!list.empty() && list.back().developer == n.developer) {
          list.back().last = std::max(list.back().last, t);
        } else {
          list.push_back({n.developer, t});
        }
      }
    }
  }
  for (const auto& [file, list] : touches) {
    for (size_t i = 0; i < list.size(); ++i) {
      for (size_t j = i + 1; j < list.size(); ++j) {
        ++edge(list[i].developer, list[j].developer, std::min(list[i].last, list[j].last)).shared_files_count;
      }
    }
  }

  for (auto& [key, e] : edges) {
    e.interaction_count = e.review_count + e.co_author_count;
    const double days = static_cast<double>(window.end - e.last_interaction) / kSecondsPerDay;
    e.strength = CollaborationStrength(e.interaction_count, e.co_author_count, e.shared_files_count, days, settings);
    for (uint32_t dev : {e.a, e.b}) {
      CollaborationNode& node = net.nodes[node_of[dev]];
      ++node.degree;
      node.interactions += e.interaction_count;
      node.weighted_degree += e.strength;
    }
    net.edges.push_back(e);
  }
  std::stable_sort(net.edges.begin(), net.edges.end(),
                   [](const CollaborationEdge& x, const CollaborationEdge& y) { return x.strength > y.strength; });
  const double n = static_cast<double>(net.nodes.size());
  const double possible = net.nodes.size() <= 1 ? 1.0 : n * (n - 1) / 2;
  net.density = static_cast<double>(net.edges.size()) / possible;
  return net;
}

void WriteJson(JsonWriter& w, const CollaborationNetwork& network, const identity::Resolution& resolution) {
  const auto& devs = resolution.developers();
  w.BeginObject().Key("nodes").BeginArray();
  for (const CollaborationNode& n : network.nodes) {
    w.BeginObject().Field("developer_id", static_cast<int64_t>(devs[n.developer].id)).Field("name", devs[n.developer].name);
    w.Field("degree", n.degree).Field("interactions", n.interactions);
    w.Key("weighted_degree").Double(n.weighted_degree, 2);
    w.EndObject();
  }
  w.EndArray().Key("edges").BeginArray();
  for (const CollaborationEdge& e : network.edges) {
    w.BeginObject().Field("developer_a_id", static_cast<int64_t>(devs[e.a].id));
    w.Field("developer_b_id", static_cast<int64_t>(devs[e.b].id));
    w.Field("developer_a_name", devs[e.a].name).Field("developer_b_name", devs[e.b].name);
    w.Field("interaction_count", e.interaction_count).Field("review_count", e.review_count);
    w.Field("co_author_count", e.co_author_count).Field("shared_files_count", e.shared_files_count);
    w.Key("strength_score").Double(e.strength, 2);
    w.Key("weight").Double(std::min(1.0, static_cast<double>(e.interaction_count) / 10), 2);
    w.Key("interaction_types").BeginArray();
    if (e.review_count > 0) w.String("reviewed");
    if (e.co_author_count > 0) w.String("co_authored");
    if (e.shared_files_count > 0) w.String("shared_files");
    w.EndArray();
    w.Key("last_interaction_at");
    if (e.last_interaction == kNoInstant) {
      w.Null();
    } else {
      w.String(FormatIsoInstant(e.last_interaction));
    }
    w.EndObject();
  }
  w.EndArray().Key("density").Double(network.density, 3);
  w.EndObject();
}

void WriteAnalyticsJson(JsonWriter& w, const CollaborationNetwork& network, const identity::Resolution& resolution) {
  const auto& devs = resolution.developers();
  w.BeginObject().Key("nodes").BeginArray();
  for (const CollaborationNode& n : network.nodes) {
    w.BeginObject().Field("id", static_cast<int64_t>(devs[n.developer].id)).Field("name", devs[n.developer].name);
    w.Field("degree", n.interactions).EndObject();
  }
  w.EndArray().Key("edges").BeginArray();
  for (const CollaborationEdge& e : network.edges) {
    const int64_t a = devs[e.a].id, b = devs[e.b].id;
    w.BeginObject().Field("source_id", std::min(a, b)).Field("target_id", std::max(a, b));
    w.Key("weight").Double(std::min(1.0, static_cast<double>(e.interaction_count) / 10), 2);
    w.Field("interactions", e.interaction_count);
    w.Key("strength").Double(e.strength, 2);
    w.EndObject();
  }
  w.EndArray().Key("density").Double(network.density, 3);
  w.EndObject();
}

}  // namespace loupe::intelligence
