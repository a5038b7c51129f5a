#!/usr/bin/env bash
# The repository stands alone: a clone has everything a file in it points at. Outside docs/,
# every cited Markdown file and every path that climbs with ../ names a file or folder the
# repository tracks, and nothing cites an issue number; every link in docs/*.md names a tracked
# file.
# Usage: stands_alone_test.sh SOURCE_DIR. Exit 0 ok, 1 with one "file:line: rule" per problem,
# 77 (skipped) when SOURCE_DIR is not a git checkout.
set -uo pipefail
src="${1:?usage: stands_alone_test.sh SOURCE_DIR}"

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

declare -A is_tracked=() is_tracked_dir=()
for f in "${tracked[@]}"; do
  is_tracked[$f]=1
  d="$f"
  while [[ "$d" == */* ]]; do
    d="${d%/*}"
    is_tracked_dir[$d]=1
  done
done
in_repo() { [[ -n "${is_tracked[$1]:-}" || -n "${is_tracked_dir[$1]:-}" ]]; }

# Files outside docs/ (docs/ links are checked below, relative to docs/).
outside=()
for f in "${tracked[@]}"; do
  [[ "$f" == docs/* ]] && continue
  [[ -f "$f" ]] && outside+=("$f")
done
# grep_outside ERE: "file:line:match" for each match in a file outside docs/ (binary skipped).
grep_outside() { printf '%s\0' "${outside[@]}" | xargs -0 grep -nIoE -- "$1" 2>/dev/null; }

# A cited Markdown file must be a tracked file at that path, from the root or from the citing
# file's folder: notes that a clone does not have, or a doc cited without its docs/ folder, are
# refused.
while IFS= read -r hit; do
  f="${hit%%:*}" rest="${hit#*:}"
  ref="${rest#*:}"
  in_repo "$ref" || in_repo "$(realpath -m --relative-to=. "$(dirname "$f")/$ref")" ||
    report "$hit" "cites $ref, which is no file of the repository at that path (docs/ holds the docs)"
done < <(grep_outside '[A-Za-z0-9_./-]*[A-Za-z0-9_-]\.md\b')

# A relative path that climbs (../) must name a tracked file or folder from the citing file's
# folder: a clone has nothing above its root.
while IFS= read -r hit; do
  f="${hit%%:*}" rest="${hit#*:}"
  ref="${rest#*:}"
  ref="${ref#"${ref%%..*}"}"  # drop the character matched before the ../
  path="$(realpath -m --relative-to=. "$(dirname "$f")/$ref")"
  [[ "$path" != ../* ]] && in_repo "$path" ||
    report "$hit" "names $ref, which is not in the repository"
done < <(grep_outside '(^|[^.])\.\./[A-Za-z0-9_./-]+')

while IFS= read -r hit; do
  report "$hit" 'cites an issue number; say what the reason is, or cite docs/'
done < <(printf '%s\0' "${outside[@]}" | xargs -0 grep -nIiE -- '\bissues? *#?[0-9]+' 2>/dev/null)

# Links in docs/*.md: [text](target) and [label]: target, outside fenced code blocks. A target
# is relative to docs/ (or to the root when it starts with /); URLs and #anchors are not files.
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
    if ! in_repo "$path"; then
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
