// storage/row_codec.h (internal) — how model values become SQL values and back.
//
// One rule throughout (docs/storage.md, "Values"): a model sentinel that means "unknown" or
// "none" (kNoId, kNoInstant, kUnknownOffset, -1 counts, 0 GitHub ids, the empty sha) is stored as
// NULL; everything else is stored as-is, text as TEXT and shas as 20-byte BLOBs.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/core/sha.h"
#include "loupe/core/status.h"
#include "loupe/core/time.h"
#include "loupe/storage/sql_driver.h"

namespace loupe::storage {

//! Binds a statement's parameters left to right. The first failure is kept and later binds are
//! skipped, so a row is bound in one chain and checked once.
class RowBinder {
 public:
  explicit RowBinder(SqlStatement& statement) : statement_(statement) {}

  RowBinder& Null();
  RowBinder& Int(int64_t value);
  RowBinder& Double(double value);
  RowBinder& Bool(bool value) { return Int(value ? 1 : 0); }
  RowBinder& Text(std::string_view value);
  RowBinder& Blob(std::string_view bytes);
  RowBinder& Sha(const loupe::Sha& sha);          //!< always 20 bytes (a natural key)
  RowBinder& Id(uint32_t id);                     //!< kNoId → NULL
  RowBinder& Time(Instant instant);               //!< kNoInstant → NULL
  RowBinder& Offset(int16_t offset_minutes);      //!< kUnknownOffset → NULL
  RowBinder& Count(int64_t count);                //!< -1 (unknown) → NULL
  RowBinder& NonZero(int64_t value);              //!< 0 (none) → NULL
  RowBinder& OptionalSha(const loupe::Sha& sha);  //!< the empty sha → NULL

  const Status& status() const { return status_; }

 private:
  SqlStatement& statement_;
  int next_ = 1;
  Status status_;
};

//! Reads the current row of a query: the inverse of RowBinder. Values no writer produces (a
//! sha that is not 20 bytes, an enum out of range) are remembered: ok() turns false and
//! bad_column() names the first one.
class RowReader {
 public:
  explicit RowReader(const SqlStatement& statement) : statement_(statement) {}

  int64_t Int(int column) const { return statement_.ColumnInt(column); }
  bool Bool(int column) const { return statement_.ColumnInt(column) != 0; }
  std::string Text(int column) const { return std::string(statement_.ColumnText(column)); }
  uint32_t Id(int column);
  Instant Time(int column) const;
  int16_t Offset(int column);
  int64_t Count(int column) const;
  int64_t ZeroIfNull(int column) const;
  loupe::Sha Sha(int column);                //!< NULL → the empty sha
  std::vector<loupe::Sha> Shas(int column);  //!< concatenated 20-byte shas
  //! An enum stored as its integer value, which must be in [0, count).
  template <typename E>
  E Enum(int column, int count) {
    const int64_t v = statement_.ColumnInt(column);
    if (v < 0 || v >= count) Bad(column);
    return static_cast<E>(v < 0 || v >= count ? 0 : v);
  }

  bool ok() const { return bad_column_ < 0; }
  int bad_column() const { return bad_column_; }

 private:
  void Bad(int column) {
    if (bad_column_ < 0) bad_column_ = column;
  }
  const SqlStatement& statement_;
  int bad_column_ = -1;
};

//! `names` as a JSON array of strings (the `identities.names` column).
std::string EncodeNames(const std::vector<std::string>& names);
//! Concatenates 20-byte shas (the `commits.parents` column).
std::string EncodeShas(const std::vector<loupe::Sha>& shas);

}  // namespace loupe::storage
