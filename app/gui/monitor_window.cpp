#include "monitor_window.hpp"

#include <QHBoxLayout>

#include "numeric_tile.hpp"

namespace vigil::gui {

MonitorWindow::MonitorWindow(QWidget* parent)
    : QMainWindow(parent),
      spo2_(new NumericTile(tr("SpO2"), QStringLiteral("%"), QColor(0, 200, 255))),
      pulse_rate_(new NumericTile(tr("Pulse rate"), QStringLiteral("bpm"), QColor(0, 230, 0))),
      nibp_(new NumericTile(tr("NIBP"), QStringLiteral("mmHg"), QColor(255, 255, 255))) {
  setWindowTitle(tr("Vigil - bedside monitor"));
  auto* central = new QWidget(this);
  auto* row = new QHBoxLayout(central);
  for (auto* tile : {spo2_, pulse_rate_, nibp_}) {
    tile->setAbsent(tr("no device"));
    row->addWidget(tile);
  }
  setCentralWidget(central);
  resize(1280, 400);
}

}  // namespace vigil::gui
