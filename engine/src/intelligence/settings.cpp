#include "loupe/intelligence/settings.h"

namespace loupe::intelligence {

void WriteJson(JsonWriter& w, const IntelligenceSettings& s) {
  w.BeginObject();
  w.Field("expertiseHalfLifeDays", s.expertise.recency_half_life_days);
  w.Field("burnoutHighActivityCommits", s.burnout.high_activity_commits);
  w.Field("burnoutMinBreakDays", s.burnout.min_break_days);
  w.Field("burnoutBreakLookbackDays", s.burnout.break_lookback_days);
  w.Field("burnoutMinReviewsForTrend", s.burnout.min_reviews_for_trend);
  w.Field("collaborationRecencyHorizonDays", s.collaboration.recency_horizon_days);
  w.Field("technologyCurrentDays", s.technology.current_days);
  w.Field("technologyRecentDays", s.technology.recent_days);
  w.EndObject();
}

}  // namespace loupe::intelligence
