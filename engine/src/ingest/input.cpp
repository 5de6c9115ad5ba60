#include "loupe/ingest/input.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace loupe::ingest {

InputBuffer InputBuffer::Allocate(size_t size) {
  InputBuffer b;
  b.data_.reset(new char[size + kInputPadding]);  // uninitialised on purpose: the caller fills it
  std::memset(b.data_.get() + size, 0, kInputPadding);
  b.size_ = size;
  return b;
}

InputBuffer InputBuffer::Copy(std::string_view bytes) {
  InputBuffer b = Allocate(bytes.size());
  if (!bytes.empty()) std::memcpy(b.data_.get(), bytes.data(), bytes.size());
  return b;
}

Result<InputBuffer> InputBuffer::ReadFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    return Status(errno == ENOENT ? StatusCode::kNotFound : StatusCode::kIoError,
                  "cannot open: " + std::string(std::strerror(errno)))
        .WithFile(path);
  }
  std::string error;
  InputBuffer b;
  if (std::fseek(f, 0, SEEK_END) != 0) {
    error = std::strerror(errno);
  } else {
    const long size = std::ftell(f);
    if (size < 0 || std::fseek(f, 0, SEEK_SET) != 0) {
      error = "not a regular file";
    } else {
      b = Allocate(static_cast<size_t>(size));
      if (size > 0 && std::fread(b.mutable_data(), 1, b.size(), f) != b.size()) {
        error = std::ferror(f) ? std::strerror(errno) : "file shrank while it was read";
      }
    }
  }
  std::fclose(f);
  if (!error.empty()) return IoError("cannot read: " + error).WithFile(path);
  return b;
}

}  // namespace loupe::ingest
