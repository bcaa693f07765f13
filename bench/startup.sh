#!/usr/bin/env bash
# Start-up to ready and memory after start-up of the gateway as the image runs it, with and without a class cache
# (docs/benchmarks.md, "Start-up and memory of the image"). Builds the layouts from the jar on the runtime image's JDK
# (the Dockerfile's JAVA_VERSION, found under /usr/lib/jvm), then starts each one BENCH_RUNS times, round-robin, in
# profile prod with docker-compose.yml's settings (simulator as upstream) on the local PostgreSQL database
# `bench_startup`, with the memory the chart gives a pod (-XX:MaxRAM=1g and the image's JAVA_TOOL_OPTIONS), and
# measures, per start:
#   ready   from launching the JVM to the first 200 of /actuator/health/readiness (polled every 50 ms)
#   cpu     CPU time the JVM had used by then (user + system, all threads): less disturbed by other load than ready
#   rss     resident memory right then (VmRSS), and its anonymous and file-backed parts (RssAnon, RssFile)
#   pss     proportional set size (smaps_rollup): file pages shared with other processes count in part
#
# Layouts:
#   uber-jar   java -jar rds-migration-gateway-*.jar (the jar as Maven builds it)
#   launcher   extract --layers --launcher, java org.springframework.boot.loader.launch.JarLauncher
#   layered    extract --layers (the image's layout), java -jar application.jar, no cache
#   cds        layered + a CDS archive (-XX:ArchiveClassesAtExit training run, -XX:SharedArchiveFile)
#   aot        layered + the JDK AOT cache of the image (-XX:AOTCacheOutput training run, -XX:AOTCache)
#
# Settings: BENCH_RUNS (5) starts per layout; BENCH_LAYOUTS (all of the above) a subset; BENCH_JAVA_HOME a JDK;
# BENCH_PORT the port (default: first free from 18080).
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh

runs=${BENCH_RUNS:-5}
layouts=${BENCH_LAYOUTS:-uber-jar launcher layered cds aot}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
work=$PWD/bench/results/startup-$stamp
mkdir -p "$work"

java_version=$(sed -n 's/^ARG JAVA_VERSION=//p' Dockerfile)
java_home=${BENCH_JAVA_HOME:-}
if [[ -z "$java_home" ]]; then
  for home in /usr/lib/jvm/*; do
    if grep -qs "^JAVA_VERSION=\"$java_version[.\"]" "$home/release"; then java_home=$home; break; fi
  done
fi
if [[ -z "$java_home" || ! -x "$java_home/bin/java" ]]; then
  echo "No JDK $java_version (the Dockerfile's JAVA_VERSION) under /usr/lib/jvm; set BENCH_JAVA_HOME" >&2
  exit 1
fi
java="$java_home/bin/java"
image_tool_options=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\(.*\)"$/\1/p' Dockerfile)
training_url='jdbc:h2:mem:training;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH'

bench_jar
bench_fresh_database bench_startup
bench_port

echo "Building the layouts in $work on $("$java" -version 2>&1 | head -n 1)"
cp "$jar" "$work/application.jar"
(cd "$work" && "$java" -Djarmode=tools -jar application.jar extract --layers --destination extracted >/dev/null)
(cd "$work" && "$java" -Djarmode=tools -jar application.jar extract --layers --launcher \
  --destination extracted-launcher >/dev/null)
assemble() { # the Dockerfile's COPY of the four layers into one directory
  mkdir -p "$2"
  for layer in dependencies spring-boot-loader snapshot-dependencies application; do cp -r "$1/$layer/." "$2/"; done
}
assemble "$work/extracted" "$work/layered"
assemble "$work/extracted" "$work/cds"
assemble "$work/extracted" "$work/aot"
assemble "$work/extracted-launcher" "$work/launcher"
(cd "$work/cds" && "$java" -XX:ArchiveClassesAtExit=application.jsa -Dspring.context.exit=onRefresh \
  -jar application.jar --spring.datasource.url="$training_url" >../cds-training.log 2>&1)
(cd "$work/aot" && "$java" -XX:AOTCacheOutput=application.aot -Dspring.context.exit=onRefresh \
  -jar application.jar --spring.datasource.url="$training_url" >../aot-training.log 2>&1)
echo "cache files: $(du -h "$work/cds/application.jsa" | cut -f1) CDS archive, $(du -h "$work/aot/application.aot" | cut -f1) AOT cache"

command_of() {
  case $1 in
    uber-jar) echo "-jar $work/application.jar" ;;
    launcher) echo "org.springframework.boot.loader.launch.JarLauncher" ;;
    layered) echo "-jar application.jar" ;;
    cds) echo "-XX:SharedArchiveFile=application.jsa -jar application.jar" ;;
    aot) echo "-XX:AOTCache=application.aot -jar application.jar" ;;
  esac
}
dir_of() { case $1 in uber-jar) echo "$work/layered" ;; *) echo "$work/$1" ;; esac; }

results=$work/results.tsv
printf 'layout\trun\tready_ms\tcpu_ms\trss_kb\trss_anon_kb\trss_file_kb\tpss_kb\n' >"$results"

# One start: prints "ready_ms cpu_ms rss rss_anon rss_file pss" and stops the gateway. The launcher layout needs no class
# path: with none set, the JVM's is the current directory, the extracted jar.
start_once() {
  local layout=$1 log=$2 started pid ready_ms
  started=$(date +%s%N)
  # shellcheck disable=SC2046 # the command is several words
  (cd "$(dir_of "$layout")" && exec env -i PATH="$java_home/bin:/usr/bin:/bin" LANG=C.UTF-8 \
    JAVA_TOOL_OPTIONS="$image_tool_options -XX:MaxRAM=1g" \
    SPRING_PROFILES_ACTIVE=prod SERVER_PORT="$port" \
    SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:$pg_port/bench_startup" SPRING_DATASOURCE_USERNAME=postgres \
    GATEWAY_IDEMPOTENCY_FINGERPRINTSECRET=bench-startup-fingerprint-secret \
    GATEWAY_GUIDED_SOURCEPASSWORDKEY=YmVuY2gtc3RhcnR1cC1zb3VyY2UtcGFzc3dvcmRrZXk= \
    GATEWAY_WEBHOOKS_SIGNINGSECRET=bench-startup-webhook-signing-secret \
    GATEWAY_SECURITY_APIKEYS_0_TEAM=team-a \
    GATEWAY_SECURITY_APIKEYS_0_KEYSHA256=44025d4f8db7b72602acbd22a4e52cd309722588d1d15404851bf24742a14a70 \
    RDS_SIMULATOR_ENABLED=true RDS_ENDPOINT="http://127.0.0.1:$port/" \
    RDS_AUTH_ACCESSKEYID=simulator-ak RDS_AUTH_ACCESSKEYSECRET=simulator-secret \
    "$java" $(command_of "$layout") >"$log" 2>&1) &
  pid=$!
  gateway=$pid
  trap bench_cleanup EXIT
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The $layout gateway exited during start-up; the end of $log:" >&2
      tail -n 30 "$log" >&2
      exit 1
    fi
    sleep 0.05
  done
  ready_ms=$((($(date +%s%N) - started) / 1000000))
  local cpu rss anon file pss
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
  anon=$(awk '/^RssAnon:/ {print $2}' "/proc/$pid/status")
  file=$(awk '/^RssFile:/ {print $2}' "/proc/$pid/status")
  pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$ready_ms $cpu $rss $anon $file $pss"
}

echo "Warm-up start (Flyway migrates bench_startup; not counted)"
start_once layered "$work/warmup.log" >"$work/measure"
for run in $(seq 1 "$runs"); do
  for layout in $layouts; do
    start_once "$layout" "$work/$layout-$run.log" >"$work/measure"
    read -r ready cpu rss anon file pss <"$work/measure"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$layout" "$run" "$ready" "$cpu" "$rss" "$anon" "$file" "$pss" >>"$results"
    printf '  %-9s run %s: ready in %5d ms, CPU %5d ms, RSS %4d MiB (anon %4d, file %4d), PSS %4d MiB\n' "$layout" \
      "$run" "$ready" "$cpu" $((rss / 1024)) $((anon / 1024)) $((file / 1024)) $((pss / 1024))
  done
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2))}'; }
column_median() { awk -F'\t' -v l="$1" -v c="$2" '$1 == l {print $c}' "$results" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
ready_base=$(column_median layered 3)
cpu_base=$(column_median layered 4)
echo
echo "Medians of $runs starts; machine: $(nproc) x $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM: $("$java" -version 2>&1 | sed -n 2p); JAVA_TOOL_OPTIONS=$image_tool_options -XX:MaxRAM=1g"
printf '| layout | ready (ms) | ÷ layered | CPU (ms) | ÷ layered | RSS (MiB) | anon | file | PSS (MiB) |\n'
printf '|---|---|---|---|---|---|---|---|---|\n'
for layout in $layouts; do
  ready=$(column_median "$layout" 3)
  cpu=$(column_median "$layout" 4)
  printf '| %s | %d | %s | %d | %s | %d | %d | %d | %d |\n' "$layout" "$ready" "$(ratio "$ready" "$ready_base")" \
    "$cpu" "$(ratio "$cpu" "$cpu_base")" $(($(column_median "$layout" 5) / 1024)) \
    $(($(column_median "$layout" 6) / 1024)) $(($(column_median "$layout" 7) / 1024)) \
    $(($(column_median "$layout" 8) / 1024))
done
echo "results: $results"
