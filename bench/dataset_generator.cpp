#include "dataset_generator.h"

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <numeric>

#include "loupe/core/strings.h"

namespace loupe::bench {

namespace {

// [SECTION] deterministic randomness

constexpr double kLn2 = 0.69314718055994530942;
constexpr int64_t kHour = 3600;
constexpr int64_t kDay = 86400;
constexpr int64_t kWeek = 7 * kDay;

// exp() from + − × ÷ only, so native and wasm agree to the bit: x = k·ln2 + r, |r| ≤ ln2/2,
// e^r by its Taylor series (16 terms reach double precision there), times 2^k (exact).
double DetExp(double x) {
  x = std::clamp(x, -700.0, 700.0);
  const double k = std::floor(x / kLn2 + 0.5);
  const double r = x - k * kLn2;
  double term = 1.0, sum = 1.0;
  for (int i = 1; i <= 16; ++i) {
    term *= r / i;
    sum += term;
  }
  return std::ldexp(sum, static_cast<int>(k));
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed * 0x9E3779B97F4A7C15ULL + 0xD1B54A32D192ED03ULL) {}
  uint64_t Next() {  // splitmix64
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  int64_t Below(int64_t n) { return n <= 1 ? 0 : static_cast<int64_t>(Next() % static_cast<uint64_t>(n)); }
  bool Chance(double p) { return Uniform() < p; }
  // Irwin–Hall: the sum of 12 uniforms minus 6 is close to a standard normal (within ±6).
  double Normal() {
    double s = 0;
    for (int i = 0; i < 12; ++i) s += Uniform();
    return s - 6.0;
  }
  double LogNormal(double median, double sigma) { return median * DetExp(sigma * Normal()); }

 private:
  uint64_t s_;
};

// Picks an index with probability proportional to integer weights (a prefix-sum table).
class Picker {
 public:
  Picker() = default;
  explicit Picker(const std::vector<double>& weights) : cdf_(weights.size()) {
    std::partial_sum(weights.begin(), weights.end(), cdf_.begin());
  }
  size_t Pick(Rng& rng) const {
    const double u = rng.Uniform() * cdf_.back();
    const auto it = std::upper_bound(cdf_.begin(), cdf_.end(), u);
    return std::min(static_cast<size_t>(it - cdf_.begin()), cdf_.size() - 1);
  }
  bool empty() const { return cdf_.empty() || cdf_.back() <= 0; }

 private:
  std::vector<double> cdf_;
};

// Splits `total` in proportion to `weights` exactly (largest remainders; ties by index).
std::vector<int64_t> Allocate(int64_t total, const std::vector<double>& weights) {
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  std::vector<int64_t> out(weights.size(), 0);
  if (sum <= 0 || total <= 0) return out;
  std::vector<std::pair<double, size_t>> rest;
  int64_t given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    const double exact = static_cast<double>(total) * weights[i] / sum;
    out[i] = static_cast<int64_t>(std::floor(exact));
    given += out[i];
    rest.emplace_back(exact - static_cast<double>(out[i]), i);
  }
  std::sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (size_t k = 0; given < total; ++k, ++given) ++out[rest[k % rest.size()].second];
  return out;
}

Sha ShaOf(uint64_t kind, uint64_t n) {
  Rng rng(kind * 0x100000000ULL + n);
  Sha sha;
  for (size_t i = 0; i < 20; i += 8) {
    const uint64_t v = rng.Next();
    std::memcpy(sha.bytes.data() + i, &v, std::min<size_t>(8, 20 - i));
  }
  return sha;
}

// [SECTION] the shape of the organisation

struct Region {
  const char* name;
  int16_t offset;  // standard time, minutes east of UTC
  int dst;         // 0 none, 1 northern (late March – late October), 2 southern (October – early April)
  double weight;
};
constexpr Region kRegions[] = {
    {"us-west", -480, 1, 14}, {"us-east", -300, 1, 20}, {"brazil", -180, 0, 5},
    {"uk", 0, 1, 8},          {"cet", 60, 1, 22},       {"india", 330, 0, 12},
    {"china", 480, 0, 11},    {"japan", 540, 0, 4},     {"australia", 600, 2, 4},
};

// Commit-hour profiles (local clock), relative weights: office hours with a lunch dip and an
// evening tail; night owls start late and work past midnight.
constexpr double kOfficeHours[24] = {2, 1, 1, 1, 1, 2, 4, 10, 30, 70, 95, 100, 60, 75, 95, 100, 95, 75, 45, 30, 25, 20, 12, 6};
constexpr double kNightOwlHours[24] = {25, 18, 10, 5, 2, 1, 1, 2, 5, 15, 35, 55, 55, 65, 75, 80, 80, 75, 60, 55, 60, 65, 60, 45};
constexpr double kBotHours[24] = {8, 8, 8, 8, 8, 12, 14, 10, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8};

constexpr const char* kFirstNames[] = {
    "Ana",   "Bruno", "Chen",  "Dipika", "Erin",  "Farid", "Greta", "Hiro",  "Ines",  "Jonas", "Kofi",
    "Lena",  "Mateo", "Nadia", "Omar",   "Priya", "Quinn", "Rosa",  "Sven",  "Tara",  "Uma",   "Viktor",
    "Wei",   "Ximena", "Yusuf", "Zoe",   "Aiko",  "Bilal", "Carla", "Dmitri", "Elif", "Femi"};
constexpr const char* kLastNames[] = {
    "Lima",   "Costa",  "Wei",     "Rai",    "Walsh",  "Haddad", "Berg",    "Tanaka", "Moreau", "Keller",
    "Mensah", "Novak",  "Garcia",  "Petrov", "Nasser", "Iyer",   "Murphy",  "Rossi",  "Larsen", "Singh",
    "Okafor", "Sato",   "Fischer", "Silva",  "Kaya",   "Dubois", "Nguyen",  "Ahmed",  "Jansen", "Ivanova",
    "Kim",    "Lopez"};

// Subjects short enough for the small-string buffer: 2 M commits should not cost 2 M allocations.
constexpr const char* kSubjects[] = {"feat: add api",  "fix: null check", "fix: typo",     "chore: bump",
                                     "docs: readme",   "refactor: io",    "test: add case", "perf: cache",
                                     "ci: workflow",   "Update main.go",  "wip",            "style: fmt",
                                     "build: deps",    "fix(core): race", "feat(ui): form", "Fix tests"};

struct BotSpec {
  const char* login;
  const char* email;  // "" = never commits
  double commit_share, pr_share, review_share;
};
constexpr BotSpec kBots[] = {
    {"dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", 0.45, 0.65, 0},
    {"renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com", 0.20, 0.25, 0},
    {"github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com", 0.25, 0, 0},
    {"pre-commit-ci[bot]", "66853113+pre-commit-ci[bot]@users.noreply.github.com", 0.10, 0.10, 0},
    {"codecov[bot]", "", 0, 0, 0.35},
    {"sonarcloud[bot]", "", 0, 0, 0.30},
    {"copilot-pull-request-reviewer[bot]", "", 0, 0, 0.25},
    {"mergify[bot]", "", 0, 0, 0.10},
};
constexpr double kBotCommitShare = 0.025;
constexpr double kBotPrShare = 0.06;
constexpr double kBotReviewShare = 0.04;

// One developer's habits.
struct Habits {
  int region = 0;
  double weekend_share = 0;  // of their activity on Saturday and Sunday
  bool night_owl = false;
  Picker weeks;              // active weeks, with vacations, the year-end dip and bursts
  double commit_weight = 0;
  double pr_weight = 0;
};

int16_t OffsetAt(const Region& region, int64_t local_day) {
  if (region.dst == 0) return region.offset;
  const CivilDate d = CivilFromDays(local_day);
  const int md = d.month * 100 + d.day;
  const bool summer = region.dst == 1 ? (md >= 325 && md < 1027) : (md >= 1006 || md < 406);
  return static_cast<int16_t>(region.offset + (summer ? 60 : 0));
}

class Generator {
 public:
  explicit Generator(const DatasetParams& p) : p_(p) {}

  Dataset Run() {
    d_.params = p_;
    d_.range = {p_.start, p_.start + p_.weeks * kWeek};
    d_.now = d_.range.end;
    d_.ws.mutable_rules().bot_rules = {};  // filled by the benchmark (identity::DefaultBotRules)
    MakeTeamsAndPeople();
    MakeRepositories();
    MakeCommits();
    MakePullRequests();
    MakeReviews();
    return std::move(d_);
  }

 private:
  // [SECTION] people, teams, repositories

  void MakeTeamsAndPeople() {
    Rng rng(p_.seed ^ 0x7EA5);
    const int64_t bots = std::min<int64_t>(p_.bots, std::size(kBots));
    const int64_t humans = std::max<int64_t>(p_.developers - bots, 2);
    std::vector<double> region_weights;
    for (const Region& r : kRegions) region_weights.push_back(r.weight);
    const Picker region_picker(region_weights);
    // Teams of 4–14 people, each in one region.
    std::vector<int> team_region;
    for (int64_t assigned = 0; assigned < humans;) {
      const int64_t size = std::min<int64_t>(4 + rng.Below(11), humans - assigned);
      model::Team team;
      char name[32];
      std::snprintf(name, sizeof name, "team-%03zu", d_.settings.teams.size());
      team.name = name;
      d_.settings.teams.push_back(std::move(team));
      team_members_.emplace_back();
      team_region.push_back(static_cast<int>(region_picker.Pick(rng)));
      for (int64_t k = 0; k < size; ++k) team_of_next_.push_back(static_cast<int32_t>(d_.settings.teams.size() - 1));
      assigned += size;
    }
    for (int64_t i = 0; i < humans; ++i) {
      GeneratedDeveloper g;
      const std::string first = kFirstNames[rng.Below(std::size(kFirstNames))];
      const std::string last = kLastNames[rng.Below(std::size(kLastNames))];
      const std::string name = first + " " + last;
      g.login = ToLowerAscii(first + last) + std::to_string(i);
      g.team = team_of_next_[static_cast<size_t>(i)];
      Habits h;
      h.region = rng.Chance(0.88) ? team_region[static_cast<size_t>(g.team)] : static_cast<int>(region_picker.Pick(rng));
      g.base_offset = kRegions[h.region].offset;
      g.login_identity = d_.ws.InternLogin(g.login, 1'000'000 + i, name);
      // Commit e-mails: GitHub noreply addresses (resolved by their login) or a work address
      // linked to the login (as a REST commit with both an author login and e-mail links them);
      // some people also commit from a personal address.
      model::IdentityId main_email;
      if (rng.Chance(0.55)) {
        main_email = d_.ws.InternEmail(std::to_string(1'000'000 + i) + "+" + g.login + "@users.noreply.github.com", name);
      } else {
        main_email = d_.ws.InternEmail(ToLowerAscii(first + "." + last) + std::to_string(i) + "@acme.example", name);
        d_.ws.AddLink(main_email, g.login_identity);
      }
      g.emails.push_back(main_email);
      if (rng.Chance(0.12)) {
        const model::IdentityId personal = d_.ws.InternEmail(g.login + "@mail.example", name);
        d_.ws.AddLink(personal, g.login_identity);
        g.emails.push_back(personal);
      }
      model::TeamMember member{"login:" + g.login,
                               team_members_[static_cast<size_t>(g.team)].empty() ? model::TeamRole::kLead : model::TeamRole::kMember};
      d_.settings.teams[static_cast<size_t>(g.team)].members.push_back(std::move(member));
      team_members_[static_cast<size_t>(g.team)].push_back(static_cast<uint32_t>(d_.developers.size()));
      // Habits: heavy-tailed output (lognormal, σ = 1.15: the top 1 % write ~8 % of commits),
      // tenure (some join late or leave), weekend and night work that varies by person.
      const double z = rng.Normal();
      int32_t join = 0, leave = p_.weeks;
      if (rng.Chance(0.18)) join = static_cast<int32_t>(rng.Below(p_.weeks * 4 / 5));
      if (rng.Chance(0.10)) leave = static_cast<int32_t>(join + 8 + rng.Below(std::max(1, p_.weeks - join - 8)));
      leave = std::min(leave, p_.weeks);
      const double tenure = static_cast<double>(leave - join) / p_.weeks;
      h.commit_weight = DetExp(1.15 * z) * tenure;
      h.pr_weight = DetExp(0.85 * 1.15 * z + 0.4 * rng.Normal()) * tenure;
      h.weekend_share = std::min(0.35, rng.LogNormal(0.035, 0.9));
      h.night_owl = rng.Chance(0.12);
      std::vector<double> weeks(static_cast<size_t>(p_.weeks), 0.0);
      for (int32_t w = join; w < leave; ++w) {
        const CivilDate monday = CivilFromDays(FloorDiv(p_.start, kDay) + 7 * w);
        const bool year_end = (monday.month == 12 && monday.day >= 20) || (monday.month == 1 && monday.day <= 2);
        weeks[static_cast<size_t>(w)] = rng.LogNormal(1.0, 0.5) * (year_end ? 0.25 : 1.0);
      }
      for (int v = 0; v < 3; ++v) {  // vacations: three blocks of one or two weeks
        const int64_t w0 = rng.Below(p_.weeks);
        for (int64_t w = w0; w < std::min<int64_t>(p_.weeks, w0 + 1 + rng.Below(2)); ++w) weeks[static_cast<size_t>(w)] = 0;
      }
      if (std::accumulate(weeks.begin(), weeks.end(), 0.0) <= 0) weeks[static_cast<size_t>(join)] = 1;
      h.weeks = Picker(weeks);
      habits_.push_back(std::move(h));
      d_.developers.push_back(std::move(g));
    }
    for (int64_t b = 0; b < bots; ++b) {
      const BotSpec& spec = kBots[b];
      GeneratedDeveloper g;
      g.bot = true;
      g.login = spec.login;
      g.login_identity = d_.ws.InternLogin(spec.login, 2'000'000 + b, spec.login);
      if (*spec.email) g.emails.push_back(d_.ws.InternEmail(spec.email, spec.login));
      Habits h;
      h.region = 3;  // bots run on UTC
      h.weekend_share = 2.0 / 7.0;
      h.weeks = Picker(std::vector<double>(static_cast<size_t>(p_.weeks), 1.0));
      h.commit_weight = spec.commit_share;
      h.pr_weight = spec.pr_share;
      bot_review_weight_.push_back(spec.review_share);
      bot_index_.push_back(static_cast<uint32_t>(d_.developers.size()));
      habits_.push_back(std::move(h));
      d_.developers.push_back(std::move(g));
    }
    humans_ = static_cast<uint32_t>(humans);
    bot_reviewers_ = Picker(bot_review_weight_);
    // Every identity exists now (co-authors are teammates' main e-mails).
    d_.developer_of_identity.assign(d_.ws.identities().size(), model::kNoId);
    for (uint32_t dev = 0; dev < d_.developers.size(); ++dev) {
      d_.developer_of_identity[d_.developers[dev].login_identity] = dev;
      for (model::IdentityId e : d_.developers[dev].emails) d_.developer_of_identity[e] = dev;
    }
  }

  uint32_t Owner(model::IdentityId id) const { return d_.developer_of_identity[id]; }

  void MakeRepositories() {
    // Each team owns two or three repositories and shares one with its sibling team; a dozen
    // organisation-wide repositories (platform, docs, infra) take everybody's changes.
    const size_t teams = d_.settings.teams.size();
    Rng rng(p_.seed ^ 0x4E905);
    team_repos_.resize(teams);
    for (size_t t = 0; t < teams; ++t) {
      const int64_t own = 2 + rng.Below(2);
      for (int64_t k = 0; k < own; ++k) {
        team_repos_[t].push_back(d_.ws.InternRepo("acme/" + d_.settings.teams[t].name + "-" + std::to_string(k)));
      }
      team_repos_[t].push_back(d_.ws.InternRepo("acme/shared-" + std::to_string(t / 2)));
    }
    std::vector<double> org_weights;
    for (int k = 0; k < 12; ++k) {
      org_repos_.push_back(d_.ws.InternRepo("acme/platform-" + std::to_string(k)));
      org_weights.push_back(1.0 / (k + 1));
    }
    org_picker_ = Picker(org_weights);
  }

  uint32_t PickRepo(Rng& rng, uint32_t dev) {
    const GeneratedDeveloper& g = d_.developers[dev];
    if (g.bot) {
      const size_t t = static_cast<size_t>(rng.Below(static_cast<int64_t>(team_repos_.size())));
      return rng.Chance(0.2) ? org_repos_[org_picker_.Pick(rng)] : team_repos_[t][0];
    }
    const auto& own = team_repos_[static_cast<size_t>(g.team)];
    const double u = rng.Uniform();
    if (u < 0.40) return own[0];
    if (u < 0.72) return own[static_cast<size_t>(rng.Below(static_cast<int64_t>(own.size())))];
    if (u < 0.92) return org_repos_[org_picker_.Pick(rng)];
    return team_repos_[static_cast<size_t>(rng.Below(static_cast<int64_t>(team_repos_.size())))][0];
  }

  // A moment of the developer's activity: a week they were active in, a weekday and an hour of
  // their habits, on their local clock (with daylight saving time where their region has it).
  Timestamp ActivityTime(Rng& rng, uint32_t dev) {
    const Habits& h = habits_[dev];
    const bool bot = d_.developers[dev].bot;
    const int64_t week = static_cast<int64_t>(h.weeks.Pick(rng));
    int64_t day;
    if (rng.Chance(h.weekend_share)) {
      day = 5 + rng.Below(2);
    } else {
      static const Picker kWorkdays(std::vector<double>{20, 21, 21, 20, 18});
      day = static_cast<int64_t>(kWorkdays.Pick(rng));
    }
    static const Picker kOffice(std::vector<double>(std::begin(kOfficeHours), std::end(kOfficeHours)));
    static const Picker kNight(std::vector<double>(std::begin(kNightOwlHours), std::end(kNightOwlHours)));
    static const Picker kBot(std::vector<double>(std::begin(kBotHours), std::end(kBotHours)));
    const int64_t hour = static_cast<int64_t>((bot ? kBot : h.night_owl ? kNight : kOffice).Pick(rng));
    const int64_t local_day = FloorDiv(p_.start, kDay) + 7 * week + day;
    const int16_t offset = OffsetAt(kRegions[h.region], local_day);
    Instant utc = local_day * kDay + hour * kHour + rng.Below(3600) - offset * 60;
    // Keep everything inside the range: shifting by a whole week keeps the local weekday and hour.
    if (utc < d_.range.start) utc += kWeek;
    if (utc >= d_.now) utc -= kWeek;
    return {utc, offset};
  }

  Instant Clamp(Instant t) const { return std::min(t, d_.now - 1); }

  // [SECTION] commits

  void MakeCommits() {
    Rng rng(p_.seed ^ 0xC0341);
    const size_t devs = d_.developers.size();
    std::vector<double> human(devs, 0.0), bot(devs, 0.0);
    for (uint32_t dev = 0; dev < devs; ++dev) (d_.developers[dev].bot ? bot : human)[dev] = habits_[dev].commit_weight;
    const int64_t bot_total = bot_index_.empty() ? 0 : static_cast<int64_t>(static_cast<double>(p_.commits) * kBotCommitShare);
    std::vector<int64_t> counts = Allocate(p_.commits - bot_total, human);
    const std::vector<int64_t> bot_counts = Allocate(bot_total, bot);
    for (size_t i = 0; i < devs; ++i) counts[i] += bot_counts[i];
    commits_of_.resize(devs);
    uint64_t n = 0;
    for (uint32_t dev = 0; dev < devs; ++dev) {
      const GeneratedDeveloper& g = d_.developers[dev];
      const auto& mates = g.bot ? std::vector<uint32_t>{} : team_members_[static_cast<size_t>(g.team)];
      for (int64_t k = 0; k < counts[dev]; ++k, ++n) {
        model::Commit c;
        c.sha = ShaOf(1, n);
        c.repo = PickRepo(rng, dev);
        c.author = g.emails.size() > 1 && rng.Chance(0.25) ? g.emails[1] : g.emails[0];
        c.committer = c.author;
        c.authored = ActivityTime(rng, dev);
        c.committed = c.authored;
        if (!g.bot && rng.Chance(0.15)) {  // rebased or amended later
          c.committed.utc = Clamp(c.authored.utc + static_cast<int64_t>(rng.LogNormal(2.0 * kHour, 2.0)));
        }
        const bool merge = !g.bot && rng.Chance(0.02);
        c.parents.push_back(ShaOf(2, n));
        if (merge) c.parents.push_back(ShaOf(3, n));
        c.message = g.bot ? "build(deps): bump" : kSubjects[rng.Below(std::size(kSubjects))];
        if (!merge && rng.Chance(0.99)) {
          c.has_stats = true;
          double added = rng.LogNormal(18, 1.6);
          if (rng.Chance(0.01)) added *= 40;  // generated code, vendored files
          c.additions = static_cast<int64_t>(std::min(added, 200000.0));
          c.deletions = static_cast<int64_t>(static_cast<double>(c.additions) * rng.Uniform() * 0.8) + rng.Below(4);
          c.changed_files = static_cast<int32_t>(1 + std::min(rng.LogNormal(1.5, 1.0), 400.0));
        }
        if (!g.bot && mates.size() > 1 && rng.Chance(0.03)) {  // pairing: Co-authored-by a teammate
          for (int extra = rng.Chance(0.12) ? 2 : 1; extra > 0; --extra) {
            const uint32_t mate = mates[static_cast<size_t>(rng.Below(static_cast<int64_t>(mates.size())))];
            const model::IdentityId id = d_.developers[mate].emails[0];
            if (mate == dev || std::find(c.co_authors.begin(), c.co_authors.end(), id) != c.co_authors.end()) continue;
            c.co_authors.push_back(id);
            const model::Identity& who = d_.ws.identities()[id];
            c.message += "\n\nCo-authored-by: " + who.names.front() + " <" + who.spelling + ">";
          }
        }
        commits_of_[dev].push_back({c.authored.utc, static_cast<uint32_t>(d_.ws.commits().size())});
        d_.ws.UpsertCommit(std::move(c));
      }
      std::sort(commits_of_[dev].begin(), commits_of_[dev].end());
    }
  }

  // [SECTION] pull requests

  void MakePullRequests() {
    Rng rng(p_.seed ^ 0x9A11);
    const size_t devs = d_.developers.size();
    std::vector<double> human(devs, 0.0), bot(devs, 0.0);
    for (uint32_t dev = 0; dev < devs; ++dev) (d_.developers[dev].bot ? bot : human)[dev] = habits_[dev].pr_weight;
    const int64_t bot_total = bot_index_.empty() ? 0 : static_cast<int64_t>(static_cast<double>(p_.pull_requests) * kBotPrShare);
    std::vector<int64_t> counts = Allocate(p_.pull_requests - bot_total, human);
    const std::vector<int64_t> bot_counts = Allocate(bot_total, bot);
    for (size_t i = 0; i < devs; ++i) counts[i] += bot_counts[i];
    std::vector<int64_t> next_number(d_.ws.repositories().size(), 1);
    for (uint32_t dev = 0; dev < devs; ++dev) {
      const GeneratedDeveloper& g = d_.developers[dev];
      for (int64_t k = 0; k < counts[dev]; ++k) {
        model::PullRequest pr;
        pr.repo = PickRepo(rng, dev);
        pr.number = next_number[pr.repo]++;
        pr.github_id = 500'000'000 + static_cast<int64_t>(d_.ws.pull_requests().size());
        pr.author = g.login_identity;
        pr.title = g.bot ? "Bump lib" : "Change";
        pr.created_at = ActivityTime(rng, dev).utc;
        pr.updated_at = pr.created_at;
        if (rng.Chance(0.9)) {  // list endpoints leave the size unknown for the rest
          pr.additions = static_cast<int64_t>(std::min(rng.LogNormal(g.bot ? 6 : 45, g.bot ? 0.8 : 1.5), 100000.0));
          pr.deletions = static_cast<int64_t>(static_cast<double>(pr.additions) * (0.05 + 0.55 * rng.Uniform()));
          pr.changed_files = 1 + pr.additions / 40;
        }
        pr.draft = !g.bot && rng.Chance(0.03);
        const double u = rng.Uniform();
        const bool recent = pr.created_at >= d_.now - 3 * kWeek;
        if (!pr.draft && u < (g.bot ? 0.72 : 0.83)) {
          const double hours = g.bot ? rng.LogNormal(6, 1.2) : rng.LogNormal(20, 1.4);
          const Instant merged = pr.created_at + static_cast<int64_t>(std::min(hours, 45.0 * 24) * kHour);
          if (merged < d_.now) {
            pr.state = model::PrState::kMerged;
            pr.merged_at = pr.closed_at = merged;
            pr.merged_by = rng.Chance(0.4) || g.bot ? g.login_identity : model::kNoId;
          }
        } else if (!pr.draft && u < 0.92 && !recent) {
          pr.state = model::PrState::kClosed;
          pr.closed_at = Clamp(pr.created_at + static_cast<int64_t>(rng.LogNormal(48, 1.5) * kHour));
        }
        if (pr.merged_at != kNoInstant) pr.updated_at = pr.merged_at;
        if (!g.bot && rng.Chance(0.65)) {  // review requested from one or two teammates
          const auto& mates = team_members_[static_cast<size_t>(g.team)];
          for (int n = 1 + rng.Chance(0.3); n > 0 && mates.size() > 1; --n) {
            const uint32_t mate = mates[static_cast<size_t>(rng.Below(static_cast<int64_t>(mates.size())))];
            const model::IdentityId id = d_.developers[mate].login_identity;
            if (mate != dev && std::find(pr.requested_reviewers.begin(), pr.requested_reviewers.end(), id) == pr.requested_reviewers.end()) {
              pr.requested_reviewers.push_back(id);
            }
          }
        }
        if (!g.bot && rng.Chance(0.4)) AttachCommits(rng, dev, pr);
        d_.ws.UpsertPullRequest(std::move(pr));
      }
    }
  }

  // The PR's own commits (a PR-commits list was imported for 40 % of PRs): the author's commits
  // in the PR's repository from four days before it opened until it merged (or three days on).
  void AttachCommits(Rng& rng, uint32_t dev, model::PullRequest& pr) {
    const auto& mine = commits_of_[dev];
    const Instant from = pr.created_at - 4 * kDay;
    const Instant to = pr.merged_at != kNoInstant ? pr.merged_at : pr.created_at + 3 * kDay;
    auto it = std::lower_bound(mine.begin(), mine.end(), std::pair<Instant, uint32_t>{from, 0});
    const int64_t want = 1 + rng.Below(6);
    for (; it != mine.end() && it->first < to && static_cast<int64_t>(pr.commit_shas.size()) < want; ++it) {
      const model::Commit& c = d_.ws.commits()[it->second];
      if (c.repo == pr.repo && !c.is_merge()) pr.commit_shas.push_back(c.sha);
    }
  }

  // [SECTION] reviews

  void MakeReviews() {
    Rng rng(p_.seed ^ 0x4E71E3);
    const auto& prs = d_.ws.pull_requests();
    // How many reviews each PR gets: more for larger PRs, none for drafts, few for bots' PRs,
    // with lognormal spread; then nudged at random until the total is exact.
    std::vector<double> weight(prs.size());
    for (size_t i = 0; i < prs.size(); ++i) {
      const model::PullRequest& pr = prs[i];
      const bool bot_pr = d_.developers[Owner(pr.author)].bot;
      const double size = pr.additions >= 0 ? static_cast<double>(pr.additions + pr.deletions) : 100.0;
      weight[i] = pr.draft ? 0 : bot_pr ? 0.4 : 1.0 + std::min(3.0, size / 200.0);
    }
    const double total_weight = std::accumulate(weight.begin(), weight.end(), 0.0);
    std::vector<int64_t> count(prs.size(), 0);
    int64_t sum = 0;
    for (size_t i = 0; i < prs.size(); ++i) {
      if (weight[i] <= 0) continue;
      const double expected = static_cast<double>(p_.reviews) * weight[i] / total_weight;
      count[i] = static_cast<int64_t>(std::floor(expected * rng.LogNormal(0.78, 0.7) + rng.Uniform()));
      sum += count[i];
    }
    while (sum != p_.reviews && total_weight > 0) {
      const size_t i = static_cast<size_t>(rng.Below(static_cast<int64_t>(prs.size())));
      if (weight[i] <= 0) continue;
      if (sum > p_.reviews && count[i] > 0) --count[i], --sum;
      if (sum < p_.reviews) ++count[i], ++sum;
    }
    int64_t next_id = 900'000'000;
    for (size_t i = 0; i < prs.size(); ++i) {
      for (model::Review& r : ReviewsOf(rng, prs[i], count[i])) {
        r.github_id = next_id++;
        d_.ws.UpsertReview(std::move(r));
      }
    }
  }

  std::vector<model::Review> ReviewsOf(Rng& rng, const model::PullRequest& pr, int64_t k) {
    std::vector<model::Review> out;
    if (k <= 0) return out;
    const uint32_t author = Owner(pr.author);
    const GeneratedDeveloper& a = d_.developers[author];
    const bool merged = pr.merged_at != kNoInstant;
    const Instant end = merged ? pr.merged_at : Clamp(pr.created_at + 14 * kDay);
    const Instant span = std::max<Instant>(end - pr.created_at, 60);
    const Instant first = pr.created_at + std::min<Instant>(static_cast<Instant>(rng.LogNormal(2.5 * kHour, 1.3)),
                                                            span * 6 / 10);
    std::vector<double> at(static_cast<size_t>(k));
    for (double& x : at) x = rng.Uniform();
    std::sort(at.begin(), at.end());
    at[0] = 0;
    size_t requested = 0;
    const bool any_review_bot = !bot_reviewers_.empty();
    for (int64_t j = 0; j < k; ++j) {
      model::Review r;
      r.repo = pr.repo;
      r.pr_number = pr.number;
      uint32_t reviewer;
      enum { kHuman, kSelf, kBot } who = kHuman;
      const double u = rng.Uniform();
      if (requested < pr.requested_reviewers.size()) {
        reviewer = Owner(pr.requested_reviewers[requested++]);
      } else if (!a.bot && u < 0.015) {
        reviewer = author, who = kSelf;
      } else if (any_review_bot && u < 0.015 + kBotReviewShare) {
        reviewer = bot_index_[bot_reviewers_.Pick(rng)], who = kBot;
      } else if (a.bot || u < 0.17 || team_members_[static_cast<size_t>(a.team)].size() < 2) {
        reviewer = static_cast<uint32_t>(rng.Below(humans_));  // someone from another team
      } else {
        const auto& mates = team_members_[static_cast<size_t>(a.team)];
        do {
          reviewer = mates[static_cast<size_t>(rng.Below(static_cast<int64_t>(mates.size())))];
        } while (reviewer == author);
      }
      if (who == kHuman && reviewer == author) who = kSelf;
      r.reviewer = d_.developers[reviewer].login_identity;
      const double s = rng.Uniform();
      if (who != kHuman) {
        r.state = model::ReviewState::kCommented;
      } else if (j == 0 && k >= 2 && s < 0.30) {
        r.state = model::ReviewState::kChangesRequested;
      } else if (j == k - 1 && merged && s < 0.9) {
        r.state = model::ReviewState::kApproved;
      } else {
        r.state = s < 0.55   ? model::ReviewState::kCommented
                  : s < 0.92 ? model::ReviewState::kApproved
                  : s < 0.95 ? model::ReviewState::kChangesRequested
                  : s < 0.985 ? model::ReviewState::kDismissed
                              : model::ReviewState::kPending;
      }
      if (r.state != model::ReviewState::kPending) {
        Instant t = first + static_cast<Instant>(at[static_cast<size_t>(j)] * static_cast<double>(end - first));
        if (merged && rng.Chance(0.03)) t = pr.merged_at + static_cast<Instant>(rng.LogNormal(12.0 * kHour, 1.0));
        r.submitted_at = Clamp(std::max(t, pr.created_at));
      }
      r.body = r.state == model::ReviewState::kApproved && rng.Chance(0.6) ? "" : "LGTM, nits";
      out.push_back(std::move(r));
    }
    return out;
  }

  DatasetParams p_;
  Dataset d_;
  std::vector<Habits> habits_;
  std::vector<int32_t> team_of_next_;
  std::vector<std::vector<uint32_t>> team_members_;
  std::vector<std::vector<model::RepoId>> team_repos_;
  std::vector<model::RepoId> org_repos_;
  Picker org_picker_;
  std::vector<uint32_t> bot_index_;
  std::vector<double> bot_review_weight_;
  Picker bot_reviewers_;
  std::vector<std::vector<std::pair<Instant, uint32_t>>> commits_of_;
  uint32_t humans_ = 0;
};

}  // namespace

DatasetParams DatasetParams::Scaled(double scale) {
  DatasetParams p;
  auto scaled = [&](int64_t n) { return std::max<int64_t>(1, static_cast<int64_t>(std::floor(static_cast<double>(n) * scale + 0.5))); };
  p.developers = std::max<int64_t>(10, scaled(p.developers));
  p.bots = std::min<int64_t>(p.bots, p.developers / 10);
  p.commits = scaled(p.commits);
  p.pull_requests = scaled(p.pull_requests);
  p.reviews = scaled(p.reviews);
  return p;
}

Dataset GenerateDataset(const DatasetParams& params) { return Generator(params).Run(); }

uint64_t Fingerprint(const Dataset& d) {
  uint64_t h = 0xCBF29CE484222325ULL;
  auto mix = [&](int64_t v) {
    for (int i = 0; i < 8; ++i) {
      h ^= static_cast<uint64_t>(v >> (8 * i)) & 0xFF;
      h *= 0x100000001B3ULL;
    }
  };
  for (const model::Commit& c : d.ws.commits()) {
    mix(c.author), mix(c.repo), mix(c.authored.utc), mix(c.authored.offset_minutes), mix(c.committed.utc);
    mix(c.additions), mix(c.deletions), mix(c.changed_files), mix(c.has_stats), mix(static_cast<int64_t>(c.parents.size()));
    for (model::IdentityId co : c.co_authors) mix(co);
  }
  for (const model::PullRequest& p : d.ws.pull_requests()) {
    mix(p.repo), mix(p.number), mix(p.author), mix(p.created_at), mix(p.merged_at), mix(p.closed_at);
    mix(p.additions), mix(p.deletions), mix(p.draft), mix(static_cast<int64_t>(p.commit_shas.size()));
    for (model::IdentityId r : p.requested_reviewers) mix(r);
  }
  for (const model::Review& r : d.ws.reviews()) {
    mix(r.github_id), mix(r.repo), mix(r.pr_number), mix(r.reviewer), mix(static_cast<int64_t>(r.state)), mix(r.submitted_at);
  }
  return h;
}

namespace {

std::string Kv(const char* key, double v) {
  char buf[96];
  if (v == std::floor(v) && v < 1e15) {
    std::snprintf(buf, sizeof buf, "%s=%lld", key, static_cast<long long>(v));
  } else {
    std::snprintf(buf, sizeof buf, "%s=%.4g", key, v);
  }
  return buf;
}

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))];
}

std::string Line(std::initializer_list<std::string> parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : " ") + p;
  return out;
}

}  // namespace

std::vector<std::string> Describe(const Dataset& d) {
  const auto& ws = d.ws;
  auto owner = [&](model::IdentityId id) { return d.developer_of_identity[id]; };
  auto bot = [&](model::IdentityId id) { return d.developers[owner(id)].bot; };
  int64_t humans = 0;
  for (const GeneratedDeveloper& g : d.developers) humans += !g.bot;
  std::vector<std::string> out;
  out.push_back(Line({Kv("developers", static_cast<double>(d.developers.size())), Kv("humans", static_cast<double>(humans)),
                      Kv("bots", static_cast<double>(d.developers.size() - humans)),
                      Kv("teams", static_cast<double>(d.settings.teams.size())),
                      Kv("repositories", static_cast<double>(ws.repositories().size())),
                      Kv("identities", static_cast<double>(ws.identities().size())), Kv("weeks", d.params.weeks)}));

  std::vector<double> per_dev(d.developers.size(), 0.0);
  int64_t merges = 0, co_authored = 0, bot_commits = 0, with_stats = 0, counted = 0, weekend = 0, late = 0;
  for (const model::Commit& c : ws.commits()) {
    merges += c.is_merge();
    co_authored += !c.co_authors.empty();
    with_stats += c.has_stats;
    if (bot(c.author)) {
      ++bot_commits;
      continue;
    }
    ++per_dev[owner(c.author)];
    if (c.is_merge()) continue;
    ++counted;
    const int64_t local = c.authored.local_seconds();
    const int64_t day = FloorDiv(local, kDay);
    const int64_t hour = (local - day * kDay) / kHour;
    weekend += WeekdayFromDays(day) >= 5;
    late += hour >= 22 || hour < 6;
  }
  out.push_back(Line({Kv("commits", static_cast<double>(ws.commits().size())), Kv("merges", static_cast<double>(merges)),
                      Kv("co_authored", static_cast<double>(co_authored)), Kv("bot_commits", static_cast<double>(bot_commits)),
                      Kv("with_stats", static_cast<double>(with_stats)),
                      Kv("weekend_share", static_cast<double>(weekend) / static_cast<double>(std::max<int64_t>(counted, 1))),
                      Kv("late_night_share", static_cast<double>(late) / static_cast<double>(std::max<int64_t>(counted, 1)))}));
  std::vector<double> human_counts;
  for (size_t i = 0; i < d.developers.size(); ++i) {
    if (!d.developers[i].bot) human_counts.push_back(per_dev[i]);
  }
  std::sort(human_counts.begin(), human_counts.end());
  const double total = std::accumulate(human_counts.begin(), human_counts.end(), 0.0);
  auto top_share = [&](double fraction) {
    const size_t n = std::max<size_t>(1, static_cast<size_t>(fraction * static_cast<double>(human_counts.size())));
    return std::accumulate(human_counts.end() - static_cast<std::ptrdiff_t>(n), human_counts.end(), 0.0) / total;
  };
  double weighted = 0;
  for (size_t i = 0; i < human_counts.size(); ++i) weighted += static_cast<double>(i + 1) * human_counts[i];
  const double n = static_cast<double>(human_counts.size());
  const double gini = 2 * weighted / (n * total) - (n + 1) / n;
  out.push_back(Line({"commits_per_human:", Kv("min", human_counts.front()), Kv("p50", Percentile(human_counts, 0.5)),
                      Kv("p90", Percentile(human_counts, 0.9)), Kv("p99", Percentile(human_counts, 0.99)),
                      Kv("max", human_counts.back()), Kv("top1pct_share", top_share(0.01)),
                      Kv("top10pct_share", top_share(0.10)), Kv("gini", gini)}));

  int64_t merged = 0, closed = 0, open = 0, draft = 0, sized = 0, listed = 0, bot_prs = 0, requested = 0;
  std::vector<double> sizes, cycles;
  for (const model::PullRequest& p : ws.pull_requests()) {
    merged += p.state == model::PrState::kMerged;
    closed += p.state == model::PrState::kClosed;
    open += p.state == model::PrState::kOpen;
    draft += p.draft;
    listed += !p.commit_shas.empty();
    bot_prs += bot(p.author);
    requested += !p.requested_reviewers.empty();
    if (p.additions >= 0) {
      ++sized;
      sizes.push_back(static_cast<double>(p.additions + p.deletions));
    }
    if (p.merged_at != kNoInstant) cycles.push_back(static_cast<double>(p.merged_at - p.created_at) / kHour);
  }
  out.push_back(Line({Kv("prs", static_cast<double>(ws.pull_requests().size())), Kv("merged", static_cast<double>(merged)),
                      Kv("closed", static_cast<double>(closed)), Kv("open", static_cast<double>(open)),
                      Kv("draft", static_cast<double>(draft)), Kv("bot_prs", static_cast<double>(bot_prs)),
                      Kv("sized", static_cast<double>(sized)), Kv("with_commit_list", static_cast<double>(listed)),
                      Kv("with_requested_reviewers", static_cast<double>(requested)), Kv("size_p50", Percentile(sizes, 0.5)),
                      Kv("size_p90", Percentile(sizes, 0.9)), Kv("size_p99", Percentile(sizes, 0.99)),
                      Kv("cycle_hours_p50", Percentile(cycles, 0.5)), Kv("cycle_hours_p90", Percentile(cycles, 0.9))}));

  int64_t by_state[5] = {}, teammate = 0, self = 0, by_bot = 0, cross = 0;
  for (const model::Review& r : ws.reviews()) {
    ++by_state[static_cast<int>(r.state)];
    const model::PullRequest* p = ws.FindPullRequest(r.repo, r.pr_number);
    const GeneratedDeveloper& author = d.developers[owner(p->author)];
    const GeneratedDeveloper& reviewer = d.developers[owner(r.reviewer)];
    if (reviewer.bot) {
      ++by_bot;
    } else if (owner(p->author) == owner(r.reviewer)) {
      ++self;
    } else if (!author.bot && author.team == reviewer.team) {
      ++teammate;
    } else {
      ++cross;
    }
  }
  out.push_back(Line({Kv("reviews", static_cast<double>(ws.reviews().size())), Kv("approved", static_cast<double>(by_state[0])),
                      Kv("changes_requested", static_cast<double>(by_state[1])), Kv("commented", static_cast<double>(by_state[2])),
                      Kv("dismissed", static_cast<double>(by_state[3])), Kv("pending", static_cast<double>(by_state[4])),
                      Kv("by_teammate", static_cast<double>(teammate)), Kv("other_team_or_bot_pr", static_cast<double>(cross)),
                      Kv("self", static_cast<double>(self)), Kv("by_bot", static_cast<double>(by_bot))}));
  return out;
}

// [SECTION] CSV files

namespace {

class CsvFile {
 public:
  explicit CsvFile(std::string path) : path_(std::move(path)), tmp_(path_ + ".tmp"), f_(std::fopen(tmp_.c_str(), "wb")) {}
  ~CsvFile() {
    if (f_) std::fclose(f_);
  }
  bool ok() const { return f_ != nullptr; }
  CsvFile& Raw(std::string_view s) {
    buf_.append(s);
    return *this;
  }
  CsvFile& Int(int64_t v, bool sep = true) {
    if (sep) buf_ += ',';
    char tmp[24];
    const int n = std::snprintf(tmp, sizeof tmp, "%lld", static_cast<long long>(v));
    buf_.append(tmp, static_cast<size_t>(n));
    return *this;
  }
  //! An instant, or nothing for kNoInstant (a NULL to DuckDB).
  CsvFile& Time(Instant t) {
    buf_ += ',';
    return t == kNoInstant ? *this : Int(t, false);
  }
  CsvFile& End() {
    buf_ += '\n';
    if (buf_.size() > (1 << 20)) Flush();
    return *this;
  }
  bool Close() {
    Flush();
    const bool good = f_ != nullptr && std::fclose(f_) == 0;
    f_ = nullptr;
    return good && std::rename(tmp_.c_str(), path_.c_str()) == 0;
  }

 private:
  void Flush() {
    if (f_) std::fwrite(buf_.data(), 1, buf_.size(), f_);
    buf_.clear();
  }
  std::string path_, tmp_;
  std::FILE* f_;
  std::string buf_;
};

void MakeDirs(const std::string& dir) {
  for (size_t i = 1; i <= dir.size(); ++i) {
    if (i == dir.size() || dir[i] == '/') ::mkdir(dir.substr(0, i).c_str(), 0755);
  }
}

std::string StampOf(const Dataset& d) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "fingerprint=%016llx developers=%lld commits=%lld prs=%lld reviews=%lld weeks=%d seed=%llu\n",
                static_cast<unsigned long long>(Fingerprint(d)), static_cast<long long>(d.params.developers),
                static_cast<long long>(d.params.commits), static_cast<long long>(d.params.pull_requests),
                static_cast<long long>(d.params.reviews), d.params.weeks, static_cast<unsigned long long>(d.params.seed));
  return buf;
}

}  // namespace

Status WriteCsvIfMissing(const Dataset& d, const std::string& dir, bool& written) {
  written = false;
  const std::string stamp = StampOf(d);
  const std::string stamp_path = dir + "/fingerprint.txt";
  if (std::FILE* f = std::fopen(stamp_path.c_str(), "rb")) {
    char buf[256] = {};
    const size_t n = std::fread(buf, 1, sizeof buf - 1, f);
    std::fclose(f);
    if (std::string_view(buf, n) == stamp) return Status();
  }
  MakeDirs(dir);
  std::remove(stamp_path.c_str());
  const auto& ws = d.ws;
  auto dev = [&](model::IdentityId id) -> int64_t { return d.developer_of_identity[id]; };
  auto fail = [&](const std::string& file) { return Status(StatusCode::kIoError, "cannot write " + dir + "/" + file); };

  CsvFile developers(dir + "/developers.csv");
  if (!developers.ok()) return fail("developers.csv");
  developers.Raw("dev,is_bot,team").End();
  for (size_t i = 0; i < d.developers.size(); ++i) {
    developers.Int(static_cast<int64_t>(i), false).Int(d.developers[i].bot).Int(d.developers[i].team).End();
  }
  if (!developers.Close()) return fail("developers.csv");

  CsvFile commits(dir + "/commits.csv");
  CsvFile co_authors(dir + "/co_authors.csv");
  if (!commits.ok() || !co_authors.ok()) return fail("commits.csv");
  commits.Raw("id,author,repo,authored,offset_min,committed,additions,deletions,files,has_stats,is_merge").End();
  co_authors.Raw("commit_id,dev").End();
  for (size_t i = 0; i < ws.commits().size(); ++i) {
    const model::Commit& c = ws.commits()[i];
    commits.Int(static_cast<int64_t>(i), false).Int(dev(c.author)).Int(c.repo).Int(c.authored.utc).Int(c.authored.offset_minutes);
    commits.Int(c.committed.utc).Int(c.additions).Int(c.deletions).Int(c.changed_files).Int(c.has_stats).Int(c.is_merge()).End();
    for (model::IdentityId co : c.co_authors) co_authors.Int(static_cast<int64_t>(i), false).Int(dev(co)).End();
  }
  if (!commits.Close() || !co_authors.Close()) return fail("commits.csv");

  CsvFile prs(dir + "/prs.csv");
  CsvFile pr_commits(dir + "/pr_commits.csv");
  if (!prs.ok() || !pr_commits.ok()) return fail("prs.csv");
  prs.Raw("id,repo,number,author,created,merged,closed,state,additions,deletions,draft").End();
  pr_commits.Raw("pr,commit_id").End();
  for (size_t i = 0; i < ws.pull_requests().size(); ++i) {
    const model::PullRequest& p = ws.pull_requests()[i];
    prs.Int(static_cast<int64_t>(i), false).Int(p.repo).Int(p.number).Int(dev(p.author));
    prs.Time(p.created_at).Time(p.merged_at).Time(p.closed_at).Raw(",").Raw(model::PrStateName(p.state));
    if (p.additions >= 0 && p.deletions >= 0) {
      prs.Int(p.additions).Int(p.deletions);
    } else {
      prs.Raw(",,");
    }
    prs.Int(p.draft).End();
    for (const Sha& sha : p.commit_shas) {
      pr_commits.Int(static_cast<int64_t>(i), false).Int(static_cast<int64_t>(ws.FindCommit(sha) - ws.commits().data())).End();
    }
  }
  if (!prs.Close() || !pr_commits.Close()) return fail("prs.csv");

  CsvFile reviews(dir + "/reviews.csv");
  if (!reviews.ok()) return fail("reviews.csv");
  reviews.Raw("id,pr,reviewer,state,submitted").End();
  for (const model::Review& r : ws.reviews()) {
    const model::PullRequest* p = ws.FindPullRequest(r.repo, r.pr_number);
    reviews.Int(r.github_id, false).Int(static_cast<int64_t>(p - ws.pull_requests().data())).Int(dev(r.reviewer));
    reviews.Raw(",").Raw(model::ReviewStateName(r.state)).Time(r.submitted_at).End();
  }
  if (!reviews.Close()) return fail("reviews.csv");

  std::FILE* f = std::fopen(stamp_path.c_str(), "wb");
  if (!f || std::fwrite(stamp.data(), 1, stamp.size(), f) != stamp.size() || std::fclose(f) != 0) return fail("fingerprint.txt");
  written = true;
  return Status();
}

}  // namespace loupe::bench
