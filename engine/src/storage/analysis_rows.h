// storage/analysis_rows.h (internal) — the analysis_cache table (schema 4).
#pragma once
#include <optional>
#include <string_view>

#include "loupe/storage/database.h"

namespace loupe::storage {

Status WriteAnalysisRow(SqlDriver& db, std::string_view key, const AnalysisEntry& entry);
//! Deletes the rows whose data or inputs version is not `current`'s.
Status DeleteStaleAnalysisRows(SqlDriver& db, const snapshots::Versions& current);
Result<std::optional<AnalysisEntry>> ReadAnalysisRow(SqlDriver& db, std::string_view key);

}  // namespace loupe::storage
