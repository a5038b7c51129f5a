// Decode throughput of the SunTech module decoder on a realistic reply stream.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "counting_sink.hpp"
#include "vigil/protocols/suntech.hpp"

namespace {

using namespace vigil;
using namespace vigil::protocols;

// What a host polling the module sees: per measurement an 'O' ack for the start command, the
// cuff pressure polled while the cuff inflates and deflates, 'K', then the BP data reply. About
// one measurement in ten fails with an error code.
const std::vector<std::uint8_t>& module_stream() {
  static const std::vector<std::uint8_t> stream = [] {
    std::vector<std::uint8_t> out;
    std::mt19937 rng(42);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    constexpr std::size_t kTarget = 8u << 20;
    while (out.size() < kTarget) {
      encode_ack('O', out);
      const int peak = pick(150, 200);
      for (int p = 0; p < peak; p += pick(6, 12)) encode_cuff_pressure(p, out);
      for (int p = peak; p > 40; p -= pick(2, 5)) encode_cuff_pressure(p, out);
      encode_ack('K', out);
      NibpState s;
      s.systolic = pick(95, 160);
      s.diastolic = pick(55, 95);
      s.mean = pick(65, 115);
      s.pulse_rate = pick(50, 110);
      if (pick(0, 9) == 0) s.error_code = pick(0, 1) ? 87 : 1;
      encode_bp_result(s, pick(10, 40), out);
    }
    return out;
  }();
  return stream;
}

using vigil::bench::CountingSink;

// Feeds the stream in serial-read-sized chunks (the driver hands over what one read returned).
void decode_in_chunks(benchmark::State& state, std::size_t chunk) {
  const auto& stream = module_stream();
  const std::span<const std::uint8_t> all(stream);
  for (auto _ : state) {
    SunTechDecoder decoder;
    CountingSink sink;
    for (std::size_t pos = 0; pos < all.size(); pos += chunk) {
      decoder.feed(all.subspan(pos, std::min(chunk, all.size() - pos)), sink);
    }
    benchmark::DoNotOptimize(sink.sum);
    benchmark::DoNotOptimize(decoder.counters().frames);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(stream.size()));
}

void BM_Decode_suntech(benchmark::State& state) { decode_in_chunks(state, 4096); }
BENCHMARK(BM_Decode_suntech)->Unit(benchmark::kMillisecond);

// Small reads split packets, so the held-back path gets exercised too.
void BM_Decode_suntech_7ByteChunks(benchmark::State& state) { decode_in_chunks(state, 7); }
BENCHMARK(BM_Decode_suntech_7ByteChunks)->Unit(benchmark::kMillisecond);

}  // namespace
