#!/usr/bin/env bash
# Regenerates what start-up uses instead of building at run time (issue #20's cold start, docs/performance.md):
#   - the compiled EF Core models, one per provider: src/Console.Domain/Persistence/CompiledModels/{Sqlite,Postgres}
#   - the fresh SQLite database script: src/Console.Domain/Persistence/FreshSqliteDatabase.sql
#   - the demo world's rows as a script: src/Console.Domain/Seeding/DemoWorld.sql (after the two above: it names the last
#     migration; also after any change to DemoWorld or WorldBuilder)
# Run it after any change to the mapping or the demo world (scripts/add-migration.sh runs it). StartupShortcutsTests and
# DemoWorldScriptTests fail while one is stale. No database is needed.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null
dotnet build src/Console.Web -m:1 -v q -nologo >/dev/null
models=src/Console.Domain/Persistence/CompiledModels
rm -rf "$models"

dotnet ef dbcontext optimize --no-build \
  --project src/Console.Domain --startup-project src/Console.Web \
  --output-dir Persistence/CompiledModels/Sqlite --namespace EcsConsole.Domain.Persistence.CompiledModels.Sqlite
dotnet ef dbcontext optimize --no-build \
  --project src/Console.Domain --startup-project src/Console.Web \
  --output-dir Persistence/CompiledModels/Postgres --namespace EcsConsole.Domain.Persistence.CompiledModels.Postgres \
  -- --Database:Provider=Postgres "--ConnectionStrings:DefaultConnection=Host=localhost;Database=ecsconsole"
# The provider picks its model explicitly (ConsoleDatabase.Use); an assembly attribute would make EF use one for both.
rm -f "$models"/*/ConsoleDbContextAssemblyAttributes.cs

dotnet ef migrations script --no-build \
  --project src/Console.Domain --startup-project src/Console.Web \
  -o src/Console.Domain/Persistence/FreshSqliteDatabase.sql

# The demo world's script is written by its test from the rows the entities write (DemoWorldScriptWriter); the build
# after it embeds the new script.
ECSCONSOLE_WRITE_DEMO_WORLD_SCRIPT=1 dotnet test tests/Console.Tests -m:1 -v q --nologo \
  --filter "FullyQualifiedName~DemoWorldScriptTests.TheScript_IsWhatTheDemoWorldsEntitiesWrite" >/dev/null
dotnet build tests/Console.Tests -m:1 -v q -nologo >/dev/null
