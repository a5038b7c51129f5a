#!/usr/bin/env bash
# `vigilctl simulate`: --out writes decodable bytes (desaturation reaches SpO2 84), the pty mode
# prints its symlink and stops cleanly on SIGTERM, and bad arguments exit 2 naming the option.
# Usage: simulate_cli_test.sh VIGILCTL
set -uo pipefail
vigilctl="$1"
source "$(dirname "${BASH_SOURCE[0]}")/../support/cli_test_lib.sh"

# --out: two minutes of Nonin DF2 desaturation, decoded.
if ! "$vigilctl" simulate --device nonin-df2 --scenario desaturation --out "$work/df2.bin" \
  --duration 120 2>"$work/err"; then
  fail "simulate --out exited $?: $(cat "$work/err")"
fi
decoded=$("$vigilctl" decode --protocol nonin-df2 "$work/df2.bin")
grep -qF '"channel":"spo2","value":84,' <<<"$decoded" || fail "SpO2 never reached 84"
grep -qF '"channel":"spo2","value":98,' <<<"$decoded" || fail "SpO2 never 98"
grep -qF '{"summary":{"frames":9000,"bytes_discarded":0,"checksum_errors":0}}' <<<"$decoded" ||
  fail "summary: $(tail -1 <<<"$decoded")"

# --out for every device decodes without discarded bytes. The device list is the one
# `simulate --help` prints (the protocol list), never a copy kept here.
devices=$("$vigilctl" simulate --help | sed -n 's/.*Device protocol: //p' | tr -d ',')
[[ $(wc -w <<<"$devices") -ge 8 ]] || fail "simulate --help lists too few devices: $devices"
for device in $devices; do
  "$vigilctl" simulate --device "$device" --scenario normal --out "$work/$device.bin" \
    --duration 40 2>/dev/null || fail "$device: --out failed"
  summary=$("$vigilctl" decode --protocol "$device" "$work/$device.bin" | tail -1)
  grep -q '"bytes_discarded":0,' <<<"$summary" || fail "$device: $summary"
  grep -q '"frames":0,' <<<"$summary" && fail "$device: no frames"
done

# Pty mode: prints the symlink, streams, removes the link on SIGTERM and exits 0.
link="$work/masimo-link"
"$vigilctl" simulate --device masimo-ascii --scenario normal --speed 10 --link "$link" \
  >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 50); do [[ -s "$work/out" ]] && break; sleep 0.1; done
[[ "$(head -1 "$work/out")" == "$link" ]] || fail "pty mode printed '$(cat "$work/out")'"
[[ -L "$link" ]] || fail "no symlink at $link"
timeout 1 cat "$link" >"$work/lines" 2>/dev/null
grep -q 'SPO2=098% BPM=072' "$work/lines" || fail "no Masimo lines on the pty"
kill -TERM "$pid"
wait "$pid"
rc=$?
[[ $rc -eq 0 ]] || fail "SIGTERM: exit $rc"
[[ -e "$link" || -L "$link" ]] && fail "symlink left behind"

# Bad arguments: exit 2, naming the option and the rule.
expect_usage() {
  local want="$1"
  shift
  local err rc
  err=$("$vigilctl" simulate "$@" 2>&1 >/dev/null)
  rc=$?
  [[ $rc -eq 2 ]] || fail "simulate $*: exit $rc, wanted 2"
  grep -qF -- "$want" <<<"$err" || fail "simulate $*: '$err' does not name '$want'"
}
expect_usage "--device: unknown device 'pulsox'" --device pulsox --scenario normal
expect_usage "--scenario: unknown scenario 'apnoea'" --device nonin-df2 --scenario apnoea
expect_usage "--speed: must be a finite number of scenario seconds per real second >= 0.01" \
  --device nonin-df2 --scenario normal --speed 0
expect_usage "--duration: must be a finite number of seconds > 0 and <= 604800, got 'x'" \
  --device nonin-df2 --scenario normal --duration x
expect_usage "--scenario or --replay" --device nonin-df2
expect_usage "--out: needs --duration" --device nonin-df2 --scenario normal --out "$work/x"
printf 't_s,spo2,pulse_rate,nibp_systolic,nibp_diastolic\n0,97,70,,\n5,97,fast,,\n' >"$work/bad.csv"
expect_usage "line 3, column 3 (pulse_rate)" --device nonin-df2 --replay "$work/bad.csv"

# Replay: a good file drives the stream.
printf '0,97,70,,\n5,90,88,,\n' >"$work/good.csv"
"$vigilctl" simulate --device masimo-ascii --replay "$work/good.csv" --out "$work/replay.bin" \
  --duration 10 2>/dev/null || fail "replay --out failed"
replayed=$("$vigilctl" decode --protocol masimo-ascii "$work/replay.bin")
grep -qF '"channel":"spo2","value":90,' <<<"$replayed" || fail "replay: no SpO2 90"
grep -qF '"channel":"pulse_rate","value":88,' <<<"$replayed" || fail "replay: no pulse 88"

finish "vigilctl simulate behaves"
