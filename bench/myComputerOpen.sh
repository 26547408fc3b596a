#!/usr/bin/env bash
# How long My computer takes to open on a far, thin link (issue #17), first open and later open, in real Chromium
# with DevTools' network emulation (bench/MyComputerOpenBench.java). Starts its own Cloudroom on a scratch data
# directory, as root (the desktop needs it).
#   bench/myComputerOpen.sh [rounds=3] [latency ms=100] [kbit/s=2000]   (BENCH_JAR: another build to compare with)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}; latency=${2:-100}; kbit=${3:-2000}
export JAVA_HOME; JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)
jar=${BENCH_JAR:-target/cloudroom.jar}
[ -f "$jar" ] || ./cloudroom build
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-test-classpath.txt -Dmdep.includeScope=test
data=$(mktemp -d /tmp/cloudroom-open.XXXXXX)
chmod 711 "$data"   # the desktop, under its own uid, passes through it
cp "$jar" "$data/cloudroom.jar"
port=${BENCH_PORT:-18087}
password=bench-operator-password
CLOUDROOM_DATA=$data CLOUDROOM_PORT=$port CLOUDROOM_HTTPS_PORT=0 CLOUDROOM_ADMIN_PASSWORD=$password \
  "$JAVA_HOME/bin/java" -jar "$data/cloudroom.jar" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
echo "machine: $(nproc) cores, $(uname -r); $(date -u +%F); load $(cut -d' ' -f1-3 /proc/loadavg); jar: $jar"
"$JAVA_HOME/bin/java" -cp "$(cat target/bench-test-classpath.txt)" bench/MyComputerOpenBench.java \
  "http://127.0.0.1:$port" "$password" "$rounds" "$latency" "$kbit"
