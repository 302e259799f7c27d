import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every guarded table is filtered with `cardinality(restricted_to) = 0 OR restricted_to && <path>`. Without statistics
// on that expression the planner guesses that 0.5% of rows pass, and then joins and sorts every row of a list
// instead of walking an index to the first page. Expression statistics tell it the real share.

const statisticsName = (table: string) => `${table}_unrestricted`;

export async function addGuardStatistics(q: QueryRunner, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await q.query(`CREATE STATISTICS ${statisticsName(table)} ON (cardinality(restricted_to)) FROM ${table}`);
    await q.query(`ANALYZE ${table}`);
  }
}

export async function dropGuardStatistics(q: QueryRunner, tables: readonly string[]): Promise<void> {
  for (const table of tables) await q.query(`DROP STATISTICS ${statisticsName(table)}`);
}

/** A migration adding guard statistics to `tables`; `name` must end with the migration's timestamp. */
export function guardStatisticsMigration(name: string, tables: readonly string[]): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await addGuardStatistics(q, tables);
    }

    async down(q: QueryRunner): Promise<void> {
      await dropGuardStatistics(q, tables);
    }
  };
}
