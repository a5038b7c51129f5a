// `vigilctl report --db FILE --session ID --out FILE.pdf --user NAME [--paper a4|letter]`: the
// session report as a PDF (clinician or auditor; the export is audited).
// `vigilctl rems --db FILE --session ID --out FILE.pdf --user NAME [--paper a4|letter]`: the
// esketamine REMS Patient Monitoring Form, with its deadline and missing fields.
// `vigilctl report check FILE.pdf --db FILE --user NAME`: whether the record is unchanged since
// the report was printed (exit 0), or which records were added, removed or differ and what the
// audit chain says (exit 1).
#include <QFile>
#include <iostream>
#include <memory>
#include <string>

#include "cli_checks.hpp"
#include "cli_commands.hpp"
#include "db_cli_support.hpp"
#include "document_gui.hpp"
#include "rems_form_pdf.hpp"
#include "report_binding_pdf.hpp"
#include "session_report_pdf.hpp"
#include "vigil/db/audit_chain.hpp"
#include "vigil/db/record_binding.hpp"

namespace vigil::cli {
namespace {

struct ReportOptions {
  std::string file;
  std::string user;
  std::int64_t session = 0;
  std::string out;
  std::string paper = "a4";
  std::string pdf;  // report check
};

enum class Document { report, rems };

int run_print(const ReportOptions& o, Document what) {
  if (o.file.empty()) return report_error("--db: required, the database file");
  if (o.user.empty()) return report_error("--user: required, the clinician or auditor who prints");
  if (o.session <= 0)
    return report_error("--session: required, a session id (see vigilctl sessions)");
  if (o.out.empty()) return report_error("--out: required, the PDF file to write");
  if (same_file(o.out, o.file)) return report_error("--out: must not be the --db file " + o.file);
  try {
    auto store = db::Store::open(o.file, db::OpenMode::open_existing);
    const db::Actor actor = login_from_cli(store, o.user);
    report::DocumentGui gui;
    const QString out = QString::fromStdString(o.out);
    const auto paper = *report::paper_from_name(QString::fromStdString(o.paper));
    const db::UtcMs now = wall_clock_utc_ms();
    if (what == Document::rems) {
      const auto form = db::read_rems_form(store, actor, o.session, now);
      const int pages = report::write_rems_form(form, out, paper);
      std::cout << "rems: session " << o.session << ", " << pages << " pages, "
                << report::rems_deadline_text(form).toStdString() << ", " << form.missing.size()
                << " missing field" << (form.missing.size() == 1 ? "" : "s") << " -> " << o.out
                << '\n';
      for (const auto& m : form.missing) std::cout << "  missing: " << m << '\n';
      return kExitOk;
    }
    const auto printed = report::write_session_report(store, actor, o.session, out, paper, now);
    std::cout << "report: session " << o.session << ", " << printed.pages << " pages, "
              << printed.binding.records.size() << " records, digest " << printed.binding.digest
              << " -> " << o.out << '\n';
    return kExitOk;
  } catch (const std::exception& e) {
    return report_error(e.what());
  }
}

void add_print_options(CLI::App* cmd, ReportOptions& o) {
  cmd->add_option("--db", o.file, "Database file")->check(non_empty_path());
  cmd->add_option("--user", o.user, "Clinician or auditor who prints");
  cmd->add_option("--session", o.session, "Session id")->check(CLI::PositiveNumber);
  cmd->add_option("--out", o.out, "PDF file to write")->check(non_empty_path());
  cmd->add_option("--paper", o.paper, "a4 or letter")->check(CLI::IsMember({"a4", "letter"}));
}

int run_check(const ReportOptions& o) {
  try {
    QFile pdf(QString::fromStdString(o.pdf));
    if (!pdf.open(QIODevice::ReadOnly)) {
      return report_error(o.pdf + ": cannot be read (" + pdf.errorString().toStdString() + ")");
    }
    const db::SessionBinding printed =
        db::parse_binding_text(report::binding_from_pdf(pdf.readAll(), pdf.fileName()));
    auto store = db::Store::open(o.file, db::OpenMode::open_existing);
    const db::Actor actor = login_from_cli(store, o.user);
    const db::SessionBinding now =
        db::bind_session_record(store, actor, printed.session_id, wall_clock_utc_ms());
    const auto differences = db::binding_differences(printed, now);
    const auto chain = db::verify_audit_chain(store, printed.chain_head);
    if (differences.empty() && chain.ok) {
      std::cout << "unchanged: session " << printed.session_id << " holds the "
                << printed.records.size() << " records and the vitals (seal "
                << printed.vitals_seal_seq << ") as printed; the audit chain verifies and "
                << "contains the printed head (seq " << printed.chain_seq << ")\n";
      return kExitOk;
    }
    if (!differences.empty()) {
      std::cout << "changed: session " << printed.session_id << " differs from the report in "
                << differences.size() << " place" << (differences.size() == 1 ? "" : "s") << ":\n";
      for (const auto& d : differences) std::cout << "  " << d << '\n';
    }
    if (!chain.ok) {
      std::cout << "audit chain: does not verify";
      if (chain.first_broken_seq)
        std::cout << " (first broken entry: seq " << *chain.first_broken_seq << ')';
      std::cout << ": " << chain.problem << '\n';
    } else {
      std::cout << "audit chain: verifies and contains the printed head (seq " << printed.chain_seq
                << "); the changes above are in it\n";
    }
    return kExitFailure;
  } catch (const std::exception& e) {
    return report_error(e.what());
  }
}

}  // namespace

void register_report_command(CLI::App& app) {
  auto o = std::make_shared<ReportOptions>();
  auto* cmd = app.add_subcommand("report", "The session report as a PDF, and checking one");
  cmd->require_subcommand(0, 1);
  add_print_options(cmd, *o);
  add_runner(cmd, [o] { return run_print(*o, Document::report); });

  auto c = std::make_shared<ReportOptions>();
  auto* check = cmd->add_subcommand("check", "Is the record unchanged since this report?");
  check->add_option("pdf", c->pdf, "The report (PDF)")->required()->check(CLI::ExistingFile);
  check->add_option("--db", c->file, "Database file")->required()->check(non_empty_path());
  check->add_option("--user", c->user, "Nurse, clinician or auditor who checks")->required();
  add_runner(check, [c] { return run_check(*c); });

  auto r = std::make_shared<ReportOptions>();
  auto* rems = app.add_subcommand("rems", "The esketamine REMS Patient Monitoring Form as a PDF");
  add_print_options(rems, *r);
  add_runner(rems, [r] { return run_print(*r, Document::rems); });
}

}  // namespace vigil::cli
