#include "app/bridge.h"

#include <emscripten.h>

#include <cstdio>

// Implemented in web/dashboard.mjs (Module.loupeRequest): calls the engine, answers through
// loupe_ui_reply(id, ok, text, length).
EM_JS(void, loupe_js_request, (int id, const char* method, const char* params), {
  Module.loupeRequest(id, UTF8ToString(method), UTF8ToString(params));
});

namespace loupe::app {
namespace {

// An empty array the readers return when the key is absent (a DOM element must point somewhere).
simdjson::dom::element EmptyArray() {
  static simdjson::dom::parser parser;
  static simdjson::dom::element empty = [] {
    simdjson::dom::element e;
    (void)parser.parse("[]", 2).get(e);
    return e;
  }();
  return empty;
}

simdjson::dom::element Null() {
  static simdjson::dom::parser parser;
  static simdjson::dom::element null = [] {
    simdjson::dom::element e;
    (void)parser.parse("null", 4).get(e);
    return e;
  }();
  return null;
}

}  // namespace

int Bridge::Start(const std::string& method, const std::string& params_json) {
  const int id = next_id_++;
  loupe_js_request(id, method.c_str(), params_json.c_str());
  return id;
}

const Reply& Bridge::Get(const std::string& method, const std::string& params_json) {
  const std::string key = method + '\n' + params_json;
  auto& slot = cache_[key];
  if (!slot) slot = std::make_unique<Reply>();
  const bool stale = slot->state == Reply::State::kLoading ? false : slot->generation < generation_;
  const bool never = slot->state == Reply::State::kLoading && !fetching_.count(key);
  if ((stale || never) && !fetching_.count(key)) {
    const int id = Start(method, params_json);
    fetching_[key] = id;
    in_flight_[id] = Flight{key, nullptr, generation_};
  }
  return *slot;
}

void Bridge::Send(const std::string& method, const std::string& params_json, Callback done) {
  const int id = Start(method, params_json);
  in_flight_[id] = Flight{"", std::move(done), generation_};
}

void Bridge::Deliver(int id, bool ok, std::string text) {
  auto it = in_flight_.find(id);
  if (it == in_flight_.end()) return;
  Flight flight = std::move(it->second);
  in_flight_.erase(it);

  auto fresh = std::make_unique<Reply>();
  fresh->generation = flight.generation;
  if (ok) {
    fresh->text = std::move(text);
    if (fresh->parser.parse(fresh->text).get(fresh->root) == simdjson::SUCCESS) {
      fresh->state = Reply::State::kReady;
    } else {
      fresh->state = Reply::State::kError;
      fresh->error = "the engine's reply is not valid JSON";
    }
  } else {
    fresh->state = Reply::State::kError;
    fresh->error = std::move(text);
  }

  if (flight.key.empty()) {
    if (flight.done) flight.done(std::move(fresh));
    return;
  }
  fetching_.erase(flight.key);
  cache_[flight.key] = std::move(fresh);
}

double AsNum(simdjson::dom::element e, double fallback) {
  double d;
  if (e.get(d) == simdjson::SUCCESS) return d;
  int64_t i;
  if (e.get(i) == simdjson::SUCCESS) return static_cast<double>(i);
  uint64_t u;
  if (e.get(u) == simdjson::SUCCESS) return static_cast<double>(u);
  bool b;
  if (e.get(b) == simdjson::SUCCESS) return b ? 1.0 : 0.0;
  return fallback;
}

std::string AsStr(simdjson::dom::element e) {
  std::string_view s;
  if (e.get(s) == simdjson::SUCCESS) return std::string(s);
  return {};
}

simdjson::dom::element Child(simdjson::dom::element e, const char* key) {
  simdjson::dom::element out;
  if (e.is_object() && e[key].get(out) == simdjson::SUCCESS) return out;
  return Null();
}

bool Has(simdjson::dom::element e, const char* key) {
  simdjson::dom::element out;
  return e.is_object() && e[key].get(out) == simdjson::SUCCESS && !out.is_null();
}

double Num(simdjson::dom::element e, const char* key, double fallback) {
  return Has(e, key) ? AsNum(Child(e, key), fallback) : fallback;
}

std::string Str(simdjson::dom::element e, const char* key, const std::string& fallback) {
  if (!Has(e, key)) return fallback;
  simdjson::dom::element c = Child(e, key);
  if (c.is_string()) return AsStr(c);
  return fallback;
}

simdjson::dom::array AsArray(simdjson::dom::element e) {
  simdjson::dom::array a;
  if (e.get(a) == simdjson::SUCCESS) return a;
  (void)EmptyArray().get(a);
  return a;
}

simdjson::dom::array Items(simdjson::dom::element e, const char* key) { return AsArray(Child(e, key)); }

std::string Quote(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

}  // namespace loupe::app
