#!/usr/bin/env bash
# Issue #17, item 3: how much memory unauthenticated API bodies make the console hold. Starts the built console
# (Release) on a temporary database, warms it up, then sends five parallel 28 MiB posts with a bogus V3 AccessKey and
# five parallel 28 MiB form posts without an Action, and prints their status codes and the process's RSS before/after.
# Usage: bench/security/unauthenticated-bodies.sh [port]   (needs curl; everything stays on localhost)
set -euo pipefail
cd "$(dirname "$0")/../.."
port="${1:-5197}"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release src/Console.Web/Console.Web.csproj -o "$work/app" >/dev/null
head -c $((28 * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$work/body.bin"
(cd "$work/app" && exec env ASPNETCORE_URLS="http://localhost:$port" ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__DefaultConnection="Data Source=$work/bench.db" dotnet Console.Web.dll > "$work/app.log" 2>&1) &
pid=$!
for _ in $(seq 1 120); do curl -sf "http://localhost:$port/healthz" >/dev/null && break; sleep 0.5; done

v3=(-H "Content-Type: application/x-www-form-urlencoded" -H "x-acs-action: DescribeRegions" -H "x-acs-version: 2014-05-26"
    -H "Authorization: ACS3-HMAC-SHA256 Credential=LTAI5tBogus0000000000000,SignedHeaders=content-type;host;x-acs-action;x-acs-version,Signature=00")
form=(-H "Content-Type: application/x-www-form-urlencoded")
for _ in 1 2 3 4 5; do   # warm-up: the same paths with small bodies
  curl -s -o /dev/null -X POST "${v3[@]}" --data "a=1" "http://localhost:$port/"
  curl -s -o /dev/null -X POST "${form[@]}" --data "a=1" "http://localhost:$port/"
done
sleep 2
rss() { awk '/VmRSS/{print $2}' "/proc/$pid/status"; }
before=$(rss)
codes=()
run() { local pids=(); for _ in 1 2 3 4 5; do curl -s -o /dev/null -w "%{http_code}\n" -X POST "$@" --data-binary @"$work/body.bin" "http://localhost:$port/" > "$work/code.$RANDOM" & pids+=($!); done; wait "${pids[@]}"; }
run "${v3[@]}"
run "${form[@]}"
sleep 3
after=$(rss)
echo "status codes: $(cat "$work"/code.* | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')"
printf "RSS before %d KB, after %d KB: %+d MB held\n" "$before" "$after" $(( (after - before) / 1024 ))
