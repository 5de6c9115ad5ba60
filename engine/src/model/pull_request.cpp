#include "loupe/model/pull_request.h"

namespace loupe::model {

std::string_view PrStateName(PrState state) {
  switch (state) {
    case PrState::kOpen: return "open";
    case PrState::kClosed: return "closed";
    case PrState::kMerged: return "merged";
  }
  return "open";
}

bool ParsePrState(std::string_view name, PrState& out) {
  if (name == "open") {
    out = PrState::kOpen;
  } else if (name == "closed") {
    out = PrState::kClosed;
  } else if (name == "merged") {
    out = PrState::kMerged;
  } else {
    return false;
  }
  return true;
}

}  // namespace loupe::model
