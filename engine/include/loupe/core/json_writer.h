// loupe/core/json_writer.h — a streaming JSON writer (compact or indented), byte-deterministic.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

//! Writes JSON into a string. Calls must nest correctly (LOUPE_ASSERT checks it); keys are only
//! allowed directly inside objects. Output is deterministic: the same calls give the same bytes.
class JsonWriter {
 public:
  explicit JsonWriter(bool pretty = false) : pretty_(pretty) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);  //!< must be valid UTF-8 (the engine validates input)
  JsonWriter& Int(int64_t value);
  JsonWriter& Double(double value);  //!< shortest text that reads back as the same double; NaN/inf → null
  JsonWriter& Double(double value, int decimals);  //!< fixed decimals, trailing zeros trimmed
  JsonWriter& Bool(bool value);
  JsonWriter& Null();

  //! Shorthands for `Key(k).X(v)`.
  JsonWriter& Field(std::string_view key, std::string_view value) { return Key(key).String(value); }
  JsonWriter& Field(std::string_view key, const char* value) { return Key(key).String(value); }
  JsonWriter& Field(std::string_view key, int64_t value) { return Key(key).Int(value); }
  JsonWriter& Field(std::string_view key, int value) { return Key(key).Int(value); }
  JsonWriter& Field(std::string_view key, bool value) { return Key(key).Bool(value); }
  JsonWriter& Field(std::string_view key, double value) { return Key(key).Double(value); }

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();
  void Newline();

  bool pretty_;
  std::string out_;
  struct Frame {
    bool is_object;
    bool empty;
  };
  std::vector<Frame> stack_;
  bool after_key_ = false;
};

//! Appends `s` to `out` as a quoted JSON string.
void AppendJsonString(std::string& out, std::string_view s);

//! Shortest decimal text of a finite double that parses back to the same value ("0.1", "1e+300").
std::string FormatShortestDouble(double value);

}  // namespace loupe
