#!/bin/sh
# Runs once, when the postgres container initialises its data directory: the migration role (owner of every schema
# and table) and the runtime role the services connect as (data only; INSERT and SELECT on audit.log), from
# deploy/postgres-roles.sql, the SQL `npm run -s db:roles` prints for a managed PostgreSQL; then their passwords.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v database="$POSTGRES_DB" -v migrator=eunomia_owner -v runtime=eunomia_app -f "${ROLES_SQL:-/eunomia/postgres-roles.sql}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v migrator_password="$MIGRATION_DB_PASSWORD" -v runtime_password="$APP_DB_PASSWORD" <<'SQL'
ALTER ROLE eunomia_owner PASSWORD :'migrator_password';
ALTER ROLE eunomia_app PASSWORD :'runtime_password';
SQL
