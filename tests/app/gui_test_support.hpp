#pragma once
// Snapshots and pixel helpers shared by the offscreen GUI tests.

#include <QColor>
#include <QImage>
#include <QWidget>
#include <cmath>
#include <vector>

#include "screen_snapshot.hpp"
#include "vigil/core/alarm_annunciation.hpp"
#include "vigil/core/alarm_condition.hpp"

namespace vigil::gui::test {

// A connected oximeter and NIBP monitor with normal values, no alarm.
inline station::ScreenSnapshot normalSnapshot() {
  using core::Channel;
  station::ScreenSnapshot s;
  s.now = core::SteadyTime{} + std::chrono::hours(1);
  s.now_s = 1800;
  auto set = [&](Channel c, double v, std::optional<double> lo, std::optional<double> hi,
                 core::DeviceId dev) {
    station::ChannelView& view = s.channel(c);
    view.value = v;
    view.absence = station::Absence::none;
    view.low_limit = lo;
    view.high_limit = hi;
    view.device = dev;
  };
  set(Channel::spo2, 97, 90, std::nullopt, 1);
  set(Channel::pulse_rate, 72, 50, 120, 1);
  set(Channel::perfusion_index, 3.25, std::nullopt, std::nullopt, 1);
  set(Channel::nibp_systolic, 128, 90, 160, 2);
  set(Channel::nibp_diastolic, 82, std::nullopt, 100, 2);
  set(Channel::nibp_mean, 97, 65, std::nullopt, 2);
  s.channel(Channel::pleth).absence = station::Absence::none;
  s.nibp.measured_at = s.now - std::chrono::minutes(3);
  // 4 s of a pleth-like pulse at 72 bpm (62.5 samples a beat): upstroke, dicrotic notch.
  for (int i = 0; i < 300; ++i) {
    const double p = std::fmod(i / 62.5, 1.0);
    const double v =
        std::exp(-std::pow((p - 0.15) / 0.08, 2)) + 0.45 * std::exp(-std::pow((p - 0.45) / 0.1, 2));
    s.pleth.samples.push_back(static_cast<float>(30 + 180 * v));
  }
  s.pleth.rate_hz = 75;
  s.devices = {
      {1,
       "Oximeter",
       "Nonin 3150 /dev/ttyUSB0 SN 501234",
       "connected",
       true,
       std::chrono::milliseconds(300),
       {},
       false,
       false},
      {2,
       "NIBP",
       "SunTech 247 /dev/ttyUSB1",
       "connected",
       true,
       std::chrono::milliseconds(900),
       {},
       true,
       false},
  };
  s.session = {true, "P-0042", "Alex Example", core::SessionPhase::dosing,
               std::chrono::seconds(1800)};
  return s;
}

inline core::AnnunciatedCondition spo2LowCondition(core::AlarmPriority p, double value,
                                                   double threshold) {
  core::AnnunciatedCondition c;
  c.id = core::limit_condition(core::Channel::spo2, core::LimitSide::low);
  c.priority = p;
  c.limit = core::AlarmLimit{threshold, p == core::AlarmPriority::high
                                            ? core::LimitComparison::at_or_below
                                            : core::LimitComparison::below};
  c.value = value;
  return c;
}

// An annunciation sounding one condition of its priority.
inline core::Annunciation annunciationFor(const core::AnnunciatedCondition& c) {
  core::Annunciation a;
  a.highest = c.priority;
  a.conditions = {c};
  a.visual = core::visual_pattern_for(c.priority);
  a.audio_state = core::AudioState::sounding;
  a.audio_priority = c.priority;
  a.audio = core::audio_pattern_for(c.priority);
  return a;
}

// A desaturation: SpO2 87 % below the 90 % limit, medium priority.
inline station::ScreenSnapshot mediumSpo2AlarmSnapshot() {
  station::ScreenSnapshot s = normalSnapshot();
  s.channel(core::Channel::spo2).value = 87;
  s.channel(core::Channel::spo2).alarm.priority = core::AlarmPriority::medium;
  s.annunciation = annunciationFor(spo2LowCondition(core::AlarmPriority::medium, 87, 90));
  return s;
}

inline bool isRed(QColor c) { return c.red() > 180 && c.green() < 60 && c.blue() < 60; }
inline bool isYellow(QColor c) { return c.red() > 200 && c.green() > 180 && c.blue() < 60; }
inline bool isCyan(QColor c) { return c.red() < 60 && c.green() > 180 && c.blue() > 180; }

// Colour of a pixel near the top-left corner of `w` (inside its margin, off any text) in a
// grab of `w` itself.
inline QColor cornerColour(QWidget* w) { return w->grab().toImage().pixelColor(3, 3); }

inline int differingPixels(const QImage& a, const QImage& b) {
  if (a.size() != b.size()) return -1;
  int n = 0;
  for (int y = 0; y < a.height(); ++y) {
    for (int x = 0; x < a.width(); ++x) n += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
  }
  return n;
}

}  // namespace vigil::gui::test
