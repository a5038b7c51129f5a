#include "session_timeline_text.hpp"

#include <algorithm>

#include "clinical_time.hpp"
#include "form_style.hpp"
#include "report_text.hpp"
#include "session_panel_text.hpp"
#include "treatment_text.hpp"

namespace vigil::gui {
namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }
QString words(const std::string& s) { return text(s).replace(QLatin1Char('_'), QLatin1Char(' ')); }
db::UtcMs ms(core::UtcTime t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

void addClinical(const db::SessionReport& r, std::vector<TimelineEvent>& out) {
  for (const auto& p : r.phases) {
    out.push_back(
        {p.t_utc_ms, QObject::tr("phase"),
         QObject::tr("%1 (%2)%3")
             .arg(words(p.phase), text(p.by),
                  p.ended_early ? QObject::tr(", ended early: %1").arg(text(r.ended_early_reason))
                                : QString()),
         p.ended_early});
  }
  for (const auto& d : r.panel.doses) {
    QString t = QObject::tr("%1 mg %2, lot %3, given by %4")
                    .arg(d.dose_mg)
                    .arg(treatmentText(d.route), text(d.lot), text(d.administered_by));
    if (!d.witness.empty()) t += QObject::tr(", witness %1").arg(text(d.witness));
    if (d.waste_mg)
      t += QObject::tr(", waste %1 mg %2 (witness %3)")
               .arg(*d.waste_mg)
               .arg(text(d.waste_method), text(d.waste_witness));
    out.push_back({d.start_utc_ms, QObject::tr("dose"), t, false});
  }
  for (const auto& c : r.panel.checkpoints) {
    const bool met = c.met_by.has_value();
    QString t = checkpointName(c) + QStringLiteral(": ");
    t += met ? QObject::tr("met by %1/%2 mmHg (%3)%4")
                   .arg(c.met_by->systolic_mmhg)
                   .arg(c.met_by->diastolic_mmhg)
                   .arg(c.met_by->source == core::BpSource::device ? QObject::tr("device")
                                                                   : QObject::tr("manual"))
                   .arg(c.met_late ? QObject::tr(", late") : QString())
             : QObject::tr("%1").arg(words(std::string(core::checkpoint_state_name(c.state))));
    out.push_back({met ? ms(c.met_by->time) : ms(c.due_at), QObject::tr("checkpoint"), t,
                   c.state == core::CheckpointState::overdue});
  }
  for (const auto& b : r.bps) {
    out.push_back({b.t_utc_ms, QObject::tr("bp"),
                   QObject::tr("%1/%2 mmHg (%3, %4)")
                       .arg(b.systolic_mmhg)
                       .arg(b.diastolic_mmhg)
                       .arg(text(b.source), text(b.recorded_by)),
                   false});
  }
  for (const auto& s : r.scales) {
    out.push_back(
        {s.t_utc_ms, QObject::tr("scale"),
         QObject::tr("%1 %2 (%3)")
             .arg(report::scale_text(s.kind),
                  s.total ? QString::number(*s.total) : QStringLiteral("-"), text(s.recorded_by)),
         false});
  }
  for (const auto& a : r.adverse_events) {
    out.push_back({a.t_utc_ms, QObject::tr("adverse event"),
                   QObject::tr("%1, %2%3: %4")
                       .arg(words(a.type), words(a.severity),
                            a.serious ? QObject::tr(", SERIOUS") : QString(), text(a.action)),
                   a.serious});
  }
}

void addAlarmsNotesDevices(const db::SessionReport& r, std::vector<TimelineEvent>& out) {
  for (const auto& a : r.alarms) {
    QString t =
        QObject::tr("%1 %2, limit %3, value %4")
            .arg(text(a.priority).toUpper(), words(a.condition), text(a.limit_in_force),
                 a.triggering_value ? QString::number(*a.triggering_value) : QStringLiteral("-"));
    t += a.end_utc_ms ? QObject::tr("; ended %1").arg(localClockSecondsText(*a.end_utc_ms))
                      : QObject::tr("; not ended");
    if (!a.acknowledged_by.empty()) {
      t += QObject::tr("; acknowledged by %1 at %2")
               .arg(text(a.acknowledged_by),
                    localClockSecondsText(a.acknowledged_utc_ms.value_or(0)));
    }
    out.push_back({a.start_utc_ms, QObject::tr("alarm"), t, true});
  }
  for (const auto& n : r.notes) {
    out.push_back({n.created_utc_ms, QObject::tr("note"),
                   QObject::tr("%1 note by %2 (%3)")
                       .arg(words(n.note.type), text(n.author), text(n.note.status)),
                   false});
    for (const auto& s : n.note.signatures) {
      out.push_back(
          {s.t_utc_ms, QObject::tr("signature"),
           QObject::tr("%1 - %2%3")
               .arg(text(s.printed_name), text(s.meaning),
                    s.matches_content ? QString() : QObject::tr(" - THE NOTE NO LONGER MATCHES")),
           !s.matches_content});
    }
    for (std::size_t i = 0; i < n.note.addenda.size(); ++i) {
      const auto& a = n.note.addenda[i];
      out.push_back({a.t_utc_ms, QObject::tr("addendum"),
                     QObject::tr("by %1, reason: %2: %3")
                         .arg(text(n.addendum_authors[i]), text(a.reason), text(a.body)),
                     false});
    }
  }
  for (const auto& d : r.devices) {
    out.push_back({d.connected_utc_ms, QObject::tr("device"),
                   QObject::tr("%1 connected (%2)").arg(text(d.family), text(d.port)), false});
    if (d.disconnected_utc_ms) {
      out.push_back({*d.disconnected_utc_ms, QObject::tr("device"),
                     QObject::tr("%1 disconnected").arg(text(d.family)), false});
    }
  }
  for (const auto& g : r.device_gaps) {
    out.push_back(
        {g.from_utc_ms, QObject::tr("device"),
         QObject::tr("gap: no %1 for %2").arg(text(g.family), hmsText(g.to_utc_ms - g.from_utc_ms)),
         true});
  }
}

}  // namespace

std::vector<TimelineEvent> sessionTimeline(const db::SessionReport& r) {
  std::vector<TimelineEvent> out;
  addClinical(r, out);
  addAlarmsNotesDevices(r, out);
  std::stable_sort(out.begin(), out.end(), [](const TimelineEvent& a, const TimelineEvent& b) {
    return a.t_utc_ms < b.t_utc_ms;
  });
  return out;
}

QString sessionTimelineHtml(const std::vector<TimelineEvent>& events) {
  QString html = QStringLiteral("<table cellspacing='0' cellpadding='3' width='100%'>");
  for (const auto& e : events) {
    const QString colour = e.attention ? form_style::refusal().name() : QStringLiteral("#e8e8e8");
    html += QStringLiteral("<tr style='color:%1'><td>%2</td><td><b>%3</b></td><td>%4</td></tr>")
                .arg(colour, localDateTimeText(e.t_utc_ms, true), e.kind.toHtmlEscaped(),
                     e.text.toHtmlEscaped());
  }
  if (events.empty()) html += QObject::tr("<tr><td>Nothing recorded yet.</td></tr>");
  return html + QStringLiteral("</table>");
}

}  // namespace vigil::gui
