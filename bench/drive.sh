#!/usr/bin/env bash
# Drive benchmark (issue #4): a 1 GB file and 1,000 small files through the API against cp on the same disk,
# and the server's memory after a 100 MB and a 1 GB upload. Starts its own Cloudroom on a scratch data directory.
#   bench/drive.sh        (BENCH_SERVER_ARGS: extra server options)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME; JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)
./cloudroom build
data=$(mktemp -d /var/tmp/cloudroom-bench.XXXXXX)
chmod 711 "$data"   # desktops, under their own uids, pass through it
port=18082
password=bench-operator-password
CLOUDROOM_DATA=$data/data CLOUDROOM_PORT=$port CLOUDROOM_HTTPS_PORT=0 CLOUDROOM_ADMIN_PASSWORD=$password \
  "$JAVA_HOME/bin/java" -jar target/cloudroom.jar ${BENCH_SERVER_ARGS:-} >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null || { tail -30 "$data/server.log"; exit 1; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -r); disk: $(df -h "$data" | awk 'NR==2{print $1}'); $(date -u +%F)"
"$JAVA_HOME/bin/java" bench/DriveBench.java "http://127.0.0.1:$port" "$password" "$data/scratch" "$server"
