// vigil: the Qt bedside monitoring station.
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdio>

#include "monitor_window.hpp"

namespace {

struct Options {
  QString screenshot;       // save the window as PNG, then quit
  double quit_after_s = 0;  // seconds until the screenshot / quit; 0 = run until closed
};

// Parses the command line; on a bad option prints one line naming it and exits with status 2.
Options parse_options(const QStringList& arguments) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Vigil bedside monitoring station"));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                      QStringLiteral("Save the window as PNG to FILE, then quit."),
                                      QStringLiteral("FILE"));
  const QCommandLineOption quit_after(QStringLiteral("quit-after"),
                                      QStringLiteral("Quit (after the screenshot) after SECONDS."),
                                      QStringLiteral("SECONDS"));
  parser.addOption(screenshot);
  parser.addOption(quit_after);
  if (!parser.parse(arguments)) {
    std::fprintf(stderr, "vigil: error: %s\n", qPrintable(parser.errorText()));
    std::exit(2);
  }
  if (parser.isSet(QStringLiteral("help"))) parser.showHelp(0);
  if (parser.isSet(QStringLiteral("version"))) parser.showVersion();

  Options o;
  o.screenshot = parser.value(screenshot);
  if (parser.isSet(quit_after)) {
    bool ok = false;
    o.quit_after_s = parser.value(quit_after).toDouble(&ok);
    if (!ok || o.quit_after_s < 0 || o.quit_after_s > 86400) {
      std::fprintf(stderr, "vigil: error: --quit-after must be a number of seconds in 0..86400\n");
      std::exit(2);
    }
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  // Options are checked before the window system is touched, so a typo gets its message even
  // without a display.
  QStringList arguments;
  for (int i = 0; i < argc; ++i) arguments << QString::fromLocal8Bit(argv[i]);
  QApplication::setApplicationName(QStringLiteral("Vigil"));
  QApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
  const Options options = parse_options(arguments);
  QApplication app(argc, argv);

  vigil::gui::MonitorWindow window;
  window.show();

  if (!options.screenshot.isEmpty() || options.quit_after_s > 0) {
    const int delay_ms = static_cast<int>(options.quit_after_s * 1000);
    QTimer::singleShot(delay_ms, &app, [&] {
      if (!options.screenshot.isEmpty()) {
        if (!window.grab().save(options.screenshot, "PNG")) {
          std::fprintf(stderr, "vigil: error: cannot write screenshot %s\n",
                       qPrintable(options.screenshot));
          QApplication::exit(1);
          return;
        }
        std::printf("vigil: screenshot saved to %s\n", qPrintable(options.screenshot));
      }
      QApplication::quit();
    });
  }
  return QApplication::exec();
}
