#!/usr/bin/env bash
# Opens an HTML report in headless Chromium and checks that it works in a real browser:
#   render_html.sh REPORT.html [OUT.png]
# Fails (exit 1) when the page logs anything to the console (uncaught errors, Content-Security-Policy
# refusals, console.error: the report itself logs nothing), when its script did not run (it marks
# <body data-ready="1">), or when the findings table has no rows (<tr data-rule=…>). With OUT.png it also
# renders a 1280×1600 screenshot. Exit 2 when chromium is not installed or the report is missing.
set -uo pipefail
report="${1:?usage: render_html.sh REPORT.html [OUT.png]}"
png="${2:-}"
browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || { echo "chromium is not installed" >&2; exit 2; }
[ -f "$report" ] || { echo "no such report: $report" >&2; exit 2; }
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
flags=(--headless=new --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile"
  --enable-logging=stderr --v=0 --virtual-time-budget=3000)

timeout 120 "$browser" "${flags[@]}" --dump-dom "$url" >"$work/dom.html" 2>"$work/log.txt"
status=$?
[ $status -eq 0 ] || { echo "chromium failed ($status):" >&2; tail -20 "$work/log.txt" >&2; exit 1; }
failed=0
if grep -E ':CONSOLE[:(]|Uncaught' "$work/log.txt" >&2; then
  echo "FAIL: the page logged to the console (above)" >&2; failed=1
fi
if ! grep -q '<body[^>]*data-ready="1"' "$work/dom.html"; then
  echo "FAIL: the report's script did not run (no data-ready on <body>)" >&2; failed=1
fi
rows=$(grep -o '<tr data-i="[0-9]*" data-rule=' "$work/dom.html" | wc -l)
if [ "$rows" -eq 0 ]; then
  echo "FAIL: the findings table has no rows" >&2; failed=1
fi
[ $failed -eq 0 ] || exit 1
echo "ok: $rows finding rows, no console messages"

if [ -n "$png" ]; then
  timeout 120 "$browser" "${flags[@]}" --hide-scrollbars --window-size=1280,1600 --screenshot="$png" "$url" \
    >/dev/null 2>"$work/shot.txt" || { tail -20 "$work/shot.txt" >&2; exit 1; }
  [ -s "$png" ] || { echo "FAIL: no screenshot written" >&2; exit 1; }
  echo "screenshot: $png"
fi
