#include "loupe/ingest/importer.h"

#include "ingest/parsers.h"
#include "loupe/core/strings.h"

namespace loupe::ingest {

Result<PrRef> ParsePrRef(std::string_view text) {
  const size_t hash = text.rfind('#');
  PrRef ref;
  if (hash == std::string_view::npos || hash == 0 ||
      !ParseInt64(text.substr(hash + 1), ref.number, 1)) {
    return InvalidInput("expected a pull request as owner/name#number, got " + QuoteForMessage(text));
  }
  ref.repo = std::string(text.substr(0, hash));
  return ref;
}

namespace internal {
Status ReportProgress(const ImportOptions& options, int64_t done, int64_t total) {
  if (options.progress && !options.progress(Progress{"parse", done, total})) {
    return Status(StatusCode::kCancelled, "import cancelled");
  }
  return Status::Ok();
}
}  // namespace internal

Result<ImportStats> ParseInto(const InputBuffer& input, const ImportOptions& options,
                              model::Workspace& batch) {
  PaddedView view = input.padded();
  if (view.view().substr(0, 3) == "\xEF\xBB\xBF") view = view.Suffix(3);
  if (Trim(view.view()).empty()) {
    return InvalidInput(input.size() == 0 ? "the file is empty" : "the file holds only whitespace")
        .WithFile(options.source_name);
  }
  ImportStats stats;
  stats.bytes = static_cast<int64_t>(input.size());
  stats.format = options.format != Format::kUnknown ? options.format : DetectFormat(view.view());
  Status status;
  switch (stats.format) {
    case Format::kGitHubRest:
      status = internal::ParseGitHubRest(view, options, batch, stats);
      break;
    case Format::kGhArchive:
      status = internal::ParseGhArchive(view, options, batch, stats);
      break;
    case Format::kGitLog:
      status = internal::ParseGitLog(view, options, batch, stats);
      break;
    case Format::kBundle:
      status = internal::ParseBundle(view, options, batch, stats);
      break;
    case Format::kUnknown:
      status = InvalidInput(
          "unrecognised format: expected GitHub REST JSON, GH Archive JSON Lines, a git log "
          "export or a Loupe bundle");
      break;
  }
  if (!status.ok()) return std::move(status).WithFile(options.source_name);
  LOUPE_TRY(internal::ReportProgress(options, stats.bytes, stats.bytes));
  return stats;
}

}  // namespace loupe::ingest
