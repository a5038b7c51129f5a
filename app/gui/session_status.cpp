#include "session_status.hpp"

#include "access_style.hpp"

namespace vigil::gui {

SessionStatus::SessionStatus(QWidget* parent) : QLabel(parent) {
  access_style::paintPanel(this);
  QFont f = font();
  f.setPointSize(13);
  f.setBold(true);
  setFont(f);
  setMargin(4);
  setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  setSession(station::SessionInfo{});
}

void SessionStatus::setSession(const station::SessionInfo& s) {
  QString t = tr("no session recording");
  if (s.active) {
    const auto phase = core::session_phase_name(s.phase);
    const long long secs = s.elapsed.count();
    t = tr("%1 (%2)  phase: %3  %4:%5")
            .arg(QString::fromStdString(s.patient_name), QString::fromStdString(s.patient_id),
                 QString::fromUtf8(phase.data(), static_cast<qsizetype>(phase.size())))
            .arg(secs / 3600)
            .arg((secs / 60) % 60, 2, 10, QLatin1Char('0'));
  }
  if (text() != t) setText(t);
}

}  // namespace vigil::gui
