// loupe/model/repository.h — a repository, named as GitHub names it.
#pragma once
#include <string>

#include "loupe/model/ids.h"

namespace loupe::model {

struct Repository {
  RepoId id = kNoId;
  std::string full_name;  //!< "owner/name" for GitHub sources; the export's name for git logs
};

}  // namespace loupe::model
