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

Status::Status(StatusCode code, std::string message) {
  if (code != StatusCode::kOk) rep_ = std::make_unique<Rep>(Rep{code, std::move(message), {}});
}

const std::string& Status::message() const {
  static const std::string kEmpty;
  return rep_ ? rep_->message : kEmpty;
}

const ErrorLocation& Status::location() const {
  static const ErrorLocation kNowhere;
  return rep_ ? rep_->location : kNowhere;
}

Status& Status::WithFile(std::string_view file) & {
  if (rep_ && rep_->location.file.empty()) rep_->location.file = file;
  return *this;
}

Status& Status::WithRecord(std::string_view record) & {
  if (rep_ && rep_->location.record.empty()) rep_->location.record = record;
  return *this;
}

Status& Status::WithField(std::string_view field) & {
  if (rep_ && rep_->location.field.empty()) rep_->location.field = field;
  return *this;
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  const ErrorLocation& at = rep_->location;
  std::string out;
  if (!at.file.empty()) out += at.file;
  std::string where = at.record;
  if (!at.field.empty()) {
    if (!where.empty()) where += ", ";
    where += "field " + at.field;
  }
  if (!where.empty()) {
    if (!out.empty()) out += ": ";
    out += where;
  }
  if (!out.empty()) out += ": ";
  out += rep_->message;
  return out;
}

namespace internal {
void AssertFail(const char* expr, const char* file, int line, const char* message) {
  std::fprintf(stderr, "loupe: invariant violated at %s:%d: %s (%s)\n", file, line, message, expr);
  std::abort();
}
}  // namespace internal

}  // namespace loupe
