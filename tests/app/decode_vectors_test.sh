#!/usr/bin/env bash
# `vigilctl decode` on every test vector of docs/devices.md prints the values listed there.
# Usage: decode_vectors_test.sh VIGILCTL
set -uo pipefail
vigilctl="$1"
source "$(dirname "${BASH_SOURCE[0]}")/../support/cli_test_lib.sh"

# check NAME PROTOCOL HEXBYTES EXPECTED-SUBSTRING...
check() {
  local name="$1" protocol="$2" hex="$3"
  shift 3
  local out
  out=$(printf "$(echo "$hex" | sed -E 's/([0-9A-Fa-f]{2}) ?/\\x\1/g')" |
        "$vigilctl" decode --protocol "$protocol")
  for want in "$@"; do
    if ! grep -qF -- "$want" <<<"$out"; then
      fail "$name: missing $want" "$out"
    fi
  done
}

# check_text NAME PROTOCOL TEXT EXPECTED... (text lines, CR LF appended)
check_text() {
  local name="$1" protocol="$2" text="$3"
  shift 3
  local out
  out=$(printf '%s\r\n' "$text" | "$vigilctl" decode --protocol "$protocol")
  for want in "$@"; do
    if ! grep -qF -- "$want" <<<"$out"; then
      fail "$name: missing $want" "$out"
    fi
  done
}

# Nonin DF2/DF7 values come out once the next packet's SYNC confirms their packet; at the end of
# input `vigilctl decode` calls NoninDecoder::finish(), which emits the trailing packet's values
# at the last frame's seq (2 here).
check nonin-df2 nonin-df2 "01 81 01 00 83 01 80 01 48 CA 01 80 01 61 E3" \
  '{"seq":0,"channel":"pleth","value":1,' \
  '{"seq":2,"channel":"pulse_rate","value":72,' \
  '{"seq":2,"channel":"spo2","value":97,' \
  '{"summary":{"frames":3,"bytes_discarded":0,"checksum_errors":0}}'

check contec-v7-normal contec-v7 "01 E0 85 AD 95 D1 E2 FF FF" \
  '"channel":"pleth","value":45,' \
  '"channel":"pulse_rate","value":81,' \
  '"channel":"spo2","value":98,' \
  '"channel":"perfusion_index","value":null,' \
  '{"summary":{"frames":1,"bytes_discarded":0,"checksum_errors":0}}'

check contec-v7-finger-out contec-v7 "01 E9 94 C0 95 FF FF FF FF" \
  '"channel":"pulse_rate","value":null,' \
  '"channel":"spo2","value":null,' \
  '"channel":"perfusion_index","value":null,' \
  'sensor_off'

check suntech-result suntech "3E 18 73 00 4A 00 1E 01 00 00 00 00 00 00 31 07 55 00 58 00 00 00 00 E9" \
  '"channel":"nibp_systolic","value":115,' \
  '"channel":"nibp_diastolic","value":74,' \
  '"channel":"nibp_mean","value":88,' \
  '"channel":"nibp_pulse_rate","value":85,' \
  '{"summary":{"frames":1,"bytes_discarded":0,"checksum_errors":0}}'

check_text masimo-rad8 masimo-ascii \
  "02/22/16 22:47:45 SN=0000056661 SPO2=098% BPM=097 PI=03.60% SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000800" \
  '"channel":"spo2","value":98,' \
  '"channel":"pulse_rate","value":97,' \
  '"channel":"perfusion_index","value":3.6,' \
  '"channel":"spco","value":null,' \
  '"channel":"spmet","value":null,' \
  '{"summary":{"frames":1,"bytes_discarded":0,"checksum_errors":0}}'

finish "all decode vectors print their documented values"
