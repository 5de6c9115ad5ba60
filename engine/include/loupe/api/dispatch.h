// loupe/api/dispatch.h — every Session operation by name, with JSON params and a JSON result: what
// the wasm binding (and through it the JS package) calls. docs/api.md lists the methods and their
// params; the results are the JSON the CLI's `--json` prints for the same operation (loupe/api/json.h
// writes both).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "loupe/api/session.h"
#include "loupe/core/progress.h"

namespace loupe::api {

struct CallContext {
  Instant now = 0;      //!< the caller's clock (tests pin it): stamps, default windows
  ProgressFn progress;  //!< may be empty; returning false cancels (kCancelled, nothing changed)
};

//! Runs one named operation on the session; params and result are JSON text (UTF-8). Params are
//! a JSON object ("" means {}). An unknown method, an unknown param, a missing required param or
//! a param of the wrong type is kInvalidInput naming the method and the param; the operation's
//! own errors keep their code and message. A failed call changes nothing.
Result<std::string> Dispatch(Session& session, std::string_view method, std::string_view params_json,
                             const CallContext& context);

//! The methods Dispatch knows, in docs/api.md order.
std::vector<std::string_view> DispatchMethods();

//! The JSON of one import (the CLI's `import --json` prints an array of these).
std::string ImportReportJson(const ImportReport& report);

}  // namespace loupe::api
