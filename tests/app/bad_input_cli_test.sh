#!/usr/bin/env bash
# Bad command-line input never loses data: each case gets an error naming the option and its
# rule, and every file that was there before is still there, unchanged.
# Usage: bad_input_cli_test.sh VIGILCTL VIGIL
set -u
VIGILCTL="$1"
VIGIL="$2"
source "$(dirname "${BASH_SOURCE[0]}")/../support/cli_test_lib.sh"
WORK="$work"
cd "$WORK" || exit 1
unchanged() { cmp -s "$1" "$2" || fail "$1 was changed or removed"; }
export VIGIL_PASSWORD=admin-password-1 VIGIL_NEW_PASSWORD=admin-password-1

run 0 "$VIGILCTL" db init --db v.db --admin root
cp v.db v.copy

# export: --out is written only when complete, and never over the database.
run 1 "$VIGILCTL" export csv --db v.db --session 1 --user root --out v.db
expect_out "--out: must not be the --db file"
unchanged v.db v.copy
echo "an earlier export" >keep.csv && cp keep.csv keep.copy
run 1 "$VIGILCTL" export csv --db v.db --session 1 --user root --out keep.csv
expect_out "role admin may not export_records"
unchanged keep.csv keep.copy
ls ./*.partial-* >/dev/null 2>&1 && fail "a partial export was left behind"
run 2 "$VIGILCTL" export csv --db v.db --session abc --user root
expect_out "--session: must be a whole number >= 1, got 'abc'"

# audit verify: a malformed expected head is a usage error, not a "broken" chain on record.
entries="$(sqlite3 v.db 'SELECT count(*) FROM audit_log')"
for head in zz '' "$(printf 'A%.0s' {1..64})"; do
  run 2 "$VIGILCTL" audit verify --db v.db --expect-head "$head"
  expect_out "--expect-head: must be 64 lower-case hexadecimal characters"
done
[ "$(sqlite3 v.db 'SELECT count(*) FROM audit_log')" = "$entries" ] ||
  fail "a refused --expect-head was written to the audit log"

# db init: nothing half-made is left behind; an empty path is refused.
run 1 env VIGIL_NEW_PASSWORD=short "$VIGILCTL" db init --db new.db --admin root
expect_out "password: at least 10 characters"
[ -e new.db ] && fail "a refused db init left new.db behind"
run 2 "$VIGILCTL" db init --db '' --admin root
expect_out "--db: must not be empty"
run 1 env VIGIL_NEW_PASSWORD=nurse-password-1 "$VIGILCTL" user add --db v.db --user root \
  --name $'nl\nx' --role nurse
expect_out "name: printable characters only"

# simulate: the link never replaces a file; every run is finite.
echo "notes" >notes.txt && cp notes.txt notes.copy
run 1 "$VIGILCTL" simulate --device nonin-df2 --scenario normal --duration 1 --link notes.txt
expect_out "link: notes.txt exists and is not a symbolic link"
unchanged notes.txt notes.copy
run 2 "$VIGILCTL" simulate --device nonin-df2 --scenario normal --duration 2 --start-at 1e300
expect_out "--start-at: must be a finite number of seconds >= 0 and <= 604800"
run 2 "$VIGILCTL" simulate --device nonin-df2 --scenario normal --duration 1e300 --out big.bin
expect_out "--duration: must be a finite number of seconds > 0 and <= 604800"
[ -e big.bin ] && fail "a refused simulate --out created its file"

# monitor: numbers are finite and in their clinical range.
run 2 "$VIGILCTL" monitor --device nonin-df2:/dev/null --for nan
expect_out "--for: must be a finite number of seconds > 0"
run 2 "$VIGILCTL" monitor --device suntech:/dev/null --nibp-every 0.01
expect_out "--nibp-every: must be a finite number of seconds >= 60"

run 2 "$VIGILCTL" monitor --device nonin-df2:/dev/ttyS9 --device masimo-ascii:/dev/ttyS9 --for 1
expect_out "--device: /dev/ttyS9 is given twice"
run 2 "$VIGILCTL" monitor --device nonin-df2:usb-serial: --for 1
expect_out "usb-serial: needs the serial number"

mkdir -p not-a-port
run 0 "$VIGILCTL" monitor --device nonin-df2:not-a-port --for 1
expect_out "disconnected - open failed: Is a directory"

# vigil: the screenshot never overwrites the database; NaN is not a number of seconds.
cp v.db v.copy  # (the refusals above are in its audit log now)
run 2 env QT_QPA_PLATFORM=offscreen "$VIGIL" --db v.db --user root --device nonin-df2:/dev/null \
  --screenshot v.db --quit-after 1
expect_out "--screenshot: must not be the --db file"
unchanged v.db v.copy
run 2 env QT_QPA_PLATFORM=offscreen "$VIGIL" --demo --quit-after nan
expect_out "--quit-after: must be a number of seconds"

finish "all checks passed"
