#!/usr/bin/env bash
# The house's rooms: per package of src/main/java, its file count and the median and largest file in lines;
# then the lines of the files named on the command line, and the places (file:line) outside tests that name a
# field given by FIELD (default riskAccepted, in any of its spellings: riskAccepted, risk_accepted, Risk Accepted).
# Usage: bench/codesize.sh [file ...]
set -euo pipefail
cd "$(dirname "$0")/.."
root=src/main/java/dev/hotfixlog
printf '%-22s %5s %7s %8s  %s\n' package files median largest "(file)"
find "$root" -name '*.java' | sed "s|$root/||" | awk -F/ '{ NF--; print (NF ? $0 : ".") }' OFS=/ | sort -u |
while read -r pkg; do
  dir="$root/$pkg"; [ "$pkg" = . ] && dir="$root"
  files=$(find "$dir" -maxdepth 1 -name '*.java')
  count=$(printf '%s\n' "$files" | wc -l)
  sizes=$(for f in $files; do wc -l < "$f"; done | sort -n)
  median=$(printf '%s\n' "$sizes" | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)) }')
  largest=$(for f in $files; do echo "$(wc -l < "$f") $(basename "$f")"; done | sort -n | tail -1)
  printf '%-22s %5s %7s %8s  %s\n' "$pkg" "$count" "$median" "${largest% *}" "(${largest#* })"
done
for f in "$@"; do echo "$(wc -l < "$f") lines  $f"; done
field="${FIELD:-riskAccepted}"
snake=$(echo "$field" | sed 's/\([A-Z]\)/_\L\1/g')
words=$(echo "$field" | sed 's/\([A-Z]\)/ \1/g; s/^./\U&/')
echo
echo "places naming $field ($field, $snake, $words) outside tests:"
grep -rn -i -E "$field|$snake|$words" src/main openapi.json 2>/dev/null | grep -v '^src/test' | cut -c1-140 || true
echo "count: $(grep -rn -i -E "$field|$snake|$words" src/main 2>/dev/null | wc -l) lines in $(grep -rl -i -E "$field|$snake|$words" src/main 2>/dev/null | wc -l) files"
