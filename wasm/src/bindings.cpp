// wasm/src/bindings.cpp — the engine as an Embind class for the JS package (wasm/js/core.mjs).
//
//   Engine.openMemory() / Engine.openSqlite()   a session in memory, or on the sqlite-wasm
//                                               database the JS side registered (Module.loupeSql)
//   engine.importBytes(name, Uint8Array, format, repo, pullRequest, now, onProgress)
//   engine.call(method, paramsJson, now, onProgress)                   api::Dispatch
// Each returns {ok: true, value: <JSON text>} or {ok: false, code, message, file, record, field};
// nothing throws across the boundary. onProgress(phase, done, total, unit) may be null; returning
// false from it cancels (the work fails with code "cancelled" and stores nothing).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>

#include "loupe/api/dispatch.h"
#include "loupe/api/session.h"
#include "loupe/ingest/format.h"
#include "loupe/ingest/importer.h"
#include "loupe/ingest/input.h"
#include "sqlite_wasm_driver.h"

namespace loupe::wasm {
namespace {

using emscripten::val;

val Ok(const std::string& json) {
  val out = val::object();
  out.set("ok", true);
  out.set("value", json);
  return out;
}

val Error(const Status& status) {
  val out = val::object();
  out.set("ok", false);
  out.set("code", std::string(StatusCodeName(status.code())));
  out.set("message", status.ToString());
  out.set("file", status.location().file);
  out.set("record", status.location().record);
  out.set("field", status.location().field);
  return out;
}

ProgressFn ProgressOf(const val& callback) {
  if (callback.isNull() || callback.isUndefined()) return {};
  return [callback](const Progress& p) {
    const val keep = callback(std::string(p.phase), static_cast<double>(p.done), static_cast<double>(p.total),
                              std::string(p.unit));
    return !(keep.isFalse());
  };
}

}  // namespace

class Engine {
 public:
  static std::unique_ptr<Engine> OpenMemory() { return std::unique_ptr<Engine>(new Engine(api::Session::InMemory())); }

  //! nullptr when the database cannot be opened: lastOpenError() says why.
  static std::unique_ptr<Engine> OpenSqlite() {
    auto driver = SqliteWasmDriver::Open();
    if (!driver.ok()) return Failed(driver.status());
    auto session = api::Session::Open(std::move(*driver));
    if (!session.ok()) return Failed(session.status());
    return std::unique_ptr<Engine>(new Engine(std::move(*session)));
  }
  static val LastOpenError() { return Error(open_error_); }

  val ImportBytes(const std::string& name, const val& bytes, const std::string& format, const std::string& repo,
                  const std::string& pull_request, double now, const val& on_progress) {
    const size_t size = bytes["length"].as<size_t>();
    ingest::InputBuffer input = ingest::InputBuffer::Allocate(size);
    // One copy, from the JS buffer straight into wasm memory.
    val(emscripten::typed_memory_view(size, reinterpret_cast<uint8_t*>(input.mutable_data()))).call<void>("set", bytes);
    ingest::ImportOptions options;
    options.source_name = name;
    options.repo = repo;
    if (!format.empty() && format != "auto") {
      auto parsed = ingest::ParseFormatName(format);
      if (!parsed.ok()) return Error(parsed.status());
      options.format = *parsed;
    }
    if (!pull_request.empty()) {
      auto ref = ingest::ParsePrRef(pull_request);
      if (!ref.ok()) return Error(ref.status());
      options.pull_request = *ref;
    }
    options.progress = ProgressOf(on_progress);
    (void)now;  // imports take their stamps from the data
    auto report = session_->Import(input, options);
    if (!report.ok()) return Error(report.status());
    return Ok(api::ImportReportJson(*report));
  }

  val Call(const std::string& method, const std::string& params, double now, const val& on_progress) {
    api::CallContext context;
    context.now = static_cast<Instant>(now);
    context.progress = ProgressOf(on_progress);
    auto result = api::Dispatch(*session_, method, params, context);
    if (!result.ok()) return Error(result.status());
    return Ok(*result);
  }

  std::string StorageDescription() const { return session_->StorageDescription(); }
  bool Persistent() const { return session_->persistent(); }

 private:
  explicit Engine(std::unique_ptr<api::Session> session) : session_(std::move(session)) {}
  static std::unique_ptr<Engine> Failed(const Status& status) {
    open_error_ = status;
    return nullptr;
  }

  static inline Status open_error_;
  std::unique_ptr<api::Session> session_;
};

EMSCRIPTEN_BINDINGS(loupe_engine) {
  emscripten::class_<Engine>("Engine")
      .class_function("openMemory", &Engine::OpenMemory)
      .class_function("openSqlite", &Engine::OpenSqlite)
      .class_function("lastOpenError", &Engine::LastOpenError)
      .function("importBytes", &Engine::ImportBytes)
      .function("call", &Engine::Call)
      .function("storageDescription", &Engine::StorageDescription)
      .function("persistent", &Engine::Persistent);
}

}  // namespace loupe::wasm
