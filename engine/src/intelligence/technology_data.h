// intelligence/technology_data.h (internal) — the built-in version table's text.
#pragma once
#include <string_view>

namespace loupe::intelligence::internal {

//! engine/data/technologies.tsv as it was when the engine was built (cmake/technologies.cmake).
std::string_view BuiltInTechnologyTable();

}  // namespace loupe::intelligence::internal
