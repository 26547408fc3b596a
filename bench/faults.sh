#!/usr/bin/env bash
# Faults in the middle of a lesson (issue #15): the server killed (kill -9), PostgreSQL restarted under it, the data
# disk full; after each, saved files must be intact and the lesson must go on (see bench/FaultsBench.java). As root:
# the data folder is a small disk of its own (a 1 GB tmpfs) so that it can fill, and desktops need root.
#   bench/faults.sh [kill|postgres|disk|all] [h2|postgres]     (postgres: database faults_bench on 127.0.0.1:5432)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}; database=${2:-h2}
export JAVA_HOME; JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)
export PATH="$JAVA_HOME/bin:$PATH"
[ -f target/cloudroom.jar ] || ./cloudroom build
scratch=$(mktemp -d /tmp/cloudroom-faults.XXXXXX)
chmod 711 "$scratch"
cp target/cloudroom.jar "$scratch/cloudroom.jar"   # a build meanwhile does not change the server under test
mkdir "$scratch/data"
mount -t tmpfs -o size=1g,mode=0711 tmpfs "$scratch/data"
trap 'umount -l "$scratch/data"; rm -rf "$scratch"' EXIT
url=
if [ "$database" = postgres ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc 'drop database if exists faults_bench' -c 'create database faults_bench'
  url=jdbc:postgresql://127.0.0.1:5432/faults_bench
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -r); $(date -u +%F); database: $database"
status=0
java bench/FaultsBench.java "$scratch/cloudroom.jar" "$scratch/data" "${BENCH_PORT:-18084}" bench-operator-password "$what" "$url" || status=$?
echo "server log: $(grep -c ' ERROR ' "$scratch/server.log" || true) errors"
grep -E ' ERROR ' "$scratch/server.log" | cut -c1-220 | sed -E 's/^[^ ]+ +//' | sort | uniq -c | sort -rn | head -8 || true
exit $status
