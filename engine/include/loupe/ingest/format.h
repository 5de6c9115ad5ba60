// loupe/ingest/format.h — the input formats Loupe reads, and how they are told apart.
#pragma once
#include <cstdint>
#include <string_view>

#include "loupe/core/status.h"

namespace loupe::ingest {

enum class Format : uint8_t {
  kUnknown = 0,
  kGitHubRest,  //!< REST JSON: an array (or `gh api --paginate`'s concatenated arrays) or one object
  kGhArchive,   //!< GH Archive / Events API JSON Lines, one event per line
  kGitLog,      //!< the RS/US-separated `git log` export (docs/formats.md, data README §1.4)
  kBundle,      //!< Loupe's own versioned JSON of every entity (docs/bundle.md)
};

std::string_view FormatName(Format format);  //!< "github-rest", "gharchive", "gitlog", "bundle"
Result<Format> ParseFormatName(std::string_view name);

//! Recognises the format from the first bytes (after a UTF-8 BOM and whitespace) and, for JSON,
//! the first object's keys. kUnknown when nothing matches; never fails.
Format DetectFormat(std::string_view bytes);

}  // namespace loupe::ingest
