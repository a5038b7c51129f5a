#include "document_gui.hpp"

#include <cstdio>

namespace vigil::report {
namespace {

// Qt's note that it made a runtime folder for the offscreen platform is not the user's concern;
// every other message goes to standard error as usual.
void quiet_runtime_notes(QtMsgType type, const QMessageLogContext& context, const QString& msg) {
  if (msg.startsWith(QLatin1String("QStandardPaths:"))) return;
  fprintf(stderr, "%s\n", qFormatLogMessage(type, context, msg).toLocal8Bit().constData());
}

}  // namespace

DocumentGui::DocumentGui() {
  if (QCoreApplication::instance() != nullptr) return;
  qputenv("QT_QPA_PLATFORM", "offscreen");
  qInstallMessageHandler(quiet_runtime_notes);
  app_ = std::make_unique<QGuiApplication>(argc_, argv_);
}

DocumentGui::~DocumentGui() = default;

}  // namespace vigil::report
