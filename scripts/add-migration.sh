#!/usr/bin/env bash
# Adds one EF Core migration for both database providers (ADR-017), from the current model:
#   SQLite     -> src/Console.Domain/Persistence/Migrations
#   PostgreSQL -> src/Console.Domain.Postgres/Migrations
# Usage: scripts/add-migration.sh <Name> [--postgres-only | --sqlite-only]
# No database is needed (migrations are made from the model, not from a server).
set -euo pipefail
cd "$(dirname "$0")/.."

name="${1:?usage: scripts/add-migration.sh <Name> [--postgres-only | --sqlite-only]}"
only="${2:-}"

dotnet tool restore >/dev/null
dotnet build src/Console.Web -m:1 -v q -nologo >/dev/null

if [ "$only" != "--postgres-only" ]; then
  dotnet ef migrations add "$name" --no-build \
    --project src/Console.Domain --startup-project src/Console.Web --output-dir Persistence/Migrations
fi

if [ "$only" != "--sqlite-only" ]; then
  # The connection string only names the provider's options; migrations add does not connect.
  dotnet ef migrations add "$name" --no-build \
    --project src/Console.Domain.Postgres --startup-project src/Console.Web --output-dir Migrations \
    -- --Database:Provider=Postgres "--ConnectionStrings:DefaultConnection=Host=localhost;Database=ecsconsole"
fi

# The compiled models and the fresh-database script follow the model and the migrations.
scripts/compile-model.sh
