#include "note_templates.hpp"

#include <QCoreApplication>
#include <QStringList>

#include "clinical_time.hpp"
#include "treatment_text.hpp"

namespace vigil::gui {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("NoteTemplates", text); }

QString headings(std::initializer_list<const char*> names) {
  QStringList out;
  for (const char* n : names) out << tr(n) + QStringLiteral(":\n\n");
  return out.join(QStringLiteral("\n"));
}

QString dosesGiven(const db::SessionPanelState& s) {
  QStringList lines;
  for (const db::PanelDose& d : s.doses) {
    QString line = QStringLiteral("- %1 %2 mg at %3")
                       .arg(treatmentText(d.route))
                       .arg(d.dose_mg, 0, 'g', 4)
                       .arg(localClockText(d.start_utc_ms));
    if (d.end_utc_ms) line += tr(" to %1").arg(localClockText(*d.end_utc_ms));
    if (!d.lot.empty()) line += tr(", lot %1").arg(QString::fromStdString(d.lot));
    lines << line;
  }
  return lines.join(QStringLiteral("\n"));
}

}  // namespace

QString noteTypeTitle(db::NoteType type) {
  switch (type) {
    case db::NoteType::preparation:
      return tr("Preparation");
    case db::NoteType::dosing:
      return tr("Dosing");
    case db::NoteType::integration:
      return tr("Integration");
  }
  return {};
}

QString noteTemplate(db::NoteType type, const db::SessionPanelState& state) {
  switch (type) {
    case db::NoteType::preparation:
      return headings({"Presenting concerns and goals", "Intentions for this session",
                       "Medical and psychiatric review (medications, contraindications)",
                       "Set and setting, music, support person", "Consent and escort",
                       "Plan (drug, route, dose)"});
    case db::NoteType::dosing: {
      QString body = headings({"Treatment given (drug, route, dose, times)"});
      const QString doses = dosesGiven(state);
      if (!doses.isEmpty())
        body.insert(body.indexOf(QLatin1Char('\n')) + 1, doses + QLatin1Char('\n'));
      return body + QLatin1Char('\n') +
             headings({"Vital signs and BP checkpoints",
                       "Sedation and dissociation (MOAA/S, CADSS)",
                       "Adverse events and interventions", "Patient's experience",
                       "Recovery and discharge"});
    }
    case db::NoteType::integration:
      return headings({"Visit (in person or video), who attended",
                       "Patient's account of the dosing session", "Themes and insights",
                       "Mood and safety (PHQ-9, GAD-7, thoughts of self-harm)",
                       "Integration practices agreed", "Plan and next session"});
  }
  return {};
}

}  // namespace vigil::gui
