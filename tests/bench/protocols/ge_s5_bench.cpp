// GE S/5 decode throughput on a realistic stream: displayed-values records (varying values,
// some needing stuffing) with the odd waveform-sized record and a request echo in between.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

#include "counting_sink.hpp"
#include "vigil/protocols/ge_s5.hpp"

namespace {

using namespace vigil;

using vigil::bench::CountingSink;

std::vector<std::uint8_t> build_stream(std::size_t target_bytes) {
  std::mt19937 rng(42);
  std::vector<std::uint8_t> out;
  out.reserve(target_bytes + 2000);
  std::uint32_t t = 1700000000;
  while (out.size() < target_bytes) {
    protocols::OximeterState ox;
    ox.spo2 = std::uniform_int_distribution<int>(85, 100)(rng);
    ox.pulse_rate = std::uniform_int_distribution<int>(50, 130)(rng);
    protocols::NibpState nibp;
    nibp.systolic = std::uniform_int_distribution<int>(90, 180)(rng);
    nibp.diastolic = std::uniform_int_distribution<int>(50, 110)(rng);
    nibp.mean = std::uniform_int_distribution<int>(60, 130)(rng);
    nibp.pulse_rate = ox.pulse_rate;
    protocols::encode_displayed_values(ox, nibp, t++, out);
    if (t % 16 == 0) {
      // A 1000-byte waveform-like record: framed and checksummed, carries no displayed values.
      std::vector<std::uint8_t> wave(1000);
      for (auto& b : wave) b = static_cast<std::uint8_t>(rng());
      wave[0] = 1000 & 0xFF;
      wave[1] = 1000 >> 8;
      wave[14] = 1;
      wave[15] = 0;
      protocols::ge_s5::append_frame(wave, out);
    }
  }
  return out;
}

void BM_Decode_ge_s5(benchmark::State& state) {
  const std::vector<std::uint8_t> stream = build_stream(4 << 20);
  CountingSink sink;
  for (auto _ : state) {
    protocols::GeS5Decoder decoder;
    decoder.feed(stream, sink);
    benchmark::DoNotOptimize(decoder.counters().frames);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * stream.size()));
  state.counters["readings"] =
      benchmark::Counter(static_cast<double>(sink.readings), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Decode_ge_s5)->Unit(benchmark::kMillisecond);

}  // namespace
