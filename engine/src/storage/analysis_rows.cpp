#include "storage/analysis_rows.h"

#include "storage/row_codec.h"
#include "storage/sql_util.h"

namespace loupe::storage {

Status WriteAnalysisRow(SqlDriver& db, std::string_view key, const AnalysisEntry& entry) {
  LOUPE_ASSIGN_OR_RETURN(auto upsert, db.Prepare(UpsertSql("analysis_cache", {"key"},
                                                           {"data_version", "inputs_version", "computed_at", "result"})));
  LOUPE_TRY(RowBinder(*upsert)
                .Text(key)
                .Int(entry.versions.data)
                .Int(entry.versions.inputs)
                .Int(entry.computed_at)
                .Text(entry.result)
                .status());
  return Run(*upsert);
}

Status DeleteStaleAnalysisRows(SqlDriver& db, const snapshots::Versions& current) {
  LOUPE_ASSIGN_OR_RETURN(auto remove,
                         db.Prepare("DELETE FROM analysis_cache WHERE data_version <> ? OR inputs_version <> ?"));
  LOUPE_TRY(RowBinder(*remove).Int(current.data).Int(current.inputs).status());
  return Run(*remove);
}

Result<std::optional<AnalysisEntry>> ReadAnalysisRow(SqlDriver& db, std::string_view key) {
  LOUPE_ASSIGN_OR_RETURN(auto query, db.Prepare("SELECT data_version, inputs_version, computed_at, result "
                                                "FROM analysis_cache WHERE key = ?"));
  LOUPE_TRY(RowBinder(*query).Text(key).status());
  LOUPE_ASSIGN_OR_RETURN(bool row, query->Step());
  if (!row) return std::optional<AnalysisEntry>();
  AnalysisEntry entry;
  entry.versions = {query->ColumnInt(0), query->ColumnInt(1)};
  entry.computed_at = query->ColumnInt(2);
  entry.result = std::string(query->ColumnText(3));
  return std::optional<AnalysisEntry>(std::move(entry));
}

}  // namespace loupe::storage
