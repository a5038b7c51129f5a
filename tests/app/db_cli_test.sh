#!/usr/bin/env bash
# vigilctl db / user / audit / export against a fresh database, including tampering with the
# raw sqlite3 shell and verifying a read-only archived copy.
# Usage: db_cli_test.sh VIGILCTL
set -u
VIGILCTL="$1"
run_timeout=0
source "$(dirname "${BASH_SOURCE[0]}")/../support/cli_test_lib.sh"
WORK="$work"
DB="$WORK/vigil.db"


run 0 env VIGIL_NEW_PASSWORD=admin-password-1 "$VIGILCTL" db init --db "$DB" --admin root
expect_out "created .* with admin root"
run 1 env VIGIL_NEW_PASSWORD=admin-password-1 "$VIGILCTL" db init --db "$DB" --admin root2
expect_out "already initialised"
# A station database holds patient names: owner-only, and so are its WAL and shared memory.
[ "$(stat -c %a "$DB")" = 600 ] || fail "database created $(stat -c %a "$DB"), expected 600"

run 1 env VIGIL_PASSWORD=wrong-password VIGIL_NEW_PASSWORD=auditor-pass-1 \
  "$VIGILCTL" user add --db "$DB" --user root --name aud --role auditor
expect_out "authentication failed"
run 1 env VIGIL_PASSWORD=admin-password-1 VIGIL_NEW_PASSWORD=short \
  "$VIGILCTL" user add --db "$DB" --user root --name aud --role auditor
expect_out "password: at least 10 characters"
run 2 env VIGIL_PASSWORD=admin-password-1 VIGIL_NEW_PASSWORD=auditor-pass-1 \
  "$VIGILCTL" user add --db "$DB" --user root --name aud --role janitor
expect_out "role"
run 0 env VIGIL_PASSWORD=admin-password-1 VIGIL_NEW_PASSWORD=auditor-pass-1 \
  "$VIGILCTL" user add --db "$DB" --user root --name aud --role auditor
expect_out "added auditor aud"
run 1 env VIGIL_PASSWORD=auditor-pass-1 VIGIL_NEW_PASSWORD=another-pass-1 \
  "$VIGILCTL" user add --db "$DB" --user aud --name eve --role admin
expect_out "role auditor may not manage_users"

# Site settings (admin, audited): the idle lock and a stored alarm profile, checked first.
run 0 env VIGIL_PASSWORD=admin-password-1 \
  "$VIGILCTL" site set --db "$DB" --user root --key idle_lock_minutes --value 10
expect_out "set idle_lock_minutes"
run 1 env VIGIL_PASSWORD=auditor-pass-1 \
  "$VIGILCTL" site set --db "$DB" --user aud --key idle_lock_minutes --value 1
expect_out "role auditor may not change_site_settings"
printf '[spo2]\nlow = 200\n' >"$WORK/bad-profile.toml"
run 1 env VIGIL_PASSWORD=admin-password-1 \
  "$VIGILCTL" site set --db "$DB" --user root --key alarm_profile.copd --profile-file "$WORK/bad-profile.toml"
expect_out "spo2"
run 1 env VIGIL_PASSWORD=admin-password-1 \
  "$VIGILCTL" site set --db "$DB" --user root --key alarm_profile.copd --value "[spo2]"
expect_out "comes from a file"
"$VIGILCTL" profile show >"$WORK/good-profile.toml" || fail "profile show failed"
run 0 env VIGIL_PASSWORD=admin-password-1 \
  "$VIGILCTL" site set --db "$DB" --user root --key alarm_profile.copd --profile-file "$WORK/good-profile.toml"
expect_out "set alarm_profile.copd"
run 0 "$VIGILCTL" site list --db "$DB"
expect_out "idle_lock_minutes = 10"
expect_out "alarm_profile.copd = \(alarm profile, TOML\)"
run 2 "$VIGILCTL" site set --db "$DB" --user root --key idle_lock_minutes
expect_out "one is required"

run 0 "$VIGILCTL" audit verify --db "$DB"
expect_out "^ok [0-9]+ entries, head [0-9a-f]{64}$"
HEAD="$(head -n1 <<<"$OUT" | sed -E 's/.*head ([0-9a-f]{64})/\1/')"
run 0 "$VIGILCTL" audit head --db "$DB"
expect_out "^[0-9a-f]{64}$"
run 0 "$VIGILCTL" audit verify --db "$DB" --expect-head "$HEAD"
run 0 "$VIGILCTL" audit log --db "$DB" --json
expect_out '"action":"verify"'
expect_out '"action":"refused"'
expect_out '"action":"login_failed"'
run 0 "$VIGILCTL" audit log --db "$DB"
expect_out "create_user"

# Export (on a copy: the raw patient/session rows below are not audited records).
EX="$WORK/export.db"
cp "$DB" "$EX"
sqlite3 "$EX" "INSERT INTO patients (identifier,name,date_of_birth,sex) VALUES ('M1','P','1980-01-01','male');
  INSERT INTO sessions (type,patient_id,chair,planned_utc_ms,phase) VALUES ('dosing',1,'c',0,'dosing');
  INSERT INTO vitals_numeric (session_id,channel,t_utc_ms,value,flags) VALUES
    (1,'spo2',1000,97,0),(1,'pulse_rate',1000,70,0),(1,'spo2',2000,NULL,1),(1,'pulse_rate',2000,71,0);"
run 0 env VIGIL_PASSWORD=auditor-pass-1 "$VIGILCTL" export csv --db "$EX" --session 1 --user aud \
  --out "$WORK/s1.csv"
printf 't_utc_ms,spo2,pulse_rate\n1000,97,70\n2000,,71\n' | cmp -s - "$WORK/s1.csv" \
  || fail "csv content: $(cat "$WORK/s1.csv")"
[ "$(stat -c %a "$WORK/s1.csv")" = 600 ] || fail "export written $(stat -c %a "$WORK/s1.csv"), expected 600"
[ "$(sqlite3 "$EX" "SELECT count(*) FROM audit_log WHERE action='export'")" = 1 ] \
  || fail "export not audited"
# A device is written, never replaced by a file; a directory is refused.
run 0 env VIGIL_PASSWORD=auditor-pass-1 "$VIGILCTL" export csv --db "$EX" --session 1 --user aud \
  --out /dev/null
[ -c /dev/null ] || fail "/dev/null is no longer a device"
run 1 env VIGIL_PASSWORD=auditor-pass-1 "$VIGILCTL" export csv --db "$EX" --session 1 --user aud \
  --out "$WORK"
expect_out "--out: .* is a directory"
run 1 env VIGIL_PASSWORD=admin-password-1 "$VIGILCTL" export csv --db "$EX" --session 1 --user root
expect_out "role admin may not export_records"
run 2 "$VIGILCTL" export csv --db "$EX" --session -3 --user aud
expect_out "session"

# The auditor's export of the audit log, filtered, as CSV and JSON; streamed to an owner-only
# file; audited with its filter; a bad time or a nurse's login is refused by name.
run 0 env VIGIL_PASSWORD=auditor-pass-1 "$VIGILCTL" audit export --db "$EX" --user aud \
  --format csv --action login_failed --out "$WORK/failed.csv"
expect_out "exported [1-9][0-9]* audit entr"
head -n1 "$WORK/failed.csv" | grep -q "^seq,time_utc,t_utc_ms,actor_id,actor_name,action," ||
  fail "audit csv header: $(head -n1 "$WORK/failed.csv")"
[ "$(tail -n +2 "$WORK/failed.csv" | grep -vc ',login_failed,')" = 0 ] || fail "the filter let other actions through"
[ "$(stat -c %a "$WORK/failed.csv")" = 600 ] || fail "audit export written $(stat -c %a "$WORK/failed.csv")"
run 0 env VIGIL_PASSWORD=auditor-pass-1 "$VIGILCTL" audit export --db "$EX" --user aud \
  --format json --by root --from 2000-01-01 --to 2100-01-01T00:00Z --out "$WORK/root.json"
python3 -c 'import json,sys; e=json.load(open(sys.argv[1])); assert e and all(x["actor_name"]=="root" for x in e), e' \
  "$WORK/root.json" || fail "audit json: $(head -c 300 "$WORK/root.json")"
[ "$(sqlite3 "$EX" "SELECT count(*) FROM audit_log WHERE action='export_audit_log'")" = 2 ] ||
  fail "audit exports not audited"
run 2 env VIGIL_PASSWORD=auditor-pass-1 "$VIGILCTL" audit export --db "$EX" --user aud \
  --format csv --from yesterday --out "$WORK/x.csv"
expect_out "--from: must be a UTC time as YYYY-MM-DD"
run 1 env VIGIL_PASSWORD=auditor-pass-1 "$VIGILCTL" audit export --db "$EX" --user aud \
  --format csv --from 2026-02-01 --to 2026-01-01 --out "$WORK/x.csv"
expect_out "to: must be after from"
[ ! -e "$WORK/x.csv" ] || fail "a refused export left a file"
run 1 env VIGIL_PASSWORD=admin-password-1 "$VIGILCTL" audit export --db "$EX" --user root \
  --format csv --out "$WORK/x.csv"
expect_out "role admin may not read_audit_log"

# Tampering: a changed entry is named.
T1="$WORK/t1.db"
cp "$DB" "$T1"
sqlite3 "$T1" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_name='mallory' WHERE seq=2;"
run 1 "$VIGILCTL" audit verify --db "$T1"
expect_out "^broken at seq 2"

# A deleted entry: the next one is named.
T2="$WORK/t2.db"
cp "$DB" "$T2"
sqlite3 "$T2" "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq=3;"
run 1 "$VIGILCTL" audit verify --db "$T2"
expect_out "^broken at seq 4"

# A changed user row (e.g. a swapped password hash) no longer matches its audited state.
T3="$WORK/t3.db"
cp "$DB" "$T3"
sqlite3 "$T3" "UPDATE users SET role='admin' WHERE name='aud';"
run 1 "$VIGILCTL" audit verify --db "$T3"
expect_out "^broken at seq [0-9]+: users id 2"

# Truncating the tail is caught with the head recorded earlier.
T4="$WORK/t4.db"
cp "$DB" "$T4"
HEAD4="$("$VIGILCTL" audit head --db "$T4")"
sqlite3 "$T4" "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq=(SELECT max(seq) FROM audit_log);"
run 1 "$VIGILCTL" audit verify --db "$T4" --expect-head "$HEAD4"
expect_out "ends before the expected head"

# A read-only archived copy verifies and is not written to.
mkdir "$WORK/archive"
cp "$DB" "$WORK/archive/vigil.db"
chmod 0444 "$WORK/archive/vigil.db"
chmod 0555 "$WORK/archive"
BEFORE="$(sha256sum <"$WORK/archive/vigil.db")"
run 0 "$VIGILCTL" audit verify --db "$WORK/archive/vigil.db"
expect_out "^ok [0-9]+ entries"
[ "$(sha256sum <"$WORK/archive/vigil.db")" = "$BEFORE" ] || fail "archived copy was modified"
[ ! -e "$WORK/archive/vigil.db-wal" ] || fail "archived copy got a WAL file"

# The writable file got one verify entry per verification.
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE action='verify'")" = 2 ] \
  || fail "verifications not audited"

finish "db cli: all checks passed"
