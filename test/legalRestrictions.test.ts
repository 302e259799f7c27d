import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Databases } from '../scripts/platform.ts';
import { nestRestrictions } from '../subgraphs/legal/restrictions.ts';
import { freshDatabases } from './support/platform.ts';

// A provision is read under its framework's restriction and its own. The subgraph (nestRestrictions, used for
// contributions) and the search projection (legal.search_restriction) must name the same jurisdictions, and both must
// tell "open to nobody" (null) apart from "unrestricted" ([]).

let dbs: Databases;
beforeAll(async () => {
  dbs = await freshDatabases({ seeded: false });
});
afterAll(async () => {
  await dbs?.close();
});

const sql = async (framework: string[], provision: string[]): Promise<string[] | null> =>
  (await dbs.bySubgraph.legal!.query('SELECT legal.search_restriction($1::text[], $2::text[]) AS r', [framework, provision]))[0].r;

const CASES: [framework: string[], provision: string[], nested: string[] | null][] = [
  [[], [], []],
  [['ES'], [], ['ES']],
  [[], ['FR', 'DE'], ['FR', 'DE']],
  [['ES'], ['ES'], ['ES']],
  [['ES'], ['ES-CT', 'DE'], ['ES-CT']],
  [['ES-CT-BCN', 'FR'], ['ES'], ['ES-CT-BCN']],
  [['FR', 'ES'], ['ES-CT', 'FR-75'], ['ES-CT', 'FR-75']],
  [['EU'], ['DE-BY', 'GB'], ['DE-BY']],
  [['DE', 'ES'], ['ES-CT', 'DE'], ['DE', 'ES-CT']],
  [['GB'], ['FR'], null],
  [['ES'], ['DE'], null],
  [['EU'], ['GB'], null],
  [['ES-CT'], ['ES-AN'], null],
];

describe('nesting a framework\'s and a provision\'s restrictions', () => {
  it('gives the same jurisdictions in the subgraph and in the search projection', async () => {
    for (const [framework, provision, nested] of CASES) {
      expect(nestRestrictions(framework, provision), `${framework} / ${provision}`).toEqual(nested);
      expect(await sql(framework, provision), `${framework} / ${provision}`).toEqual(nested);
    }
  });

  it('leaves two restrictions that exclude each other open to nobody, never unrestricted', async () => {
    expect(nestRestrictions(['GB'], ['FR'])).toBeNull();
    expect(await sql(['GB'], ['FR'])).toBeNull();
    expect(nestRestrictions([], [])).toEqual([]);
    expect(await sql([], [])).toEqual([]);
  });
});
