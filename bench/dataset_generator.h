// bench/dataset_generator.h — a deterministic, realistic generated workspace for the metric and
// snapshot benchmarks (DESIGN §12): 1,000 developers × 104 weeks, 2 M commits, 300 k PRs, 600 k
// reviews at scale 1, filled straight into a model::Workspace (no JSON), and the same data as CSV
// files for the DuckDB baseline of bench/run_snapshot_bench.mjs.
//
// The same parameters give the same data natively and in wasm (Fingerprint() checks it): the
// generator draws from its own splitmix64 streams and uses only +, −, ×, ÷ and floor on doubles
// (no libm: glibc's and musl's exp/log may differ in the last bit, which would change a count).
//
// Shape (scale 1): teams of 4–14 people in nine regions (UTC offsets with their daylight saving
// time), each owning two or three repositories plus one shared with a sibling team, and a dozen
// organisation-wide repositories; commits per person lognormal (σ 1.15) times their tenure, in
// office hours with a lunch dip, 12 % night owls, a personal weekend share around 3.5 %, three
// vacations a year and a year-end dip; 2 % merge commits, 1 % without stats, 2.6 % pair-programmed
// with a teammate as co-author; PR sizes lognormal (median ~50 changed lines), 80 % merged with a
// lognormal cycle (median ~19 h), a commit list for 30 % of PRs; about two reviews per PR, mostly
// by teammates and requested reviewers, 10 % changes requested; eight bots (Dependabot, Renovate,
// GitHub Actions, … and review bots) with 2.5 % of commits, 6 % of PRs and 3 % of reviews.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "loupe/core/period.h"
#include "loupe/core/status.h"
#include "loupe/model/settings.h"
#include "loupe/model/workspace.h"

namespace loupe::bench {

struct DatasetParams {
  int64_t developers = 1000;  //!< people and bots together
  int64_t bots = 8;
  int64_t commits = 2'000'000;
  int64_t pull_requests = 300'000;
  int64_t reviews = 600'000;
  int32_t weeks = 104;
  Instant start = 1704067200;  //!< Monday 2024-01-01T00:00:00Z
  uint64_t seed = 0x4C6F757065ULL;

  //! Every count times `scale` (at least 10 developers); weeks and dates stay.
  static DatasetParams Scaled(double scale);
};

//! The ground truth of one generated person or bot.
struct GeneratedDeveloper {
  std::string login;
  bool bot = false;
  int32_t team = -1;                    //!< index into settings.teams, -1 for bots
  int16_t base_offset = 0;              //!< standard-time UTC offset of their clock, minutes
  model::IdentityId login_identity = model::kNoId;
  std::vector<model::IdentityId> emails;  //!< commit e-mails, the main one first
};

struct Dataset {
  DatasetParams params;
  model::Workspace ws;
  model::WorkspaceSettings settings;  //!< the teams (members named by login); no schedules
  std::vector<GeneratedDeveloper> developers;
  //! Ground truth: the generated developer of every identity (what resolution must rebuild).
  std::vector<uint32_t> developer_of_identity;
  Window range;      //!< [start, start + weeks)
  Instant now = 0;   //!< range.end: nothing happens at or after it
};

Dataset GenerateDataset(const DatasetParams& params);

//! A hash of what the metrics read (authors, times, sizes, states), to check that two builds or a
//! CSV cache hold the same data.
uint64_t Fingerprint(const Dataset& d);

//! Realised counts and skew, as "key=value" lines for the benchmark's log.
std::vector<std::string> Describe(const Dataset& d);

//! Writes developers.csv, commits.csv, prs.csv, reviews.csv and pr_commits.csv into `dir` (created
//! if missing) unless `dir`/fingerprint.txt already names this dataset. Developers are the
//! generator's indexes (the ground truth of identity resolution), pull requests and commits their
//! indexes in the workspace, times seconds since the epoch (UTC), unknown values empty.
//! `written` tells whether files were (re)written.
Status WriteCsvIfMissing(const Dataset& d, const std::string& dir, bool& written);

}  // namespace loupe::bench
