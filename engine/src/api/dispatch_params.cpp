#include "api/dispatch_params.h"

#include <cmath>

#include "loupe/core/strings.h"

namespace loupe::api {

std::string_view JsonTypeName(dom::element value) {
  switch (value.type()) {
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

namespace {

std::string Quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

// `value` as an integer in [min, max]: JSON numbers with an integral value only.
Status ToInt(dom::element value, int64_t min, int64_t max, int64_t& out, std::string& why) {
  double d = 0;
  switch (value.type()) {
    case dom::element_type::INT64: {
      const int64_t n = value.get_int64().value_unsafe();
      if (n < min || n > max) break;
      out = n;
      return Status::Ok();
    }
    case dom::element_type::UINT64: break;
    case dom::element_type::DOUBLE:
      d = value.get_double().value_unsafe();
      if (d != std::floor(d) || d < -9.0e18 || d > 9.0e18) {
        why = "must be an integer";
        return InvalidInput(why);
      }
      if (static_cast<int64_t>(d) < min || static_cast<int64_t>(d) > max) break;
      out = static_cast<int64_t>(d);
      return Status::Ok();
    default:
      why = "must be an integer, got " + std::string(JsonTypeName(value));
      return InvalidInput(why);
  }
  why = "must be an integer";
  if (min != INT64_MIN && max != INT64_MAX) {
    why += " in " + std::to_string(min) + ".." + std::to_string(max);
  } else if (min != INT64_MIN) {
    why += " >= " + std::to_string(min);
  }
  return InvalidInput(why);
}

}  // namespace

Result<Params> Params::Parse(std::string_view method, std::string_view json) {
  Params p;
  p.method_ = std::string(method);
  p.parser_ = std::make_unique<dom::parser>();
  if (Trim(json).empty()) json = "{}";
  dom::element root;
  if (auto error = p.parser_->parse(json.data(), json.size(), /*realloc_if_needed=*/true).get(root)) {
    return p.Error(std::string("params are not valid JSON (") + simdjson::error_message(error) + ")");
  }
  if (root.get_object().get(p.object_)) {
    return p.Error("params must be a JSON object, got " + std::string(JsonTypeName(root)));
  }
  return p;
}

Status Params::Error(std::string_view name, std::string_view what) const {
  return InvalidInput(method_ + ": param " + Quoted(name) + " " + std::string(what));
}

Status Params::Error(std::string_view what) const { return InvalidInput(method_ + ": " + std::string(what)); }

Status Params::Allow(std::initializer_list<std::string_view> known) const {
  for (auto field : object_) {
    bool ok = false;
    for (std::string_view k : known) ok |= field.key == k;
    if (ok) continue;
    std::string list;
    for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
    return InvalidInput(method_ + ": unknown param " + QuoteForMessage(field.key) +
                        (list.empty() ? " (it takes no params)" : " (accepted: " + list + ")"));
  }
  return Status::Ok();
}

std::optional<dom::element> Params::Get(std::string_view name, bool keep_null) const {
  dom::element value;
  if (object_.at_key(name).get(value)) return std::nullopt;
  if (value.is_null() && !keep_null) return std::nullopt;
  return value;
}

bool Params::IsNull(std::string_view name) const {
  auto value = Get(name, true);
  return value && value->is_null();
}

Result<std::optional<std::string>> Params::OptString(std::string_view name) const {
  auto value = Get(name);
  if (!value) return std::optional<std::string>();
  std::string_view text;
  if (value->get_string().get(text)) return Error(name, "must be a string, got " + std::string(JsonTypeName(*value)));
  return std::optional<std::string>(std::string(text));
}

Result<std::string> Params::String(std::string_view name) const {
  LOUPE_ASSIGN_OR_RETURN(auto text, OptString(name));
  if (!text) return Error(name, "is required");
  return std::move(*text);
}

Result<bool> Params::Bool(std::string_view name, bool fallback) const {
  auto value = Get(name);
  if (!value) return fallback;
  bool b = false;
  if (value->get_bool().get(b)) return Error(name, "must be a boolean, got " + std::string(JsonTypeName(*value)));
  return b;
}

Result<std::optional<int64_t>> Params::OptInt(std::string_view name, int64_t min, int64_t max) const {
  auto value = Get(name);
  if (!value) return std::optional<int64_t>();
  int64_t n = 0;
  std::string why;
  if (!ToInt(*value, min, max, n, why).ok()) return Error(name, why);
  return std::optional<int64_t>(n);
}

Result<int64_t> Params::Int(std::string_view name, int64_t min, int64_t max) const {
  LOUPE_ASSIGN_OR_RETURN(auto n, OptInt(name, min, max));
  if (!n) return Error(name, "is required");
  return *n;
}

Result<std::optional<double>> Params::OptNumber(std::string_view name) const {
  auto value = Get(name);
  if (!value) return std::optional<double>();
  double d = 0;
  if (value->get_double().get(d)) return Error(name, "must be a number, got " + std::string(JsonTypeName(*value)));
  return std::optional<double>(d);
}

Result<std::optional<std::vector<std::string>>> Params::OptStrings(std::string_view name) const {
  auto value = Get(name);
  if (!value) return std::optional<std::vector<std::string>>();
  dom::array array;
  if (value->get_array().get(array)) {
    return Error(name, "must be an array of strings, got " + std::string(JsonTypeName(*value)));
  }
  std::vector<std::string> out;
  size_t index = 0;
  for (dom::element item : array) {
    std::string_view text;
    if (item.get_string().get(text)) {
      return Error(std::string(name) + "[" + std::to_string(index) + "]",
                   "must be a string, got " + std::string(JsonTypeName(item)));
    }
    out.emplace_back(text);
    ++index;
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

Result<std::vector<std::string>> Params::Strings(std::string_view name) const {
  LOUPE_ASSIGN_OR_RETURN(auto list, OptStrings(name));
  if (!list) return Error(name, "is required");
  if (list->empty()) return Error(name, "must not be empty");
  return std::move(*list);
}

Status Params::AllowMembers(dom::object object, std::string_view param,
                            std::initializer_list<std::string_view> known) const {
  for (auto field : object) {
    bool ok = false;
    for (std::string_view k : known) ok |= field.key == k;
    if (ok) continue;
    std::string list;
    for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
    return Error(std::string(param) + "." + std::string(field.key), "is not known (accepted: " + list + ")");
  }
  return Status::Ok();
}

Result<std::optional<int64_t>> Params::MemberInt(dom::object object, std::string_view param, std::string_view member,
                                                 int64_t min, int64_t max) const {
  dom::element value;
  if (object.at_key(member).get(value) || value.is_null()) return std::optional<int64_t>();
  int64_t n = 0;
  std::string why;
  if (!ToInt(value, min, max, n, why).ok()) return Error(std::string(param) + "." + std::string(member), why);
  return std::optional<int64_t>(n);
}

Result<std::optional<double>> Params::MemberNumber(dom::object object, std::string_view param,
                                                   std::string_view member) const {
  dom::element value;
  if (object.at_key(member).get(value) || value.is_null()) return std::optional<double>();
  double d = 0;
  if (value.get_double().get(d)) {
    return Error(std::string(param) + "." + std::string(member), "must be a number, got " + std::string(JsonTypeName(value)));
  }
  return std::optional<double>(d);
}

Result<std::optional<std::string>> Params::MemberString(dom::object object, std::string_view param,
                                                        std::string_view member) const {
  dom::element value;
  if (object.at_key(member).get(value) || value.is_null()) return std::optional<std::string>();
  std::string_view text;
  if (value.get_string().get(text)) {
    return Error(std::string(param) + "." + std::string(member), "must be a string, got " + std::string(JsonTypeName(value)));
  }
  return std::optional<std::string>(std::string(text));
}

}  // namespace loupe::api
