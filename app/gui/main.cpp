// vigil: the Qt bedside monitoring station.
//   vigil [--demo [--speed X] [--start-at MINUTES] [--db FILE]] [--screenshot FILE]
//         [--quit-after SECONDS]
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>

#include "demo_bedside.hpp"
#include "monitor_window.hpp"
#include "station.hpp"
#include "station_bridge.hpp"

namespace {

struct Options {
  bool demo = false;
  vigil::demo::DemoOptions demo_options;
  QString screenshot;       // save the window as PNG, then quit
  double quit_after_s = 0;  // seconds until the screenshot / quit; 0 = run until closed
};

[[noreturn]] void usage_error(const QString& message) {
  std::fprintf(stderr, "vigil: error: %s\n", qPrintable(message));
  std::exit(2);
}

double number_option(const QCommandLineParser& parser, const QCommandLineOption& option,
                     const QString& rule) {
  bool ok = false;
  const double v = parser.value(option).toDouble(&ok);
  if (!ok) usage_error(QStringLiteral("--%1: %2").arg(option.names().first(), rule));
  return v;
}

// Parses the command line; on a bad option prints one line naming it and exits with status 2.
Options parse_options(const QStringList& arguments) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Vigil bedside monitoring station"));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption demo(
      QStringLiteral("demo"),
      QStringLiteral("Run the scripted demo session on simulated devices (a Nonin oximeter and a "
                     "SunTech NIBP module on pseudo-terminals), recording into a new database."));
  const QCommandLineOption speed(QStringLiteral("speed"),
                                 QStringLiteral("Demo: scenario seconds per real second "
                                                "(0.1..100, default 1)."),
                                 QStringLiteral("X"));
  const QCommandLineOption start_at(
      QStringLiteral("start-at"),
      QStringLiteral("Demo: start the scripted session at this minute (0..150; desaturation at "
                     "25, BP spike at 40, finger out at 70, unplug at 90)."),
      QStringLiteral("MINUTES"));
  const QCommandLineOption db(QStringLiteral("db"),
                              QStringLiteral("Demo: record into this new database file "
                                             "(default: a new temporary file)."),
                              QStringLiteral("FILE"));
  const QCommandLineOption screenshot(
      QStringLiteral("screenshot"),
      QStringLiteral("Render offscreen, save the window as PNG to FILE, then quit."),
      QStringLiteral("FILE"));
  const QCommandLineOption quit_after(QStringLiteral("quit-after"),
                                      QStringLiteral("Quit (after the screenshot) after SECONDS."),
                                      QStringLiteral("SECONDS"));
  parser.addOptions({demo, speed, start_at, db, screenshot, quit_after});
  if (!parser.parse(arguments)) usage_error(parser.errorText());
  if (parser.isSet(QStringLiteral("help"))) parser.showHelp(0);
  if (parser.isSet(QStringLiteral("version"))) parser.showVersion();
  if (!parser.positionalArguments().isEmpty()) {
    usage_error(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments()[0]));
  }

  Options o;
  o.demo = parser.isSet(demo);
  for (const auto* demo_only : {&speed, &start_at, &db}) {
    if (parser.isSet(*demo_only) && !o.demo) {
      usage_error(QStringLiteral("--%1: only with --demo").arg(demo_only->names().first()));
    }
  }
  if (parser.isSet(speed)) {
    o.demo_options.speed = number_option(parser, speed, QStringLiteral("must be a number"));
  }
  if (parser.isSet(start_at)) {
    o.demo_options.start_at_min =
        number_option(parser, start_at, QStringLiteral("must be a number"));
  }
  if (parser.isSet(db)) o.demo_options.db_file = parser.value(db).toStdString();
  if (o.demo) {
    if (auto problem = vigil::demo::demo_options_problem(o.demo_options)) {
      usage_error(QString::fromStdString(*problem));
    }
  }
  o.screenshot = parser.value(screenshot);
  if (parser.isSet(quit_after)) {
    o.quit_after_s = number_option(parser, quit_after,
                                   QStringLiteral("must be a number of seconds in 0..86400"));
    if (o.quit_after_s < 0 || o.quit_after_s > 86400) {
      usage_error(QStringLiteral("--quit-after: must be a number of seconds in 0..86400"));
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
  // A screenshot run renders offscreen unless the caller chose a platform.
  if (!options.screenshot.isEmpty() && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
  }
  QApplication app(argc, argv);

  vigil::gui::MonitorWindow window;
  vigil::gui::StationBridge bridge(window);
  std::unique_ptr<vigil::demo::DemoBedside> bedside;
  std::unique_ptr<vigil::station::Station> station;
  QTimer script_timer;
  if (options.demo) {
    try {
      bedside = std::make_unique<vigil::demo::DemoBedside>(options.demo_options);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "vigil: error: %s\n", e.what());
      return 1;
    }
    station = std::make_unique<vigil::station::Station>(bedside->station_config(), bridge);
    bridge.attach(*station, QStringLiteral("demo-nurse"));
    station->start();
    auto print = [](const std::vector<std::string>& lines) {
      for (const auto& l : lines) std::printf("vigil: demo %s\n", l.c_str());
      std::fflush(stdout);
    };
    print(bedside->begin(*station));
    std::printf("vigil: demo recording session %lld into %s\n",
                static_cast<long long>(bedside->session_id()), bedside->db_file().c_str());
    std::fflush(stdout);
    QObject::connect(&script_timer, &QTimer::timeout, &app,
                     [&, print] { print(bedside->step(*station)); });
    script_timer.start(1000);
    QObject::connect(&app, &QCoreApplication::aboutToQuit, [&, print] {
      script_timer.stop();
      bridge.detach();
      print(bedside->finish(*station));
      station->stop();
    });
  }
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
        std::fflush(stdout);
      }
      QApplication::quit();
    });
  }
  return QApplication::exec();
}
