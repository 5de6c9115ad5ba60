// native/cli/outline.h — a JSON result as readable text, for commands whose --json output is the
// engine's (api::Dispatch) and whose text output is that JSON laid out for a terminal.
#pragma once
#include <string>
#include <string_view>

#include "loupe/core/status.h"

namespace loupe::cli {

//! Objects as "key: value" lines indented by depth; arrays of scalars on one line; arrays of flat
//! objects (scalars only, at most 12 members) as a table with a header row; other arrays as
//! "- " items (an array of scalars as one "- a, b, c" item). Keys read as words ("risk_score" -> "risk score"). InvalidInput on text that is
//! not JSON.
Result<std::string> Outline(std::string_view json);

}  // namespace loupe::cli
