// `vigilctl audit verify|head|log|export --db FILE`: the hash-chained audit log (export:
// audit_export_command.cpp).
//   verify [--expect-head HASH]  exit 0 printing `ok <entries> entries, head <hex>` and the
//                                vitals seals checked, or exit 1 printing the first broken
//                                sequence number (or that the chain ends before the expected
//                                head, or the session, seal and channel whose vitals differ). A
//                                writable file gets a "verify" entry after the verified head; a
//                                read-only (archived) file is only read.
//   head                         prints the head hash.
//   log [--json]                 prints every entry (JSON Lines with --json).
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "cli_checks.hpp"
#include "cli_commands.hpp"
#include "db_cli_support.hpp"
#include "vigil/db/audit_chain.hpp"
#include "vigil/db/store.hpp"

namespace vigil::cli {
namespace {

struct AuditOptions {
  std::string file;
  std::string expect_head;
  bool json = false;
};

// Writable for us and not marked read-only: a file or folder without any write permission bit
// is an archive even for root (whom access() lets write anyway).
bool writable(const std::string& file) {
  namespace fs = std::filesystem;
  const auto dir = fs::absolute(file).parent_path();
  const auto any_write = fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write;
  auto marked_writable = [&](const fs::path& p) {
    return (fs::status(p).permissions() & any_write) != fs::perms::none;
  };
  return ::access(file.c_str(), W_OK) == 0 && ::access(dir.c_str(), W_OK) == 0 &&
         marked_writable(file) && marked_writable(dir);
}

// One line per entry: a name with a tab or a line break (a refused login's name is whatever was
// typed) is shown escaped (\xNN), never as a forged column or row.
std::string printable(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const unsigned char c : text) {
    if (c < 0x20 || c == 0x7f) {
      constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

int run_verify(const AuditOptions& o) {
  try {
    if (!std::filesystem::exists(o.file)) return report_error("--db: " + o.file + ": no such file");
    const bool rw = writable(o.file);
    auto store = db::Store::open(o.file, rw ? db::OpenMode::open_existing : db::OpenMode::archive);
    std::optional<std::string> expected;
    if (!o.expect_head.empty()) expected = o.expect_head;
    const auto r = db::verify_audit_chain(store, expected);
    if (rw) db::record_verification(store, r, "vigilctl", wall_clock_utc_ms());
    if (r.ok) {
      std::cout << "ok " << r.entries << " entries, head " << r.head << '\n';
      std::cout << "vitals: " << r.seals << " seals over " << r.sealed_rows << " rows and "
                << r.sealed_blocks << " waveform blocks match";
      if (r.legacy_rows > 0) {
        std::cout << "; " << r.legacy_rows << " rows recorded before seals (not sealed)";
      }
      if (r.unsealed_rows > 0) {
        std::cout << "; " << r.unsealed_rows
                  << " rows without a seal in sessions the recorder never recorded";
      }
      std::cout << '\n';
      return kExitOk;
    }
    if (r.first_broken_seq) {
      std::cout << "broken at seq " << *r.first_broken_seq << ": " << r.problem << '\n';
    } else {
      std::cout << "broken: " << r.problem << '\n';
    }
    return kExitFailure;
  } catch (const std::exception& e) {
    return report_error(e.what());
  }
}

int run_head(const AuditOptions& o) {
  try {
    auto store = db::Store::open(o.file, db::OpenMode::read_only);
    std::cout << db::audit_head(store).hash << '\n';
    return kExitOk;
  } catch (const std::exception& e) {
    return report_error(e.what());
  }
}

int run_log(const AuditOptions& o) {
  try {
    auto store = db::Store::open(o.file, db::OpenMode::read_only);
    for (const auto& e : db::read_audit_entries(store)) {
      if (o.json) {
        nlohmann::ordered_json j;
        j["seq"] = e.seq;
        j["t_utc_ms"] = e.t_utc_ms;
        j["actor_id"] = e.actor_id ? nlohmann::ordered_json(*e.actor_id) : nullptr;
        j["actor_name"] = e.actor_name;
        j["action"] = e.action;
        j["entity"] = e.entity;
        j["entity_id"] = e.entity_id ? nlohmann::ordered_json(*e.entity_id) : nullptr;
        j["old_value"] = e.old_value ? nlohmann::ordered_json(*e.old_value) : nullptr;
        j["new_value"] = e.new_value ? nlohmann::ordered_json(*e.new_value) : nullptr;
        j["prev_hash"] = e.prev_hash;
        j["hash"] = e.hash;
        std::cout << j.dump() << '\n';
      } else {
        std::cout << e.seq << '\t' << e.t_utc_ms << '\t' << printable(e.actor_name) << '\t'
                  << printable(e.action) << '\t' << printable(e.entity);
        if (e.entity_id) std::cout << ' ' << *e.entity_id;
        std::cout << '\t' << printable(e.new_value.value_or("-")) << '\n';
      }
    }
    return kExitOk;
  } catch (const std::exception& e) {
    return report_error(e.what());
  }
}

}  // namespace

void add_audit_export_command(CLI::App* audit);  // audit_export_command.cpp

void register_audit_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("audit", "Verify and read the audit log");
  cmd->require_subcommand(1);
  auto verify_o = std::make_shared<AuditOptions>();
  auto* verify = cmd->add_subcommand("verify", "Recompute the hash chain and check the records");
  verify->add_option("--db", verify_o->file, "Database file")->required()->check(non_empty_path());
  verify
      ->add_option("--expect-head", verify_o->expect_head,
                   "A head hash recorded earlier: the chain must still contain it")
      ->check(sha256_hex());
  add_runner(verify, [verify_o] { return run_verify(*verify_o); });

  auto head_o = std::make_shared<AuditOptions>();
  auto* head = cmd->add_subcommand("head", "Print the hash of the last entry");
  head->add_option("--db", head_o->file, "Database file")->required()->check(non_empty_path());
  add_runner(head, [head_o] { return run_head(*head_o); });

  auto log_o = std::make_shared<AuditOptions>();
  auto* log = cmd->add_subcommand("log", "Print the audit log");
  log->add_option("--db", log_o->file, "Database file")->required()->check(non_empty_path());
  log->add_flag("--json", log_o->json, "One JSON object per line");
  add_runner(log, [log_o] { return run_log(*log_o); });

  add_audit_export_command(cmd);
}

}  // namespace vigil::cli
