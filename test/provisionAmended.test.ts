import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainUntilCaughtUp } from '../lib/outboxConsumer.ts';
import { proceduresSeed } from '../seeds/procedures.ts';
import { provisionAmended } from '../subgraphs/procedures/events.ts';
import { startTestPlatform } from './support/platform.ts';
import { amendProvisionAsReviewer } from './support/amendment.ts';
import type { TestPlatform } from './support/platform.ts';

// End to end: a provision amended in the legal subgraph marks the procedures citing it NEEDS_REVIEW.
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seeded: true });
});
afterAll(async () => platform?.stop());

const PROVISION = 'eu-2016-680-art-25';
const citing = proceduresSeed.procedures
  .filter((p) => p.reviewStatus === 'CURRENT')
  .filter((p) => {
    const published = [...p.versions].reverse().find((v) => v.status !== 'DRAFT');
    return published?.legalBasis.includes(PROVISION);
  })
  .map((p) => p.id);
const notCiting = proceduresSeed.procedures.find((p) => p.reviewStatus === 'CURRENT' && !p.versions.some((v) => v.legalBasis.includes(PROVISION)))!.id;

async function reviewStatus(id: string): Promise<string> {
  const r = await platform.query<{ procedure: { reviewStatus: string } }>(`{ procedure(id: "${id}") { reviewStatus } }`, {}, 'demo-manager-es');
  return r.data!.procedure.reviewStatus;
}

describe('provision.amended', () => {
  it('marks every procedure in force that cites the provision NEEDS_REVIEW, once', async () => {
    expect(citing.length).toBeGreaterThan(1);
    for (const id of citing) expect(await reviewStatus(id)).toBe('CURRENT');
    const amended = await amendProvisionAsReviewer(platform, PROVISION);
    expect(amended.errors).toBeUndefined();

    await expect.poll(() => Promise.all(citing.map(async (id) => [id, await reviewStatus(id)])), { timeout: 5_000, interval: 100 })
      .toEqual(citing.map((id) => [id, 'NEEDS_REVIEW']));
    expect(await reviewStatus(notCiting)).toBe('CURRENT');

    const db = platform.databases.bySubgraph.procedures!;
    const events = await db.query(`SELECT entity_id FROM procedures.outbox WHERE event = 'procedure.needs_review' ORDER BY entity_id`);
    expect(events.map((e: { entity_id: string }) => e.entity_id)).toEqual([...citing].sort());

    // Delivered again (at least once): nothing changes and no event is repeated.
    await db.query(`UPDATE procedures.consumer_positions SET last_txid = '0', last_id = 0 WHERE consumer = $1`, [provisionAmended.name]);
    await drainUntilCaughtUp(db, provisionAmended);
    const again = await db.query(`SELECT count(*)::int AS n FROM procedures.outbox WHERE event = 'procedure.needs_review'`);
    expect(again[0].n).toBe(citing.length);
  });
});
