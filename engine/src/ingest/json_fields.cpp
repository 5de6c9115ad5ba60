#include "ingest/json_fields.h"

#include <cstdio>

#include "loupe/core/strings.h"

namespace loupe::ingest::json {

std::string_view TypeName(dom::element_type type) {
  switch (type) {
    case dom::element_type::ARRAY: return "an array";
    case dom::element_type::OBJECT: return "an object";
    case dom::element_type::INT64:
    case dom::element_type::UINT64:
    case dom::element_type::DOUBLE: return "a number";
    case dom::element_type::STRING: return "a string";
    case dom::element_type::BOOL: return "a boolean";
    case dom::element_type::NULL_VALUE: return "null";
  }
  return "an unknown value";
}

Status ErrorFor(simdjson::error_code error) {
  return InvalidInput(std::string("JSON rejected by the parser: ") + simdjson::error_message(error));
}

Status UnexpectedType(dom::element value, std::string_view expected) {
  return InvalidInput("expected " + std::string(expected) + ", got " +
                      std::string(TypeName(value.type())));
}

Status AsObject(dom::element value, dom::object& out) {
  if (value.get_object().get(out)) return UnexpectedType(value, "an object");
  return Status::Ok();
}

Status ToInt(dom::element value, int64_t min, int64_t max, int64_t& out) {
  int64_t n = 0;
  switch (value.type()) {
    case dom::element_type::INT64:
      n = value.get_int64().value_unsafe();
      break;
    case dom::element_type::UINT64:
      return InvalidInput("number " + std::to_string(value.get_uint64().value_unsafe()) +
                          " out of range (expected a 64-bit integer)");
    case dom::element_type::DOUBLE: {
      // 3.0 is an integer to GitHub; 3.5 is not; 1e19 does not fit.
      const double d = value.get_double().value_unsafe();
      if (d < -9.0e18 || d > 9.0e18) {
        char text[32];
        std::snprintf(text, sizeof text, "%.17g", d);
        return InvalidInput("number " + std::string(text) +
                            " out of range (expected a 64-bit integer)");
      }
      // The range check above comes first: converting an out-of-range double is undefined.
      n = static_cast<int64_t>(d);
      if (static_cast<double>(n) != d) return UnexpectedType(value, "an integer");
      break;
    }
    default:
      return UnexpectedType(value, "an integer");
  }
  if (n < min || n > max) {
    return InvalidInput("number " + std::to_string(n) + " out of range [" + std::to_string(min) +
                        ", " + std::to_string(max) + "]");
  }
  out = n;
  return Status::Ok();
}

std::string Fields::path() const {
  std::string out = parent_ != nullptr ? parent_->PathOf(key_) : std::string(key_);
  if (index_ != kNoIndex) out += '[' + std::to_string(index_) + ']';
  return out;
}

std::string Fields::PathOf(std::string_view key) const {
  std::string out = path();
  if (!out.empty()) out += '.';
  out.append(key);
  return out;
}

std::string Fields::ElementPath(std::string_view key, size_t index) const {
  return PathOf(key) + '[' + std::to_string(index) + ']';
}

Fields::Presence Fields::Find(std::string_view key, dom::element& out) const {
  auto found_at = [&](dom::object::iterator it) {
    out = it.value();
    cursor_ = ++it;
    return out.is_null() ? Presence::kNull : Presence::kPresent;
  };
  const dom::object::iterator end = object_.end();
  for (dom::object::iterator it = cursor_; it != end; ++it) {
    if (it.key_equals(key)) return found_at(it);
  }
  for (dom::object::iterator it = object_.begin(); it != cursor_; ++it) {
    if (it.key_equals(key)) return found_at(it);
  }
  return Presence::kAbsent;
}

Status Fields::Absent(std::string_view key, Presence presence, Need need) const {
  if (need == Need::kOptional) return Status::Ok();
  return InvalidInput(presence == Presence::kNull ? "required field is null" : "missing required field")
      .WithField(PathOf(key));
}

bool Fields::Has(std::string_view key) const {
  dom::element unused;
  return Find(key, unused) != Presence::kAbsent;
}

Status Fields::Text(std::string_view key, std::string_view& out, Need need, bool& found) const {
  dom::element v;
  const Presence presence = Find(key, v);
  found = presence == Presence::kPresent;
  if (!found) return Absent(key, presence, need);
  if (v.get_string().get(out)) return UnexpectedType(v, "a string").WithField(PathOf(key));
  return Status::Ok();
}

Status Fields::String(std::string_view key, std::string& out, Need need, bool* found) const {
  std::string_view text;
  bool present = false;
  Status status = Text(key, text, need, present);
  if (found) *found = present;
  if (present && status.ok()) out.assign(text);
  return status;
}

Status Fields::Int(std::string_view key, int64_t& out, Need need, int64_t min, int64_t max,
                   bool* found) const {
  dom::element v;
  const Presence presence = Find(key, v);
  if (found) *found = presence == Presence::kPresent;
  if (presence != Presence::kPresent) return Absent(key, presence, need);
  Status status = ToInt(v, min, max, out);
  if (!status.ok()) status.WithField(PathOf(key));
  return status;
}

Status Fields::Int32(std::string_view key, int32_t& out, Need need, bool* found) const {
  int64_t n = out;
  Status status = Int(key, n, need, 0, INT32_MAX, found);
  out = static_cast<int32_t>(n);
  return status;
}

Status Fields::Bool(std::string_view key, bool& out, Need need, bool* found) const {
  dom::element v;
  const Presence presence = Find(key, v);
  if (found) *found = presence == Presence::kPresent;
  if (presence != Presence::kPresent) return Absent(key, presence, need);
  if (v.get_bool().get(out)) return UnexpectedType(v, "true or false").WithField(PathOf(key));
  return Status::Ok();
}

Status Fields::TimeText(std::string_view key, Timestamp& out, Need need,
                        std::string_view& text) const {
  bool found = false;
  LOUPE_TRY(Text(key, text, need, found));
  if (!found) return Status::Ok();
  auto parsed = ParseIsoTimestamp(text);
  if (!parsed.ok()) return std::move(parsed).TakeStatus().WithField(PathOf(key));
  out = *parsed;
  return Status::Ok();
}

Status Fields::Time(std::string_view key, Timestamp& out, Need need) const {
  std::string_view text;
  return TimeText(key, out, need, text);
}

Status Fields::Time(std::string_view key, Instant& out, Need need) const {
  Timestamp ts;
  LOUPE_TRY(Time(key, ts, need));
  if (ts.known()) out = ts.utc;
  return Status::Ok();
}

Status Fields::UtcTime(std::string_view key, Timestamp& out, Need need) const {
  std::string_view text;
  LOUPE_TRY(TimeText(key, out, need, text));
  if (!text.empty() && (text.back() == 'Z' || text.back() == 'z')) {
    out.offset_minutes = kUnknownOffset;
  }
  return Status::Ok();
}

Status Fields::GitSha(std::string_view key, Sha& out, Need need) const {
  std::string_view text;
  bool found = false;
  LOUPE_TRY(Text(key, text, need, found));
  if (found && !Sha::Parse(text, out)) {
    return InvalidInput("expected a 40-hex-digit commit sha, got " + QuoteForMessage(text))
        .WithField(PathOf(key));
  }
  return Status::Ok();
}

Status Fields::Object(std::string_view key, dom::object& out, bool& found, Need need) const {
  dom::element v;
  const Presence presence = Find(key, v);
  found = presence == Presence::kPresent;
  if (!found) return Absent(key, presence, need);
  Status status = AsObject(v, out);
  if (!status.ok()) status.WithField(PathOf(key));
  return status;
}

Status Fields::Array(std::string_view key, dom::array& out, bool& found, Need need) const {
  dom::element v;
  const Presence presence = Find(key, v);
  found = presence == Presence::kPresent;
  if (!found) return Absent(key, presence, need);
  if (v.get_array().get(out)) return UnexpectedType(v, "an array").WithField(PathOf(key));
  return Status::Ok();
}

Status Fields::Strings(std::string_view key, std::vector<std::string>& out) const {
  dom::array array;
  bool found = false;
  LOUPE_TRY(Array(key, array, found));
  if (!found) return Status::Ok();
  size_t index = 0;
  for (dom::element element : array) {
    std::string_view s;
    if (element.get_string().get(s)) {
      return UnexpectedType(element, "a string").WithField(ElementPath(key, index));
    }
    out.emplace_back(s);
    ++index;
  }
  return Status::Ok();
}

Status Fields::Ints(std::string_view key, std::vector<int64_t>& out, int64_t min,
                    int64_t max) const {
  dom::array array;
  bool found = false;
  LOUPE_TRY(Array(key, array, found));
  if (!found) return Status::Ok();
  size_t index = 0;
  for (dom::element element : array) {
    int64_t n = 0;
    Status status = ToInt(element, min, max, n);
    if (!status.ok()) return std::move(status).WithField(ElementPath(key, index));
    out.push_back(n);
    ++index;
  }
  return Status::Ok();
}

uint32_t PresentKeys(dom::object object, std::span<const std::string_view> keys) {
  LOUPE_ASSERT(keys.size() <= 32, "PresentKeys reports at most 32 keys");
  uint32_t present = 0;
  for (dom::key_value_pair field : object) {
    for (size_t i = 0; i < keys.size(); ++i) {
      if (field.key == keys[i]) present |= uint32_t{1} << i;
    }
  }
  return present;
}

Status SyntaxError(const SyntaxScan& scan, size_t steps_above_field) {
  Status status = InvalidInput(scan.problem);
  const std::span<const PathStep> path(scan.path);
  if (steps_above_field < path.size()) {
    const std::string field = FieldPath(path.subspan(steps_above_field));
    if (!field.empty()) status.WithField(field);
  }
  return status;
}

}  // namespace loupe::ingest::json
