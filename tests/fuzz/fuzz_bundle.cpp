// libFuzzer target: the bundle importer (see fuzz_common.h for the properties checked).
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  loupe::fuzz::CheckImporter(loupe::ingest::Format::kBundle, data, size);
  return 0;
}
