#include "storage/row_codec.h"

#include <cstring>
#include <limits>

#include "loupe/core/json_writer.h"
#include "loupe/model/ids.h"

namespace loupe::storage {

RowBinder& RowBinder::Null() {
  if (status_.ok()) status_ = statement_.BindNull(next_);
  ++next_;
  return *this;
}

RowBinder& RowBinder::Int(int64_t value) {
  if (status_.ok()) status_ = statement_.BindInt(next_, value);
  ++next_;
  return *this;
}

RowBinder& RowBinder::Double(double value) {
  if (status_.ok()) status_ = statement_.BindDouble(next_, value);
  ++next_;
  return *this;
}

RowBinder& RowBinder::Text(std::string_view value) {
  if (status_.ok()) status_ = statement_.BindText(next_, value);
  ++next_;
  return *this;
}

RowBinder& RowBinder::Blob(std::string_view bytes) {
  if (status_.ok()) status_ = statement_.BindBlob(next_, bytes.data(), bytes.size());
  ++next_;
  return *this;
}

RowBinder& RowBinder::Sha(const loupe::Sha& sha) {
  if (status_.ok()) status_ = statement_.BindBlob(next_, sha.bytes.data(), sha.bytes.size());
  ++next_;
  return *this;
}

RowBinder& RowBinder::Id(uint32_t id) {
  return id == model::kNoId ? Null() : Int(id);
}
RowBinder& RowBinder::Time(Instant instant) {
  return instant == kNoInstant ? Null() : Int(instant);
}
RowBinder& RowBinder::Offset(int16_t offset_minutes) {
  return offset_minutes == kUnknownOffset ? Null() : Int(offset_minutes);
}
RowBinder& RowBinder::Count(int64_t count) {
  return count == -1 ? Null() : Int(count);
}
RowBinder& RowBinder::NonZero(int64_t value) {
  return value == 0 ? Null() : Int(value);
}
RowBinder& RowBinder::OptionalSha(const loupe::Sha& sha) {
  return sha.empty() ? Null() : Sha(sha);
}

uint32_t RowReader::Id(int column) {
  if (statement_.ColumnType(column) == SqlType::kNull) return model::kNoId;
  const int64_t v = statement_.ColumnInt(column);
  if (v < 0 || v >= model::kNoId) {
    Bad(column);
    return model::kNoId;
  }
  return static_cast<uint32_t>(v);
}

Instant RowReader::Time(int column) const {
  return statement_.ColumnType(column) == SqlType::kNull ? kNoInstant
                                                         : statement_.ColumnInt(column);
}

int16_t RowReader::Offset(int column) {
  if (statement_.ColumnType(column) == SqlType::kNull) return kUnknownOffset;
  const int64_t v = statement_.ColumnInt(column);
  if (v <= kUnknownOffset || v > std::numeric_limits<int16_t>::max()) {
    Bad(column);
    return kUnknownOffset;
  }
  return static_cast<int16_t>(v);
}

int64_t RowReader::Count(int column) const {
  return statement_.ColumnType(column) == SqlType::kNull ? -1 : statement_.ColumnInt(column);
}

int64_t RowReader::ZeroIfNull(int column) const {
  return statement_.ColumnType(column) == SqlType::kNull ? 0 : statement_.ColumnInt(column);
}

loupe::Sha RowReader::Sha(int column) {
  loupe::Sha sha;
  if (statement_.ColumnType(column) == SqlType::kNull) return sha;
  const std::string_view bytes = statement_.ColumnBlob(column);
  if (bytes.size() != sha.bytes.size()) {
    Bad(column);
    return sha;
  }
  std::memcpy(sha.bytes.data(), bytes.data(), bytes.size());
  return sha;
}

std::vector<loupe::Sha> RowReader::Shas(int column) {
  const std::string_view bytes = statement_.ColumnBlob(column);
  std::vector<loupe::Sha> shas(bytes.size() / 20);
  if (bytes.size() % 20 != 0) Bad(column);
  for (size_t i = 0; i < shas.size(); ++i)
    std::memcpy(shas[i].bytes.data(), bytes.data() + 20 * i, 20);
  return shas;
}

std::string EncodeNames(const std::vector<std::string>& names) {
  JsonWriter json;
  json.BeginArray();
  for (const std::string& name : names) json.String(name);
  json.EndArray();
  return json.Take();
}

std::string EncodeShas(const std::vector<loupe::Sha>& shas) {
  std::string bytes;
  bytes.reserve(shas.size() * 20);
  for (const loupe::Sha& sha : shas) {
    bytes.append(reinterpret_cast<const char*>(sha.bytes.data()), sha.bytes.size());
  }
  return bytes;
}

}  // namespace loupe::storage
