// ingest/parsers.h (internal) — one entry point per format; ParseInto dispatches to them.
#pragma once
#include "loupe/ingest/importer.h"

namespace loupe::ingest::internal {

// Each parser reads `input` (BOM already skipped) into `batch`, counting into `stats`. Errors name
// the record and field; ParseInto adds the file.
Status ParseGitHubRest(PaddedView input, const ImportOptions& options, model::Workspace& batch,
                       ImportStats& stats);
Status ParseGhArchive(PaddedView input, const ImportOptions& options, model::Workspace& batch,
                      ImportStats& stats);
Status ParseGitLog(PaddedView input, const ImportOptions& options, model::Workspace& batch,
                   ImportStats& stats);
Status ParseBundle(PaddedView input, const ImportOptions& options, model::Workspace& batch,
                   ImportStats& stats);

//! Reports progress every `kProgressStep` bytes; false when the caller cancelled.
inline constexpr int64_t kProgressStep = 1 << 20;
Status ReportProgress(const ImportOptions& options, int64_t done, int64_t total);

}  // namespace loupe::ingest::internal
