#include "loupe/dashboard/registry.h"

#include <algorithm>

namespace loupe::dashboard {
namespace {

std::vector<std::string_view> SplitList(std::string_view list) {
  std::vector<std::string_view> out;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    out.push_back(list.substr(0, comma));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

bool Contains(std::string_view list, std::string_view item) {
  for (std::string_view x : SplitList(list)) {
    if (x == item) return true;
  }
  return false;
}

constexpr auto kSmall = WidgetSize::kSmall, kMedium = WidgetSize::kMedium, kLarge = WidgetSize::kLarge,
               kFull = WidgetSize::kFull;
constexpr auto kServer = Origin::kServer, kFrontend = Origin::kFrontend, kLoupe = Origin::kLoupe;
constexpr auto kAvailable = DataStatus::kAvailable, kNeeds = DataStatus::kNeeds;

// What the widgets that need data outside Loupe's imports are missing (one sentence per kind of
// data, shared by the widgets of that kind).
#define LOUPE_NEEDS(what) what " — Loupe imports only commits, pull requests and reviews"
constexpr std::string_view kGoals = LOUPE_NEEDS("goals or objectives (OKRs) set for people and teams");
constexpr std::string_view kLlm =
    "an LLM reached through a Loupe relay — Loupe's own insights are deterministic and shown by the other widgets";
constexpr std::string_view kSoftSkills =
    "soft-skill assessments, which the seed asks an LLM to write from review and PR text (a Loupe relay with an LLM)";
constexpr std::string_view kTasks =
    LOUPE_NEEDS("open tasks to assign, from an issue tracker (Jira, Linear, GitHub Issues)");
constexpr std::string_view kTracking = LOUPE_NEEDS("stand-ups, blockers and time entries from a tracking tool");
constexpr std::string_view kSprints = LOUPE_NEEDS(
    "sprints, tasks and story points from a planning tool (Jira, Linear, GitHub Projects)");
constexpr std::string_view kDeadlines = LOUPE_NEEDS("due dates of tasks and sprints from a planning tool");
constexpr std::string_view kTickets = LOUPE_NEEDS(
    "ticket data from an issue tracker or help desk (Jira, Linear, GitHub Issues, Zendesk)");
constexpr std::string_view kForms = LOUPE_NEEDS("form submissions from a forms tool");
constexpr std::string_view kDocs = LOUPE_NEEDS("documents and their edits from a wiki or documentation tool");
constexpr std::string_view kReviews = LOUPE_NEEDS("performance review cycles from an HR system");
constexpr std::string_view kLearning = LOUPE_NEEDS("learning paths and courses from a learning platform");
constexpr std::string_view kSkillGaps =
    "the skills each role requires (a role skill matrix) to compare with the expertise Loupe computes";
constexpr std::string_view kHiring =
    LOUPE_NEEDS("candidates, interviews and open positions from an applicant tracking system");
constexpr std::string_view kCrm = LOUPE_NEEDS("deals, contacts and pipeline stages from a CRM");
constexpr std::string_view kOrg =
    LOUPE_NEEDS("organisation-wide data beyond engineering activity (projects, tickets, hiring, CRM)");
constexpr std::string_view kSystem =
    "the servers and integrations of a hosted deployment — Loupe runs in the browser; "
    "snapshotFreshness shows how current its data are";
constexpr std::string_view kLeave = LOUPE_NEEDS("leave requests, balances and calendars from an HR or leave system");
constexpr std::string_view kAgents = "AI agents configured in a hosted workspace — Loupe has none";
#undef LOUPE_NEEDS

// Servers' and frontend-only widgets as the seed defines them (aexy §6.3, §6.4; frontend-only
// icons are Loupe's: the reference does not record them), then Loupe's own.
constexpr WidgetSpec kWidgets[] = {
    {"welcome", "Welcome", "profile", "all", kFull, "User", "", kServer, kAvailable, "", "workspace.describe"},
    {"quickStats", "Quick Stats", "stats", "all", kFull, "BarChart3", "", kServer, kAvailable, "",
     "insights.developer,insights.workspace"},
    {"myGoals", "My Goals", "goals", "all", kMedium, "Target", "", kServer, kNeeds, kGoals, ""},
    {"languageProficiency", "Language Proficiency", "skills", "developer,manager", kLarge, "Code", "", kServer,
     kAvailable, "", "intelligence.expertise,analytics.skills"},
    {"workPatterns", "Work Patterns", "analytics", "developer,manager", kSmall, "Activity", "can_view_tracking",
     kServer, kAvailable, "", "insights.developer,analytics.activity"},
    {"domainExpertise", "Domain Expertise", "skills", "developer,manager,hr", kMedium, "Layers", "", kServer,
     kAvailable, "", "intelligence.expertise"},
    {"frameworksTools", "Frameworks & Tools", "skills", "developer", kMedium, "Wrench", "", kServer, kAvailable, "",
     "intelligence.expertise,intelligence.technology"},
    {"aiInsights", "AI Insights", "ai", "all", kMedium, "Sparkles", "", kServer, kNeeds, kLlm, ""},
    {"softSkills", "Soft Skills", "ai", "developer,manager,hr", kMedium, "Heart", "", kServer, kNeeds, kSoftSkills,
     ""},
    {"growthTrajectory", "Growth Trajectory", "ai", "developer,manager", kMedium, "TrendingUp", "", kServer,
     kAvailable, "", "snapshots.history,insights.developer"},
    {"peerBenchmark", "Peer Benchmark", "analytics", "developer,manager", kMedium, "Users", "", kServer, kAvailable,
     "", "insights.developer,insights.compare,insights.leaderboard"},
    {"taskMatcher", "Task Matcher", "tools", "manager,hr", kMedium, "Shuffle", "can_view_members", kServer, kNeeds,
     kTasks, ""},
    {"trackingSummary", "Tracking Summary", "tracking", "developer,manager,product", kMedium, "Target",
     "can_view_tracking", kServer, kNeeds, kTracking, ""},
    {"standupStatus", "Standup Status", "tracking", "developer,manager", kSmall, "CheckCircle", "can_view_tracking",
     kServer, kNeeds, kTracking, ""},
    {"blockersOverview", "Blockers Overview", "tracking", "manager,product", kMedium, "AlertTriangle",
     "can_view_tracking", kServer, kNeeds, kTracking, ""},
    {"timeTracking", "Time Tracking", "tracking", "developer,manager", kSmall, "Clock", "can_view_tracking", kServer,
     kNeeds, kTracking, ""},
    {"sprintOverview", "Sprint Overview", "planning", "manager,product,developer", kLarge, "Calendar",
     "can_view_sprints", kServer, kNeeds, kSprints, ""},
    {"sprintBurndown", "Sprint Burndown", "planning", "manager,product", kMedium, "TrendingDown", "can_view_sprints",
     kServer, kNeeds, kSprints, ""},
    {"upcomingDeadlines", "Upcoming Deadlines", "planning", "all", kSmall, "Clock", "", kServer, kNeeds, kDeadlines,
     ""},
    {"ticketStats", "Ticket Stats", "tickets", "support,admin", kMedium, "Ticket", "can_view_tickets", kServer, kNeeds,
     kTickets, ""},
    {"slaOverview", "SLA Overview", "tickets", "support,admin", kMedium, "AlertCircle", "can_view_tickets", kServer,
     kNeeds, kTickets, ""},
    {"recentTickets", "Recent Tickets", "tickets", "support", kLarge, "List", "can_view_tickets", kServer, kNeeds,
     kTickets, ""},
    {"ticketsByPriority", "Tickets by Priority", "tickets", "support,admin", kMedium, "Flag", "can_view_tickets",
     kServer, kNeeds, kTickets, ""},
    {"formSubmissions", "Form Submissions", "forms", "support,sales", kMedium, "FormInput", "can_view_forms", kServer,
     kNeeds, kForms, ""},
    {"recentForms", "Recent Forms", "forms", "support,sales", kMedium, "FileText", "can_view_forms", kServer, kNeeds,
     kForms, ""},
    {"recentDocs", "Recent Docs", "docs", "all", kMedium, "FileText", "can_view_docs", kServer, kNeeds, kDocs, ""},
    {"docActivity", "Doc Activity", "docs", "manager,product", kSmall, "Activity", "can_view_docs", kServer, kNeeds,
     kDocs, ""},
    {"performanceReviews", "Performance Reviews", "reviews", "all", kMedium, "ClipboardCheck", "can_view_reviews",
     kServer, kNeeds, kReviews, ""},
    {"pendingReviews", "Pending Reviews", "reviews", "manager,hr", kMedium, "Clock", "can_view_reviews", kServer,
     kNeeds, kReviews, ""},
    {"reviewCycle", "Review Cycle Progress", "reviews", "hr,admin", kMedium, "RefreshCw", "can_view_reviews", kServer,
     kNeeds, kReviews, ""},
    {"learningPath", "Learning Path", "learning", "developer", kMedium, "GraduationCap", "can_view_learning", kServer,
     kNeeds, kLearning, ""},
    {"skillGaps", "Skill Gaps", "learning", "developer,manager", kMedium, "AlertCircle", "", kServer, kNeeds,
     kSkillGaps, ""},
    {"hiringPipeline", "Hiring Pipeline", "hiring", "hr,manager", kLarge, "Users", "can_view_hiring", kServer, kNeeds,
     kHiring, ""},
    {"candidateStats", "Candidate Stats", "hiring", "hr", kMedium, "BarChart3", "can_view_hiring", kServer, kNeeds,
     kHiring, ""},
    {"openPositions", "Open Positions", "hiring", "hr,manager", kMedium, "Briefcase", "can_view_hiring", kServer,
     kNeeds, kHiring, ""},
    {"interviewSchedule", "Interview Schedule", "hiring", "hr,manager", kMedium, "Calendar", "can_view_hiring",
     kServer, kNeeds, kHiring, ""},
    {"crmPipeline", "CRM Pipeline", "crm", "sales", kLarge, "Building2", "can_view_crm", kServer, kNeeds, kCrm, ""},
    {"dealStats", "Deal Stats", "crm", "sales,admin", kMedium, "DollarSign", "can_view_crm", kServer, kNeeds, kCrm,
     ""},
    {"recentDeals", "Recent Deals", "crm", "sales", kMedium, "TrendingUp", "can_view_crm", kServer, kNeeds, kCrm, ""},
    {"crmQuickView", "CRM Quick View", "crm", "support,sales", kSmall, "Eye", "can_view_crm", kServer, kNeeds, kCrm,
     ""},
    {"teamOverview", "Team Overview", "team", "manager,hr,admin", kLarge, "Users", "can_view_members", kServer,
     kAvailable, "", "insights.team,teams.list"},
    {"teamActivity", "Team Activity", "team", "manager", kMedium, "Activity", "can_view_members", kServer, kAvailable,
     "", "analytics.productivity,insights.team"},
    {"orgMetrics", "Organization Metrics", "admin", "admin", kFull, "BarChart3", "can_manage_workspace_settings",
     kServer, kNeeds, kOrg, ""},
    {"systemHealth", "System Health", "admin", "admin", kMedium, "Activity", "can_manage_workspace_settings", kServer,
     kNeeds, kSystem, ""},

    {"teamCalendar", "Team Calendar", "leave", "manager,hr,admin", kLarge, "CalendarDays", "can_view_leaves",
     kFrontend, kNeeds, kLeave, ""},
    {"leaveBalance", "Leave Balance", "leave", "all", kSmall, "Umbrella", "", kFrontend, kNeeds, kLeave, ""},
    {"pendingLeaveApprovals", "Leave Approvals", "leave", "manager,hr", kMedium, "CheckSquare", "can_approve_leaves",
     kFrontend, kNeeds, kLeave, ""},
    {"teamAvailability", "Team Availability", "leave", "manager,hr,admin", kSmall, "UserCheck", "can_view_leaves",
     kFrontend, kNeeds, kLeave, ""},
    {"teamHealth", "Team Health", "analytics", "manager", kMedium, "HeartPulse", "can_view_members", kFrontend,
     kAvailable, "", "insights.team"},
    {"burnoutRisk", "Burnout Risk", "analytics", "manager", kMedium, "Flame", "can_view_teams", kFrontend, kAvailable,
     "", "intelligence.burnout"},
    {"aiAgents", "AI Agents", "agents", "all", kMedium, "Bot", "", kFrontend, kNeeds, kAgents, ""},
    {"teamStatsSummary", "Team Stats Summary", "analytics", "manager", kLarge, "BarChart3", "can_view_teams",
     kFrontend, kAvailable, "", "insights.team,insights.workspace"},
    {"tasksCompletedChart", "Tasks Completed", "analytics", "manager", kMedium, "CheckCircle", "can_view_sprints",
     kFrontend, kNeeds, kSprints, ""},
    {"ticketChart", "Ticket Chart", "tickets", "manager,product", kMedium, "PieChart", "can_view_tickets", kFrontend,
     kNeeds, kTickets, ""},
    {"velocityTrend", "Velocity Trend", "planning", "manager", kMedium, "TrendingUp", "can_view_sprints", kFrontend,
     kAvailable, "", "analytics.productivity,snapshots.history"},
    {"workloadDistribution", "Workload Distribution", "analytics", "manager", kMedium, "Scale", "can_view_insights",
     kFrontend, kAvailable, "", "analytics.workload,insights.team"},
    {"backlogOverview", "Backlog Overview", "planning", "product", kMedium, "ListTodo", "can_view_sprints", kFrontend,
     kNeeds, kSprints, ""},
    {"ticketPipeline", "Ticket Pipeline", "tickets", "product,manager", kMedium, "GitBranch", "can_view_tickets",
     kFrontend, kNeeds, kTickets, ""},

    {"prCycleTime", "PR Cycle Time", "analytics", "developer,manager,product", kMedium, "GitPullRequest", "", kLoupe,
     kAvailable, "", "insights.developer,insights.team"},
    {"reviewLoad", "Review Load", "analytics", "developer,manager", kMedium, "MessageSquare", "", kLoupe, kAvailable,
     "", "analytics.workload,intelligence.reviews"},
    {"activityHeatmap", "Activity Heatmap", "analytics", "developer,manager", kLarge, "CalendarDays", "", kLoupe,
     kAvailable, "", "analytics.activity"},
    {"collaborationGraph", "Collaboration Graph", "team", "manager", kLarge, "Share2", "can_view_members", kLoupe,
     kAvailable, "", "analytics.collaboration,intelligence.collaboration"},
    {"alerts", "Alerts", "workspace", "manager,admin", kMedium, "Bell", "can_view_insights", kLoupe, kAvailable, "",
     "alerts.list,alerts.rules"},
    {"snapshotFreshness", "Snapshot Freshness", "workspace", "manager,admin", kSmall, "RefreshCw", "", kLoupe,
     kAvailable, "", "snapshots.status"},
};

constexpr CategorySpec kCategories[] = {
    {"profile", "Profile & Goals", "User"},     {"stats", "Statistics", "BarChart3"},
    {"goals", "Goals", "Target"},               {"skills", "Developer Skills", "Code"},
    {"analytics", "Analytics", "Activity"},     {"ai", "AI Insights", "Sparkles"},
    {"tools", "Tools", "Wrench"},               {"tracking", "Tracking", "Target"},
    {"planning", "Planning & Sprints", "Calendar"}, {"tickets", "Tickets", "Ticket"},
    {"forms", "Forms", "FormInput"},            {"docs", "Documentation", "FileText"},
    {"reviews", "Reviews", "ClipboardCheck"},   {"learning", "Learning", "GraduationCap"},
    {"hiring", "Hiring", "Users"},              {"crm", "CRM", "Building2"},
    {"team", "Team", "Users"},                  {"admin", "Admin", "Settings"},
    {"leave", "Leave", "CalendarDays"},         {"agents", "AI Agents", "Bot"},
    {"workspace", "Workspace Data", "Database"},
};

constexpr PresetSpec kServerPresets[] = {
    {"developer", "Developer", "Personal skills, insights, and growth tracking", "Code", "from-blue-500 to-blue-600",
     "welcome,quickStats,languageProficiency,workPatterns,domainExpertise,frameworksTools,aiInsights,softSkills,"
     "growthTrajectory,peerBenchmark,myGoals,performanceReviews,learningPath",
     "activityHeatmap,prCycleTime,reviewLoad"},
    {"manager", "Engineering Manager", "Team insights, sprint planning, and performance reviews", "Users",
     "from-green-500 to-green-600",
     "welcome,quickStats,teamOverview,sprintOverview,trackingSummary,taskMatcher,peerBenchmark,aiInsights,"
     "performanceReviews,myGoals",
     "prCycleTime,reviewLoad,workloadDistribution,burnoutRisk,collaborationGraph,alerts,snapshotFreshness"},
    {"product", "Product Manager", "Sprint planning, tracking, and documentation", "Target",
     "from-purple-500 to-purple-600",
     "welcome,sprintOverview,trackingSummary,recentDocs,teamOverview,myGoals,upcomingDeadlines", "prCycleTime"},
    {"hr", "HR / People Ops", "Hiring pipeline, reviews, and organizational health", "Heart",
     "from-rose-500 to-rose-600",
     "welcome,hiringPipeline,candidateStats,softSkills,performanceReviews,teamOverview,pendingReviews", "burnoutRisk"},
    {"support", "Support / Customer Success", "Tickets, SLAs, and customer forms", "Ticket",
     "from-pink-500 to-pink-600", "welcome,ticketStats,slaOverview,recentTickets,formSubmissions,crmQuickView", ""},
    {"sales", "Sales", "CRM pipeline, deals, and customer interactions", "Building2", "from-cyan-500 to-cyan-600",
     "welcome,crmPipeline,dealStats,recentDeals,formSubmissions,myGoals", ""},
    {"admin", "Admin", "Organization-wide metrics and system overview", "Settings", "from-slate-500 to-slate-600",
     "welcome,orgMetrics,teamOverview,hiringPipeline,ticketStats,systemHealth", "snapshotFreshness,alerts"},
};

constexpr PresetSpec kCustomPreset = {
    "custom", "Custom", "Start empty and add the widgets you want", "Sliders", "from-amber-500 to-amber-600", "", ""};

// The seed's role templates with the permissions their defaults grant (aexy §6.3, "Roles whose
// default template grants it"); can_view_leaves, can_approve_leaves, can_view_teams and
// can_view_insights are not recorded there: Loupe grants them to admin, manager and hr.
constexpr RoleSpec kRoles[] = {
    {"admin",
     "can_view_members,can_view_tracking,can_view_sprints,can_view_tickets,can_view_forms,can_view_docs,"
     "can_view_reviews,can_view_learning,can_view_hiring,can_view_crm,can_manage_workspace_settings,"
     "can_view_leaves,can_approve_leaves,can_view_teams,can_view_insights",
     true},
    {"manager",
     "can_view_members,can_view_tracking,can_view_sprints,can_view_tickets,can_view_forms,can_view_docs,"
     "can_view_reviews,can_view_learning,can_view_hiring,can_view_crm,can_view_leaves,can_approve_leaves,"
     "can_view_teams,can_view_insights",
     true},
    {"developer", "can_view_members,can_view_tracking,can_view_sprints,can_view_docs,can_view_learning", false},
    {"hr",
     "can_view_members,can_view_docs,can_view_reviews,can_view_learning,can_view_hiring,can_view_leaves,"
     "can_approve_leaves,can_view_teams,can_view_insights",
     true},
    {"support", "can_view_members,can_view_tickets,can_view_forms,can_view_docs", false},
    {"sales", "can_view_members,can_view_docs,can_view_crm", false},
    {"viewer", "can_view_members,can_view_docs", false},
};

}  // namespace

std::string_view SizeName(WidgetSize size) {
  switch (size) {
    case WidgetSize::kSmall: return "small";
    case WidgetSize::kMedium: return "medium";
    case WidgetSize::kLarge: return "large";
    case WidgetSize::kFull: return "full";
  }
  return "medium";
}

std::optional<WidgetSize> ParseSize(std::string_view name) {
  for (WidgetSize size : {kSmall, kMedium, kLarge, kFull}) {
    if (SizeName(size) == name) return size;
  }
  return std::nullopt;
}

std::string_view OriginName(Origin origin) {
  switch (origin) {
    case Origin::kServer: return "server";
    case Origin::kFrontend: return "frontend";
    case Origin::kLoupe: return "loupe";
  }
  return "server";
}

std::vector<std::string_view> WidgetSpec::PersonaList() const { return SplitList(personas); }
std::vector<std::string_view> WidgetSpec::PermissionList() const { return SplitList(permissions); }
std::vector<std::string_view> WidgetSpec::SourceList() const { return SplitList(sources); }

bool WidgetSpec::ForPersona(std::string_view persona) const {
  return personas == "all" || Contains(personas, persona);
}

std::vector<std::string_view> PresetSpec::SeedWidgets() const { return SplitList(seed_widgets); }
std::vector<std::string_view> PresetSpec::LoupeWidgets() const { return SplitList(loupe_widgets); }

std::vector<std::string_view> PresetSpec::Widgets() const {
  std::vector<std::string_view> out = SplitList(seed_widgets);
  for (std::string_view id : SplitList(loupe_widgets)) out.push_back(id);
  return out;
}

std::vector<std::string_view> RoleSpec::PermissionList() const { return SplitList(permissions); }

std::span<const PresetSpec> ServerPresets() { return kServerPresets; }
const PresetSpec& CustomPreset() { return kCustomPreset; }

const PresetSpec* FindPreset(std::string_view id) {
  if (id == kCustomPreset.id) return &kCustomPreset;
  for (const PresetSpec& p : kServerPresets) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

std::span<const WidgetSpec> Widgets() { return kWidgets; }

const WidgetSpec* FindWidget(std::string_view id) {
  for (const WidgetSpec& w : kWidgets) {
    if (w.id == id) return &w;
  }
  return nullptr;
}

std::span<const CategorySpec> Categories() { return kCategories; }
std::span<const RoleSpec> Roles() { return kRoles; }

const RoleSpec* FindRole(std::string_view id) {
  for (const RoleSpec& r : kRoles) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

bool RoleCanSee(std::string_view role, const WidgetSpec& widget) {
  const RoleSpec* spec = FindRole(role);
  if (spec == nullptr) return false;
  if (widget.permissions.empty()) return true;
  const std::vector<std::string_view> granted = spec->PermissionList();
  for (std::string_view needed : widget.PermissionList()) {
    if (std::find(granted.begin(), granted.end(), needed) != granted.end()) return true;
  }
  return false;
}

}  // namespace loupe::dashboard
