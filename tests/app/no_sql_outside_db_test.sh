#!/usr/bin/env bash
# The store is the one door to the record: no SQL and no SQLite handle outside db/ and tests/.
# Fails naming file and line when a file under app/ (or another folder given) has
#   - an #include of SQLiteCpp, sqlite3.h, or db/'s raw headers (database.hpp, schema.hpp);
#   - a use of the SQLite:: namespace or the sqlite3_ C API;
#   - a string literal that reads as SQL (SELECT ... FROM, INSERT INTO, UPDATE ... SET,
#     DELETE FROM, CREATE/DROP/ALTER TABLE|INDEX|TRIGGER|VIEW, PRAGMA, BEGIN/COMMIT/ROLLBACK).
# Usage: no_sql_outside_db_test.sh SOURCE_DIR        checks SOURCE_DIR/app
#        no_sql_outside_db_test.sh --self-test       proves each rule fires on a planted file
set -uo pipefail

check_dir() {
  local dir="$1" found=0
  local include_re='#[[:space:]]*include[[:space:]]*[<"](SQLiteCpp/|sqlite3\.h|vigil/db/database\.hpp|vigil/db/schema\.hpp)'
  local api_re='\bSQLite::|\bsqlite3_[a-z_]+\b'
  local sql_re='"[^"]*\b(SELECT\b.*\bFROM|INSERT[[:space:]]+INTO|UPDATE[[:space:]]+[A-Za-z_]+[[:space:]]+SET|DELETE[[:space:]]+FROM|(CREATE|DROP|ALTER)[[:space:]]+(TABLE|INDEX|TRIGGER|VIEW)|PRAGMA[[:space:]]+[a-z_]+|(BEGIN|COMMIT|ROLLBACK)([[:space:]]+TRANSACTION)?[[:space:]]*;?")'
  # SQL in this project is written with upper-case keywords; lower-case SQL is caught in the
  # shapes that UI text does not take (a clause after the table name, INSERT's column list).
  local lower_sql_re='"[^"]*\b(select[[:space:]]+[a-z_.*, ()]+[[:space:]]+from[[:space:]]+[a-z_]+([[:space:]]*"|[[:space:]]+(where|order|group|join|limit)\b)|insert[[:space:]]+into[[:space:]]+[a-z_]+[[:space:]]*\(|update[[:space:]]+[a-z_]+[[:space:]]+set[[:space:]]+[a-z_]+[[:space:]]*=|delete[[:space:]]+from[[:space:]]+[a-z_]+[[:space:]]*(where\b|")|pragma[[:space:]]+[a-z_]+[[:space:]]*=)'
  while IFS= read -r hit; do
    echo "SQL outside db/: $hit (the store API in db/ is the one door to the record)"
    found=1
  done < <(grep -rnE --include='*.cpp' --include='*.hpp' --include='*.h' "$include_re" "$dir";
           grep -rnP --include='*.cpp' --include='*.hpp' --include='*.h' "$api_re" "$dir";
           grep -rnE --include='*.cpp' --include='*.hpp' --include='*.h' "$sql_re" "$dir";
           grep -rnE --include='*.cpp' --include='*.hpp' --include='*.h' "$lower_sql_re" "$dir")
  return $found
}

self_test() {
  local tmp rc=0
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' RETURN
  local -a planted=(
    '#include <SQLiteCpp/Database.h>'
    '#include "vigil/db/database.hpp"'
    'SQLite::Statement q(db, x);'
    'sqlite3_exec(h, x, nullptr, nullptr, nullptr);'
    'auto q = "SELECT phase FROM sessions WHERE id = ?";'
    'auto q = "select id from patients where name = ?";'
    'auto q = "delete from vitals";'
    'db.exec("UPDATE vitals SET value = 99");'
    'db.exec("DELETE FROM administrations");'
    'db.exec("PRAGMA journal_mode=WAL");'
    'db.exec("BEGIN");'
  )
  local i=0
  for line in "${planted[@]}"; do
    mkdir -p "$tmp/$i"
    printf '%s\n' "$line" >"$tmp/$i/planted.cpp"
    if check_dir "$tmp/$i" >/dev/null; then
      echo "self-test: not caught: $line"
      rc=1
    fi
    i=$((i + 1))
  done
  # What is not SQL passes: UI text and comments that use the words.
  mkdir -p "$tmp/clean"
  printf '%s\n' 'auto t = tr("Select a patient from the list");' \
    '// records are updated through the store' 'auto s = "Begin the session";' \
    'auto u = tr("Delete from the list?");' 'auto v = tr("Select the chair from which");' \
    >"$tmp/clean/ok.cpp"
  if ! check_dir "$tmp/clean"; then
    echo "self-test: a clean file was refused"
    rc=1
  fi
  return $rc
}

if [[ "${1:-}" == "--self-test" ]]; then
  self_test && echo "self-test passed"
  exit $?
fi
[[ $# -eq 1 && -d "$1/app" ]] || { echo "usage: $0 SOURCE_DIR | --self-test" >&2; exit 2; }
check_dir "$1/app" && echo "no SQL outside db/"
