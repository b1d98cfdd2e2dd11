#!/bin/sh
# Regenerates src/main/resources/static/icons.svg, the icon sprite the pages draw with
# <svg class="icon"><use href="/static/icons.svg#i-NAME"></use></svg>, from the npm package lucide-static
# (ISC licence, kept beside the sprite as icons-LICENSE.txt). Only the icons named below go in, so the one cached
# file stays small; the stroke style (fill none, currentColor, width 2, round caps) is set by .icon in app.css.
# Usage: packaging/icons.sh [version]   (needs npm and network; run from anywhere)
set -eu
VERSION="${1:-1.87.0}"
ICONS="alert-triangle flame clock timer user server check circle-check circle circle-dot x plus search
chart-column layout-dashboard list shield-alert book-open inbox git-commit-horizontal rocket bell link file-text
sun moon keyboard chevron-down chevron-right external-link pencil trash-2 message-square paperclip activity
trending-up trending-down minus info siren log-out filter"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/src/main/resources/static/icons.svg"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack --silent "lucide-static@$VERSION" >/dev/null && tar xzf "lucide-static-$VERSION.tgz")
{
  printf '<svg xmlns="http://www.w3.org/2000/svg"><!-- lucide-static %s, ISC licence: icons-LICENSE.txt -->\n' "$VERSION"
  for name in $ICONS; do
    file="$TMP/package/icons/$name.svg"
    [ -f "$file" ] || { echo "lucide-static $VERSION has no icon $name" >&2; exit 1; }
    # The drawing is every element line of the file but the <svg> wrapper and the licence comment.
    body="$(sed -n 's/^  \(<[a-z].*\) \/>$/\1\/>/p' "$file" | tr -d '\n')"
    printf '<symbol id="i-%s" viewBox="0 0 24 24">%s</symbol>\n' "$name" "$body"
  done
  printf '</svg>\n'
} >"$OUT"
cp "$TMP/package/LICENSE" "$ROOT/src/main/resources/static/icons-LICENSE.txt"
echo "wrote $OUT ($(wc -c <"$OUT") bytes) from lucide-static $VERSION"
