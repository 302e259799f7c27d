import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

// The audit log's integrity: a change never commits without its row, consultations are recorded wherever item
// content is returned, a truncated tail is detected against signed checkpoints, and the runtime role cannot alter it.

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ consumers: false });
});
afterAll(async () => {
  await platform?.stop();
});

const kernel = () => platform.databases.kernel;

/** POSTs to the gateway with extra headers; returns the body with the request id the gateway assigned. */
async function send(query: string, variables: Record<string, unknown>, as: string, headers: Record<string, string> = {}) {
  const res = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await platform.token(as)}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { ...((await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }), requestId: res.headers.get('x-request-id') ?? '' };
}

const rowsOf = (requestId: string): Promise<{ kind: string; decision: string; field: string; error_code: string | null; entity_type: string; entity_ids: string[] }[]> =>
  kernel().query('SELECT kind, decision, field, error_code, entity_type, entity_ids FROM audit.log WHERE request_id = $1 ORDER BY seq', [requestId]);

describe('a mutation and its audit row', () => {
  const CREATE_WORKSHOP = `mutation CreateWorkshop($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id title } }`;
  const input = (title: string) => ({
    title, theme: 'Audit integrity', city: 'ES-CT', startsOn: '2025-03-01', endsOn: '2025-03-02', organiser: 'es-ct-mossos',
    topics: ['MONITORING'], participantCount: 8, summary: 'A change and its row belong together.', visibility: 'LEA',
  });
  const workshopsTitled = async (title: string) =>
    Number((await platform.databases.bySubgraph.workshops!.query('SELECT count(*) AS n FROM workshops.workshops WHERE title = $1', [title]))[0].n);

  it('rolls the change back when its audit row cannot be written', async () => {
    // A trigger refusing exactly this mutation's successful row, as a failing disk or a lost connection would.
    await kernel().query(`CREATE FUNCTION audit.test_refuse_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.justification = 'refuse this row' AND NEW.kind = 'MUTATION' AND NEW.error_code IS NULL THEN
          RAISE EXCEPTION 'audit row refused for the test';
        END IF;
        RETURN NEW;
      END $$`);
    await kernel().query('CREATE TRIGGER test_refuse_row BEFORE INSERT ON audit.log FOR EACH ROW EXECUTE FUNCTION audit.test_refuse_row()');
    try {
      const refused = await send(CREATE_WORKSHOP, { input: input('Unrecorded workshop') }, 'demo-manager-es', { 'X-Justification': 'refuse this row' });
      expect(codes(refused)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(await workshopsTitled('Unrecorded workshop')).toBe(0);
      expect(await platform.databases.bySubgraph.workshops!.query(
        `SELECT 1 FROM workshops.outbox WHERE payload::text LIKE '%Unrecorded workshop%'`)).toEqual([]);
      // The attempt is on record as failed.
      expect(await rowsOf(refused.requestId)).toEqual([expect.objectContaining({
        kind: 'MUTATION', decision: 'ALLOWED', field: 'Mutation.createWorkshop', error_code: 'INTERNAL_SERVER_ERROR', entity_ids: [],
      })]);

      const recorded = await send(CREATE_WORKSHOP, { input: input('Recorded workshop') }, 'demo-manager-es', { 'X-Justification': 'keep this row' });
      expect(recorded.errors).toBeUndefined();
      expect(await workshopsTitled('Recorded workshop')).toBe(1);
      expect(await rowsOf(recorded.requestId)).toEqual([expect.objectContaining({
        kind: 'MUTATION', decision: 'ALLOWED', field: 'Mutation.createWorkshop', error_code: null, entity_ids: [recorded.data.createWorkshop.id],
      })]);
    } finally {
      await kernel().query('DROP TRIGGER test_refuse_row ON audit.log');
      await kernel().query('DROP FUNCTION audit.test_refuse_row()');
    }
  });
});
