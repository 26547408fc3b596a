#!/usr/bin/env bash
# How long the server takes to start (a restart during a lesson costs students that long a reconnect): from the
# fat jar, from the unpacked jar, and from the unpacked jar with the JVM's ahead-of-time cache, as `./cloudroom run`
# starts it; alternating, on one data directory migrated beforehand.
#   bench/serverstart.sh [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
export JAVA_HOME; JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)
./cloudroom build
data=$(mktemp -d /tmp/cloudroom-start.XXXXXX)
chmod 711 "$data"
trap 'rm -rf "$data"' EXIT
port=${BENCH_PORT:-18080}
java=$JAVA_HOME/bin/java
app=$PWD/target/cloudroom-app
start() {
  CLOUDROOM_DATA=$data CLOUDROOM_PORT=$port CLOUDROOM_HTTPS_PORT=0 "$@" >"$data/server.log" 2>&1 &
  local server=$!
  for _ in $(seq 1 240); do grep -q "Started CloudroomApplication" "$data/server.log" && break; sleep 0.25; done
  grep -o "process running for [0-9.]*" "$data/server.log" | awk '{print $4}'
  kill $server; wait $server 2>/dev/null || true
}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -r); $(date -u +%F)"
start "$java" -jar target/cloudroom.jar >/dev/null   # migrates the database once
echo "| round | fat jar | unpacked jar | unpacked, AOT cache |"
echo "|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  fat=$(start "$java" -jar target/cloudroom.jar)
  unpacked=$(start "$java" -jar "$app/cloudroom.jar")
  cached=$(start "$java" -XX:AOTCache="$app/cloudroom.aot" -jar "$app/cloudroom.jar")
  echo "| $round | $fat s | $unpacked s | $cached s |"
done
