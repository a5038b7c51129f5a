#pragma once
// After a whole-session walk (clinical_workflow_fixture.hpp): the session report printed from the
// record as the clinician prints it, read back with poppler's pdftotext (a reader that is not
// ours) and rendered page by page with pdftoppm; then the record binding checked as an auditor
// checks it, unchanged, after a new addendum, and after a raw SQL edit of the signed note with
// its trigger dropped.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "clinical_workflow_fixture.hpp"
#include "rems_form_pdf.hpp"
#include "report_binding_pdf.hpp"
#include "session_report_pdf.hpp"
#include "vigil/db/audit_chain.hpp"
#include "vigil/db/note_store.hpp"
#include "vigil/db/record_binding.hpp"
#include "vigil/db/rems_form.hpp"

namespace vigil::gui::e2e {

struct ReportWalk {
  ClinicalWorkflow& w;
  QString dir = QString::fromStdString((w.store.dir / "report").string());

  static QString run(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    EXPECT_TRUE(p.waitForFinished(60000)) << program.toStdString() << " did not finish";
    EXPECT_EQ(p.exitCode(), 0) << program.toStdString() << ": "
                               << p.readAllStandardError().toStdString();
    return QString::fromUtf8(p.readAllStandardOutput());
  }

  db::SessionBinding binding_in(const QString& pdf) {
    QFile f(pdf);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    return db::parse_binding_text(report::binding_from_pdf(f.readAll(), pdf));
  }

  std::vector<std::string> differences_since(const db::SessionBinding& printed) {
    auto& s = w.store;
    return db::binding_differences(printed,
                                   db::bind_session_record(s.store, s.auditor, w.session, w.now()));
  }

  static bool contains(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
  }

  // The PDF's text holds what the record holds: the lots, the three checkpoint BPs, each alarm,
  // the signer's printed name and meaning, the chain head.
  void expectReportText(const QString& pdf, const report::PrintedDocument& printed) {
    const QString text =
        run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    EXPECT_TRUE(text.contains(QStringLiteral("LOT-E1"))) << text.toStdString();
    const auto st = db::read_session_panel(w.store.store, w.store.auditor, w.session, w.now());
    for (const auto kind : {CheckpointKind::pre_dose_bp, CheckpointKind::post_dose_bp,
                            CheckpointKind::discharge_bp}) {
      const auto* c = ClinicalWorkflow::checkpoint(st, kind);
      ASSERT_TRUE(c && c->met_by) << core::checkpoint_kind_name(kind);
      const QString bp =
          QStringLiteral("%1/%2 mmHg").arg(c->met_by->systolic_mmhg).arg(c->met_by->diastolic_mmhg);
      EXPECT_TRUE(text.contains(bp)) << bp.toStdString() << " not in the report";
    }
    const auto alarms = w.rows("alarm_events");
    ASSERT_FALSE(alarms.empty()) << "the walk's tachycardia raises an alarm";
    EXPECT_TRUE(text.contains(QStringLiteral("pulse rate high")) ||
                text.contains(QStringLiteral("pulse_rate high")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Signed: carl - authored"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QString::fromStdString(printed.binding.chain_head)));
    EXPECT_TRUE(text.contains(QStringLiteral("Addendum by carl")));
    for (char16_t ligature = 0xFB00; ligature <= 0xFB06; ++ligature) {
      EXPECT_FALSE(text.contains(QChar(ligature))) << "a ligature hides the letters from a search";
    }
  }

  // The REMS form of the same session: complete (the walk answered everything), due in 7 days,
  // with the lot, the dose and the three BPs in its text.
  void printRemsForm() {
    auto& s = w.store;
    const auto form = db::read_rems_form(s.store, s.clinician, w.session, w.now());
    EXPECT_TRUE(form.missing.empty()) << form.missing.front();
    EXPECT_EQ(form.days_left, 7);
    const QString pdf = dir + QStringLiteral("/rems.pdf");
    const int pages = report::write_rems_form(form, pdf, report::Paper::letter);
    const QString text =
        run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    for (const char* want :
         {"REMS Patient Monitoring Form", "LOT-E1", "56 mg", "Every field is filled",
          "(7 days left)", "Dr Carl, 555-0100", "Vigil Clinic, 1 Main St"}) {
      EXPECT_TRUE(text.contains(QLatin1String(want))) << want << " not in the form:\n"
                                                      << text.toStdString();
    }
    for (const auto& f : form.fields) {
      if (f.label.rfind("BP ", 0) == 0) {
        EXPECT_TRUE(text.contains(QString::fromStdString(f.value))) << f.value;
      }
    }
    expectPagesRender(pdf, pages, QStringLiteral("rems-page-%1.png"));
  }

  // Every page renders; the first pages are kept for the README.
  void expectPagesRender(const QString& pdf, int pages, const QString& keep_as) {
    const QString prefix = dir + QStringLiteral("/page");
    run(QStringLiteral("pdftoppm"),
        {QStringLiteral("-r"), QStringLiteral("70"), QStringLiteral("-png"), pdf, prefix});
    const QStringList pngs =
        QDir(dir).entryList({QStringLiteral("page-*.png")}, QDir::Files, QDir::Name);
    EXPECT_EQ(pngs.size(), pages) << "pdftoppm rendered a different page count";
    for (int i = 0; i < std::min<qsizetype>(2, pngs.size()); ++i) {
      QFile::remove(keep_as.arg(i + 1));
      QFile::copy(dir + QLatin1Char('/') + pngs[i], keep_as.arg(i + 1));
    }
    for (const auto& png : pngs) QFile::remove(dir + QLatin1Char('/') + png);
  }

  void printAndCheck() {
    auto& s = w.store;
    QDir().mkpath(dir);
    const QString a4 = dir + QStringLiteral("/report-a4.pdf");
    const auto printed = report::write_session_report(s.store, s.clinician, w.session, a4,
                                                      report::Paper::a4, w.now());
    ASSERT_GE(printed.pages, 2);
    EXPECT_TRUE(w.audited("export_report", "carl"));
    expectReportText(a4, printed);
    expectPagesRender(a4, printed.pages, QStringLiteral("report-page-%1.png"));
    EXPECT_EQ(std::filesystem::status(a4.toStdString()).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    const QString letter = dir + QStringLiteral("/report-letter.pdf");
    report::write_session_report(s.store, s.auditor, w.session, letter, report::Paper::letter,
                                 w.now());
    EXPECT_TRUE(run(QStringLiteral("pdfinfo"), {letter}).contains(QStringLiteral("612 x 792")));
    printRemsForm();

    // The binding: unchanged, then an addendum, then a raw edit of the signed note.
    const auto bound = binding_in(a4);
    EXPECT_EQ(bound.digest, printed.binding.digest);
    EXPECT_TRUE(differences_since(bound).empty()) << differences_since(bound).front();
    const auto notes = w.rows("notes");
    ASSERT_FALSE(notes.empty());
    const auto note_id = nlohmann::json::parse(notes.front())["id"].get<db::RowId>();
    const auto addendum = db::add_addendum(s.store, s.clinician, note_id, "late entry",
                                           "Escort confirmed by phone.", w.now());
    EXPECT_TRUE(contains(differences_since(bound), "added: addenda " + std::to_string(addendum)));
    s.db.exec("DROP TRIGGER notes_signed_no_update");
    s.db.exec("UPDATE notes SET body = body || ' (edited)' WHERE id = " + std::to_string(note_id));
    const auto after_edit = differences_since(bound);
    EXPECT_TRUE(contains(after_edit, "differs: notes " + std::to_string(note_id)));
    const auto chain = db::verify_audit_chain(s.store, bound.chain_head);
    EXPECT_FALSE(chain.ok);
    EXPECT_TRUE(chain.problem.find("notes") != std::string::npos) << chain.problem;
  }
};

}  // namespace vigil::gui::e2e
