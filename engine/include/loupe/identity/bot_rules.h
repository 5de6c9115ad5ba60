// loupe/identity/bot_rules.h — which identities are automation, by editable rules.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "loupe/model/identity.h"
#include "loupe/model/identity_rules.h"

namespace loupe::identity {

//! The rules a new workspace starts with: GitHub App accounts (`*[bot]` logins, names and
//! noreply e-mails), well-known bots that predate Apps, and GitHub's web-flow committer.
//! Users edit them (`loupe identities bots …`); resolution applies them retroactively.
std::vector<model::BotRule> DefaultBotRules();

//! The rule that classifies an identity, or nullptr: a human exception (is_bot = false) that
//! matches wins over any bot rule. Patterns are matched against the key, the spelling and every
//! name of the identity.
const model::BotRule* MatchBotRule(const std::vector<model::BotRule>& rules,
                                   const model::Identity& identity);

}  // namespace loupe::identity
