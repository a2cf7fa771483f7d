#!/usr/bin/env bash
# `make package-test`: the release .deb installed as a drafter gets it, started, checked and
# removed. Fails (exit 1) on the first thing a drafter would miss:
#   - apt installs the .deb (its dependencies resolved by apt);
#   - the binary, the desktop entry (Exec with %F, Icon, MimeType for .docx/.txt/.pdf) and the
#     icon file it names are where the package says;
#   - the installed app, started under Xvfb with a fresh NIANBAO_DATA_DIR, shows its window
#     (年报助手, found with xwininfo) and creates the sample library (sqlite3: reports in it);
#   - `apt-get remove` takes every installed file away.
#
#   scripts/package-test.sh [DEB]     (default: the newest target/release/bundle/deb/*.deb)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
deb="${1:-$(ls -t "$target"/release/bundle/deb/*.deb 2>/dev/null | head -n 1 || true)}"
fail() { echo "package-test: FAIL: $*" >&2; exit 1; }
ok() { echo "package-test: ok: $*"; }
[[ -f "$deb" ]] || fail "no .deb (run 'make deb' first)"
sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"

pkg="$(dpkg-deb -f "$deb" Package)"
size=$(stat -c %s "$deb")
echo "package-test: $deb ($pkg, $((size / 1024)) KiB)"

data="$(mktemp -d)"
app_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
  rm -rf "$data"
  if dpkg -s "$pkg" >/dev/null 2>&1; then $sudo apt-get remove -y -qq "$pkg" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# --- install ----------------------------------------------------------------------------------
$sudo apt-get install -y -qq "$(realpath "$deb")" >/dev/null || fail "apt-get install $deb"
dpkg -s "$pkg" | grep -q '^Status: install ok installed' || fail "$pkg not installed"
mapfile -t files < <(dpkg -L "$pkg" | while read -r f; do [[ -f "$f" ]] && echo "$f"; done)
ok "installed ${#files[@]} files"

# --- binary, desktop entry, icon, MIME ---------------------------------------------------------
bin="$(printf '%s\n' "${files[@]}" | grep -m1 '^/usr/bin/' || true)"
[[ -n "$bin" && -x "$bin" ]] || fail "no executable in /usr/bin"
desktop="$(printf '%s\n' "${files[@]}" | grep -m1 '^/usr/share/applications/.*\.desktop$' || true)"
[[ -n "$desktop" ]] || fail "no desktop entry in /usr/share/applications"
field() { sed -n "s/^$1=//p" "$desktop" | head -n 1; }
[[ "$(field Exec)" == "$(basename "$bin") %F" || "$(field Exec)" == "$bin %F" ]] ||
  fail "desktop Exec is '$(field Exec)', want '$(basename "$bin") %F' (files opened with it)"
icon="$(field Icon)"
[[ -n "$icon" ]] || fail "desktop entry names no Icon"
icon_file="$(printf '%s\n' "${files[@]}" | grep -m1 -E "/usr/share/(icons/hicolor/[^/]+/apps|pixmaps)/$icon\.(png|svg)$" || true)"
[[ -n "$icon_file" && -s "$icon_file" ]] || fail "icon '$icon' not installed under /usr/share/icons/hicolor or pixmaps"
file -b "$icon_file" | grep -qE 'PNG image|SVG' || fail "icon $icon_file is not an image"
mime="$(field MimeType)"
for m in application/vnd.openxmlformats-officedocument.wordprocessingml.document text/plain application/pdf; do
  [[ ";$mime;" == *";$m;"* ]] || fail "desktop MimeType lacks $m (open with 年报助手): '$mime'"
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
fi
ok "desktop entry $desktop: Exec $(field Exec), icon $icon_file, MimeType $mime"

# --- start under Xvfb -------------------------------------------------------------------------
export NIANBAO_DATA_DIR="$data/data"
export WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1
run_app() {
  "$bin" >"$data/app.log" 2>&1 &
  app_pid=$!
  echo "$app_pid" >"$data/app.pid"
  local seen=""
  for _ in $(seq 1 120); do
    if xwininfo -root -tree 2>/dev/null | grep -q '"年报助手"'; then seen=1; break; fi
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.5
  done
  [[ -n "$seen" ]] || { cat "$data/app.log" >&2; return 1; }
  # The sample library is written at first start.
  local db=""
  for _ in $(seq 1 60); do
    db="$(find "$NIANBAO_DATA_DIR" -name '*.sqlite3' -o -name '*.db' 2>/dev/null | head -n 1)"
    if [[ -n "$db" ]] && [[ "$(sqlite3 "$db" 'select count(*) from reports' 2>/dev/null || echo 0)" -gt 0 ]]; then
      echo "window shown; $(sqlite3 "$db" 'select count(*) from reports') reports in $db"
      return 0
    fi
    sleep 0.5
  done
  echo "no sample library in $NIANBAO_DATA_DIR" >&2
  cat "$data/app.log" >&2
  return 1
}
xvfb_pid=""
if [[ -z "${DISPLAY:-}" ]] || ! xwininfo -root >/dev/null 2>&1; then
  # A display of our own (the first free number from 90), stopped by pid at the end.
  for n in $(seq 90 120); do [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || break; done
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$n"
  for _ in $(seq 1 50); do xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done
fi
started="$(run_app)" || { app_pid="$(cat "$data/app.pid" 2>/dev/null || true)"; [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid"; fail "the installed app did not show its window with the sample library"; }
# The app this script started, by its pid (never by name: other apps may be running).
app_pid="$(cat "$data/app.pid" 2>/dev/null || true)"
[[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
app_pid=""
[[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
ok "$started"

# --- remove -----------------------------------------------------------------------------------
$sudo apt-get remove -y -qq "$pkg" >/dev/null || fail "apt-get remove $pkg"
left=()
for f in "${files[@]}"; do [[ -e "$f" ]] && left+=("$f"); done
[[ ${#left[@]} -eq 0 ]] || fail "left after removal: ${left[*]}"
ok "removed cleanly; .deb size $((size / 1024)) KiB"
echo "1 passed, 0 failed"
