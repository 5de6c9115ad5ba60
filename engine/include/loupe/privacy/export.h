// loupe/privacy/export.h — everything stored about one developer, as one JSON document.
#pragma once
#include <cstdint>
#include <string>

#include "loupe/core/time.h"
#include "loupe/privacy/erase.h"

namespace loupe::privacy {

//! The developer's data (docs/privacy.md lists the keys): who they are (identities and their
//! names), what they did (commits with their files, pull requests, reviews, comments), where
//! others' rows name them (co-authored and committed commits, PRs they merged or were asked to
//! review), the settings about them (working schedule, team memberships, rules naming them,
//! alert rules scoped to them), their snapshots and their alert history — newest first where the
//! seed orders (snapshots, alerts). Keys the seed's export has keep its names (developer_id,
//! exported_at, snapshots, working_schedule, alert_history). `developer` indexes view.resolution.
std::string ExportDeveloper(const WorkspaceView& view, uint32_t developer, Instant exported_at);

}  // namespace loupe::privacy
