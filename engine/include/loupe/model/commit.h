// loupe/model/commit.h — a commit with its per-file changes and co-authors.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "loupe/core/sha.h"
#include "loupe/core/time.h"
#include "loupe/model/ids.h"

namespace loupe::model {

enum class FileStatus : uint8_t {
  kModified = 0,
  kAdded,
  kRemoved,
  kRenamed,
  kCopied,
  kChanged,    //!< GitHub's "changed" (mode or type change)
  kUnchanged,  //!< GitHub's "unchanged"
};
std::string_view FileStatusName(FileStatus status);
bool ParseFileStatus(std::string_view name, FileStatus& out);

struct FileChange {
  std::string path;      //!< path after the change
  std::string old_path;  //!< path before a rename or copy, else empty
  int32_t additions = 0;
  int32_t deletions = 0;
  FileStatus status = FileStatus::kModified;
  bool binary = false;  //!< git numstat "-\t-": no line counts exist
  friend bool operator==(const FileChange&, const FileChange&) = default;
};

struct Commit {
  Sha sha;
  RepoId repo = kNoId;
  IdentityId author = kNoId;
  IdentityId committer = kNoId;
  Timestamp authored;   //!< author date with the author's own offset
  Timestamp committed;  //!< committer date (a squash merge's merge time)
  std::string message;  //!< full raw message: subject, blank line, body
  std::vector<Sha> parents;
  std::vector<IdentityId> co_authors;  //!< from Co-authored-by lines anywhere in the message
  std::vector<FileChange> files;       //!< when has_files
  int64_t additions = 0;               //!< totals, when has_stats
  int64_t deletions = 0;
  int32_t changed_files = 0;
  bool has_stats = false;  //!< additions/deletions/changed_files are known
  bool has_files = false;  //!< `files` is the complete list
  //! authored/committed are only the instant a push reached GitHub (GH Archive push events list
  //! no commit times); any source with the commit's own times replaces them.
  bool approximate_time = false;
  std::string source_ref;  //!< the ref git's walk reached it through ("main", "refs/pull/12/head")

  bool is_merge() const { return parents.size() > 1; }
  //! First line of the message.
  std::string_view Subject() const;
  friend bool operator==(const Commit&, const Commit&) = default;
};

}  // namespace loupe::model
