// loupe/api/session.h — one open workspace: the engine's façade for the CLI and the wasm binding.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "loupe/core/progress.h"
#include "loupe/core/status.h"
#include "loupe/identity/resolver.h"
#include "loupe/ingest/importer.h"
#include "loupe/model/workspace.h"
#include "loupe/storage/database.h"
#include "loupe/store/activity_store.h"

namespace loupe::api {

//! What one import changed.
struct ImportReport {
  std::string source;
  ingest::ImportStats stats;
  model::ChangeSet::Counts added;  //!< new entities
  //! Entities that existed and gained data (e.g. a commit that now has its file list).
  int64_t updated_commits = 0, updated_pull_requests = 0, updated_reviews = 0, updated_comments = 0;
  bool changed = false;  //!< false: everything in the input was already there
};

//! A workspace in memory, optionally persisted in a database. Every mutation is all-or-nothing:
//! it is planned, written in one transaction, and only then applied in memory. Derived views
//! (developers, the activity store) are rebuilt lazily after a change, so rules apply
//! retroactively without re-importing.
class Session {
 public:
  //! A workspace that lives only as long as the session.
  static std::unique_ptr<Session> InMemory();
  //! Opens (creating or migrating) the workspace stored behind `driver` and loads it.
  static Result<std::unique_ptr<Session>> Open(std::unique_ptr<storage::SqlDriver> driver);

  //! Imports one input. On any error nothing is stored and the workspace is unchanged.
  Result<ImportReport> Import(const ingest::InputBuffer& input, const ingest::ImportOptions& options);

  const model::Workspace& workspace() const { return workspace_; }
  bool persistent() const { return database_ != nullptr; }
  std::string StorageDescription() const;

  const identity::Resolution& resolution();
  const store::ActivityStore& activity();

  //! Identity rules; each takes identity refs ("email:x", "login:y", or a bare e-mail/login).
  Status MergeIdentities(std::string_view a, std::string_view b);
  //! Detaches an identity from its developer; earlier explicit merges that involve it are undone.
  Status SplitIdentity(std::string_view identity);
  Status AddBotRule(model::BotRule rule);
  //! Removes the rule with exactly this pattern; NotFound if none.
  Status RemoveBotRule(std::string_view pattern);
  //! Adds the entries of a .mailmap text; returns how many were new.
  Result<int> ImportMailmap(std::string_view text, std::string_view source_name);
  //! A .mailmap that reproduces the current developers: the stored entries plus one line per
  //! further e-mail of each developer with several.
  std::string ExportMailmap();

  //! The whole workspace as a Loupe bundle (docs/bundle.md).
  std::string ExportBundle() const;

 private:
  Session() = default;
  Status ReplaceRules(model::IdentityRules rules);
  void Invalidate();

  std::unique_ptr<storage::SqlDriver> driver_;
  std::unique_ptr<storage::Database> database_;
  model::Workspace workspace_;
  std::optional<identity::Resolution> resolution_;
  std::optional<store::ActivityStore> activity_;
};

}  // namespace loupe::api
