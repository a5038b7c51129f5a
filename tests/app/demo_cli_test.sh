#!/usr/bin/env bash
# `vigilctl demo` and `vigil --demo` end to end: simulators on ptys, the station pipeline, the
# recorder and the demo record; then the record is verified and read back.
# Usage: demo_cli_test.sh VIGILCTL VIGIL
set -euo pipefail
vigilctl="$1"
vigil="$2"
source "$(dirname "${BASH_SOURCE[0]}")/../support/cli_test_lib.sh"
# Fail fast: each step needs the one before it.
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

pw() { VIGIL_PASSWORD=demo-password "$@"; }

# Headless demo from just before the desaturation's SpO2 < 90 %, fast: a medium SpO2 alarm is
# raised, named with its limit and value, and the session ends complete.
"$vigilctl" demo --speed 8 --start-at 25.8 --for 8 --db "$work/demo.db" >"$work/demo.out" 2>&1 ||
  { cat "$work/demo.out"; fail "vigilctl demo exited $?"; }
grep -q "ALARM raised MEDIUM spo2_low: spo2 [0-9]* % (limit spo2 below 90 %)" "$work/demo.out" ||
  { cat "$work/demo.out"; fail "no medium SpO2 alarm line"; }
grep -q "SCRIPT +1:00 dosing: esketamine 28 mg nasal device 1 of 2" "$work/demo.out" ||
  fail "the script did not record the dose"
grep -q "session ended early: demo stopped at" "$work/demo.out" || fail "the session was not ended"
grep -Eq "demo: done; session 1 in .*: [1-9][0-9]* vitals rows" "$work/demo.out" ||
  fail "no vitals recorded"
"$vigilctl" audit verify --db "$work/demo.db" >"$work/verify.out" || fail "audit chain does not verify"
grep -Eq "^vitals: [1-9][0-9]* seals over [1-9][0-9]* rows and [0-9]+ waveform blocks match$" \
  "$work/verify.out" || fail "no sealed vitals verified: $(cat "$work/verify.out")"
# Erasing the desaturation from the record, triggers dropped, is caught and named.
cp "$work/demo.db" "$work/tampered.db"
sqlite3 "$work/tampered.db" "DROP TRIGGER vitals_no_update; UPDATE vitals SET value = 99
  WHERE value < 90 AND channel = 150456"
if "$vigilctl" audit verify --db "$work/tampered.db" >"$work/verify.out"; then
  fail "an edited SpO2 verifies"
fi
grep -Eq "^broken: vitals of session 1, seal [0-9]+ \(.* UTC\), spo2: the rows differ" \
  "$work/verify.out" || fail "the edited SpO2 is not named: $(cat "$work/verify.out")"
after_end=$(sqlite3 "$work/demo.db" "SELECT count(*) FROM vitals_numeric v JOIN sessions s
  ON s.id = v.session_id WHERE s.ended_utc_ms IS NULL OR v.t_utc_ms > s.ended_utc_ms")
[[ "$after_end" == 0 ]] || fail "$after_end vitals rows after the session ended (or it never ended)"
VIGIL_PASSWORD=demo-password "$vigilctl" export csv --db "$work/demo.db" --session 1 \
  --user demo-clinician --out "$work/s1.csv" >/dev/null
(($(wc -l <"$work/s1.csv") > 20)) || fail "the export holds too few rows"

# The sessions on record: the demo's one, closed, with its start and end; a patient's list is
# audited; a bad filter is refused by name.
VIGIL_PASSWORD=demo-password "$vigilctl" sessions --db "$work/demo.db" --user demo-nurse \
  >"$work/sessions.out" || fail "sessions exited $?"
grep -Pq '^1\tDEMO-0001\tdosing\tclosed\t20\d\d-\d\d-\d\d [0-9:.]{12}\t20\d\d-' \
  "$work/sessions.out" || fail "no closed demo session line: $(cat "$work/sessions.out")"
VIGIL_PASSWORD=demo-password "$vigilctl" sessions --db "$work/demo.db" --user demo-clinician \
  --patient DEMO-0001 --json | grep -q '"id":1,"patient":"DEMO-0001","type":"dosing"' ||
  fail "no JSON line for the demo patient"
[[ "$(sqlite3 "$work/demo.db" "SELECT count(*) FROM audit_log WHERE action = 'list_sessions'")" == 1 ]] ||
  fail "the patient's list was not audited"
if VIGIL_PASSWORD=demo-password "$vigilctl" sessions --db "$work/demo.db" --user demo-nurse \
  --phase over 2>"$work/err"; then fail "a bad --phase was accepted"; fi
grep -q -- "--phase: must be a session phase" "$work/err" || fail "no --phase refusal: $(cat "$work/err")"
[[ -z "$(pw "$vigilctl" sessions --db "$work/demo.db" --user demo-nurse --from 2100-01-01)" ]] ||
  fail "a session planned before --from was listed"
[[ -n "$(pw "$vigilctl" sessions --db "$work/demo.db" --user demo-nurse --from 2000-01-01 --to 2100-01-01T00:00)" ]] ||
  fail "the demo session is not within --from/--to"
if pw "$vigilctl" sessions --db "$work/demo.db" --user demo-nurse --to tomorrow 2>"$work/err"; then
  fail "a bad --to was accepted"
fi
grep -q -- "--to: must be a UTC time as YYYY-MM-DD" "$work/err" || fail "no --to refusal: $(cat "$work/err")"

# The session report: printed by the clinician as searchable text (the dose's lot, the SpO2
# alarm, the chain head) and bound to the record: "unchanged" on the untouched file, and a raw
# edit with no trigger in the way is named with the record it changed.
pw "$vigilctl" report --db "$work/demo.db" --session 1 --user demo-clinician \
  --out "$work/report.pdf" >"$work/report.out" 2>&1 || { cat "$work/report.out"; fail "report exited"; }
grep -Eq "^report: session 1, [1-9][0-9]* pages, [1-9][0-9]* records, digest [0-9a-f]{64}" \
  "$work/report.out" || fail "no report line: $(cat "$work/report.out")"
pdftotext "$work/report.pdf" "$work/report.txt" || fail "pdftotext cannot read the report"
# The head printed is the one before the report's own export entry (the newest).
printed_head=$(sqlite3 "$work/demo.db" "SELECT prev_hash FROM audit_log ORDER BY seq DESC LIMIT 1")
for want in DEMO-LOT-1 "spo2 low" "Record binding" "$printed_head"; do
  grep -q -- "$want" "$work/report.txt" || fail "'$want' is not in the report's text"
done
pw "$vigilctl" report check "$work/report.pdf" --db "$work/demo.db" --user demo-nurse \
  >"$work/check.out" || fail "report check of the untouched record: $(cat "$work/check.out")"
grep -q "^unchanged: session 1 holds the [0-9]* records" "$work/check.out" ||
  fail "no 'unchanged' line: $(cat "$work/check.out")"
cp "$work/demo.db" "$work/edited.db"
sqlite3 "$work/edited.db" "UPDATE administrations SET lot = 'LOT-FORGED' WHERE id = 1"
if pw "$vigilctl" report check "$work/report.pdf" --db "$work/edited.db" --user demo-nurse \
  >"$work/check.out"; then fail "an edited dose checks as unchanged"; fi
grep -q "^  differs: administrations 1$" "$work/check.out" || fail "the edit is not named: $(cat "$work/check.out")"
grep -q "^audit chain: does not verify" "$work/check.out" || fail "no chain line: $(cat "$work/check.out")"
if pw "$vigilctl" report --db "$work/demo.db" --session 1 --user demo-nurse \
  --out "$work/nurse.pdf" 2>"$work/err"; then fail "a nurse printed a report"; fi
grep -q "role nurse may not export_records" "$work/err" || fail "no role refusal: $(cat "$work/err")"
if pw "$vigilctl" report check "$work/s1.csv" --db "$work/demo.db" --user demo-nurse \
  2>"$work/err"; then fail "a CSV checked as a report"; fi
grep -q "no Vigil record binding in this PDF" "$work/err" || fail "no binding refusal: $(cat "$work/err")"

# An existing file is never written by the demo.
if "$vigilctl" demo --for 1 --db "$work/demo.db" 2>"$work/err"; then fail "reused a database"; fi
grep -q "exists" "$work/err" || fail "no 'exists' message: $(cat "$work/err")"

# The monitor refuses to record into the closed demo session.
if VIGIL_PASSWORD=demo-password "$vigilctl" monitor --device nonin-df2:/nonexistent \
  --db "$work/demo.db" --session 1 --user demo-nurse --for 1 2>"$work/err"; then
  fail "recorded into a closed session"
fi
grep -q "session 1: closed" "$work/err" || fail "no 'closed' message: $(cat "$work/err")"
if VIGIL_PASSWORD=wrong-password-x "$vigilctl" monitor --device nonin-df2:/nonexistent \
  --db "$work/demo.db" --session 1 --user demo-nurse --for 1 2>"$work/err"; then
  fail "a wrong password was accepted"
fi
grep -q "authentication failed" "$work/err" || fail "no authentication message: $(cat "$work/err")"

# The scripted GUI demo renders offscreen, saves the window and exits 0.
QT_QPA_PLATFORM=offscreen "$vigil" --demo --scripted --speed 8 --start-at 25 --db "$work/gui.db" \
  --screenshot "$work/shot.png" --quit-after 2 >"$work/gui.out" 2>&1 ||
  { cat "$work/gui.out"; fail "vigil --demo --scripted exited $?"; }
grep -q "screenshot saved to $work/shot.png" "$work/gui.out" || fail "no screenshot line"
grep -q "demo +1:00 dosing: esketamine 28 mg nasal device 1 of 2" "$work/gui.out" ||
  fail "the scripted GUI demo did not record the dose"
[[ -s "$work/shot.png" ]] || fail "empty screenshot"
"$vigilctl" audit verify --db "$work/gui.db" | grep -q "^ok " || fail "GUI demo chain does not verify"

# The interactive GUI demo prints its sign-ins; the demo nurse's password works in the record,
# and the session is planned for the demo chair, not started by any script.
QT_QPA_PLATFORM=offscreen "$vigil" --demo --speed 8 --db "$work/live.db" \
  --screenshot "$work/live.png" --quit-after 2 >"$work/live.out" 2>&1 ||
  { cat "$work/live.out"; fail "vigil --demo exited $?"; }
for login in "demo-nurse (nurse) password nurse-demo-1" \
  "demo-clinician (clinician) password clinician-demo-1" \
  "demo-auditor (auditor) password auditor-demo-1"; do
  grep -q "demo user $login" "$work/live.out" || { cat "$work/live.out"; fail "no line for $login"; }
done
[[ -s "$work/live.png" ]] || fail "empty screenshot of the interactive demo"
"$vigilctl" audit verify --db "$work/live.db" | grep -q "^ok " || fail "live demo chain does not verify"
VIGIL_PASSWORD=auditor-demo-1 "$vigilctl" export csv --db "$work/live.db" --session 1 \
  --user demo-auditor --out "$work/live.csv" >/dev/null 2>"$work/err" ||
  fail "the demo auditor cannot sign in: $(cat "$work/err")"
[[ "$(sqlite3 "$work/live.db" "SELECT phase || ' ' || chair || ' ' || planned_dose_mg FROM sessions")" \
  == "planned demo chair 56.0" ]] || fail "no esketamine session planned for the demo chair"
echo "all checks passed"
