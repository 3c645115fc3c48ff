#!/usr/bin/env bash
# Runs the JMH benchmarks of this module and writes the result tables of docs/benchmarks.md.
#
# Usage, from anywhere:  examples/benchmarks/run-jmh.sh [JMH ARGUMENTS...]
# Without arguments it runs VerifyBenchmark and TokenBenchmark with the arguments the page
# uses. Output: target/jmh-results.json (JMH), target/jmh-results.md (tables) and
# target/jmh-load.txt (the 1-minute load average every 15 s during the run), all under
# examples/benchmarks/. RotationBenchmark on PostgreSQL needs the database described in the
# page; pass its name explicitly to run it.
set -euo pipefail

module="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$module/../.." && pwd)"
target="$module/target"

if [ "$#" -eq 0 ]; then
    set -- -f 1 -wi 2 -w 2s -i 5 -r 2s -prof gc "VerifyBenchmark|TokenBenchmark"
fi

cd "$root"
mvn -q -B -ntp -pl examples/benchmarks -am package -DskipTests \
    dependency:build-classpath -Dmdep.outputFile="$target/classpath.txt"
classpath="$target/classes:$(cat "$target/classpath.txt")"

load_log="$target/jmh-load.txt"
: > "$load_log"
( while true; do cut -d' ' -f1 /proc/loadavg >> "$load_log"; sleep 15; done ) &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT

java -cp "$classpath" org.openjdk.jmh.Main -rf json -rff "$target/jmh-results.json" "$@"
java -cp "$classpath" dev.jwtee.examples.benchmarks.ResultTable "$target/jmh-results.json" \
    > "$target/jmh-results.md"

awk '{ sum += $1; if (min == "" || $1 < min) min = $1; if ($1 > max) max = $1 }
     END { if (NR) printf "load average during the run: mean %.1f, min %.1f, max %.1f (%d samples)\n", sum / NR, min, max, NR }' \
    "$load_log" | tee -a "$target/jmh-results.md"
echo "Tables: $target/jmh-results.md"
