// libFuzzer target: the .mailmap reader. Accepted input must format and re-parse to the same
// entries.
#include <cstdio>
#include <cstdlib>

#include "loupe/identity/mailmap.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto entries = loupe::identity::ParseMailmap({reinterpret_cast<const char*>(data), size});
  if (!entries.ok()) return 0;
  auto again = loupe::identity::ParseMailmap(loupe::identity::FormatMailmap(*entries));
  if (!again.ok() || *again != *entries) {
    std::fprintf(stderr, "mailmap round trip differs\n");
    std::abort();
  }
  return 0;
}
