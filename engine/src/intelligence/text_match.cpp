#include "intelligence/text_match.h"

#include <initializer_list>

namespace loupe::intelligence::internal {

namespace {

// Letters, digits and every byte of a UTF-8 sequence are word characters; '_' separates words
// ("auth_token" is two words).
bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
}

bool WordEndsAt(std::string_view text, size_t pos) { return pos >= text.size() || !IsWordByte(text[pos]); }

// Whether text[pos…] is an inflection of `word` (already matched up to pos) followed by a boundary.
bool InflectionAt(std::string_view text, size_t pos, std::string_view word) {
  if (WordEndsAt(text, pos)) return true;
  for (std::string_view suffix : {"s", "es", "ed", "ing"}) {
    if (text.substr(pos, suffix.size()) == suffix && WordEndsAt(text, pos + suffix.size())) return true;
  }
  if (word.back() == 'e' && text.substr(pos, 1) == "d" && WordEndsAt(text, pos + 1)) return true;
  return false;
}

}  // namespace

bool ContainsWord(std::string_view lower, std::string_view keyword) {
  if (keyword.empty()) return false;
  const bool stem = keyword.back() == '*';
  if (stem) keyword.remove_suffix(1);
  const bool check_start = IsWordByte(keyword.front());
  const bool check_end = !stem && IsWordByte(keyword.back());
  // Forms whose end differs from the keyword's: "create" -> "creat" + "ing", "query" -> "quer" + "ies".
  std::string_view trimmed_e, trimmed_y;
  if (check_end && keyword.size() > 2 && keyword.back() == 'e') trimmed_e = keyword.substr(0, keyword.size() - 1);
  if (check_end && keyword.size() > 2 && keyword.back() == 'y') trimmed_y = keyword.substr(0, keyword.size() - 1);

  auto starts_ok = [&](size_t at) { return !check_start || at == 0 || !IsWordByte(lower[at - 1]); };
  for (size_t at = lower.find(keyword); at != std::string_view::npos; at = lower.find(keyword, at + 1)) {
    if (!starts_ok(at)) continue;
    if (!check_end || InflectionAt(lower, at + keyword.size(), keyword)) return true;
  }
  auto with_suffixes = [&](std::string_view base, std::initializer_list<std::string_view> suffixes) {
    if (base.empty()) return false;
    for (size_t at = lower.find(base); at != std::string_view::npos; at = lower.find(base, at + 1)) {
      if (!starts_ok(at)) continue;
      const size_t end = at + base.size();
      for (std::string_view suffix : suffixes) {
        if (lower.substr(end, suffix.size()) == suffix && WordEndsAt(lower, end + suffix.size())) return true;
      }
    }
    return false;
  };
  return with_suffixes(trimmed_e, {"ing"}) || with_suffixes(trimmed_y, {"ies", "ied"});
}

bool ContainsExactWord(std::string_view lower, std::string_view keyword) {
  if (keyword.empty()) return false;
  const bool check_start = IsWordByte(keyword.front());
  const bool check_end = IsWordByte(keyword.back());
  for (size_t at = lower.find(keyword); at != std::string_view::npos; at = lower.find(keyword, at + 1)) {
    if (check_start && at > 0 && IsWordByte(lower[at - 1])) continue;
    if (check_end && !WordEndsAt(lower, at + keyword.size())) continue;
    return true;
  }
  return false;
}

bool ContainsAnyWord(std::string_view lower, std::span<const std::string_view> keywords) {
  for (std::string_view k : keywords) {
    if (ContainsWord(lower, k)) return true;
  }
  return false;
}

bool ContainsAnySubstring(std::string_view lower, std::span<const std::string_view> keywords) {
  for (std::string_view k : keywords) {
    if (lower.find(k) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace loupe::intelligence::internal
