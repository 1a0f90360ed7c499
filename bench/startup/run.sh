#!/usr/bin/env bash
# Cold start (issue #20): from starting the published console to the first 200 of /healthz, on a fresh SQLite database (the
# migrations and the demo world are created) and on an existing one (made by the run before). Publishes the console
# (the FastStart profile: self-contained, composite ReadyToRun) once, then starts it RUNS times each way and prints every run and the median. Usage:
#   bench/startup/run.sh [RUNS=5]
# BENCH_APP=DIR starts an already published console from DIR instead of publishing one (to compare runtime settings,
# e.g. DOTNET_TieredPGO=0, on the same build: the server inherits the environment).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"
port="${BENCH_PORT:-5392}"
work="$(mktemp -d)"
server=""
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
if [[ -n "${BENCH_APP:-}" ]]; then
  mkdir -p "$work/app" && cp -r "$BENCH_APP"/. "$work/app"
else
  # The published console as README's "Publishing" makes it: self-contained, one composite ReadyToRun image (FastStart).
  # A framework-dependent ReadyToRun publish for linux-x64 keeps its precompiled assemblies in the same obj/…/R2R folder,
  # and a publish that reused the other kind's there made a console that aborted at once: that folder is made afresh.
  rm -rf src/Console.Web/obj/Release/net10.0/linux-x64/R2R
  dotnet publish src/Console.Web -p:PublishProfile=FastStart -o "$work/app" -v q --nologo >/dev/null
fi
# A self-contained console starts through its own host; a framework-dependent one (BENCH_APP) through dotnet.
if [[ -x "$work/app/Console.Web" ]]; then start_cmd=(./Console.Web); else start_cmd=(dotnet Console.Web.dll); fi

# Milliseconds from the start to the first healthy answer (polled every 10 ms), then the server is stopped. Also appends
# the process's CPU time (user + system, ms) at that moment to $work/cpu: unlike the wall time, it hardly depends on what
# else the machine is doing, so it compares runs made on a busy machine.
start_once() {
  local t0 t1 ticks
  t0=$(date +%s%N)
  (cd "$work/app" && ConnectionStrings__DefaultConnection="Data Source=$work/console.db" Logging__LogLevel__Default=Warning \
     exec "${start_cmd[@]}" --urls "http://localhost:$port" >"$work/server.log" 2>&1) &
  server=$!
  until curl -sf -o /dev/null "http://localhost:$port/healthz"; do
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  ticks=$(awk '{ print $14 + $15 }' "/proc/$server/stat")
  echo $(( ticks * 1000 / $(getconf CLK_TCK) )) >>"$work/cpu"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  echo $(( (t1 - t0) / 1000000 ))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

fresh=(); existing=(); fresh_cpu=(); existing_cpu=()
for _ in $(seq "$runs"); do
  rm -f "$work"/console.db* "$work"/*.pfx "$work/cpu"
  fresh+=("$(start_once)")
  existing+=("$(start_once)")
  mapfile -t cpu <"$work/cpu"
  fresh_cpu+=("${cpu[0]}"); existing_cpu+=("${cpu[1]}")
done
printf '%-20s %s   median %s ms\n' "fresh database" "${fresh[*]}" "$(printf '%s\n' "${fresh[@]}" | median)"
printf '%-20s %s   median %s ms\n' "existing database" "${existing[*]}" "$(printf '%s\n' "${existing[@]}" | median)"
printf '%-20s %s   median %s ms\n' "fresh, CPU" "${fresh_cpu[*]}" "$(printf '%s\n' "${fresh_cpu[@]}" | median)"
printf '%-20s %s   median %s ms\n' "existing, CPU" "${existing_cpu[*]}" "$(printf '%s\n' "${existing_cpu[@]}" | median)"
echo "(issue #20's targets: fresh <= 1500 ms, existing <= 800 ms)"
