// TEMPORARY scaffold: replaced by the bundle reader.
#include "ingest/parsers.h"
namespace loupe::ingest::internal {
Status ParseBundle(PaddedView, const ImportOptions&, model::Workspace&, ImportStats&) {
  return Status(StatusCode::kUnsupported, "bundle import not built yet");
}
}  // namespace loupe::ingest::internal
