#!/usr/bin/env bash
# The house's rooms, for src/main/java (issue 32): per package its file count and the median and largest file in
# lines; the files over 400 lines (ArchitectureTest's limit); the methods over 80 lines and, per package, the
# share of public top-level types, and the same share per feature (a top-level package with its sub-packages:
# the figure the "hotfix under 40%" goal reads, since a feature's top package is its public face, value records
# and interfaces public by design; all read by the JDK's own parser: bench/CodeSize.java, run by the java source
# launcher, nothing built); and the pairs of places that share six or more lines, per 1,000 lines, by the
# `duplicates` tool (/work/.library/duplicates: identical or same-shape runs, boilerplate marked).
# Then the lines of the files named on the command line, and with FIELD=name the places (file:line) outside tests
# that name that field in any of its spellings (riskAccepted, risk_accepted, Risk Accepted).
# Usage: bench/codesize.sh [file ...]      SRC=other/src/main/java bench/codesize.sh  (another checkout's sources)
set -euo pipefail
cd "$(dirname "$0")/.."
src="${SRC:-src/main/java}"
root="$src/dev/hotfixlog"
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
total_files=$(find "$root" -name '*.java' | wc -l)
total_lines=$(find "$root" -name '*.java' -exec cat {} + | wc -l)
echo "all: $total_files files, $total_lines lines"
echo
over=$(find "$root" -name '*.java' -exec wc -l {} + | grep -v ' total$' | awk '$1 > 400' | sort -rn || true)
echo "files over 400 lines: $(printf '%s' "$over" | grep -c . || true)"
[ -n "$over" ] && printf '%s\n' "$over" | sed "s|$src/||"
echo
java bench/CodeSize.java "$src" 80
echo
if command -v duplicates >/dev/null; then
  dup=$(duplicates --repo "$src" --most 8 --seconds 120)
  head=$(printf '%s\n' "$dup" | head -1)
  pairs=$(printf '%s\n' "$head" | awk '{ print ($1 ~ /^[0-9]+$/ ? $1 : 0) }')
  boiler=$(printf '%s\n' "$head" | sed -n 's/.* \([0-9][0-9]*\) of those marked boilerplate.*/\1/p')
  awk -v p="$pairs" -v b="${boiler:-0}" -v l="$total_lines" 'BEGIN {
    printf "duplicate pairs (6+ shared lines): %d, %.2f per 1,000 lines; not boilerplate: %d, %.2f per 1,000 lines\n",
      p, p * 1000 / l, p - b, (p - b) * 1000 / l }'
  printf '%s\n' "$dup" | sed 's/^/  /'
else
  echo "duplicate pairs: the duplicates tool is not installed (/work/.library/duplicates)"
fi
for f in "$@"; do echo "$(wc -l < "$f") lines  $f"; done
if [ -n "${FIELD:-}" ]; then
  field="$FIELD"
  snake=$(echo "$field" | sed 's/\([A-Z]\)/_\L\1/g')
  words=$(echo "$field" | sed 's/\([A-Z]\)/ \1/g; s/^./\U&/')
  echo
  echo "places naming $field ($field, $snake, $words) outside tests:"
  grep -rn -i -E "$field|$snake|$words" src/main openapi.json 2>/dev/null | grep -v '^src/test' | cut -c1-140 || true
  echo "count: $(grep -rn -i -E "$field|$snake|$words" src/main 2>/dev/null | wc -l) lines in $(grep -rl -i -E "$field|$snake|$words" src/main 2>/dev/null | wc -l) files"
fi
