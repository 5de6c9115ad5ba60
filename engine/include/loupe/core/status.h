// loupe/core/status.h — expected failures as values: Status, Result<T> and the propagation macros.
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace loupe {

//! What kind of failure a Status reports. Stable: the JS binding exposes the names.
enum class StatusCode : uint8_t {
  kOk = 0,
  kInvalidInput,        //!< the input is malformed or violates a rule; the location says where
  kNotFound,            //!< a named thing (file, developer, identity) does not exist
  kAlreadyExists,       //!< a create would overwrite something that exists
  kFailedPrecondition,  //!< the operation is not allowed in the current state
  kIoError,             //!< the platform failed to read or write
  kCancelled,           //!< the caller asked to stop
  kUnsupported,         //!< valid input this version cannot handle
  kInternal,            //!< a bug; the message says where
};

//! Name of a code, e.g. "invalid_input".
std::string_view StatusCodeName(StatusCode code);

//! Where in the user's input a failure was found. Empty parts are unknown.
struct ErrorLocation {
  std::string file;    //!< path or name of the input as the user gave it
  std::string record;  //!< e.g. "record 17 (line 18)" or "commit 3f2a1c0"
  std::string field;   //!< dotted path, e.g. "commit.author.date"
};

//! The outcome of an operation that can fail in an expected way.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message);
  Status(const Status& other) : rep_(other.rep_ ? std::make_unique<Rep>(*other.rep_) : nullptr) {}
  Status& operator=(const Status& other) {
    if (this != &other) rep_ = other.rep_ ? std::make_unique<Rep>(*other.rep_) : nullptr;
    return *this;
  }
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;

  static Status Ok() { return Status(); }

  bool ok() const { return rep_ == nullptr; }
  StatusCode code() const { return rep_ ? rep_->code : StatusCode::kOk; }
  const std::string& message() const;
  const ErrorLocation& location() const;

  //! Fills the location parts that are still empty (inner code knows the field, outer code the
  //! record and the file), so each layer adds what only it knows.
  Status& WithFile(std::string_view file) &;
  Status& WithRecord(std::string_view record) &;
  Status& WithField(std::string_view field) &;
  Status&& WithFile(std::string_view file) && { return std::move(WithFile(file)); }
  Status&& WithRecord(std::string_view record) && { return std::move(WithRecord(record)); }
  Status&& WithField(std::string_view field) && { return std::move(WithField(field)); }

  //! "file: record, field: message", leaving out the unknown parts.
  std::string ToString() const;

 private:
  // Success is one null pointer: importers pass a Status per field read, so the OK path must
  // cost nothing to create and move.
  struct Rep {
    StatusCode code;
    std::string message;
    ErrorLocation location;
  };
  std::unique_ptr<Rep> rep_;
};

inline Status InvalidInput(std::string message) {
  return Status(StatusCode::kInvalidInput, std::move(message));
}
inline Status NotFound(std::string message) {
  return Status(StatusCode::kNotFound, std::move(message));
}
inline Status IoError(std::string message) {
  return Status(StatusCode::kIoError, std::move(message));
}
inline Status FailedPrecondition(std::string message) {
  return Status(StatusCode::kFailedPrecondition, std::move(message));
}
inline Status Internal(std::string message) {
  return Status(StatusCode::kInternal, std::move(message));
}

//! Either a value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design, like StatusOr
  Result(Status status) : data_(std::move(status)) {
    if (std::get<Status>(data_).ok()) {
      data_ = Status(StatusCode::kInternal, "Result constructed from an OK status");
    }
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  Status TakeStatus() && { return ok() ? Status() : std::move(std::get<Status>(data_)); }

  T& value() & { return Checked(); }
  const T& value() const& { return const_cast<Result*>(this)->Checked(); }
  T&& value() && { return std::move(Checked()); }
  T* operator->() { return &Checked(); }
  const T* operator->() const { return &const_cast<Result*>(this)->Checked(); }
  T& operator*() & { return Checked(); }
  const T& operator*() const& { return const_cast<Result*>(this)->Checked(); }

 private:
  T& Checked() {
    if (!ok()) {
      std::fprintf(stderr, "loupe: value() of a failed Result: %s\n",
                   std::get<Status>(data_).ToString().c_str());
      std::abort();
    }
    return std::get<T>(data_);
  }
  std::variant<Status, T> data_;
};

namespace internal {
inline Status AsStatus(Status s) { return s; }
template <typename T>
Status AsStatus(Result<T>&& r) {
  return std::move(r).TakeStatus();
}
[[noreturn]] void AssertFail(const char* expr, const char* file, int line, const char* message);
}  // namespace internal

}  // namespace loupe

#define LOUPE_CONCAT_INNER(a, b) a##b
#define LOUPE_CONCAT(a, b) LOUPE_CONCAT_INNER(a, b)

//! Returns the Status of `expr` (a Status or a Result) from the enclosing function if it failed.
#define LOUPE_TRY(expr)                                                    \
  do {                                                                     \
    ::loupe::Status loupe_try_status = ::loupe::internal::AsStatus(expr); \
    if (!loupe_try_status.ok()) return loupe_try_status;                   \
  } while (0)

#define LOUPE_ASSIGN_OR_RETURN_IMPL(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                                \
  if (!tmp.ok()) return std::move(tmp).TakeStatus(); \
  lhs = std::move(tmp).value()

//! `LOUPE_ASSIGN_OR_RETURN(auto x, MakeX());` declares x from the Result or returns its Status.
#define LOUPE_ASSIGN_OR_RETURN(lhs, rexpr) \
  LOUPE_ASSIGN_OR_RETURN_IMPL(LOUPE_CONCAT(loupe_result_, __LINE__), lhs, rexpr)

//! Guards an invariant only a bug can break; active in every build.
#define LOUPE_ASSERT(cond, message) \
  ((cond) ? (void)0 : ::loupe::internal::AssertFail(#cond, __FILE__, __LINE__, message))
