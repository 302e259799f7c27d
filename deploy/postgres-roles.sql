-- The migration role owns the database and every schema and table it creates (it runs the migrations); the runtime
-- role, which the services connect as, gets its grants from the migration role after each migration. Run once by an
-- administrator as psql with the variables database, migrator and runtime set (npm run -s db:roles prints it with them
-- filled in); set each role's password afterwards.
CREATE ROLE :"migrator" LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS;
CREATE ROLE :"runtime" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
-- Owning the database (and so, from PostgreSQL 15, its public schema) lets migrations create trusted extensions.
ALTER DATABASE :"database" OWNER TO :"migrator";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT, CREATE, TEMPORARY ON DATABASE :"database" TO :"migrator";
GRANT CONNECT ON DATABASE :"database" TO :"runtime";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
