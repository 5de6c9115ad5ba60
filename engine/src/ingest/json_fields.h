// ingest/json_fields.h (internal) — typed, located reads of simdjson On-Demand objects.
//
// Every importer reads JSON through Fields so that each rejection names the field by its dotted
// path and says what was expected; the caller adds the file and the record.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "loupe/core/sha.h"
#include "loupe/core/status.h"
#include "loupe/core/time.h"
#include "simdjson.h"

namespace loupe::ingest::json {

namespace od = simdjson::ondemand;

//! Whether a field must be present (and not null).
enum class Need : uint8_t { kOptional, kRequired };

//! "a string", "an object", … for messages.
std::string_view TypeName(od::json_type type);

//! A Status for a simdjson failure while reading `field`.
Status ErrorFor(simdjson::error_code error, std::string_view field);

//! Reads the fields of one object. Absent and null optional fields leave the output untouched
//! and report `false` through `found` where asked.
class Fields {
 public:
  Fields(od::object object, std::string path) : object_(object), path_(std::move(path)) {}

  //! Dotted path of a field of this object ("pull_request.user.login").
  std::string PathOf(std::string_view key) const;
  const std::string& path() const { return path_; }

  Status String(std::string_view key, std::string& out, Need need = Need::kOptional,
                bool* found = nullptr);
  Status Int(std::string_view key, int64_t& out, Need need = Need::kOptional,
             int64_t min = INT64_MIN, int64_t max = INT64_MAX, bool* found = nullptr);
  Status Int32(std::string_view key, int32_t& out, Need need = Need::kOptional,
               bool* found = nullptr);
  Status Bool(std::string_view key, bool& out, Need need = Need::kOptional, bool* found = nullptr);
  //! An ISO-8601 string; `out` keeps the source's offset.
  Status Time(std::string_view key, Timestamp& out, Need need = Need::kOptional);
  Status Time(std::string_view key, Instant& out, Need need = Need::kOptional);
  //! An ISO-8601 string from a source that writes every time in UTC (GitHub REST commit dates):
  //! there a "Z" says nothing about the writer's clock, so `out` gets kUnknownOffset; an explicit
  //! offset ("+08:00") is kept.
  Status UtcTime(std::string_view key, Timestamp& out, Need need = Need::kOptional);
  //! 40 hex digits.
  Status GitSha(std::string_view key, Sha& out, Need need = Need::kOptional);
  //! A nested object; `found` is false (and `out` untouched) when absent or null.
  Status Object(std::string_view key, od::object& out, bool& found, Need need = Need::kOptional);
  Status Array(std::string_view key, od::array& out, bool& found, Need need = Need::kOptional);
  //! True when the key exists (null counts as present).
  bool Has(std::string_view key);

 private:
  //! Time, also handing back the text read (empty when absent or null).
  Status TimeText(std::string_view key, Timestamp& out, Need need, std::string& text);
  //! Finds `key`; kNotFound-style outcomes become found=false. Null counts as absent.
  Status Find(std::string_view key, od::value& out, bool& found, Need need);

  od::object object_;
  std::string path_;
};

//! Converts a simdjson value expected to be an object into Fields (error names `path`).
Status AsObject(od::value value, const std::string& path, od::object& out);

//! Calls `fn(Fields&)` for each element of the array `key` of `parent`, each of which must be an
//! object (its path is "key[i]", counted from 0); `found` is false when the array is absent or
//! null. Stops at the first error.
template <typename Fn>
Status ForEachObject(Fields& parent, std::string_view key, bool& found, Fn&& fn) {
  od::array array;
  LOUPE_TRY(parent.Array(key, array, found));
  if (!found) return Status::Ok();
  const std::string path = parent.PathOf(key);
  size_t index = 0;
  for (auto element : array) {
    std::string element_path = path + '[' + std::to_string(index++) + ']';
    od::value value;
    if (auto e = element.get(value)) return ErrorFor(e, element_path);
    od::object object;
    LOUPE_TRY(AsObject(value, element_path, object));
    Fields fields(object, std::move(element_path));
    LOUPE_TRY(fn(fields));
  }
  return Status::Ok();
}

//! Which of `keys` (at most 32) `object` has, as bit i for keys[i], from one pass over its keys
//! (values are skipped, not parsed); then rewinds `object` so it can be read again. Keys are
//! compared as written in the JSON, escapes included. Errors name `path`.
Status PresentKeys(od::object& object, std::span<const std::string_view> keys,
                   const std::string& path, uint32_t& present);

//! Locates invalid UTF-8 in a JSON text for an error message: the byte offset, the line and, when
//! the bad byte is inside a string value, the key it belongs to.
Status InvalidUtf8Error(std::string_view text, size_t base_line = 1);

}  // namespace loupe::ingest::json
