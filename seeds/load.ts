import type { DataSource } from 'typeorm';
import { seedDirectory } from './directory.ts';
import { seedLegal } from './legal.ts';
import { seedProcedures } from './procedures.ts';
import { seedTraining } from './training.ts';
import { seedWorkshops } from './workshops.ts';

/** Seed sets in dependency order, each applied once per database (recorded in access.seed_runs). */
const SEED_SETS: { name: string; schema: string; load: (db: DataSource) => Promise<void> }[] = [
  { name: 'directory', schema: 'directory', load: seedDirectory },
  { name: 'procedures', schema: 'procedures', load: seedProcedures },
  { name: 'legal', schema: 'legal', load: seedLegal },
  { name: 'training', schema: 'training', load: seedTraining },
  { name: 'workshops', schema: 'workshops', load: seedWorkshops },
];

/** Loads every seed set not yet applied; returns the names loaded now. */
export async function loadSeeds(dataSources: Record<string, DataSource>, kernel: DataSource): Promise<string[]> {
  const loaded: string[] = [];
  for (const set of SEED_SETS) {
    const db = dataSources[set.schema];
    if (!db) continue;
    const done = await kernel.query('SELECT 1 FROM access.seed_runs WHERE name = $1', [set.name]);
    if (done.length) continue;
    await set.load(db);
    await kernel.query('INSERT INTO access.seed_runs (name) VALUES ($1) ON CONFLICT DO NOTHING', [set.name]);
    loaded.push(set.name);
  }
  return loaded;
}
