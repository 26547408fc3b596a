#!/usr/bin/env bash
# Where a desktop start's CPU goes (issue #3): N desktops started at once through the local provider, P at a time,
# each with a first full frame over its socket; then the CPU seconds per desktop of each program of the session.
# No Cloudroom server is needed; as root (desktops need it).
#   bench/coldstart.sh [desktops=25] [parallel=2] [settle seconds=15]   (BENCH_OPENGL=1: desktops with OpenGL; BENCH_HOST_NETWORK=1: desktops on the host's network)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-25}; parallel=${2:-2}; settle=${3:-15}
export JAVA_HOME; JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
classpath=target/classes:$(cat target/bench-classpath.txt)
rm -rf target/bench-classes
"$JAVA_HOME/bin/javac" -nowarn -d target/bench-classes -cp "$classpath" bench/ColdStartBench.java bench/RfbProbe.java bench/PlainWebSocket.java
data=$(mktemp -d /tmp/cloudroom-cold.XXXXXX)
chmod 711 "$data"   # desktops, under their own uids, pass through it
trap 'rm -rf "$data"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -r); $(date -u +%F); load $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -cp "target/bench-classes:$classpath" ColdStartBench "$n" "$parallel" "$data" "$settle"
