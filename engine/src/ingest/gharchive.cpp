// TEMPORARY scaffold: replaced by the GH Archive importer.
#include "ingest/parsers.h"
namespace loupe::ingest::internal {
Status ParseGhArchive(PaddedView, const ImportOptions&, model::Workspace&, ImportStats&) {
  return Status(StatusCode::kUnsupported, "GH Archive import not built yet");
}
}  // namespace loupe::ingest::internal
