// TEMPORARY scaffold: replaced by the git log importer.
#include "ingest/parsers.h"
namespace loupe::ingest::internal {
Status ParseGitLog(PaddedView, const ImportOptions&, model::Workspace&, ImportStats&) {
  return Status(StatusCode::kUnsupported, "git log import not built yet");
}
}  // namespace loupe::ingest::internal
