// The parts every libFuzzer target shares: the failure check, splitting the input into the
// chunk-size byte and the stream, and feeding one stream whole and in chunks so that a target
// can require both runs to agree.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

namespace vigil::fuzz {

// A broken property: abort, so libFuzzer records the input.
inline void require(bool ok) {
  if (!ok) std::abort();
}

// Byte 0 of a (non-empty) fuzz input picks the chunk size, 1..max_chunk; the rest is the stream.
inline std::size_t chunk_size(const std::uint8_t* data, std::size_t max_chunk) {
  return 1 + data[0] % max_chunk;
}
inline std::span<const std::uint8_t> stream_of(const std::uint8_t* data, std::size_t size) {
  return {data + 1, size - 1};
}

// Calls part_fn(part) for consecutive parts of `bytes`, each `chunk` long but the last.
template <typename PartFn>
void for_each_chunk(std::span<const std::uint8_t> bytes, std::size_t chunk, PartFn part_fn) {
  for (std::size_t pos = 0; pos < bytes.size(); pos += chunk) {
    part_fn(bytes.subspan(pos, std::min(chunk, bytes.size() - pos)));
  }
}

// Feeds `bytes` to `chunked` in parts of `chunk` bytes and to `whole` at once.
template <typename Decoder, typename Sink>
void feed_chunked_and_whole(std::span<const std::uint8_t> bytes, std::size_t chunk,
                            Decoder& chunked, Sink& chunked_sink, Decoder& whole,
                            Sink& whole_sink) {
  for_each_chunk(bytes, chunk, [&](auto part) { chunked.feed(part, chunked_sink); });
  whole.feed(bytes, whole_sink);
}

}  // namespace vigil::fuzz
