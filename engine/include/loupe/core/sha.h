// loupe/core/sha.h — a git object id kept as 20 raw bytes (half the size of its hex text).
#pragma once
#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>

namespace loupe {

struct Sha {
  std::array<uint8_t, 20> bytes{};

  bool empty() const {
    for (uint8_t b : bytes) {
      if (b != 0) return false;
    }
    return true;
  }
  //! 40 lower-case hex digits ("" for the empty sha).
  std::string Hex() const;
  //! The first `n` hex digits, as git abbreviates.
  std::string Short(size_t n = 7) const { return Hex().substr(0, n); }

  //! Parses exactly 40 hex digits (either case); false otherwise.
  static bool Parse(std::string_view hex, Sha& out);

  friend bool operator==(const Sha& a, const Sha& b) { return a.bytes == b.bytes; }
  friend bool operator<(const Sha& a, const Sha& b) { return a.bytes < b.bytes; }
};

struct ShaHash {
  size_t operator()(const Sha& s) const {
    // A sha is already uniformly distributed: its first bytes are a good hash.
    size_t h;
    std::memcpy(&h, s.bytes.data(), sizeof h);
    return h;
  }
};

}  // namespace loupe
