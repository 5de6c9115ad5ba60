// Session: the dashboard preferences (declared in loupe/api/session.h).
#include <algorithm>

#include "loupe/api/session.h"
#include "loupe/core/strings.h"

namespace loupe::api {
namespace {

constexpr size_t kMaxUserBytes = 100;

Status CheckUser(std::string_view user) {
  if (user.empty() || user.size() > kMaxUserBytes || !IsValidUtf8(user)) {
    return InvalidInput("a dashboard user is 1-100 bytes of UTF-8, got " + QuoteForMessage(user));
  }
  return Status::Ok();
}

}  // namespace

Result<std::optional<dashboard::Preferences>> Session::StoredDashboardPreferences(std::string_view user) {
  LOUPE_TRY(CheckUser(user));
  if (database_) return database_->ReadDashboardPreferences(user);
  auto it = dashboard_.find(user);
  if (it == dashboard_.end()) return std::optional<dashboard::Preferences>();
  return std::optional<dashboard::Preferences>(it->second);
}

Status Session::SetDashboardPreferences(std::string_view user, const dashboard::Preferences& prefs, Instant now) {
  LOUPE_TRY(CheckUser(user));
  if (!database_) {
    dashboard_[std::string(user)] = prefs;
    return Status::Ok();
  }
  LOUPE_ASSIGN_OR_RETURN(auto batch, database_->Begin());
  LOUPE_TRY(batch->WriteDashboardPreferences(user, prefs, now));
  return batch->Commit();
}

dashboard::WorkspaceFacts Session::DashboardFacts() const {
  dashboard::WorkspaceFacts facts;
  facts.has_activity = !workspace_.commits().empty() || !workspace_.pull_requests().empty();
  facts.has_teams = !settings_.teams.empty();
  facts.has_schedule = !settings_.schedules.empty() ||
                       std::any_of(settings_.insight_settings.begin(), settings_.insight_settings.end(),
                                   [](const model::InsightSettings& s) { return s.working_hours.has_value(); });
  facts.has_snapshots = !snapshots_.empty();
  facts.has_alert_rules = !alerts_.rules().empty();
  return facts;
}

}  // namespace loupe::api
