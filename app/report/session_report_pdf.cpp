#include "session_report_pdf.hpp"

#include "report_binding_pdf.hpp"
#include "report_text.hpp"

namespace vigil::report {
namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }
QString or_dash(const QString& s) { return s.isEmpty() ? QStringLiteral("-") : s; }

void header_section(PdfPages& p, const db::SessionReport& r) {
  const auto& s = r.panel;
  p.title(QStringLiteral("Session report"),
          QStringLiteral("%1 (%2), session %3 - times in %4")
              .arg(text(s.patient_name), text(s.patient_identifier))
              .arg(s.id)
              .arg(zone_text(r.printed_utc_ms)));
  std::vector<std::pair<QString, QString>> facts{
      {QStringLiteral("Patient"), text(s.patient_name)},
      {QStringLiteral("Identifier"), text(s.patient_identifier)},
      {QStringLiteral("Date of birth"), text(s.date_of_birth)},
      {QStringLiteral("Sex"), or_dash(text(r.patient_sex))},
      {QStringLiteral("Weight"),
       s.weight_kg ? number_text(*s.weight_kg, 1) + QStringLiteral(" kg") : QStringLiteral("-")},
      {QStringLiteral("Session"),
       QStringLiteral("%1, %2").arg(s.id).arg(words(std::string(core::session_type_name(s.type))))},
      {QStringLiteral("Chair"), or_dash(text(s.chair))},
      {QStringLiteral("Phase"), words(std::string(core::session_phase_name(s.phase)))},
      {QStringLiteral("Planned"),
       s.planned_route
           ? route_text(*s.planned_route) +
                 (s.planned_dose_mg ? QStringLiteral(" %1 mg").arg(number_text(*s.planned_dose_mg))
                                    : QString())
           : QStringLiteral("-")},
      {QStringLiteral("Clinician"), or_dash(text(r.clinician))},
      {QStringLiteral("Nurse"), or_dash(text(r.nurse))},
      {QStringLiteral("Started"),
       r.started_utc_ms ? date_time_text(*r.started_utc_ms) : QStringLiteral("-")},
      {QStringLiteral("Ended"),
       r.ended_utc_ms ? date_time_text(*r.ended_utc_ms) : QStringLiteral("-")},
      {QStringLiteral("Total dose"), number_text(s.total_dose_mg) + QStringLiteral(" mg")},
  };
  if (!r.ended_early_reason.empty()) {
    facts.emplace_back(QStringLiteral("Ended early"), text(r.ended_early_reason));
  }
  p.facts(facts);
  QStringList phases;
  for (const auto& ph : r.phases) {
    phases << QStringLiteral("%1 %2 (%3)%4")
                  .arg(words(ph.phase), clock_text(ph.t_utc_ms), text(ph.by),
                       ph.ended_early ? QStringLiteral(", ended early") : QString());
  }
  if (!phases.isEmpty())
    p.paragraph(QStringLiteral("Phases: ") + phases.join(QStringLiteral(" \u2192 ")));
}

void doses_section(PdfPages& p, const db::SessionReport& r) {
  p.heading(QStringLiteral("Doses"));
  std::vector<QStringList> rows;
  for (const auto& d : r.panel.doses) {
    QString waste = QStringLiteral("-");
    if (d.waste_mg) {
      waste = QStringLiteral("%1 mg %2, witness %3")
                  .arg(number_text(*d.waste_mg, 1), text(d.waste_method),
                       or_dash(text(d.waste_witness)));
    }
    QString dose = number_text(d.dose_mg, 1) + QStringLiteral(" mg");
    if (d.device_count)
      dose += QStringLiteral(" (%1 device%2)")
                  .arg(*d.device_count)
                  .arg(*d.device_count == 1 ? "" : "s");
    QString time = clock_text(d.start_utc_ms);
    if (d.end_utc_ms) time += QStringLiteral("-") + clock_text(*d.end_utc_ms);
    rows.push_back({time, text(d.drug) + QLatin1Char('\n') + text(d.form_strength),
                    route_text(d.route), dose, text(d.lot), text(d.administered_by),
                    or_dash(text(d.witness)), waste});
  }
  p.table({{QStringLiteral("Time"), 1},
           {QStringLiteral("Drug"), 1.9},
           {QStringLiteral("Route"), 1.1},
           {QStringLiteral("Dose"), 1.1},
           {QStringLiteral("Lot"), 1.2},
           {QStringLiteral("Given by"), 1.2},
           {QStringLiteral("Witness"), 1.2},
           {QStringLiteral("Waste"), 1.5}},
          rows);
}

QString met_text(const core::CheckpointStatus& c) {
  if (!c.met_by) return QStringLiteral("not met");
  const auto& bp = *c.met_by;
  const auto t =
      std::chrono::duration_cast<std::chrono::milliseconds>(bp.time.time_since_epoch()).count();
  return QStringLiteral("%1/%2 mmHg at %3 (%4)%5")
      .arg(
          number_text(bp.systolic_mmhg), number_text(bp.diastolic_mmhg), clock_text(t),
          bp.source == core::BpSource::device ? QStringLiteral("device") : QStringLiteral("manual"),
          c.met_late ? QStringLiteral(", late") : QString());
}

db::UtcMs ms(core::UtcTime t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

void checkpoints_section(PdfPages& p, const db::SessionReport& r) {
  p.heading(QStringLiteral("Checkpoints"));
  std::vector<QStringList> rows;
  for (const auto& c : r.panel.checkpoints) {
    rows.push_back({checkpoint_text(c), clock_text(ms(c.due_at)),
                    clock_text(ms(c.window_start)) + QStringLiteral("-") +
                        (c.window_end ? clock_text(ms(*c.window_end)) : QStringLiteral("open")),
                    words(std::string(core::checkpoint_state_name(c.state))), met_text(c)});
  }
  p.table({{QStringLiteral("Checkpoint"), 1.4},
           {QStringLiteral("Due"), 0.9},
           {QStringLiteral("Window"), 1.6},
           {QStringLiteral("State"), 0.8},
           {QStringLiteral("Met by"), 2.6}},
          rows);
  const auto range = [](const db::VitalsRange& v, const char* unit) {
    if (!v.lowest) return QStringLiteral("no valid values recorded");
    return QStringLiteral("lowest %1 %2 at %3; range %1-%4 %2 (%5 values)")
        .arg(number_text(*v.lowest), QLatin1String(unit), optional_clock(v.lowest_utc_ms),
             number_text(*v.highest))
        .arg(v.values);
  };
  p.paragraph(QStringLiteral("SpO2: ") + range(r.spo2, "%"));
  p.paragraph(QStringLiteral("Pulse rate: ") + range(r.pulse_rate, "/min"));
  std::vector<QStringList> bps;
  for (const auto& b : r.bps) {
    bps.push_back(
        {clock_text(b.t_utc_ms),
         QStringLiteral("%1/%2").arg(number_text(b.systolic_mmhg), number_text(b.diastolic_mmhg)),
         b.mean_mmhg ? number_text(*b.mean_mmhg) : QStringLiteral("-"), text(b.source),
         words(b.phase), text(b.recorded_by)});
  }
  p.paragraph(QStringLiteral("Every blood pressure on record:"), true);
  p.table({{QStringLiteral("Time"), 1},
           {QStringLiteral("BP mmHg"), 1},
           {QStringLiteral("Mean"), 0.7},
           {QStringLiteral("Source"), 0.8},
           {QStringLiteral("Phase"), 1.1},
           {QStringLiteral("Recorded by"), 1.2}},
          bps);
}

void alarms_section(PdfPages& p, const db::SessionReport& r) {
  p.heading(QStringLiteral("Alarms"));
  std::vector<QStringList> rows;
  for (const auto& a : r.alarms) {
    QString ack = QStringLiteral("-");
    if (!a.acknowledged_by.empty()) {
      ack =
          text(a.acknowledged_by) + QStringLiteral(" at ") + optional_clock(a.acknowledged_utc_ms);
    }
    if (!a.audio_paused_by.empty()) {
      ack += QStringLiteral("; audio paused by ") + text(a.audio_paused_by) +
             QStringLiteral(" at ") + optional_clock(a.audio_paused_utc_ms);
    }
    rows.push_back({clock_text(a.start_utc_ms), optional_clock(a.end_utc_ms), words(a.condition),
                    text(a.priority), or_dash(text(a.limit_in_force)),
                    a.triggering_value ? number_text(*a.triggering_value, 1) : QStringLiteral("-"),
                    ack});
  }
  p.table({{QStringLiteral("Start"), 0.9},
           {QStringLiteral("End"), 0.9},
           {QStringLiteral("Condition"), 1.5},
           {QStringLiteral("Priority"), 0.8},
           {QStringLiteral("Limit in force"), 1.9},
           {QStringLiteral("Value"), 0.7},
           {QStringLiteral("Acknowledged"), 1.8}},
          rows);
}

void scales_section(PdfPages& p, const db::SessionReport& r) {
  p.heading(QStringLiteral("Scales and adverse events"));
  std::vector<QStringList> rows;
  for (const auto& s : r.scales) {
    rows.push_back({clock_text(s.t_utc_ms), scale_text(s.kind),
                    s.total ? QString::number(*s.total) : QStringLiteral("-"), words(s.phase),
                    text(s.recorded_by)});
  }
  p.table({{QStringLiteral("Time"), 1},
           {QStringLiteral("Scale"), 1.4},
           {QStringLiteral("Total"), 0.7},
           {QStringLiteral("Phase"), 1.1},
           {QStringLiteral("Recorded by"), 1.2}},
          rows);
  if (r.adverse_events.empty()) {
    p.paragraph(QStringLiteral("Adverse events: none recorded."));
    return;
  }
  std::vector<QStringList> aes;
  for (const auto& a : r.adverse_events) {
    aes.push_back({clock_text(a.t_utc_ms), words(a.type), words(a.severity),
                   optional_clock(a.onset_utc_ms), text(a.action),
                   a.serious ? QStringLiteral("yes") : QStringLiteral("no"), text(a.recorded_by)});
  }
  p.table({{QStringLiteral("Time"), 0.9},
           {QStringLiteral("Adverse event"), 1.4},
           {QStringLiteral("Severity"), 0.9},
           {QStringLiteral("Onset"), 0.9},
           {QStringLiteral("Action"), 2},
           {QStringLiteral("Serious"), 0.7},
           {QStringLiteral("By"), 1}},
          aes);
}

QString yes_no(const std::optional<bool>& v) {
  return v ? (*v ? QStringLiteral("yes") : QStringLiteral("no")) : QStringLiteral("not answered");
}

// "no", "yes, resolved", "yes, not resolved", "yes, resolved not answered", "not answered".
QString seen_text(const std::optional<bool>& seen, const std::optional<bool>& resolved) {
  if (!seen || !*seen) return yes_no(seen);
  if (!resolved) return QStringLiteral("yes, resolved not answered");
  return *resolved ? QStringLiteral("yes, resolved") : QStringLiteral("yes, not resolved");
}

void discharge_section(PdfPages& p, const db::SessionReport& r) {
  if (r.panel.type != core::SessionType::dosing) return;
  p.heading(QStringLiteral("Ready to leave"));
  if (!r.discharge) {
    p.paragraph(QStringLiteral("Not recorded."));
    return;
  }
  const auto& d = *r.discharge;
  const auto& a = d.answers;
  p.facts({{QStringLiteral("Recorded"),
            date_time_text(d.t_utc_ms) + QStringLiteral(" by ") + text(d.recorded_by)},
           {QStringLiteral("Monitored"),
            QStringLiteral("%1 min from the first dose").arg(d.monitoring_minutes)},
           {QStringLiteral("Ready after"), a.rems_ready_minutes
                                               ? QStringLiteral("%1 min").arg(*a.rems_ready_minutes)
                                               : QStringLiteral("not answered")},
           {QStringLiteral("Vitals acceptable"), yes_no(a.vitals_acceptable_before_completion)},
           {QStringLiteral("Sedation"), seen_text(a.sedation, a.sedation_resolved)},
           {QStringLiteral("Dissociation"), seen_text(a.dissociation, a.dissociation_resolved)},
           {QStringLiteral("Resp. depression"),
            seen_text(a.respiratory_depression, a.respiratory_depression_resolved)}});
}

void notes_section(PdfPages& p, const db::SessionReport& r) {
  p.heading(QStringLiteral("Notes"));
  if (r.notes.empty()) p.paragraph(QStringLiteral("None recorded."));
  for (const auto& n : r.notes) {
    p.paragraph(QStringLiteral("%1 note, %2 - by %3, %4")
                    .arg(words(n.note.type).replace(0, 1, words(n.note.type).left(1).toUpper()),
                         text(n.note.status), text(n.author), date_time_text(n.created_utc_ms)),
                true);
    p.paragraph(text(n.note.body));
    for (const auto& s : n.note.signatures) {
      p.paragraph(QStringLiteral("Signed: %1 - %2 - %3%4")
                      .arg(text(s.printed_name), text(s.meaning), date_time_text(s.t_utc_ms),
                           s.matches_content ? QString()
                                             : QStringLiteral(" - THE NOTE NO LONGER MATCHES THIS "
                                                              "SIGNATURE")),
                  true);
    }
    for (std::size_t i = 0; i < n.note.addenda.size(); ++i) {
      const auto& a = n.note.addenda[i];
      p.paragraph(QStringLiteral("Addendum by %1, %2 - reason: %3")
                      .arg(text(n.addendum_authors[i]), date_time_text(a.t_utc_ms), text(a.reason)),
                  true);
      p.paragraph(text(a.body));
    }
    p.space(4);
  }
}

void devices_section(PdfPages& p, const db::SessionReport& r) {
  p.heading(QStringLiteral("Device connections"));
  std::vector<QStringList> rows;
  for (const auto& d : r.devices) {
    rows.push_back(
        {words(d.family), text(d.identity), text(d.port), date_time_text(d.connected_utc_ms),
         d.disconnected_utc_ms ? date_time_text(*d.disconnected_utc_ms) : QStringLiteral("-")});
  }
  p.table({{QStringLiteral("Device"), 1},
           {QStringLiteral("Identity"), 1.6},
           {QStringLiteral("Port"), 1.2},
           {QStringLiteral("Connected"), 1.4},
           {QStringLiteral("Disconnected"), 1.4}},
          rows);
  for (const auto& g : r.device_gaps) {
    p.paragraph(QStringLiteral("Gap: no %1 from %2 to %3 (%4)")
                    .arg(words(g.family), clock_text(g.from_utc_ms), clock_text(g.to_utc_ms),
                         minutes_text(g.from_utc_ms, g.to_utc_ms)));
  }
}

}  // namespace

void draw_binding_section(PdfPages& p, const db::SessionReport& r, const QString& document) {
  p.heading(QStringLiteral("Record binding"));
  const auto& b = r.binding;
  p.paragraph(QStringLiteral("%1 printed %2 by %3 from session %4 as recorded then: %5 records, "
                             "vitals through seal %6 (%7 rows, %8 waveform blocks).")
                  .arg(document, date_time_text(r.printed_utc_ms), text(r.printed_by))
                  .arg(b.session_id)
                  .arg(b.records.size())
                  .arg(b.vitals_seal_seq)
                  .arg(b.vitals_rows)
                  .arg(b.waveform_blocks));
  p.small(QStringLiteral("Audit chain head at printing (entry %1):").arg(b.chain_seq));
  p.small(text(b.chain_head));
  p.small(QStringLiteral("Record digest:"));
  p.small(text(b.digest));
  p.small(
      QStringLiteral("To check that the record is unchanged since: vigilctl report check "
                     "<this file> --db <database> --user <name>"));
}

PrintedDocument write_session_report(db::Store& store, const db::Actor& actor, db::RowId session_id,
                                     const QString& file, Paper paper, db::UtcMs now) {
  const db::SessionReport r =
      db::read_session_report(store, actor, session_id, "session_report", now);
  return write_session_report(r, read_session_charts(store, actor, r, now), file, paper);
}

PrintedDocument write_session_report(const db::SessionReport& r,
                                     const std::vector<TrendPlot>& charts, const QString& file,
                                     Paper paper) {
  const db::RowId session_id = r.panel.id;
  const QString title = QStringLiteral("Vigil session report - session %1").arg(session_id);
  const QString footer = QStringLiteral("Vigil session report - %1 - session %2 - digest %3")
                             .arg(text(r.panel.patient_identifier))
                             .arg(session_id)
                             .arg(text(r.binding.digest.substr(0, 16)));
  PrintedDocument out;
  out.binding = r.binding;
  out.pages = render_pdf(file, paper, title, binding_xmp(title, db::binding_text(r.binding)),
                         footer, [&](PdfPages& p) {
                           header_section(p, r);
                           doses_section(p, r);
                           checkpoints_section(p, r);
                           draw_session_charts(p, charts);
                           alarms_section(p, r);
                           scales_section(p, r);
                           discharge_section(p, r);
                           notes_section(p, r);
                           devices_section(p, r);
                           draw_binding_section(p, r, QStringLiteral("Report"));
                         });
  return out;
}

}  // namespace vigil::report
