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
(cd tests/sdk-node && npm ci --no-audit --no-fund --loglevel=error)
# axe-core for the accessibility E2E tests (AccessibilityTests inject its axe.min.js into the page; ADR-024).
(cd tests/Console.E2E && npm ci --no-audit --no-fund --loglevel=error)

mkdir -p TestResults
set +e
dotnet test Console.sln "$@" 2>&1 | tee TestResults/test-output.log
status=${PIPESTATUS[0]}

# The second provider (ADR-017): with ECSCONSOLE_TEST_PG (an Npgsql connection string of a role that may create
# databases; .ci/run installs PostgreSQL and sets it) the domain and integration tests run again on PostgreSQL, each
# test on its own database (extra arguments go to the first run only; ECSCONSOLE_TEST_PG_FILTER narrows the pass, e.g.
# to FullyQualifiedName~EcsConsole.Tests.Api when CI time is short). The walk of the SDK's request parameters
# (EcsApiRequestModelTests, a minute and a half of API calls about parameter handling, which no provider changes)
# runs on SQLite only. Without ECSCONSOLE_TEST_PG, SQLite only.
if [ -n "${ECSCONSOLE_TEST_PG:-}" ]; then
  echo "PostgreSQL pass: domain and integration tests on ${ECSCONSOLE_TEST_PG%%;Password=*}"
  ECSCONSOLE_TEST_DB=postgres dotnet test tests/Console.Tests --no-build \
    --filter "${ECSCONSOLE_TEST_PG_FILTER:-(FullyQualifiedName~EcsConsole.Tests.Domain|FullyQualifiedName~EcsConsole.Tests.Api|FullyQualifiedName~EcsConsole.Tests.Infrastructure)&FullyQualifiedName!~EcsApiRequestModelTests}" \
    2>&1 | tee -a TestResults/test-output.log
  pg_status=${PIPESTATUS[0]}
  if [ "$status" -eq 0 ]; then status=$pg_status; fi
  # The Playwright journeys at least once on PostgreSQL: EcsConsoleHost runs each console on a database of its own
  # there (ECSCONSOLE_HOST_PG); ECSCONSOLE_TEST_PG_E2E_FILTER chooses which.
  echo "PostgreSQL pass: Playwright journeys"
  ECSCONSOLE_HOST_PG="$ECSCONSOLE_TEST_PG" dotnet test tests/Console.E2E --no-build \
    --filter "${ECSCONSOLE_TEST_PG_E2E_FILTER:-FullyQualifiedName~ForTestSuitesJourneyTests|FullyQualifiedName~KeyPairsTests|FullyQualifiedName~TwoNodesTests}" \
    2>&1 | tee -a TestResults/test-output.log
  pg_e2e_status=${PIPESTATUS[0]}
  if [ "$status" -eq 0 ]; then status=$pg_e2e_status; fi
else
  echo "ECSCONSOLE_TEST_PG not set: SQLite only (the PostgreSQL pass needs a server; .ci/run sets one up)"
fi
set -e

# One closing line over every test project: "N passed, N failed".
awk '/(Passed|Failed)! +- +Failed: / {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) }
     }
     END { printf "Total: %d passed, %d failed\n", p, f }' TestResults/test-output.log
exit "$status"
