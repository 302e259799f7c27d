import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../lib/access.ts';
import type { Viewer } from '../lib/access.ts';
import { displayValue } from '../lib/comparison.ts';
import { ProceduresDimensionValueLabels1764400007001 } from '../migrations/procedures/1764400007001-procedures-dimension-value-labels.ts';
import type { Databases } from '../scripts/platform.ts';
import { legalSeed } from '../seeds/legal.ts';
import { proceduresSeed } from '../seeds/procedures.ts';
import { legalSubgraph } from '../subgraphs/legal/index.ts';
import { proceduresSubgraph } from '../subgraphs/procedures/index.ts';
import { freshDatabases, viewerOf } from './support/platform.ts';
import { subgraphClient } from './support/subgraph.ts';

// What people read for a dimension value is the dimension's label for it, never the stored code: in `display`, in the
// comparison's CSV, and in the options a console builds its select inputs from.

let dbs: Databases;
let proceduresClient: Awaited<ReturnType<typeof subgraphClient>>;
let legalClient: Awaited<ReturnType<typeof subgraphClient>>;
const viewers: Record<string, Viewer> = {};

beforeAll(async () => {
  dbs = await freshDatabases({ seeded: true });
  proceduresClient = await subgraphClient(proceduresSubgraph, dbs.bySubgraph.procedures!);
  legalClient = await subgraphClient(legalSubgraph, dbs.bySubgraph.legal!);
  for (const id of ['demo-manager-es', 'demo-reviewer']) viewers[id] = await viewerOf(dbs, id);
});
afterAll(async () => {
  await proceduresClient?.stop();
  await legalClient?.stop();
  await dbs?.close();
});

const seededOptions = (d: { allowedValues: string[] | null; valueLabels: Record<string, string> | null }) =>
  d.allowedValues?.map((value) => ({ value, label: d.valueLabels![value] })) ?? null;
const withCodes = (csv: string) => csv.match(/\b[A-Z]+(?:_[A-Z]+)+\b/g) ?? [];

describe('dimension options', () => {
  it('gives every ENUM and LIST dimension its allowed values with labels, in order, and null for other types', async () => {
    const r = await proceduresClient.run<any>(ANONYMOUS, '{ comparisonDimensions { key valueType allowedValues options { value label } } }');
    expect(r.errors).toBeUndefined();
    const byKey = new Map(r.data.comparisonDimensions.map((d: any) => [d.key, d]));
    expect(byKey.get('monitoring_scope')).toEqual({
      key: 'monitoring_scope', valueType: 'ENUM',
      allowedValues: ['PUBLIC_SOURCES_ONLY', 'PUBLIC_AND_CLOSED_GROUPS_WITH_WARRANT', 'PUBLIC_AND_CLOSED_GROUPS_WITH_INTERNAL_APPROVAL'],
      options: [
        { value: 'PUBLIC_SOURCES_ONLY', label: 'Public sources only' },
        { value: 'PUBLIC_AND_CLOSED_GROUPS_WITH_WARRANT', label: 'Public and closed groups, with a warrant' },
        { value: 'PUBLIC_AND_CLOSED_GROUPS_WITH_INTERNAL_APPROVAL', label: 'Public and closed groups, with internal approval' },
      ],
    });
    for (const seed of proceduresSeed.dimensions) {
      const d = byKey.get(seed.key) as any;
      expect(d.options, seed.key).toEqual(seededOptions(seed));
    }
    const legalDims = await legalClient.run<any>(ANONYMOUS, '{ legalDimensions { key options { value label } } }');
    expect(legalDims.data.legalDimensions.map((d: any) => d.options)).toEqual(
      legalDims.data.legalDimensions.map((d: any) => seededOptions(legalSeed.dimensions.find((s) => s.key === d.key)!)));
    expect(legalDims.data.legalDimensions.find((d: any) => d.key === 'monitoring_scope').options[1])
      .toEqual({ value: 'PUBLIC_AND_CLOSED_GROUPS_WITH_WARRANT', label: 'Public and closed groups, with a warrant' });
  });
});

describe('display and CSV', () => {
  const COMPARE = `query($j: [ID!]!, $d: [String!]) { compareProcedures(topic: MONITORING, jurisdictions: $j, dimensions: $d) {
    csv rows { dimension { key } cells { jurisdiction { code } value { value display } } } } }`;

  it('writes an ENUM value, a LIST value and a boolean as labels, and keeps the code in value', async () => {
    const r = await proceduresClient.run<any>(viewers['demo-manager-es']!, COMPARE,
      { j: ['ES-CT', 'FR'], d: ['monitoring_scope', 'monitoring_triggers', 'prior_judicial_authorisation_for_monitoring', 'retention_limit_days'] });
    expect(r.errors).toBeUndefined();
    const cell = (key: string, j: string) => r.data.compareProcedures.rows.find((row: any) => row.dimension.key === key)
      .cells.find((c: any) => c.jurisdiction.code === j).value;
    expect(cell('monitoring_scope', 'ES-CT')).toEqual({ value: 'PUBLIC_AND_CLOSED_GROUPS_WITH_WARRANT', display: 'Public and closed groups, with a warrant' });
    expect(cell('monitoring_scope', 'FR')).toEqual({ value: 'PUBLIC_SOURCES_ONLY', display: 'Public sources only' });
    expect(cell('monitoring_triggers', 'ES-CT')).toEqual({
      value: ['SCHEDULED_EVENT', 'SPECIFIC_THREAT', 'CRISIS_INCIDENT', 'GENERAL_TREND_ANALYSIS'],
      display: 'Scheduled event; Specific threat; Crisis or major incident; General trend analysis',
    });
    expect(cell('prior_judicial_authorisation_for_monitoring', 'ES-CT')).toEqual({ value: true, display: 'Yes' });
    expect(cell('prior_judicial_authorisation_for_monitoring', 'FR')).toEqual({ value: false, display: 'No' });
    expect(cell('retention_limit_days', 'ES-CT').display).toMatch(/^\d+ days$/);

    const csv: string = r.data.compareProcedures.csv;
    expect(csv.split('\r\n').slice(0, 4)).toEqual([
      'dimension,ES-CT,FR,divergent',
      'Monitoring scope,"Public and closed groups, with a warrant",Public sources only,Yes',
      'Monitoring triggers,Scheduled event; Specific threat; Crisis or major incident; General trend analysis,Scheduled event; Crisis or major incident; General trend analysis,Yes',
      'Prior judicial authorisation for monitoring,Yes,No,Yes',
    ]);
    expect(withCodes(csv)).toEqual([]);
  });

  it('labels a legal position in display and CSV', async () => {
    const added = await legalClient.run<any>(viewers['demo-reviewer']!, `mutation { addProvision(framework: "es-lo-7-2021", input: {
        reference: "Art. 99", heading: "Observation of closed groups", text: "Closed groups are observed only under a judicial warrant.",
        visibility: PUBLIC, positions: [{ key: "monitoring_scope", value: "PUBLIC_AND_CLOSED_GROUPS_WITH_WARRANT" },
          { key: "prior_judicial_authorisation_for_monitoring", value: true }] }) {
        positions { dimension { key } value display } } }`);
    expect(added.errors).toBeUndefined();
    expect(added.data.addProvision.positions).toEqual(expect.arrayContaining([
      { dimension: { key: 'monitoring_scope' }, value: 'PUBLIC_AND_CLOSED_GROUPS_WITH_WARRANT', display: 'Public and closed groups, with a warrant' },
      { dimension: { key: 'prior_judicial_authorisation_for_monitoring' }, value: true, display: 'Yes' },
    ]));
    const r = await legalClient.run<any>(ANONYMOUS, '{ compareLegalPositions(topic: MONITORING, jurisdictions: ["ES"], dimensions: ["monitoring_scope"]) { csv } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.compareLegalPositions.csv).toBe('dimension,ES,divergent\r\nMonitoring scope,"Public and closed groups, with a warrant",No\r\n');
  });

  it('never reads a label from the object prototype for free text', () => {
    const text = { unit: null, valueLabels: { A: 'Label A' } };
    expect(displayValue('constructor', text)).toBe('constructor');
    expect(displayValue(['A', 'toString'], text)).toBe('Label A; toString');
  });
});

describe('databases seeded before labels existed', () => {
  it('get the labels of the seeded dimensions from the migration, and codes as labels where it has none', async () => {
    const db = dbs.bySubgraph.procedures!;
    const migration = new ProceduresDimensionValueLabels1764400007001();
    const runner = db.createQueryRunner();
    try {
      await migration.down(runner);
      await runner.query(`INSERT INTO procedures.dimensions (key, label, description, topic, value_type, allowed_values)
        VALUES ('test_unlabelled', 'Unlabelled', 'A dimension no migration knows.', 'MONITORING', 'ENUM', ARRAY['SOME_CODE'])`);
      await migration.up(runner);
      const rows: { key: string; valueLabels: Record<string, string> }[] =
        await runner.query('SELECT key, value_labels AS "valueLabels" FROM procedures.dimensions ORDER BY key');
      const labels = Object.fromEntries(rows.map((r) => [r.key, r.valueLabels]));
      for (const seed of proceduresSeed.dimensions) expect(labels[seed.key], seed.key).toEqual(seed.valueLabels ?? {});
      expect(labels.test_unlabelled).toEqual({ SOME_CODE: 'SOME_CODE' });
      await expect(runner.query(`UPDATE procedures.dimensions SET value_labels = '{}' WHERE key = 'monitoring_scope'`)).rejects.toThrow(/value_labels_check/);
    } finally {
      await runner.query(`DELETE FROM procedures.dimensions WHERE key = 'test_unlabelled'`);
      await runner.release();
    }
  });
});
