#include "loupe/identity/resolver.h"

#include <catch2/catch.hpp>

#include "loupe/identity/bot_rules.h"
#include "loupe/identity/mailmap.h"
#include "loupe/identity/suggestions.h"

namespace loupe::identity {
namespace {

using model::IdentityId;
using model::Workspace;

// One commit per identity so usage counts are defined.
void Commit(Workspace& ws, IdentityId author, char sha_char) {
  model::Commit c;
  REQUIRE(Sha::Parse(std::string(40, sha_char), c.sha));
  c.repo = ws.InternRepo("acme/rocket");
  c.author = author;
  ws.UpsertCommit(c);
}

TEST_CASE("Resolver: data links, noreply e-mails and logins make one developer", "[identity][resolver]") {
  // ana@corp.com is linked to login "ana" by a REST commit; 1234+ana@users.noreply.github.com
  // names login "ana" too: three identities, one developer, id = smallest identity id (0).
  Workspace ws;
  const IdentityId corp = ws.InternEmail("ana@corp.com", "Ana Lima");
  const IdentityId login = ws.InternLogin("ana", 1234, "");
  const IdentityId noreply = ws.InternEmail("1234+ana@users.noreply.github.com", "Ana");
  const IdentityId bob = ws.InternEmail("bob@corp.com", "Bob");
  ws.AddLink(corp, login);
  Commit(ws, corp, '1');
  Commit(ws, corp, '2');
  Commit(ws, noreply, '3');
  Commit(ws, bob, '4');

  Resolution r = Resolve(ws);
  REQUIRE(r.developers().size() == 2);
  const Developer& ana = *r.DeveloperOf(noreply);
  CHECK(ana.id == corp);
  CHECK(ana.identities == std::vector<IdentityId>{corp, login, noreply});
  CHECK(ana.name == "Ana Lima");       // the most used e-mail's first name
  CHECK(ana.email == "ana@corp.com");  // used twice, the noreply address once
  CHECK(ana.login == "ana");
  CHECK(r.DeveloperOf(bob)->id == bob);
  CHECK(LoginFromNoreplyEmail("octocat@users.noreply.github.com") == "octocat");
  CHECK(LoginFromNoreplyEmail("ana@example.com").empty());
}

TEST_CASE("Resolver: .mailmap joins e-mails and names the person", "[identity][resolver]") {
  // Both old addresses map to ana@new.com; the name-qualified line applies only to an identity
  // seen with the name "A. Lima" — "Ana L." at old2 is mapped by the unqualified line instead.
  Workspace ws;
  const IdentityId old1 = ws.InternEmail("ana@old.com", "A. Lima");
  const IdentityId old2 = ws.InternEmail("ana@old2.com", "Ana L.");
  const IdentityId other = ws.InternEmail("carl@old.com", "Carl");
  auto entries = ParseMailmap(
      "# team mailmap\n"
      "Ana Lima <ana@new.com> A. Lima <ana@old.com>\n"
      "<ana@new.com> <ana@old2.com>   # second address\n"
      "Carl Jung <carl@old.com>\n");
  REQUIRE(entries.ok());
  REQUIRE(entries->size() == 3);
  ws.mutable_rules().mailmap = *entries;
  Resolution r = Resolve(ws);
  CHECK(r.IndexOf(old1) == r.IndexOf(old2));
  CHECK(r.DeveloperOf(old1)->name == "Ana Lima");
  CHECK(r.DeveloperOf(old1)->email == "ana@new.com");
  CHECK(r.DeveloperOf(other)->name == "Carl Jung");  // name-only line
  CHECK(r.IndexOf(other) != r.IndexOf(old1));
  CHECK(FormatMailmap(*entries) ==
        "Ana Lima <ana@new.com> A. Lima <ana@old.com>\n<ana@new.com> <ana@old2.com>\nCarl Jung <carl@old.com>\n");
}

TEST_CASE("Resolver: malformed .mailmap lines are rejected with their line", "[identity][mailmap]") {
  auto bad = ParseMailmap("Ana <ana@x.com>\nBroken <unclosed\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().location().record == "line 2");
  CHECK_FALSE(ParseMailmap("<a@x> <b@x> <c@x>").ok());
  // Found by fuzz_mailmap: these would not survive being written back.
  CHECK_FALSE(ParseMailmap(std::string("A\0 <a@x>", 8)).ok());
  CHECK_FALSE(ParseMailmap("Ana <> Bob <b@x>").ok());
  CHECK_FALSE(ParseMailmap("Ana <a@x<y@z> <b@x>").ok());     // '<' inside an address
  CHECK_FALSE(ParseMailmap("Ana <a@x>#Bob <b@x>").ok());     // "#Bob" would become a comment
  CHECK(ParseMailmap("Ana#1 <a@x>")->front().proper_name == "Ana#1");  // '#' inside a word is text
  CHECK(ParseMailmap("\n   \n# only comments\n")->empty());
}

TEST_CASE("Resolver: explicit merges join, splits detach from automatic evidence", "[identity][resolver]") {
  // ana@corp.com and login ana are linked by data; the user splits the login off, then merges
  // ana@corp.com with ana@home.org by hand.
  Workspace ws;
  const IdentityId corp = ws.InternEmail("ana@corp.com", "Ana");
  const IdentityId login = ws.InternLogin("ana", 0, "");
  const IdentityId home = ws.InternEmail("ana@home.org", "Ana");
  ws.AddLink(corp, login);
  ws.mutable_rules().splits.push_back({"login:ana"});
  ws.mutable_rules().merges.push_back({"email:ana@corp.com", "email:ana@home.org"});
  Resolution r = Resolve(ws);
  CHECK(r.developers().size() == 2);
  CHECK(r.IndexOf(corp) == r.IndexOf(home));
  CHECK(r.IndexOf(login) != r.IndexOf(corp));
  // An explicit merge still applies to a split identity (the user asked for it).
  ws.mutable_rules().merges.push_back({"login:ana", "email:ana@home.org"});
  CHECK(Resolve(ws).developers().size() == 1);
}

TEST_CASE("Resolver: bot rules apply retroactively, human exceptions win", "[identity][bots]") {
  Workspace ws;
  ws.mutable_rules().bot_rules = DefaultBotRules();
  const IdentityId dependabot = ws.InternEmail("49699333+dependabot[bot]@users.noreply.github.com", "dependabot[bot]");
  const IdentityId subotac = ws.InternEmail("subotac@users.noreply.github.com", "subotac");
  const IdentityId ci = ws.InternEmail("ci@acme.com", "Acme CI");
  Resolution before = Resolve(ws);
  CHECK(before.DeveloperOf(dependabot)->is_bot);
  CHECK(before.DeveloperOf(dependabot)->bot_rule == "*[bot]");
  CHECK_FALSE(before.DeveloperOf(subotac)->is_bot);  // "bot" inside a human login is no signal
  CHECK_FALSE(before.DeveloperOf(ci)->is_bot);
  // A new rule marks the CI account without re-importing; an exception un-marks dependabot.
  ws.mutable_rules().bot_rules.push_back({"ci@*", true, "our CI"});
  ws.mutable_rules().bot_rules.push_back({"dependabot*", false, "we count it as a person"});
  Resolution after = Resolve(ws);
  CHECK(after.DeveloperOf(ci)->is_bot);
  CHECK_FALSE(after.DeveloperOf(dependabot)->is_bot);
  const model::BotRule* rule = MatchBotRule(ws.rules().bot_rules, ws.identities()[ci]);
  REQUIRE(rule != nullptr);
  CHECK(rule->note == "our CI");
}

TEST_CASE("Resolver: lookup by id, e-mail, login and name", "[identity][resolver]") {
  Workspace ws;
  const IdentityId ana = ws.InternEmail("ana@corp.com", "Ana Lima");
  ws.InternEmail("ana2@corp.com", "Ana Lima");
  const IdentityId bob = ws.InternLogin("bobby", 7, "Bob");
  Resolution r = Resolve(ws);
  CHECK(*r.Lookup(ws, "0") == r.IndexOf(ana));
  CHECK(*r.Lookup(ws, "ANA@corp.com") == r.IndexOf(ana));
  CHECK(*r.Lookup(ws, "login:bobby") == r.IndexOf(bob));
  CHECK(*r.Lookup(ws, "bob") == r.IndexOf(bob));  // a name seen with the login, any case
  auto ambiguous = r.Lookup(ws, "Ana Lima");     // two developers carry the name
  REQUIRE_FALSE(ambiguous.ok());
  CHECK_THAT(ambiguous.status().message(), Catch::Contains("ids 0, 1"));
  CHECK(r.Lookup(ws, "nobody").status().code() == StatusCode::kNotFound);
  CHECK(r.Lookup(ws, "99").status().code() == StatusCode::kNotFound);
}

TEST_CASE("Suggestions: names and e-mail users propose merges with a confidence", "[identity][suggest]") {
  // "Ana Lima" at two addresses (0.85), login "bsmith" and e-mail bsmith@corp.com (0.7), and a
  // bot with a shared name that must never be suggested.
  Workspace ws;
  ws.mutable_rules().bot_rules = DefaultBotRules();
  ws.InternEmail("ana@corp.com", "Ana Lima");
  ws.InternEmail("a.lima@home.org", "ana  lima");
  ws.InternLogin("bsmith", 5, "");
  ws.InternEmail("bsmith@corp.com", "Bob Smith");
  ws.InternEmail("x@y.com", "renovate[bot]");
  ws.InternLogin("renovate[bot]", 6, "renovate[bot]");
  Resolution r = Resolve(ws);
  auto s = SuggestMerges(ws, r);
  REQUIRE(s.size() == 2);
  CHECK(s[0].confidence == Approx(0.85));
  CHECK(r.developers()[s[0].a].id == 0);
  CHECK(r.developers()[s[0].b].id == 1);
  CHECK(s[1].confidence == Approx(0.7));
  CHECK_THAT(s[1].reason, Catch::Contains("bsmith"));
}

}  // namespace
}  // namespace loupe::identity
