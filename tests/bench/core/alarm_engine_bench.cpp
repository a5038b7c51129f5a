// Cost of evaluating one reading in the alarm engine (target <= 1 us per reading).
// Run: cmake --preset release -B build/h-alarm-rel &&
//      cmake --build build/h-alarm-rel --target vigil_core_bench -j2 &&
//      ./build/h-alarm-rel/tests/bench/vigil_core_bench
#include <benchmark/benchmark.h>

#include <chrono>

#include "vigil/core/alarm_engine.hpp"

namespace {

using namespace vigil::core;
using namespace std::chrono_literals;

// The default profile plus eight more limit tiers: 20 rules, as the issue asks.
AlarmProfile twenty_rule_profile() {
  AlarmProfile p = default_alarm_profile();
  using enum LimitComparison;
  using enum AlarmPriority;
  p.limits.push_back({Channel::spo2, below, 92, low, 30s});
  p.limits.push_back({Channel::spo2, below, 88, medium, 5s});
  p.limits.push_back({Channel::spo2, above, 99.5, low, 60s});
  p.limits.push_back({Channel::pulse_rate, below, 45, medium, 2s});
  p.limits.push_back({Channel::pulse_rate, above, 135, medium, 2s});
  p.limits.push_back({Channel::perfusion_index, below, 0.3, low, 10s});
  p.limits.push_back({Channel::nibp_mean, above, 130, medium, 0s});
  p.limits.push_back({Channel::nibp_pulse_rate, above, 130, medium, 0s});
  return p;
}

Reading make_reading(Channel c, double v, SteadyTime t) {
  Reading r;
  r.channel = c;
  r.value = v;
  r.device = 1;
  r.steady_time = t;
  return r;
}

// SpO2 and pulse readings within limits: the common case, no events.
void BM_ReadingWithinLimits(benchmark::State& state) {
  AlarmEventBuffer<64> events;
  AlarmEngine engine(twenty_rule_profile(), events, SessionPhase::dosing);
  SteadyTime t{};
  double v = 96;
  for (auto _ : state) {
    t += 250ms;
    v = v > 97 ? 95.5 : v + 0.5;
    engine.on_reading(make_reading(Channel::spo2, v, t));
    events.clear();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReadingWithinLimits);

// Conditions active on several channels and every SpO2 tier on its alarm side: each reading
// walks all tiers of its channel with conditions raised.
void BM_ReadingWithConditionsActive(benchmark::State& state) {
  AlarmEventBuffer<64> events;
  AlarmEngine engine(twenty_rule_profile(), events, SessionPhase::dosing);
  SteadyTime t{};
  const Channel channels[] = {Channel::spo2, Channel::pulse_rate, Channel::perfusion_index};
  const double values[] = {80, 160, 0.1};
  for (int i = 0; i < 120; ++i) {  // one minute of readings: every delay has passed
    t += 500ms;
    for (int c = 0; c < 3; ++c) engine.on_reading(make_reading(channels[c], values[c], t));
  }
  engine.on_reading(make_reading(Channel::nibp_systolic, 190, t));
  engine.on_reading(make_reading(Channel::nibp_mean, 140, t));
  events.clear();
  int c = 0;
  for (auto _ : state) {
    t += 100ms;
    engine.on_reading(make_reading(channels[c], values[c] + (c == 2 ? 0 : 0.5), t));
    c = (c + 1) % 3;
    events.clear();
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["active"] = static_cast<double>(engine.annunciation(t).conditions.size());
}
BENCHMARK(BM_ReadingWithConditionsActive);

// Worst case: each reading raises or clears the SpO2 condition (events on every call).
void BM_ReadingTogglingACondition(benchmark::State& state) {
  AlarmEventBuffer<64> events;
  AlarmEngine engine(twenty_rule_profile(), events, SessionPhase::dosing);
  SteadyTime t{};
  bool low = false;
  for (auto _ : state) {
    t += 250ms;
    low = !low;
    engine.on_reading(make_reading(Channel::spo2, low ? 80 : 97, t));
    events.clear();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReadingTogglingACondition);

// Worst case for one channel: 20 SpO2 tiers, every one met, each reading walks them all.
void BM_ReadingTwentyTiersAllMet(benchmark::State& state) {
  AlarmProfile p = default_alarm_profile();
  p.limits.clear();
  for (int i = 0; i < 20; ++i) {
    p.limits.push_back({Channel::spo2, LimitComparison::below, 99.0 - i,
                        i < 10 ? AlarmPriority::medium : AlarmPriority::high,
                        std::chrono::seconds(i % 5)});
  }
  AlarmEventBuffer<64> events;
  AlarmEngine engine(p, events, SessionPhase::dosing);
  SteadyTime t{};
  for (int i = 0; i < 20; ++i) {
    t += 500ms;
    engine.on_reading(make_reading(Channel::spo2, 70, t));
  }
  events.clear();
  double v = 70;
  for (auto _ : state) {
    t += 250ms;
    v = v > 74 ? 70 : v + 0.5;
    engine.on_reading(make_reading(Channel::spo2, v, t));
    events.clear();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReadingTwentyTiersAllMet);

// The screen's view, built at <= 30 Hz with the conditions above active.
void BM_Annunciation(benchmark::State& state) {
  AlarmEventBuffer<64> events;
  AlarmEngine engine(twenty_rule_profile(), events, SessionPhase::dosing);
  SteadyTime t{};
  engine.on_reading(make_reading(Channel::spo2, 80, t));
  engine.on_reading(make_reading(Channel::pulse_rate, 160, t));
  engine.on_reading(make_reading(Channel::nibp_systolic, 190, t));
  Annunciation a;
  for (auto _ : state) {
    engine.annunciation(t, a);
    benchmark::DoNotOptimize(a);
  }
}
BENCHMARK(BM_Annunciation);

}  // namespace
