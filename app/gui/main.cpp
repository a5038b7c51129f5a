// vigil: the Qt bedside monitoring station.
//   vigil --db FILE [--device PROTOCOL:PORT ...] [--chair NAME] [--user NAME]   the station
//   vigil --demo [--scripted] [--speed X] [--start-at MINUTES] [--db FILE]      the demo
//   common: [--screenshot FILE] [--quit-after SECONDS]
// The station starts at once (devices watched, alarms live); users sign in on the screen.
// --user signs that user in at start, the password from VIGIL_PASSWORD or a password dialog.
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
#include "sign_in_screen.hpp"

namespace {

struct Options {
  bool demo = false;
  vigil::demo::DemoOptions demo_options;
  bool station_mode = false;  // --db without --demo
  vigil::gui::StationModeOptions station;
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
  if (!ok || !std::isfinite(v))
    usage_error(QStringLiteral("--%1: %2").arg(option.names().first(), rule));
  return v;
}

// The command line's options, in the order --help lists them.
struct OptionList {
  QCommandLineOption demo{
      QStringLiteral("demo"),
      QStringLiteral("Run the station on simulated devices (a Nonin oximeter and a SunTech NIBP "
                     "module on pseudo-terminals) with a new demo database: demo users (printed "
                     "at start), a demo patient and a session planned for the demo chair.")};
  QCommandLineOption scripted{
      QStringLiteral("scripted"),
      QStringLiteral("Demo: record the scripted session instead (no sign-in; the clinical "
                     "record is written by the script).")};
  QCommandLineOption speed{QStringLiteral("speed"),
                           QStringLiteral("Demo: scenario seconds per real second "
                                          "(0.1..100, default 1)."),
                           QStringLiteral("X")};
  QCommandLineOption start_at{
      QStringLiteral("start-at"),
      QStringLiteral("Demo: start the scripted session at this minute (0..150; desaturation at "
                     "25, BP spike at 40, finger out at 70, unplug at 90)."),
      QStringLiteral("MINUTES")};
  QCommandLineOption db{
      QStringLiteral("db"),
      QStringLiteral("The station's database; with --demo: record into this new file "
                     "(default: a new temporary file)."),
      QStringLiteral("FILE")};
  QCommandLineOption user{QStringLiteral("user"),
                          QStringLiteral("Sign this user in at start (password: VIGIL_PASSWORD "
                                         "or a dialog); without it the sign-in screen shows."),
                          QStringLiteral("NAME")};
  QCommandLineOption chair{QStringLiteral("chair"),
                           QStringLiteral("The chair this station watches (its Today list; "
                                          "default chair-1)."),
                           QStringLiteral("NAME")};
  QCommandLineOption device{
      QStringLiteral("device"),
      QStringLiteral("A device as PROTOCOL:PORT (repeat for more); protocols: %1.")
          .arg(QString::fromStdString(vigil::station::device_protocol_list())),
      QStringLiteral("PROTOCOL:PORT")};
  QCommandLineOption screenshot{
      QStringLiteral("screenshot"),
      QStringLiteral("Render offscreen, save the window as PNG to FILE, then quit."),
      QStringLiteral("FILE")};
  QCommandLineOption quit_after{QStringLiteral("quit-after"),
                                QStringLiteral("Quit (after the screenshot) after SECONDS."),
                                QStringLiteral("SECONDS")};
};

// Parses `arguments` into `parser`; --help and --version print and exit here (status 0).
void parse_or_exit(QCommandLineParser& parser, const OptionList& opt,
                   const QStringList& arguments) {
  parser.setApplicationDescription(QStringLiteral("Vigil bedside monitoring station"));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addOptions({opt.demo, opt.scripted, opt.speed, opt.start_at, opt.db, opt.user, opt.chair,
                     opt.device, opt.screenshot, opt.quit_after});
  if (!parser.parse(arguments)) usage_error(parser.errorText());
  if (parser.isSet(QStringLiteral("help"))) parser.showHelp(0);
  if (parser.isSet(QStringLiteral("version"))) parser.showVersion();
  if (!parser.positionalArguments().isEmpty()) {
    usage_error(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments()[0]));
  }
}

// --demo and the options only it takes; --demo excludes --user, --chair and --device.
void read_demo_options(const QCommandLineParser& parser, const OptionList& opt, Options& o) {
  o.demo = parser.isSet(opt.demo);
  o.demo_options.scripted = parser.isSet(opt.scripted);
  for (const auto* demo_only : {&opt.scripted, &opt.speed, &opt.start_at}) {
    if (parser.isSet(*demo_only) && !o.demo) {
      usage_error(QStringLiteral("--%1: only with --demo").arg(demo_only->names().first()));
    }
  }
  if (parser.isSet(opt.speed)) {
    o.demo_options.speed = number_option(parser, opt.speed, QStringLiteral("must be a number"));
  }
  if (parser.isSet(opt.start_at)) {
    o.demo_options.start_at_min =
        number_option(parser, opt.start_at, QStringLiteral("must be a number"));
  }
  if (parser.isSet(opt.db)) o.demo_options.db_file = parser.value(opt.db).toStdString();
  if (o.demo && (parser.isSet(opt.user) || parser.isSet(opt.device) || parser.isSet(opt.chair))) {
    usage_error(
        QStringLiteral("--demo: runs on its own simulated devices, chair and demo users; "
                       "drop --user, --chair and --device"));
  }
}

// The station's database, devices, chair and user: --user, --chair and --device need --db.
void read_station_options(const QCommandLineParser& parser, const OptionList& opt, Options& o) {
  for (const auto& text : parser.values(opt.device)) {
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
  o.station_mode = !o.demo && parser.isSet(opt.db);
  for (const auto* needs_db : {&opt.user, &opt.device, &opt.chair}) {
    if (parser.isSet(*needs_db) && !o.station_mode) {
      usage_error(QStringLiteral("--%1: needs --db (the station's database)")
                      .arg(needs_db->names().first()));
    }
  }
  if (parser.isSet(opt.chair)) {
    o.station.chair = parser.value(opt.chair).trimmed().toStdString();
    if (o.station.chair.empty()) usage_error(QStringLiteral("--chair: must not be empty"));
  }
  o.station.db_file = parser.value(opt.db).toStdString();
  o.station.user = parser.value(opt.user).toStdString();
  if (o.demo) {
    if (auto problem = vigil::demo::demo_options_problem(o.demo_options)) {
      usage_error(QString::fromStdString(*problem));
    }
  }
}

// --screenshot (never the --db file), an empty --db, and --quit-after.
void read_output_options(const QCommandLineParser& parser, const OptionList& opt, Options& o) {
  o.screenshot = parser.value(opt.screenshot);
  if (parser.isSet(opt.screenshot) && o.screenshot.isEmpty()) {
    usage_error(QStringLiteral("--screenshot: must not be empty"));
  }
  if (parser.isSet(opt.db) && parser.value(opt.db).isEmpty()) {
    usage_error(QStringLiteral("--db: must not be empty"));
  }
  const auto file_identity = [](const QString& path) {  // the real file when it exists
    const QFileInfo info(path);
    return info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
  };
  if (!o.screenshot.isEmpty() && parser.isSet(opt.db) &&
      file_identity(o.screenshot) == file_identity(parser.value(opt.db))) {
    usage_error(QStringLiteral("--screenshot: must not be the --db file"));
  }
  if (parser.isSet(opt.quit_after)) {
    o.quit_after_s = number_option(parser, opt.quit_after,
                                   QStringLiteral("must be a number of seconds in 0..86400"));
    if (o.quit_after_s < 0 || o.quit_after_s > 86400) {
      usage_error(QStringLiteral("--quit-after: must be a number of seconds in 0..86400"));
    }
  }
}

// Parses the command line; on a bad option prints one line naming it and exits with status 2.
// The checks run in a fixed order, so the first problem found is the one reported.
Options parse_options(const QStringList& arguments) {
  QCommandLineParser parser;
  const OptionList opt;
  parse_or_exit(parser, opt, arguments);
  Options o;
  read_demo_options(parser, opt, o);
  read_station_options(parser, opt, o);
  read_output_options(parser, opt, o);
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
    } else if (options.station_mode) {
      vigil::gui::StationModeOptions station = options.station;
      if (station.user.empty()) {
        // nobody signed in: the sign-in screen
      } else if (qEnvironmentVariableIsSet("VIGIL_PASSWORD")) {
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
