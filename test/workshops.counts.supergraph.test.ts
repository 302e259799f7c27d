import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';
import { rowsReceived } from './support/sqlRows.ts';

// The SWOT matrix's figures across all workshops come from counts kept with every write: they must match the items
// and votes each viewer may see, right after each write, and never include a hidden workshop's items.

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seeded: true });
});
afterAll(async () => {
  await platform?.stop();
});

const FIGURES = `query($topic: Topic) { swotMatrix(topic: $topic) { itemCount totalWeight quadrants { quadrant count weight } } }`;
const ITEM_IDS = `{ swotMatrix(itemsPerQuadrant: 100) { quadrants { items { id } } } }`;

type Figures = Record<string, [count: number, weight: number]>;

async function figures(who: string | null, topic?: string): Promise<Figures> {
  const r = await platform.query<any>(FIGURES, { topic }, who);
  expect(r.errors).toBeUndefined();
  const m = r.data.swotMatrix;
  const byQuadrant = Object.fromEntries(m.quadrants.map((q: any) => [q.quadrant, [q.count, q.weight]])) as Figures;
  expect(m.itemCount).toBe(Object.values(byQuadrant).reduce((n, [c]) => n + c, 0));
  expect(m.totalWeight).toBe(Object.values(byQuadrant).reduce((n, [, w]) => n + w, 0));
  return byQuadrant;
}

const itemIdsSeenBy = async (who: string) =>
  (await platform.query<any>(ITEM_IDS, {}, who)).data.swotMatrix.quadrants.flatMap((q: any) => q.items.map((i: any) => i.id));

async function mutate(who: string, query: string, variables: Record<string, unknown>) {
  const r = await platform.query<any>(query, variables, who);
  expect(r.errors).toBeUndefined();
  return r.data;
}

const CREATE = `mutation($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id } }`;
const ADD = `mutation($w: ID!, $items: [SwotItemInput!]!) { addSwotItems(workshop: $w, items: $items) { id quadrant } }`;
const VOTE = `mutation($id: ID!) { voteSwotItem(id: $id) { weight } }`;

async function workshopWithItems(who: string, visibility: string, quadrants: string[]): Promise<string[]> {
  const { createWorkshop } = await mutate(who, CREATE, { input: {
    title: `Counted ${visibility} workshop`, theme: 'Kept figures', city: 'ES-CT', startsOn: '2026-03-01', endsOn: '2026-03-01',
    organiser: 'es-ct-mossos', topics: ['MONITORING'], participantCount: 10, summary: 'Items to count.', language: 'en', visibility,
  } });
  const { addSwotItems } = await mutate(who, ADD, { w: createWorkshop.id, items: quadrants.map((quadrant, n) => ({
    topic: 'MONITORING', quadrant, statement: `Counted statement ${n + 1}`,
  })) });
  return addSwotItems.map((i: any) => i.id);
}

/** Kept counts (plus votes still pending) against a count of the items and votes themselves, per guard, topic and quadrant. */
async function keptAgainstTruth() {
  const db = platform.databases.bySubgraph.workshops!;
  const key = (r: any) => [r.visibility, r.restricted_to, r.topic, r.quadrant].join('|');
  const truth = await db.query(`SELECT w.visibility, w.restricted_to::text, s.topic, s.quadrant, count(*)::int AS items,
      (SELECT count(*)::int FROM workshops.swot_votes v JOIN workshops.swot_items s2 ON s2.id = v.swot_item_id
        WHERE s2.workshop_id = ANY(array_agg(w.id)) AND s2.topic = s.topic AND s2.quadrant = s.quadrant) AS votes
    FROM workshops.swot_items s JOIN workshops.workshops w ON w.id = s.workshop_id GROUP BY 1, 2, 3, 4`);
  const pending = await db.query(`SELECT w.visibility, w.restricted_to::text, s.topic, s.quadrant, count(*)::int AS n
    FROM workshops.swot_votes v JOIN workshops.swot_items s ON s.id = v.swot_item_id JOIN workshops.workshops w ON w.id = s.workshop_id
    WHERE NOT v.counted GROUP BY 1, 2, 3, 4`);
  const kept = await db.query(`SELECT visibility, restricted_to::text, topic, quadrant, items, weight FROM workshops.swot_counts
    WHERE items <> 0 OR weight <> 0`);
  const pendingOf = new Map(pending.map((r: any) => [key(r), r.n]));
  return {
    kept: Object.fromEntries(kept.map((r: any) => [key(r), [r.items, r.weight + (pendingOf.get(key(r)) ?? 0)]])),
    truth: Object.fromEntries(truth.map((r: any) => [key(r), [r.items, r.votes]])),
  };
}

// The seeded workshops: Dublin (PUBLIC), Barcelona (MEMBERS), Berlin (LEA, restricted to DE), The Hague (MANAGEMENT).
const SEEDED: Record<string, Figures> = {
  anonymous: { STRENGTH: [2, 2], WEAKNESS: [2, 0], OPPORTUNITY: [2, 0], THREAT: [2, 4] },
  'demo-partner': { STRENGTH: [6, 3], WEAKNESS: [8, 22], OPPORTUNITY: [7, 5], THREAT: [7, 9] },
  'demo-practitioner-es': { STRENGTH: [6, 3], WEAKNESS: [8, 22], OPPORTUNITY: [7, 5], THREAT: [7, 9] },
  'demo-manager-es': { STRENGTH: [7, 3], WEAKNESS: [9, 25], OPPORTUNITY: [8, 5], THREAT: [8, 9] },
};

describe('swotMatrix figures kept with every write', () => {
  it('gives each tier the seeded figures it gave before the counts were kept', async () => {
    for (const [who, expected] of Object.entries(SEEDED)) {
      expect(await figures(who === 'anonymous' ? null : who), who).toEqual(expected);
    }
    expect(await figures('demo-manager-es', 'COMMUNICATION')).toEqual({ STRENGTH: [4, 3], WEAKNESS: [4, 14], OPPORTUNITY: [3, 0], THREAT: [3, 8] });
  });

  it('reads one row per quadrant for the figures however many items there are', async () => {
    const workshops = platform.databases.bySubgraph.workshops!;
    await workshops.query(
      `INSERT INTO workshops.swot_items (id, workshop_id, topic, quadrant, statement, position)
       SELECT 'bulk-' || n, 'ws-dub-online-hate', 'MONITORING', 'OPPORTUNITY', 'Bulk statement ' || n, 100 + n FROM generate_series(1, 300) n`);
    try {
      const { result, rows } = await rowsReceived(/swot/i, () => figures(null));
      expect(result).toEqual({ ...SEEDED.anonymous, OPPORTUNITY: [302, 0] });
      // The figures did come from the database: the tap saw them arrive.
      expect(rows).toBeGreaterThan(0);
      expect(rows).toBeLessThanOrEqual(4);
    } finally {
      await workshops.query(`DELETE FROM workshops.swot_items WHERE id LIKE 'bulk-%'`);
    }
    expect(await figures(null)).toEqual(SEEDED.anonymous);
  });

  it('counts added items and votes for those who may see them, and never for anyone else', async () => {
    const [managementThreat, managementStrength] = await workshopWithItems('demo-manager-es', 'MANAGEMENT', ['THREAT', 'STRENGTH']);
    const [leaWeakness] = await workshopWithItems('demo-practitioner-es', 'LEA', ['WEAKNESS']);
    expect(await figures('demo-manager-es')).toEqual({ STRENGTH: [8, 3], WEAKNESS: [10, 25], OPPORTUNITY: [8, 5], THREAT: [9, 9] });
    expect(await figures('demo-practitioner-es')).toEqual({ STRENGTH: [6, 3], WEAKNESS: [9, 22], OPPORTUNITY: [7, 5], THREAT: [7, 9] });
    expect(await figures('demo-partner')).toEqual(SEEDED['demo-partner']);
    expect(await figures(null)).toEqual(SEEDED.anonymous);

    await mutate('demo-manager-es', VOTE, { id: managementThreat });
    await mutate('demo-practitioner-es', VOTE, { id: leaWeakness });
    await mutate('demo-manager-es', VOTE, { id: leaWeakness });
    expect(await figures('demo-manager-es')).toEqual({ STRENGTH: [8, 3], WEAKNESS: [10, 27], OPPORTUNITY: [8, 5], THREAT: [9, 10] });
    expect(await figures('demo-practitioner-es')).toEqual({ STRENGTH: [6, 3], WEAKNESS: [9, 24], OPPORTUNITY: [7, 5], THREAT: [7, 9] });
    expect(await figures('demo-partner')).toEqual(SEEDED['demo-partner']);
    expect(await figures('demo-manager-es', 'COMMUNICATION')).toEqual({ STRENGTH: [4, 3], WEAKNESS: [4, 14], OPPORTUNITY: [3, 0], THREAT: [3, 8] });

    const managerSees = await itemIdsSeenBy('demo-manager-es');
    expect(managerSees).toEqual(expect.arrayContaining([managementThreat, managementStrength, leaWeakness]));
    const practitionerSees = await itemIdsSeenBy('demo-practitioner-es');
    expect(practitionerSees).toContain(leaWeakness);
    expect(practitionerSees).not.toContain(managementThreat);
    expect(practitionerSees).not.toContain(managementStrength);
    expect(await itemIdsSeenBy('demo-partner')).not.toContain(leaWeakness);
  });

  it('moves a workshop\'s items out of the figures of those who may no longer see it, and back', async () => {
    const workshops = platform.databases.bySubgraph.workshops!;
    const before = await figures('demo-practitioner-es');
    const managerBefore = await figures('demo-manager-es');
    await workshops.query(`UPDATE workshops.workshops SET visibility = 'MANAGEMENT' WHERE id = 'ws-dub-online-hate'`);
    try {
      // Dublin's items: STRENGTH 2 (weight 2), WEAKNESS 2 (0), OPPORTUNITY 2 (0), THREAT 2 (4).
      expect(await figures('demo-practitioner-es')).toEqual({
        STRENGTH: [before.STRENGTH![0] - 2, before.STRENGTH![1] - 2], WEAKNESS: [before.WEAKNESS![0] - 2, before.WEAKNESS![1]],
        OPPORTUNITY: [before.OPPORTUNITY![0] - 2, before.OPPORTUNITY![1]], THREAT: [before.THREAT![0] - 2, before.THREAT![1] - 4],
      });
      expect(await figures(null)).toEqual({ STRENGTH: [0, 0], WEAKNESS: [0, 0], OPPORTUNITY: [0, 0], THREAT: [0, 0] });
      expect(await figures('demo-manager-es')).toEqual(managerBefore);
    } finally {
      await workshops.query(`UPDATE workshops.workshops SET visibility = 'PUBLIC' WHERE id = 'ws-dub-online-hate'`);
    }
    expect(await figures('demo-practitioner-es')).toEqual(before);
    expect(await figures(null)).toEqual(SEEDED.anonymous);
  });

  it('counts a vote taken while another vote for the same item is still being written', async () => {
    const before = await figures(null);
    const open = platform.databases.bySubgraph.workshops!.createQueryRunner();
    await open.startTransaction();
    try {
      await open.query(`INSERT INTO workshops.swot_votes (swot_item_id, member_id) VALUES ('swot-dub-06', 'm-ie-1')`);
      // swot-dub-06: Dublin, WEAKNESS, no votes in the seeds.
      await mutate('demo-practitioner-de', VOTE, { id: 'swot-dub-06' });
      expect(await figures(null)).toEqual({ ...before, WEAKNESS: [before.WEAKNESS![0], before.WEAKNESS![1] + 1] });
      await open.commitTransaction();
    } finally {
      if (open.isTransactionActive) await open.rollbackTransaction();
      await open.release();
    }
    expect(await figures(null)).toEqual({ ...before, WEAKNESS: [before.WEAKNESS![0], before.WEAKNESS![1] + 2] });
    const item = await platform.query<any>('{ swotMatrix { quadrants { items { id weight } } } }');
    expect(item.data.swotMatrix.quadrants.flatMap((q: any) => q.items).find((i: any) => i.id === 'swot-dub-06')).toEqual({ id: 'swot-dub-06', weight: 2 });
  });
  it('keeps a vote with its item when the workshop\'s visibility changes while the vote is being written', async () => {
    const workshops = platform.databases.bySubgraph.workshops!;
    const before = await figures(null);
    const vote = workshops.createQueryRunner();
    await vote.startTransaction();
    let guardChange: Promise<unknown> | null = null;
    try {
      // swot-dub-05: Dublin (PUBLIC), not voted on by m-ie-2.
      await vote.query(`INSERT INTO workshops.swot_votes (swot_item_id, member_id) VALUES ('swot-dub-05', 'm-ie-2')`);
      guardChange = workshops.query(`UPDATE workshops.workshops SET visibility = 'LEA' WHERE id = 'ws-dub-online-hate'`);
      let done = false;
      void guardChange.finally(() => {
        done = true;
      });
      await vi.waitFor(async () => {
        const [{ waiting }] = await workshops.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE workshops.workshops SET visibility%'`);
        expect(done || waiting > 0).toBe(true);
      });
      await vote.commitTransaction();
      await guardChange;
    } finally {
      if (vote.isTransactionActive) await vote.rollbackTransaction();
      await vote.release();
      await guardChange?.catch(() => undefined);
    }
    try {
      const moved = await keptAgainstTruth();
      expect(moved.kept).toEqual(moved.truth);
      expect(await figures(null)).toEqual({ STRENGTH: [0, 0], WEAKNESS: [0, 0], OPPORTUNITY: [0, 0], THREAT: [0, 0] });
    } finally {
      await workshops.query(`UPDATE workshops.workshops SET visibility = 'PUBLIC' WHERE id = 'ws-dub-online-hate'`);
    }
    const back = await keptAgainstTruth();
    expect(back.kept).toEqual(back.truth);
    const after = await figures(null);
    expect(Object.values(after).reduce((n, [, w]) => n + w, 0)).toBe(Object.values(before).reduce((n, [, w]) => n + w, 0) + 1);
  });
});
