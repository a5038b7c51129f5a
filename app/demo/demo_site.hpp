#pragma once
// The interactive demo's database (`vigil --demo`): a new file (never an existing one) with a
// demo user per bedside role, a demo patient with weight and date of birth, and an esketamine
// dosing session planned for the demo chair now, so a newcomer signs in and drives the forms
// on the simulated devices. Nothing is scripted: every record after that is made on screen.

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "vigil/db/roles.hpp"
#include "vigil/db/store_error.hpp"

namespace vigil::demo {

inline constexpr const char* kDemoChair = "demo chair";

struct DemoLogin {
  const char* name;
  db::Role role;
  const char* password;  // at least 10 characters, as every password
};

// The demo's sign-ins, printed at start (README: "Trying the station").
inline constexpr std::array<DemoLogin, 3> kDemoLogins = {{
    {"demo-nurse", db::Role::nurse, "nurse-demo-1"},
    {"demo-clinician", db::Role::clinician, "clinician-demo-1"},
    {"demo-auditor", db::Role::auditor, "auditor-demo-1"},
}};

class DemoSite {
 public:
  // Creates `file` (its folder must exist) at UTC `now`; throws db::ValidationError ("--db: FILE
  // exists; the demo only writes a new database") when it exists.
  DemoSite(std::filesystem::path file, db::UtcMs now);

  const std::filesystem::path& file() const { return file_; }
  db::RowId session_id() const { return session_id_; }  // the planned session

  // One line per demo sign-in: "user demo-nurse (nurse) password nurse-demo-1".
  static std::vector<std::string> login_lines();

 private:
  std::filesystem::path file_;
  db::RowId session_id_ = 0;
};

}  // namespace vigil::demo
