import pg from 'pg';
import { expect, it } from 'vitest';

it('leaves the pg driver unhooked in production code; the test support hooks it to count', async () => {
  const driver = pg.Client.prototype.query;
  // Every subgraph, the gateway and the kernel, as a production process loads them.
  await import('../scripts/platform.ts');
  expect(pg.Client.prototype.query).toBe(driver);

  const { freshDatabases } = await import('./support/platform.ts');
  const { countStatements } = await import('./support/sqlStatements.ts');
  const dbs = await freshDatabases({ seeded: false });
  try {
    const counted = await countStatements(async () => {
      await dbs.kernel.query('SELECT 1');
      await dbs.kernel.query('SELECT 2');
    });
    expect(counted.statements).toBe(2);
    expect(pg.Client.prototype.query).not.toBe(driver);
  } finally {
    await dbs.close();
  }
});
