// Nonin decode throughput on a realistic encoded stream (slowly varying values, a pleth wave,
// occasional flags), built once per format. Fed in 4 KiB reads, as a serial port would.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "counting_sink.hpp"
#include "vigil/protocols/nonin.hpp"

namespace {

using vigil::protocols::NoninDecoder;
using vigil::protocols::NoninEncoder;
using vigil::protocols::NoninFormat;
using vigil::protocols::OximeterState;

constexpr std::size_t kStreamBytes = 8u << 20;
constexpr std::size_t kReadSize = 4096;

// Keeps the decoder's output observable so the compiler cannot drop it.
using vigil::bench::CountingSink;

std::vector<std::uint8_t> build_stream(NoninFormat format) {
  NoninEncoder encoder(format);
  std::vector<std::uint8_t> out;
  out.reserve(kStreamBytes + 8);
  OximeterState s;
  for (std::uint64_t i = 0; out.size() < kStreamBytes; ++i) {
    const double t = static_cast<double>(i) / 75.0;  // seconds at 75 frames/s
    s.spo2 = 95 + static_cast<int>(3 * std::sin(t / 20));
    s.pulse_rate = 70 + static_cast<int>(15 * std::sin(t / 30));
    s.flags = {};
    if (i % 997 < 40) s.flags.set(vigil::core::ReadingFlag::artifact);
    s.low_battery = (i / 100000) % 2 == 1;
    if (format == NoninFormat::df8) {
      encoder.encode_df8(s, out);
    } else {
      const double wave = 0.5 + 0.5 * std::sin(t * 2 * 3.14159265 * 1.2);
      const int max = format == NoninFormat::df2 ? 255 : 65535;
      encoder.encode_frame(s, static_cast<std::uint16_t>(wave * max), out);
    }
  }
  return out;
}

const std::vector<std::uint8_t>& stream(NoninFormat format) {
  static const std::vector<std::uint8_t> streams[] = {build_stream(NoninFormat::df2),
                                                      build_stream(NoninFormat::df7),
                                                      build_stream(NoninFormat::df8)};
  return streams[static_cast<std::size_t>(format)];
}

void decode(benchmark::State& state, NoninFormat format) {
  const auto& bytes = stream(format);
  const std::span<const std::uint8_t> all(bytes);
  for (auto _ : state) {
    NoninDecoder decoder(format);
    CountingSink sink;
    for (std::size_t pos = 0; pos < all.size(); pos += kReadSize) {
      decoder.feed(all.subspan(pos, std::min(kReadSize, all.size() - pos)), sink);
    }
    benchmark::DoNotOptimize(sink.sum);
    benchmark::DoNotOptimize(decoder.counters().frames);
    // A clean stream: no byte discarded, every DF2/DF7 packet confirmed by the next SYNC.
    if (decoder.counters().bytes_discarded != 0 || decoder.packets_dropped() != 0) {
      state.SkipWithError("stream did not decode");
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}

void BM_Decode_nonin_df2(benchmark::State& state) { decode(state, NoninFormat::df2); }
void BM_Decode_nonin_df7(benchmark::State& state) { decode(state, NoninFormat::df7); }
void BM_Decode_nonin_df8(benchmark::State& state) { decode(state, NoninFormat::df8); }

BENCHMARK(BM_Decode_nonin_df2)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Decode_nonin_df7)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Decode_nonin_df8)->Unit(benchmark::kMillisecond);

}  // namespace
