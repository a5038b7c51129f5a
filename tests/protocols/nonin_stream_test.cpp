// Nonin round trip (random states -> encoder -> decoder in random chunks) and robustness (intact
// runs of frames separated by garbage, truncated frames, single-bit flips, and whole frames lost
// or repeated with the framing intact). A reference model below says, from the encoder's frame
// numbers and states alone, what must come out, before and after finish(): every item is
// compared, and so is packets_dropped().
#include <gtest/gtest.h>

#include "protocols/decoder_test_support.hpp"
#include "vigil/protocols/nonin.hpp"

namespace vigil::protocols {
namespace {

using core::Channel;
using core::ReadingFlag;
using core::ReadingFlags;
using Bytes = std::vector<std::uint8_t>;

constexpr NoninFormat kFormats[] = {NoninFormat::df2, NoninFormat::df7, NoninFormat::df8};

std::size_t frame_size(NoninFormat f) {
  return f == NoninFormat::df8 ? nonin::kDf8FrameSize : nonin::kFrameSize;
}

// Independent restatement of the framing rules (docs/devices.md), used to pick test garbage that is
// not itself a frame: no decoder can tell such garbage from a real frame.
bool fixed_ok(NoninFormat f, const std::uint8_t* p) {
  switch (f) {
    case NoninFormat::df2:
      return p[0] == 1 && (p[1] & 0x80) && !(p[3] & 0x80);
    case NoninFormat::df7:
      return (p[0] & 0x80) && !(p[3] & 0x80);
    case NoninFormat::df8:
      return (p[0] & 0x80) && !((p[1] | p[2] | p[3]) & 0x80);
  }
  return false;
}
bool frame_ok(NoninFormat f, const std::uint8_t* p) {
  return fixed_ok(f, p) &&
         (f == NoninFormat::df8 || std::uint8_t(p[0] + p[1] + p[2] + p[3]) == p[4]);
}

ReadingFlags random_flags(std::mt19937& rng) {
  return ReadingFlags::from_bits(
      std::uniform_int_distribution<std::uint32_t>(0, (1u << core::reading_flag_count) - 1)(rng) &
      std::uniform_int_distribution<std::uint32_t>(0, ~0u)(rng));
}

OximeterState random_state(std::mt19937& rng) {
  OximeterState s;
  auto pct = [&] { return std::uniform_int_distribution<int>(0, 99)(rng); };
  if (pct() >= 10) s.spo2 = std::uniform_int_distribution<int>(0, 100)(rng);
  if (pct() >= 10) s.pulse_rate = std::uniform_int_distribution<int>(0, 350)(rng);
  s.flags = random_flags(rng);
  s.low_battery = pct() < 30;
  return s;
}

ReadingFlags masked(ReadingFlags f, NoninFormat fmt) {
  ReadingFlags out;
  for (ReadingFlag k : {ReadingFlag::artifact, ReadingFlag::out_of_track, ReadingFlag::sensor_off,
                        ReadingFlag::low_perfusion, ReadingFlag::sensor_disconnected}) {
    if (k == ReadingFlag::sensor_disconnected && fmt == NoninFormat::df8) continue;
    out.set(k, f.has(k));
  }
  return out;
}

// What the encoder wrote for one frame.
struct FrameInfo {
  int number = 0;  // 1..25 (DF2/DF7), 0 for DF8
  int pleth = 0;
  ReadingFlags flags;    // the frame's state flags
  OximeterState packet;  // state latched at frame 1 (DF8: the frame's state)
};

class FrameSource {
 public:
  FrameSource(NoninFormat f, std::uint32_t seed) : format_(f), encoder_(f), rng_(seed) {}
  Bytes next(FrameInfo& info) {
    Bytes out;
    if (format_ == NoninFormat::df8) {
      packet_ = random_state(rng_);
      encoder_.encode_df8(packet_, out);
      info = {0, 0, packet_.flags, packet_};
      return out;
    }
    if (encoder_.next_frame() == 1) packet_ = random_state(rng_);
    OximeterState s = packet_;
    const int number = encoder_.next_frame();
    if (number != 1) s.flags = random_flags(rng_);  // STATUS varies frame by frame
    const int max = format_ == NoninFormat::df2 ? 255 : 65535;
    const int pleth = std::uniform_int_distribution<int>(0, max)(rng_);
    encoder_.encode_frame(s, std::uint16_t(pleth), out);
    info = {number, pleth, s.flags, packet_};
    return out;
  }
  std::mt19937& rng() { return rng_; }

 private:
  NoninFormat format_;
  NoninEncoder encoder_;
  std::mt19937 rng_;
  OximeterState packet_;
};

struct Expected {
  std::vector<test::RecordedReading> readings;
  std::vector<std::pair<std::uint64_t, bool>> battery;  // seq, active
  std::uint64_t dropped = 0;
};

// Reference model: intact[i] is decoded frame i; starts_run[i] when a disturbance that breaks the
// framing precedes it. A packet (frames from a SYNC on, back to back) gives its values when the
// SYNC after its 25th frame arrives, or at the end with `finish`; otherwise it is dropped.
Expected model(NoninFormat f, const std::vector<FrameInfo>& intact,
               const std::vector<bool>& starts_run, bool finish) {
  Expected e;
  bool low_battery = false;
  std::vector<const FrameInfo*> packet;  // frames of the current packet; empty = position unknown
  auto add = [&](std::uint64_t seq, Channel c, std::optional<int> v, ReadingFlags fl) {
    core::Reading r;
    r.channel = c;
    if (v) r.value = *v;
    r.flags = fl;
    e.readings.push_back({seq, r});
  };
  auto battery = [&](std::uint64_t seq, bool low) {
    if (low != low_battery) e.battery.emplace_back(seq, low);
    low_battery = low;
  };
  auto emit_packet = [&](std::uint64_t seq) {
    const std::size_t n = packet.size();
    for (std::size_t k = 0; k < n; ++k) {
      // Else a frame was lost and another repeated in one packet: undetectable, not generated.
      ASSERT_EQ(packet[k]->number, int(k) + 1) << "scenario frame " << seq;
    }
    const OximeterState& st = packet[0]->packet;
    if (n >= 2) add(seq, Channel::pulse_rate, st.pulse_rate, masked(packet[1]->flags, f));
    if (n >= 3) {
      ReadingFlags sp = masked(packet[2]->flags, f);
      sp.set(ReadingFlag::smartpoint, n >= 8 && st.flags.has(ReadingFlag::smartpoint));
      add(seq, Channel::spo2, st.spo2, sp);
    }
    if (n >= 8) battery(seq, st.low_battery);
  };
  auto drop = [&] {
    if (!packet.empty()) ++e.dropped;
    packet.clear();
  };
  for (std::size_t i = 0; i < intact.size(); ++i) {
    const FrameInfo& fr = intact[i];
    const ReadingFlags fl = masked(fr.flags, f);
    if (f == NoninFormat::df8) {
      ReadingFlags sp = fl;
      sp.set(ReadingFlag::smartpoint, fr.packet.flags.has(ReadingFlag::smartpoint));
      add(i, Channel::spo2, fr.packet.spo2, sp);
      add(i, Channel::pulse_rate, fr.packet.pulse_rate, fl);
      battery(i, fr.packet.low_battery);
      continue;
    }
    if (starts_run[i]) drop();
    if (fr.number == 1) {
      if (packet.size() == 25) {
        emit_packet(i);  // confirmed
        packet.clear();
      } else {
        drop();  // early SYNC
      }
      packet.push_back(&fr);
    } else if (packet.size() == 25) {
      drop();  // late SYNC
    } else if (!packet.empty()) {
      packet.push_back(&fr);
    }
    add(i, Channel::pleth, fr.pleth, fl);
  }
  if (finish && !packet.empty()) emit_packet(intact.size() - 1);
  return e;
}

void expect_matches(const test::RecordingSink& sink, const Expected& e) {
  ASSERT_EQ(sink.readings.size(), e.readings.size());
  for (std::size_t i = 0; i < e.readings.size(); ++i) {
    const auto& got = sink.readings[i];
    const auto& want = e.readings[i];
    ASSERT_EQ(got.seq, want.seq) << "item " << i;
    ASSERT_EQ(got.reading.channel, want.reading.channel) << "item " << i;
    ASSERT_EQ(got.reading.value, want.reading.value) << "item " << i << " seq " << want.seq;
    ASSERT_EQ(got.reading.flags, want.reading.flags) << "item " << i << " seq " << want.seq;
  }
  ASSERT_EQ(sink.conditions.size(), e.battery.size());
  for (std::size_t i = 0; i < e.battery.size(); ++i) {
    EXPECT_EQ(sink.conditions[i].seq, e.battery[i].first);
    EXPECT_EQ(sink.conditions[i].condition.kind, core::DeviceConditionKind::low_battery);
    EXPECT_EQ(sink.conditions[i].condition.active, e.battery[i].second);
  }
}

// Feeds `stream` and compares with the model, then again after finish().
void expect_decodes(NoninDecoder& d, std::span<const std::uint8_t> stream, std::size_t max_chunk,
                    const std::vector<FrameInfo>& intact, const std::vector<bool>& starts) {
  const NoninFormat f = d.format();
  const Expected live = model(f, intact, starts, false);
  const Expected offline = model(f, intact, starts, true);
  test::RecordingSink sink(d);
  std::mt19937 rng(static_cast<unsigned>(max_chunk) + 99);
  test::feed_in_chunks(d, stream, sink, rng, max_chunk);
  expect_matches(sink, live);
  EXPECT_EQ(d.packets_dropped(), live.dropped);
  d.finish(sink);
  expect_matches(sink, offline);
  EXPECT_EQ(d.packets_dropped(), offline.dropped);
}

class NoninStream : public ::testing::TestWithParam<NoninFormat> {};

TEST_P(NoninStream, RoundTripOfRandomStatesInRandomChunks) {
  const NoninFormat f = GetParam();
  FrameSource src(f, 1234u + static_cast<unsigned>(f));
  const int frames = f == NoninFormat::df8 ? 5000 : 3000 * nonin::kFramesPerPacket;
  Bytes stream;
  std::vector<FrameInfo> infos;
  for (int i = 0; i < frames; ++i) {
    FrameInfo info;
    const Bytes b = src.next(info);
    stream.insert(stream.end(), b.begin(), b.end());
    infos.push_back(info);
  }
  std::vector<bool> starts(infos.size(), false);
  starts[0] = true;
  for (std::size_t max_chunk :
       {std::size_t{17}, std::size_t{1}, std::size_t{0}, std::size_t{4096}}) {
    SCOPED_TRACE(max_chunk);
    NoninDecoder d(f);
    expect_decodes(d, stream, max_chunk, infos, starts);
    EXPECT_EQ(d.packets_dropped(), 0u);
    EXPECT_EQ(d.counters(), (DecoderCounters{infos.size(), 0, 0}));
    EXPECT_EQ(d.buffered_bytes(), 0u);
    const OximeterState& last = infos.back().packet;
    if (f == NoninFormat::df8 || infos.back().number >= 21) {  // frames 9 and 21 were seen
      EXPECT_EQ(d.last_display().spo2, last.spo2);
      EXPECT_EQ(d.last_display().pulse_rate, last.pulse_rate);
    }
  }
}

// garbage, truncated and flipped break the framing; lost (a whole frame never arrives) and
// repeated (a whole frame arrives twice) keep it intact.
enum class Disturbance { garbage, truncated, flipped, lost, repeated };

struct Scenario {
  Bytes stream;
  std::vector<FrameInfo> intact;
  std::vector<bool> starts_run;
  std::uint64_t disturbance_bytes = 0;
  std::uint64_t checksum_errors = 0;
};

// Intact runs of 2..40 frames separated by one disturbance each. A disturbance is rejected (and
// another drawn) if a frame-shaped window starts inside it.
Scenario build_scenario(NoninFormat f, std::uint32_t seed, int disturbances,
                        std::vector<Disturbance> kinds) {
  FrameSource src(f, seed);
  auto& rng = src.rng();
  const std::size_t fs = frame_size(f);
  Scenario sc;
  Bytes last;  // the last frame written
  auto run = [&](Bytes& out, bool first, int min_frames) {
    const int n = std::uniform_int_distribution<int>(min_frames, std::max(min_frames, 40))(rng);
    for (int i = 0; i < n; ++i) {
      FrameInfo info;
      last = src.next(info);
      out.insert(out.end(), last.begin(), last.end());
      sc.intact.push_back(info);
      sc.starts_run.push_back(first && i == 0);
    }
  };
  run(sc.stream, true, 2);
  for (int k = 0; k < disturbances; ++k) {
    const Disturbance kind =
        kinds[std::uniform_int_distribution<std::size_t>(0, kinds.size() - 1)(rng)];
    if (kind == Disturbance::lost || kind == Disturbance::repeated) {
      if (kind == Disturbance::lost) {
        FrameInfo skipped;
        src.next(skipped);
      } else {
        sc.stream.insert(sc.stream.end(), last.begin(), last.end());
        sc.intact.push_back(sc.intact.back());
        sc.starts_run.push_back(false);
      }
      // A frame lost and another repeated within one packet cannot be detected (the count comes
      // out right): keep whole-frame disturbances more than a packet apart.
      run(sc.stream, false, nonin::kFramesPerPacket + 2);
      continue;
    }
    FrameInfo lost_info;
    const Bytes lost = kind == Disturbance::garbage ? Bytes{} : src.next(lost_info);
    Bytes next;
    const std::size_t first_of_run = sc.intact.size();
    run(next, false, 2);
    sc.starts_run[first_of_run] = true;
    Bytes d;
    for (int attempt = 0;; ++attempt) {
      if (attempt == 200) {
        d = {0x00};  // never starts a frame in any format
        break;
      }
      if (kind == Disturbance::garbage) {
        d.resize(std::uniform_int_distribution<std::size_t>(1, 24)(rng));
        for (auto& b : d) b = std::uint8_t(std::uniform_int_distribution<int>(0, 255)(rng));
      } else if (kind == Disturbance::truncated) {
        d.assign(lost.begin(),
                 lost.begin() + std::uniform_int_distribution<long>(1, long(fs) - 1)(rng));
      } else {
        d = lost;
        // DF8 has no checksum: only a flipped top bit is detectable (see NoninDf8 tests).
        const int bit = f == NoninFormat::df8
                            ? 7 + 8 * std::uniform_int_distribution<int>(0, 3)(rng)
                            : std::uniform_int_distribution<int>(0, 8 * int(fs) - 1)(rng);
        d[std::size_t(bit / 8)] ^= std::uint8_t(1u << (bit % 8));
      }
      Bytes window(d);
      window.insert(window.end(), next.begin(), next.end());
      bool frame_inside = false;
      for (std::size_t i = 0; i < d.size(); ++i) frame_inside |= frame_ok(f, window.data() + i);
      if (!frame_inside) break;
    }
    Bytes window(d);
    window.insert(window.end(), next.begin(), next.end());
    if (f != NoninFormat::df8 && fixed_ok(f, window.data())) ++sc.checksum_errors;
    sc.disturbance_bytes += d.size();
    sc.stream.insert(sc.stream.end(), d.begin(), d.end());
    sc.stream.insert(sc.stream.end(), next.begin(), next.end());
  }
  // A clean tail of more than a packet, so that the packet finish() emits is intact.
  run(sc.stream, false, nonin::kFramesPerPacket + 1);
  return sc;
}

void check_scenario(NoninFormat f, const Scenario& sc) {
  const DecoderCounters counters{sc.intact.size(), sc.disturbance_bytes, sc.checksum_errors};
  for (std::size_t max_chunk : {std::size_t{1}, std::size_t{13}, std::size_t{0}}) {
    SCOPED_TRACE(max_chunk);
    NoninDecoder d(f);
    expect_decodes(d, sc.stream, max_chunk, sc.intact, sc.starts_run);
    EXPECT_EQ(d.counters(), counters);
    EXPECT_EQ(d.buffered_bytes(), 0u);
  }
}

TEST_P(NoninStream, GarbageBetweenFramesLosesNoIntactFrameAndInventsNothing) {
  const Scenario sc = build_scenario(GetParam(), 7, 1500, {Disturbance::garbage});
  check_scenario(GetParam(), sc);
}

TEST_P(NoninStream, TruncatedFramesAreSkipped) {
  const Scenario sc = build_scenario(GetParam(), 8, 1500, {Disturbance::truncated});
  check_scenario(GetParam(), sc);
}

TEST_P(NoninStream, SingleBitFlipsAreDetectedAndCounted) {
  const Scenario sc = build_scenario(GetParam(), 9, 1500, {Disturbance::flipped});
  if (GetParam() != NoninFormat::df8) {
    EXPECT_GT(sc.checksum_errors, 1000u);  // most flips leave the fixed bits intact
  }
  check_scenario(GetParam(), sc);
}

// Framing stays intact, so only packet confirmation keeps shifted FLOAT bytes out.
TEST_P(NoninStream, WholeFramesLostOrRepeatedDropOnlyTheirPackets) {
  const Scenario sc =
      build_scenario(GetParam(), 11, 1500, {Disturbance::lost, Disturbance::repeated});
  EXPECT_EQ(sc.disturbance_bytes, 0u);
  if (GetParam() != NoninFormat::df8) {  // each one drops one packet
    EXPECT_EQ(model(GetParam(), sc.intact, sc.starts_run, false).dropped, 1500u);
  }
  check_scenario(GetParam(), sc);
}

TEST_P(NoninStream, MixedDisturbances) {
  const Scenario sc =
      build_scenario(GetParam(), 10, 3000,
                     {Disturbance::garbage, Disturbance::truncated, Disturbance::flipped,
                      Disturbance::lost, Disturbance::repeated});
  check_scenario(GetParam(), sc);
}

INSTANTIATE_TEST_SUITE_P(Nonin, NoninStream, ::testing::ValuesIn(kFormats), [](const auto& info) {
  return std::string(nonin_protocol_name(info.param).substr(6));
});

}  // namespace
}  // namespace vigil::protocols
