#include "loupe/intelligence/review_quality.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "intelligence/text_match.h"
#include "loupe/core/strings.h"

namespace loupe::intelligence {

namespace {

constexpr std::string_view kThoroughnessNames[kThoroughnessCount] = {"cursory", "standard", "detailed", "exhaustive"};

// [RQA:25-38]; "```" is matched anywhere.
constexpr std::string_view kThoroughPatterns[] = {"why",      "because",     "suggestion", "alternative",
                                                  "consider", "instead",     "example",    "```",
                                                  "security", "performance", "edge case",  "what if"};
constexpr std::string_view kSuggestionWords[] = {"suggestion", "recommend", "consider", "instead"};
constexpr std::string_view kSuperficial[] = {"lgtm", "+1", "nice", "looks good", "approve", "approved", "ok", "👍", "shipit"};
// Loupe also takes these, with trailing punctuation stripped ("LGTM!", "Looks good to me.").
constexpr std::string_view kSuperficialLoupe[] = {"looks good to me", "ship it", "lgtm 👍", "👍👍"};

struct Indicator {
  std::string_view name;
  std::vector<std::string_view> phrases;
};
// [RQA:41-52], in the seed's order. shares_resources and suggests_improvements are matched by code.
const std::vector<Indicator>& Indicators() {
  static const std::vector<Indicator> table = {
      {"explains_why", {"explain why", "explains why"}},
      {"provides_examples", {"for example"}},
      {"teaching_moment", {"learn"}},
      {"gives_tips", {"tip"}},
      {"shares_best_practices", {"best practice"}},
      {"gives_recommendations", {"i'd recommend"}},
      {"offers_alternatives", {"one approach"}},
      {"references_docs", {"see the docs", "see docs", "see the doc", "see doc"}},
      {"shares_resources", {}},
      {"suggests_improvements", {}},
  };
  return table;
}

bool Has(std::string_view lower, std::string_view keyword, bool aexy) {
  if (keyword == "```") return lower.find(keyword) != std::string_view::npos;
  return aexy ? internal::ContainsExactWord(lower, keyword) : internal::ContainsWord(lower, keyword);
}

int64_t CountOf(std::string_view s, std::string_view what) {
  int64_t n = 0;
  for (size_t at = s.find(what); at != std::string_view::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

int64_t Words(std::string_view s) {
  int64_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    n += !space && !in_word;
    in_word = !space;
  }
  return n;
}

bool IsSuperficial(std::string_view lower, bool aexy) {
  std::string_view s = Trim(lower);
  auto in = [&](std::span<const std::string_view> list) { return std::find(list.begin(), list.end(), s) != list.end(); };
  if (in(kSuperficial)) return true;
  if (aexy) return false;
  while (!s.empty() && (s.back() == '!' || s.back() == '.' || s.back() == ' ')) s.remove_suffix(1);
  return in(kSuperficial) || in(kSuperficialLoupe);
}

// "try … instead" within one line.
bool SuggestsImprovement(std::string_view lower, bool aexy) {
  for (std::string_view line : Split(lower, '\n')) {
    for (size_t at = line.find("try"); at != std::string_view::npos; at = line.find("try", at + 1)) {
      const bool start = at == 0 || !std::isalnum(static_cast<unsigned char>(line[at - 1]));
      const bool end = at + 3 >= line.size() || !std::isalnum(static_cast<unsigned char>(line[at + 3]));
      if (start && end && Has(line.substr(at + 3), "instead", aexy)) return true;
    }
  }
  return false;
}

double RoundedToTenths(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return std::strtod(buf, nullptr);
}

}  // namespace

std::string_view ThoroughnessName(Thoroughness t) { return kThoroughnessNames[static_cast<size_t>(t)]; }

Thoroughness ThoroughnessOf(double depth) {
  if (depth >= 4.0) return Thoroughness::kExhaustive;
  if (depth >= 3.0) return Thoroughness::kDetailed;
  if (depth >= 2.0) return Thoroughness::kStandard;
  return Thoroughness::kCursory;
}

ReviewAnalysis AnalyzeReview(std::string_view body, int64_t comments_count, metrics::MetricProfile profile) {
  const bool aexy = profile == metrics::MetricProfile::kAexyCompat;
  ReviewAnalysis a;
  const std::string lower = ToLowerAscii(body);
  a.word_count = Words(body);
  a.code_block_count = CountOf(body, "```") / 2;
  a.question_count = CountOf(body, "?");
  a.comments_count = comments_count;
  if (IsSuperficial(lower, aexy)) {
    a.superficial = true;
    return a;
  }
  double depth = 1.0;
  const int64_t words = a.word_count;
  depth += words >= 200 ? 1.5 : words >= 100 ? 1.0 : words >= 50 ? 0.5 : words >= 20 ? 0.25 : 0.0;
  depth += a.code_block_count >= 2 ? 0.5 : a.code_block_count >= 1 ? 0.25 : 0.0;
  depth += a.question_count >= 3 ? 0.5 : a.question_count >= 1 ? 0.25 : 0.0;
  depth += comments_count >= 10 ? 0.5 : comments_count >= 5 ? 0.25 : comments_count >= 2 ? 0.1 : 0.0;
  int patterns = 0;
  for (std::string_view p : kThoroughPatterns) patterns += Has(lower, p, aexy);
  depth += std::min(1.0, 0.15 * patterns);
  a.depth_score = std::min(depth, 5.0);
  a.thoroughness = ThoroughnessOf(a.depth_score);
  for (std::string_view w : kSuggestionWords) a.has_suggestions = a.has_suggestions || Has(lower, w, aexy);
  a.has_code_examples = a.code_block_count > 0;
  for (const Indicator& ind : Indicators()) {
    bool hit = false;
    if (ind.name == "shares_resources") {
      hit = lower.find("http://") != std::string::npos || lower.find("https://") != std::string::npos;
    } else if (ind.name == "suggests_improvements") {
      hit = SuggestsImprovement(lower, aexy);
    } else {
      for (std::string_view p : ind.phrases) hit = hit || Has(lower, p, aexy);
    }
    if (hit) a.mentoring_indicators.emplace_back(ind.name);
  }
  return a;
}

ReviewQualityStats ReviewQuality(const model::Workspace& ws, const metrics::MetricContext& ctx,
                                 std::span<const uint32_t> developers, const Window& window) {
  ReviewQualityStats s;
  const store::ReviewColumns& r = ctx.store.reviews();
  const auto& indicators = Indicators();
  std::vector<int64_t> indicator_counts(indicators.size(), 0);
  double depth_sum = 0;
  for (uint32_t dev : developers) {
    for (uint32_t row : metrics::RowsInWindow(ctx, ctx.store.ReviewsBy(dev), window,
                                              [&](uint32_t x) { return r.submitted[x]; })) {
      if (!ctx.aexy() && (r.self[row] || r.bot[row])) continue;
      const ReviewAnalysis a = AnalyzeReview(ws.reviews()[r.source[row]].body, r.comments[row], ctx.profile);
      ++s.total_reviews;
      // The seed averages the stored depth, rounded to one decimal by Python's round(): the exact
      // binary value, ties to even (1.25 -> 1.2), which is what printf's "%.1f" does.
      depth_sum += ctx.aexy() ? RoundedToTenths(a.depth_score) : a.depth_score;
      ++s.thoroughness_distribution[static_cast<size_t>(a.thoroughness)];
      s.reviews_with_suggestions += a.has_suggestions;
      s.reviews_with_code_examples += a.has_code_examples;
      for (const std::string& name : a.mentoring_indicators) {
        for (size_t i = 0; i < indicators.size(); ++i) indicator_counts[i] += indicators[i].name == name;
      }
    }
  }
  if (s.total_reviews == 0) return s;
  const double weeks = static_cast<double>(window.seconds()) / (7.0 * kSecondsPerDay);
  s.reviews_per_week = static_cast<double>(s.total_reviews) / std::max(weeks, 1.0);
  s.review_rate = s.reviews_per_week >= 10  ? "very_active"
                  : s.reviews_per_week >= 5 ? "active"
                  : s.reviews_per_week >= 2 ? "moderate"
                  : s.reviews_per_week >= 0.5 ? "occasional"
                                              : "rare";
  s.average_depth_score = depth_sum / static_cast<double>(s.total_reviews);
  int64_t distinct = 0;
  for (size_t i = 0; i < indicators.size(); ++i) {
    if (indicator_counts[i] == 0) continue;
    ++distinct;
    s.top_mentoring_behaviors.emplace_back(std::string(indicators[i].name), indicator_counts[i]);
  }
  std::stable_sort(s.top_mentoring_behaviors.begin(), s.top_mentoring_behaviors.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (s.top_mentoring_behaviors.size() > 5) s.top_mentoring_behaviors.resize(5);
  s.mentoring_score = std::min(1.0, static_cast<double>(distinct) / 5.0);
  return s;
}

ReviewResponseTime ReviewResponseTimes(const metrics::MetricContext& ctx, uint32_t developer, const Window& window) {
  ReviewResponseTime t;
  const store::ReviewColumns& r = ctx.store.reviews();
  const store::PullRequestColumns& p = ctx.store.pull_requests();
  std::vector<double> hours;
  for (uint32_t row : metrics::RowsInWindow(ctx, ctx.store.ReviewsBy(developer), window,
                                            [&](uint32_t x) { return r.submitted[x]; })) {
    if (!ctx.aexy() && (r.self[row] || r.bot[row])) continue;
    const uint32_t pr = r.pull_request[row];
    if (pr == model::kNoId || p.created[pr] == kNoInstant) continue;
    const double h = static_cast<double>(r.submitted[row] - p.created[pr]) / 3600.0;
    if (h > 0 && h < 168) hours.push_back(h);
  }
  t.reviews_analyzed = static_cast<int64_t>(hours.size());
  if (hours.empty()) return t;
  std::sort(hours.begin(), hours.end());
  double sum = 0;
  for (double h : hours) sum += h;
  const size_t n = hours.size();
  t.average_hours = sum / static_cast<double>(n);
  // The seed takes element n / 2 (the upper median of an even count).
  t.median_hours = ctx.aexy() || n % 2 == 1 ? hours[n / 2] : (hours[n / 2 - 1] + hours[n / 2]) / 2;
  t.fastest_hours = hours.front();
  t.slowest_hours = hours.back();
  return t;
}

void WriteJson(JsonWriter& w, const ReviewAnalysis& a) {
  w.BeginObject();
  w.Key("depth_score").Double(a.depth_score, 1);
  w.Field("thoroughness", ThoroughnessName(a.thoroughness));
  w.Field("superficial", a.superficial);
  w.Field("has_suggestions", a.has_suggestions);
  w.Field("has_code_examples", a.has_code_examples);
  w.Key("mentoring_indicators").BeginArray();
  for (const std::string& m : a.mentoring_indicators) w.String(m);
  w.EndArray();
  w.Field("word_count", a.word_count);
  w.Field("code_block_count", a.code_block_count);
  w.Field("question_count", a.question_count);
  w.Field("comments_count", a.comments_count);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const ReviewQualityStats& s) {
  w.BeginObject();
  w.Field("total_reviews", s.total_reviews);
  w.Key("reviews_per_week").Double(s.reviews_per_week, 2);
  w.Field("review_rate", s.review_rate);
  w.Key("average_depth_score").Double(s.average_depth_score, 2);
  w.Key("thoroughness_distribution").BeginObject();
  for (size_t t = 0; t < kThoroughnessCount; ++t) w.Field(kThoroughnessNames[t], s.thoroughness_distribution[t]);
  w.EndObject();
  w.Key("top_mentoring_behaviors").BeginArray();
  for (const auto& [name, count] : s.top_mentoring_behaviors) w.BeginArray().String(name).Int(count).EndArray();
  w.EndArray();
  w.Key("mentoring_score").Double(s.mentoring_score, 2);
  w.Field("reviews_with_suggestions", s.reviews_with_suggestions);
  w.Field("reviews_with_code_examples", s.reviews_with_code_examples);
  w.EndObject();
}

void WriteJson(JsonWriter& w, const ReviewResponseTime& t) {
  auto hours = [&](std::string_view key, const std::optional<double>& v) {
    w.Key(key);
    if (v) {
      w.Double(*v, 1);
    } else {
      w.Null();
    }
  };
  w.BeginObject();
  hours("average_response_hours", t.average_hours);
  hours("median_response_hours", t.median_hours);
  hours("fastest_response_hours", t.fastest_hours);
  hours("slowest_response_hours", t.slowest_hours);
  w.Field("reviews_analyzed", t.reviews_analyzed);
  w.EndObject();
}

}  // namespace loupe::intelligence
