#include "pleth_strip.hpp"

#include <gtest/gtest.h>

#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <cmath>

#include "gui_test_support.hpp"

using vigil::gui::PlethStrip;
namespace t = vigil::gui::test;

namespace {

std::vector<float> wave(int n, int phase = 0) {
  std::vector<float> s;
  for (int i = 0; i < n; ++i)
    s.push_back(static_cast<float>(128 + 100 * std::sin((i + phase) * 0.25)));
  return s;
}

}  // namespace

TEST(PlethStrip, FramesAtLeast25PerSecond) {
  PlethStrip strip;
  EXPECT_LE(strip.frameIntervalMs(), 40);
  EXPECT_FALSE(strip.isSweeping());
  const auto s = wave(75);
  strip.addSamples(s, 75);
  EXPECT_TRUE(strip.isSweeping());
}

TEST(PlethStrip, SweepsAtTheDeviceRate) {
  PlethStrip strip;
  strip.resize(800, 150);
  strip.show();
  const auto s = wave(150);
  strip.addSamples(s, 75, 0, 255);
  const QImage before = strip.grab().toImage();
  strip.advance(std::chrono::milliseconds(400));  // 30 samples at 75 Hz
  EXPECT_EQ(strip.cursor(), 30);
  const QImage frame1 = strip.grab().toImage();
  strip.advance(std::chrono::milliseconds(40));  // 3 more
  EXPECT_EQ(strip.cursor(), 33);
  const QImage frame2 = strip.grab().toImage();
  EXPECT_GT(t::differingPixels(before, frame1), 50);
  EXPECT_GT(t::differingPixels(frame1, frame2), 5);
}

TEST(PlethStrip, TheFrameTimerMovesTheSweep) {
  PlethStrip strip;
  strip.resize(800, 150);
  strip.show();
  const auto s = wave(75);
  strip.addSamples(s, 75, 0, 255);
  QTest::qWait(200);
  EXPECT_GT(strip.cursor(), 5);
  EXPECT_LT(strip.pendingSamples(), 75u);
}

TEST(PlethStrip, AbsentClearsTheTraceAndStops) {
  PlethStrip strip;
  const auto s = wave(75);
  strip.addSamples(s, 75);
  strip.setAbsent("sensor off");
  EXPECT_FALSE(strip.isSweeping());
  EXPECT_EQ(strip.pendingSamples(), 0u);
}

TEST(PlethStrip, AutoScaleWidensForATallerPulse) {
  PlethStrip strip;
  strip.resize(600, 150);
  strip.show();
  const std::vector<float> small{100, 110, 120, 110, 100};
  strip.addSamples(small, 75);  // auto-scale (no device scale)
  strip.advance(std::chrono::milliseconds(100));
  const QImage before = strip.grab().toImage();
  const std::vector<float> tall{100, 200, 250, 200, 100};
  strip.addSamples(tall, 75);
  strip.advance(std::chrono::milliseconds(100));
  // The earlier, smaller samples are redrawn on the wider scale: pixels left of the new band
  // change too.
  const QImage after = strip.grab().toImage();
  EXPECT_GT(t::differingPixels(before.copy(0, 0, 20, 150), after.copy(0, 0, 20, 150)), 0);
}

TEST(PlethStrip, AFullRepaintCopiesTheCachedTrace) {
  PlethStrip strip;
  strip.resize(800, 150);
  strip.show();
  const auto s = wave(150);
  strip.addSamples(s, 75, 0, 255);
  strip.advance(std::chrono::milliseconds(1000));
  const QImage first = strip.grab().toImage();
  const long renders = strip.traceRenders();
  const QImage second = strip.grab().toImage();  // a whole-window grab repaints everything
  EXPECT_EQ(strip.traceRenders(), renders);      // ... and draws no trace for it
  EXPECT_EQ(t::differingPixels(first, second), 0);
}

TEST(PlethStrip, SweptBandsMatchAWholeRedraw) {
  // `banded` is painted after every frame (only the swept band is drawn into its cache);
  // `whole` is painted once at the end (all of it drawn at once). The pictures must agree.
  PlethStrip banded;
  PlethStrip whole;
  for (PlethStrip* p : {&banded, &whole}) {
    p->resize(800, 150);
    p->show();
  }
  const auto s = wave(600);
  for (PlethStrip* p : {&banded, &whole}) p->addSamples(std::span(s).first(30), 75, 0, 255);
  for (int frame = 0; frame < 200; ++frame) {  // 200 frames of 40 ms: 8 s, one wrap
    const auto block = std::span(s).subspan(static_cast<std::size_t>(30 + frame * 3 % 540), 3);
    for (PlethStrip* p : {&banded, &whole}) {
      p->addSamples(block, 75, 0, 255);
      p->advance(std::chrono::milliseconds(40));
    }
    (void)banded.grab();
  }
  EXPECT_GT(banded.traceRenders(), 150);
  EXPECT_EQ(t::differingPixels(banded.grab().toImage(), whole.grab().toImage()), 0);
}
