#include "loupe/intelligence/analytics.h"

#include <algorithm>
#include <cmath>

#include "loupe/core/strings.h"
#include "loupe/core/time.h"

namespace loupe::intelligence {

namespace {

const identity::Developer& DeveloperAt(const identity::Resolution& r, uint32_t d) { return r.developers()[d]; }

void WriteDeveloperRef(JsonWriter& w, const identity::Resolution& r, uint32_t d, std::string_view id_key,
                       std::string_view name_key) {
  const identity::Developer& dev = DeveloperAt(r, d);
  w.Field(id_key, static_cast<int64_t>(dev.id)).Field(name_key, dev.name);
}

// The local seconds of a UTC instant in a zone (UTC without one).
int64_t InZone(const std::optional<TimeZone>& zone, Instant t) { return zone ? t + zone->OffsetSecondsAt(t) : t; }

}  // namespace

// ---- skill heatmap ------------------------------------------------------------------------------

SkillHeatmap BuildSkillHeatmap(std::span<const ExpertiseProfile> profiles, std::span<const std::string> skills,
                               size_t max_skills) {
  SkillHeatmap out;
  for (const ExpertiseProfile& p : profiles) out.developers.push_back(p.developer);
  if (!skills.empty()) {
    out.skills.assign(skills.begin(), skills.end());
  } else {
    std::vector<std::pair<std::string, int64_t>> held;  // first-seen order
    for (const ExpertiseProfile& p : profiles) {
      for (const Skill& s : p.skills) {
        auto it = std::find_if(held.begin(), held.end(), [&](const auto& h) { return h.first == s.name; });
        if (it == held.end()) {
          held.emplace_back(s.name, 1);
        } else {
          ++it->second;
        }
      }
    }
    std::stable_sort(held.begin(), held.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (size_t i = 0; i < held.size() && i < max_skills; ++i) out.skills.push_back(held[i].first);
  }
  for (const ExpertiseProfile& p : profiles) {
    for (const std::string& name : out.skills) {
      int cell = 0;
      for (const Skill& s : p.skills) {
        // Skills are compared as CompareSkill does: by name, case-insensitively.
        if (ToLowerAscii(s.name) == ToLowerAscii(name)) cell = std::max(cell, static_cast<int>(std::lround(s.proficiency)));
      }
      out.proficiency.push_back(cell);
    }
  }
  return out;
}

void WriteJson(JsonWriter& w, const SkillHeatmap& h, const identity::Resolution& r, Instant generated_at) {
  w.BeginObject().Key("developers").BeginArray();
  for (uint32_t d : h.developers) {
    w.BeginObject();
    WriteDeveloperRef(w, r, d, "id", "name");
    w.EndObject();
  }
  w.EndArray().Key("skills").BeginArray();
  for (const std::string& s : h.skills) w.String(s);
  w.EndArray().Key("cells").BeginArray();
  for (size_t i = 0; i < h.developers.size(); ++i) {
    for (size_t j = 0; j < h.skills.size(); ++j) {
      w.BeginObject();
      WriteDeveloperRef(w, r, h.developers[i], "developer_id", "developer_name");
      w.Field("skill", h.skills[j]).Field("proficiency", h.At(i, j)).Key("trend").Null();
      w.EndObject();
    }
  }
  w.EndArray().Field("generated_at", FormatIsoInstant(generated_at)).EndObject();
}

// ---- activity heatmap ---------------------------------------------------------------------------

int ActivityDay::level() const {
  const int64_t n = count();
  return n == 0 ? 0 : static_cast<int>(std::min<int64_t>(4, 1 + n / 3));
}

ActivityHeatmap BuildActivityHeatmap(const metrics::MetricContext& ctx, uint32_t developer, const Window& window) {
  ActivityHeatmap out;
  out.developer = developer;
  const metrics::EffectiveSchedule& schedule = ctx.schedules.Of(developer);
  const std::optional<TimeZone> zone = ctx.aexy() ? std::nullopt : schedule.zone;
  out.timezone = zone ? std::string(zone->name()) : ctx.aexy() ? "UTC" : "commit offsets";
  const int64_t first = FloorDiv(InZone(zone, window.start), kSecondsPerDay);
  const int64_t last = FloorDiv(InZone(zone, window.end - 1), kSecondsPerDay);
  for (int64_t day = first; day <= last; ++day) out.days.push_back({day});
  auto day_of = [&](int64_t local) -> ActivityDay* {
    const int64_t day = FloorDiv(local, kSecondsPerDay);
    return day >= first && day <= last ? &out.days[static_cast<size_t>(day - first)] : nullptr;
  };

  const store::CommitColumns& c = ctx.store.commits();
  const auto commits = ctx.aexy() ? ctx.store.CommitsOfByCommitted(developer) : ctx.store.CommitsOf(developer);
  for (uint32_t row : metrics::RowsInWindow(ctx, commits, window,
                                           [&](uint32_t r) { return ctx.aexy() ? c.committed[r] : c.time[r]; })) {
    if (!ctx.aexy() && (c.flags[row] & store::kCommitMerge)) continue;
    const int64_t local = ctx.aexy() ? c.committed[row] : metrics::LocalSeconds(schedule, c.time[row], c.own_offset(row));
    if (ActivityDay* d = day_of(local)) ++d->commits;
    const int64_t day = FloorDiv(local, kSecondsPerDay);
    ++out.weekday_hour[static_cast<size_t>(WeekdayFromDays(day))][static_cast<size_t>((local - day * kSecondsPerDay) / 3600)];
  }
  const store::PullRequestColumns& p = ctx.store.pull_requests();
  for (uint32_t row : metrics::RowsInWindow(ctx, ctx.store.PullRequestsOf(developer), window,
                                           [&](uint32_t r) { return p.created[r]; })) {
    if (ActivityDay* d = day_of(InZone(zone, p.created[row]))) ++d->pull_requests;
  }
  if (!ctx.aexy()) {
    const store::ReviewColumns& rv = ctx.store.reviews();
    for (uint32_t row : metrics::RowsInWindow(ctx, ctx.store.ReviewsBy(developer), window,
                                             [&](uint32_t r) { return rv.submitted[r]; })) {
      if (rv.state[row] == static_cast<uint8_t>(model::ReviewState::kPending)) continue;
      if (ActivityDay* d = day_of(InZone(zone, rv.submitted[row]))) ++d->reviews;
    }
  }
  for (const ActivityDay& d : out.days) out.max_count = std::max(out.max_count, d.count());
  return out;
}

void WriteJson(JsonWriter& w, const ActivityHeatmap& h, const identity::Resolution& r) {
  w.BeginObject().Field("developer_id", static_cast<int64_t>(DeveloperAt(r, h.developer).id));
  w.Key("data").BeginArray();
  for (const ActivityDay& d : h.days) {
    w.BeginObject().Field("date", FormatIsoDate(CivilFromDays(d.day))).Field("count", d.count()).Field("level", d.level());
    w.Field("commits", d.commits).Field("pull_requests", d.pull_requests).Field("reviews", d.reviews).EndObject();
  }
  w.EndArray().Field("max_count", h.max_count).Field("total_days", static_cast<int64_t>(h.days.size()));
  w.Field("timezone", h.timezone).Key("weekday_hour").BeginArray();
  for (const auto& hours : h.weekday_hour) {
    w.BeginArray();
    for (int64_t n : hours) w.Int(n);
    w.EndArray();
  }
  w.EndArray().EndObject();
}

// ---- productivity trends ------------------------------------------------------------------------

std::string_view TrendGroupingName(TrendGrouping g) {
  switch (g) {
    case TrendGrouping::kDay: return "day";
    case TrendGrouping::kWeek: return "week";
    case TrendGrouping::kMonth: return "month";
  }
  return "?";
}

Result<TrendGrouping> ParseTrendGrouping(std::string_view name) {
  for (TrendGrouping g : {TrendGrouping::kDay, TrendGrouping::kWeek, TrendGrouping::kMonth}) {
    if (name == TrendGroupingName(g)) return g;
  }
  return InvalidInput("group by day, week or month, got " + QuoteForMessage(name));
}

namespace {

// The first UTC date of the period holding `t`.
int64_t PeriodStart(Instant t, TrendGrouping g) {
  const int64_t day = FloorDiv(t, kSecondsPerDay);
  switch (g) {
    case TrendGrouping::kDay: return day;
    case TrendGrouping::kWeek: return day - WeekdayFromDays(day);
    case TrendGrouping::kMonth: {
      const CivilDate date = CivilFromDays(day);
      return DaysFromCivil(CivilDate{date.year, date.month, 1});
    }
  }
  return day;
}

int64_t NextPeriod(int64_t start, TrendGrouping g) {
  switch (g) {
    case TrendGrouping::kDay: return start + 1;
    case TrendGrouping::kWeek: return start + 7;
    case TrendGrouping::kMonth: {
      const CivilDate date = CivilFromDays(start);
      return start + DaysInMonth(date.year, date.month);
    }
  }
  return start + 1;
}

}  // namespace

ProductivityTrends BuildProductivityTrends(const metrics::MetricContext& ctx, std::span<const uint32_t> developers,
                                           const Window& window, TrendGrouping grouping) {
  ProductivityTrends out;
  out.developers.assign(developers.begin(), developers.end());
  out.grouping = grouping;
  std::vector<TrendPoint> points;
  const int64_t first = PeriodStart(window.start, grouping);
  for (int64_t start = first; start * kSecondsPerDay < window.end; start = NextPeriod(start, grouping)) {
    points.push_back({start});
  }
  auto point = [&](Instant t) -> TrendPoint& {
    const int64_t start = PeriodStart(t, grouping);
    auto it = std::lower_bound(points.begin(), points.end(), start,
                               [](const TrendPoint& p, int64_t s) { return p.day < s; });
    return *it;  // t is in the window, so its period is listed
  };
  const store::CommitColumns& c = ctx.store.commits();
  const store::PullRequestColumns& p = ctx.store.pull_requests();
  const store::ReviewColumns& rv = ctx.store.reviews();
  for (uint32_t dev : developers) {
    const auto commits = ctx.aexy() ? ctx.store.CommitsOfByCommitted(dev) : ctx.store.CommitsOf(dev);
    auto commit_time = [&](uint32_t r) { return ctx.aexy() ? c.committed[r] : c.time[r]; };
    for (uint32_t row : metrics::RowsInWindow(ctx, commits, window, commit_time)) {
      if (!ctx.aexy() && (c.flags[row] & store::kCommitMerge)) continue;
      TrendPoint& pt = point(commit_time(row));
      ++pt.commits;
      pt.lines_added += c.additions[row];
      pt.lines_removed += c.deletions[row];
    }
    for (uint32_t row : metrics::RowsInWindow(ctx, ctx.store.PullRequestsOf(dev), window,
                                             [&](uint32_t r) { return p.created[r]; })) {
      TrendPoint& pt = point(p.created[row]);
      ++pt.prs_opened;
      // The seed counts a merged PR in the period it was created in.
      if (ctx.aexy() && p.merged[row] != kNoInstant) ++pt.prs_merged;
    }
    if (!ctx.aexy()) {
      for (uint32_t row : metrics::RowsInWindow(ctx, ctx.store.MergedPullRequestsOf(dev), window,
                                               [&](uint32_t r) { return p.merged[r]; })) {
        ++point(p.merged[row]).prs_merged;
      }
    }
    for (uint32_t row : metrics::RowsInWindow(ctx, ctx.store.ReviewsBy(dev), window,
                                             [&](uint32_t r) { return rv.submitted[r]; })) {
      if (rv.state[row] == static_cast<uint8_t>(model::ReviewState::kPending)) continue;
      ++point(rv.submitted[row]).reviews_given;
    }
  }
  for (const TrendPoint& pt : points) {
    const bool any = pt.commits || pt.prs_opened || pt.prs_merged || pt.reviews_given;
    if (!ctx.aexy() || any) out.points.push_back(pt);
    out.total.commits += pt.commits;
    out.total.prs_opened += pt.prs_opened;
    out.total.prs_merged += pt.prs_merged;
    out.total.reviews_given += pt.reviews_given;
    out.total.lines_added += pt.lines_added;
    out.total.lines_removed += pt.lines_removed;
  }
  return out;
}

void WriteJson(JsonWriter& w, const ProductivityTrends& t, const identity::Resolution& r) {
  w.BeginObject().Key("developer_id");
  if (t.developers.size() == 1) {
    w.Int(DeveloperAt(r, t.developers[0]).id);
  } else {
    w.Null();
  }
  w.Field("group_by", TrendGroupingName(t.grouping)).Key("data").BeginArray();
  for (const TrendPoint& p : t.points) {
    w.BeginObject().Field("date", FormatIsoDate(CivilFromDays(p.day))).Field("commits", p.commits);
    w.Field("prs_opened", p.prs_opened).Field("prs_merged", p.prs_merged).Field("reviews_given", p.reviews_given);
    w.Field("lines_added", p.lines_added).Field("lines_removed", p.lines_removed).EndObject();
  }
  w.EndArray().Key("summary").BeginObject();
  w.Field("total_commits", t.total.commits).Field("total_prs", t.total.prs_opened);
  w.Field("total_merged_prs", t.total.prs_merged).Field("total_reviews", t.total.reviews_given);
  w.Field("total_lines_added", t.total.lines_added).Field("total_lines_removed", t.total.lines_removed);
  const double per_period =
      t.points.empty() ? 0 : static_cast<double>(t.total.commits) / static_cast<double>(t.points.size());
  w.Key("average_commits_per_period").Double(per_period, 2);
  w.EndObject().EndObject();
}

// ---- workload -----------------------------------------------------------------------------------

Workload BuildWorkload(const metrics::MetricContext& ctx, std::span<const uint32_t> developers, Instant now,
                       int64_t days) {
  Workload out;
  const store::CommitColumns& c = ctx.store.commits();
  const store::PullRequestColumns& p = ctx.store.pull_requests();
  const store::ReviewColumns& rv = ctx.store.reviews();
  const Window recent{now - days * kSecondsPerDay, now};
  const auto open = static_cast<uint8_t>(model::PrState::kOpen);
  const auto pending = static_cast<uint8_t>(model::ReviewState::kPending);
  for (uint32_t dev : developers) {
    WorkloadItem item;
    item.developer = dev;
    for (uint32_t row : ctx.store.PullRequestsOf(dev)) item.active_prs += p.state[row] == open;
    if (ctx.aexy()) {
      for (uint32_t row : ctx.store.ReviewsBy(dev)) item.pending_reviews += rv.state[row] == pending;
    } else {
      for (uint32_t pr : ctx.store.ReviewRequestsOf(dev)) {
        if (p.state[pr] != open || p.author[pr] == dev) continue;
        const auto reviews = ctx.store.ReviewsOn(pr);
        const bool reviewed = std::any_of(reviews.begin(), reviews.end(), [&](uint32_t r) {
          return rv.reviewer[r] == dev && rv.state[r] != pending;
        });
        item.pending_reviews += !reviewed;
      }
    }
    const auto commits = ctx.aexy() ? ctx.store.CommitsOfByCommitted(dev) : ctx.store.CommitsOf(dev);
    for (uint32_t row : metrics::RowsInWindow(ctx, commits, recent,
                                             [&](uint32_t r) { return ctx.aexy() ? c.committed[r] : c.time[r]; })) {
      item.recent_commits += ctx.aexy() || (c.flags[row] & store::kCommitMerge) == 0;
    }
    item.workload_score = std::min(1.0, 0.1 * static_cast<double>(item.active_prs) +
                                            0.15 * static_cast<double>(item.pending_reviews) +
                                            0.02 * static_cast<double>(item.recent_commits));
    out.total += item.workload_score;
    out.items.push_back(item);
  }
  const double n = static_cast<double>(out.items.size());
  out.average = out.items.empty() ? 0 : out.total / n;
  if (out.items.size() > 1) {
    double variance = 0;
    for (const WorkloadItem& i : out.items) variance += (i.workload_score - out.average) * (i.workload_score - out.average);
    out.imbalance = std::min(1.0, 4 * variance / n);
  }
  return out;
}

void WriteJson(JsonWriter& w, const Workload& l, const identity::Resolution& r) {
  w.BeginObject().Key("items").BeginArray();
  for (const WorkloadItem& i : l.items) {
    w.BeginObject();
    WriteDeveloperRef(w, r, i.developer, "developer_id", "developer_name");
    w.Field("active_prs", i.active_prs).Field("pending_reviews", i.pending_reviews);
    w.Field("recent_commits", i.recent_commits).Key("workload_score").Double(i.workload_score, 2);
    w.EndObject();
  }
  w.EndArray().Key("total_workload").Double(l.total, 2).Key("average_workload").Double(l.average, 2);
  w.Key("imbalance_score").Double(l.imbalance, 2).EndObject();
}

}  // namespace loupe::intelligence
