#!/usr/bin/env bash
# Runs every test of EcsConsole: domain and bUnit tests, WebApplicationFactory integration tests, and the Playwright
# end-to-end journeys in a real headless Chromium (Debian's, installed here when missing) with axe-core's accessibility
# checks, and the official Alibaba Cloud Node SDK against the ECS API (the npm packages of both installed here with
# npm ci). With ECSCONSOLE_TEST_PG set, the domain and integration tests and a few Playwright journeys run a second
# time on PostgreSQL (.ci/run sets it up; ADR-017).
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter SignIn).
set -euo pipefail
cd "$(dirname "$0")"

chromium="${ECSCONSOLE_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "Chromium not found at $chromium: installing Debian's chromium for the E2E tests"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium fonts-liberation fonts-noto-cjk
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (dotnet not on PATH)" >&2
  exit 1
fi

# The official Alibaba Cloud Node SDK for the ECS API test (tests/sdk-node, versions pinned by its lock file).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Node.js/npm not found: installing Debian's nodejs and npm for the official SDK test"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends nodejs npm
fi
# The npm packages (the official Alibaba Cloud Node SDK for the ECS API test, tests/sdk-node, and axe-core for the
# accessibility E2E tests, which inject its axe.min.js into the page; ADR-024), versions pinned by their lock files,
# installed while the solution builds.
mkdir -p TestResults
set +e
(cd tests/sdk-node && npm ci --no-audit --no-fund --loglevel=error) > TestResults/npm-sdk-node.log 2>&1 &
npm_sdk=$!
(cd tests/Console.E2E && npm ci --no-audit --no-fund --loglevel=error) > TestResults/npm-e2e.log 2>&1 &
npm_e2e=$!

# Built once (the whole solution: the benches must compile too); every test run below is --no-build (ADR-034).
dotnet build Console.sln -v q -nologo 2>&1 | tee TestResults/build.log
build_status=${PIPESTATUS[0]}
npm_status=0
wait "$npm_sdk" || npm_status=$?
cat TestResults/npm-sdk-node.log
wait "$npm_e2e" || npm_status=$?
cat TestResults/npm-e2e.log
if [ "$build_status" -ne 0 ] || [ "$npm_status" -ne 0 ]; then
  echo "Build failed (dotnet build $build_status, npm ci $npm_status): no test ran" >&2
  exit 1
fi

# Two lanes at once (ADR-034): the Playwright journeys (lane e2e) spend most of their time waiting for the browser and
# the console, so the domain and integration tests, then their PostgreSQL pass (lane tests), run beside them rather than
# after them. Lane tests runs under `nice -n 10`: the journeys wait on the clock (auto-waiting assertions with timeouts),
# the domain tests only want throughput, so the journeys get the CPU first and see what they saw before. Each lane
# writes its own log (TestResults/lane-NAME.log; every line also shown here with the lane's name in front). The
# databases do not meet: the E2E consoles use temp SQLite files (ecsconsole-suite-*) or PostgreSQL databases named
# ecsconsole_suite_*, the domain tests in-memory SQLite or ecs_t<pid>_* databases.
#
# The second provider (ADR-017): with ECSCONSOLE_TEST_PG (an Npgsql connection string of a role that may create
# databases; .ci/run installs PostgreSQL and sets it) the domain and integration tests run again on PostgreSQL, each
# test on its own database (extra arguments go to the SQLite runs only; ECSCONSOLE_TEST_PG_FILTER narrows the pass, e.g.
# to FullyQualifiedName~EcsConsole.Tests.Api when CI time is short). The walk of the SDK's request parameters
# (EcsApiRequestModelTests, a minute and a half of API calls about parameter handling, which no provider changes)
# runs on SQLite only. Then, alone once both lanes have ended (TwoNodesTests measures a 2 s live update), the Playwright
# journeys at least once on PostgreSQL: EcsConsoleHost runs each console on a database of its own there
# (ECSCONSOLE_HOST_PG); ECSCONSOLE_TEST_PG_E2E_FILTER chooses which. Without ECSCONSOLE_TEST_PG, SQLite only.
# A test that hangs fails the run with its name instead of holding it until CI's own limit: each dotnet test below runs
# under VSTest's blame collector, which dumps and stops the test host when one test runs longer than this (no test
# takes more than two minutes), and names the test that was running ("The test running when the crash occurred"; a
# full dump of the test host and its child processes, a gigabyte or two, in tests/<project>/TestResults/<run>/: with
# dotnet-dump, `dumpasync` shows what each await waits for, which a mini dump cannot; ECSCONSOLE_TEST_HANG_DUMP=mini or
# none for less).
hang=(--blame-hang-timeout "${ECSCONSOLE_TEST_HANG_TIMEOUT:-10m}" --blame-hang-dump-type "${ECSCONSOLE_TEST_HANG_DUMP:-full}")
# Whatever hangs outside a test (a test host that does not exit, a server), a run is stopped after
# ECSCONSOLE_TEST_RUN_LIMIT (30 minutes; the longest run takes about 13) and says so.
run_limit="${ECSCONSOLE_TEST_RUN_LIMIT:-30m}"
lane() { # lane NAME COMMAND...: runs the command, its output to TestResults/lane-NAME.log and here; its status to .status
  local name=$1
  shift
  timeout --kill-after=1m "$run_limit" "$@" 2>&1 | tee -a "TestResults/lane-$name.log" | sed -u "s/^/[$name] /"
  local status=${PIPESTATUS[0]}
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "[$name] stopped: still running after $run_limit (exit $status)" | tee -a "TestResults/lane-$name.log"
  fi
  if [ "$status" -ne 0 ]; then echo "$status" > "TestResults/lane-$name.status"; fi
}
rm -f TestResults/lane-*.log TestResults/lane-*.status

(
  lane e2e dotnet test tests/Console.E2E --no-build "${hang[@]}" "$@"
) &
e2e_lane=$!
# ECSCONSOLE_TEST_SERIAL=1: one lane after the other (the journeys alone first), to compare or to rule the overlap out.
if [ "${ECSCONSOLE_TEST_SERIAL:-}" = "1" ]; then wait "$e2e_lane"; fi

(
  lane tests nice -n 10 dotnet test tests/Console.Tests --no-build "${hang[@]}" "$@"
  if [ -n "${ECSCONSOLE_TEST_PG:-}" ]; then
    echo "PostgreSQL pass: domain and integration tests on ${ECSCONSOLE_TEST_PG%%;Password=*}" | tee -a TestResults/lane-tests.log
    ECSCONSOLE_TEST_DB=postgres lane tests nice -n 10 dotnet test tests/Console.Tests --no-build "${hang[@]}" \
      --filter "${ECSCONSOLE_TEST_PG_FILTER:-(FullyQualifiedName~EcsConsole.Tests.Domain|FullyQualifiedName~EcsConsole.Tests.Api|FullyQualifiedName~EcsConsole.Tests.Infrastructure)&FullyQualifiedName!~EcsApiRequestModelTests}"
  else
    echo "ECSCONSOLE_TEST_PG not set: SQLite only (the PostgreSQL pass needs a server; .ci/run sets one up)"
  fi
) &
tests_lane=$!

wait "$e2e_lane" 2>/dev/null
wait "$tests_lane"
if [ -n "${ECSCONSOLE_TEST_PG:-}" ]; then
  echo "PostgreSQL pass: Playwright journeys" | tee -a TestResults/lane-pg-e2e.log
  ECSCONSOLE_HOST_PG="$ECSCONSOLE_TEST_PG" lane pg-e2e dotnet test tests/Console.E2E --no-build "${hang[@]}" \
    --filter "${ECSCONSOLE_TEST_PG_E2E_FILTER:-FullyQualifiedName~ForTestSuitesJourneyTests|FullyQualifiedName~KeyPairsTests|FullyQualifiedName~TwoNodesTests}"
fi
cat TestResults/build.log TestResults/lane-tests.log TestResults/lane-e2e.log > TestResults/test-output.log
if [ -e TestResults/lane-pg-e2e.log ]; then cat TestResults/lane-pg-e2e.log >> TestResults/test-output.log; fi
status=0
for failed in TestResults/lane-*.status; do
  if [ -e "$failed" ] && [ "$status" -eq 0 ]; then status=$(cat "$failed"); fi
done
set -e

# One closing line over every test project: "N passed, N failed".
awk '/(Passed|Failed)! +- +Failed: / {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) }
     }
     END { printf "Total: %d passed, %d failed\n", p, f }' TestResults/test-output.log
exit "$status"
