import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, VISIBILITIES, canSee, principalCanSeeSql, visibilitySql } from '../lib/access.ts';
import type { Viewer, Visibility } from '../lib/access.ts';
import type { Databases } from '../scripts/platform.ts';
import { freshDatabases } from './support/platform.ts';

const viewer = (orgKind: Viewer['orgKind'], tier: Viewer['tier'], path: string[]): Viewer => ({
  memberId: 'm', agencyId: 'a', jurisdiction: path[0] ?? null, jurisdictionPath: path, orgKind, tier, roles: [],
});
const VIEWERS: Record<string, Viewer> = {
  anonymous: ANONYMOUS,
  partner: viewer('PARTNER', null, ['EU']),
  academia: viewer('ACADEMIA', null, ['NL', 'EU']),
  practitionerCatalonia: viewer('LEA', 'PRACTITIONER', ['ES-CT', 'ES', 'EU']),
  managerCatalonia: viewer('LEA', 'MANAGER', ['ES-CT', 'ES', 'EU']),
  managerSpain: viewer('LEA', 'MANAGER', ['ES', 'EU']),
  managerBavaria: viewer('LEA', 'MANAGER', ['DE-BY', 'DE', 'EU']),
  practitionerUk: viewer('LEA', 'PRACTITIONER', ['GB-NIR', 'GB']),
};
const RESTRICTIONS: string[][] = [[], ['ES-CT'], ['ES'], ['EU'], ['DE', 'ES-CT']];

describe('canSee', () => {
  it('orders visibility PUBLIC < MEMBERS < LEA < MANAGEMENT', () => {
    const seen = (v: Viewer) => VISIBILITIES.filter((visibility) => canSee(v, { visibility }));
    expect(seen(VIEWERS.anonymous!)).toEqual(['PUBLIC']);
    expect(seen(VIEWERS.partner!)).toEqual(['PUBLIC', 'MEMBERS']);
    expect(seen(VIEWERS.practitionerCatalonia!)).toEqual(['PUBLIC', 'MEMBERS', 'LEA']);
    expect(seen(VIEWERS.managerBavaria!)).toEqual(['PUBLIC', 'MEMBERS', 'LEA', 'MANAGEMENT']);
  });

  it('lets only LEA staff of the listed jurisdictions or their sub-jurisdictions see a restricted item', () => {
    const item = { visibility: 'PUBLIC' as Visibility, restrictedTo: ['ES'] };
    expect(canSee(VIEWERS.managerCatalonia!, item)).toBe(true);
    expect(canSee(VIEWERS.managerSpain!, item)).toBe(true);
    expect(canSee(VIEWERS.managerBavaria!, item)).toBe(false);
    expect(canSee(VIEWERS.partner!, item)).toBe(false);
    expect(canSee(VIEWERS.managerSpain!, { visibility: 'LEA', restrictedTo: ['ES-CT'] })).toBe(false);
    expect(canSee(VIEWERS.practitionerUk!, { visibility: 'LEA', restrictedTo: ['EU'] })).toBe(false);
  });
});

describe('visibilitySql', () => {
  let dbs: Databases;
  beforeAll(async () => {
    dbs = await freshDatabases({ seeded: false });
  });
  afterAll(async () => dbs?.close());

  it('decides exactly as canSee for every viewer, visibility and restriction (and for their principal row)', async () => {
    const runner = dbs.kernel.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('CREATE TEMP TABLE items (id int, visibility text, restricted_to text[])');
      const items = VISIBILITIES.flatMap((visibility) => RESTRICTIONS.map((restrictedTo) => ({ visibility, restrictedTo })));
      await runner.query(`INSERT INTO items SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(id int, visibility text, restricted_to text[])`,
        [JSON.stringify(items.map((it, id) => ({ id, visibility: it.visibility, restricted_to: it.restrictedTo })))]);
      for (const [name, v] of Object.entries(VIEWERS)) {
        const params: unknown[] = [];
        const rows: { id: number }[] = await runner.query(`SELECT id FROM items i WHERE ${visibilitySql(v, 'i', params)} ORDER BY id`, params);
        const expected = items.flatMap((it, id) => (canSee(v, it) ? [id] : []));
        expect(rows.map((r) => r.id), name).toEqual(expected);
        if (v.memberId === null) continue;
        // The same rule for a member known by their principal row (notifications made for followers, e-mail): as
        // canSee while the member is active; nothing once they are not.
        for (const active of [true, false]) {
          const principal = await runner.query(
            `SELECT id FROM items i, (SELECT $1::boolean AS active, $2::text AS org_kind, $3::text AS tier, $4::text[] AS jurisdiction_path) p
             WHERE ${principalCanSeeSql('p', 'i')} ORDER BY id`, [active, v.orgKind, v.tier, v.jurisdictionPath]);
          expect(principal.map((r: { id: number }) => r.id), `${name}, principal ${active ? 'active' : 'inactive'}`).toEqual(active ? expected : []);
        }
      }
    } finally {
      await runner.release();
    }
  });
});
