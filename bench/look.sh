#!/usr/bin/env bash
# What the desktop's look costs (issue #15): the same desktops started with this tree's session files and with those
# of another commit, rounds alternating; per desktop the seconds from its session's release to its taskbar on the
# screen, its processes' memory and its IceWM's CPU (bench/LookBench.java). No Cloudroom server; as root.
#   bench/look.sh <commit to compare, e.g. main> [rounds=3] [desktops=6] [settle seconds=15]
set -euo pipefail
cd "$(dirname "$0")/.."
against=$1; rounds=${2:-3}; n=${3:-6}; settle=${4:-15}
export JAVA_HOME; JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)
other=$(mktemp -d /tmp/cloudroom-look-tree.XXXXXX)
trap 'rm -rf "$other"' EXIT
git archive "$against" | tar -x -C "$other"
for tree in "$other" .; do
  (cd "$tree" && mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime)
  rm -rf "$tree/target/bench-classes"
  "$JAVA_HOME/bin/javac" -nowarn -d "$tree/target/bench-classes" -cp "$tree/target/classes:$(cat "$tree/target/bench-classpath.txt")" bench/LookBench.java
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -r); $(date -u +%F); load $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  for tree in "$other" .; do
    label=$([ "$tree" = . ] && echo "this tree" || echo "$against")
    data=$(mktemp -d /tmp/cl-look.XXXXXX)
    chmod 711 "$data"   # desktops, under their own uids, pass through it
    printf 'round %s, %s: ' "$round" "$label"
    "$JAVA_HOME/bin/java" -cp "$tree/target/bench-classes:$tree/target/classes:$(cat "$tree/target/bench-classpath.txt")" \
      LookBench "$n" "$data" "$settle"
    rm -rf "$data"
  done
done
