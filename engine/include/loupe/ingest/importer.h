// loupe/ingest/importer.h — parse one input of any supported format into a batch workspace.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "loupe/core/progress.h"
#include "loupe/core/status.h"
#include "loupe/ingest/format.h"
#include "loupe/ingest/input.h"
#include "loupe/model/workspace.h"

namespace loupe::ingest {

//! A pull request named by repository and number, e.g. {"panjf2000/ants", 41}.
struct PrRef {
  std::string repo;
  int64_t number = 0;
};
//! Parses "owner/name#41".
Result<PrRef> ParsePrRef(std::string_view text);

struct ImportOptions {
  std::string source_name;          //!< how errors name the input (a path, a File's name)
  Format format = Format::kUnknown; //!< kUnknown: detect
  //! The repository a git log export belongs to ("owner/name" or a plain name). Required for
  //! git logs (they do not name their repository); other formats name theirs.
  std::string repo;
  //! Set when a REST commit list is the commit list of a pull request (GET …/pulls/N/commits):
  //! the commits are imported and recorded as that PR's own commits.
  std::optional<PrRef> pull_request;
  ProgressFn progress;  //!< optional; reports bytes parsed
};

//! What one input held.
struct ImportStats {
  Format format = Format::kUnknown;
  int64_t bytes = 0;
  int64_t records = 0;  //!< top-level records read (array elements, lines, commits)
  //! Records read but deliberately not imported, by reason ("WatchEvent", "issue comment not on a
  //! pull request", …), so nothing is dropped silently.
  std::map<std::string, int64_t> skipped;
};

//! Parses `input` into `batch`, which should be a fresh Workspace. Fails with an error naming the
//! file (options.source_name), the record and the field; on failure `batch` must be discarded.
Result<ImportStats> ParseInto(const InputBuffer& input, const ImportOptions& options,
                              model::Workspace& batch);

}  // namespace loupe::ingest
