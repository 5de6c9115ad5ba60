#include "loupe/core/status.h"

namespace loupe {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidInput: return "invalid_input";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kAlreadyExists: return "already_exists";
    case StatusCode::kFailedPrecondition: return "failed_precondition";
    case StatusCode::kIoError: return "io_error";
    case StatusCode::kCancelled: return "cancelled";
    case StatusCode::kUnsupported: return "unsupported";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

Status& Status::WithFile(std::string_view file) & {
  if (!ok() && location_.file.empty()) location_.file = file;
  return *this;
}

Status& Status::WithRecord(std::string_view record) & {
  if (!ok() && location_.record.empty()) location_.record = record;
  return *this;
}

Status& Status::WithField(std::string_view field) & {
  if (!ok() && location_.field.empty()) location_.field = field;
  return *this;
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out;
  if (!location_.file.empty()) out += location_.file;
  std::string where = location_.record;
  if (!location_.field.empty()) {
    if (!where.empty()) where += ", ";
    where += "field " + location_.field;
  }
  if (!where.empty()) {
    if (!out.empty()) out += ": ";
    out += where;
  }
  if (!out.empty()) out += ": ";
  out += message_;
  return out;
}

namespace internal {
void AssertFail(const char* expr, const char* file, int line, const char* message) {
  std::fprintf(stderr, "loupe: invariant violated at %s:%d: %s (%s)\n", file, line, message, expr);
  std::abort();
}
}  // namespace internal

}  // namespace loupe
