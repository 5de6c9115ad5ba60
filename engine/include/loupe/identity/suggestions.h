// loupe/identity/suggestions.h — likely-same-person pairs the user may want to merge.
#pragma once
#include <string>
#include <vector>

#include "loupe/identity/resolver.h"

namespace loupe::identity {

//! Two developers that look like one person, with how sure we are and why.
struct MergeSuggestion {
  uint32_t a = 0;  //!< indexes into Resolution::developers(), a < b
  uint32_t b = 0;
  double confidence = 0;  //!< 0..1
  std::string reason;     //!< e.g. "same name \"Ana Lima\""
};

//! Never merges anything itself; names are not proof of identity. Signals: the same full name
//! (0.85 for two or more words, 0.5 for one), a login equal to an e-mail's local part (0.7), the
//! same e-mail local part at different domains (0.6, local parts of 4+ characters that are not
//! generic like "info" or "dev"), a name equal to a login (0.6). Bots are left out. Sorted by
//! confidence, then by developer ids.
std::vector<MergeSuggestion> SuggestMerges(const model::Workspace& ws, const Resolution& resolution);

}  // namespace loupe::identity
