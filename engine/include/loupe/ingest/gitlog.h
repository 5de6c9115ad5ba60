// loupe/ingest/gitlog.h — the `git log` command whose output the git log importer reads.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace loupe::ingest {

//! The --format of a git log export (docs/formats.md, "git log export"): per commit, byte 0x1E,
//! then sha, parents, author name, e-mail and date, committer name, e-mail and date, %S ref,
//! the final trailer block's Co-authored-by values (0x1D-separated) and the raw message, each
//! followed by 0x1F; --numstat rows follow.
inline constexpr std::string_view kGitLogFormat =
    "%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%ad%x1f%cn%x1f%ce%x1f%cd%x1f%S%x1f"
    "%(trailers:key=Co-authored-by,valueonly,separator=%x1d)%x1f%B%x1f";

//! The arguments after `git` (and after any `-C <dir>` / `--git-dir=<dir>` the caller puts
//! first) that write a git log export of every non-merge commit on a branch or tag to stdout.
std::vector<std::string> GitLogArguments();

}  // namespace loupe::ingest
