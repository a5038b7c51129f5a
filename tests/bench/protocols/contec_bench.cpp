// Decode throughput of the Contec codecs on a realistic stream: slowly drifting SpO2 and pulse,
// a pleth wave, occasional finger-out episodes. ~4 MB built once, fed in 4 KiB reads.

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "counting_sink.hpp"
#include "vigil/protocols/contec.hpp"

namespace {

using namespace vigil;
using namespace vigil::protocols;

using vigil::bench::CountingSink;

template <typename Encode>
std::vector<std::uint8_t> build_stream(std::size_t target_bytes, Encode encode) {
  std::vector<std::uint8_t> out;
  out.reserve(target_bytes + 16);
  for (std::uint64_t i = 0; out.size() < target_bytes; ++i) {
    OximeterState s;
    const bool finger_out = (i / 600) % 20 == 19;  // 10 s out of every 200 s at 60 Hz
    const int pleth = static_cast<int>(64 + 50 * std::sin(static_cast<double>(i) * 0.1));
    if (finger_out) {
      s.flags.set(core::ReadingFlag::sensor_off).set(core::ReadingFlag::sensor_fault);
    } else {
      s.spo2 = 95 + static_cast<int>((i / 300) % 5);
      s.pulse_rate = 70 + static_cast<int>((i / 120) % 30);
      s.perfusion_index = 1.0 + static_cast<double>(i % 400) / 100.0;
      s.flags.set(core::ReadingFlag::pulse_beep, i % 50 == 0);
    }
    encode(s, pleth, finger_out ? 0 : 6, out);
  }
  return out;
}

void run(benchmark::State& state, Decoder& decoder, const std::vector<std::uint8_t>& stream) {
  constexpr std::size_t kRead = 4096;  // a typical serial read
  CountingSink sink;
  for (auto _ : state) {
    for (std::size_t pos = 0; pos < stream.size(); pos += kRead) {
      const std::size_t n = std::min(kRead, stream.size() - pos);
      decoder.feed(std::span(stream.data() + pos, n), sink);
    }
    benchmark::DoNotOptimize(sink.sum);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(stream.size()));
  state.counters["frames"] = static_cast<double>(decoder.counters().frames);
  if (decoder.counters().bytes_discarded != 0) state.SkipWithError("stream not decoded cleanly");
}

constexpr std::size_t kStreamBytes = 4 << 20;

void BM_Decode_contec_legacy(benchmark::State& state) {
  static const auto stream =
      build_stream(kStreamBytes, [](const OximeterState& s, int pleth, int signal, auto& out) {
        ContecLegacyEncoder::encode(s, pleth, signal, out);
      });
  ContecLegacyDecoder decoder;
  run(state, decoder, stream);
}

void BM_Decode_contec_v7(benchmark::State& state) {
  static const auto stream =
      build_stream(kStreamBytes, [](const OximeterState& s, int pleth, int signal, auto& out) {
        ContecV7Encoder::encode_live(s, pleth, signal, out);
      });
  ContecV7Decoder decoder;
  run(state, decoder, stream);
}

}  // namespace

BENCHMARK(BM_Decode_contec_legacy)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Decode_contec_v7)->Unit(benchmark::kMillisecond);
