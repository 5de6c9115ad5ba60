#include "ingest/json_fields.h"

#include <algorithm>

#include "loupe/core/strings.h"

namespace loupe::ingest::json {

std::string_view TypeName(od::json_type type) {
  switch (type) {
    case od::json_type::array: return "an array";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "a string";
    case od::json_type::boolean: return "a boolean";
    case od::json_type::null: return "null";
  }
  return "an unknown value";
}

Status ErrorFor(simdjson::error_code error, std::string_view field) {
  std::string message;
  switch (error) {
    case simdjson::NUMBER_OUT_OF_RANGE:
    case simdjson::BIGINT_ERROR:
      message = "number out of range";
      break;
    case simdjson::NUMBER_ERROR:
      message = "malformed number";
      break;
    case simdjson::UTF8_ERROR:
      message = "invalid UTF-8";
      break;
    case simdjson::STRING_ERROR:
      message = "malformed string (bad escape or control character)";
      break;
    case simdjson::TAPE_ERROR:
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
      message = "truncated or malformed JSON (an object or array is not closed)";
      break;
    case simdjson::EMPTY:
      message = "no JSON value";
      break;
    case simdjson::DEPTH_ERROR:
      message = "JSON nested too deeply";
      break;
    case simdjson::CAPACITY:
      message = "document too large";
      break;
    default:
      message = std::string("malformed JSON (") + simdjson::error_message(error) + ")";
  }
  Status status = InvalidInput(message);
  if (!field.empty()) status.WithField(field);
  return status;
}

std::string Fields::PathOf(std::string_view key) const {
  if (path_.empty()) return std::string(key);
  std::string out = path_;
  out += '.';
  out.append(key);
  return out;
}

Status Fields::Find(std::string_view key, od::value& out, bool& found, Need need) {
  found = false;
  auto field = object_.find_field_unordered(key);
  if (field.error() == simdjson::NO_SUCH_FIELD) {
    if (need == Need::kRequired) return InvalidInput("missing required field").WithField(PathOf(key));
    return Status::Ok();
  }
  if (field.error()) return ErrorFor(field.error(), PathOf(key));
  out = field.value_unsafe();
  od::json_type type;
  if (auto e = out.type().get(type)) return ErrorFor(e, PathOf(key));
  if (type == od::json_type::null) {
    if (need == Need::kRequired) return InvalidInput("required field is null").WithField(PathOf(key));
    return Status::Ok();
  }
  found = true;
  return Status::Ok();
}

bool Fields::Has(std::string_view key) {
  auto field = object_.find_field_unordered(key);
  return !field.error();
}

static Status WrongType(od::value& v, std::string_view expected, const std::string& path) {
  od::json_type type;
  std::string got = v.type().get(type) ? "something else" : std::string(TypeName(type));
  return InvalidInput("expected " + std::string(expected) + ", got " + got).WithField(path);
}

Status Fields::String(std::string_view key, std::string& out, Need need, bool* found) {
  od::value v;
  bool present;
  LOUPE_TRY(Find(key, v, present, need));
  if (found) *found = present;
  if (!present) return Status::Ok();
  std::string_view s;
  auto e = v.get_string().get(s);
  if (e == simdjson::INCORRECT_TYPE) return WrongType(v, "a string", PathOf(key));
  if (e) return ErrorFor(e, PathOf(key));
  out.assign(s);
  return Status::Ok();
}

Status Fields::Int(std::string_view key, int64_t& out, Need need, int64_t min, int64_t max,
                   bool* found) {
  od::value v;
  bool present;
  LOUPE_TRY(Find(key, v, present, need));
  if (found) *found = present;
  if (!present) return Status::Ok();
  int64_t n;
  auto e = v.get_int64().get(n);
  if (e == simdjson::INCORRECT_TYPE || e == simdjson::NUMBER_OUT_OF_RANGE || e == simdjson::BIGINT_ERROR) {
    od::json_type type;
    if (v.type().get(type) || type != od::json_type::number) return WrongType(v, "an integer", PathOf(key));
    // 3.0 is an integer to GitHub; 3.5 is not; 1e400 and 99999999999999999999 do not fit.
    double d;
    const auto de = v.get_double().get(d);
    if (de || d < -9.0e18 || d > 9.0e18) {
      const std::string text(Trim(v.raw_json_token()));
      return InvalidInput("number " + Ellipsize(text, 40) + " out of range (expected a 64-bit integer)")
          .WithField(PathOf(key));
    }
    // The range check above comes first: converting an out-of-range double to int64 is undefined.
    if (d != static_cast<double>(static_cast<int64_t>(d))) return WrongType(v, "an integer", PathOf(key));
    n = static_cast<int64_t>(d);
    e = simdjson::SUCCESS;
  }
  if (e) return ErrorFor(e, PathOf(key));
  if (n < min || n > max) {
    return InvalidInput("number " + std::to_string(n) + " out of range [" + std::to_string(min) +
                        ", " + std::to_string(max) + "]")
        .WithField(PathOf(key));
  }
  out = n;
  return Status::Ok();
}

Status Fields::Int32(std::string_view key, int32_t& out, Need need, bool* found) {
  int64_t n = out;
  LOUPE_TRY(Int(key, n, need, 0, INT32_MAX, found));
  out = static_cast<int32_t>(n);
  return Status::Ok();
}

Status Fields::Bool(std::string_view key, bool& out, Need need, bool* found) {
  od::value v;
  bool present;
  LOUPE_TRY(Find(key, v, present, need));
  if (found) *found = present;
  if (!present) return Status::Ok();
  bool b;
  auto e = v.get_bool().get(b);
  if (e == simdjson::INCORRECT_TYPE) return WrongType(v, "true or false", PathOf(key));
  if (e) return ErrorFor(e, PathOf(key));
  out = b;
  return Status::Ok();
}

Status Fields::TimeText(std::string_view key, Timestamp& out, Need need, std::string& text) {
  bool found = false;
  LOUPE_TRY(String(key, text, need, &found));
  if (!found) return Status::Ok();
  auto parsed = ParseIsoTimestamp(text);
  if (!parsed.ok()) return std::move(parsed).TakeStatus().WithField(PathOf(key));
  out = *parsed;
  return Status::Ok();
}

Status Fields::Time(std::string_view key, Timestamp& out, Need need) {
  std::string text;
  return TimeText(key, out, need, text);
}

Status Fields::Time(std::string_view key, Instant& out, Need need) {
  Timestamp ts;
  LOUPE_TRY(Time(key, ts, need));
  if (ts.known()) out = ts.utc;
  return Status::Ok();
}

Status Fields::UtcTime(std::string_view key, Timestamp& out, Need need) {
  std::string text;
  LOUPE_TRY(TimeText(key, out, need, text));
  if (!text.empty() && (text.back() == 'Z' || text.back() == 'z')) {
    out.offset_minutes = kUnknownOffset;
  }
  return Status::Ok();
}

Status Fields::GitSha(std::string_view key, Sha& out, Need need) {
  std::string text;
  bool found = false;
  LOUPE_TRY(String(key, text, need, &found));
  if (!found) return Status::Ok();
  if (!Sha::Parse(text, out)) {
    return InvalidInput("expected a 40-hex-digit commit sha, got " + QuoteForMessage(text))
        .WithField(PathOf(key));
  }
  return Status::Ok();
}

Status Fields::Object(std::string_view key, od::object& out, bool& found, Need need) {
  od::value v;
  LOUPE_TRY(Find(key, v, found, need));
  if (!found) return Status::Ok();
  auto e = v.get_object().get(out);
  if (e == simdjson::INCORRECT_TYPE) return WrongType(v, "an object", PathOf(key));
  if (e) return ErrorFor(e, PathOf(key));
  return Status::Ok();
}

Status Fields::Array(std::string_view key, od::array& out, bool& found, Need need) {
  od::value v;
  LOUPE_TRY(Find(key, v, found, need));
  if (!found) return Status::Ok();
  auto e = v.get_array().get(out);
  if (e == simdjson::INCORRECT_TYPE) return WrongType(v, "an array", PathOf(key));
  if (e) return ErrorFor(e, PathOf(key));
  return Status::Ok();
}

Status AsObject(od::value value, const std::string& path, od::object& out) {
  auto e = value.get_object().get(out);
  if (e == simdjson::INCORRECT_TYPE) {
    od::json_type type;
    std::string got = value.type().get(type) ? "something else" : std::string(TypeName(type));
    Status s = InvalidInput("expected an object, got " + got);
    if (!path.empty()) s.WithField(path);
    return s;
  }
  if (e) return ErrorFor(e, path);
  return Status::Ok();
}

Status PresentKeys(od::object& object, std::span<const std::string_view> keys,
                   const std::string& path, uint32_t& present) {
  LOUPE_ASSERT(keys.size() <= 32, "PresentKeys reports at most 32 keys");
  present = 0;
  for (auto field : object) {
    std::string_view key;
    if (auto e = field.escaped_key().get(key)) return ErrorFor(e, path);
    for (size_t i = 0; i < keys.size(); ++i) {
      if (key == keys[i]) present |= uint32_t{1} << i;
    }
  }
  bool unused;
  if (auto e = object.reset().get(unused)) return ErrorFor(e, path);
  return Status::Ok();
}

Status InvalidUtf8Error(std::string_view text, size_t base_line) {
  const size_t bad = FindInvalidUtf8(text);
  if (bad == std::string_view::npos) return InvalidInput("invalid UTF-8");
  const size_t line = base_line + static_cast<size_t>(std::count(text.begin(), text.begin() + bad, '\n'));
  Status status = InvalidInput("invalid UTF-8 at byte " + std::to_string(bad) + " (line " +
                               std::to_string(line) + ")");
  // Walk back to the opening quote of the string holding the bad byte; if that string is a value
  // ("key": "…"), name the key.
  size_t i = bad;
  while (i > 0 && !(text[i - 1] == '"' && (i < 2 || text[i - 2] != '\\'))) --i;
  if (i == 0) return status;
  size_t j = i - 1;  // the opening quote
  while (j > 0 && (text[j - 1] == ' ' || text[j - 1] == '\t' || text[j - 1] == '\n' || text[j - 1] == '\r')) --j;
  if (j == 0 || text[j - 1] != ':') return status;
  --j;
  while (j > 0 && (text[j - 1] == ' ' || text[j - 1] == '\t' || text[j - 1] == '\n' || text[j - 1] == '\r')) --j;
  if (j == 0 || text[j - 1] != '"') return status;
  const size_t key_end = j - 1;
  size_t key_start = key_end;
  while (key_start > 0 && text[key_start - 1] != '"') --key_start;
  if (key_start > 0 && key_end > key_start) status.WithField(text.substr(key_start, key_end - key_start));
  return status;
}

}  // namespace loupe::ingest::json
