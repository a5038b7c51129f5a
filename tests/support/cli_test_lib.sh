# Shared helpers of the shell tests (tests/*/*_test.sh); source it, do not run it:
#   source "$(dirname "${BASH_SOURCE[0]}")/../support/cli_test_lib.sh"
# Gives: $work (a fresh directory, removed on exit), fail, run, expect_out, finish.

work=$(mktemp -d)
# chmod first: a test may leave read-only files (archived copies) behind.
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
failures=0

# fail MESSAGE [DETAIL]: counts a failure; DETAIL (e.g. the command's output) is indented.
fail() {
  echo "FAIL: $1"
  if (($# > 1)); then sed 's/^/    /' <<<"$2"; fi
  failures=$((failures + 1))
}

# run EXPECTED_RC CMD...: runs CMD (at most $run_timeout s; 0: no limit), its stdout and
# stderr in $OUT, and checks its exit status.
run_timeout=${run_timeout:-20}
run() {
  local expected="$1"
  shift
  OUT="$(timeout "$run_timeout" "$@" 2>&1)"
  local rc=$?
  [ "$rc" -eq "$expected" ] || fail "exit $rc (expected $expected): $* -> $OUT"
}

# expect_out REGEX: the last run's output matches.
expect_out() { grep -qE -- "$1" <<<"$OUT" || fail "output does not match '$1': $OUT"; }

# finish SUCCESS_LINE: the verdict; exits 1 after any failure.
finish() {
  if ((failures > 0)); then
    echo "$failures failure(s)"
    exit 1
  fi
  echo "$1"
}
