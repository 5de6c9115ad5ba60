// bench/import_bench.cpp — import throughput of GitHub REST JSON and git log exports, and the
// store's bytes per commit. Builds natively and to wasm (run under node by run_import_bench.mjs).
//
//   import_bench [--real DIR] [--mb N] [--rounds R]
//
// Prints CSV rows `name,variant,seconds,bytes,ratio_to_baseline,records_per_s,mb_per_s`, the
// median of R rounds. Baselines run in the same process on the same bytes: for JSON a simdjson DOM
// parse (the validating parse the importers use) and a walk of every value, keeping nothing; for
// git logs a memchr scan of the separators — the floor any importer pays for reading its input.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "loupe/identity/bot_rules.h"
#include "loupe/identity/resolver.h"
#include "loupe/ingest/importer.h"
#include "loupe/store/activity_store.h"
#include "simdjson.h"

namespace {

using namespace loupe;

// [SECTION] deterministic inputs

uint64_t state = 0x9E3779B97F4A7C15ULL;
uint64_t Next() {
  state ^= state << 13, state ^= state >> 7, state ^= state << 17;
  return state;
}
std::string Hex40() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s(40, '0');
  for (char& c : s) c = kHex[Next() & 15];
  return s;
}

// Single-commit REST objects (GET /repos/o/r/commits/SHA) with stats and files: the richest and
// most common payload a sync pulls.
std::string RestCommits(size_t target_bytes, int64_t& records) {
  std::string out = "[";
  records = 0;
  const char* names[] = {"Ana Lima", "Bruno Costa", "Chen Wei", "Dipika Rai", "Erin Walsh", "Zoë Ångström"};
  while (out.size() < target_bytes) {
    const int who = static_cast<int>(Next() % 6);
    const std::string sha = Hex40();
    char buf[1024];
    if (records > 0) out += ",";
    std::snprintf(buf, sizeof buf,
                  R"({"sha":"%s","node_id":"C_kwDO%s","commit":{"author":{"name":"%s","email":"dev%d@example.com","date":"2024-0%d-1%dT%02d:%02d:00Z"},)"
                  R"("committer":{"name":"GitHub","email":"noreply@github.com","date":"2024-0%d-1%dT%02d:%02d:30Z"},)",
                  sha.c_str(), sha.substr(0, 12).c_str(), names[who], who, static_cast<int>(1 + Next() % 8),
                  static_cast<int>(Next() % 10), static_cast<int>(Next() % 24), static_cast<int>(Next() % 60),
                  static_cast<int>(1 + Next() % 8), static_cast<int>(Next() % 10), static_cast<int>(Next() % 24),
                  static_cast<int>(Next() % 60));
    out += buf;
    out += R"("message":"feat(engine): improve the burn timer \u2014 r)" + std::to_string(records) +
           R"(\n\nLonger body explaining why the change is needed, with \"quotes\" and ünïcode.\n\nCo-authored-by: Chen Wei <dev2@example.com>",)";
    out += R"("tree":{"sha":")" + Hex40() + R"(","url":"https://api.github.com/repos/acme/rocket/git/trees/x"},)";
    out += R"("url":"https://api.github.com/repos/acme/rocket/git/commits/)" + sha + R"(","comment_count":0,)";
    out += R"("verification":{"verified":false,"reason":"unsigned","signature":null,"payload":null}},)";
    out += R"("url":"https://api.github.com/repos/acme/rocket/commits/)" + sha + R"(",)";
    out += R"("html_url":"https://github.com/acme/rocket/commit/)" + sha + R"(",)";
    out += R"("author":{"login":"dev)" + std::to_string(who) + R"(","id":)" + std::to_string(1000 + who) +
           R"(,"type":"User","site_admin":false},"committer":{"login":"web-flow","id":19864447,"type":"User"},)";
    out += R"("parents":[{"sha":")" + Hex40() + R"(","url":"https://api.github.com/repos/acme/rocket/commits/p"}],)";
    const int files = 1 + static_cast<int>(Next() % 6);
    int64_t adds = 0, dels = 0;
    std::string file_json = "[";
    for (int f = 0; f < files; ++f) {
      const int a = static_cast<int>(Next() % 200), d = static_cast<int>(Next() % 80);
      adds += a, dels += d;
      if (f) file_json += ",";
      file_json += R"({"sha":")" + Hex40() + R"(","filename":"src/module)" + std::to_string(f) +
                   R"(/file.rs","status":"modified","additions":)" + std::to_string(a) +
                   R"(,"deletions":)" + std::to_string(d) + R"(,"changes":)" + std::to_string(a + d) +
                   R"(,"blob_url":"https://github.com/acme/rocket/blob/x/file.rs","patch":"@@ -1,3 +1,4 @@\n+line"})";
    }
    file_json += "]";
    out += R"("stats":{"total":)" + std::to_string(adds + dels) + R"(,"additions":)" + std::to_string(adds) +
           R"(,"deletions":)" + std::to_string(dels) + "},";
    out += R"("files":)" + file_json + "}";
    ++records;
  }
  out += "]";
  return out;
}

// A git log export in the format of docs/formats.md, shaped like the real exports.
std::string GitLog(size_t target_bytes, int64_t& records) {
  std::string out;
  records = 0;
  const char* names[] = {"Ana Lima", "Bruno Costa", "Chen Wei", "Dipika Rai"};
  std::string parent = Hex40();
  while (out.size() < target_bytes) {
    const int who = static_cast<int>(Next() % 4);
    const std::string sha = Hex40();
    char date[64];
    std::snprintf(date, sizeof date, "2024-0%d-1%dT%02d:%02d:00+08:00", static_cast<int>(1 + Next() % 8),
                  static_cast<int>(Next() % 10), static_cast<int>(Next() % 24), static_cast<int>(Next() % 60));
    out += "\x1e" + sha + "\x1f" + parent + "\x1f" + names[who] + "\x1f" + "dev" + std::to_string(who) +
           "@example.com\x1f" + date + "\x1fGitHub\x1fnoreply@github.com\x1f" + date + "\x1fmain\x1f\x1f" +
           "fix(core): handle the empty case (#" + std::to_string(records) + ")\n\n* sub change one\n* sub change two\x1f\n\n";
    const int files = 1 + static_cast<int>(Next() % 12);
    for (int f = 0; f < files; ++f) {
      out += std::to_string(Next() % 300) + "\t" + std::to_string(Next() % 100) + "\tcore/src/services/module" +
             std::to_string(f) + "/backend.rs\n";
    }
    parent = sha;
    ++records;
  }
  return out;
}

std::string ReadFileOrEmpty(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return "";
  std::string out;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  std::fclose(f);
  return out;
}

// [SECTION] measured work

double Seconds(const std::function<void()>& fn) {
  const auto start = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Visits every value of a parsed JSON document, keeping nothing: with the parse, the cost floor
// of reading it.
uint64_t TraverseJson(simdjson::dom::element v) {
  using simdjson::dom::element_type;
  uint64_t n = 1;
  switch (v.type()) {
    case element_type::OBJECT: {
      const simdjson::dom::object object = v.get_object().value_unsafe();
      for (simdjson::dom::key_value_pair field : object) n += field.key.size() + TraverseJson(field.value);
      break;
    }
    case element_type::ARRAY: {
      const simdjson::dom::array array = v.get_array().value_unsafe();
      for (simdjson::dom::element child : array) n += TraverseJson(child);
      break;
    }
    case element_type::STRING:
      n += v.get_string().value_unsafe().size();
      break;
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      n += v.get_double().value_unsafe() > 0 ? 1 : 0;
      break;
    default:
      break;
  }
  return n;
}

uint64_t json_sink = 0;
void JsonBaseline(const ingest::InputBuffer& input) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(input.data(), input.size(), /*realloc_if_needed=*/false).get(root)) std::abort();
  json_sink += TraverseJson(root);
}

void GitLogBaseline(const ingest::InputBuffer& input) {
  const char* p = input.data();
  const char* end = p + input.size();
  uint64_t fields = 0;
  // Every separator a git-log reader must find: record, field and line boundaries.
  while (p < end) {
    const char* q = static_cast<const char*>(std::memchr(p, '\x1f', static_cast<size_t>(end - p)));
    if (!q) break;
    ++fields;
    p = q + 1;
  }
  p = input.data();
  while (p < end) {
    const char* q = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    if (!q) break;
    ++fields;
    p = q + 1;
  }
  json_sink += fields;
}

struct Outcome {
  size_t commits = 0;
  double bytes_per_commit = 0;
};

void ParseOnly(const ingest::InputBuffer& input, const ingest::ImportOptions& options) {
  model::Workspace batch;
  auto stats = ingest::ParseInto(input, options, batch);
  if (!stats.ok()) {
    std::fprintf(stderr, "import failed: %s\n", stats.status().ToString().c_str());
    std::exit(1);
  }
}

Outcome IntoStore(const ingest::InputBuffer& input, const ingest::ImportOptions& options) {
  model::Workspace batch;
  if (!ingest::ParseInto(input, options, batch).ok()) std::exit(1);
  model::Workspace ws;
  ws.mutable_rules().bot_rules = identity::DefaultBotRules();
  ws.Apply(ws.Plan(batch));
  const identity::Resolution resolution = identity::Resolve(ws);
  const store::ActivityStore store = store::ActivityStore::Build(ws, resolution);
  return {store.commits().size(), store.CommitBytesPerCommit()};
}

void Run(const std::string& name, const ingest::InputBuffer& input, int64_t records,
         const ingest::ImportOptions& options, bool json, int rounds) {
  std::vector<double> base, parse, full;
  Outcome outcome;
  for (int r = 0; r < rounds; ++r) {  // interleaved, so machine noise hits all variants alike
    base.push_back(Seconds([&] { json ? JsonBaseline(input) : GitLogBaseline(input); }));
    parse.push_back(Seconds([&] { ParseOnly(input, options); }));
    full.push_back(Seconds([&] { outcome = IntoStore(input, options); }));
  }
  const double b = Median(base), p = Median(parse), f = Median(full);
  const double mb = static_cast<double>(input.size()) / 1e6;
  auto row = [&](const char* variant, double s) {
    std::printf("%s,%s,%.4f,%zu,%.2f,%.0f,%.1f\n", name.c_str(), variant, s, input.size(), s / b,
                static_cast<double>(records) / s, mb / s);
  };
  row(json ? "baseline_simdjson_dom_traverse" : "baseline_memchr_scan", b);
  row("parse_into_batch", p);
  row("import_into_store", f);
  std::printf("%s,store_bytes_per_commit,%.1f,%zu,,,\n", name.c_str(), outcome.bytes_per_commit, outcome.commits);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::string real;
  size_t mb = 50;
  int rounds = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--real")) real = argv[i + 1];
    if (!std::strcmp(argv[i], "--mb")) mb = static_cast<size_t>(std::atoi(argv[i + 1]));
    if (!std::strcmp(argv[i], "--rounds")) rounds = std::atoi(argv[i + 1]);
  }
  std::printf("name,variant,seconds,bytes,ratio_to_baseline,records_per_s,mb_per_s\n");
  int64_t records = 0;
  {
    const std::string json = RestCommits(mb << 20, records);
    ingest::ImportOptions options;
    options.source_name = "rest-commits.json";
    Run("github_rest_commits", ingest::InputBuffer::Copy(json), records, options, true, rounds);
  }
  {
    const std::string log = GitLog(mb << 20, records);
    ingest::ImportOptions options;
    options.source_name = "synthetic.gitlog";
    options.repo = "acme/rocket";
    Run("gitlog_synthetic", ingest::InputBuffer::Copy(log), records, options, false, rounds);
  }
  if (!real.empty()) {
    std::string all;
    records = 0;
    for (const char* f : {"apache-opendal.gitlog", "apache-incubator-devlake.gitlog", "apache-opendal.pr-branches.gitlog",
                          "apache-incubator-devlake.pr-branches.gitlog", "panjf2000-ants.gitlog"}) {
      const std::string text = ReadFileOrEmpty(real + "/git/" + f);
      records += std::count(text.begin(), text.end(), '\x1e');
      all += text;
    }
    if (!all.empty()) {
      ingest::ImportOptions options;
      options.source_name = "real.gitlog";
      options.repo = "real/all";
      Run("gitlog_real_apache", ingest::InputBuffer::Copy(all), records, options, false, rounds);
    }
  }
  return json_sink == 42 ? 1 : 0;  // keeps the baselines' work observable
}
