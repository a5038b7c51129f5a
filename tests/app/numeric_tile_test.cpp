#include <gtest/gtest.h>

#include <QImage>

#include "monitor_window.hpp"
#include "numeric_tile.hpp"

using vigil::gui::MonitorWindow;
using vigil::gui::NumericTile;

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

TEST(MonitorWindow, RendersOffscreenWithTilesAbsentUntilADeviceSpeaks) {
  MonitorWindow window;
  window.show();
  EXPECT_EQ(window.spo2Tile()->valueText(), "---");
  EXPECT_EQ(window.spo2Tile()->reasonText(), "no device");
  const QImage shot = window.grab().toImage();
  ASSERT_FALSE(shot.isNull());
  // The tiles paint a black background: the centre of the SpO2 tile is not the default grey.
  const QPoint centre =
      window.spo2Tile()->mapTo(&window, window.spo2Tile()->rect().topLeft()) + QPoint(5, 5);
  EXPECT_EQ(shot.pixelColor(centre), QColor(Qt::black));
}
