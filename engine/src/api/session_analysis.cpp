// Session: the intelligence settings and the analysis cache (declared in loupe/api/session.h).
#include "api/analysis.h"
#include "loupe/api/session.h"

namespace loupe::api {

Status Session::SetIntelligenceSettings(const intelligence::IntelligenceSettings& settings) {
  LOUPE_TRY(CheckIntelligenceSettings(settings));
  if (database_) {
    JsonWriter w;
    intelligence::WriteJson(w, settings);
    LOUPE_TRY(database_->SetMeta(kIntelligenceSettingsKey, w.str()));
  }
  intelligence_settings_ = settings;
  return Status::Ok();
}

Result<std::optional<std::string>> Session::CachedAnalysis(std::string_view key) {
  if (!database_) {
    auto it = analyses_.find(key);
    if (it == analyses_.end() || it->second.versions != versions_) return std::optional<std::string>();
    return std::optional<std::string>(it->second.result);
  }
  LOUPE_ASSIGN_OR_RETURN(auto entry, database_->ReadAnalysis(key));
  if (!entry || entry->versions != versions_) return std::optional<std::string>();
  return std::optional<std::string>(std::move(entry->result));
}

Status Session::CacheAnalyses(const std::vector<std::pair<std::string, std::string>>& results, Instant now) {
  if (!database_) {
    std::erase_if(analyses_, [&](const auto& entry) { return entry.second.versions != versions_; });
    for (const auto& [key, result] : results) analyses_[key] = storage::AnalysisEntry{result, versions_, now};
    return Status::Ok();
  }
  LOUPE_ASSIGN_OR_RETURN(auto batch, database_->Begin());
  LOUPE_TRY(batch->PruneAnalyses(versions_));
  for (const auto& [key, result] : results) LOUPE_TRY(batch->WriteAnalysis(key, {result, versions_, now}));
  return batch->Commit();
}

}  // namespace loupe::api
