#!/usr/bin/env bash
# The repository stands alone: no tracked file outside docs/ points at notes that are not in a
# clone (the team's outside design, toolchain or interop notes, a ../shared folder) or at an
# issue number, and clinical.md / devices.md are cited only as docs/clinical.md, docs/devices.md;
# every link in docs/*.md names a file that the repository tracks.
# Usage: stands_alone_test.sh SOURCE_DIR. Exit 0 ok, 1 with one "file:line: rule" per problem,
# 77 (skipped) when SOURCE_DIR is not a git checkout.
set -uo pipefail
src="${1:?usage: stands_alone_test.sh SOURCE_DIR}"
self="tests/repo/stands_alone_test.sh"

if ! git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "skipped: $src is not a git checkout (git ls-files is needed)"
  exit 77
fi
cd "$src" || exit 1
mapfile -d '' tracked < <(git ls-files -z)
problems=0

report() {  # report FILE:LINE:TEXT RULE
  local where="${1%%:*}" rest="${1#*:}"
  local line="${rest%%:*}" text="${rest#*:}"
  echo "$where:$line: $2: ${text#"${text%%[![:space:]]*}"}"
  problems=$((problems + 1))
}

# Files outside docs/ (and this script, which must name what it looks for).
outside=()
for f in "${tracked[@]}"; do
  [[ "$f" == docs/* || "$f" == "$self" ]] && continue
  [[ -f "$f" ]] && outside+=("$f")
done

# check_outside ERE RULE: every line of a file outside docs/ that matches (binary files skipped).
check_outside() {
  local hit
  while IFS= read -r hit; do
    report "$hit" "$2"
  done < <(printf '%s\0' "${outside[@]}" | xargs -0 grep -nIiE -- "$1" 2>/dev/null)
}
check_outside '\.\./shared' 'names ../shared, which is not in the repository'
check_outside 'DESIGN\.md' 'cites DESIGN.md; cite docs/architecture.md or docs/alarms.md'
check_outside 'toolchain\.md' 'cites toolchain.md, which is not in the repository'
check_outside 'interop\.md' 'cites interop.md, which is not in the repository'
check_outside '\bissues? *#?[0-9]+' 'cites an issue number; say what the reason is, or cite docs/'

# clinical.md and devices.md only as docs/clinical.md and docs/devices.md.
while IFS= read -r hit; do
  text="${hit#*:*:}"
  stripped="$(sed -E 's#docs/(clinical|devices)\.md##g' <<<"$text")"
  if grep -qE '(clinical|devices)\.md' <<<"$stripped"; then
    report "$hit" 'cites clinical.md or devices.md without docs/'
  fi
done < <(printf '%s\0' "${outside[@]}" | xargs -0 grep -nIE -- '(clinical|devices)\.md' 2>/dev/null)

# Links in docs/*.md: [text](target) and [label]: target, outside fenced code blocks. A target
# is relative to docs/ (or to the root when it starts with /); URLs and #anchors are not files.
declare -A is_tracked=() is_tracked_dir=()
for f in "${tracked[@]}"; do
  is_tracked[$f]=1
  d="$f"
  while [[ "$d" == */* ]]; do
    d="${d%/*}"
    is_tracked_dir[$d]=1
  done
done
for doc in "${tracked[@]}"; do
  [[ "$doc" == docs/*.md && -f "$doc" ]] || continue
  while IFS=$'\t' read -r line target; do
    target="${target%%#*}"
    target="${target%% *}"
    [[ -z "$target" || "$target" =~ ^[a-zA-Z][a-zA-Z0-9+.-]*: ]] && continue
    if [[ "$target" == /* ]]; then
      path="$(realpath -m --relative-to=. "./$target")"
    else
      path="$(realpath -m --relative-to=. "docs/$target")"
    fi
    if [[ -z "${is_tracked[$path]:-}" && -z "${is_tracked_dir[$path]:-}" ]]; then
      report "$doc:$line:$target" "links $path, which the repository does not track"
    fi
  done < <(awk '
    /^[[:space:]]*(```|~~~)/ { fenced = !fenced; next }
    fenced { next }
    {
      s = $0
      while (match(s, /\]\([^)]*\)/)) {
        print NR "\t" substr(s, RSTART + 2, RLENGTH - 3)
        s = substr(s, RSTART + RLENGTH)
      }
      if (match($0, /^[[:space:]]*\[[^]]+\]:[[:space:]]*[^[:space:]]+/)) {
        t = $0
        sub(/^[[:space:]]*\[[^]]+\]:[[:space:]]*/, "", t)
        sub(/[[:space:]].*$/, "", t)
        print NR "\t" t
      }
    }' "$doc")
done

if ((problems > 0)); then
  echo "$problems reference(s) point outside the repository (see docs/architecture.md)"
  exit 1
fi
echo "the repository stands alone: ${#tracked[@]} tracked files checked"
