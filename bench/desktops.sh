#!/usr/bin/env bash
# Desktop benchmarks (issue #3): click to first frame, gateway throughput against websockify and a direct
# connection, density; the bell (cold against warm start) and "show my screen" to a class (issue #6).
# Starts its own Cloudroom on a scratch data directory, as root (desktops need it).
#   bench/desktops.sh [start|cold|warm|gateway|density|bell|broadcast|all] [students=25]   (BENCH_SERVER_ARGS: extra server options)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}; n=${2:-25}
export JAVA_HOME; JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)
./cloudroom build
data=$(mktemp -d /tmp/cloudroom-bench.XXXXXX)
chmod 711 "$data"   # desktops, under their own uids, pass through it
port=${BENCH_PORT:-18080}
password=bench-operator-password
CLOUDROOM_DATA=$data CLOUDROOM_PORT=$port CLOUDROOM_HTTPS_PORT=0 CLOUDROOM_ADMIN_PASSWORD=$password \
  "$JAVA_HOME/bin/java" -jar target/cloudroom.jar --cloudroom.desktops.max-desktops=60 --cloudroom.classroom.warm-check-every=5s ${BENCH_SERVER_ARGS:-} >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -r); $(date -u +%F)"
run() { BENCH_SERVER_PID=$server "$JAVA_HOME/bin/java" -Djdk.httpclient.bufsize=262144 bench/DesktopBench.java "$1" "http://127.0.0.1:$port" "$password" "$data" "$n"; }
case "$what" in
  all) run start; run gateway; run density ;;
  *) run "$what" ;;
esac
