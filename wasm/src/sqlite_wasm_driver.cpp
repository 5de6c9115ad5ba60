#include "sqlite_wasm_driver.h"

#include <emscripten/emscripten.h>

#include <cstdint>
#include <vector>

// [SECTION] the JS half: every function reads Module.loupeSql (see the header) and never throws
// into C++ — failures return -1 and leave the message for loupe_sql_error().

EM_JS(int, loupe_sql_ready, (), { return Module.loupeSql && Module.loupeSql.db ? 1 : 0; });

EM_JS(void, loupe_sql_init, (), {
  const s = Module.loupeSql;
  s.stmts = [];
  s.free = [];
  s.error = "";
  s.text = "";
  s.blob = null;
  s.fail = (e) => {
    s.error = String(e && e.message ? e.message : e);
    return -1;
  };
});

EM_JS(int, loupe_sql_error_length, (), { return lengthBytesUTF8(Module.loupeSql.error); });
EM_JS(void, loupe_sql_error_copy, (char* out, int size), { stringToUTF8(Module.loupeSql.error, out, size); });

EM_JS(int, loupe_sql_describe_length, (), {
  const s = Module.loupeSql;
  s.text = "sqlite-wasm " + s.sqlite3.version.libVersion + ", " + (s.db.filename || ":memory:") + " (vfs " +
           (s.db.dbVfsName ? s.db.dbVfsName() : "?") + ")";
  return lengthBytesUTF8(s.text);
});
EM_JS(void, loupe_sql_text_copy, (char* out, int size), { stringToUTF8(Module.loupeSql.text, out, size); });

EM_JS(int, loupe_sql_exec, (const char* sql, int length), {
  const s = Module.loupeSql;
  try {
    s.db.exec(UTF8ToString(sql, length));
    return 0;
  } catch (e) {
    return s.fail(e);
  }
});

EM_JS(int, loupe_sql_prepare, (const char* sql, int length), {
  const s = Module.loupeSql;
  try {
    const stmt = s.db.prepare(UTF8ToString(sql, length));
    const id = s.free.length ? s.free.pop() : s.stmts.length;
    s.stmts[id] = stmt;
    return id;
  } catch (e) {
    return s.fail(e);
  }
});

EM_JS(void, loupe_sql_finalize, (int id), {
  const s = Module.loupeSql;
  try {
    s.stmts[id].finalize();
  } catch (e) {
  }
  s.stmts[id] = undefined;
  s.free.push(id);
});

EM_JS(int, loupe_sql_bind_null, (int id, int index), {
  const s = Module.loupeSql;
  try {
    s.stmts[id].bind(index, null);
    return 0;
  } catch (e) {
    return s.fail(e);
  }
});

EM_JS(int, loupe_sql_bind_int, (int id, int index, int lo, int hi), {
  const s = Module.loupeSql;
  try {
    // Exact 64-bit: a Number while it is safe, a BigInt beyond.
    const safe = (hi === 0 && lo >= 0) || (hi === -1 && lo < 0) || (hi >= -2097152 && hi < 2097152);
    const value = safe ? hi * 4294967296 + (lo >>> 0) : (BigInt(hi) << BigInt(32)) | BigInt(lo >>> 0);
    s.stmts[id].bind(index, value);
    return 0;
  } catch (e) {
    return s.fail(e);
  }
});

EM_JS(int, loupe_sql_bind_double, (int id, int index, double value), {
  const s = Module.loupeSql;
  try {
    s.stmts[id].bind(index, value);
    return 0;
  } catch (e) {
    return s.fail(e);
  }
});

EM_JS(int, loupe_sql_bind_text, (int id, int index, const char* data, int length), {
  const s = Module.loupeSql;
  try {
    s.stmts[id].bind(index, length ? UTF8ToString(data, length) : "");
    return 0;
  } catch (e) {
    return s.fail(e);
  }
});

EM_JS(int, loupe_sql_bind_blob, (int id, int index, const char* data, int length), {
  const s = Module.loupeSql;
  try {
    s.stmts[id].bind(index, HEAPU8.slice(data, data + length));
    return 0;
  } catch (e) {
    return s.fail(e);
  }
});

EM_JS(int, loupe_sql_step, (int id), {
  const s = Module.loupeSql;
  try {
    return s.stmts[id].step() ? 1 : 0;
  } catch (e) {
    return s.fail(e);
  }
});

EM_JS(int, loupe_sql_reset, (int id), {
  const s = Module.loupeSql;
  try {
    s.stmts[id].reset();
    return 0;
  } catch (e) {
    return s.fail(e);
  }
});

EM_JS(int, loupe_sql_column_count, (int id), { return Module.loupeSql.stmts[id].columnCount; });

// SQLite's type codes: 1 integer, 2 float, 3 text, 4 blob, 5 null.
EM_JS(int, loupe_sql_column_type, (int id, int column), {
  const s = Module.loupeSql;
  return s.sqlite3.capi.sqlite3_column_type(s.stmts[id].pointer, column);
});

EM_JS(void, loupe_sql_column_int, (int id, int column, int32_t* out), {
  const s = Module.loupeSql;
  let v = s.sqlite3.capi.sqlite3_column_int64(s.stmts[id].pointer, column);
  if (typeof v === "number") {
    HEAP32[out >> 2] = v % 4294967296 | 0;
    HEAP32[(out >> 2) + 1] = Math.floor(v / 4294967296) | 0;
  } else {
    v = BigInt.asUintN(64, v);
    HEAP32[out >> 2] = Number(v & BigInt(4294967295)) | 0;
    HEAP32[(out >> 2) + 1] = Number(v >> BigInt(32)) | 0;
  }
});

EM_JS(double, loupe_sql_column_double, (int id, int column), {
  const s = Module.loupeSql;
  return s.sqlite3.capi.sqlite3_column_double(s.stmts[id].pointer, column);
});

// Text and blobs: the first call fetches and returns the byte length, the second copies.
EM_JS(int, loupe_sql_column_text_length, (int id, int column), {
  const s = Module.loupeSql;
  const text = s.stmts[id].getString(column);
  s.text = text === null ? "" : text;
  return lengthBytesUTF8(s.text);
});

EM_JS(int, loupe_sql_column_blob_length, (int id, int column), {
  const s = Module.loupeSql;
  s.blob = s.stmts[id].getBlob(column) || new Uint8Array(0);
  return s.blob.length;
});
EM_JS(void, loupe_sql_blob_copy, (char* out), { HEAPU8.set(Module.loupeSql.blob, out); });

namespace loupe::wasm {
namespace {

using storage::SqlStatement;
using storage::SqlType;

std::string LastError() {
  const int n = loupe_sql_error_length();
  std::vector<char> buf(static_cast<size_t>(n) + 1);
  loupe_sql_error_copy(buf.data(), n + 1);
  return std::string(buf.data(), static_cast<size_t>(n));
}

Status Failed(std::string_view what) { return IoError(std::string(what) + ": " + LastError()); }

class Statement final : public SqlStatement {
 public:
  explicit Statement(int id) : id_(id) {}
  ~Statement() override { loupe_sql_finalize(id_); }

  Status BindNull(int index) override { return Check(loupe_sql_bind_null(id_, index), "bind"); }
  Status BindInt(int index, int64_t value) override {
    const auto bits = static_cast<uint64_t>(value);
    return Check(loupe_sql_bind_int(id_, index, static_cast<int32_t>(bits & 0xFFFFFFFFu), static_cast<int32_t>(bits >> 32)),
                 "bind");
  }
  Status BindDouble(int index, double value) override { return Check(loupe_sql_bind_double(id_, index, value), "bind"); }
  Status BindText(int index, std::string_view value) override {
    return Check(loupe_sql_bind_text(id_, index, value.data(), static_cast<int>(value.size())), "bind");
  }
  Status BindBlob(int index, const void* data, size_t size) override {
    return Check(loupe_sql_bind_blob(id_, index, static_cast<const char*>(data), static_cast<int>(size)), "bind");
  }
  Result<bool> Step() override {
    const int rc = loupe_sql_step(id_);
    if (rc < 0) return Failed("step");
    if (rc == 1 && columns_ < 0) columns_ = loupe_sql_column_count(id_);
    if (rc == 1) cells_.assign(static_cast<size_t>(columns_), {});
    return rc == 1;
  }
  Status Reset() override { return Check(loupe_sql_reset(id_), "reset"); }

  int ColumnCount() const override {
    if (columns_ < 0) columns_ = loupe_sql_column_count(id_);
    return columns_;
  }
  SqlType ColumnType(int column) const override {
    switch (loupe_sql_column_type(id_, column)) {
      case 1:
        return SqlType::kInteger;
      case 2:
        return SqlType::kReal;
      case 3:
        return SqlType::kText;
      case 4:
        return SqlType::kBlob;
      default:
        return SqlType::kNull;
    }
  }
  int64_t ColumnInt(int column) const override {
    int32_t halves[2];
    loupe_sql_column_int(id_, column, halves);
    return static_cast<int64_t>(static_cast<uint64_t>(static_cast<uint32_t>(halves[0])) |
                                static_cast<uint64_t>(static_cast<uint32_t>(halves[1])) << 32);
  }
  double ColumnDouble(int column) const override { return loupe_sql_column_double(id_, column); }
  std::string_view ColumnText(int column) const override {
    std::string& cell = Cell(column);
    const int n = loupe_sql_column_text_length(id_, column);
    cell.resize(static_cast<size_t>(n) + 1);
    loupe_sql_text_copy(cell.data(), n + 1);
    cell.resize(static_cast<size_t>(n));
    return cell;
  }
  std::string_view ColumnBlob(int column) const override {
    std::string& cell = Cell(column);
    const int n = loupe_sql_column_blob_length(id_, column);
    cell.resize(static_cast<size_t>(n));
    if (n > 0) loupe_sql_blob_copy(cell.data());
    return cell;
  }

 private:
  static Status Check(int rc, std::string_view what) { return rc < 0 ? Failed(what) : Status::Ok(); }
  // One buffer per column, so text of several columns of a row can be held at once (valid until
  // the next Step, as the interface promises).
  std::string& Cell(int column) const {
    if (cells_.size() <= static_cast<size_t>(column)) cells_.resize(static_cast<size_t>(column) + 1);
    return cells_[static_cast<size_t>(column)];
  }

  int id_;
  mutable int columns_ = -1;
  mutable std::vector<std::string> cells_;
};

}  // namespace

Result<std::unique_ptr<SqliteWasmDriver>> SqliteWasmDriver::Open() {
  if (!loupe_sql_ready()) return FailedPrecondition("no sqlite-wasm database registered (Module.loupeSql)");
  loupe_sql_init();
  return std::unique_ptr<SqliteWasmDriver>(new SqliteWasmDriver());
}

SqliteWasmDriver::~SqliteWasmDriver() = default;

Result<std::unique_ptr<storage::SqlStatement>> SqliteWasmDriver::Prepare(std::string_view sql) {
  const int id = loupe_sql_prepare(sql.data(), static_cast<int>(sql.size()));
  if (id < 0) return Failed("prepare \"" + std::string(sql.substr(0, 60)) + "\"");
  return std::unique_ptr<storage::SqlStatement>(new Statement(id));
}

Status SqliteWasmDriver::Exec(std::string_view sql) {
  return loupe_sql_exec(sql.data(), static_cast<int>(sql.size())) < 0 ? Failed("exec") : Status::Ok();
}

std::string SqliteWasmDriver::Describe() const {
  const int n = loupe_sql_describe_length();
  std::vector<char> buf(static_cast<size_t>(n) + 1);
  loupe_sql_text_copy(buf.data(), n + 1);
  return std::string(buf.data(), static_cast<size_t>(n));
}

}  // namespace loupe::wasm
