// api/dispatch_params.h (internal) — reading one Dispatch call's JSON params, with errors that name
// the method and the param.
#pragma once
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/api/dispatch.h"
#include "loupe/core/status.h"
#include "simdjson.h"

namespace loupe::api {

namespace dom = simdjson::dom;

//! The params object of one call. Getters treat a JSON null like an absent param; a value of the
//! wrong type is an error.
class Params {
 public:
  //! Parses `json` ("" or blank = {}); it must be an object.
  static Result<Params> Parse(std::string_view method, std::string_view json);

  //! Fails on any param not in `known`.
  Status Allow(std::initializer_list<std::string_view> known) const;

  //! The param's value, or nullopt when absent (null counts as absent unless `keep_null`).
  std::optional<dom::element> Get(std::string_view name, bool keep_null = false) const;
  bool IsNull(std::string_view name) const;

  Result<std::optional<std::string>> OptString(std::string_view name) const;
  Result<std::string> String(std::string_view name) const;  //!< required
  Result<bool> Bool(std::string_view name, bool fallback) const;
  Result<std::optional<int64_t>> OptInt(std::string_view name, int64_t min = INT64_MIN, int64_t max = INT64_MAX) const;
  Result<int64_t> Int(std::string_view name, int64_t min = INT64_MIN, int64_t max = INT64_MAX) const;  //!< required
  Result<std::optional<double>> OptNumber(std::string_view name) const;
  Result<std::optional<std::vector<std::string>>> OptStrings(std::string_view name) const;
  Result<std::vector<std::string>> Strings(std::string_view name) const;  //!< required, not empty

  //! InvalidInput("<method>: param \"<name>\" <what>").
  Status Error(std::string_view name, std::string_view what) const;
  //! InvalidInput("<method>: <what>").
  Status Error(std::string_view what) const;
  const std::string& method() const { return method_; }

  //! Reads a member of a nested object param the same way (for errors: "<param>.<member>").
  Result<std::optional<int64_t>> MemberInt(dom::object object, std::string_view param, std::string_view member,
                                           int64_t min, int64_t max) const;
  Result<std::optional<double>> MemberNumber(dom::object object, std::string_view param, std::string_view member) const;
  Result<std::optional<std::string>> MemberString(dom::object object, std::string_view param,
                                                  std::string_view member) const;
  Status AllowMembers(dom::object object, std::string_view param, std::initializer_list<std::string_view> known) const;

 private:
  std::string method_;
  std::unique_ptr<dom::parser> parser_;
  dom::object object_;
};

//! One Dispatch method: its name and handler.
using Handler = Result<std::string> (*)(Session& session, const Params& p, const CallContext& context);
struct Method {
  std::string_view name;
  Handler run;
};

//! The intelligence and analytics methods (api/intelligence_methods.cpp), after Dispatch's own.
std::span<const Method> IntelligenceMethods();
//! The dashboard methods (api/dashboard_methods.cpp), after the intelligence ones.
std::span<const Method> DashboardMethods();

//! "a string", "a number", … for messages.
std::string_view JsonTypeName(dom::element value);

}  // namespace loupe::api
