// loupe/intelligence/settings.h — the analyzers' thresholds a workspace may change
// (docs/intelligence.md, "Settings"): one value object, stored with the workspace.
#pragma once
#include "loupe/core/json_writer.h"
#include "loupe/intelligence/burnout.h"
#include "loupe/intelligence/collaboration_network.h"
#include "loupe/intelligence/expertise.h"
#include "loupe/intelligence/technology.h"

namespace loupe::intelligence {

struct IntelligenceSettings {
  ExpertiseSettings expertise;
  BurnoutSettings burnout;
  CollaborationSettings collaboration;
  TechnologySettings technology;
};

//! {expertiseHalfLifeDays, burnoutHighActivityCommits, burnoutMinBreakDays,
//! burnoutBreakLookbackDays, burnoutMinReviewsForTrend, collaborationRecencyHorizonDays,
//! technologyCurrentDays, technologyRecentDays}: what `intelligence.settings` returns and
//! `intelligence.setSettings` takes (and how the workspace stores them).
void WriteJson(JsonWriter& w, const IntelligenceSettings& settings);

}  // namespace loupe::intelligence
