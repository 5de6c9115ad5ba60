// libFuzzer target: the gharchive importer (see fuzz_common.h for the properties checked).
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  loupe::fuzz::CheckImporter(loupe::ingest::Format::kGhArchive, data, size);
  return 0;
}
