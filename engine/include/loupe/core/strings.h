// loupe/core/strings.h — small string helpers every module shares (ASCII case, trimming, UTF-8).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

//! Lower-cases ASCII letters only; non-ASCII bytes pass through (e-mail and login keys).
std::string ToLowerAscii(std::string_view s);
bool EqualsIgnoreCaseAscii(std::string_view a, std::string_view b);
bool StartsWithIgnoreCaseAscii(std::string_view s, std::string_view prefix);
bool EndsWithIgnoreCaseAscii(std::string_view s, std::string_view suffix);

//! Removes leading and trailing ASCII whitespace.
std::string_view Trim(std::string_view s);

//! Splits on every `sep`; empty pieces are kept.
std::vector<std::string_view> Split(std::string_view s, char sep);

//! Offset of the first byte that does not belong to well-formed UTF-8, or npos when all is valid.
//! Overlongs, surrogates and code points above U+10FFFF are invalid.
size_t FindInvalidUtf8(std::string_view s);
inline bool IsValidUtf8(std::string_view s) { return FindInvalidUtf8(s) == std::string_view::npos; }

//! Shortens `s` to at most `max_bytes` without cutting a UTF-8 sequence, adding "…" when cut.
std::string Ellipsize(std::string_view s, size_t max_bytes);

//! `s` shown in an error message: quoted, shortened, control bytes escaped.
std::string QuoteForMessage(std::string_view s, size_t max_bytes = 60);

//! Parses a whole string as a base-10 integer in [min, max]; false on anything else.
bool ParseInt64(std::string_view s, int64_t& out, int64_t min = INT64_MIN, int64_t max = INT64_MAX);

//! Simple glob: `*` any run, `?` one byte; ASCII case-insensitive. Used by editable rules.
bool GlobMatchIgnoreCase(std::string_view pattern, std::string_view text);

//! "1,234,567".
std::string FormatThousands(int64_t n);

}  // namespace loupe
