// intelligence/text_match.h — keyword matching on lower-cased text, shared by the analyzers.
//
// The seed matched keywords as substrings ("add" in "address", "ui" in "build", "ci" in
// "specific"); Loupe matches words. A keyword matches where it starts at a word boundary and
// ends at one, or is followed by an inflection: -s, -es, -ed, -ing, a final "e" dropped before
// -ing or followed by -d ("create" -> "created", "creating"), a final "y" turned into -ies/-ied.
// A keyword ending in '*' is a stem: any word that starts with it ("optim*" -> "optimise").
// Boundaries are only checked next to letters and digits: "breaking:" and "+1" match as written.
#pragma once
#include <span>
#include <string_view>

namespace loupe::intelligence::internal {

//! Whether `lower` (already ASCII lower-cased) contains `keyword` as a word, per the rules above.
bool ContainsWord(std::string_view lower, std::string_view keyword);
//! Whether any keyword matches.
bool ContainsAnyWord(std::string_view lower, std::span<const std::string_view> keywords);
//! Whether `keyword` occurs with a word boundary on both sides and no inflection (regex \bkw\b).
bool ContainsExactWord(std::string_view lower, std::string_view keyword);
//! Substring matching, the seed's rule (aexy-compat).
bool ContainsAnySubstring(std::string_view lower, std::span<const std::string_view> keywords);

}  // namespace loupe::intelligence::internal
