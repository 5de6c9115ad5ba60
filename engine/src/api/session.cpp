#include "loupe/api/session.h"

#include <algorithm>

#include "loupe/core/strings.h"
#include "loupe/identity/bot_rules.h"
#include "loupe/identity/mailmap.h"
#include "loupe/ingest/bundle.h"

namespace loupe::api {

std::unique_ptr<Session> Session::InMemory() {
  std::unique_ptr<Session> session(new Session());
  session->workspace_.mutable_rules().bot_rules = identity::DefaultBotRules();
  return session;
}

Result<std::unique_ptr<Session>> Session::Open(std::unique_ptr<storage::SqlDriver> driver) {
  std::unique_ptr<Session> session(new Session());
  LOUPE_ASSIGN_OR_RETURN(session->database_, storage::Database::Open(*driver));
  session->driver_ = std::move(driver);
  LOUPE_TRY(session->database_->Load(session->workspace_));
  LOUPE_ASSIGN_OR_RETURN(auto initialised, session->database_->GetMeta("rules_initialised"));
  if (!initialised) {
    // A new workspace starts with the default bot rules; later edits are the user's.
    model::IdentityRules rules = session->workspace_.rules();
    rules.bot_rules = identity::DefaultBotRules();
    LOUPE_TRY(session->ReplaceRules(std::move(rules)));
    LOUPE_TRY(session->database_->SetMeta("rules_initialised", "1"));
  }
  return session;
}

std::string Session::StorageDescription() const {
  return driver_ ? driver_->Describe() : "in memory";
}

void Session::Invalidate() {
  resolution_.reset();
  activity_.reset();
}

const identity::Resolution& Session::resolution() {
  if (!resolution_) resolution_ = identity::Resolve(workspace_);
  return *resolution_;
}

const store::ActivityStore& Session::activity() {
  if (!activity_) activity_ = store::ActivityStore::Build(workspace_, resolution());
  return *activity_;
}

Result<ImportReport> Session::Import(const ingest::InputBuffer& input,
                                     const ingest::ImportOptions& options) {
  model::Workspace batch;
  ImportReport report;
  report.source = options.source_name;
  LOUPE_ASSIGN_OR_RETURN(report.stats, ingest::ParseInto(input, options, batch));
  model::ChangeSet changes = workspace_.Plan(batch);
  report.added = changes.counts;
  report.updated_commits = static_cast<int64_t>(changes.commits.size()) - changes.counts.new_commits;
  report.updated_pull_requests =
      static_cast<int64_t>(changes.pull_requests.size()) - changes.counts.new_pull_requests;
  report.updated_reviews = static_cast<int64_t>(changes.reviews.size()) - changes.counts.new_reviews;
  report.updated_comments =
      static_cast<int64_t>(changes.comments.size()) - changes.counts.new_comments;
  report.changed = !changes.empty();
  if (!report.changed) return report;
  if (database_) {
    ProgressFn store_progress;
    if (options.progress) {
      store_progress = [&](const Progress& p) { return options.progress(Progress{"store", p.done, p.total, p.unit}); };
    }
    Status written = database_->Write(changes, store_progress);
    if (!written.ok()) return std::move(written).WithFile(options.source_name);
  }
  workspace_.Apply(std::move(changes));
  Invalidate();
  return report;
}

Status Session::ReplaceRules(model::IdentityRules rules) {
  if (database_) LOUPE_TRY(database_->WriteRules(rules));
  workspace_.mutable_rules() = std::move(rules);
  Invalidate();
  return Status::Ok();
}

static Result<std::string> CanonicalRef(const model::Workspace& ws, std::string_view ref) {
  model::IdentityKind kind;
  std::string key;
  if (!model::ParseIdentityRef(ref, kind, key)) {
    return InvalidInput("expected an identity such as email:ana@example.com or login:ana, got " +
                        QuoteForMessage(ref));
  }
  if (ws.FindIdentity(kind, key) == model::kNoId) {
    return NotFound("no identity " + std::string(model::IdentityKindName(kind)) + ":" + key +
                    " in this workspace");
  }
  return std::string(model::IdentityKindName(kind)) + ":" + key;
}

Status Session::MergeIdentities(std::string_view a, std::string_view b) {
  LOUPE_ASSIGN_OR_RETURN(std::string ref_a, CanonicalRef(workspace_, a));
  LOUPE_ASSIGN_OR_RETURN(std::string ref_b, CanonicalRef(workspace_, b));
  if (ref_a == ref_b) return InvalidInput("cannot merge an identity with itself");
  model::IdentityRules rules = workspace_.rules();
  const model::MergeRule rule{std::min(ref_a, ref_b), std::max(ref_a, ref_b)};
  if (std::find(rules.merges.begin(), rules.merges.end(), rule) != rules.merges.end()) {
    return Status::Ok();
  }
  rules.merges.push_back(rule);
  return ReplaceRules(std::move(rules));
}

Status Session::SplitIdentity(std::string_view identity) {
  LOUPE_ASSIGN_OR_RETURN(std::string ref, CanonicalRef(workspace_, identity));
  model::IdentityRules rules = workspace_.rules();
  std::erase_if(rules.merges, [&](const model::MergeRule& m) { return m.a == ref || m.b == ref; });
  if (std::find(rules.splits.begin(), rules.splits.end(), model::SplitRule{ref}) == rules.splits.end()) {
    rules.splits.push_back({ref});
  }
  return ReplaceRules(std::move(rules));
}

Status Session::AddBotRule(model::BotRule rule) {
  rule.pattern = std::string(Trim(rule.pattern));
  if (rule.pattern.empty()) return InvalidInput("a bot rule needs a pattern");
  model::IdentityRules rules = workspace_.rules();
  std::erase_if(rules.bot_rules, [&](const model::BotRule& r) { return r.pattern == rule.pattern; });
  rules.bot_rules.push_back(std::move(rule));
  return ReplaceRules(std::move(rules));
}

Status Session::RemoveBotRule(std::string_view pattern) {
  model::IdentityRules rules = workspace_.rules();
  const size_t before = rules.bot_rules.size();
  std::erase_if(rules.bot_rules, [&](const model::BotRule& r) { return r.pattern == pattern; });
  if (rules.bot_rules.size() == before) return NotFound("no bot rule with pattern " + QuoteForMessage(pattern));
  return ReplaceRules(std::move(rules));
}

Result<int> Session::ImportMailmap(std::string_view text, std::string_view source_name) {
  auto entries = identity::ParseMailmap(text);
  if (!entries.ok()) return std::move(entries).TakeStatus().WithFile(source_name);
  model::IdentityRules rules = workspace_.rules();
  int added = 0;
  for (model::MailmapEntry& e : *entries) {
    if (std::find(rules.mailmap.begin(), rules.mailmap.end(), e) == rules.mailmap.end()) {
      rules.mailmap.push_back(std::move(e));
      ++added;
    }
  }
  if (added > 0) LOUPE_TRY(ReplaceRules(std::move(rules)));
  return added;
}

std::string Session::ExportMailmap() {
  std::vector<model::MailmapEntry> entries = workspace_.rules().mailmap;
  for (const identity::Developer& d : resolution().developers()) {
    if (d.email.empty()) continue;
    for (model::IdentityId id : d.identities) {
      const model::Identity& identity = workspace_.identities()[id];
      if (identity.kind != model::IdentityKind::kEmail || EqualsIgnoreCaseAscii(identity.key, d.email)) continue;
      model::MailmapEntry e{d.name, d.email, "", identity.spelling};
      if (std::find(entries.begin(), entries.end(), e) == entries.end()) entries.push_back(std::move(e));
    }
  }
  return identity::FormatMailmap(entries);
}

std::string Session::ExportBundle() const { return ingest::WriteBundle(workspace_); }

}  // namespace loupe::api
