#!/bin/sh
# Runs once, when the postgres container initialises its data directory: the migration role (owner of every schema
# and table) and the runtime role the services connect as (data only; INSERT and SELECT on audit.log).
# On a managed PostgreSQL, run the SQL of `npm run -s db:roles` instead.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v migrator_password="$MIGRATION_DB_PASSWORD" -v runtime_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE eunomia_owner LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS PASSWORD :'migrator_password';
CREATE ROLE eunomia_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'runtime_password';
ALTER DATABASE eunomia OWNER TO eunomia_owner;
REVOKE ALL ON DATABASE eunomia FROM PUBLIC;
GRANT CONNECT, CREATE, TEMPORARY ON DATABASE eunomia TO eunomia_owner;
GRANT CONNECT ON DATABASE eunomia TO eunomia_app;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
