#include "device_strip.hpp"

#include <gtest/gtest.h>

#include <QPushButton>

#include "gui_test_support.hpp"

using vigil::gui::DeviceStrip;
namespace t = vigil::gui::test;

TEST(DeviceStrip, EmptyShowsNoDevicesConfigured) {
  DeviceStrip strip;
  strip.setDevices({});
  EXPECT_TRUE(strip.emptyMessageShown());
  EXPECT_EQ(strip.emptyMessage(), "no devices configured");
  EXPECT_EQ(strip.cardCount(), 0);
}

TEST(DeviceStrip, ShowsStateIdentityAgeAndTechnicalConditions) {
  DeviceStrip strip;
  auto devices = t::normalSnapshot().devices;
  devices[0].state = "reconnecting";
  devices[0].connected = false;
  devices[0].last_data_age = std::chrono::milliseconds(4200);
  devices[0].technical_conditions = {"disconnected"};
  strip.setDevices(devices);
  EXPECT_FALSE(strip.emptyMessageShown());
  ASSERT_EQ(strip.cardCount(), 2);
  EXPECT_EQ(strip.cardText(0),
            "Oximeter  Nonin 3150 /dev/ttyUSB0 SN 501234\nreconnecting\nlast data 4.2 s "
            "ago\ndisconnected");
  EXPECT_EQ(strip.nibpButton(0), nullptr);
  ASSERT_NE(strip.nibpButton(1), nullptr);
  EXPECT_TRUE(strip.nibpButton(1)->isEnabled());
  // The same devices again: the cards are reused, only texts change.
  QPushButton* before = strip.nibpButton(1);
  devices[1].nibp_measuring = true;
  strip.setDevices(devices);
  EXPECT_EQ(strip.nibpButton(1), before);
  EXPECT_FALSE(before->isEnabled());
  EXPECT_EQ(before->text(), "NIBP measuring...");
}
