#!/usr/bin/env bash
# A school day on one server (issue #15): lessons with every classroom action, hand-ins, abandoned uploads, desktops
# started and idled out, the server sampled throughout (health, database connections, threads, open files, heap,
# desktops); see bench/SchoolDayBench.java. Starts its own Cloudroom on a scratch data directory, as root when the
# desktops are on (they need it). On H2, or on PostgreSQL (database schoolday_bench on 127.0.0.1:5432, made anew).
#   bench/schoolday.sh [lessons=6] [seconds a lesson=180] [students=25] [desktops=true] [h2|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
lessons=${1:-6}; seconds=${2:-180}; students=${3:-25}; desktops=${4:-true}; database=${5:-h2}
export JAVA_HOME; JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)
export PATH="$JAVA_HOME/bin:$PATH"
jar=${BENCH_JAR:-target/cloudroom.jar}   # BENCH_JAR: another build to compare with
[ -f "$jar" ] || ./cloudroom build
data=$(mktemp -d /tmp/cloudroom-schoolday.XXXXXX)
chmod 711 "$data"   # desktops, under their own uids, pass through it
cp "$jar" "$data/cloudroom.jar"   # a build meanwhile does not change the server under test
port=${BENCH_PORT:-18083}
password=bench-operator-password
db=()
if [ "$database" = postgres ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc 'drop database if exists schoolday_bench' -c 'create database schoolday_bench'
  db=(CLOUDROOM_DB_URL=jdbc:postgresql://127.0.0.1:5432/schoolday_bench CLOUDROOM_DB_USER=postgres CLOUDROOM_DB_PASSWORD=)
fi
env "${db[@]}" CLOUDROOM_DATA=$data CLOUDROOM_PORT=$port CLOUDROOM_HTTPS_PORT=0 CLOUDROOM_ADMIN_PASSWORD=$password \
  java -jar "$data/cloudroom.jar" --cloudroom.desktops.max-desktops=60 ${BENCH_SERVER_ARGS:-} >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -r); $(date -u +%F); database: $database"
status=0
java bench/SchoolDayBench.java "http://127.0.0.1:$port" "$password" "$lessons" "$seconds" "$students" "$desktops" "$server" || status=$?
echo "server log: $(grep -c ' ERROR ' "$data/server.log" || true) errors, $(grep -c ' WARN ' "$data/server.log" || true) warnings, $(grep -ci 'leak detection' "$data/server.log" || true) connection leaks"
grep -E ' (ERROR|WARN) ' "$data/server.log" | cut -c1-220 | sed -E 's/^[^ ]+ +//' | sort | uniq -c | sort -rn | head -10 || true
if [ $status -ne 0 ]; then cp "$data/server.log" /tmp/cloudroom-schoolday-server.log; echo "kept the server's log in /tmp/cloudroom-schoolday-server.log"; fi
exit $status
