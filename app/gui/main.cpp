// vigil: the Qt bedside monitoring station.
#include <QApplication>

#include "monitor_window.hpp"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("Vigil"));
  vigil::gui::MonitorWindow window;
  window.show();
  return QApplication::exec();
}
