#include "loupe/ingest/format.h"

#include "loupe/core/strings.h"
#include "simdjson.h"

namespace loupe::ingest {

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kUnknown: return "unknown";
    case Format::kGitHubRest: return "github-rest";
    case Format::kGhArchive: return "gharchive";
    case Format::kGitLog: return "gitlog";
    case Format::kBundle: return "bundle";
  }
  return "unknown";
}

Result<Format> ParseFormatName(std::string_view name) {
  for (Format f : {Format::kGitHubRest, Format::kGhArchive, Format::kGitLog, Format::kBundle}) {
    if (name == FormatName(f)) return f;
  }
  return InvalidInput("unknown format " + QuoteForMessage(name) +
                      " (expected github-rest, gharchive, gitlog or bundle)");
}

// True when `line` is one JSON object with the keys of a GitHub event ("type" and "payload").
static bool LooksLikeEvent(std::string_view line) {
  simdjson::dom::parser parser;
  simdjson::dom::object object;
  // realloc_if_needed: the line is copied into a padded buffer (the caller's bytes may end here).
  if (parser.parse(line.data(), line.size(), /*realloc_if_needed=*/true).get(object)) return false;
  simdjson::dom::element unused;
  return !object.at_key("type").get(unused) && !object.at_key("payload").get(unused);
}

Format DetectFormat(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  size_t i = 0;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) ++i;
  if (i == bytes.size()) return Format::kUnknown;
  if (bytes[i] == '\x1e') return Format::kGitLog;
  if (bytes[i] == '[') return Format::kGitHubRest;
  if (bytes[i] != '{') return Format::kUnknown;
  // Bundles say so in their first key; events are one object per line.
  std::string_view head = bytes.substr(i, 256);
  if (head.find("\"loupe-bundle\"") != std::string_view::npos) return Format::kBundle;
  const size_t line_end = bytes.find('\n', i);
  std::string_view first_line = bytes.substr(i, line_end == std::string_view::npos ? bytes.npos : line_end - i);
  if (first_line.size() < (64u << 20) && LooksLikeEvent(first_line)) return Format::kGhArchive;
  return Format::kGitHubRest;
}

}  // namespace loupe::ingest
