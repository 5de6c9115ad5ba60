// ingest/json_fields.h (internal) — typed, located reads of simdjson DOM objects.
//
// The JSON importers parse with simdjson's DOM parser, which validates a whole document
// (structure, strings, numbers, UTF-8) before any field is read; a document it rejects is
// explained by ScanJson (json_syntax.h). Fields are then read through Fields so that each
// rejection names the field by its dotted path and says what was expected; the caller adds the
// file and the record.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/json_syntax.h"
#include "loupe/core/sha.h"
#include "loupe/core/status.h"
#include "loupe/core/time.h"
#include "simdjson.h"

namespace loupe::ingest::json {

namespace dom = simdjson::dom;

//! Whether a field must be present (and not null).
enum class Need : uint8_t { kOptional, kRequired };

//! "a string", "an object", … for messages.
std::string_view TypeName(dom::element_type type);

//! A Status for a parse failure that ScanJson could not explain (a limit, or memory): "JSON
//! rejected by the parser: …" with simdjson's own words; it names no field.
Status ErrorFor(simdjson::error_code error);

//! "expected `expected`, got a string"; the caller adds the field.
Status UnexpectedType(dom::element value, std::string_view expected);

//! `value` as an object, or "expected an object, got …"; the caller adds the field.
Status AsObject(dom::element value, dom::object& out);

//! `value` as an integer in [min, max]: 3.0 counts, 3.5 and 1e19 do not. The caller adds the
//! field to an error.
Status ToInt(dom::element value, int64_t min, int64_t max, int64_t& out);

//! Reads the fields of one object. Absent and null optional fields leave the output untouched
//! and report `false` through `found` where asked.
//!
//! A Fields knows its path through its parent and builds it only for an error message, so a
//! Fields must not outlive the parent it was made from.
class Fields {
 public:
  //! The fields of a top-level object; `prefix` ("payload"), if any, starts their paths.
  explicit Fields(dom::object object, std::string_view prefix = {})
      : object_(object), cursor_(object.begin()), key_(prefix) {}
  //! The object `key` of `parent` ("parent.key"), or with `index` element `index` of the array
  //! `key` ("parent.key[index]").
  Fields(dom::object object, const Fields& parent, std::string_view key, size_t index = kNoIndex)
      : object_(object), cursor_(object.begin()), parent_(&parent), key_(key), index_(index) {}

  //! Dotted path of a field of this object ("pull_request.user.login").
  std::string PathOf(std::string_view key) const;
  //! Dotted path of this object; empty for a top-level object without a prefix.
  std::string path() const;

  Status String(std::string_view key, std::string& out, Need need = Need::kOptional,
                bool* found = nullptr) const;
  //! A string field as a view into the parsed document, valid while its parser keeps it.
  Status Text(std::string_view key, std::string_view& out, Need need, bool& found) const;
  Status Int(std::string_view key, int64_t& out, Need need = Need::kOptional,
             int64_t min = INT64_MIN, int64_t max = INT64_MAX, bool* found = nullptr) const;
  Status Int32(std::string_view key, int32_t& out, Need need = Need::kOptional,
               bool* found = nullptr) const;
  Status Bool(std::string_view key, bool& out, Need need = Need::kOptional,
              bool* found = nullptr) const;
  //! An ISO-8601 string; `out` keeps the source's offset.
  Status Time(std::string_view key, Timestamp& out, Need need = Need::kOptional) const;
  Status Time(std::string_view key, Instant& out, Need need = Need::kOptional) const;
  //! An ISO-8601 string from a source that writes every time in UTC (GitHub REST commit dates):
  //! there a "Z" says nothing about the writer's clock, so `out` gets kUnknownOffset; an explicit
  //! offset ("+08:00") is kept.
  Status UtcTime(std::string_view key, Timestamp& out, Need need = Need::kOptional) const;
  //! 40 hex digits.
  Status GitSha(std::string_view key, Sha& out, Need need = Need::kOptional) const;
  //! A nested object; `found` is false (and `out` untouched) when absent or null.
  Status Object(std::string_view key, dom::object& out, bool& found,
                Need need = Need::kOptional) const;
  Status Array(std::string_view key, dom::array& out, bool& found,
               Need need = Need::kOptional) const;
  //! An array of strings, appended to `out`; elements are named "key[i]" in errors.
  Status Strings(std::string_view key, std::vector<std::string>& out) const;
  //! An array of integers in [min, max], appended to `out`.
  Status Ints(std::string_view key, std::vector<int64_t>& out, int64_t min, int64_t max) const;
  //! True when the key exists (null counts as present).
  bool Has(std::string_view key) const;
  //! Path of element `index` of the array `key` of this object ("files[2]").
  std::string ElementPath(std::string_view key, size_t index) const;

 private:
  enum class Presence : uint8_t { kAbsent, kNull, kPresent };
  //! Finds `key`; no Status is made on this path, which every field read takes.
  Presence Find(std::string_view key, dom::element& out) const;
  //! OK for an absent or null optional field, else what is missing.
  Status Absent(std::string_view key, Presence presence, Need need) const;
  //! Time, also handing back the text read (empty when absent or null).
  Status TimeText(std::string_view key, Timestamp& out, Need need, std::string_view& text) const;

  dom::object object_;
  // Reads mostly follow the source's key order (GitHub writes its keys in a fixed order), so a
  // lookup starts after the key found last and wraps around.
  mutable dom::object::iterator cursor_;
  const Fields* parent_ = nullptr;
  std::string_view key_;  // the key in the parent, or a top-level object's prefix
  size_t index_ = kNoIndex;
};

//! Calls `fn(Fields&)` for each element of the array `key` of `parent`, each of which must be an
//! object (its path is "key[i]", counted from 0); `found` is false when the array is absent or
//! null. Stops at the first error.
template <typename Fn>
Status ForEachObject(const Fields& parent, std::string_view key, bool& found, Fn&& fn) {
  dom::array array;
  LOUPE_TRY(parent.Array(key, array, found));
  if (!found) return Status::Ok();
  size_t index = 0;
  for (dom::element element : array) {
    dom::object object;
    Status status = AsObject(element, object);
    if (!status.ok()) return std::move(status).WithField(parent.ElementPath(key, index));
    Fields fields(object, parent, key, index);
    LOUPE_TRY(fn(fields));
    ++index;
  }
  return Status::Ok();
}

//! Which of `keys` (at most 32) `object` has, as bit i for keys[i].
uint32_t PresentKeys(dom::object object, std::span<const std::string_view> keys);

//! `scan`'s problem as a Status whose field is the path below `steps_above_field` steps of
//! scan.path (the top-level value and, say, the array element that is the record).
Status SyntaxError(const SyntaxScan& scan, size_t steps_above_field);

}  // namespace loupe::ingest::json
