#!/usr/bin/env bash
# `vigilctl profile show|check`: the default profile passes, each unsafe file fails naming the
# key and the rule, and `profile show` output checks clean.
# Usage: profile_cli_test.sh VIGILCTL SOURCE_DIR
set -uo pipefail
vigilctl="$1"
source_dir="$2"
default_file="$source_dir/core/profiles/default_alarm_profile.toml"
source "$(dirname "${BASH_SOURCE[0]}")/../support/cli_test_lib.sh"

# expect NAME WANT_RC COMMAND... ; then each line of $want must appear in stdout+stderr.
expect() {
  local name="$1" want_rc="$2"
  shift 2
  local out rc
  out=$("$@" 2>&1)
  rc=$?
  if [[ $rc -ne $want_rc ]]; then
    fail "$name: exit status $rc, expected $want_rc" "$out"
    return
  fi
  while IFS= read -r want; do
    [[ -z "$want" ]] && continue
    grep -qF -- "$want" <<<"$out" || fail "$name: missing '$want'" "$out"
  done <<<"${want:-}"
}

# edit NAME SED-EXPRESSION: a copy of the default profile with one change.
edit() {
  sed -e "$2" "$default_file" >"$work/$1.toml"
  echo "$work/$1.toml"
}

want="ok"
expect "default profile checks ok" 0 "$vigilctl" profile check "$default_file"
out=$("$vigilctl" profile check "$default_file")
[[ "$out" == "ok" ]] || fail "check prints exactly ok" "$out"

want="limit[1].treshold: unknown key \`limit[1].treshold\`
typos must not silently disable an alarm"
expect "typo key" 1 "$vigilctl" profile check "$(edit typo '0,/^threshold = 90$/s//treshold = 90/')"

want="limit[3].threshold: low-side limit pulse_rate < 130 bpm is at or above high-side limit[4]
low >= high"
expect "low >= high" 1 "$vigilctl" profile check "$(edit lowhigh 's/^threshold = 50$/threshold = 130/')"

want="limit[1].delay_s: delay 70 s exceeds the 60 s maximum condition delay"
expect "delay 70 s" 1 "$vigilctl" profile check \
  "$(edit delay '/^channel = "spo2"$/,/^delay_s/s/^delay_s = 10$/delay_s = 70/')"

want="limit: no high-priority SpO2 low limit"
expect "missing high SpO2 tier" 1 "$vigilctl" profile check "$(edit nohigh 's/^priority = "high"$/priority = "medium"/')"

want="technical.disconnected.enabled: must be true: a lost device link must alarm"
expect "disconnected disabled" 1 "$vigilctl" profile check \
  "$(edit disc '/^\[technical.disconnected\]/,/^enabled/s/^enabled = true/enabled = false/')"

want=".toml:2:"
printf 'audio_pause_s = 120\nlatching = = false\n' >"$work/parse.toml"
expect "parse error line:col" 1 "$vigilctl" profile check "$work/parse.toml"
want="TOML parse error"
expect "parse error message" 1 "$vigilctl" profile check "$work/parse.toml"

want="vigilctl: error: cannot read $work/absent.toml: No such file or directory"
expect "unreadable file" 1 "$vigilctl" profile check "$work/absent.toml"

"$vigilctl" profile show >"$work/shown.toml" || fail "profile show exits 0"
want="ok"
expect "profile show output checks ok" 0 "$vigilctl" profile check "$work/shown.toml"
"$vigilctl" profile show "$default_file" >"$work/shown-file.toml" || fail "profile show FILE"
cmp -s "$work/shown.toml" "$work/shown-file.toml" ||
  fail "profile show FILE of the default file differs from profile show"

want="limit: no high-priority SpO2 low limit"
expect "profile show of a bad file" 1 "$vigilctl" profile show "$work/nohigh.toml"

want="subcommand is required"
expect "profile without subcommand is a usage error" 2 "$vigilctl" profile

finish "vigilctl profile show/check behave as documented"
