// loupe/ingest/input.h — the bytes of one input, padded for simdjson and read without copies.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "loupe/core/status.h"

namespace loupe::ingest {

//! Zero bytes kept readable after the data: simdjson reads up to 64 bytes past the end.
inline constexpr size_t kInputPadding = 64;

//! A view of bytes that stay readable up to `capacity` (>= size + kInputPadding) from `data`.
struct PaddedView {
  const char* data = nullptr;
  size_t size = 0;
  size_t capacity = 0;
  std::string_view view() const { return {data, size}; }
  //! The bytes from `offset` on, still padded (the padding lies after the end of the whole).
  PaddedView Suffix(size_t offset) const { return {data + offset, size - offset, capacity - offset}; }
};

//! An immutable byte buffer with kInputPadding zero bytes after its end. Files are read straight
//! into it natively; in the browser the JS side writes a File's bytes into Allocate()'s buffer.
class InputBuffer {
 public:
  InputBuffer() = default;
  static InputBuffer Copy(std::string_view bytes);
  //! Uninitialised data of `size` bytes (padding zeroed), for a caller to fill via mutable_data().
  static InputBuffer Allocate(size_t size);
  static Result<InputBuffer> ReadFile(const std::string& path);

  const char* data() const { return data_.get(); }
  char* mutable_data() { return data_.get(); }
  size_t size() const { return size_; }
  //! size() + kInputPadding: how far a parser may read.
  size_t capacity() const { return size_ + kInputPadding; }
  std::string_view view() const { return {data_.get(), size_}; }
  PaddedView padded() const { return {data_.get(), size_, size_ + kInputPadding}; }

 private:
  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
};

}  // namespace loupe::ingest
