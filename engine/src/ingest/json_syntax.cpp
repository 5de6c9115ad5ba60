#include "ingest/json_syntax.h"

#include <algorithm>
#include <cstdio>

#include "loupe/core/strings.h"
#include "simdjson.h"

namespace loupe::ingest::json {

namespace {

// simdjson's DOM parser refuses deeper documents (DEFAULT_MAX_DEPTH).
constexpr size_t kMaxDepth = 1024;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// What ends a number or a literal. As for simdjson, a quote does not: `1"a"` is one bad token.
bool IsDelimiter(char c) {
  return IsSpace(c) || c == ',' || c == ':' || c == '[' || c == ']' || c == '{' || c == '}';
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A byte as a message shows it: '}' or byte 0xC3.
std::string Shown(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte > 0x20 && byte < 0x7F) return std::string("'") + c + "'";
  char buf[16];
  std::snprintf(buf, sizeof buf, "byte 0x%02X", byte);
  return buf;
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool IsJsonNumber(std::string_view t) {
  size_t i = 0;
  auto digits = [&] {
    const size_t start = i;
    while (i < t.size() && IsDigit(t[i])) ++i;
    return i > start;
  };
  if (i < t.size() && t[i] == '-') ++i;
  if (i < t.size() && t[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == t.size();
}

class Scanner {
 public:
  Scanner(std::string_view text, const ScanOptions& options)
      : text_(text),
        options_(options),
        multi_line_(Trim(text).find('\n') != std::string_view::npos) {}

  SyntaxScan Run();

 private:
  // What may come next.
  enum class Expect : uint8_t {
    kValue,
    kFirstElement,  // after '[': a value or ']'
    kElement,       // after ',' in an array
    kNextElement,   // after an element: ',' or ']'
    kFirstMember,   // after '{': a member name or '}'
    kMember,        // after ',' in an object
    kColon,
    kMemberValue,
    kNextMember,  // after a member: ',' or '}'
  };
  struct Frame {
    bool array = false;
    size_t count = 0;         // elements or members begun
    std::string_view key;     // the last member's name
    size_t child_offset = 0;  // where the last element or member starts
  };

  // Each step returns false when the scan is over (a problem, or the element to stop at).
  bool Step(size_t& i);
  bool Value(size_t& i);
  bool String(size_t& i, std::string_view& content);
  //! Length of the escape at `j` (a backslash); 0 when the text ends inside it or, with
  //! `problem` set, when it is malformed.
  size_t Escape(size_t j, std::string& problem) const;
  bool Token(size_t& i, bool number);
  bool Open(size_t& i, bool array);
  void Close(size_t& i);
  void AfterValue();
  bool BeginElement(size_t at);
  //! Records the problem at `at`, adding "(line 187)" unless it says where itself.
  bool Fail(size_t at, std::string problem, bool locate = true);
  void TakePath();
  //! "line 187" in a text of several lines, "column 57" in a one-line text.
  std::string Where(size_t offset) const;
  bool NumberFits(std::string_view token);

  std::string_view text_;
  const ScanOptions& options_;
  const bool multi_line_;
  SyntaxScan scan_;
  std::vector<Frame> frames_;
  Expect expect_ = Expect::kValue;
  bool between_documents_ = true;
  size_t document_offset_ = 0;
  size_t document_items_ = 0;  // what the last top-level value counts in items_before
  simdjson::dom::parser number_parser_;
};

SyntaxScan Scanner::Run() {
  // simdjson skips a byte order mark at the start of a document.
  size_t i = text_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (true) {
    while (i < text_.size() && IsSpace(text_[i])) ++i;
    if (i == text_.size()) break;
    if (!Step(i)) return std::move(scan_);
  }
  if (!frames_.empty()) {
    const std::string_view unit = options_.unit == TextUnit::kLine ? "line" : "input";
    // A JSON Lines event split over two lines looks the same as a cut one.
    const std::string_view what =
        options_.unit == TextUnit::kLine ? "truncated or malformed JSON" : "truncated JSON";
    Fail(text_.size(), std::string(what) + ": the " + std::string(unit) + " ends before " +
                           (frames_.size() == 1 ? std::string("an array or object is closed")
                                                : std::to_string(frames_.size()) +
                                                      " arrays or objects are closed"));
  } else if (scan_.documents == 0) {
    Fail(text_.size(), "no JSON value");
  }
  return std::move(scan_);
}

bool Scanner::Step(size_t& i) {
  const char c = text_[i];
  if (between_documents_) {
    if (scan_.documents > 0 && !options_.many) {
      return Fail(i, "unexpected text after " + std::string(options_.value_name) + ", got " +
                         Shown(c));
    }
    scan_.items_before += document_items_;
    ++scan_.documents;
    document_offset_ = i;
    document_items_ = 1;
    between_documents_ = false;
    if (c == ']' || c == '}' || c == ',' || c == ':') {
      return Fail(i, "unexpected " + Shown(c) + " outside any array or object");
    }
    expect_ = Expect::kValue;
  }
  Frame* top = frames_.empty() ? nullptr : &frames_.back();
  switch (expect_) {
    case Expect::kValue:
      return Value(i);
    case Expect::kFirstElement:
      if (c == ']') {
        Close(i);
        return true;
      }
      [[fallthrough]];
    case Expect::kElement:
      if (!BeginElement(i)) return false;
      return Value(i);
    case Expect::kNextElement:
      if (c == ',') {
        ++i;
        expect_ = Expect::kElement;
        return true;
      }
      if (c == ']') {
        Close(i);
        return true;
      }
      return Fail(i, "expected ',' or ']' after an array element, got " + Shown(c));
    case Expect::kFirstMember:
      if (c == '}') {
        Close(i);
        return true;
      }
      [[fallthrough]];
    case Expect::kMember: {
      if (c != '"') {
        return Fail(i, std::string("expected a member name (a string)") +
                           (expect_ == Expect::kMember ? " after ','" : " or '}'") + ", got " +
                           Shown(c));
      }
      const size_t start = i;
      std::string_view key;
      if (!String(i, key)) return false;
      ++top->count;
      top->key = key;
      top->child_offset = start;
      expect_ = Expect::kColon;
      return true;
    }
    case Expect::kColon:
      if (c != ':') {
        return Fail(i, "expected ':' after the member name, got " + Shown(c));
      }
      ++i;
      expect_ = Expect::kMemberValue;
      return true;
    case Expect::kMemberValue:
      top->child_offset = i;
      return Value(i);
    case Expect::kNextMember:
      if (c == ',') {
        ++i;
        expect_ = Expect::kMember;
        return true;
      }
      if (c == '}') {
        Close(i);
        return true;
      }
      return Fail(i, "expected ',' or '}' after an object member, got " + Shown(c));
  }
  return Fail(i, "unexpected " + Shown(c));
}

bool Scanner::Value(size_t& i) {
  const char c = text_[i];
  if (c == '{' || c == '[') return Open(i, c == '[');
  if (c == '"') {
    std::string_view content;
    if (!String(i, content)) return false;
  } else if (c == '-' || IsDigit(c)) {
    if (!Token(i, true)) return false;
  } else if (c == 't' || c == 'f' || c == 'n') {
    if (!Token(i, false)) return false;
  } else {
    return Fail(i, "expected a value, got " + Shown(c));
  }
  AfterValue();
  return true;
}

bool Scanner::Open(size_t& i, bool array) {
  if (frames_.size() == kMaxDepth) {
    return Fail(i, "JSON nested deeper than " + std::to_string(kMaxDepth) + " arrays and objects");
  }
  if (frames_.empty()) document_items_ = array ? 0 : 1;
  frames_.push_back({array});
  expect_ = array ? Expect::kFirstElement : Expect::kFirstMember;
  ++i;
  return true;
}

void Scanner::Close(size_t& i) {
  frames_.pop_back();
  ++i;
  AfterValue();
}

void Scanner::AfterValue() {
  if (frames_.empty()) {
    between_documents_ = true;
    return;
  }
  expect_ = frames_.back().array ? Expect::kNextElement : Expect::kNextMember;
}

bool Scanner::BeginElement(size_t at) {
  Frame& top = frames_.back();
  ++top.count;
  top.child_offset = at;
  if (frames_.size() == 1) {
    document_items_ = top.count;
    if (scan_.documents == 1 && top.count - 1 == options_.stop_at_element) {
      TakePath();
      return false;
    }
  }
  return true;
}

bool Scanner::String(size_t& i, std::string_view& content) {
  const size_t start = i;
  // A problem inside the string gives way to invalid UTF-8 before it: the first one is reported.
  // A character cut by the end of the text is part of the cut, not invalid.
  auto fail = [&](size_t at, std::string problem, bool locate = true) {
    const size_t bad = FindInvalidUtf8(text_.substr(start + 1, at - start - 1));
    if (bad != std::string_view::npos && (at < text_.size() || text_.size() - (start + 1 + bad) >= 4)) {
      return Fail(start + 1 + bad, "invalid UTF-8 in a string");
    }
    return Fail(at, std::move(problem), locate);
  };
  size_t j = start + 1;
  while (j < text_.size() && text_[j] != '"') {
    const char c = text_[j];
    if (static_cast<unsigned char>(c) < 0x20) {
      if (c == '\n') return fail(j, "line break inside a string (is a closing quote missing?)");
      return fail(j, "unescaped control character (" + Shown(c) + ") in a string");
    }
    if (c != '\\') {
      ++j;
      continue;
    }
    std::string problem;
    const size_t length = Escape(j, problem);
    if (!problem.empty()) return fail(j, problem);
    j = length == 0 ? text_.size() : j + length;  // 0: the text ends inside the escape
  }
  if (j >= text_.size()) {
    const std::string where = std::string(multi_line_ ? "on " : "at ") + Where(start);
    if (options_.unit == TextUnit::kLine) {
      return fail(text_.size(),
                  "truncated or malformed JSON: the line ends inside the string that starts " + where,
                  false);
    }
    // The string that swallowed the rest may be one whose closing quote is missing.
    return fail(text_.size(),
                "truncated JSON, or a missing or extra quote: the input ends inside the string "
                "that starts " + where,
                false);
  }
  content = text_.substr(start + 1, j - start - 1);
  const size_t bad = FindInvalidUtf8(content);
  if (bad != std::string_view::npos) {
    return Fail(start + 1 + bad, "invalid UTF-8 in a string");
  }
  i = j + 1;
  return true;
}

size_t Scanner::Escape(size_t j, std::string& problem) const {
  if (j + 1 >= text_.size()) return 0;
  const char e = text_[j + 1];
  if (std::string_view("\"\\/bfnrt").find(e) != std::string_view::npos) return 2;
  if (e != 'u') {
    problem = "invalid escape " + (e > 0x20 && e < 0x7F ? std::string("'\\") + e + "'"
                                                        : "(a backslash before " + Shown(e) + ")") +
              " in a string";
    return 0;
  }
  // \uXXXX: 1 when read into `value`, 0 when the text ends inside it, -1 when malformed.
  auto unit = [&](size_t at, int& value) {
    value = 0;
    for (size_t k = at + 2; k < at + 6; ++k) {
      if (k >= text_.size()) return 0;
      const int digit = HexDigit(text_[k]);
      if (digit < 0) return -1;
      value = value * 16 + digit;
    }
    return 1;
  };
  int high = 0;
  const int got = unit(j, high);
  if (got <= 0) {
    if (got < 0) problem = "invalid \\u escape (expected 4 hex digits)";
    return 0;
  }
  if (high >= 0xDC00 && high <= 0xDFFF) {
    problem = "invalid \\u escape: a UTF-16 low surrogate without its high half";
    return 0;
  }
  if (high < 0xD800 || high > 0xDBFF) return 6;
  // A high surrogate must be followed by the escape of a low one.
  const size_t next = j + 6;
  int low = 0;
  if (next >= text_.size() || (text_[next] == '\\' && next + 1 >= text_.size())) return 0;
  const int got_low = text_[next] == '\\' && text_[next + 1] == 'u' ? unit(next, low) : -1;
  if (got_low == 0) return 0;
  if (got_low < 0 || low < 0xDC00 || low > 0xDFFF) {
    problem = "invalid \\u escape: a UTF-16 high surrogate without its low half";
    return 0;
  }
  return 12;
}

bool Scanner::Token(size_t& i, bool number) {
  size_t end = i;
  while (end < text_.size() && !IsDelimiter(text_[end])) ++end;
  const std::string_view token = text_.substr(i, end - i);
  // A bad token is shown up to any invalid UTF-8 in it, which a message must not carry.
  auto shown = [&] { return QuoteForMessage(token.substr(0, FindInvalidUtf8(token)), 40); };
  if (number) {
    if (!IsJsonNumber(token)) return Fail(i, "malformed number " + shown());
    if (!NumberFits(token)) return Fail(i, "number " + Ellipsize(token, 40) + " out of range");
  } else if (token != "true" && token != "false" && token != "null") {
    return Fail(i, "invalid literal " + shown() + " (expected true, false or null)");
  }
  i = end;
  return true;
}

// Integers must fit 64 bits and other numbers a finite double. Only long integers and numbers
// with a fraction or an exponent can fail; those are handed to simdjson, so the verdict is its own.
bool Scanner::NumberFits(std::string_view token) {
  const bool integer = token.find_first_of(".eE") == std::string_view::npos;
  const size_t digits = token.size() - (token[0] == '-' ? 1 : 0);
  if (integer && digits < 19) return true;
  simdjson::dom::element element;
  return !number_parser_.parse(token.data(), token.size()).get(element);  // copies to pad it
}

bool Scanner::Fail(size_t at, std::string problem, bool locate) {
  scan_.problem = std::move(problem);
  if (locate) scan_.problem += " (" + Where(at) + ")";
  scan_.offset = at;
  TakePath();
  return false;
}

void Scanner::TakePath() {
  scan_.path.clear();
  scan_.path.push_back({{}, kNoIndex, document_offset_});
  for (const Frame& frame : frames_) {
    if (frame.count == 0) break;
    if (frame.array) {
      scan_.path.push_back({{}, frame.count - 1, frame.child_offset});
    } else {
      scan_.path.push_back({frame.key, kNoIndex, frame.child_offset});
    }
  }
}

std::string Scanner::Where(size_t offset) const {
  offset = std::min(offset, text_.size());
  const std::string_view before = text_.substr(0, offset);
  if (multi_line_) {
    return "line " + std::to_string(1 + std::count(before.begin(), before.end(), '\n'));
  }
  // Columns count characters, not bytes: UTF-8 continuation bytes are skipped.
  const size_t column = 1 + static_cast<size_t>(std::count_if(before.begin(), before.end(), [](char c) {
                          return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                        }));
  return "column " + std::to_string(column);
}

}  // namespace

SyntaxScan ScanJson(std::string_view text, const ScanOptions& options) {
  return Scanner(text, options).Run();
}

std::string FieldPath(std::span<const PathStep> steps) {
  std::string out;
  for (const PathStep& step : steps) {
    if (step.index != kNoIndex) {
      out += '[' + std::to_string(step.index) + ']';
      continue;
    }
    if (!out.empty()) out += '.';
    out.append(step.key);
  }
  return out;
}

}  // namespace loupe::ingest::json
