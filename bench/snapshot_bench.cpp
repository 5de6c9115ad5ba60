// bench/snapshot_bench.cpp — full weekly snapshot generation (DESIGN §12: every developer × every
// week × the five categories) on the generated workspace of dataset_generator.h. Builds natively
// and to wasm; bench/run_snapshot_bench.mjs runs both and the DuckDB baseline.
//
//   snapshot_bench [--scale S] [--rounds R] [--csv-dir DIR] [--sample-out FILE] [--sample-every N]
//
// Prints CSV rows `name,variant,seconds,bytes,ratio_to_baseline,cells,cells_per_s`, medians of R
// interleaved rounds, and `# …` lines describing the dataset. The in-process baseline is the scan
// floor: one pass over the store's commit, PR and review columns counting them into (developer,
// week) cells — the least any generator reads. What is timed is the product's path:
// snapshots::ComputeDeveloperSnapshots over snapshots::ActiveDevelopers and
// snapshots::GenerationPeriods, as the session's generate command calls it.
//
// --csv-dir writes the dataset as CSV for DuckDB (only when the folder does not already hold it);
// --sample-out writes Loupe's velocity and efficiency values of every N-th generated developer for
// every week, keyed by the generator's developer index, so the DuckDB results can be compared.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "dataset_generator.h"
#include "loupe/identity/bot_rules.h"
#include "loupe/identity/resolver.h"
#include "loupe/metrics/categories.h"
#include "loupe/metrics/schedule.h"
#include "loupe/metrics/teams.h"
#include "loupe/snapshots/generate.h"
#include "loupe/store/activity_store.h"

namespace {

using namespace loupe;

double Seconds(const std::function<void()>& fn) {
  const auto start = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Peak memory of the process: VmHWM natively; in wasm the linear memory, which only grows, so its
// size is the peak of the heap (plus the stack and static data).
size_t PeakBytes() {
#ifdef __EMSCRIPTEN__
  return __builtin_wasm_memory_size(0) * size_t{65536};
#else
  std::FILE* f = std::fopen("/proc/self/status", "r");
  if (!f) return 0;
  char line[256];
  size_t kb = 0;
  while (std::fgets(line, sizeof line, f)) {
    if (std::strncmp(line, "VmHWM:", 6) == 0) kb = std::strtoull(line + 6, nullptr, 10);
  }
  std::fclose(f);
  return kb * 1024;
#endif
}

const char* kTarget =
#ifdef __EMSCRIPTEN__
    "wasm";
#else
    "native";
#endif

int64_t sink = 0;

// The scan floor: every commit, PR and review read once into a dense (developer, week) grid.
void ScanFloor(const store::ActivityStore& s, const Window& range, size_t developers, size_t weeks) {
  std::vector<int64_t> grid(developers * weeks * 4, 0);
  auto cell = [&](uint32_t dev, Instant t) -> int64_t* {
    if (dev == model::kNoId || t == kNoInstant || t < range.start || t >= range.end) return nullptr;
    return &grid[(dev * weeks + static_cast<size_t>((t - range.start) / (7 * kSecondsPerDay))) * 4];
  };
  const store::CommitColumns& c = s.commits();
  for (size_t r = 0; r < c.size(); ++r) {
    if (int64_t* g = cell(c.developer[r], c.time[r])) g[0] += 1, g[1] += c.additions[r] + c.deletions[r];
  }
  const store::PullRequestColumns& p = s.pull_requests();
  for (size_t r = 0; r < p.size(); ++r) {
    if (int64_t* g = cell(p.author[r], p.created[r])) g[2] += 1;
  }
  const store::ReviewColumns& v = s.reviews();
  for (size_t r = 0; r < v.size(); ++r) {
    if (int64_t* g = cell(v.reviewer[r], v.submitted[r])) g[3] += 1;
  }
  for (int64_t x : grid) sink += x;
}

// The five categories one by one, through their public functions.
// A hash of every value of every snapshot: native and wasm (and any faster implementation) must
// print the same one.
uint64_t InsightsHash(const std::vector<snapshots::DeveloperSnapshot>& all) {
  uint64_t h = 0xCBF29CE484222325ULL;
  auto mix = [&](auto v) {
    uint64_t bits = 0;
    if constexpr (std::is_same_v<decltype(v), double>) {
      std::memcpy(&bits, &v, sizeof v);
    } else {
      bits = static_cast<uint64_t>(v);
    }
    for (int i = 0; i < 8; ++i) h = (h ^ (bits >> (8 * i) & 0xFF)) * 0x100000001B3ULL;
  };
  for (const snapshots::DeveloperSnapshot& s : all) {
    const metrics::DeveloperInsights& i = s.insights;
    mix(s.developer), mix(s.period.start);
    mix(i.velocity.commits_count), mix(i.velocity.prs_merged), mix(i.velocity.lines_added), mix(i.velocity.lines_removed);
    mix(i.velocity.net_lines), mix(i.velocity.commit_frequency), mix(i.velocity.pr_throughput);
    mix(i.velocity.avg_commit_size), mix(i.velocity.co_authored_count);
    mix(i.efficiency.avg_pr_cycle_time_hours), mix(i.efficiency.avg_time_to_first_review_hours), mix(i.efficiency.avg_pr_size);
    mix(i.efficiency.pr_merge_rate), mix(i.efficiency.first_commit_to_merge_hours), mix(i.efficiency.rework_ratio);
    mix(i.efficiency.prs_created);
    mix(i.quality.review_participation_rate), mix(i.quality.reviews_per_working_day), mix(i.quality.avg_review_depth);
    mix(i.quality.review_turnaround_hours), mix(i.quality.self_merge_rate);
    mix(i.sustainability.weekend_commit_ratio), mix(i.sustainability.late_night_commit_ratio);
    mix(i.sustainability.longest_streak_days), mix(i.sustainability.avg_daily_active_hours), mix(i.sustainability.focus_score);
    mix(i.collaboration.unique_collaborators), mix(i.collaboration.cross_team_pr_ratio), mix(i.collaboration.review_given_count);
    mix(i.collaboration.review_received_count), mix(i.collaboration.knowledge_sharing_score);
  }
  return h;
}

struct Category {
  const char* name;
  int64_t (*compute)(const metrics::MetricContext&, uint32_t, const Window&);
};
constexpr Category kCategories[] = {
    {"velocity", [](const metrics::MetricContext& c, uint32_t d, const Window& w) {
       return metrics::ComputeVelocity(c, d, w).commits_count;
     }},
    {"efficiency", [](const metrics::MetricContext& c, uint32_t d, const Window& w) {
       return metrics::ComputeEfficiency(c, d, w).prs_created;
     }},
    {"quality", [](const metrics::MetricContext& c, uint32_t d, const Window& w) {
       return static_cast<int64_t>(metrics::ComputeQuality(c, d, w).review_participation_rate * 100);
     }},
    {"sustainability", [](const metrics::MetricContext& c, uint32_t d, const Window& w) {
       return metrics::ComputeSustainability(c, d, w).longest_streak_days;
     }},
    {"collaboration", [](const metrics::MetricContext& c, uint32_t d, const Window& w) {
       return metrics::ComputeCollaboration(c, d, w).unique_collaborators;
     }},
};

}  // namespace

int main(int argc, char** argv) {
  double scale = 1.0;
  int rounds = 3;
  int sample_every = 10;
  std::string csv_dir, sample_out;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--scale")) scale = std::atof(argv[i + 1]);
    if (!std::strcmp(argv[i], "--rounds")) rounds = std::max(1, std::atoi(argv[i + 1]));
    if (!std::strcmp(argv[i], "--csv-dir")) csv_dir = argv[i + 1];
    if (!std::strcmp(argv[i], "--sample-out")) sample_out = argv[i + 1];
    if (!std::strcmp(argv[i], "--sample-every")) sample_every = std::max(1, std::atoi(argv[i + 1]));
  }

  // [SECTION] the workspace, its developers and the inputs every metric reads
  std::optional<bench::Dataset> data;
  const double gen_seconds = Seconds([&] { data.emplace(bench::GenerateDataset(bench::DatasetParams::Scaled(scale))); });
  bench::Dataset& d = *data;
  d.ws.mutable_rules().bot_rules = identity::DefaultBotRules();
  std::printf("# target=%s scale=%g rounds=%d fingerprint=%016llx\n", kTarget, scale, rounds,
              static_cast<unsigned long long>(bench::Fingerprint(d)));
  for (const std::string& line : bench::Describe(d)) std::printf("# %s\n", line.c_str());
  if (!csv_dir.empty()) {
    bool written = false;
    const double s = Seconds([&] {
      const Status st = bench::WriteCsvIfMissing(d, csv_dir, written);
      if (!st.ok()) {
        std::fprintf(stderr, "%s\n", st.ToString().c_str());
        std::exit(1);
      }
    });
    std::printf("# csv %s in %.1f s\n", written ? "written" : "already present", s);
  }

  identity::Resolution resolution;
  const double resolve_seconds = Seconds([&] { resolution = identity::Resolve(d.ws); });
  // Resolution must rebuild the generator's people exactly, or the DuckDB comparison (which
  // groups by the generator's developer) would compare different populations.
  int64_t wrong = 0;
  for (uint32_t g = 0; g < d.developers.size(); ++g) {
    const uint32_t dev = resolution.IndexOf(d.developers[g].login_identity);
    for (model::IdentityId e : d.developers[g].emails) wrong += resolution.IndexOf(e) != dev;
    wrong += resolution.developers()[dev].is_bot != d.developers[g].bot;
  }
  std::printf("# identity resolution: %zu developers (generated %zu), %lld mismatches\n",
              resolution.developers().size(), d.developers.size(), static_cast<long long>(wrong));
  if (wrong != 0 || resolution.developers().size() != d.developers.size()) return 1;
  std::unordered_map<model::DeveloperId, uint32_t> generated_of;
  for (const identity::Developer& dev : resolution.developers()) {
    generated_of[dev.id] = d.developer_of_identity[dev.identities.front()];
  }

  const model::WorkspaceSettings& settings = d.settings;
  const metrics::TeamIndex teams = metrics::TeamIndex::Build(d.ws, settings, resolution);
  const metrics::ScheduleBook loupe_schedules =
      metrics::ScheduleBook::Resolve(d.ws, settings, resolution, metrics::MetricProfile::kLoupe);
  const metrics::ScheduleBook aexy_schedules =
      metrics::ScheduleBook::Resolve(d.ws, settings, resolution, metrics::MetricProfile::kAexyCompat);
  const std::vector<Window> periods = snapshots::GenerationPeriods(PeriodType::kWeekly, d.range);
  const snapshots::Versions versions{1, 1};

  // [SECTION] rounds, interleaved so machine noise hits every variant alike
  std::vector<double> t_floor, t_store, t_loupe, t_vel_eff, t_aexy, t_active;
  std::vector<double> t_category[std::size(kCategories)];
  std::optional<store::ActivityStore> store;
  std::vector<uint32_t> developers;
  size_t store_bytes = 0, snapshot_bytes = 0;
  int64_t cells = 0;
  uint64_t hashes[2] = {};
  std::vector<snapshots::DeveloperSnapshot> kept;  // the last round's loupe snapshots, for the sample
  for (int round = 0; round < rounds; ++round) {
    store.reset();
    t_store.push_back(Seconds([&] { store.emplace(store::ActivityStore::Build(d.ws, resolution)); }));
    store_bytes = store->MemoryBytes();
    const metrics::MetricContext loupe{*store, resolution, loupe_schedules, teams, metrics::MetricProfile::kLoupe};
    const metrics::MetricContext aexy{*store, resolution, aexy_schedules, teams, metrics::MetricProfile::kAexyCompat};
    t_floor.push_back(Seconds([&] { ScanFloor(*store, d.range, resolution.developers().size(), periods.size()); }));
    t_active.push_back(Seconds([&] { developers = snapshots::ActiveDevelopers(loupe, d.range); }));
    auto generate = [&](const metrics::MetricContext& ctx, bool keep) {
      auto result = snapshots::ComputeDeveloperSnapshots(ctx, developers, PeriodType::kWeekly, periods, d.now, versions);
      if (!result.ok()) {
        std::fprintf(stderr, "generation failed: %s\n", result.status().ToString().c_str());
        std::exit(1);
      }
      cells = static_cast<int64_t>(result->size());
      snapshot_bytes = result->capacity() * sizeof(snapshots::DeveloperSnapshot);
      for (const auto& s : *result) sink += s.insights.velocity.commits_count + s.insights.collaboration.review_given_count;
      if (round == 0) hashes[ctx.aexy()] = InsightsHash(*result);
      if (keep) kept = std::move(*result);
    };
    kept.clear();
    t_loupe.push_back(Seconds([&] { generate(loupe, round + 1 == rounds); }));
    // The velocity and efficiency categories alone, through the same public functions: the part
    // the DuckDB baseline computes.
    t_vel_eff.push_back(Seconds([&] {
      for (uint32_t dev : developers) {
        for (const Window& w : periods) {
          const metrics::Velocity v = metrics::ComputeVelocity(loupe, dev, w);
          const metrics::Efficiency e = metrics::ComputeEfficiency(loupe, dev, w);
          sink += v.commits_count + e.prs_created;
        }
      }
    }));
    t_aexy.push_back(Seconds([&] { generate(aexy, false); }));
    // Where generation time goes: each category alone over every cell (loupe profile).
    for (size_t k = 0; k < std::size(kCategories); ++k) {
      t_category[k].push_back(Seconds([&] {
        for (uint32_t dev : developers) {
          for (const Window& w : periods) sink += kCategories[k].compute(loupe, dev, w);
        }
      }));
    }
  }

  // [SECTION] report
  std::printf("# snapshot values hash: loupe=%016llx aexy-compat=%016llx\n", static_cast<unsigned long long>(hashes[0]),
              static_cast<unsigned long long>(hashes[1]));
  const double floor = Median(t_floor);
  std::printf("name,variant,seconds,bytes,ratio_to_baseline,cells,cells_per_s\n");
  auto row = [&](const char* name, const char* variant, double s, size_t bytes, int64_t n) {
    std::printf("%s,%s,%.4f,%zu,%.2f,%lld,%.0f\n", name, variant, s, bytes, s / floor, static_cast<long long>(n),
                n > 0 ? static_cast<double>(n) / s : 0.0);
  };
  row("dataset", "generate_workspace", gen_seconds, d.ws.MemoryBytes(), 0);
  row("identity", "resolve", resolve_seconds, 0, static_cast<int64_t>(resolution.developers().size()));
  row("snapshots_weekly", "baseline_scan_floor", floor, store_bytes, cells);
  row("snapshots_weekly", "store_build", Median(t_store), store_bytes, 0);
  row("snapshots_weekly", "active_developers", Median(t_active), 0, static_cast<int64_t>(developers.size()));
  row("snapshots_weekly", "generate_loupe", Median(t_loupe), snapshot_bytes, cells);
  row("snapshots_weekly", "velocity_efficiency_loupe", Median(t_vel_eff), 0, cells);
  row("snapshots_weekly", "generate_aexy_compat", Median(t_aexy), snapshot_bytes, cells);
  for (size_t k = 0; k < std::size(kCategories); ++k) {
    row("category_loupe", kCategories[k].name, Median(t_category[k]), 0, cells);
  }
  std::printf("memory,peak_%s,,%zu,,,\n", kTarget, PeakBytes());
  std::fflush(stdout);

  if (!sample_out.empty()) {
    std::FILE* f = std::fopen(sample_out.c_str(), "wb");
    if (!f) {
      std::fprintf(stderr, "cannot write %s\n", sample_out.c_str());
      return 1;
    }
    std::fprintf(f, "dev,week_start,commits_count,lines_added,lines_removed,net_lines,commit_frequency,avg_commit_size,"
                    "prs_merged,pr_throughput,prs_created,pr_merge_rate,avg_pr_cycle_time_hours,"
                    "avg_time_to_first_review_hours,avg_pr_size,rework_ratio\n");
    for (const snapshots::DeveloperSnapshot& s : kept) {
      const uint32_t g = generated_of.at(s.developer);
      if (g % static_cast<uint32_t>(sample_every) != 0) continue;
      const metrics::Velocity& v = s.insights.velocity;
      const metrics::Efficiency& e = s.insights.efficiency;
      std::fprintf(f, "%u,%lld,%lld,%lld,%lld,%lld,%.17g,%.17g,%lld,%.17g,%lld,%.17g,%.17g,%.17g,%.17g,%.17g\n", g,
                   static_cast<long long>(s.period.start), static_cast<long long>(v.commits_count),
                   static_cast<long long>(v.lines_added), static_cast<long long>(v.lines_removed),
                   static_cast<long long>(v.net_lines), v.commit_frequency, v.avg_commit_size,
                   static_cast<long long>(v.prs_merged), v.pr_throughput, static_cast<long long>(e.prs_created),
                   e.pr_merge_rate, e.avg_pr_cycle_time_hours, e.avg_time_to_first_review_hours, e.avg_pr_size,
                   e.rework_ratio);
    }
    std::fclose(f);
  }
  return sink == 42 ? 2 : 0;  // keeps the measured work observable
}
