// loupe/snapshots/generate.h — computing snapshots: which developers and periods, the values,
// the team totals, and which stored snapshots an import's changes make out of date.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "loupe/core/period.h"
#include "loupe/core/progress.h"
#include "loupe/core/status.h"
#include "loupe/metrics/context.h"
#include "loupe/model/workspace.h"
#include "loupe/snapshots/snapshot.h"

namespace loupe::snapshots {

//! The periods a generation covers: every period of `type` that intersects `range`, on UTC
//! boundaries (the seed's); for kCustom exactly `range`.
std::vector<Window> GenerationPeriods(PeriodType type, const Window& range);

//! Who a generation covers when nobody is named: the developers the bot rules do not mark who
//! authored a commit or a pull request or submitted a review in `range` (ascending indexes).
std::vector<uint32_t> ActiveDevelopers(const metrics::MetricContext& ctx, const Window& range);

//! Computes one snapshot per developer (index into the context's resolution) and period with
//! metrics::ComputeInsights, developer by developer. Reports progress ("compute", unit
//! "snapshots") every few hundred snapshots; a callback returning false cancels (kCancelled).
Result<std::vector<DeveloperSnapshot>> ComputeDeveloperSnapshots(
    const metrics::MetricContext& ctx, std::span<const uint32_t> developers, PeriodType type,
    std::span<const Window> periods, Instant now, const Versions& versions,
    const ProgressFn& progress = {});

//! A team snapshot from its members' developer snapshots of the same period: totals, averages
//! per member (total / members) and member_count = members.size().
TeamSnapshot AggregateTeam(std::string team, PeriodType type, const Window& period,
                           metrics::MetricProfile profile,
                           std::span<const DeveloperSnapshot* const> members, Instant now,
                           const Versions& versions);

//! A closed span of time an import changed something in.
struct TouchedSpan {
  Instant from = 0;
  Instant to = 0;          //!< inclusive
  bool aexy_only = false;  //!< only aexy-compat metrics read it
};

//! Where `changes` (planned against `before`) change what metrics read: a commit's author and
//! committer times (old and new), plus — for aexy-compat only — the 14 days after its committer
//! time that its first-commit-to-merge looks back over; a PR's created, merged and closed times
//! (old and new); a review's submission (old and new) and its PR's created and merged times; an
//! inline comment's review. Sorted by start.
std::vector<TouchedSpan> TouchedSpans(const model::Workspace& before, const model::ChangeSet& changes);

//! The stored snapshots whose period (closed for aexy-compat rows, half-open otherwise) meets a
//! touched span: every developer's, since one developer's data feeds others' metrics (reviews
//! received, collaborators, review eligibility), and the team rows of the same periods.
struct RecomputePlan {
  std::vector<DeveloperKey> developers;
  std::vector<TeamKey> teams;
  bool empty() const { return developers.empty() && teams.empty(); }
};
RecomputePlan PlanRecompute(const SnapshotBook& book, std::span<const TouchedSpan> touched);

}  // namespace loupe::snapshots
