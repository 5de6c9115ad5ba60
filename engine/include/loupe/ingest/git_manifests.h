// loupe/ingest/git_manifests.h — dependency manifest contents from a git repository, as manifest
// records appended to a git log export (docs/formats.md, "Manifest records").
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/core/sha.h"
#include "loupe/core/status.h"

namespace loupe::ingest {

//! The arguments after `git` (and `-C <dir>`) that list, for every non-merge commit of the
//! branches and tags, the manifest files it added, changed or deleted (model::ManifestKindOf),
//! with their blob ids: `log --raw -z` limited to the manifest file names, node_modules left out.
std::vector<std::string> GitManifestLogArguments();

//! One manifest file changed by one commit.
struct GitManifestChange {
  Sha commit;
  std::string path;
  std::string blob;  //!< the new blob id in hex; empty when the commit deleted the file
};

//! Reads the output of `git <GitManifestLogArguments()>`, in its order. Symbolic links and
//! submodules named like a manifest are left out.
Result<std::vector<GitManifestChange>> ParseGitManifestLog(std::string_view text);

//! What to write to `git cat-file --batch`: the blob id of every change that has one, a line each.
std::string CatFileBatchInput(std::span<const GitManifestChange> changes);

//! The manifest records (docs/formats.md) of `changes`, reading the contents from what
//! `git cat-file --batch` answered to CatFileBatchInput(changes). A deleted manifest gets an
//! empty content. Fails when the answer does not match the requests.
Result<std::string> GitManifestRecords(std::span<const GitManifestChange> changes,
                                       std::string_view cat_file_output);

//! The first bytes of a manifest record in a git log export, after its 0x1E.
inline constexpr std::string_view kManifestRecordTag = "manifest\x1f";

}  // namespace loupe::ingest
