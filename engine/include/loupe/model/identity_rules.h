// loupe/model/identity_rules.h — the user's editable rules that shape developers and bots.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace loupe::model {

//! "These two identities are one person." Identities are named by Ref() ("email:…", "login:…").
struct MergeRule {
  std::string a;
  std::string b;
  friend bool operator==(const MergeRule&, const MergeRule&) = default;
};

//! "This identity is a person of its own": no automatic rule may attach it to anyone else.
struct SplitRule {
  std::string identity;
  friend bool operator==(const SplitRule&, const SplitRule&) = default;
};

//! One `.mailmap` line: commits by (commit_name?, commit_email) belong to proper_name/email.
struct MailmapEntry {
  std::string proper_name;   //!< may be empty (line only fixes the e-mail)
  std::string proper_email;  //!< may be empty (line only fixes the name)
  std::string commit_name;   //!< may be empty: match on e-mail alone
  std::string commit_email;
  friend bool operator==(const MailmapEntry&, const MailmapEntry&) = default;
};

//! A bot rule: a case-insensitive glob over logins, e-mails and names (`*[bot]`,
//! `dependabot*`, `*-ci@*`). `is_bot = false` makes an exception that wins over bot rules.
struct BotRule {
  std::string pattern;
  bool is_bot = true;
  std::string note;  //!< why the rule exists, shown in `identities bots list`
  friend bool operator==(const BotRule&, const BotRule&) = default;
};

//! Everything the user decided about identities; applied on every resolution (retroactively).
struct IdentityRules {
  std::vector<MergeRule> merges;  //!< in the order given: a later split undoes earlier merges
  std::vector<SplitRule> splits;
  std::vector<MailmapEntry> mailmap;
  std::vector<BotRule> bot_rules;  //!< initialised with the defaults of identity/bot_rules.h
  friend bool operator==(const IdentityRules&, const IdentityRules&) = default;
};

}  // namespace loupe::model
