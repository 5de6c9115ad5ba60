#include "fuzz_common.h"

#include <cstdio>
#include <cstdlib>

#include "loupe/ingest/bundle.h"
#include "loupe/ingest/importer.h"

namespace loupe::fuzz {

namespace {
[[noreturn]] void Violated(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz property violated: %s\n%s\n", what, detail.c_str());
  std::abort();
}

Result<model::Workspace> Parse(std::string_view bytes, ingest::Format format) {
  ingest::ImportOptions options;
  options.source_name = "fuzz-input";
  options.format = format;
  options.repo = "fuzz/repo";
  model::Workspace batch;
  auto stats = ingest::ParseInto(ingest::InputBuffer::Copy(bytes), options, batch);
  if (!stats.ok()) return std::move(stats).TakeStatus();
  return batch;
}
}  // namespace

void CheckImporter(ingest::Format format, const uint8_t* data, size_t size) {
  auto batch = Parse({reinterpret_cast<const char*>(data), size}, format);
  if (!batch.ok()) {
    if (batch.status().location().file != "fuzz-input") Violated("error without the file", batch.status().ToString());
    return;
  }
  model::Workspace ws;
  ws.Apply(ws.Plan(*batch));
  const std::string bundle = ingest::WriteBundle(ws);
  auto again = Parse(bundle, ingest::Format::kBundle);
  if (!again.ok()) Violated("own bundle rejected", again.status().ToString());
  model::Workspace restored;
  restored.Apply(restored.Plan(*again));
  if (ingest::WriteBundle(restored) != bundle) Violated("bundle round trip differs", bundle.substr(0, 2000));
}

}  // namespace loupe::fuzz
