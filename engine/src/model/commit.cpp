#include "loupe/model/commit.h"

namespace loupe::model {

namespace {
constexpr std::string_view kFileStatusNames[] = {"modified", "added",     "removed",  "renamed",
                                                 "copied",   "changed",   "unchanged"};
}

std::string_view FileStatusName(FileStatus status) {
  return kFileStatusNames[static_cast<int>(status)];
}

bool ParseFileStatus(std::string_view name, FileStatus& out) {
  for (size_t i = 0; i < std::size(kFileStatusNames); ++i) {
    if (kFileStatusNames[i] == name) {
      out = static_cast<FileStatus>(i);
      return true;
    }
  }
  return false;
}

std::string_view Commit::Subject() const {
  std::string_view m = message;
  const size_t nl = m.find('\n');
  return nl == std::string_view::npos ? m : m.substr(0, nl);
}

}  // namespace loupe::model
