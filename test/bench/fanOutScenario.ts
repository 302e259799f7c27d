import { ensureDatabase, withDatabase } from '../../lib/database.ts';
import { openDatabases } from '../../scripts/platform.ts';
import { loadSeeds } from '../../seeds/load.ts';
import { fanOut } from '../support/fanOut.ts';
import type { FanOutResult } from '../support/fanOut.ts';
import { dropDatabase } from './databases.ts';
import { printTable } from './stats.ts';

// The notification fan-out scenario: a procedure comes into force in a jurisdiction and topic that `followers` members
// follow; the notifications consumer's batch is timed and its statements counted (against ten followers, to show the
// count does not grow). On a database of its own, seeded, dropped afterwards.

const DATABASE = 'eunomia_bench_fanout';

export async function measureFanOut(serverUrl: string, followers: number): Promise<FanOutResult[]> {
  await dropDatabase(serverUrl, DATABASE);
  await ensureDatabase(serverUrl, DATABASE);
  const dbs = await openDatabases(withDatabase(serverUrl, DATABASE), { poolSize: 4 });
  try {
    await loadSeeds(dbs.bySubgraph, dbs.kernel);
    return [await fanOut(dbs, 10, 'bench-few-'), await fanOut(dbs, followers, 'bench-many-')];
  } finally {
    await dbs.close();
    await dropDatabase(serverUrl, DATABASE);
  }
}

export function printFanOut(results: FanOutResult[]): void {
  console.log('\nNotification fan-out (a procedure in force in a followed jurisdiction and topic; the consumer\'s batch, in process):');
  printTable(results.map((r) => ({
    followers: r.followers, notifications: r.made, 'SQL statements': r.statements, ms: Math.round(r.ms), 'per 1,000 followers (ms)': (r.ms / r.followers) * 1000,
  })));
}
