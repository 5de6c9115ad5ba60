#include "loupe/api/explain.h"

#include "loupe/core/strings.h"
#include "loupe/metrics/rollups/population.h"
#include "loupe/model/review.h"

namespace loupe::api {

namespace {

using metrics::CatalogEntry;
using metrics::WindowAnchor;

constexpr auto kPending = static_cast<uint8_t>(model::ReviewState::kPending);

void Add(std::vector<PopulationCount>& counts, std::string_view what, int64_t n) {
  for (PopulationCount& c : counts) {
    if (c.what == what) {
      c.count += n;
      return;
    }
  }
  counts.push_back({std::string(what), n});
}

void CountCommits(const metrics::MetricContext& ctx, uint32_t dev, const Window& w, Explanation& out) {
  const store::CommitColumns& c = ctx.store.commits();
  const auto rows = ctx.aexy() ? metrics::RowsInWindow(ctx, ctx.store.CommitsOfByCommitted(dev), w,
                                                       [&](uint32_t r) { return c.committed[r]; })
                               : metrics::RowsInWindow(ctx, ctx.store.CommitsOf(dev), w, [&](uint32_t r) { return c.time[r]; });
  int64_t merges = 0;
  for (uint32_t row : rows) merges += (c.flags[row] & store::kCommitMerge) != 0;
  const auto n = static_cast<int64_t>(rows.size());
  Add(out.counted, "commits", ctx.aexy() ? n : n - merges);
  if (!ctx.aexy()) Add(out.excluded, "merge commits", merges);
}

void CountPullRequests(const metrics::MetricContext& ctx, uint32_t dev, const Window& w, bool merged, Explanation& out) {
  const store::PullRequestColumns& p = ctx.store.pull_requests();
  const auto rows = merged ? metrics::RowsInWindow(ctx, ctx.store.MergedPullRequestsOf(dev), w, [&](uint32_t r) { return p.merged[r]; })
                           : metrics::RowsInWindow(ctx, ctx.store.PullRequestsOf(dev), w, [&](uint32_t r) { return p.created[r]; });
  Add(out.counted, merged ? "pull requests merged" : "pull requests created", static_cast<int64_t>(rows.size()));
}

// Reviews the developer gave in the window; loupe leaves out self-reviews and pending ones.
void CountReviewsGiven(const metrics::MetricContext& ctx, uint32_t dev, const Window& w, Explanation& out) {
  const store::ReviewColumns& r = ctx.store.reviews();
  int64_t given = 0, self = 0, pending = 0;
  for (uint32_t row : metrics::RowsInWindow(ctx, ctx.store.ReviewsBy(dev), w, [&](uint32_t x) { return r.submitted[x]; })) {
    if (ctx.aexy()) {
      ++given;
    } else if (r.self[row]) {
      ++self;
    } else if (r.state[row] == kPending) {
      ++pending;
    } else {
      ++given;
    }
  }
  Add(out.counted, "reviews given", given);
  if (!ctx.aexy()) {
    Add(out.excluded, "reviews of their own pull requests", self);
    Add(out.excluded, "pending reviews", pending);
  }
}

// Reviews by others on the developer's pull requests: loupe counts those submitted in the window
// (not by bots, not pending); aexy-compat those on the pull requests created in the window.
void CountReviewsReceived(const metrics::MetricContext& ctx, uint32_t dev, const Window& w, Explanation& out) {
  const store::ReviewColumns& r = ctx.store.reviews();
  int64_t received = 0, self = 0, bots = 0, pending = 0;
  if (ctx.aexy()) {
    const store::PullRequestColumns& p = ctx.store.pull_requests();
    for (uint32_t pr : metrics::RowsInWindow(ctx, ctx.store.PullRequestsOf(dev), w, [&](uint32_t x) { return p.created[x]; })) {
      for (uint32_t row : ctx.store.ReviewsOn(pr)) received += r.reviewer[row] != dev;
    }
  } else {
    for (uint32_t row : metrics::RowsInWindow(ctx, ctx.store.ReviewsReceivedBy(dev), w, [&](uint32_t x) { return r.submitted[x]; })) {
      if (r.reviewer[row] == dev) {
        ++self;
      } else if (r.bot[row]) {
        ++bots;
      } else if (r.state[row] == kPending) {
        ++pending;
      } else {
        ++received;
      }
    }
  }
  Add(out.counted, "reviews received", received);
  if (!ctx.aexy()) {
    Add(out.excluded, "their own reviews", self);
    Add(out.excluded, "reviews by bots", bots);
    Add(out.excluded, "pending reviews", pending);
  }
}

bool IsReceived(const CatalogEntry& e) { return e.key == "review_received_count" || e.key == "reviews_received"; }

void CountItems(const metrics::MetricContext& ctx, const CatalogEntry& e, uint32_t dev, const Window& w, Explanation& out) {
  // Participation's population is other people's pull requests (asked or eligible), not the
  // developer's own: its rule says it; aexy-compat's variant reads the reviews given.
  if (e.key == "review_participation_rate") {
    if (ctx.aexy()) CountReviewsGiven(ctx, dev, w, out);
    return;
  }
  switch (e.anchor) {
    case WindowAnchor::kCommit: CountCommits(ctx, dev, w, out); break;
    case WindowAnchor::kPrCreated: CountPullRequests(ctx, dev, w, /*merged=*/false, out); break;
    case WindowAnchor::kPrMerged: CountPullRequests(ctx, dev, w, /*merged=*/true, out); break;
    case WindowAnchor::kReviewSubmitted:
      IsReceived(e) ? CountReviewsReceived(ctx, dev, w, out) : CountReviewsGiven(ctx, dev, w, out);
      break;
    case WindowAnchor::kActivity:
      CountCommits(ctx, dev, w, out);
      CountPullRequests(ctx, dev, w, /*merged=*/true, out);
      CountReviewsGiven(ctx, dev, w, out);
      break;
    case WindowAnchor::kSnapshots:
    case WindowAnchor::kNone: break;
  }
}

std::string_view OtherProfileText(const CatalogEntry& e, metrics::MetricProfile profile) {
  return profile == metrics::MetricProfile::kLoupe ? e.aexy : e.definition;
}

void WriteCounts(JsonWriter& w, std::string_view key, const std::vector<PopulationCount>& counts) {
  if (counts.empty()) return;
  w.Key(key).BeginArray();
  for (const PopulationCount& c : counts) w.BeginObject().Field("what", c.what).Field("count", c.count).EndObject();
  w.EndArray();
}

// The fields an entry has whatever the call: shared by explain and catalog.
void WriteEntryHead(JsonWriter& w, const CatalogEntry& e, metrics::MetricProfile profile) {
  w.Field("key", e.key).Field("category", e.category).Field("label", e.label);
  w.Field("unit", metrics::MetricUnitName(e.unit)).Field("better", metrics::BetterName(e.better));
  w.Field("subject", metrics::MetricSubjectName(e.subject)).Field("definition", metrics::Definition(e, profile));
}

void WriteEntryTail(JsonWriter& w, const CatalogEntry& e, metrics::MetricProfile profile) {
  w.Key("exclusions").BeginArray();
  for (std::string_view x : metrics::Exclusions(e, profile)) w.String(x);
  w.EndArray();
  w.Field("profile", metrics::MetricProfileName(profile));
  const bool differs = metrics::DiffersBetweenProfiles(e);
  w.Field("differs_in_other_profile", differs);
  if (differs) w.Field("other_profile", OtherProfileText(e, profile));
}

}  // namespace

std::string UnknownMetricMessage(std::string_view metric) {
  const std::vector<std::string> close = metrics::CloseCatalogNames(metric);
  std::string message = QuoteForMessage(metric) + " (";
  if (!close.empty()) {
    message += "close matches: ";
    for (size_t i = 0; i < close.size(); ++i) message += (i > 0 ? ", " : "") + close[i];
    message += "; ";
  }
  return message + "insights.catalog lists every metric)";
}

Result<Explanation> ExplainMetric(Session& session, const ExplainRequest& request, const InsightsScope& scope) {
  const CatalogEntry* entry = metrics::FindCatalogEntry(Trim(request.metric));
  if (entry == nullptr) return InvalidInput("unknown metric " + UnknownMetricMessage(Trim(request.metric)));
  if (!request.developer.empty() && !request.team.empty()) {
    return InvalidInput("name a developer or a team, not both");
  }
  const metrics::MetricContext ctx = session.MetricContextFor(scope.profile);
  Explanation out;
  out.entry = entry;
  out.scope = scope;
  out.zone = std::string(InsightsZone(session, scope.profile).name());
  if (!request.developer.empty()) {
    LOUPE_ASSIGN_OR_RETURN(const uint32_t developer, ctx.resolution.Lookup(session.workspace(), request.developer));
    out.developer = developer;
    out.developers = 1;
    CountItems(ctx, *entry, developer, scope.window, out);
    return out;
  }
  std::vector<uint32_t> population;
  size_t everyone = 0;
  if (!request.team.empty()) {
    LOUPE_ASSIGN_OR_RETURN(const uint32_t team, FindTeam(ctx, request.team));
    out.team = ctx.teams.name(team);
    population = metrics::TeamPopulation(ctx, team);
    everyone = ctx.teams.members(team).size();
  } else {
    population = metrics::WorkspacePopulation(ctx);
    everyone = ctx.resolution.developers().size();
  }
  out.developers = static_cast<int64_t>(population.size());
  if (!ctx.aexy()) Add(out.excluded, "bots", static_cast<int64_t>(everyone - population.size()));
  for (uint32_t developer : population) CountItems(ctx, *entry, developer, scope.window, out);
  return out;
}

void WriteJson(JsonWriter& w, Session& session, const Explanation& x) {
  const CatalogEntry& e = *x.entry;
  const metrics::MetricProfile profile = x.scope.profile;
  w.BeginObject();
  WriteEntryHead(w, e, profile);
  w.Key("window").BeginObject().Field("rule", metrics::WindowRule(e, profile));
  w.Field("from", FormatIsoInstant(x.scope.window.start)).Field("to", FormatIsoInstant(x.scope.window.end));
  w.Field("zone", x.zone).Field("bounds", profile == metrics::MetricProfile::kAexyCompat ? "closed" : "half-open");
  w.Field("period_type", PeriodTypeName(x.scope.period_type)).EndObject();
  w.Key("population").BeginObject().Field("rule", metrics::Population(e, profile));
  w.Field("developers", x.developers);
  if (x.developer) {
    const identity::Developer& d = session.resolution().developers()[*x.developer];
    w.Key("developer").BeginObject().Field("id", static_cast<int64_t>(d.id)).Field("name", d.name).EndObject();
  }
  if (!x.team.empty()) w.Field("team", x.team);
  WriteCounts(w, "counted", x.counted);
  WriteCounts(w, "excluded", x.excluded);
  w.EndObject();
  WriteEntryTail(w, e, profile);
  w.EndObject();
}

void WriteCatalogJson(JsonWriter& w, metrics::MetricProfile profile) {
  w.BeginObject().Field("profile", metrics::MetricProfileName(profile)).Key("entries").BeginArray();
  for (const CatalogEntry& e : metrics::MetricCatalog()) {
    w.BeginObject();
    WriteEntryHead(w, e, profile);
    w.Field("window", metrics::WindowRule(e, profile)).Field("population", metrics::Population(e, profile));
    w.Field("loupe_only", e.loupe_only);
    WriteEntryTail(w, e, profile);
    w.EndObject();
  }
  w.EndArray().EndObject();
}

}  // namespace loupe::api
