#include "loupe/ingest/bundle.h"

#include <algorithm>
#include <numeric>

#include "ingest/json_fields.h"
#include "ingest/parsers.h"
#include "loupe/core/json_writer.h"
#include "loupe/core/strings.h"

namespace loupe::ingest {

// [SECTION] writing

namespace {

constexpr std::string_view kFormatTag = "loupe-bundle";

// Commit times keep the author's offset; "Z" marks an unknown one (push events), "+00:00" a
// known UTC clock.
std::string StampText(const Timestamp& ts) { return FormatIsoTimestamp(ts, /*z_for_utc=*/false); }

void InstantField(JsonWriter& w, std::string_view key, Instant t) {
  if (t != kNoInstant) w.Field(key, FormatIsoInstant(t));
}

void IdField(JsonWriter& w, std::string_view key, uint32_t id) {
  if (id != model::kNoId) w.Field(key, static_cast<int64_t>(id));
}

void CountField(JsonWriter& w, std::string_view key, int64_t n) {
  if (n >= 0) w.Field(key, n);
}

void ShaField(JsonWriter& w, std::string_view key, const Sha& sha) {
  if (!sha.empty()) w.Field(key, sha.Hex());
}

template <typename T, typename Less>
std::vector<const T*> Sorted(const std::vector<T>& rows, Less less) {
  std::vector<const T*> out;
  out.reserve(rows.size());
  for (const T& r : rows) out.push_back(&r);
  std::sort(out.begin(), out.end(), [&](const T* a, const T* b) { return less(*a, *b); });
  return out;
}

void WriteRules(JsonWriter& w, const model::IdentityRules& rules) {
  w.Key("rules").BeginObject();
  w.Key("merges").BeginArray();
  for (const auto& m : rules.merges) w.BeginObject().Field("a", m.a).Field("b", m.b).EndObject();
  w.EndArray();
  w.Key("splits").BeginArray();
  for (const auto& s : rules.splits) w.String(s.identity);
  w.EndArray();
  w.Key("mailmap").BeginArray();
  for (const auto& e : rules.mailmap) {
    w.BeginObject()
        .Field("proper_name", e.proper_name)
        .Field("proper_email", e.proper_email)
        .Field("commit_name", e.commit_name)
        .Field("commit_email", e.commit_email)
        .EndObject();
  }
  w.EndArray();
  w.Key("bot_rules").BeginArray();
  for (const auto& b : rules.bot_rules) {
    w.BeginObject().Field("pattern", b.pattern).Field("is_bot", b.is_bot).Field("note", b.note).EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

std::string WriteBundle(const model::Workspace& ws) {
  JsonWriter w;
  w.BeginObject();
  w.Field("format", kFormatTag).Field("version", kBundleVersion);
  w.Key("repositories").BeginArray();
  for (const auto& r : ws.repositories()) w.String(r.full_name);
  w.EndArray();
  w.Key("identities").BeginArray();
  for (const auto& i : ws.identities()) {
    w.BeginObject().Field("kind", model::IdentityKindName(i.kind)).Field("value", i.spelling);
    w.Key("names").BeginArray();
    for (const auto& n : i.names) w.String(n);
    w.EndArray();
    if (i.github_user_id != 0) w.Field("github_user_id", i.github_user_id);
    w.EndObject();
  }
  w.EndArray();
  w.Key("links").BeginArray();
  for (const auto& l : ws.links()) w.BeginArray().Int(l.a).Int(l.b).EndArray();
  w.EndArray();
  WriteRules(w, ws.rules());

  w.Key("commits").BeginArray();
  for (const model::Commit* c : Sorted(ws.commits(), [](const auto& a, const auto& b) {
         return std::pair(a.authored.utc, a.sha) < std::pair(b.authored.utc, b.sha);
       })) {
    w.BeginObject().Field("sha", c->sha.Hex());
    IdField(w, "repo", c->repo);
    IdField(w, "author", c->author);
    IdField(w, "committer", c->committer);
    if (c->authored.known()) w.Field("authored", StampText(c->authored));
    if (c->committed.known()) w.Field("committed", StampText(c->committed));
    w.Field("message", c->message);
    w.Key("parents").BeginArray();
    for (const Sha& p : c->parents) w.String(p.Hex());
    w.EndArray();
    w.Key("co_authors").BeginArray();
    for (model::IdentityId id : c->co_authors) w.Int(id);
    w.EndArray();
    if (c->has_stats) {
      w.Field("additions", c->additions).Field("deletions", c->deletions);
      w.Field("changed_files", static_cast<int64_t>(c->changed_files));
    }
    if (c->approximate_time) w.Field("approximate_time", true);
    if (!c->source_ref.empty()) w.Field("source_ref", c->source_ref);
    if (c->has_files) {
      w.Key("files").BeginArray();
      for (const auto& f : c->files) {
        w.BeginObject().Field("path", f.path);
        if (!f.old_path.empty()) w.Field("old_path", f.old_path);
        w.Field("status", model::FileStatusName(f.status));
        if (f.binary) {
          w.Field("binary", true);
        } else {
          w.Field("additions", static_cast<int64_t>(f.additions));
          w.Field("deletions", static_cast<int64_t>(f.deletions));
        }
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();

  const auto& repos = ws.repositories();
  w.Key("pull_requests").BeginArray();
  for (const model::PullRequest* p : Sorted(ws.pull_requests(), [&](const auto& a, const auto& b) {
         return std::pair(repos[a.repo].full_name, a.number) < std::pair(repos[b.repo].full_name, b.number);
       })) {
    w.BeginObject();
    IdField(w, "repo", p->repo);
    w.Field("number", p->number);
    if (p->github_id != 0) w.Field("github_id", p->github_id);
    IdField(w, "author", p->author);
    w.Field("title", p->title).Field("body", p->body).Field("state", model::PrStateName(p->state));
    if (p->draft) w.Field("draft", true);
    InstantField(w, "created_at", p->created_at);
    InstantField(w, "updated_at", p->updated_at);
    InstantField(w, "ready_at", p->ready_at);
    InstantField(w, "merged_at", p->merged_at);
    InstantField(w, "closed_at", p->closed_at);
    IdField(w, "merged_by", p->merged_by);
    CountField(w, "additions", p->additions);
    CountField(w, "deletions", p->deletions);
    CountField(w, "changed_files", p->changed_files);
    CountField(w, "commits", p->commits);
    CountField(w, "comments", p->comments);
    CountField(w, "review_comments", p->review_comments);
    w.Key("requested_reviewers").BeginArray();
    for (model::IdentityId id : p->requested_reviewers) w.Int(id);
    w.EndArray();
    w.Key("labels").BeginArray();
    for (const auto& l : p->labels) w.String(l);
    w.EndArray();
    if (!p->base_ref.empty()) w.Field("base_ref", p->base_ref);
    if (!p->head_ref.empty()) w.Field("head_ref", p->head_ref);
    ShaField(w, "head_sha", p->head_sha);
    ShaField(w, "merge_commit_sha", p->merge_commit_sha);
    w.Key("commit_shas").BeginArray();
    for (const Sha& s : p->commit_shas) w.String(s.Hex());
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();

  w.Key("reviews").BeginArray();
  for (const model::Review* r :
       Sorted(ws.reviews(), [](const auto& a, const auto& b) { return a.github_id < b.github_id; })) {
    w.BeginObject().Field("github_id", r->github_id);
    IdField(w, "repo", r->repo);
    w.Field("pr_number", r->pr_number);
    IdField(w, "reviewer", r->reviewer);
    w.Field("state", model::ReviewStateName(r->state));
    InstantField(w, "submitted_at", r->submitted_at);
    w.Field("body", r->body);
    ShaField(w, "commit_id", r->commit_id);
    w.EndObject();
  }
  w.EndArray();

  w.Key("comments").BeginArray();
  for (const model::Comment* c : Sorted(ws.comments(), [](const auto& a, const auto& b) {
         return std::pair(a.kind, a.github_id) < std::pair(b.kind, b.github_id);
       })) {
    w.BeginObject().Field("github_id", c->github_id).Field("kind", model::CommentKindName(c->kind));
    IdField(w, "repo", c->repo);
    w.Field("pr_number", c->pr_number);
    IdField(w, "author", c->author);
    InstantField(w, "created_at", c->created_at);
    InstantField(w, "updated_at", c->updated_at);
    w.Field("body", c->body);
    if (c->review_id != 0) w.Field("review_id", c->review_id);
    if (c->in_reply_to != 0) w.Field("in_reply_to", c->in_reply_to);
    if (!c->path.empty()) w.Field("path", c->path);
    if (c->line != 0) w.Field("line", static_cast<int64_t>(c->line));
    w.EndObject();
  }
  w.EndArray();

  w.Key("manifests").BeginArray();
  for (const model::ManifestSnapshot* m : Sorted(ws.manifests(), [&](const auto& a, const auto& b) {
         return std::tuple(repos[a.repo].full_name, a.path, a.at, a.commit) <
                std::tuple(repos[b.repo].full_name, b.path, b.at, b.commit);
       })) {
    w.BeginObject();
    IdField(w, "repo", m->repo);
    w.Field("path", m->path);
    ShaField(w, "commit", m->commit);
    InstantField(w, "at", m->at);
    w.Field("content", m->content);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  std::string out = w.Take();
  out += '\n';
  return out;
}

// [SECTION] reading

namespace internal {
namespace {

using json::Fields;
using json::Need;
namespace dom = simdjson::dom;

// Maps a bundle's own indexes to the batch's ids, checking ranges.
struct IdMaps {
  std::vector<model::RepoId> repos;
  std::vector<model::IdentityId> identities;
};

Status ReadRef(const Fields& f, std::string_view key, const std::vector<uint32_t>& map,
               uint32_t& out, Need need = Need::kOptional) {
  int64_t index = -1;
  bool found = false;
  LOUPE_TRY(f.Int(key, index, need, 0, INT32_MAX, &found));
  if (!found) return Status::Ok();
  if (static_cast<size_t>(index) >= map.size()) {
    return InvalidInput("index " + std::to_string(index) + " refers to nothing (only " +
                        std::to_string(map.size()) + " defined)")
        .WithField(f.PathOf(key));
  }
  out = map[static_cast<size_t>(index)];
  return Status::Ok();
}

Status ReadRefArray(const Fields& f, std::string_view key, const std::vector<uint32_t>& map,
                    std::vector<uint32_t>& out) {
  std::vector<int64_t> indexes;
  LOUPE_TRY(f.Ints(key, indexes, 0, INT32_MAX));
  for (size_t i = 0; i < indexes.size(); ++i) {
    if (static_cast<size_t>(indexes[i]) >= map.size()) {
      return InvalidInput("index " + std::to_string(indexes[i]) + " refers to nothing")
          .WithField(f.ElementPath(key, i));
    }
    out.push_back(map[static_cast<size_t>(indexes[i])]);
  }
  return Status::Ok();
}

Status ReadShas(const Fields& f, std::string_view key, std::vector<Sha>& out) {
  std::vector<std::string> texts;
  LOUPE_TRY(f.Strings(key, texts));
  for (size_t i = 0; i < texts.size(); ++i) {
    Sha sha;
    if (!Sha::Parse(texts[i], sha)) {
      return InvalidInput("expected a 40-hex-digit sha, got " + QuoteForMessage(texts[i]))
          .WithField(f.ElementPath(key, i));
    }
    out.push_back(sha);
  }
  return Status::Ok();
}

// Reads a commit time: "Z" means the offset is unknown (see StampText).
Status ReadStamp(const Fields& f, std::string_view key, Timestamp& out) {
  std::string text;
  bool found = false;
  LOUPE_TRY(f.String(key, text, Need::kOptional, &found));
  if (!found) return Status::Ok();
  auto parsed = ParseIsoTimestamp(text);
  if (!parsed.ok()) return std::move(parsed).TakeStatus().WithField(f.PathOf(key));
  out = *parsed;
  if (!text.empty() && (text.back() == 'Z' || text.back() == 'z')) out.offset_minutes = kUnknownOffset;
  return Status::Ok();
}

// Reports progress every 4096 records. The DOM keeps no source offsets, so the bytes done are
// estimated from the share of the bundle's records read.
class RecordProgress {
 public:
  RecordProgress(const ImportOptions& options, dom::object root, int64_t total_bytes)
      : options_(options), total_bytes_(total_bytes) {
    for (dom::key_value_pair field : root) {
      dom::array array;
      if (!field.value.get_array().get(array)) total_records_ += static_cast<int64_t>(array.size());
    }
  }
  Status Step() {
    if (++done_ % 4096 != 0 || total_records_ == 0) return Status::Ok();
    return ReportProgress(options_, total_bytes_ * std::min(done_, total_records_) / total_records_,
                          total_bytes_);
  }

 private:
  const ImportOptions& options_;
  int64_t total_bytes_;
  int64_t total_records_ = 0;
  int64_t done_ = 0;
};

// Calls `fn(element)` for each element of the array `key` of `parent`; an error names the record
// "<key>[i]".
template <typename Fn>
Status EachElement(const Fields& parent, std::string_view key, ImportStats& stats,
                   RecordProgress& progress, Fn fn) {
  dom::array array;
  bool found = false;
  LOUPE_TRY(parent.Array(key, array, found));
  if (!found) return Status::Ok();
  size_t index = 0;
  for (dom::element element : array) {
    Status s = fn(element);
    if (!s.ok()) return std::move(s).WithRecord(std::string(key) + "[" + std::to_string(index) + "]");
    ++stats.records;
    ++index;
    LOUPE_TRY(progress.Step());
  }
  return Status::Ok();
}

// The parse failure `error`, explained: the record is the element of an array that holds the
// problem ("commits[3]"), the field the path below it.
Status SyntaxError(std::string_view text, simdjson::error_code error) {
  json::ScanOptions options;
  options.value_name = "the bundle object";
  const json::SyntaxScan scan = json::ScanJson(text, options);
  if (scan.problem.empty()) return json::ErrorFor(error);
  // path[0] is the bundle object, path[1] one of its keys.
  for (size_t i = 2; i < scan.path.size(); ++i) {
    if (scan.path[i].index != json::kNoIndex) {
      return json::SyntaxError(scan, i + 1)
          .WithRecord(std::string(scan.path[i - 1].key) + "[" + std::to_string(scan.path[i].index) + "]");
    }
  }
  return json::SyntaxError(scan, 1);
}

}  // namespace

Status ParseBundle(PaddedView input, const ImportOptions& options, model::Workspace& batch,
                   ImportStats& stats) {
  // Parsed in place: ParseInto's buffer has the SIMDJSON_PADDING readable bytes after the end.
  dom::parser parser;
  dom::element doc;
  if (auto e = parser.parse(input.data, input.size, /*realloc_if_needed=*/false).get(doc)) {
    return SyntaxError(input.view(), e);
  }
  dom::object root;
  LOUPE_TRY(json::AsObject(doc, root).WithRecord("bundle"));
  const Fields top(root);
  std::string format;
  LOUPE_TRY(top.String("format", format, Need::kRequired));
  if (format != kFormatTag) {
    return InvalidInput("not a Loupe bundle (format is " + QuoteForMessage(format) + ")").WithField("format");
  }
  int64_t version = 0;
  LOUPE_TRY(top.Int("version", version, Need::kRequired, 1, INT32_MAX));
  if (version > kBundleVersion) {
    return Status(StatusCode::kUnsupported, "bundle version " + std::to_string(version) +
                                                " is newer than this Loupe reads (" +
                                                std::to_string(kBundleVersion) + ")")
        .WithField("version");
  }
  RecordProgress progress(options, root, static_cast<int64_t>(input.size));
  IdMaps ids;

  {
    std::vector<std::string> names;
    LOUPE_TRY(top.Strings("repositories", names));
    for (const std::string& n : names) ids.repos.push_back(batch.InternRepo(n));
  }
  LOUPE_TRY(EachElement(top, "identities", stats, progress, [&](dom::element v) {
    dom::object o;
    LOUPE_TRY(json::AsObject(v, o));
    const Fields f(o);
    std::string kind, value;
    std::vector<std::string> names;
    int64_t github_user_id = 0;
    LOUPE_TRY(f.String("kind", kind, Need::kRequired));
    LOUPE_TRY(f.String("value", value, Need::kRequired));
    LOUPE_TRY(f.Strings("names", names));
    LOUPE_TRY(f.Int("github_user_id", github_user_id, Need::kOptional, 0));
    if (value.empty()) return InvalidInput("empty identity").WithField("value");
    model::IdentityId id;
    if (kind == "email") {
      id = batch.InternEmail(value, names.empty() ? "" : names.front());
    } else if (kind == "login") {
      id = batch.InternLogin(value, github_user_id, names.empty() ? "" : names.front());
    } else {
      return InvalidInput("expected \"email\" or \"login\", got " + QuoteForMessage(kind)).WithField("kind");
    }
    for (size_t k = 1; k < names.size(); ++k) {
      if (kind == "email") {
        batch.InternEmail(value, names[k]);
      } else {
        batch.InternLogin(value, github_user_id, names[k]);
      }
    }
    ids.identities.push_back(id);
    return Status::Ok();
  }));
  LOUPE_TRY(EachElement(top, "links", stats, progress, [&](dom::element v) {
    dom::array pair;
    if (v.get_array().get(pair)) return json::UnexpectedType(v, "an array");
    std::vector<int64_t> ends;
    for (dom::element element : pair) {
      int64_t index = 0;
      LOUPE_TRY(json::ToInt(element, 0, INT64_MAX, index));
      if (static_cast<size_t>(index) >= ids.identities.size()) {
        return InvalidInput("identity index " + std::to_string(index) + " refers to nothing");
      }
      ends.push_back(index);
    }
    if (ends.size() != 2) return InvalidInput("a link is a pair of identity indexes");
    batch.AddLink(ids.identities[ends[0]], ids.identities[ends[1]]);
    return Status::Ok();
  }));

  {
    dom::object rules_object;
    bool found = false;
    LOUPE_TRY(top.Object("rules", rules_object, found));
    if (found) {
      const Fields rules(rules_object, top, "rules");
      model::IdentityRules& out = batch.mutable_rules();
      LOUPE_TRY(EachElement(rules, "merges", stats, progress, [&](dom::element v) {
        dom::object o;
        LOUPE_TRY(json::AsObject(v, o));
        const Fields f(o);
        model::MergeRule m;
        LOUPE_TRY(f.String("a", m.a, Need::kRequired));
        LOUPE_TRY(f.String("b", m.b, Need::kRequired));
        out.merges.push_back(std::move(m));
        return Status::Ok();
      }));
      std::vector<std::string> splits;
      LOUPE_TRY(rules.Strings("splits", splits));
      for (std::string& s : splits) out.splits.push_back({std::move(s)});
      LOUPE_TRY(EachElement(rules, "mailmap", stats, progress, [&](dom::element v) {
        dom::object o;
        LOUPE_TRY(json::AsObject(v, o));
        const Fields f(o);
        model::MailmapEntry e;
        LOUPE_TRY(f.String("proper_name", e.proper_name));
        LOUPE_TRY(f.String("proper_email", e.proper_email));
        LOUPE_TRY(f.String("commit_name", e.commit_name));
        LOUPE_TRY(f.String("commit_email", e.commit_email, Need::kRequired));
        out.mailmap.push_back(std::move(e));
        return Status::Ok();
      }));
      LOUPE_TRY(EachElement(rules, "bot_rules", stats, progress, [&](dom::element v) {
        dom::object o;
        LOUPE_TRY(json::AsObject(v, o));
        const Fields f(o);
        model::BotRule b;
        LOUPE_TRY(f.String("pattern", b.pattern, Need::kRequired));
        LOUPE_TRY(f.Bool("is_bot", b.is_bot));
        LOUPE_TRY(f.String("note", b.note));
        out.bot_rules.push_back(std::move(b));
        return Status::Ok();
      }));
      batch.set_carries_rules(true);
    }
  }

  LOUPE_TRY(EachElement(top, "commits", stats, progress, [&](dom::element v) {
    dom::object o;
    LOUPE_TRY(json::AsObject(v, o));
    const Fields f(o);
    model::Commit c;
    LOUPE_TRY(f.GitSha("sha", c.sha, Need::kRequired));
    LOUPE_TRY(ReadRef(f, "repo", ids.repos, c.repo, Need::kRequired));
    LOUPE_TRY(ReadRef(f, "author", ids.identities, c.author));
    LOUPE_TRY(ReadRef(f, "committer", ids.identities, c.committer));
    LOUPE_TRY(ReadStamp(f, "authored", c.authored));
    LOUPE_TRY(ReadStamp(f, "committed", c.committed));
    LOUPE_TRY(f.String("message", c.message));
    LOUPE_TRY(ReadShas(f, "parents", c.parents));
    LOUPE_TRY(ReadRefArray(f, "co_authors", ids.identities, c.co_authors));
    bool has_additions = false;
    LOUPE_TRY(f.Int("additions", c.additions, Need::kOptional, 0, INT64_MAX, &has_additions));
    LOUPE_TRY(f.Int("deletions", c.deletions, Need::kOptional, 0));
    LOUPE_TRY(f.Int32("changed_files", c.changed_files));
    c.has_stats = has_additions;
    LOUPE_TRY(f.Bool("approximate_time", c.approximate_time));
    LOUPE_TRY(f.String("source_ref", c.source_ref));
    LOUPE_TRY(json::ForEachObject(f, "files", c.has_files, [&](const Fields& ff) -> Status {
      model::FileChange change;
      std::string status = "modified";
      LOUPE_TRY(ff.String("path", change.path, Need::kRequired));
      LOUPE_TRY(ff.String("old_path", change.old_path));
      LOUPE_TRY(ff.String("status", status));
      if (!model::ParseFileStatus(status, change.status)) {
        return InvalidInput("unknown file status " + QuoteForMessage(status)).WithField(ff.PathOf("status"));
      }
      LOUPE_TRY(ff.Bool("binary", change.binary));
      LOUPE_TRY(ff.Int32("additions", change.additions));
      LOUPE_TRY(ff.Int32("deletions", change.deletions));
      c.files.push_back(std::move(change));
      return Status::Ok();
    }));
    batch.UpsertCommit(std::move(c));
    return Status::Ok();
  }));

  LOUPE_TRY(EachElement(top, "pull_requests", stats, progress, [&](dom::element v) {
    dom::object o;
    LOUPE_TRY(json::AsObject(v, o));
    const Fields f(o);
    model::PullRequest p;
    std::string state;
    LOUPE_TRY(ReadRef(f, "repo", ids.repos, p.repo, Need::kRequired));
    LOUPE_TRY(f.Int("number", p.number, Need::kRequired, 1));
    LOUPE_TRY(f.Int("github_id", p.github_id, Need::kOptional, 0));
    LOUPE_TRY(ReadRef(f, "author", ids.identities, p.author));
    LOUPE_TRY(f.String("title", p.title));
    LOUPE_TRY(f.String("body", p.body));
    LOUPE_TRY(f.String("state", state, Need::kRequired));
    if (!model::ParsePrState(state, p.state)) {
      return InvalidInput("expected open, closed or merged, got " + QuoteForMessage(state)).WithField("state");
    }
    LOUPE_TRY(f.Bool("draft", p.draft));
    LOUPE_TRY(f.Time("created_at", p.created_at));
    LOUPE_TRY(f.Time("updated_at", p.updated_at));
    LOUPE_TRY(f.Time("ready_at", p.ready_at));
    LOUPE_TRY(f.Time("merged_at", p.merged_at));
    LOUPE_TRY(f.Time("closed_at", p.closed_at));
    LOUPE_TRY(ReadRef(f, "merged_by", ids.identities, p.merged_by));
    LOUPE_TRY(f.Int("additions", p.additions, Need::kOptional, 0));
    LOUPE_TRY(f.Int("deletions", p.deletions, Need::kOptional, 0));
    LOUPE_TRY(f.Int("changed_files", p.changed_files, Need::kOptional, 0));
    LOUPE_TRY(f.Int("commits", p.commits, Need::kOptional, 0));
    LOUPE_TRY(f.Int("comments", p.comments, Need::kOptional, 0));
    LOUPE_TRY(f.Int("review_comments", p.review_comments, Need::kOptional, 0));
    LOUPE_TRY(ReadRefArray(f, "requested_reviewers", ids.identities, p.requested_reviewers));
    LOUPE_TRY(f.Strings("labels", p.labels));
    LOUPE_TRY(f.String("base_ref", p.base_ref));
    LOUPE_TRY(f.String("head_ref", p.head_ref));
    LOUPE_TRY(f.GitSha("head_sha", p.head_sha));
    LOUPE_TRY(f.GitSha("merge_commit_sha", p.merge_commit_sha));
    LOUPE_TRY(ReadShas(f, "commit_shas", p.commit_shas));
    batch.UpsertPullRequest(std::move(p));
    return Status::Ok();
  }));

  LOUPE_TRY(EachElement(top, "reviews", stats, progress, [&](dom::element v) {
    dom::object o;
    LOUPE_TRY(json::AsObject(v, o));
    const Fields f(o);
    model::Review r;
    std::string state;
    LOUPE_TRY(f.Int("github_id", r.github_id, Need::kRequired, 1));
    LOUPE_TRY(ReadRef(f, "repo", ids.repos, r.repo, Need::kRequired));
    LOUPE_TRY(f.Int("pr_number", r.pr_number, Need::kRequired, 1));
    LOUPE_TRY(ReadRef(f, "reviewer", ids.identities, r.reviewer));
    LOUPE_TRY(f.String("state", state, Need::kRequired));
    if (!model::ParseReviewState(state, r.state)) {
      return InvalidInput("unknown review state " + QuoteForMessage(state)).WithField("state");
    }
    LOUPE_TRY(f.Time("submitted_at", r.submitted_at));
    LOUPE_TRY(f.String("body", r.body));
    LOUPE_TRY(f.GitSha("commit_id", r.commit_id));
    batch.UpsertReview(std::move(r));
    return Status::Ok();
  }));

  LOUPE_TRY(EachElement(top, "comments", stats, progress, [&](dom::element v) {
    dom::object o;
    LOUPE_TRY(json::AsObject(v, o));
    const Fields f(o);
    model::Comment c;
    std::string kind;
    LOUPE_TRY(f.Int("github_id", c.github_id, Need::kRequired, 1));
    LOUPE_TRY(f.String("kind", kind, Need::kRequired));
    if (kind == "review") {
      c.kind = model::CommentKind::kReview;
    } else if (kind == "conversation") {
      c.kind = model::CommentKind::kConversation;
    } else {
      return InvalidInput("expected \"review\" or \"conversation\", got " + QuoteForMessage(kind)).WithField("kind");
    }
    LOUPE_TRY(ReadRef(f, "repo", ids.repos, c.repo, Need::kRequired));
    LOUPE_TRY(f.Int("pr_number", c.pr_number, Need::kRequired, 1));
    LOUPE_TRY(ReadRef(f, "author", ids.identities, c.author));
    LOUPE_TRY(f.Time("created_at", c.created_at));
    LOUPE_TRY(f.Time("updated_at", c.updated_at));
    LOUPE_TRY(f.String("body", c.body));
    LOUPE_TRY(f.Int("review_id", c.review_id, Need::kOptional, 0));
    LOUPE_TRY(f.Int("in_reply_to", c.in_reply_to, Need::kOptional, 0));
    LOUPE_TRY(f.String("path", c.path));
    LOUPE_TRY(f.Int32("line", c.line));
    batch.UpsertComment(std::move(c));
    return Status::Ok();
  }));

  LOUPE_TRY(EachElement(top, "manifests", stats, progress, [&](dom::element v) {
    dom::object o;
    LOUPE_TRY(json::AsObject(v, o));
    const Fields f(o);
    model::ManifestSnapshot m;
    LOUPE_TRY(ReadRef(f, "repo", ids.repos, m.repo, Need::kRequired));
    LOUPE_TRY(f.String("path", m.path, Need::kRequired));
    LOUPE_TRY(f.GitSha("commit", m.commit, Need::kRequired));
    LOUPE_TRY(f.Time("at", m.at));
    LOUPE_TRY(f.String("content", m.content));
    batch.UpsertManifest(std::move(m));
    return Status::Ok();
  }));

  return Status::Ok();
}

}  // namespace internal
}  // namespace loupe::ingest
