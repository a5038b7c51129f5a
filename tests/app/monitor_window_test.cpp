#include "monitor_window.hpp"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <thread>

#include "alarm_bar.hpp"
#include "alarm_sound_player.hpp"
#include "device_strip.hpp"
#include "gui_test_support.hpp"
#include "numeric_tile.hpp"
#include "pleth_strip.hpp"
#include "trend_chart.hpp"
#include "user_bar.hpp"

using vigil::core::AlarmPriority;
using vigil::core::Channel;
using vigil::gui::MonitorWindow;
using vigil::gui::NumericTile;
using vigil::station::Absence;
namespace t = vigil::gui::test;

TEST(MonitorWindow, RendersOffscreenWithTilesAbsentUntilADeviceSpeaks) {
  MonitorWindow window;
  window.show();
  EXPECT_EQ(window.spo2Tile()->valueText(), "---");
  EXPECT_EQ(window.spo2Tile()->reasonText(), "no device");
  EXPECT_EQ(window.nibpTile()->reasonText(), "no device");
  EXPECT_EQ(window.alarmBar()->headlineText(), "no alarms");
  EXPECT_TRUE(window.deviceStrip()->emptyMessageShown());
  EXPECT_EQ(window.deviceStrip()->emptyMessage(), "no devices configured");
  EXPECT_EQ(window.sessionText(), "no session recording");
  const QImage shot = window.grab().toImage();
  ASSERT_FALSE(shot.isNull());
  // The tiles paint a black background: the centre of the SpO2 tile is not the default grey.
  const QPoint centre =
      window.spo2Tile()->mapTo(&window, window.spo2Tile()->rect().topLeft()) + QPoint(5, 5);
  EXPECT_EQ(shot.pixelColor(centre), QColor(Qt::black));
}

TEST(MonitorWindow, TilesShowTheSnapshotValuesLimitsAndAge) {
  MonitorWindow window;
  window.showSnapshot(t::normalSnapshot());
  EXPECT_EQ(window.spo2Tile()->valueText(), "97");
  EXPECT_EQ(window.spo2Tile()->limitsText(), "off\n90");
  EXPECT_EQ(window.pulseRateTile()->valueText(), "72");
  EXPECT_EQ(window.pulseRateTile()->limitsText(), "120\n50");
  EXPECT_EQ(window.perfusionTile()->valueText(), "3.25");
  EXPECT_EQ(window.nibpTile()->valueText(), "128/82");
  EXPECT_EQ(window.nibpTile()->detailText(), "(97)  3 min ago");
  EXPECT_EQ(window.deviceStrip()->cardCount(), 2);
  EXPECT_FALSE(window.deviceStrip()->emptyMessageShown());
  EXPECT_TRUE(window.plethStrip()->isSweeping());
  EXPECT_TRUE(window.sessionText().contains("P-0042"));
}

TEST(MonitorWindow, AbsentValuesShowDashesAndTheReason) {
  MonitorWindow window;
  auto s = t::normalSnapshot();
  s.channel(Channel::spo2).value.reset();
  s.channel(Channel::spo2).absence = Absence::sensor_off;
  s.channel(Channel::pulse_rate).value.reset();
  s.channel(Channel::pulse_rate).absence = Absence::searching;
  s.channel(Channel::nibp_systolic).value.reset();
  s.channel(Channel::nibp_systolic).absence = Absence::disconnected;
  window.showSnapshot(s);
  EXPECT_EQ(window.spo2Tile()->valueText(), "---");
  EXPECT_EQ(window.spo2Tile()->reasonText(), "sensor off");
  EXPECT_EQ(window.pulseRateTile()->reasonText(), "searching");
  EXPECT_EQ(window.nibpTile()->valueText(), "---");
  EXPECT_EQ(window.nibpTile()->reasonText(), "disconnected");
}

TEST(MonitorWindow, NibpTileDuringAMeasurement) {
  MonitorWindow window;
  auto s = t::normalSnapshot();
  s.nibp.measuring = true;
  s.nibp.cuff_pressure = 142;
  window.showSnapshot(s);  // a previous measurement is on record: it stays, the cuff works
  EXPECT_EQ(window.nibpTile()->valueText(), "128/82");
  EXPECT_EQ(window.nibpTile()->detailText(), "(97)  measuring, cuff 142");

  for (const Channel c : {Channel::nibp_systolic, Channel::nibp_diastolic, Channel::nibp_mean}) {
    s.channel(c).value.reset();
    s.channel(c).absence = Absence::measuring;
  }
  window.showSnapshot(s);  // the first measurement of the session
  EXPECT_EQ(window.nibpTile()->valueText(), "---");
  EXPECT_EQ(window.nibpTile()->reasonText(), "measuring");
  EXPECT_EQ(window.nibpTile()->detailText(), "cuff 142");
}

TEST(MonitorWindow, MediumSpo2AlarmInTheBarAndOnTheTile) {
  MonitorWindow window;
  window.show();
  auto s = t::mediumSpo2AlarmSnapshot();
  // 30 minutes of trends: a dose at 5 min, SpO2 drifting down from 20 min, NIBP every 10 min.
  for (int i = 0; i <= 1800; ++i) {
    const double spo2 = i < 1200 ? 97 - (i % 5 == 0 ? 1 : 0) : 97 - (i - 1200) / 60.0;
    s.trend.push_back({Channel::spo2, i * 1.0, spo2});
    s.trend.push_back({Channel::pulse_rate, i * 1.0, 72 + 8 * std::sin(i / 120.0)});
  }
  for (int m = 0; m <= 30; m += 10) {
    s.trend.push_back({Channel::nibp_systolic, m * 60.0, 124.0 + m / 2});
    s.trend.push_back({Channel::nibp_diastolic, m * 60.0, 80.0 + m / 5});
  }
  s.markers.push_back({vigil::station::TrendMarker::Kind::dose, 300, "esketamine 28 mg", {}});
  s.markers.push_back(
      {vigil::station::TrendMarker::Kind::alarm, 1790, "SpO2 low", AlarmPriority::medium});
  s.now_s = 1800;
  window.showSnapshot(s);
  window.trendChart()->setRange(vigil::gui::TrendChart::Range::session);
  // 5 s of pleth in snapshot-sized blocks, swept at 75 Hz.
  const auto pleth = t::normalSnapshot().pleth.samples;
  for (int k = 0; k < 50; ++k) {
    const std::size_t at = static_cast<std::size_t>(k * 15) % 250;  // 4 beats
    window.plethStrip()->addSamples(std::span(pleth).subspan(at, 15), 75, 0, 255);
    window.plethStrip()->advance(std::chrono::milliseconds(200));
  }
  QCoreApplication::processEvents();  // layouts and new child widgets settle, as in the app
  EXPECT_EQ(window.alarmBar()->headlineText(), "!! SpO2 LOW 87 < 90 %");
  window.alarmBar()->setPhaseForTest(true);
  window.spo2Tile()->flashTimer().setPhaseForTest(true);
  const QImage shot = window.grab().toImage();
  const QPoint bar = window.alarmBar()->headline()->mapTo(&window, QPoint(3, 3));
  EXPECT_TRUE(t::isYellow(shot.pixelColor(bar)));
  const QPoint tile = window.spo2Tile()->mapTo(&window, QPoint(3, 3));
  EXPECT_TRUE(t::isYellow(shot.pixelColor(tile)));
  // The README screenshot of the monitor during an alarm.
  const QString path =
      QDir(QCoreApplication::applicationDirPath()).filePath("vigil-medium-spo2-alarm.png");
  ASSERT_TRUE(shot.save(path, "PNG")) << path.toStdString();
}

TEST(MonitorWindow, ButtonsLeaveAsSignals) {
  MonitorWindow window;
  window.show();
  window.showSnapshot(t::mediumSpo2AlarmSnapshot());
  QSignalSpy ack(&window, &MonitorWindow::acknowledgeRequested);
  QSignalSpy pause(&window, &MonitorWindow::audioPauseRequested);
  QSignalSpy nibp(&window, &MonitorWindow::startNibpRequested);
  QTest::mouseClick(window.alarmBar()->acknowledgeButton(), Qt::LeftButton);
  QTest::mouseClick(window.alarmBar()->audioPauseButton(), Qt::LeftButton);
  ASSERT_EQ(window.deviceStrip()->nibpButton(0), nullptr);  // the oximeter takes no command
  ASSERT_NE(window.deviceStrip()->nibpButton(1), nullptr);
  QTest::mouseClick(window.deviceStrip()->nibpButton(1), Qt::LeftButton);
  EXPECT_EQ(ack.count(), 1);
  EXPECT_EQ(pause.count(), 1);
  ASSERT_EQ(nibp.count(), 1);
  EXPECT_EQ(nibp.front().front().value<vigil::core::DeviceId>(), 2);
}

TEST(MonitorWindow, AudioPauseCountdownFromSnapshots) {
  MonitorWindow window;
  auto s = t::mediumSpo2AlarmSnapshot();
  s.annunciation.audio_state = vigil::core::AudioState::audio_paused;
  s.annunciation.audio_pause_remaining = std::chrono::seconds(120);
  window.showSnapshot(s);
  EXPECT_EQ(window.alarmBar()->countdownText(), "Audio paused 2:00");
  s.annunciation.audio_pause_remaining = std::chrono::seconds(95);
  window.showSnapshot(s);
  EXPECT_EQ(window.alarmBar()->countdownText(), "Audio paused 1:35");
}

TEST(MonitorWindow, NoAudioOutputIsAVisibleTechnicalIndicator) {
  MonitorWindow window;
  // This machine has no audio device: the player says so and the bar shows it.
  if (window.soundPlayer()->available()) GTEST_SKIP() << "an audio output exists here";
  EXPECT_EQ(window.soundPlayer()->unavailableReason(), "no audio output");
  EXPECT_TRUE(window.alarmBar()->audioIndicatorShown());
  EXPECT_EQ(window.alarmBar()->audioIndicatorText(), "no audio output");
}

TEST(MonitorWindow, TrendsTakeSnapshotPoints) {
  MonitorWindow window;
  window.show();
  auto s = t::normalSnapshot();
  for (int i = 0; i < 600; ++i) {
    s.trend.push_back({Channel::spo2, i * 1.0, 95.0 + (i % 4)});
    s.trend.push_back({Channel::pulse_rate, i * 1.0, 70.0 + (i % 7)});
  }
  s.trend.push_back({Channel::nibp_systolic, 300, 130});
  s.markers.push_back({vigil::station::TrendMarker::Kind::dose, 120, "esketamine 28 mg", {}});
  s.now_s = 600;
  window.showSnapshot(s);
  window.trendChart()->rebuild();
  using S = vigil::gui::TrendChart::Series;
  EXPECT_EQ(window.trendChart()->storedPointCount(S::spo2), 600u);
  EXPECT_GT(window.trendChart()->shownPointCount(S::spo2), 0);
  EXPECT_LE(window.trendChart()->shownPointCount(S::spo2), 2 * window.trendChart()->plotColumns());
  EXPECT_EQ(window.trendChart()->shownPointCount(S::nibp_systolic), 1);
}

TEST(MonitorWindow, SnapshotsArriveByQueuedConnectionFromAnotherThread) {
  MonitorWindow window;
  const auto snapshot = t::normalSnapshot();
  std::thread producer([&] {
    QMetaObject::invokeMethod(&window, "showSnapshot", Qt::QueuedConnection,
                              Q_ARG(vigil::station::ScreenSnapshot, snapshot));
  });
  producer.join();
  EXPECT_EQ(window.spo2Tile()->valueText(), "---");  // not yet: the GUI thread delivers it
  QCoreApplication::processEvents();
  EXPECT_EQ(window.spo2Tile()->valueText(), "97");
}
