#!/usr/bin/env bash
# Time to the first window of the release app (budget 500 ms): the app started with a fresh data
# folder under its own Xvfb, the clock stopped when X knows a window titled 年报助手 (xwininfo,
# polled every 10 ms), and again when the window's library is written (the sample library has
# reports: the backend answered the window's first command). RUNS times (default 5); medians.
#
#   scripts/bench/first-window.sh [APP]     (default target/release/nianbao-app, `make deb`)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
app="${1:-$target/release/nianbao-app}"
runs="${RUNS:-5}"
[[ -x "$app" ]] || { echo "no app at $app (make deb)" >&2; exit 2; }
command -v Xvfb >/dev/null && command -v xwininfo >/dev/null && command -v sqlite3 >/dev/null ||
  { echo "needs Xvfb, xwininfo (x11-utils), sqlite3" >&2; exit 2; }

scratch="$(mktemp -d)"
xvfb_pid="" app_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
  [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
for n in $(seq 90 120); do [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || break; done
Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$n" WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1
for _ in $(seq 1 100); do xwininfo -root >/dev/null 2>&1 && break; sleep 0.05; done

now_ms() { echo $(($(date +%s%N) / 1000000)); }
windows=() libraries=()
for i in $(seq "$runs"); do
  export NIANBAO_DATA_DIR="$scratch/data$i"
  t0=$(now_ms)
  "$app" >"$scratch/app$i.log" 2>&1 &
  app_pid=$!
  shown="" ready=""
  while (($(now_ms) - t0 < 20000)); do
    if [[ -z "$shown" ]] && xwininfo -root -tree 2>/dev/null | grep -q '"年报助手"'; then shown=$(($(now_ms) - t0)); fi
    if [[ -n "$shown" && -f "$NIANBAO_DATA_DIR/library.sqlite3" ]] &&
      [[ "$(sqlite3 "$NIANBAO_DATA_DIR/library.sqlite3" 'select count(*) from reports' 2>/dev/null || echo 0)" -gt 0 ]]; then
      ready=$(($(now_ms) - t0)); break
    fi
    sleep 0.01
  done
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  [[ -n "$shown" ]] || { cat "$scratch/app$i.log" >&2; echo "run $i: no window in 20 s" >&2; exit 1; }
  echo "run $i: window ${shown} ms, sample library written ${ready:-?} ms"
  windows+=("$shown") libraries+=("${ready:-99999}")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
w=$(median "${windows[@]}") l=$(median "${libraries[@]}")
echo "first window: median ${w} ms (budget 500 ms); sample library ready: median ${l} ms ($(nproc) cores)"
((w <= 500))
