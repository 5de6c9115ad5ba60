// TEMPORARY scaffold: replaced by the GitHub REST importer.
#include "ingest/parsers.h"
namespace loupe::ingest::internal {
Status ParseGitHubRest(PaddedView, const ImportOptions&, model::Workspace&, ImportStats&) {
  return Status(StatusCode::kUnsupported, "GitHub REST import not built yet");
}
}  // namespace loupe::ingest::internal
