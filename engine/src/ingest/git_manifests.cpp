#include "loupe/ingest/git_manifests.h"

#include "loupe/core/strings.h"
#include "loupe/model/manifest.h"

namespace loupe::ingest {

std::vector<std::string> GitManifestLogArguments() {
  // --full-history: without it git's history simplification hides side-branch commits whose
  // manifest change a merge later dropped. --no-renames: a moved manifest is a deletion plus an
  // addition, so both paths get a snapshot.
  std::vector<std::string> args = {"-c",          "core.quotepath=off", "log",          "--branches",
                                   "--tags",      "--no-merges",        "--full-history", "--no-renames",
                                   "--raw",       "--no-abbrev",        "-z",           "--format=%x1e%H",
                                   "--"};
  for (const char* name : {"package.json", "Cargo.toml", "go.mod", "pyproject.toml", "requirements*.txt",
                           "pom.xml", "build.gradle", "build.gradle.kts", "Package.swift"}) {
    args.push_back(std::string(":(glob)**/") + name);
  }
  args.push_back(":(exclude,glob)**/node_modules/**");
  return args;
}

Result<std::vector<GitManifestChange>> ParseGitManifestLog(std::string_view text) {
  std::vector<GitManifestChange> out;
  int64_t record = 0;
  size_t pos = text.find('\x1e');
  if (!Trim(text.substr(0, pos == std::string_view::npos ? text.size() : pos)).empty()) {
    return InvalidInput("expected the output of git log --raw -z with --format=%x1e%H, got " +
                        QuoteForMessage(text.substr(0, 40)));
  }
  while (pos < text.size()) {
    ++record;
    size_t end = text.find('\x1e', pos + 1);
    if (end == std::string_view::npos) end = text.size();
    std::string_view rest = text.substr(pos + 1, end - pos - 1);
    pos = end;
    const auto fail = [&](std::string message) {
      return InvalidInput(std::move(message)).WithRecord("commit " + std::to_string(record));
    };
    const size_t nul = rest.find('\0');
    Sha commit;
    if (nul == std::string_view::npos || !Sha::Parse(rest.substr(0, nul), commit)) {
      return fail("expected a commit sha of 40 hex digits and a NUL byte, got " + QuoteForMessage(rest.substr(0, 48)));
    }
    rest.remove_prefix(nul + 1);
    while (!rest.empty() && rest.front() == '\n') rest.remove_prefix(1);
    // Each entry: ":<old mode> <new mode> <old blob> <new blob> <status>" NUL "<path>" NUL.
    while (!rest.empty()) {
      const size_t header_end = rest.find('\0');
      const size_t path_end = header_end == std::string_view::npos ? header_end : rest.find('\0', header_end + 1);
      if (rest.front() != ':' || path_end == std::string_view::npos) {
        return fail("expected a raw diff entry \":<modes> <blobs> <status>\\0<path>\\0\", got " +
                    QuoteForMessage(rest.substr(0, 60)));
      }
      const std::vector<std::string_view> header = Split(rest.substr(1, header_end - 1), ' ');
      const std::string_view path = rest.substr(header_end + 1, path_end - header_end - 1);
      rest.remove_prefix(path_end + 1);
      if (header.size() != 5 || header[3].size() != 40 || header[4].empty()) {
        return fail("malformed raw diff entry for " + QuoteForMessage(path));
      }
      const std::string_view new_mode = header[1], new_blob = header[3];
      const bool deleted = header[4] == "D";
      // 120000 is a symbolic link, 160000 a submodule: neither holds a manifest's text.
      if (!deleted && !new_mode.starts_with("100")) continue;
      if (model::ManifestKindOf(path) == model::ManifestKind::kNone) continue;
      // A manifest record ends its path with 0x1F; git allows that byte in a name, no tool does.
      if (path.find_first_of("\x1e\x1f") != std::string_view::npos) continue;
      GitManifestChange& change = out.emplace_back();
      change.commit = commit;
      change.path.assign(path);
      if (!deleted) change.blob.assign(new_blob);
    }
  }
  return out;
}

std::string CatFileBatchInput(std::span<const GitManifestChange> changes) {
  std::string out;
  for (const GitManifestChange& c : changes) {
    if (c.blob.empty()) continue;
    out += c.blob;
    out += '\n';
  }
  return out;
}

Result<std::string> GitManifestRecords(std::span<const GitManifestChange> changes,
                                       std::string_view cat_file_output) {
  std::string out;
  std::string_view rest = cat_file_output;
  for (const GitManifestChange& c : changes) {
    std::string_view content;
    if (!c.blob.empty()) {
      // "<blob> blob <size>\n<content>\n", or "<blob> missing\n".
      const size_t eol = rest.find('\n');
      const std::vector<std::string_view> header =
          Split(rest.substr(0, eol == std::string_view::npos ? rest.size() : eol), ' ');
      int64_t size = 0;
      if (eol == std::string_view::npos || header.size() != 3 || header[0] != c.blob || header[1] != "blob" ||
          !ParseInt64(header[2], size, 0, static_cast<int64_t>(rest.size() - eol - 1)) ||
          rest.size() < eol + 2 + static_cast<size_t>(size) || rest[eol + 1 + size] != '\n') {
        return InvalidInput("git cat-file did not answer with blob " + c.blob + " of " + c.path + ": got " +
                            QuoteForMessage(rest.substr(0, eol == std::string_view::npos ? 60 : eol)));
      }
      content = rest.substr(eol + 1, static_cast<size_t>(size));
      rest.remove_prefix(eol + 2 + static_cast<size_t>(size));
    }
    out += '\x1e';
    out += kManifestRecordTag;
    out += c.commit.Hex();
    out += '\x1f';
    out += c.path;
    out += '\x1f';
    out += std::to_string(content.size());
    out += '\x1f';
    out += content;
    out += '\n';
  }
  if (!rest.empty()) return InvalidInput("git cat-file answered more than was asked");
  return out;
}

}  // namespace loupe::ingest
