// vigil: the Qt bedside monitoring station.
//   vigil --db FILE --user NAME --device PROTOCOL:PORT [--device ...]   the bedside station
//   vigil --demo [--speed X] [--start-at MINUTES] [--db FILE]           the scripted demo
//   common: [--screenshot FILE] [--quit-after SECONDS]
// The station's password comes from VIGIL_PASSWORD or a password dialog.
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QInputDialog>
#include <QTimer>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>

#include "bedside_controller.hpp"
#include "demo_bedside.hpp"
#include "device_spec.hpp"
#include "monitor_window.hpp"

namespace {

struct Options {
  bool demo = false;
  vigil::demo::DemoOptions demo_options;
  vigil::gui::StationModeOptions station;  // used when devices are given
  QString screenshot;                      // save the window as PNG, then quit
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
  if (!ok || !std::isfinite(v))
    usage_error(QStringLiteral("--%1: %2").arg(option.names().first(), rule));
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
  const QCommandLineOption db(
      QStringLiteral("db"),
      QStringLiteral("The station's database (with --user and --device); with --demo: record "
                     "into this new file (default: a new temporary file)."),
      QStringLiteral("FILE"));
  const QCommandLineOption user(QStringLiteral("user"),
                                QStringLiteral("The nurse or clinician at the bedside "
                                               "(password: VIGIL_PASSWORD or a dialog)."),
                                QStringLiteral("NAME"));
  const QCommandLineOption device(
      QStringLiteral("device"),
      QStringLiteral("A device as PROTOCOL:PORT (repeat for more); protocols: %1.")
          .arg(QString::fromStdString(vigil::station::device_protocol_list())),
      QStringLiteral("PROTOCOL:PORT"));
  const QCommandLineOption screenshot(
      QStringLiteral("screenshot"),
      QStringLiteral("Render offscreen, save the window as PNG to FILE, then quit."),
      QStringLiteral("FILE"));
  const QCommandLineOption quit_after(QStringLiteral("quit-after"),
                                      QStringLiteral("Quit (after the screenshot) after SECONDS."),
                                      QStringLiteral("SECONDS"));
  parser.addOptions({demo, speed, start_at, db, user, device, screenshot, quit_after});
  if (!parser.parse(arguments)) usage_error(parser.errorText());
  if (parser.isSet(QStringLiteral("help"))) parser.showHelp(0);
  if (parser.isSet(QStringLiteral("version"))) parser.showVersion();
  if (!parser.positionalArguments().isEmpty()) {
    usage_error(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments()[0]));
  }

  Options o;
  o.demo = parser.isSet(demo);
  for (const auto* demo_only : {&speed, &start_at}) {
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
  if (o.demo && (parser.isSet(user) || parser.isSet(device))) {
    usage_error(
        QStringLiteral("--demo: runs on its own simulated devices and demo users; "
                       "drop --user and --device"));
  }
  for (const auto& text : parser.values(device)) {
    vigil::drivers::DeviceSessionConfig d;
    const auto id = static_cast<vigil::core::DeviceId>(o.station.devices.size() + 1);
    const std::string problem = vigil::station::parse_device_spec(text.toStdString(), id, d);
    if (!problem.empty()) usage_error(QString::fromStdString(problem));
    o.station.devices.push_back(std::move(d));
  }
  if (const std::string problem = vigil::station::duplicate_port_problem(o.station.devices);
      !problem.empty()) {
    usage_error(QString::fromStdString(problem));
  }
  const bool station_mode =
      parser.isSet(user) || parser.isSet(device) || (!o.demo && parser.isSet(db));
  if (station_mode && (!parser.isSet(db) || !parser.isSet(user) || !parser.isSet(device))) {
    usage_error(
        QStringLiteral("--db, --user and --device go together (the station's database, "
                       "the nurse or clinician, at least one device)"));
  }
  o.station.db_file = parser.value(db).toStdString();
  o.station.user = parser.value(user).toStdString();
  if (o.demo) {
    if (auto problem = vigil::demo::demo_options_problem(o.demo_options)) {
      usage_error(QString::fromStdString(*problem));
    }
  }
  o.screenshot = parser.value(screenshot);
  if (parser.isSet(screenshot) && o.screenshot.isEmpty()) {
    usage_error(QStringLiteral("--screenshot: must not be empty"));
  }
  if (parser.isSet(db) && parser.value(db).isEmpty()) {
    usage_error(QStringLiteral("--db: must not be empty"));
  }
  const auto file_identity = [](const QString& path) {  // the real file when it exists
    const QFileInfo info(path);
    return info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
  };
  if (!o.screenshot.isEmpty() && parser.isSet(db) &&
      file_identity(o.screenshot) == file_identity(parser.value(db))) {
    usage_error(QStringLiteral("--screenshot: must not be the --db file"));
  }
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
  vigil::gui::BedsideController controller(window);
  try {
    if (options.demo) {
      controller.startDemo(options.demo_options);
    } else if (!options.station.devices.empty()) {
      vigil::gui::StationModeOptions station = options.station;
      if (qEnvironmentVariableIsSet("VIGIL_PASSWORD")) {
        station.password = qEnvironmentVariable("VIGIL_PASSWORD").toStdString();
      } else {
        bool ok = false;
        station.password =
            QInputDialog::getText(
                nullptr, QStringLiteral("Vigil"),
                QStringLiteral("Password for %1:").arg(QString::fromStdString(station.user)),
                QLineEdit::Password, QString(), &ok)
                .toStdString();
        if (!ok) return 1;
      }
      controller.startStation(station);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "vigil: error: %s\n", e.what());
    return 1;
  }
  QObject::connect(&app, &QCoreApplication::aboutToQuit, [&] { controller.shutdown(); });
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
