// `vigilctl sessions --db FILE --user NAME [--patient ID] [--type T] [--phase P] [--from UTC]
// [--to UTC] [--json]`: the sessions on record, newest planned first, one line each (id,
// patient, type, phase, start, end; times UTC, "-" when not yet), or JSON Lines with --json. The
// user (nurse, clinician or auditor) logs in with VIGIL_PASSWORD or a prompt; one patient's list is
// audited.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_checks.hpp"
#include "cli_commands.hpp"
#include "db_cli_support.hpp"
#include "vigil/core/utc_text.hpp"
#include "vigil/db/session_history.hpp"

namespace vigil::cli {
namespace {

struct SessionsOptions {
  std::string file;
  std::string user;
  std::string patient;
  std::string type;
  std::string phase;
  std::string from;
  std::string to;
  bool json = false;
};

std::string time_or_dash(const std::optional<db::UtcMs>& t) { return t ? core::utc_text(*t) : "-"; }

nlohmann::ordered_json optional_json(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

void print(const db::SessionSummary& s, bool json) {
  if (json) {
    nlohmann::ordered_json j;
    j["id"] = s.id;
    j["patient"] = s.patient_identifier;
    j["type"] = core::session_type_name(s.type);
    j["phase"] = core::session_phase_name(s.phase);
    j["chair"] = s.chair;
    j["planned_utc_ms"] = s.planned_utc_ms;
    j["started_utc_ms"] = optional_json(s.started_utc_ms);
    j["ended_utc_ms"] = optional_json(s.ended_utc_ms);
    j["linked_session_id"] = optional_json(s.linked_session_id);
    std::cout << j.dump() << '\n';
    return;
  }
  std::cout << s.id << '\t' << s.patient_identifier << '\t' << core::session_type_name(s.type)
            << '\t' << core::session_phase_name(s.phase) << '\t' << time_or_dash(s.started_utc_ms)
            << '\t' << time_or_dash(s.ended_utc_ms) << '\n';
}

int run_sessions(const SessionsOptions& o) {
  db::SessionHistoryFilter filter;
  if (!o.patient.empty()) filter.patient_identifier = o.patient;
  if (!o.type.empty()) filter.type = core::session_type_from_name(o.type);
  if (!o.phase.empty()) filter.phase = core::session_phase_from_name(o.phase);
  if (!o.from.empty()) filter.from_utc_ms = core::parse_utc_text(o.from);
  if (!o.to.empty()) filter.to_utc_ms = core::parse_utc_text(o.to);
  try {
    // Writable: the login and a patient's list are audited.
    auto store = db::Store::open(o.file, db::OpenMode::open_existing);
    const db::Actor actor = login_from_cli(store, o.user);
    for (const auto& s : db::list_sessions(store, actor, filter, wall_clock_utc_ms())) {
      print(s, o.json);
    }
    return kExitOk;
  } catch (const std::exception& e) {
    return report_error(e.what());
  }
}

CLI::Validator name_of(const std::vector<std::string>& names, const std::string& what) {
  return CLI::Validator(
      [names, what](std::string& v) -> std::string {
        for (const auto& n : names) {
          if (v == n) return {};
        }
        std::string list;
        for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
        return "must be a " + what + " (" + list + "), got '" + v + "'";
      },
      what);
}

}  // namespace

void register_sessions_command(CLI::App& app) {
  auto o = std::make_shared<SessionsOptions>();
  auto* cmd = app.add_subcommand("sessions", "The sessions on record, newest first");
  cmd->add_option("--db", o->file, "Database file")->required()->check(non_empty_path());
  cmd->add_option("--user", o->user, "Nurse, clinician or auditor who reads")->required();
  cmd->add_option("--patient", o->patient, "Only this patient's sessions (identifier)");
  const auto& type_names = core::enum_names<core::SessionType>;
  const auto& phase_names = core::enum_names<core::SessionPhase>;
  const std::vector<std::string> types(type_names.begin(), type_names.end());
  const std::vector<std::string> phases(phase_names.begin(), phase_names.end());
  cmd->add_option("--type", o->type, "dosing or integration")
      ->check(name_of(types, "session type"));
  cmd->add_option("--phase", o->phase, "Only sessions in this phase")
      ->check(name_of(phases, "session phase"));
  cmd->add_option("--from", o->from, "Only sessions planned at or after this UTC time")
      ->check(utc_time());
  cmd->add_option("--to", o->to, "Only sessions planned before this UTC time")->check(utc_time());
  cmd->add_flag("--json", o->json, "JSON Lines");
  add_runner(cmd, [o] { return run_sessions(*o); });
}

}  // namespace vigil::cli
