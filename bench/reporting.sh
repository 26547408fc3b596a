#!/usr/bin/env bash
# Study time at a program's scale (issue #6): seeds schools, students and a school year of study days, then times
# the program, school and class reports through the API. On H2 (a scratch file), and on PostgreSQL too when
# 127.0.0.1:5432 answers (database reporting_bench, user postgres, trust; dropped and made again each run).
#   bench/reporting.sh [h2|postgres|all] [schools=64] [students=30000] [school-days=190]
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}; schools=${2:-64}; students=${3:-30000}; days=${4:-190}
export JAVA_HOME; JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)
[ -f target/cloudroom.jar ] || ./cloudroom build
data=$(mktemp -d /tmp/cloudroom-reporting-bench.XXXXXX)
(cd "$data" && unzip -q -j "$OLDPWD/target/cloudroom.jar" 'BOOT-INF/lib/h2-*.jar' 'BOOT-INF/lib/postgresql-*.jar')
drivers=$(ls "$data"/*.jar | tr '\n' ':')
port=18081
password=bench-operator-password
server=
stop() { [ -z "$server" ] || { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; server=; }; }
trap 'stop; rm -rf "$data"' EXIT
start() { # the database URL, user and password
  CLOUDROOM_DATA=$data CLOUDROOM_PORT=$port CLOUDROOM_HTTPS_PORT=0 CLOUDROOM_ADMIN_PASSWORD=$password CLOUDROOM_DB_URL=$1 \
    CLOUDROOM_DB_USER=$2 CLOUDROOM_DB_PASSWORD=$3 "$JAVA_HOME/bin/java" -jar target/cloudroom.jar >>"$data/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && return; sleep 1; done
  echo "the server did not start; see $data/server.log" >&2; exit 1
}
bench() { # name, database URL, user, password
  echo "## $1: $schools schools, $students students, $days school days"
  start "$2" "$3" "$4"; stop   # the server migrates the empty database
  "$JAVA_HOME/bin/java" -cp "$drivers" bench/ReportingBench.java seed "$2" "$3" "$4" "$schools" "$students" "$days"
  start "$2" "$3" "$4"
  echo "| query | p50 | p95 | answer |"; echo "|---|---|---|---|"
  "$JAVA_HOME/bin/java" bench/ReportingBench.java measure "http://127.0.0.1:$port" "$password"
  stop
}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -r); $(date -u +%F)"
if [ "$what" != postgres ]; then
  bench H2 "jdbc:h2:file:$data/db/cloudroom;AUTO_SERVER=FALSE" sa ""
fi
if [ "$what" != h2 ] && (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc 'drop database if exists reporting_bench' -c 'create database reporting_bench'
  bench PostgreSQL "jdbc:postgresql://127.0.0.1:5432/reporting_bench" postgres ""
fi
