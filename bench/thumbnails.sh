#!/usr/bin/env bash
# The teacher's wall (issue #6): N desktops, each watched for thumbnails and every thumbnail fetched once a second,
# for S seconds; server CPU, Xvnc CPU and bytes per refresh cycle. Starts its own desktops (local provider) on a
# scratch data directory, as root (desktops need it); no Cloudroom server is needed.
#   bench/thumbnails.sh [desktops=25] [seconds=60]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-25}; seconds=${2:-60}
export JAVA_HOME; JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
classpath=target/classes:$(cat target/bench-classpath.txt)
rm -rf target/bench-classes
"$JAVA_HOME/bin/javac" -nowarn -d target/bench-classes -cp "$classpath" bench/ThumbnailBench.java
data=$(mktemp -d /tmp/cloudroom-wall.XXXXXX)
trap 'rm -rf "$data"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -r); $(date -u +%F); load $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -cp "target/bench-classes:$classpath" org.cloudroom.classroom.ThumbnailBench "$n" "$seconds" "$data"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
