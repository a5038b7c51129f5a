// `vigilctl audit export --db FILE --user NAME --format csv|json --out FILE [--by NAME]
// [--action A] [--entity E] [--session ID] [--from UTC] [--to UTC]`: the auditor's filtered
// export of the audit log, every field as stored, streamed to the file (created owner-only).
// The auditor logs in (VIGIL_PASSWORD or a prompt); the export is audited.
#include <iostream>
#include <memory>
#include <string>

#include "cli_checks.hpp"
#include "cli_commands.hpp"
#include "db_cli_support.hpp"
#include "export_file.hpp"
#include "vigil/core/utc_text.hpp"
#include "vigil/db/audit_review.hpp"

namespace vigil::cli {
namespace {

struct ExportOptions {
  std::string file;
  std::string user;
  std::string format;
  std::string out;
  std::string by;
  std::string action;
  std::string entity;
  std::int64_t session = 0;
  std::string from;
  std::string to;
};

db::AuditLogFilter filter_of(const ExportOptions& o) {
  db::AuditLogFilter f;
  if (!o.by.empty()) f.actor_name = o.by;
  if (!o.action.empty()) f.action = o.action;
  if (!o.entity.empty()) f.entity = o.entity;
  if (o.session > 0) f.session_id = o.session;
  if (!o.from.empty()) f.from_utc_ms = core::parse_utc_text(o.from);
  if (!o.to.empty()) f.to_utc_ms = core::parse_utc_text(o.to);
  return f;
}

int run_export(const ExportOptions& o) {
  try {
    auto store = db::Store::open(o.file, db::OpenMode::open_existing);
    const db::Actor actor = login_from_cli(store, o.user);
    const auto format =
        o.format == "csv" ? db::AuditExportFormat::csv : db::AuditExportFormat::json;
    std::size_t n = 0;
    write_export_file(o.out, o.file, [&](std::ostream& out) {
      n = db::export_audit_log(store, actor, filter_of(o), format, out, wall_clock_utc_ms());
    });
    std::cout << "exported " << n << " audit entr" << (n == 1 ? "y" : "ies") << " to " << o.out
              << '\n';
    return kExitOk;
  } catch (const std::exception& e) {
    return report_error(e.what());
  }
}

}  // namespace

void add_audit_export_command(CLI::App* audit) {
  auto o = std::make_shared<ExportOptions>();
  auto* cmd = audit->add_subcommand("export", "The audit log, filtered, as CSV or JSON");
  cmd->add_option("--db", o->file, "Database file")->required()->check(non_empty_path());
  cmd->add_option("--user", o->user, "The auditor who exports")->required();
  cmd->add_option("--format", o->format, "csv or json")
      ->required()
      ->check(CLI::IsMember({"csv", "json"}));
  cmd->add_option("--out", o->out, "File to write")->required()->check(non_empty_path());
  cmd->add_option("--by", o->by, "Only entries by this user name");
  cmd->add_option("--action", o->action, "Only this action (login, record_administration, ...)");
  cmd->add_option("--entity", o->entity, "Only this entity (a table name, audit_log, ...)");
  cmd->add_option("--session", o->session, "Only entries about this session")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--from", o->from, "Entries at or after this UTC time")->check(utc_time());
  cmd->add_option("--to", o->to, "Entries before this UTC time")->check(utc_time());
  add_runner(cmd, [o] { return run_export(*o); });
}

}  // namespace vigil::cli
