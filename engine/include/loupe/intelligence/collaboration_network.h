// loupe/intelligence/collaboration_network.h — who works with whom: reviews, co-authored commits
// and files edited by both, as a weighted undirected graph (aexy §3.5 and the analytics network
// of §4.9, with §9.3 item 12 fixed: co-authorship is counted and strengthens the edge).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "loupe/core/json_writer.h"
#include "loupe/core/period.h"
#include "loupe/identity/resolver.h"
#include "loupe/model/workspace.h"
#include "loupe/store/activity_store.h"

namespace loupe::intelligence {

struct CollaborationSettings {
  bool include_bots = false;        //!< bots in the population are left out unless this is set
  double recency_horizon_days = 365;  //!< recency = max(recency_floor, 1 − days/horizon)
  double recency_floor = 0.5;
};

//! One pair of developers (a < b, developer indexes) and what they did together in the window.
struct CollaborationEdge {
  uint32_t a = 0, b = 0;
  int64_t review_count = 0;        //!< reviews either gave on the other's pull requests
  int64_t co_author_count = 0;     //!< commits one authored with the other as co-author
  int64_t shared_files_count = 0;  //!< files (repository + path) both changed
  int64_t interaction_count = 0;   //!< review_count + co_author_count
  Instant last_interaction = kNoInstant;
  double strength = 0;  //!< 0–1, see CollaborationStrength
};

struct CollaborationNode {
  uint32_t developer = 0;
  int64_t degree = 0;           //!< edges
  int64_t interactions = 0;     //!< Σ interaction_count of its edges (the analytics "degree")
  double weighted_degree = 0;   //!< Σ strength of its edges
};

struct CollaborationNetwork {
  std::vector<CollaborationNode> nodes;  //!< the population, in its order
  std::vector<CollaborationEdge> edges;  //!< by strength descending, then (a, b)
  //! edges / (n · (n − 1) / 2); the denominator is 1 when n <= 1.
  double density = 0;
};

//! strength = min(1, (min(1, log10(interactions + 1) / 2) + min(0.2, 0.05 · co_authors)
//!            + min(0.1, 0.01 · shared_files)) · recency), recency = max(floor, 1 − days since
//! the last interaction / horizon).
double CollaborationStrength(int64_t interactions, int64_t co_authors, int64_t shared_files, double days_since_last,
                             const CollaborationSettings& settings);

//! The network of `population` (developer indexes; duplicates ignored) over [window.start,
//! window.end): reviews submitted in the window by one member on another's pull request (self-
//! reviews and pending reviews never count); non-merge commits authored in the window by one
//! member naming another as co-author; files changed by two members' non-merge commits in the
//! window (a shared file's interaction instant is the earlier of the two last edits). Recency is
//! measured to window.end.
CollaborationNetwork BuildCollaborationNetwork(const model::Workspace& ws, const store::ActivityStore& store,
                                               const identity::Resolution& resolution,
                                               std::span<const uint32_t> population, const Window& window,
                                               const CollaborationSettings& settings);

//! {nodes[{developer_id, name, degree, interactions, weighted_degree (2 dp)}], edges[{
//! developer_a_id, developer_b_id, developer_a_name, developer_b_name, interaction_count,
//! review_count, co_author_count, shared_files_count, strength_score (2 dp), weight (min(1,
//! interactions / 10), 2 dp), interaction_types, last_interaction_at}], density (3 dp)}.
void WriteJson(JsonWriter& w, const CollaborationNetwork& network, const identity::Resolution& resolution);
//! The analytics dashboard's shape (aexy §4.9): {nodes[{id, name, degree (Σ interactions)}],
//! edges[{source_id, target_id (the smaller id first), weight (min(1, interactions / 10), 2 dp),
//! interactions, strength (2 dp)}], density (3 dp)}.
void WriteAnalyticsJson(JsonWriter& w, const CollaborationNetwork& network, const identity::Resolution& resolution);

}  // namespace loupe::intelligence
