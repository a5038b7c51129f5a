#include "vitals_seal.hpp"

#include <sodium.h>

#include <bit>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace vigil::db::detail {
namespace {

constexpr std::string_view kSealDomain = "VIGIL-SEAL-1";

void put_u8(std::vector<unsigned char>& out, std::uint8_t v) { out.push_back(v); }

void put_le(std::vector<unsigned char>& out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<unsigned char>(v >> (8 * i)));
}
void put_i64(std::vector<unsigned char>& out, std::int64_t v) {
  put_le(out, static_cast<std::uint64_t>(v), 8);
}
void put_f64(std::vector<unsigned char>& out, double v) {
  put_le(out, std::bit_cast<std::uint64_t>(v), 8);
}

// Writes v little-endian at p (a plain copy on a little-endian host); returns the end.
unsigned char* store_le(unsigned char* p, std::uint64_t v) {
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(p, &v, 8);
  } else {
    for (int i = 0; i < 8; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
  }
  return p + 8;
}

std::int64_t get_le(const unsigned char* p, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v |= std::uint64_t{p[i]} << (8 * i);
  return static_cast<std::int64_t>(v);
}

}  // namespace

void append_canonical(std::vector<unsigned char>& out, const NumericRowBytes& row) {
  const std::size_t at = out.size();
  out.resize(at + kNumericRowBytes);  // the recorder's hot path: one resize, fixed offsets
  unsigned char* p = out.data() + at;
  *p++ = static_cast<unsigned char>((row.value ? 1 : 0) | (row.device_id ? 2 : 0));
  p = store_le(p, static_cast<std::uint64_t>(row.t_utc_ms));
  p = store_le(p, static_cast<std::uint64_t>(row.seq));
  p = store_le(p, std::bit_cast<std::uint64_t>(row.value.value_or(0.0)));
  p = store_le(p, static_cast<std::uint64_t>(row.flags));
  store_le(p, static_cast<std::uint64_t>(row.device_id.value_or(0)));
}

void append_canonical(std::vector<unsigned char>& out, const BlockBytes& block) {
  put_i64(out, block.start_utc_ms);
  put_f64(out, block.sample_rate_hz);
  put_le(out, block.samples.size(), 4);
  out.insert(out.end(), block.samples.begin(), block.samples.end());
}

void ensure_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  });
}

SealDigest blake2b_256(std::span<const unsigned char> bytes) {
  SealDigest d{};
  crypto_generichash(d.data(), d.size(), bytes.data(), bytes.size(), nullptr, 0);
  return d;
}

SealDigest seal_digest(const SealHeader& h, std::span<const SealChannel> channels) {
  std::vector<unsigned char> bytes(kSealDomain.begin(), kSealDomain.end());
  bytes.reserve(bytes.size() + 6 * 8 + kSealDigestBytes + channels.size() * (1 + 16 + 32));
  put_i64(bytes, h.session_id);
  put_i64(bytes, h.seq);
  put_i64(bytes, h.first_utc_ms);
  put_i64(bytes, h.last_utc_ms);
  put_i64(bytes, h.rows);
  put_i64(bytes, h.blocks);
  bytes.insert(bytes.end(), h.prev.begin(), h.prev.end());
  for (const auto& c : channels) {
    put_u8(bytes, static_cast<std::uint8_t>(c.kind));
    put_i64(bytes, c.code);
    put_i64(bytes, c.count);
    bytes.insert(bytes.end(), c.digest.begin(), c.digest.end());
  }
  return blake2b_256(bytes);
}

std::vector<unsigned char> encode_channels(std::span<const SealChannel> channels) {
  std::vector<unsigned char> out;
  out.reserve(channels.size() * kStoredChannelBytes);
  for (const auto& c : channels) {
    put_u8(out, static_cast<std::uint8_t>(c.kind));
    put_le(out, static_cast<std::uint64_t>(c.code), 4);
    put_le(out, static_cast<std::uint64_t>(c.count), 4);
    out.insert(out.end(), c.digest.begin(), c.digest.begin() + kSealCheckBytes);
  }
  return out;
}

std::optional<std::vector<StoredChannel>> decode_channels(std::span<const unsigned char> bytes) {
  if (bytes.size() % kStoredChannelBytes != 0) return std::nullopt;
  std::vector<StoredChannel> out;
  for (std::size_t at = 0; at < bytes.size(); at += kStoredChannelBytes) {
    const unsigned char* p = bytes.data() + at;
    if (p[0] > static_cast<unsigned char>(SealKind::waveform)) return std::nullopt;
    StoredChannel c;
    c.kind = static_cast<SealKind>(p[0]);
    c.code = static_cast<std::int32_t>(get_le(p + 1, 4));
    c.count = static_cast<std::uint32_t>(get_le(p + 5, 4));
    std::memcpy(c.check.data(), p + 9, kSealCheckBytes);
    out.push_back(c);
  }
  return out;
}

std::string hex(std::span<const unsigned char> bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes.data(), bytes.size());
  out.pop_back();
  return out;
}

}  // namespace vigil::db::detail
