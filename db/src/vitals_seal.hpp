#pragma once
// The seal of a recorder batch (docs/database.md "Vitals seals"): the canonical bytes of a
// vitals row and of a waveform block, the digest of one channel's rows, and the seal's own
// digest, which chains to the previous seal of the session. Shared by the recorder's writer
// (vitals_batch.cpp) and the verifier (seal_verify.cpp), so that both compute the same bytes.
//
// Digests are BLAKE2b-256 (libsodium crypto_generichash, 32-byte output, no key).

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "vigil/db/store_error.hpp"

namespace vigil::db::detail {

inline constexpr std::size_t kSealDigestBytes = 32;
inline constexpr std::size_t kSealCheckBytes = 8;  // the start of a channel's digest, stored
using SealDigest = std::array<unsigned char, kSealDigestBytes>;

// A vitals row as the recorder stored it. Its session and channel are not in its bytes: the
// channel digest it is part of is bound to them in the seal's digest.
struct NumericRowBytes {
  UtcMs t_utc_ms = 0;
  std::int64_t seq = 0;
  std::optional<double> value;
  std::int64_t flags = 0;
  std::optional<std::int64_t> device_id;
};
inline constexpr std::size_t kNumericRowBytes = 41;
void append_canonical(std::vector<unsigned char>& out, const NumericRowBytes& row);

// A waveform block (session and channel as for a row); `samples` are the BLOB's bytes as stored
// (int16 little-endian).
struct BlockBytes {
  UtcMs start_utc_ms = 0;
  double sample_rate_hz = 0;
  std::span<const unsigned char> samples;
};
void append_canonical(std::vector<unsigned char>& out, const BlockBytes& block);

// libsodium picks its fastest BLAKE2b for the CPU in sodium_init(); call before hashing.
void ensure_sodium();
SealDigest blake2b_256(std::span<const unsigned char> bytes);

enum class SealKind : std::uint8_t { numeric = 0, waveform = 1 };

// One channel's part of a seal: its rows (or blocks) in the batch and their digest.
struct SealChannel {
  SealKind kind = SealKind::numeric;
  std::int64_t code = 0;  // channels.code
  std::int64_t count = 0;
  SealDigest digest{};
};

struct SealHeader {
  RowId session_id = 0;
  std::int64_t seq = 0;  // 1, 2, 3... within the session
  UtcMs first_utc_ms = 0;
  UtcMs last_utc_ms = 0;
  std::int64_t rows = 0;
  std::int64_t blocks = 0;
  SealDigest prev{};  // the previous seal's digest; zeros for the first
};

// `channels` in (kind, code) order.
SealDigest seal_digest(const SealHeader& header, std::span<const SealChannel> channels);

// The `channels` column: per channel kind (1 byte), code (int32 LE), count (uint32 LE) and the
// first kSealCheckBytes of its digest.
inline constexpr std::size_t kStoredChannelBytes = 1 + 4 + 4 + kSealCheckBytes;
std::vector<unsigned char> encode_channels(std::span<const SealChannel> channels);

struct StoredChannel {
  SealKind kind = SealKind::numeric;
  std::int64_t code = 0;
  std::int64_t count = 0;
  std::array<unsigned char, kSealCheckBytes> check{};
};
// nullopt when the bytes are not a list of whole entries of a known kind.
std::optional<std::vector<StoredChannel>> decode_channels(std::span<const unsigned char> bytes);

std::string hex(std::span<const unsigned char> bytes);

}  // namespace vigil::db::detail
