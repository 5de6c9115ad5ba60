// api::Dispatch: the methods dispatch_cli_test.cpp does not compare with the CLI, param errors that
// name the method and the param, failed calls that change nothing, and the sync state.
#include "loupe/api/dispatch.h"

#include <catch2/catch.hpp>

#include "loupe/api/window.h"
#include "loupe/core/time.h"
#include "engine/api/demo_session.h"
#include "support/test_util.h"

namespace loupe::api {
namespace {

Instant At(const char* text) { return *ParseWhen(text, false); }

struct Caller {
  Session& session;
  CallContext context;
  std::string Ok(std::string_view method, std::string_view params = "{}") {
    INFO(method << " " << params);
    auto result = Dispatch(session, method, params, context);
    if (!result.ok()) FAIL(result.status().ToString());
    return *result;
  }
  Status Error(std::string_view method, std::string_view params) {
    auto result = Dispatch(session, method, params, context);
    REQUIRE_FALSE(result.ok());
    return result.status();
  }
};

TEST_CASE("Dispatch: workspace identity team schedule alert and privacy methods work on the demo", "[api][dispatch]") {
  auto session = testing::DemoSession();
  Caller call{*session, {At("2024-04-03T12:00:00Z"), {}}};

  const std::string described = call.Ok("workspace.describe");
  CHECK_THAT(described, Catch::Contains("\"storage\": \"in memory\""));
  CHECK_THAT(described, Catch::Contains("\"persistent\": false"));
  CHECK_THAT(described, Catch::Contains("\"schema_version\": 0"));
  CHECK_THAT(described, Catch::Contains("\"data_version\": 5"));
  CHECK_THAT(described, Catch::Contains("\"commits\": " + std::to_string(session->workspace().commits().size())));
  CHECK_THAT(described, Catch::Contains("\"pull_requests\": 87"));
  CHECK_THAT(described, Catch::Contains("\"reviews\": 120"));
  CHECK(call.Ok("workspace.exportBundle") == session->ExportBundle());

  // identities: merge, split, mailmap, bot rules
  auto developer_of = [&](const char* ref) { return session->resolution().Lookup(session->workspace(), ref).value(); };
  REQUIRE(developer_of("login:chenwei") != developer_of("login:ewalsh"));
  CHECK(call.Ok("identities.merge", R"({"a": "login:chenwei", "b": "login:ewalsh"})") == "{}");
  CHECK(developer_of("login:chenwei") == developer_of("login:ewalsh"));
  CHECK(call.Ok("identities.split", R"({"identity": "login:ewalsh"})") == "{}");
  CHECK(developer_of("login:chenwei") != developer_of("login:ewalsh"));
  CHECK_THAT(call.Ok("identities.exportMailmap"), !Catch::Contains("chen.wei@old.example"));
  CHECK(call.Ok("identities.importMailmap", R"({"text": "Chen Wei <chen@acme.dev> <chen.wei@old.example>\n"})") ==
        "{\n  \"added\": 1\n}");
  CHECK_THAT(call.Ok("identities.exportMailmap"), Catch::Contains("Chen Wei <chen@acme.dev> <chen.wei@old.example>"));
  CHECK(call.Ok("identities.addBotRule", R"({"pattern": "chenwei", "note": "test"})") == "{}");
  CHECK_THAT(call.Ok("identities.botRules"),
             Catch::Contains("{\n    \"pattern\": \"chenwei\",\n    \"is_bot\": true,\n    \"note\": \"test\"\n  }"));
  CHECK_THAT(call.Ok("developers.list"), !Catch::Contains("\"login\": \"chenwei\""));
  CHECK_THAT(call.Ok("developers.list", R"({"bots": true})"), Catch::Contains("\"login\": \"chenwei\""));
  CHECK(call.Ok("identities.removeBotRule", R"({"pattern": "chenwei"})") == "{}");
  CHECK_THAT(call.Ok("developers.list"), Catch::Contains("\"login\": \"chenwei\""));

  // teams
  call.Ok("teams.create", R"({"name": "core"})");
  call.Ok("teams.addMembers", R"({"team": "core", "developers": ["analima", "brunoc"]})");
  CHECK(call.Ok("teams.removeMember", R"({"team": "core", "developer": "brunoc"})") == "{}");
  const std::string teams = call.Ok("teams.list");
  CHECK_THAT(teams, Catch::Contains("\"name\": \"Ana Lima\""));
  CHECK_THAT(teams, !Catch::Contains("Bruno Costa"));
  CHECK(call.Ok("teams.delete", R"({"name": "core"})") == "{}");
  CHECK(call.Ok("teams.list") == "[]");

  // schedules
  call.Ok("schedules.set", R"({"developer": "brunoc", "workingDays": [0, 1, 2, 3], "holidays": ["2024-02-01"]})");
  const std::string schedule = call.Ok("schedules.get", R"({"developer": "brunoc"})");
  CHECK_THAT(schedule, Catch::Contains("\"working_days\": [\n    0,\n    1,\n    2,\n    3\n  ]"));
  CHECK_THAT(schedule, Catch::Contains("\"2024-02-01\""));
  CHECK(call.Ok("schedules.remove", R"({"developer": "brunoc"})") == "{}");
  CHECK(call.Ok("schedules.get", R"({"developer": "brunoc"})") == "null");
  CHECK(call.Ok("schedules.list") == "[]");

  // settings: null resets a group
  call.Ok("settings.set", R"({"workingHours": {"startHour": 8}, "holidays": ["2024-12-25"]})");
  CHECK_THAT(call.Ok("settings.get"), Catch::Contains("\"start_hour\": 8"));
  call.Ok("settings.set", R"({"workingHours": null})");
  CHECK_THAT(call.Ok("settings.get"), Catch::Contains("\"working_hours\": null"));
  CHECK_THAT(call.Ok("settings.get"), Catch::Contains("\"2024-12-25\""));

  // snapshots: the default window is the last completed week before `now`
  const std::string generated = call.Ok("snapshots.generate", R"({"developers": ["analima"]})");
  CHECK_THAT(generated, Catch::Contains("\"developer_snapshots_created\": 1"));
  CHECK_THAT(call.Ok("snapshots.history", R"({"developer": "analima"})"),
             Catch::Contains("\"period_start\": \"2024-03-25T00:00:00Z\""));
  call.Ok("settings.set", R"({"autoSnapshots": true, "snapshotFrequency": "weekly"})");
  CHECK_THAT(call.Ok("snapshots.generateDue"), Catch::Contains("\"team_snapshot_created\": true"));

  // alerts: the default window is the last completed week too
  CHECK(call.Ok("alerts.addRule", R"({"name": "Busy", "category": "velocity", "metric": "commits_count",
                                      "operator": "gte", "threshold": 1})") == "{\n  \"id\": 1\n}");
  const std::string evaluated = call.Ok("alerts.evaluate");
  CHECK_THAT(evaluated, Catch::Contains("\"window_start\": \"2024-03-25T00:00:00Z\""));
  CHECK_THAT(evaluated, Catch::Contains("\"outcome\": \"triggered\""));
  CHECK_THAT(call.Ok("alerts.list", R"({"status": "open", "limit": 1})"), Catch::Contains("\"status\": \"triggered\""));
  CHECK(call.Ok("alerts.deleteRule", R"({"id": 1})") == "{}");
  CHECK(call.Ok("alerts.rules", R"({"all": true})") == "[]");
  CHECK(call.Ok("alerts.list") == "[]");

  // privacy
  CHECK_THAT(call.Ok("privacy.export", R"({"developer": "dipikar"})"), Catch::Contains("\"login\": \"dipikar\""));
  const std::string erased = call.Ok("privacy.erase", R"({"developer": "dipikar"})");
  CHECK_THAT(erased, Catch::Contains("\"commits\": 52"));
  CHECK(call.Error("privacy.export", R"({"developer": "dipikar"})").code() == StatusCode::kNotFound);
}

TEST_CASE("Dispatch: bad methods and params are refused naming the method and the param", "[api][dispatch]") {
  auto session = testing::DemoSession();
  Caller call{*session, {At("2024-04-03T12:00:00Z"), {}}};
  struct Case {
    const char* method;
    const char* params;
    const char* message;
  };
  const Case cases[] = {
      {"insights.frobnicate", "{}", "unknown method \"insights.frobnicate\""},
      {"teams.list", R"({"verbose": true})", "teams.list: unknown param \"verbose\" (it takes no params)"},
      {"insights.developer", R"({"developr": "ana"})", "insights.developer: unknown param \"developr\" (accepted: developer"},
      {"insights.developer", "{}", "insights.developer: param \"developer\" is required"},
      {"insights.developer", R"({"developer": 7})", "insights.developer: param \"developer\" must be a string, got a number"},
      {"insights.developer", R"({"developer": "analima", "health": "yes"})",
       "insights.developer: param \"health\" must be a boolean, got a string"},
      {"insights.developer", R"({"developer": "analima", "from": "2024-01-01"})",
       "insights.developer: from and to go together"},
      {"insights.developer", R"({"developer": "analima", "from": "2024-13-01", "to": "2024-02-01"})",
       "insights.developer: from: "},
      {"insights.developer", R"({"developer": "analima", "profile": "strict"})", "insights.developer: param \"profile\" "},
      {"insights.workspace", R"({"period": "fortnightly"})", "insights.workspace: "},
      {"insights.compare", R"({"developers": []})", "insights.compare: param \"developers\" must not be empty"},
      {"insights.compare", R"({"developers": ["analima", 3]})",
       "insights.compare: param \"developers[1]\" must be a string, got a number"},
      {"insights.leaderboard", R"({"metric": "happiness"})", "insights.leaderboard: unknown metric \"happiness\""},
      {"insights.leaderboard", R"({"metric": "commits", "limit": 2.5})",
       "insights.leaderboard: param \"limit\" must be an integer"},
      {"snapshots.history", R"({"developer": "analima", "limit": 0})",
       "snapshots.history: param \"limit\" must be an integer >= 1"},
      {"snapshots.generate", R"({"to": "2024-01-01"})", "snapshots.generate: to needs from"},
      {"snapshots.generate", R"({"period": "custom"})", "snapshots.generate: a custom period needs from and to"},
      {"alerts.evaluate", R"({"to": "2024-01-01"})", "alerts.evaluate: from and to go together"},
      {"alerts.addRule", R"({"name": "x", "category": "speed", "metric": "m", "operator": "gt", "threshold": 1})",
       "alerts.addRule: param \"category\" "},
      {"alerts.addRule", R"({"name": "x", "category": "velocity", "metric": "commits_count", "operator": "gt"})",
       "alerts.addRule: param \"threshold\" is required"},
      {"alerts.acknowledge", R"({"id": "1"})", "alerts.acknowledge: param \"id\" must be an integer, got a string"},
      {"alerts.list", R"({"status": "sleeping"})", "alerts.list: param \"status\" "},
      {"teams.addMembers", R"({"team": "x", "developers": ["analima"], "role": "boss"})",
       "teams.addMembers: param \"role\" must be \"member\" or \"lead\""},
      {"settings.set", R"({"workingHours": {"startHour": 24}})",
       "settings.set: param \"workingHours.startHour\" must be an integer in 0..23"},
      {"settings.set", R"({"workingHours": {"start": 9}})", "settings.set: param \"workingHours.start\" is not known"},
      {"settings.set", R"({"healthWeights": 1})", "settings.set: param \"healthWeights\" must be an object or null"},
      {"settings.set", R"({"holidays": ["2024-02-30"]})", "settings.set: param \"holidays\" must hold dates"},
      {"schedules.set", R"({"developer": "analima", "workingDays": ["funday"]})", "schedules.set: param \"workingDays\" "},
      {"sync.putState", R"({"key": "a"})", "sync.putState: param \"value\" is required"},
      {"sync.getState", "[1]", "sync.getState: params must be a JSON object, got an array"},
      {"sync.getState", "{\"key\":", "sync.getState: params are not valid JSON"},
  };
  for (const Case& c : cases) {
    INFO(c.method << " " << c.params);
    const Status status = call.Error(c.method, c.params);
    CHECK(status.code() == StatusCode::kInvalidInput);
    CHECK_THAT(status.message(), Catch::StartsWith(c.message));
  }
  // The operation's own errors keep their code.
  CHECK(call.Error("insights.developer", R"({"developer": "nobody-at-all"})").code() == StatusCode::kNotFound);
  CHECK(call.Error("insights.team", R"({"team": "platform"})").code() == StatusCode::kNotFound);
  CHECK(call.Error("teams.delete", R"({"name": "platform"})").code() == StatusCode::kNotFound);
  CHECK(DispatchMethods().size() == 83);
}

TEST_CASE("Dispatch: a failed call or import leaves the session unchanged", "[api][dispatch]") {
  auto session = testing::DemoSession();
  Caller call{*session, {At("2024-04-03T12:00:00Z"), {}}};
  call.Ok("teams.create", R"({"name": "core"})");
  call.Ok("alerts.seedTemplates");
  const std::string bundle = session->ExportBundle();
  const std::string teams = call.Ok("teams.list");
  const std::string settings = call.Ok("settings.get");
  const std::string rules = call.Ok("alerts.rules", R"({"all": true})");
  const auto state = [&] {
    return session->ExportBundle() + call.Ok("teams.list") + call.Ok("settings.get") +
           call.Ok("alerts.rules", R"({"all": true})") + call.Ok("workspace.describe");
  };
  const std::string before = state();

  // All-or-nothing: one unknown developer adds nobody.
  CHECK(call.Error("teams.addMembers", R"({"team": "core", "developers": ["analima", "ghost"]})").code() ==
        StatusCode::kNotFound);
  // A bad value in the middle of the params: nothing of the call applies.
  CHECK(call.Error("settings.set", R"({"bottleneckMultiplier": 3, "workingHours": {"timezone": "Mars/Olympus"}})")
            .code() == StatusCode::kNotFound);
  CHECK(call.Error("settings.set", R"({"bottleneckMultiplier": 3, "snapshotFrequency": "hourly"})").code() ==
        StatusCode::kInvalidInput);
  CHECK(call.Error("alerts.addRule", R"({"name": "Burnout Risk - High Weekend Activity", "category": "velocity",
                                          "metric": "commits_count", "operator": "gt", "threshold": 1})")
            .code() != StatusCode::kOk);
  CHECK(call.Error("identities.merge", R"({"a": "login:analima", "b": "login:ghost"})").code() == StatusCode::kNotFound);
  CHECK(call.Error("alerts.updateRule", R"({"id": 99, "threshold": 1})").code() == StatusCode::kNotFound);
  // A cancelled generation stores nothing.
  CallContext cancelling = call.context;
  cancelling.progress = [](const Progress&) { return false; };
  auto cancelled = Dispatch(*session, "snapshots.generate", R"({"period": "weekly", "from": "2024-01-01", "to": "2024-03-31"})",
                            cancelling);
  REQUIRE_FALSE(cancelled.ok());
  CHECK(cancelled.status().code() == StatusCode::kCancelled);
  CHECK(call.Ok("snapshots.status") == "[]");
  // A broken import (its second record has a bad date) adds nothing, not even its first record.
  const std::string broken =
      "\x1e" + std::string(40, 'a') + "\x1f\x1fNew Person\x1fnew@x.org\x1f" "2024-01-08T10:00:00+01:00\x1fNew Person\x1f"
      "new@x.org\x1f" "2024-01-08T10:00:00+01:00\x1fmain\x1f\x1f" "feat: a\x1f\n\n3\t1\tsrc/a.rs\n" +
      "\x1e" + std::string(40, 'b') + "\x1f\x1fNew Person\x1fnew@x.org\x1f" "2024-13-08T10:00:00+01:00\x1fNew Person\x1f"
      "new@x.org\x1f" "2024-13-08T10:00:00+01:00\x1fmain\x1f\x1f" "feat: b\x1f\n\n3\t1\tsrc/a.rs\n";
  ingest::ImportOptions options;
  options.source_name = "broken.gitlog";
  options.repo = "acme/rocket";
  auto imported = session->Import(ingest::InputBuffer::Copy(broken), options);
  REQUIRE_FALSE(imported.ok());
  CHECK(imported.status().location().file == "broken.gitlog");

  CHECK(state() == before);
  CHECK(session->ExportBundle() == bundle);
  CHECK(call.Ok("teams.list") == teams);
  CHECK(call.Ok("settings.get") == settings);
  CHECK(call.Ok("alerts.rules", R"({"all": true})") == rules);
}

TEST_CASE("Dispatch: sync state is kept by key in an in-memory session", "[api][dispatch][sync]") {
  auto session = Session::InMemory();
  Caller call{*session, {At("2024-04-03T12:00:00Z"), {}}};
  CHECK(call.Ok("sync.getState", R"({"key": "github:acme/rocket"})") == R"({"key":"github:acme/rocket","value":null})");
  CHECK(call.Ok("sync.putState", R"({"key": "github:acme/rocket", "value": {"etag": "W/\"abc\"", "page": 3,
                                     "since": null, "repos": ["a", "b"]}})") == "{}");
  CHECK(call.Ok("sync.getState", R"({"key": "github:acme/rocket"})") ==
        R"({"key":"github:acme/rocket","value":{"etag":"W/\"abc\"","page":3,"since":null,"repos":["a","b"]}})");
  CHECK(session->GetSyncState("github:acme/rocket") == R"({"etag":"W/\"abc\"","page":3,"since":null,"repos":["a","b"]})");
  CHECK(session->sync_state().at("github:acme/rocket").updated_at == At("2024-04-03T12:00:00Z"));
  call.Ok("sync.putState", R"({"key": "cursor", "value": "2024-01-01T00:00:00Z"})");
  call.Ok("sync.putState", R"({"key": "count", "value": 12.5})");
  CHECK(call.Ok("sync.getState", R"({"key": "cursor"})") == R"({"key":"cursor","value":"2024-01-01T00:00:00Z"})");
  CHECK(call.Ok("sync.getState", R"({"key": "count"})") == R"({"key":"count","value":12.5})");
  // null removes the key.
  call.Ok("sync.putState", R"({"key": "cursor", "value": null})");
  CHECK(call.Ok("sync.getState", R"({"key": "cursor"})") == R"({"key":"cursor","value":null})");
  CHECK(session->sync_state().size() == 2);
  // Bad keys and values.
  CHECK(call.Error("sync.putState", R"({"key": "", "value": 1})").code() == StatusCode::kInvalidInput);
  CHECK(call.Error("sync.putState", R"({"key": 3, "value": 1})").code() == StatusCode::kInvalidInput);
  CHECK(session->PutSyncState("k", "{not json", 0).code() == StatusCode::kInvalidInput);
  CHECK(session->PutSyncState(std::string(201, 'k'), "1", 0).code() == StatusCode::kInvalidInput);
  CHECK(session->sync_state().size() == 2);
}

TEST_CASE("Window options: the three policies read from to and period the same way for CLI and Dispatch", "[api][window]") {
  const Instant now = At("2024-03-06T12:00:00Z");  // a Wednesday
  WindowOptions none;
  auto insights = ResolveWindow(none, WindowPolicy::kInsights, now, *TimeZone::Find("Asia/Tokyo"));
  REQUIRE(insights.ok());
  CHECK(insights->period_type == PeriodType::kWeekly);
  CHECK(insights->window == Window{At("2024-02-25T15:00:00Z"), At("2024-03-03T15:00:00Z")});  // Tokyo's weeks
  auto alerts = ResolveWindow({std::nullopt, std::nullopt, "monthly", ""}, WindowPolicy::kAlerts, now);
  REQUIRE(alerts.ok());
  CHECK(alerts->window == Window{At("2024-02-01T00:00:00Z"), At("2024-03-01T00:00:00Z")});
  auto custom = ResolveWindow({"2024-01-01", "2024-01-31", std::nullopt, ""}, WindowPolicy::kInsights, now);
  REQUIRE(custom.ok());
  CHECK(custom->period_type == PeriodType::kCustom);
  CHECK(custom->window == Window{At("2024-01-01T00:00:00Z"), At("2024-02-01T00:00:00Z")});  // --to includes the day
  auto open_ended = ResolveWindow({"2024-03-01T09:00:00+01:00", std::nullopt, std::nullopt, ""}, WindowPolicy::kSnapshots, now);
  REQUIRE(open_ended.ok());
  CHECK(open_ended->window == Window{At("2024-03-01T08:00:00Z"), now});
  auto reversed = ResolveWindow({"2024-02-01", "2024-01-01", std::nullopt, "--"}, WindowPolicy::kInsights, now);
  CHECK(reversed.status().message() == "--from must be before --to");
  auto custom_insights = ResolveWindow({std::nullopt, std::nullopt, "custom", "--"}, WindowPolicy::kInsights, now);
  CHECK(custom_insights.status().message() == "--period must be daily, weekly, biweekly or monthly");
  CHECK(ProfileOrDefault(std::nullopt).value() == metrics::MetricProfile::kLoupe);
  CHECK(ProfileOrDefault("aexy-compat").value() == metrics::MetricProfile::kAexyCompat);
}

}  // namespace
}  // namespace loupe::api
