#pragma once
// The screen bench's scenario: an 8-hour session of full trends (5 trended channels at 1 Hz,
// dose and alarm markers, one-second desaturations) and the live snapshot stream at 30 Hz.
// Header only: tests/bench/CMakeLists.txt builds every *_bench.cpp of this folder into one
// executable.

#include <QElapsedTimer>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

#include "screen_snapshot.hpp"
#include "vigil/core/alarm_annunciation.hpp"
#include "vigil/core/alarm_condition.hpp"

namespace vigil::bench {

using core::Channel;
using station::ScreenSnapshot;
using station::TrendMarker;

constexpr int kSessionSeconds = 8 * 3600;
// The trended channels (SnapshotBuilder::is_trended), all at one point per second: the worst
// case (NIBP is usually every few minutes; an arterial line would be continuous).
constexpr Channel kTrendChannels[] = {Channel::spo2, Channel::pulse_rate, Channel::nibp_systolic,
                                      Channel::nibp_diastolic, Channel::nibp_mean};

inline double ms(const QElapsedTimer& t) { return static_cast<double>(t.nsecsElapsed()) / 1e6; }

inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size()))) - 1;
  return v[std::min(i, v.size() - 1)];
}

struct Stats {
  double p50 = 0, p99 = 0, max = 0, mean = 0;
};

inline Stats stats(const std::vector<double>& v) {
  Stats s;
  if (v.empty()) return s;
  double sum = 0;
  for (double x : v) sum += x;
  s.p50 = percentile(v, 0.50);
  s.p99 = percentile(v, 0.99);
  s.max = *std::max_element(v.begin(), v.end());
  s.mean = sum / static_cast<double>(v.size());
  return s;
}

inline void print(const char* what, const std::vector<double>& v) {
  const Stats s = stats(v);
  std::printf("  %-30s p50 %6.2f  p99 %6.2f  max %6.2f  mean %6.2f ms\n", what, s.p50, s.p99, s.max,
              s.mean);
}

// The value of channel `c` at session second `t`: slow drifts, beat-to-beat noise, and a
// one-second desaturation to 80 % every 20 minutes (each must stay visible as a spike).
inline double trendValue(Channel c, int t) {
  switch (c) {
    case Channel::spo2:
      return t % 1200 == 600 ? 80.0 : 96 + 2 * std::sin(t / 300.0) - (t % 7) * 0.3;
    case Channel::pulse_rate:
      return 72 + 10 * std::sin(t / 500.0) + (t % 5);
    case Channel::nibp_systolic:
      return 125 + 10 * std::sin(t / 4000.0) + (t % 3);
    case Channel::nibp_diastolic:
      return 80 + 5 * std::sin(t / 4000.0) + (t % 3);
    default:
      return 95 + 7 * std::sin(t / 4000.0);
  }
}

// The live state every snapshot carries: values, limits, a medium SpO2 alarm, two devices.
inline ScreenSnapshot baseSnapshot() {
  ScreenSnapshot s;
  auto set = [&](Channel c, double v, std::optional<double> lo, std::optional<double> hi) {
    auto& view = s.channel(c);
    view.value = v;
    view.absence = station::Absence::none;
    view.low_limit = lo;
    view.high_limit = hi;
  };
  set(Channel::spo2, 88, 90, std::nullopt);
  set(Channel::pulse_rate, 74, 50, 120);
  set(Channel::perfusion_index, 2.4, std::nullopt, std::nullopt);
  set(Channel::nibp_systolic, 132, 90, 160);
  set(Channel::nibp_diastolic, 84, std::nullopt, 100);
  set(Channel::nibp_mean, 100, 65, std::nullopt);
  s.channel(Channel::pleth).absence = station::Absence::none;
  s.channel(Channel::spo2).alarm.priority = core::AlarmPriority::medium;
  core::AnnunciatedCondition c;
  c.id = core::limit_condition(Channel::spo2, core::LimitSide::low);
  c.priority = core::AlarmPriority::medium;
  c.limit = core::AlarmLimit{90, core::LimitComparison::below};
  c.value = 88;
  s.annunciation.highest = c.priority;
  s.annunciation.conditions = {c};
  s.annunciation.visual = core::visual_pattern_for(c.priority);
  s.annunciation.audio_state = core::AudioState::sounding;
  s.annunciation.audio_priority = c.priority;
  s.annunciation.audio = core::audio_pattern_for(c.priority);
  const auto device = [](core::DeviceId id, const char* name, const char* model, int age_ms,
                         bool nibp) {
    return station::DeviceInfo{
        id, name, model, "connected", true, std::chrono::milliseconds(age_ms), {}, nibp, false};
  };
  s.devices = {device(1, "Oximeter", "Nonin 3150", 200, false),
               device(2, "NIBP", "SunTech 247", 800, true)};
  s.session = {true, "P-1", "Bench Patient", core::SessionPhase::observation,
               std::chrono::hours(8)};
  return s;
}

// One snapshot holding the whole session so far: every channel at 1 Hz, a dose marker every
// 30 min, a medium alarm marker at each desaturation.
inline ScreenSnapshot sessionHistory(int seconds = kSessionSeconds) {
  ScreenSnapshot s = baseSnapshot();
  s.trend.reserve(static_cast<std::size_t>(seconds) * std::size(kTrendChannels));
  for (int t = 0; t < seconds; ++t) {
    for (Channel c : kTrendChannels) s.trend.push_back({c, double(t), trendValue(c, t)});
    if (t % 1800 == 0) s.markers.push_back({TrendMarker::Kind::dose, double(t), "dose", {}});
    if (t % 1200 == 600) {
      s.markers.push_back(
          {TrendMarker::Kind::alarm, double(t), "SpO2 low", core::AlarmPriority::medium});
    }
  }
  s.now_s = seconds;
  return s;
}

// The stream of live snapshots: frame `f` after the history, 30 per second, 2-3 pleth samples
// each (75 Hz), one trend point per channel each second, SpO2 value changing.
class LiveStream {
 public:
  explicit LiveStream(double start_s) : base_(baseSnapshot()), now_s_(start_s) {
    base_.pleth.rate_hz = 75;
  }

  const ScreenSnapshot& next(int f) {
    ScreenSnapshot& s = base_;
    s.sequence = static_cast<std::uint64_t>(f);
    s.now += std::chrono::milliseconds(33);
    now_s_ += 1.0 / 30.0;
    s.now_s = now_s_;
    s.trend.clear();
    if (f % 30 == 0) {
      const int t = static_cast<int>(now_s_);
      for (Channel c : kTrendChannels) s.trend.push_back({c, now_s_, trendValue(c, t)});
    }
    s.pleth.samples.clear();
    for (int i = 0; i < 2 + (f % 2); ++i, ++pleth_phase_) {  // 2.5 samples a frame = 75 Hz
      s.pleth.samples.push_back(static_cast<float>(128 + 90 * std::sin(pleth_phase_ * 0.1)));
    }
    s.channel(Channel::spo2).value = 88 + (f % 3);
    return s;
  }

 private:
  ScreenSnapshot base_;
  double now_s_;
  std::size_t pleth_phase_ = 0;
};

}  // namespace vigil::bench
