#!/usr/bin/env bash
# The uplink a desktop needs (issue #17), in real Chromium: per scripted workload (idle, menus and windows, typing a
# line that fits, typing past the window's width, scrolling a long page, reading it a screen at a time and a small
# animation in the desktop's browser) the bytes a second My computer's WebSocket receives and the frames a second
# noVNC draws; then, on a link shaped on loopback (a Java proxy, default 2 Mbit/s and 50 ms each way), how long
# My computer takes to open and how long a typed key takes to show (bench/UplinkBench.java). As root; starts its
# own server on a scratch data folder.
#   bench/uplink.sh [--tree DIR] [--seconds 60] [--parts workloads,link] [--mbit 2] [--delay 50] [--keys 40]
#                   [--seats N] [--seats-mbit 20] [--no-build]
# --tree: the checkout whose server is measured (default this one; the harness is always this one's bench/), so
# "before" and "after" are two runs of the same harness: bench/uplink.sh --tree /tmp/before; bench/uplink.sh.
# --seats N: then N seats behind one link of --seats-mbit (the school's uplink), the first scrolling a web page, the
# others typing (bench/SharedLinkSeats.java); a headless Chromium and a desktop each, so few on a small machine.
# BENCH_SCHOOL_SETTING="PUT /api/v1/schools/{school}/... JSON": sent as the operator before any desktop starts (the
# hook for the school's uplink budget). Screenshots of each workload go to target/uplink/.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)
tree=$here; seconds=60; parts=workloads,link; mbit=2; delay=50; keys=40; seats=0; seats_mbit=20; build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --tree) tree=$(cd "$2" && pwd); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --parts) parts=$2; shift 2 ;;
    --mbit) mbit=$2; shift 2 ;;
    --delay) delay=$2; shift 2 ;;
    --keys) keys=$2; shift 2 ;;
    --seats) seats=$2; shift 2 ;;
    --seats-mbit) seats_mbit=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "uplink.sh: unknown option $1 (see the head of bench/uplink.sh)" >&2; exit 2 ;;
  esac
done
[ "$seconds" -ge 5 ] || { echo "uplink.sh: --seconds must be at least 5" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "uplink.sh: run as root (desktops need it)" >&2; exit 2; }
for p in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$p" ] || { echo "uplink.sh: $p is missing (apt-get install chromium chromium-driver)" >&2; exit 2; }
done
export JAVA_HOME; JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)

if [ "$build" = 1 ]; then (cd "$tree" && ./cloudroom build); fi
[ -f "$tree/target/cloudroom.jar" ] || { echo "uplink.sh: no $tree/target/cloudroom.jar; build it" >&2; exit 1; }
# the harness: compiled from this checkout against its test classpath (Selenium)
[ -f target/bench-test-classpath.txt ] && [ target/bench-test-classpath.txt -nt pom.xml ] ||
  mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-test-classpath.txt -Dmdep.includeScope=test
classes=target/bench-uplink-classes
rm -rf "$classes"
"$JAVA_HOME/bin/javac" -nowarn -d "$classes" -cp "$(cat target/bench-test-classpath.txt)" \
  bench/UplinkBench.java bench/DesktopPage.java bench/DesktopWork.java bench/BenchSchool.java bench/ShapedLink.java \
  bench/KeyToGlyph.java bench/SharedLinkSeats.java
shots=$here/target/uplink; mkdir -p "$shots"

data=$(mktemp -d /tmp/cl-uplink.XXXXXX)
chmod 711 "$data"   # desktops, under their own uids, pass through it
port=${BENCH_PORT:-18180}
password=bench-operator-password
server=
descendants() { local c; for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do echo "$c"; descendants "$c"; done; }
cleanup() {
  if [ -n "$server" ]; then
    # desktops are the server's children and outlive it: each is ended by its id
    local left; left=$(descendants "$server")
    kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
    [ -n "$left" ] && { kill $left 2>/dev/null || true; sleep 2; kill -9 $left 2>/dev/null || true; }
  fi
  rm -rf "$data"
}
trap cleanup EXIT
CLOUDROOM_DATA=$data CLOUDROOM_PORT=$port CLOUDROOM_HTTPS_PORT=0 CLOUDROOM_ADMIN_PASSWORD=$password \
  "$JAVA_HOME/bin/java" -jar "$tree/target/cloudroom.jar" ${BENCH_SERVER_ARGS:-} >"$data/server.log" 2>&1 &
server=$!
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null ||
  { echo "uplink.sh: the server did not start; its log:" >&2; tail -30 "$data/server.log" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -r); $(date -u +'%F %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server: $tree at $(git -C "$tree" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$tree" diff --quiet HEAD 2>/dev/null || echo ' (with changes)'); harness: $(git rev-parse --short HEAD)"
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1); $seconds s a workload"
# bounded: each workload's time and its setting up, and the link's part, with room to spare
budget=$(( 6 * (seconds + 60) + 420 + (seats > 0 ? seconds + 120 + 90 * seats : 0) ))
status=0
timeout --kill-after=30 "$budget" "$JAVA_HOME/bin/java" -cp "$classes:$(cat target/bench-test-classpath.txt)" \
  UplinkBench "http://127.0.0.1:$port" "$password" "$parts" "$seconds" "$mbit" "$delay" "$keys" "$shots" "$seats" "$seats_mbit" || status=$?
if [ "$status" -ne 0 ]; then
  [ "$status" -eq 124 ] && echo "uplink.sh: gave up after $budget s" >&2
  echo "uplink.sh: failed ($status); screenshots in $shots, the server's log ends:" >&2
  tail -15 "$data/server.log" >&2
  exit 1
fi
echo "load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
