#include "numeric_tile.hpp"

#include <gtest/gtest.h>

#include <QImage>

#include "gui_test_support.hpp"

using vigil::core::AlarmPriority;
using vigil::gui::NumericTile;
using vigil::station::ChannelAlarmState;
namespace t = vigil::gui::test;

TEST(NumericTile, ShowsValueThenDashesWithReason) {
  NumericTile tile("SpO2", "%", Qt::cyan);
  tile.setValue(97);
  EXPECT_EQ(tile.valueText(), "97");
  EXPECT_TRUE(tile.reasonText().isEmpty());
  tile.setAbsent("sensor off");
  EXPECT_EQ(tile.valueText(), "---");
  EXPECT_EQ(tile.reasonText(), "sensor off");
  tile.setLimits(90, std::nullopt);
  EXPECT_EQ(tile.limitsText(), "off\n90");
}

TEST(NumericTile, BackgroundTakesTheAlarmColourAndFlashes) {
  NumericTile tile("SpO2", "%", Qt::cyan);
  tile.resize(300, 200);
  tile.show();
  EXPECT_EQ(t::cornerColour(&tile), QColor(Qt::black));
  tile.setAlarmState(ChannelAlarmState{AlarmPriority::high, false, false});
  tile.flashTimer().setPhaseForTest(true);
  EXPECT_TRUE(tile.alarmLit());
  EXPECT_TRUE(t::isRed(t::cornerColour(&tile)));
  tile.flashTimer().setPhaseForTest(false);
  EXPECT_EQ(t::cornerColour(&tile), QColor(Qt::black));
  tile.setAlarmState(ChannelAlarmState{AlarmPriority::medium, false, false});
  EXPECT_TRUE(t::isYellow(t::cornerColour(&tile)));
  tile.setAlarmState(ChannelAlarmState{AlarmPriority::low, false, false});
  EXPECT_TRUE(t::isCyan(t::cornerColour(&tile)));
  tile.setAlarmState(ChannelAlarmState{});
  EXPECT_EQ(t::cornerColour(&tile), QColor(Qt::black));
}

TEST(NumericTile, AlarmOffIsShown) {
  NumericTile tile("SpO2", "%", Qt::cyan);
  EXPECT_FALSE(tile.alarmOffShown());
  tile.setAlarmState(ChannelAlarmState{std::nullopt, false, true});
  EXPECT_TRUE(tile.alarmOffShown());
}
