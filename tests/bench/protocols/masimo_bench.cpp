// Masimo ASCII 1 decode throughput on a realistic stream: ~4 MB of Radical-7, Rad-8 and
// Radical-5 lines, one per second, with drifting values, dropouts and status bits, built once
// and fed in 4 KiB chunks (the size a serial read hands over at most).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "counting_sink.hpp"
#include "vigil/protocols/masimo.hpp"

namespace {

using namespace vigil;
using namespace vigil::protocols;

using vigil::bench::CountingSink;

const std::vector<std::uint8_t>& stream() {
  static const std::vector<std::uint8_t> bytes = [] {
    std::vector<std::uint8_t> out;
    std::mt19937 rng(1);
    const MasimoAsciiEncoder encoders[] = {
        MasimoAsciiEncoder(MasimoLineFormat::radical7, 1234567890),
        MasimoAsciiEncoder(MasimoLineFormat::rad8, 56661),
        MasimoAsciiEncoder(MasimoLineFormat::radical5)};
    std::int64_t t = 1700000000;
    for (int i = 0; out.size() < 4u << 20; ++i, ++t) {
      OximeterState s;
      const bool dropout = (i / 50) % 20 == 0;  // sensor off for 50 s every ~17 min
      if (!dropout) {
        s.spo2 = 94 + static_cast<int>(rng() % 6);
        s.pulse_rate = 60 + static_cast<int>(rng() % 40);
        s.perfusion_index = static_cast<double>(rng() % 2000) / 100.0;
        s.spco = static_cast<double>(rng() % 50) / 10.0;
        s.spmet = static_cast<double>(rng() % 20) / 10.0;
        s.pvi = 5 + static_cast<int>(rng() % 30);
      }
      s.low_battery = (i / 600) % 2 == 1;
      const std::uint32_t exc = dropout ? masimo_exc::sensor_off : masimo_exc::set;
      encoders[(i / 1000) % 3].encode_line(s, t, rng() % 64 == 0 ? 0x12 : 0, exc, out);
    }
    return out;
  }();
  return bytes;
}

void BM_Decode_masimo_ascii(benchmark::State& state) {
  const auto& bytes = stream();
  const std::span<const std::uint8_t> all(bytes);
  constexpr std::size_t kChunk = 4096;
  for (auto _ : state) {
    MasimoAsciiDecoder decoder;
    CountingSink sink;
    for (std::size_t pos = 0; pos < all.size(); pos += kChunk) {
      decoder.feed(all.subspan(pos, std::min(kChunk, all.size() - pos)), sink);
    }
    benchmark::DoNotOptimize(sink.sum);
    benchmark::DoNotOptimize(sink.readings);
    if (decoder.counters().bytes_discarded != 0) state.SkipWithError("stream did not decode");
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(bytes.size()));
}
BENCHMARK(BM_Decode_masimo_ascii)->Unit(benchmark::kMillisecond);

}  // namespace
