// SunTech Advantage module-reply decoder. Layout facts and the vector: docs/devices.md.

#include <algorithm>
#include <cstring>

#include "vigil/protocols/suntech.hpp"

namespace vigil::protocols {

namespace {

struct ErrorName {
  int code;
  std::string_view name;
};

// Module error codes (decimal). One table so a wrong name is a one-line fix.
constexpr std::array<ErrorName, 13> kErrorNames{{
    {1, "weak signal"},
    {2, "erratic signal"},
    {3, "out of range"},
    {4, "measurement timeout"},
    {85, "blocked valve"},
    {86, "user abort"},
    {87, "loose cuff"},
    {88, "safety timeout"},
    {89, "overpressure"},
    {90, "hardware error"},
    {91, "no permission"},
    {97, "transducer out of range"},
    {99, "EEPROM failure"},
}};

constexpr std::string_view kUnknownError = "unknown error";

constexpr bool known_length(std::uint8_t len) {
  return len == kSunTechAckLength || len == kSunTechCuffLength || len == kSunTechBpLength;
}

constexpr bool known_ack_letter(std::uint8_t c) {
  return c == 'O' || c == 'K' || c == 'A' || c == 'B';
}

// True when the bytes sum to 0 mod 256.
inline bool checksum_ok(const std::uint8_t* p, std::size_t n) {
  unsigned sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += p[i];
  return (sum & 0xFFu) == 0;
}

inline unsigned u16le(const std::uint8_t* p) { return p[0] | (static_cast<unsigned>(p[1]) << 8); }

}  // namespace

bool suntech_error_known(int code) {
  return std::any_of(kErrorNames.begin(), kErrorNames.end(),
                     [code](const ErrorName& e) { return e.code == code; });
}

std::string_view suntech_error_name(int code) {
  for (const auto& e : kErrorNames) {
    if (e.code == code) return e.name;
  }
  return kUnknownError;
}

// Decides what the bytes at p (p[0] == 3E) are. Side effect: counts a checksum error, which
// happens once per start byte because a decision other than need_more is never revisited.
SunTechDecoder::Step SunTechDecoder::examine(const std::uint8_t* p, std::size_t n) {
  if (n < 2) return Step::need_more;
  const std::uint8_t len = p[1];
  if (!known_length(len)) return Step::skip;  // LEN validated before it is used as a bound
  if (n < len) return Step::need_more;
  if (!checksum_ok(p, len)) {
    ++counters_.checksum_errors;
    return Step::skip;
  }
  if (len == kSunTechAckLength && !known_ack_letter(p[2])) return Step::skip;
  return Step::frame;
}

void SunTechDecoder::emit(const std::uint8_t* f, DecoderSink& sink) {
  ++counters_.frames;  // before the items: inside a callback frames-1 is this frame's index
  const std::uint8_t len = f[1];

  if (len == kSunTechAckLength) {
    DeviceReply reply;
    reply.kind = f[2] == 'K' ? ReplyKind::measurement_done : ReplyKind::ack;
    reply.code = f[2];
    sink.on_reply(reply);
    return;
  }

  core::Reading r;
  if (len == kSunTechCuffLength) {
    r.channel = core::Channel::cuff_pressure;
    r.value = static_cast<double>(u16le(f + 2));
    r.flags.set(core::ReadingFlag::measuring);
    sink.on_reading(r);
    return;
  }

  // BP data. A failed measurement carries leftover numbers; they are not values, so absent.
  const int error = f[suntech_bp::error_code];
  const bool ok = error == 0;
  auto send = [&](core::Channel channel, unsigned raw) {
    r.channel = channel;
    if (ok) {
      r.value = static_cast<double>(raw);
    } else {
      r.value.reset();
    }
    sink.on_reading(r);
  };
  send(core::Channel::nibp_systolic, u16le(f + suntech_bp::systolic));
  send(core::Channel::nibp_diastolic, u16le(f + suntech_bp::diastolic));
  send(core::Channel::nibp_mean, u16le(f + suntech_bp::mean));
  send(core::Channel::nibp_pulse_rate, u16le(f + suntech_bp::heart_rate));

  core::DeviceCondition c;
  c.active = true;
  if (ok) {
    c.kind = core::DeviceConditionKind::nibp_done;
  } else {
    c.kind = core::DeviceConditionKind::nibp_failed;
    c.detail = suntech_error_name(error);
    c.code = error;
  }
  sink.on_condition(c);
}

void SunTechDecoder::drop_pending_front(std::size_t count) {
  std::memmove(pending_.data(), pending_.data() + count, pending_length_ - count);
  pending_length_ -= count;
}

// Resolves the held-back bytes, topping them up from the input only as far as the packet that
// starts them needs, so the result is the same as if the stream had arrived in one piece.
void SunTechDecoder::consume_pending(const std::uint8_t*& p, std::size_t& n, DecoderSink& sink) {
  while (pending_length_ > 0) {
    if (pending_[0] != kSunTechModuleStart) {
      ++counters_.bytes_discarded;
      drop_pending_front(1);
      continue;
    }
    switch (examine(pending_.data(), pending_length_)) {
      case Step::need_more: {
        if (n == 0) return;
        const std::size_t want = pending_length_ < 2 ? 2 : pending_[1];
        const std::size_t take = std::min(want - pending_length_, n);
        std::memcpy(pending_.data() + pending_length_, p, take);
        pending_length_ += take;
        p += take;
        n -= take;
        break;
      }
      case Step::skip:
        ++counters_.bytes_discarded;
        drop_pending_front(1);
        break;
      case Step::frame: {
        const std::size_t len = pending_[1];
        emit(pending_.data(), sink);
        drop_pending_front(len);
        break;
      }
    }
  }
}

void SunTechDecoder::feed(std::span<const std::uint8_t> bytes, DecoderSink& sink) {
  const std::uint8_t* p = bytes.data();
  std::size_t n = bytes.size();
  if (pending_length_ > 0) consume_pending(p, n, sink);

  // Fast path: decode straight from the caller's bytes; only an unfinished tail is copied.
  while (n > 0) {
    if (*p != kSunTechModuleStart) {
      const void* hit = std::memchr(p, kSunTechModuleStart, n);
      const std::size_t gap =
          hit ? static_cast<std::size_t>(static_cast<const std::uint8_t*>(hit) - p) : n;
      counters_.bytes_discarded += gap;
      p += gap;
      n -= gap;
      continue;
    }
    switch (examine(p, n)) {
      case Step::need_more:
        // n < 24 here: examine() asks for more only when fewer than LEN (<= 24) bytes remain.
        std::memcpy(pending_.data(), p, n);
        pending_length_ = n;
        return;
      case Step::skip:
        ++counters_.bytes_discarded;
        ++p;
        --n;
        break;
      case Step::frame: {
        const std::size_t len = p[1];
        emit(p, sink);
        p += len;
        n -= len;
        break;
      }
    }
  }
}

}  // namespace vigil::protocols
