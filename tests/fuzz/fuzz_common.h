// tests/fuzz/fuzz_common.h — the property every importer fuzz target checks.
#pragma once
#include <cstddef>
#include <cstdint>

#include "loupe/ingest/format.h"

namespace loupe::fuzz {

//! Parses `data` as `format`. Rejection is fine (it must be a Status, never a crash, and name the
//! file); acceptance must survive the round trip: the batch, planned into an empty workspace and
//! written as a bundle, re-imports to the same bundle bytes. Aborts when a property fails.
void CheckImporter(ingest::Format format, const uint8_t* data, size_t size);

}  // namespace loupe::fuzz
