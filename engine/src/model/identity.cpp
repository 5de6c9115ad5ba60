#include "loupe/model/identity.h"

#include "loupe/core/strings.h"

namespace loupe::model {

std::string_view IdentityKindName(IdentityKind kind) {
  return kind == IdentityKind::kEmail ? "email" : "login";
}

std::string Identity::Ref() const {
  return std::string(IdentityKindName(kind)) + ":" + key;
}

bool ParseIdentityRef(std::string_view ref, IdentityKind& kind, std::string& key) {
  ref = Trim(ref);
  if (StartsWithIgnoreCaseAscii(ref, "email:")) {
    kind = IdentityKind::kEmail;
    ref.remove_prefix(6);
  } else if (StartsWithIgnoreCaseAscii(ref, "login:")) {
    kind = IdentityKind::kLogin;
    ref.remove_prefix(6);
  } else {
    kind = ref.find('@') != std::string_view::npos ? IdentityKind::kEmail : IdentityKind::kLogin;
  }
  ref = Trim(ref);
  if (ref.empty()) return false;
  key = ToLowerAscii(ref);
  return true;
}

}  // namespace loupe::model
