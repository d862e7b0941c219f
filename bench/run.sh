#!/usr/bin/env bash
# Reproduces every figure of docs/benchmarks.md in one command: builds the benchmark jar, runs
# the JMH benchmarks (with the gc profiler), the end-to-end driver, the same workload on Spark
# Streaming (Maven profile spark), and draws the latency chart. About 10 minutes on 2 cores.
#
#   bench/run.sh            full run; results in bench/results/, chart in docs/
#   bench/run.sh --quick    smoke run (about 2 minutes); results in bench/target/results-quick/
#   options: --skip-jmh, --skip-endtoend, --skip-bounded, --skip-spark
#
# Run it on an otherwise idle machine: every figure is recorded with the load average beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
jmh=1
endtoend=1
bounded=1
spark=1
for arg in "$@"; do
  case "$arg" in
    --quick) mode=quick ;;
    --skip-jmh) jmh=0 ;;
    --skip-endtoend) endtoend=0 ;;
    --skip-bounded) bounded=0 ;;
    --skip-spark) spark=0 ;;
    *) echo "usage: bench/run.sh [--quick] [--skip-jmh] [--skip-endtoend] [--skip-bounded]" \
         "[--skip-spark]" >&2
       exit 2 ;;
  esac
done

if [[ "$mode" == full ]]; then
  out=bench/results
  chart=docs/benchmarks-latency.png
  jmh_args=()
  endtoend_args=()
  bounded_args=()
else
  out=bench/target/results-quick
  chart="$out/latency.png"
  jmh_args=(-wi 1 -i 1 -w 1 -r 1)
  endtoend_args=(--quick)
  bounded_args=(--rounds 1 --batches 6 --warmup 2)
fi
mkdir -p "$out"
jar=bench/target/sluice-bench.jar
# One fixed heap for the end-to-end runs, touched up front, so heap growth does not skew them.
java_opts=(-Xms4g -Xmx4g -XX:+AlwaysPreTouch)

echo "== build ($(uptime))"
mvn -B -q -Pbench package -DskipTests

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
  echo "memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "java: $(java -version 2>&1 | tr '\n' ' ')"
  echo "mvn: $(mvn -B -v 2>/dev/null | head -1 | sed "s/\x1b\[[0-9;]*m//g")"
  echo "os: $(uname -sr)"
  echo "mode: $mode"
} > "$out/machine.txt"
cat "$out/machine.txt"

if [[ $jmh == 1 ]]; then
  echo "== JMH ($(uptime))"
  java -jar "$jar" "${jmh_args[@]}" -prof gc -rf json -rff "$out/jmh.json" \
    | tee "$out/jmh.txt"
fi

if [[ $endtoend == 1 ]]; then
  echo "== end to end ($(uptime))"
  java "${java_opts[@]}" -cp "$jar" dev.sluice.bench.endtoend.EndToEnd \
    "${endtoend_args[@]}" --out "$out/endtoend.tsv" | tee "$out/endtoend.txt"
  java -cp "$jar" dev.sluice.bench.chart.LatencyChart "$out/endtoend.tsv" "$chart"
  echo "chart: $chart"
fi

if [[ $bounded == 1 ]]; then
  echo "== bounded run ($(uptime))"
  # every contender in a fresh JVM per round, with these flags
  java "${java_opts[@]}" -cp "$jar" dev.sluice.bench.fair.BoundedRunThroughput \
    "${bounded_args[@]}" --out "$out/bounded-run.tsv" \
    | tee "$out/bounded-run.txt"
fi

if [[ $spark == 1 ]]; then
  echo "== Spark Streaming ($(uptime))"
  # Spark's JVM flags (--add-opens for JDK 17) are in the profile, in bench/pom.xml. The whole
  # reactor is built so that the pipelines are compiled by this checkout's processor.
  mvn -B -q -Pbench,spark package -DskipTests \
    -Dspark.mode="$mode" -Dspark.results="$PWD/$out/spark.tsv" | tee "$out/spark.txt"
fi
echo "== done ($(uptime)); results in $out"
