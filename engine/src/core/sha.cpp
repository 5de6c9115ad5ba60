#include "loupe/core/sha.h"

namespace loupe {

std::string Sha::Hex() const {
  if (empty()) return "";
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(40, '0');
  for (size_t i = 0; i < 20; ++i) {
    out[2 * i] = kHex[bytes[i] >> 4];
    out[2 * i + 1] = kHex[bytes[i] & 15];
  }
  return out;
}

static int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool Sha::Parse(std::string_view hex, Sha& out) {
  if (hex.size() != 40) return false;
  Sha parsed;
  for (size_t i = 0; i < 20; ++i) {
    const int hi = HexValue(hex[2 * i]);
    const int lo = HexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    parsed.bytes[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  out = parsed;
  return true;
}

}  // namespace loupe
