// web/app/bridge.h — the dashboard's only way to the engine: JSON calls through the JS package.
//
// The dashboard is a client of the JS API like any host app (DESIGN §3, §8): Call() hands
// (method, params) to web/dashboard.mjs, which calls `loupe.call(method, params)` in the engine's
// worker and passes the JSON reply back through loupe_ui_reply(). Replies are parsed once, here,
// with simdjson's DOM, and kept by request key so every frame reads them without another call.
// Nothing blocks: a request is Loading until its reply arrives, and the frame loop keeps drawing.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "simdjson.h"

namespace loupe::app {

//! One engine reply: the parsed document (simdjson DOM) or the error message.
struct Reply {
  enum class State { kLoading, kReady, kError };
  State state = State::kLoading;
  std::string error;            //!< the engine's message ("code: message") when kError
  std::string text;             //!< the JSON text (kept: the DOM points into the parser)
  simdjson::dom::parser parser;
  simdjson::dom::element root;  //!< valid when kReady
  uint64_t generation = 0;      //!< Bridge::generation() when it was requested
};

class Bridge {
 public:
  using Callback = std::function<void(std::unique_ptr<Reply>)>;

  //! The cached reply of (method, params), requesting it when absent or stale (requested before
  //! the last Invalidate()). A stale reply stays visible until its replacement arrives.
  const Reply& Get(const std::string& method, const std::string& params_json);
  //! Sends a call whose reply is not cached (mutations); `done` gets the reply when it arrives.
  void Send(const std::string& method, const std::string& params_json, Callback done);
  //! Marks every cached reply stale (after a mutation or an import): re-fetched on next Get().
  void Invalidate() { ++generation_; }
  uint64_t generation() const { return generation_; }
  //! Calls still in flight (the app keeps rendering while there are any, for spinners).
  int pending() const { return static_cast<int>(in_flight_.size()); }

  //! Called by loupe_ui_reply() with the JS side's answer.
  void Deliver(int id, bool ok, std::string text);

 private:
  struct Flight {
    std::string key;  //!< cache key, empty for Send()
    Callback done;
    uint64_t generation = 0;
  };
  int Start(const std::string& method, const std::string& params_json);

  std::map<std::string, std::unique_ptr<Reply>> cache_;
  std::map<std::string, int> fetching_;  //!< cache key -> request id in flight
  std::map<int, Flight> in_flight_;
  int next_id_ = 1;
  uint64_t generation_ = 1;
};

//! Small readers over a reply's DOM: a missing key or a wrong type gives the fallback.
double Num(simdjson::dom::element e, const char* key, double fallback = 0.0);
std::string Str(simdjson::dom::element e, const char* key, const std::string& fallback = "");
bool Has(simdjson::dom::element e, const char* key);
simdjson::dom::element Child(simdjson::dom::element e, const char* key);  //!< null element if absent
simdjson::dom::array Items(simdjson::dom::element e, const char* key);     //!< empty if absent
simdjson::dom::array AsArray(simdjson::dom::element e);                    //!< empty if not an array
double AsNum(simdjson::dom::element e, double fallback = 0.0);
std::string AsStr(simdjson::dom::element e);

//! A JSON string literal for `text` (quotes and escapes), for building params.
std::string Quote(std::string_view text);

}  // namespace loupe::app
