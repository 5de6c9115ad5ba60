// tests/engine/snapshots/session_fixture.h — tiny workspaces for the snapshot, alert and privacy
// tests, written as the inputs a user would import (git log exports and GitHub REST JSON).
#pragma once
#include <cstdio>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "loupe/api/session.h"

namespace loupe::testing {

//! A developer as the inputs name them: commits by a GitHub noreply e-mail, so the login of their
//! PRs and reviews is the same developer.
struct Person {
  std::string name;
  std::string login;
  int64_t github_id;
  std::string Email() const { return std::to_string(github_id) + "+" + login + "@users.noreply.github.com"; }
};

inline const Person kAna{"Ana Lima", "ana", 101};
inline const Person kBob{"Bob Stone", "bob", 102};
inline const Person kCy{"Cy Park", "cy", 103};

//! One git log export record (docs/formats.md): 3 lines added and 1 removed in src/a.rs, author
//! and committer date `date`, optional Co-authored-by trailers ("Name <email>").
inline std::string GitCommit(int seed, const Person& who, const std::string& date, const std::string& co_author = "") {
  char sha[41];
  std::snprintf(sha, sizeof sha, "%040x", seed);
  std::string message = "change " + std::to_string(seed);
  if (!co_author.empty()) message += "\n\nCo-authored-by: " + co_author;
  return "\x1e" + std::string(sha) + "\x1f\x1f" + who.name + "\x1f" + who.Email() + "\x1f" + date + "\x1f" + who.name +
         "\x1f" + who.Email() + "\x1f" + date + "\x1fmain\x1f" + co_author + "\x1f" + message + "\x1f\n\n3\t1\tsrc/a.rs\n";
}

//! A pull request of acme/rocket as GET …/pulls lists it; `merged` "" = open.
inline std::string PullJson(int number, const Person& author, const std::string& created, const std::string& merged = "",
                            const std::vector<Person>& requested = {}) {
  std::string reviewers;
  for (const Person& p : requested) {
    reviewers += (reviewers.empty() ? "" : ",") + std::string("{\"login\":\"") + p.login +
                 "\",\"id\":" + std::to_string(p.github_id) + "}";
  }
  const std::string merged_at = merged.empty() ? "null" : "\"" + merged + "\"";
  return "{\"id\":" + std::to_string(9000 + number) + ",\"number\":" + std::to_string(number) +
         ",\"state\":\"" + (merged.empty() ? "open" : "closed") + "\",\"title\":\"PR " + std::to_string(number) +
         "\",\"user\":{\"login\":\"" + author.login + "\",\"id\":" + std::to_string(author.github_id) +
         "},\"body\":\"\",\"created_at\":\"" + created + "\",\"updated_at\":\"" + created + "\",\"closed_at\":" +
         merged_at + ",\"merged_at\":" + merged_at + ",\"draft\":false,\"requested_reviewers\":[" + reviewers +
         "],\"labels\":[],\"head\":{\"ref\":\"b" + std::to_string(number) +
         "\",\"repo\":{\"full_name\":\"acme/rocket\"}},\"base\":{\"ref\":\"main\",\"repo\":{\"full_name\":\"acme/rocket\"}}}";
}

//! A review as GET …/pulls/N/reviews lists it.
inline std::string ReviewJson(int64_t id, int pr, const Person& reviewer, const std::string& submitted,
                              const std::string& state = "APPROVED") {
  return "{\"id\":" + std::to_string(id) + ",\"user\":{\"login\":\"" + reviewer.login + "\",\"id\":" +
         std::to_string(reviewer.github_id) + "},\"body\":\"ok\",\"state\":\"" + state +
         "\",\"pull_request_url\":\"https://api.github.com/repos/acme/rocket/pulls/" + std::to_string(pr) +
         "\",\"submitted_at\":\"" + submitted + "\"}";
}

//! "[a,b,…]".
inline std::string JsonArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& i : items) out += (out.size() > 1 ? "," : "") + i;
  return out + "]";
}

//! How often `needle` occurs in `text`.
inline size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

//! Imports `text` (any format) into the session; the test fails if the import does.
inline api::ImportReport ImportOrFail(api::Session& s, const std::string& text, const std::string& name = "input") {
  ingest::ImportOptions options;
  options.source_name = name;
  options.repo = "acme/rocket";
  auto report = s.Import(ingest::InputBuffer::Copy(text), options);
  INFO(report.status().ToString());
  REQUIRE(report.ok());
  return *report;
}

//! Seconds since the epoch of an ISO instant ("2024-01-08T00:00:00Z").
inline Instant At(const std::string& iso) {
  auto t = ParseIsoTimestamp(iso);
  REQUIRE(t.ok());
  return t->utc;
}

//! The developer id (identity::Developer::id) a reference names.
inline model::DeveloperId IdOf(api::Session& s, const std::string& ref) {
  auto index = s.resolution().Lookup(s.workspace(), ref);
  REQUIRE(index.ok());
  return s.resolution().developers()[*index].id;
}

}  // namespace loupe::testing
