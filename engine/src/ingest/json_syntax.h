// ingest/json_syntax.h (internal) — finds where and why a JSON text is malformed.
//
// simdjson says that a document is broken, not where. When a parse fails, the importers scan the
// text again with ScanJson, a plain byte-by-byte reader of the JSON grammar, to name the record,
// the field, the line and what was expected. It runs only on that failure path, never crashes and
// holds at most 1024 open arrays and objects (simdjson's own depth limit).
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace loupe::ingest::json {

inline constexpr size_t kNoIndex = SIZE_MAX;

//! One step from a top-level value down to the value a scan stopped in.
struct PathStep {
  std::string_view key;     //!< member name as written (escapes kept); empty for elements and roots
  size_t index = kNoIndex;  //!< place of an element in its array, from 0; kNoIndex otherwise
  size_t offset = 0;        //!< byte where the value starts (or would start)
};

//! What the text is, for messages: "the input ends …" or "the line ends …".
enum class TextUnit : uint8_t { kInput, kLine };

struct ScanOptions {
  TextUnit unit = TextUnit::kInput;
  //! Several top-level values may follow each other (`gh api --paginate` writes "[…][…]").
  bool many = false;
  //! Names the single top-level value in "unexpected text after the event".
  std::string_view value_name = "the JSON value";
  //! Stops, reporting no problem, where this element (from 0) of the first top-level array begins:
  //! path.back().offset is then where it starts.
  size_t stop_at_element = kNoIndex;
};

//! The outcome of a scan: the first problem, and where the scan was when it found it.
struct SyntaxScan {
  //! What is wrong and where ("expected ',' or '}' after an object member, got '0' (line 187)"),
  //! or empty when the text is sound.
  std::string problem;
  size_t offset = 0;        //!< byte of the problem
  size_t documents = 0;     //!< top-level values begun, the one holding the problem included
  size_t items_before = 0;  //!< elements of the top-level arrays before the last one begun; any
                            //!< other top-level value counts as one
  //! From the last top-level value begun (path[0], a root) down to the value being read.
  std::vector<PathStep> path;
};

SyntaxScan ScanJson(std::string_view text, const ScanOptions& options = {});

//! "commit.author.date", "files[2].status", "[3]": `steps` named the way Fields names fields.
std::string FieldPath(std::span<const PathStep> steps);

}  // namespace loupe::ingest::json
