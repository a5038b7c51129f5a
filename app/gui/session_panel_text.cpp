#include "session_panel_text.hpp"

#include <QObject>
#include <chrono>

#include "clinical_time.hpp"

namespace vigil::gui {

db::UtcMs utcMsOf(core::UtcTime t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

QString phaseText(core::SessionPhase phase) {
  switch (phase) {
    case core::SessionPhase::planned:
      return QObject::tr("Planned");
    case core::SessionPhase::pre_dose:
      return QObject::tr("Pre-dose");
    case core::SessionPhase::dosing:
      return QObject::tr("Dosing");
    case core::SessionPhase::observation:
      return QObject::tr("Observation");
    case core::SessionPhase::discharge_ready:
      return QObject::tr("Discharge ready");
    case core::SessionPhase::closed:
      return QObject::tr("Closed");
  }
  return {};
}

QString checkpointName(const core::CheckpointStatus& c) {
  switch (c.kind) {
    case core::CheckpointKind::pre_dose_bp:
      return QObject::tr("Pre-dose BP");
    case core::CheckpointKind::post_dose_bp:
      return QObject::tr("40-min BP");
    case core::CheckpointKind::infusion_bp:
      return QObject::tr("Infusion BP %1").arg(c.number);
    case core::CheckpointKind::observation_bp:
      return QObject::tr("Observation BP %1").arg(c.number);
    case core::CheckpointKind::discharge_bp:
      return QObject::tr("Discharge BP");
  }
  return {};
}

QString checkpointStateText(const core::CheckpointStatus& c, db::UtcMs now) {
  switch (c.state) {
    case core::CheckpointState::met: {
      if (!c.met_by) return QObject::tr("met");
      const QString by = c.met_by->source == core::BpSource::device ? QObject::tr("by device")
                                                                    : QObject::tr("manual");
      return QObject::tr("met %1, %2%3")
          .arg(localClockText(utcMsOf(c.met_by->time)), by,
               c.met_late ? QObject::tr(" (late)") : QString());
    }
    case core::CheckpointState::due:
      return QObject::tr("due now: overdue in %1").arg(msText(utcMsOf(c.overdue_at) - now));
    case core::CheckpointState::upcoming:
      return QObject::tr("opens in %1 (due %2)")
          .arg(msText(utcMsOf(c.window_start) - now), localClockText(utcMsOf(c.due_at)));
    case core::CheckpointState::overdue:
      return QObject::tr("OVERDUE since %1").arg(localClockText(utcMsOf(c.overdue_at)));
  }
  return {};
}

QString nextCheckpointText(const std::vector<core::CheckpointStatus>& checkpoints, db::UtcMs now) {
  for (const auto& c : checkpoints) {
    if (c.state == core::CheckpointState::met) continue;
    if (c.state == core::CheckpointState::overdue) {
      return QObject::tr("Next BP: %1 is overdue, measure now").arg(checkpointName(c));
    }
    const db::UtcMs due = utcMsOf(c.due_at);
    return due > now
               ? QObject::tr("Next BP: %1 due in %2").arg(checkpointName(c), msText(due - now))
               : QObject::tr("Next BP: %1 due now").arg(checkpointName(c));
  }
  return {};
}

}  // namespace vigil::gui
