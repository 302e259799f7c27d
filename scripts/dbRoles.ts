import { parseArgs } from 'node:util';
import { createRolesSql } from '../lib/databaseRoles.ts';

// Prints the SQL that creates the migration and runtime roles, for an administrator to run once (psql, or a managed
// PostgreSQL's console):  npm run -s db:roles -- --database eunomia --migrator eunomia_owner --runtime eunomia_app | psql ...
const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'eunomia' },
    migrator: { type: 'string', default: 'eunomia_owner' },
    runtime: { type: 'string', default: 'eunomia_app' },
  },
});
process.stdout.write(createRolesSql({ database: values.database!, migrator: values.migrator!, runtime: values.runtime! }));
