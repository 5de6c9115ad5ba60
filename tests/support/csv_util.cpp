#include "support/csv_util.h"

#include <catch2/catch.hpp>

namespace loupe::testing {

size_t CsvTable::Column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  FAIL("no CSV column named " << name);
  return 0;
}

Result<CsvTable> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  size_t line = 1;
  bool field_start = true;   // nothing of the current field read yet
  bool record_open = false;  // something of the current record read
  auto end_field = [&] {
    record.push_back(std::move(field));
    field.clear();
    field_start = true;
  };
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (field_start && c == '"') {
      // A quoted field runs to the first quote that is not doubled.
      const size_t opened_on = line;
      for (++i;; ++i) {
        if (i >= text.size())
          return InvalidInput("unclosed quote opened on line " + std::to_string(opened_on));
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            ++i;
            continue;
          }
          break;
        }
        if (text[i] == '\n') ++line;
        field += text[i];
      }
      ++i;
      field_start = false;
      record_open = true;
      if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        return InvalidInput("text after a closing quote on line " + std::to_string(line));
      }
      continue;
    }
    if (c == '"')
      return InvalidInput("a quote inside an unquoted field on line " + std::to_string(line));
    if (c == ',') {
      end_field();
      record_open = true;
    } else if (c == '\n') {
      end_field();
      records.push_back(std::move(record));
      record.clear();
      record_open = false;
      ++line;
    } else if (c != '\r' || i + 1 >= text.size() || text[i + 1] != '\n') {
      field += c;
      field_start = false;
      record_open = true;
    }
    ++i;
  }
  if (record_open) {
    end_field();
    records.push_back(std::move(record));
  }

  CsvTable table;
  if (records.empty()) return InvalidInput("no header row");
  table.header = std::move(records[0]);
  for (size_t r = 1; r < records.size(); ++r) {
    if (records[r].size() != table.header.size()) {
      return InvalidInput("record " + std::to_string(r) + " has " +
                          std::to_string(records[r].size()) + " fields, the header " +
                          std::to_string(table.header.size()));
    }
    table.rows.push_back(std::move(records[r]));
  }
  return table;
}

}  // namespace loupe::testing
