#!/usr/bin/env bash
# Circuit memory (issue #20): the live managed heap and the RSS one open console page costs the server.
# Publishes the console (Release), starts it on a fresh SQLite database, and for each route: opens one warm-up page
# (JIT, caches), takes a gcdump (it forces a full GC, so garbage is not counted), opens N more pages signed in as alice
# in headless Chromium, takes another, and prints (after - before) / N. Usage:
#   bench/circuits/run.sh [N=20] [route ...]        e.g. bench/circuits/run.sh 20 "/images?tab=public" /
# What grew, by assembly, type and component: BENCH_KEEP=dir, then bench/circuits/heapdiff.py dir/X.before.gcdump dir/X.after.gcdump
# BENCH_KEEP=dir BENCH_TYPES=1: also the exact live bytes per type (heaptypes/heaptypes.cs, ClrMD) and each component's
# render-tree buffers after the N pages (dir/X.before.types, dir/X.after.types; heapdiff.py reads them too)
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-20}"; shift || true
routes=("$@"); [ ${#routes[@]} -gt 0 ] || routes=("/images?tab=public" "/")
port="${BENCH_PORT:-5391}"
work="$(mktemp -d)"
server=""; warm=""; pages=""
trap 'kill $pages $warm $server 2>/dev/null || true; rm -rf "$work"' EXIT

(cd bench/circuits && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
dotnet tool restore >/dev/null
dotnet publish src/Console.Web -c Release -o "$work/app" -v q --nologo -m:1 >/dev/null
if [ -n "${BENCH_TYPES:-}" ]; then
  types_tool="$(dotnet build bench/circuits/heaptypes/heaptypes.cs --nologo 2>/dev/null | awk '/-> / { print $NF }' | tail -1)"
fi

dump() { dotnet gcdump collect -p "$server" -o "$1" >/dev/null 2>&1; dotnet gcdump report "$1" | awk '/GC Heap bytes/ { gsub(",", "", $1); print $1; exit }'; }
# Two dumps: the first one's full GC counts objects that are only waiting for their finalizer (e.g. ~800 SQLitePCL
# hook handles a page, ~26 KB), which the finalizer thread then frees; the second, a second later, counts what is live.
# Both are printed ("heap", as measured until 2026-12-06, and "live"); BENCH_KEEP keeps the second.
heap() { first="$(dump "$work/first.gcdump")"; sleep 1; live="$(dump "$work/heap.gcdump")"; }
types() { # types before|after: right after a dump's full GC, the exact live heap by type (BENCH_TYPES=1)
  if [ -n "${BENCH_TYPES:-}" ] && [ -n "${BENCH_KEEP:-}" ]; then
    mkdir -p "$BENCH_KEEP"
    dotnet "$types_tool" "$server" --components >"$BENCH_KEEP/$(echo "$route" | tr -c 'a-z0-9' '_').$1.types"
  fi
}
rss() { awk '/VmRSS/ { print $2 * 1024 }' "/proc/$server/status"; }

printf '%-28s %6s %14s %14s %14s\n' "route" "pages" "heap KB/page" "live KB/page" "RSS KB/page"
for route in "${routes[@]}"; do
  rm -f "$work"/console.db*
  (cd "$work/app" && ConnectionStrings__DefaultConnection="Data Source=$work/console.db" \
     exec dotnet Console.Web.dll --urls "http://localhost:$port" >"$work/server.log" 2>&1) &
  server=$!
  until curl -sf "http://localhost:$port/healthz" >/dev/null; do sleep 0.2; done

  # One page open first: the first circuit's one-time costs (JIT, MudBlazor's and EF's caches) are not per page.
  : >"$work/warm.out"; : >"$work/pages.out"
  node bench/circuits/circuits.js "http://localhost:$port" "$route" 1 >"$work/warm.out" & warm=$!
  until grep -q ready "$work/warm.out"; do sleep 0.2; kill -0 "$warm"; done
  heap; types before; heap_before="$live"; first_before="$first"; rss_before="$(rss)"; cp "$work/heap.gcdump" "$work/before.gcdump"
  node bench/circuits/circuits.js "http://localhost:$port" "$route" "$n" >"$work/pages.out" & pages=$!
  until grep -q ready "$work/pages.out"; do sleep 0.5; kill -0 "$pages"; done
  sleep 2
  heap; types after; heap_after="$live"; first_after="$first"; rss_after="$(rss)"
  # BENCH_KEEP=dir keeps both heaps per route (dotnet gcdump report FILE lists the types that grew).
  if [ -n "${BENCH_KEEP:-}" ]; then mkdir -p "$BENCH_KEEP"; name="$(echo "$route" | tr -c 'a-z0-9' '_')"; cp "$work/before.gcdump" "$BENCH_KEEP/$name.before.gcdump"; cp "$work/heap.gcdump" "$BENCH_KEEP/$name.after.gcdump"; fi
  printf '%-28s %6d %14d %14d %14d\n' "$route" "$n" "$(( (first_after - first_before) / n / 1024 ))" "$(( (heap_after - heap_before) / n / 1024 ))" "$(( (rss_after - rss_before) / n / 1024 ))"
  kill -TERM "$pages" "$warm"; wait "$pages" "$warm" 2>/dev/null || true
  kill "$server"; wait "$server" 2>/dev/null || true
  server=""; warm=""; pages=""
done
