// GE S/5 framing: checksum, byte stuffing and the incremental deframer.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "vigil/protocols/ge_s5.hpp"

namespace vigil::protocols {

namespace ge_s5 {

std::uint8_t checksum(std::span<const std::uint8_t> record) {
  unsigned sum = 0;
  for (const std::uint8_t b : record) sum += b;
  return static_cast<std::uint8_t>(sum & 0xFF);
}

namespace {
void append_stuffed(std::uint8_t b, std::vector<std::uint8_t>& out) {
  if (b == kFlag || b == kEscape) {
    out.push_back(kEscape);
    out.push_back(static_cast<std::uint8_t>(b ^ kEscapeXor));
  } else {
    out.push_back(b);
  }
}
}  // namespace

void append_frame(std::span<const std::uint8_t> record, std::vector<std::uint8_t>& out) {
  out.push_back(kFlag);
  for (const std::uint8_t b : record) append_stuffed(b, out);
  append_stuffed(checksum(record), out);  // the spec stuffs the checksum too
  out.push_back(kFlag);
}

}  // namespace ge_s5

// The per-byte loop works on locals so that stores into buf_ (uint8_t, which may alias
// anything) do not force the state back to memory on every byte.
void GeS5Deframer::feed(std::span<const std::uint8_t> bytes, DecoderCounters& counters,
                        Handler& handler) {
  constexpr std::size_t kCapacity = ge_s5::kMaxRecordBytes + 1;
  std::size_t len = len_;
  std::size_t raw = raw_len_;
  bool in_frame = in_frame_;
  bool escaped = escaped_;
  std::uint64_t discarded = 0;
  std::uint8_t* const buf = buf_.data();

  const std::uint8_t* p = bytes.data();
  const std::uint8_t* const end = p + bytes.size();
  while (p != end) {
    std::uint8_t b = *p++;
    if (b == ge_s5::kFlag) {
      if (in_frame && raw != 0) {
        len_ = len;
        raw_len_ = raw;
        escaped_ = escaped;
        counters.bytes_discarded += discarded;
        discarded = 0;
        close_frame(counters, handler);
        len = raw = 0;
        escaped = false;
      }
      in_frame = true;  // a closing flag also opens the next frame
      continue;
    }
    if (!in_frame) {
      ++discarded;
      continue;
    }
    ++raw;
    if (escaped) {
      b ^= ge_s5::kEscapeXor;
      escaped = false;
    } else if (b == ge_s5::kEscape) {
      escaped = true;
      continue;
    }
    if (len == kCapacity) {
      // Over-long: drop what we have and hunt for the next flag.
      discarded += raw;
      ++oversize_frames_;
      in_frame = false;
      len = raw = 0;
      continue;
    }
    buf[len++] = b;
  }
  len_ = len;
  raw_len_ = raw;
  in_frame_ = in_frame;
  escaped_ = escaped;
  counters.bytes_discarded += discarded;
}

void GeS5Deframer::close_frame(DecoderCounters& counters, Handler& handler) {
  const std::size_t len = len_;
  const std::size_t raw = raw_len_;
  const bool dangling_escape = escaped_;
  len_ = raw_len_ = 0;
  escaped_ = false;
  // Too short for a header + checksum, or "7D 7E" (an aborted frame): not a record.
  if (dangling_escape || len < ge_s5::kHeaderBytes + 1) {
    counters.bytes_discarded += raw;
    return;
  }
  const std::span<const std::uint8_t> record(buf_.data(), len - 1);
  if (ge_s5::checksum(record) != buf_[len - 1]) {
    ++counters.checksum_errors;
    counters.bytes_discarded += raw;
    return;
  }
  if (!handler.on_record(record)) counters.bytes_discarded += raw;
}

}  // namespace vigil::protocols
