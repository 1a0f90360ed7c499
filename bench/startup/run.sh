#!/usr/bin/env bash
# Cold start (issue #20): from starting the published console to the first 200 of /healthz, on a fresh SQLite database (the
# migrations and the demo world are created) and on an existing one (made by the run before). Publishes the console
# (the FastStart profile: self-contained, composite ReadyToRun) once, then starts it RUNS times each way and prints every
# run and the median. Usage:
#   bench/startup/run.sh [RUNS=5]
# BENCH_APP=DIR starts an already published console from DIR instead of publishing one (to compare runtime settings,
# e.g. DOTNET_TieredPGO=0, on the same build: the server inherits the environment). BENCH_APP="before=DIR1 after=DIR2"
# compares builds: in each run every build is started in turn (fresh, then existing), so that they meet the same
# machine. On this VM the same build's start drifts by ±20% within minutes: only builds timed in one interleaved run
# compare.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"
port="${BENCH_PORT:-5392}"
work="$(mktemp -d)"
server=""
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

names=()
declare -A dirs
if [[ -n "${BENCH_APP:-}" ]]; then
  for entry in $BENCH_APP; do
    if [[ "$entry" == *=* ]]; then name="${entry%%=*}"; dir="${entry#*=}"; else name="app"; dir="$entry"; fi
    names+=("$name"); dirs[$name]="$dir"
  done
else
  # The published console as README's "Publishing a node" makes it: self-contained, one composite ReadyToRun image
  # (FastStart). A framework-dependent ReadyToRun publish for linux-x64 keeps its precompiled assemblies in the same
  # obj/…/R2R folder, and a publish that reused the other kind's there made a console that aborted at once: that folder
  # is made afresh.
  rm -rf src/Console.Web/obj/Release/net10.0/linux-x64/R2R
  dotnet publish src/Console.Web -p:PublishProfile=FastStart -o "$work/published" -v q --nologo >/dev/null
  names+=("published"); dirs[published]="$work/published"
fi

# Milliseconds from the start of app $1 on database directory $2 to the first healthy answer (polled every 10 ms), then
# the server is stopped. Also appends the process's CPU time (user + system, ms) at that moment to $2/cpu: unlike the
# wall time, it hardly depends on what else the machine is doing, so it compares runs made on a busy machine. A
# self-contained console starts through its own host, a framework-dependent one through dotnet.
start_once() {
  local dir=$1 db=$2 t0 t1 ticks start_cmd
  if [[ -x "$dir/Console.Web" ]]; then start_cmd=(./Console.Web); else start_cmd=(dotnet Console.Web.dll); fi
  t0=$(date +%s%N)
  (cd "$dir" && ConnectionStrings__DefaultConnection="Data Source=$db/console.db" Logging__LogLevel__Default=Warning \
     exec "${start_cmd[@]}" --urls "http://localhost:$port" >"$db/server.log" 2>&1) &
  server=$!
  until curl -sf -o /dev/null "http://localhost:$port/healthz"; do
    kill -0 "$server" 2>/dev/null || { cat "$db/server.log"; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  ticks=$(awk '{ print $14 + $15 }' "/proc/$server/stat")
  echo $(( ticks * 1000 / $(getconf CLK_TCK) )) >>"$db/cpu"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  echo $(( (t1 - t0) / 1000000 ))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -A fresh existing fresh_cpu existing_cpu
for _ in $(seq "$runs"); do
  for name in "${names[@]}"; do
    db="$work/db-$name"
    rm -rf "$db" && mkdir -p "$db"
    fresh[$name]+="$(start_once "${dirs[$name]}" "$db") "
    existing[$name]+="$(start_once "${dirs[$name]}" "$db") "
    mapfile -t cpu <"$db/cpu"
    fresh_cpu[$name]+="${cpu[0]} "; existing_cpu[$name]+="${cpu[1]} "
  done
done
for name in "${names[@]}"; do
  [[ ${#names[@]} -gt 1 ]] && echo "$name (${dirs[$name]}):"
  for measure in fresh existing fresh_cpu existing_cpu; do
    declare -n values=$measure
    label="${measure/_cpu/, CPU}"; label="${label/fresh/fresh database}"; label="${label/existing/existing database}"
    printf '%-28s %s  median %s ms\n' "$label" "${values[$name]}" "$(tr ' ' '\n' <<<"${values[$name]}" | grep . | median)"
  done
done
echo "(issue #20's targets: fresh <= 1500 ms, existing <= 800 ms)"
