// tests/support/csv_util.h — a small RFC 4180 CSV reader for tests that read recorded tables.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "loupe/core/status.h"

namespace loupe::testing {

//! A CSV file: its header row and its data rows, each row as long as the header.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  //! Index of the header column `name`; fails the test when there is none.
  size_t Column(std::string_view name) const;
};

//! Parses RFC 4180 CSV: fields separated by ',', records by CRLF or LF, quoted fields holding
//! commas, line breaks and "" for a quote. Fails naming the line on a stray or unclosed quote or
//! a row whose field count differs from the header's.
Result<CsvTable> ParseCsv(std::string_view text);

}  // namespace loupe::testing
