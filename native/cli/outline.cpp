#include "cli/outline.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "simdjson.h"

namespace loupe::cli {
namespace {

namespace dom = simdjson::dom;

std::string Words(std::string_view key) {
  std::string out(key);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

bool IsScalar(dom::element e) {
  return e.type() != dom::element_type::OBJECT && e.type() != dom::element_type::ARRAY;
}

std::string Scalar(dom::element e) {
  switch (e.type()) {
    case dom::element_type::STRING: return std::string(std::string_view(e.get_string().value_unsafe()));
    case dom::element_type::NULL_VALUE: return "-";
    case dom::element_type::BOOL: return e.get_bool().value_unsafe() ? "yes" : "no";
    case dom::element_type::DOUBLE: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.4g", e.get_double().value_unsafe());
      return buf;
    }
    default: return simdjson::minify(e);  // integers as written
  }
}

// A table when every element is an object of scalars with the same keys.
bool Tabular(dom::array array) {
  if (array.size() == 0) return false;
  std::vector<std::string_view> keys;
  bool first = true;
  for (dom::element item : array) {
    dom::object object;
    if (item.get_object().get(object)) return false;
    std::vector<std::string_view> these;
    for (auto field : object) {
      if (!IsScalar(field.value)) return false;
      these.push_back(field.key);
    }
    if (first) {
      keys = these;
      first = false;
    } else if (these != keys) {
      return false;
    }
  }
  return !keys.empty() && keys.size() <= 12;
}

void Table(std::string& out, dom::array array, const std::string& indent) {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  for (dom::element item : array) {
    std::vector<std::string> row;
    const dom::object object = item.get_object().value_unsafe();
    for (auto field : object) {
      if (rows.empty()) header.push_back(Words(field.key));
      row.push_back(Scalar(field.value));
    }
    rows.push_back(std::move(row));
  }
  std::vector<size_t> width(header.size());
  for (size_t c = 0; c < header.size(); ++c) {
    width[c] = header[c].size();
    for (const auto& row : rows) width[c] = std::max(width[c], row[c].size());
  }
  auto line = [&](const std::vector<std::string>& cells) {
    out += indent;
    for (size_t c = 0; c < cells.size(); ++c) {
      out += cells[c];
      if (c + 1 < cells.size()) out += std::string(width[c] - cells[c].size() + 2, ' ');
    }
    out += '\n';
  };
  line(header);
  for (const auto& row : rows) line(row);
}

void Write(std::string& out, dom::element e, int depth);

// An array of scalars as one "a, b, c" line (a matrix then prints a row per line).
bool ScalarRow(dom::element e, std::string& row) {
  dom::array array;
  if (e.get_array().get(array)) return false;
  for (dom::element item : array) {
    if (!IsScalar(item)) return false;
    row += (row.empty() ? "" : ", ") + Scalar(item);
  }
  return true;
}

void WriteMember(std::string& out, std::string_view key, dom::element value, int depth) {
  const std::string indent(static_cast<size_t>(depth) * 2, ' ');
  if (IsScalar(value)) {
    out += indent + Words(key) + ": " + Scalar(value) + '\n';
    return;
  }
  dom::array array;
  if (!value.get_array().get(array)) {
    if (array.size() == 0) {
      out += indent + Words(key) + ": (none)\n";
      return;
    }
    bool scalars = true;
    for (dom::element item : array) scalars = scalars && IsScalar(item);
    if (scalars) {
      std::string joined;
      for (dom::element item : array) joined += (joined.empty() ? "" : ", ") + Scalar(item);
      out += indent + Words(key) + ": " + joined + '\n';
      return;
    }
  }
  out += indent + Words(key) + ":\n";
  Write(out, value, depth + 1);
}

void Write(std::string& out, dom::element e, int depth) {
  const std::string indent(static_cast<size_t>(depth) * 2, ' ');
  dom::object object;
  if (!e.get_object().get(object)) {
    for (auto field : object) WriteMember(out, field.key, field.value, depth);
    return;
  }
  dom::array array;
  if (!e.get_array().get(array)) {
    if (Tabular(array)) {
      Table(out, array, indent);
      return;
    }
    for (dom::element item : array) {
      std::string row;
      if (IsScalar(item)) {
        out += indent + "- " + Scalar(item) + '\n';
      } else if (ScalarRow(item, row)) {
        out += indent + "- " + row + '\n';
      } else {
        out += indent + "-\n";
        Write(out, item, depth + 1);
      }
    }
    return;
  }
  out += indent + Scalar(e) + '\n';
}

}  // namespace

Result<std::string> Outline(std::string_view json) {
  dom::parser parser;
  dom::element root;
  if (auto error = parser.parse(json.data(), json.size(), /*realloc_if_needed=*/true).get(root)) {
    return InvalidInput(std::string("not JSON: ") + simdjson::error_message(error));
  }
  std::string out;
  Write(out, root, 0);
  return out;
}

}  // namespace loupe::cli
