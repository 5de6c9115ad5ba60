#include "loupe/identity/bot_rules.h"

#include "loupe/core/strings.h"

namespace loupe::identity {

std::vector<model::BotRule> DefaultBotRules() {
  return {
      {"*[bot]", true, "GitHub App accounts (logins and git author names)"},
      {"*[bot]@*", true, "GitHub App noreply e-mails"},
      {"noreply@github.com", true, "GitHub's web-flow committer of web and squash merges"},
      {"dependabot-preview", true, "Dependabot before it became an App"},
      {"renovate-bot", true, "Renovate's classic account"},
      {"greenkeeperio-bot", true, "Greenkeeper"},
      {"snyk-bot", true, "Snyk"},
      {"imgbot", true, "Imgbot"},
      {"pre-commit-ci", true, "pre-commit.ci"},
      {"allcontributors", true, "All Contributors"},
      {"codecov-io", true, "Codecov's classic account"},
      {"web-flow", true, "GitHub's web-flow account"},
  };
}

static bool Matches(const model::BotRule& rule, const model::Identity& identity) {
  if (GlobMatchIgnoreCase(rule.pattern, identity.key)) return true;
  for (const std::string& name : identity.names) {
    if (GlobMatchIgnoreCase(rule.pattern, name)) return true;
  }
  return false;
}

const model::BotRule* MatchBotRule(const std::vector<model::BotRule>& rules,
                                   const model::Identity& identity) {
  const model::BotRule* bot = nullptr;
  for (const model::BotRule& rule : rules) {
    if (!Matches(rule, identity)) continue;
    if (!rule.is_bot) return &rule;
    if (bot == nullptr) bot = &rule;
  }
  return bot;
}

}  // namespace loupe::identity
