import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { ANONYMOUS, canSee } from '../lib/access.ts';
import type { Viewer, Visibility } from '../lib/access.ts';
import type { Databases } from '../scripts/platform.ts';
import { proceduresSeed } from '../seeds/procedures.ts';
import { legalSubgraph } from '../subgraphs/legal/index.ts';
import { proceduresSubgraph } from '../subgraphs/procedures/index.ts';
import { trainingSubgraph } from '../subgraphs/training/index.ts';
import { workshopsSubgraph } from '../subgraphs/workshops/index.ts';
import { freshDatabases, viewerOf } from './support/platform.ts';
import { subgraphClient } from './support/subgraph.ts';

// The searchable projections (<schema>.search_documents) the search indexer reads, checked against the seeded data and
// against what each owning subgraph itself shows to readers.

interface Row {
  doc_type: string;
  doc_id: string;
  parent_type: string | null;
  parent_id: string | null;
  title: string;
  body: string;
  language: string;
  visibility: Visibility;
  restricted_to: string[];
  jurisdiction: string | null;
  topics: string[];
  updated_at: Date;
}

const SCHEMAS = ['procedures', 'legal', 'training', 'workshops'] as const;
type Schema = (typeof SCHEMAS)[number];

const CONTRACT: [string, string][] = [
  ['doc_type', 'text'], ['doc_id', 'text'], ['parent_type', 'text'], ['parent_id', 'text'], ['title', 'text'], ['body', 'text'],
  ['language', 'text'], ['visibility', 'text'], ['restricted_to', 'ARRAY'], ['jurisdiction', 'text'], ['topics', 'ARRAY'],
  ['updated_at', 'timestamp with time zone'],
];

const LOOKUP = (schema: Schema) => `SELECT * FROM ${schema}.search_documents
  WHERE (doc_type = $1 AND doc_id = ANY($2)) OR (parent_type = $1 AND parent_id = ANY($2)) ORDER BY doc_type, doc_id`;

let dbs: Databases;
const db = (schema: Schema): DataSource => dbs.bySubgraph[schema]!;
const rowsOf = (schema: Schema): Promise<Row[]> => db(schema).query(`SELECT * FROM ${schema}.search_documents ORDER BY doc_type, doc_id`);
const lookup = (schema: Schema, type: string, ids: string[]): Promise<Row[]> => db(schema).query(LOOKUP(schema), [type, ids]);
const one = async (schema: Schema, type: string, id: string): Promise<Row | undefined> =>
  (await lookup(schema, type, [id])).find((r) => r.doc_type === type && r.doc_id === id);

const viewers: Record<string, Viewer> = { anonymous: ANONYMOUS };
const VIEWER_IDS = ['demo-practitioner-es', 'demo-manager-es', 'demo-practitioner-de', 'demo-manager-de', 'demo-trainer', 'demo-partner', 'demo-admin'];

let clients: {
  procedures: Awaited<ReturnType<typeof subgraphClient>>;
  legal: Awaited<ReturnType<typeof subgraphClient>>;
  training: Awaited<ReturnType<typeof subgraphClient>>;
  workshops: Awaited<ReturnType<typeof subgraphClient>>;
};

beforeAll(async () => {
  dbs = await freshDatabases({ seeded: true });
  clients = {
    procedures: await subgraphClient(proceduresSubgraph, db('procedures')),
    legal: await subgraphClient(legalSubgraph, db('legal')),
    training: await subgraphClient(trainingSubgraph, db('training')),
    workshops: await subgraphClient(workshopsSubgraph, db('workshops')),
  };
  for (const id of VIEWER_IDS) viewers[id] = await viewerOf(dbs, id);
});
afterAll(async () => {
  await Promise.all(Object.values(clients ?? {}).map((c) => c.stop()));
  await dbs?.close();
});

async function run<T = any>(client: keyof typeof clients, who: string, query: string, variables: Record<string, unknown> = {}) {
  const r = await clients[client].run<T>(viewers[who]!, query, variables);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

const seedProc = (id: string) => proceduresSeed.procedures.find((p) => p.id === id)!;

describe('the contract', () => {
  it.each(SCHEMAS)('%s.search_documents has exactly the contract columns and types', async (schema) => {
    const columns = await db(schema).query(
      `SELECT column_name, data_type, udt_name FROM information_schema.columns
       WHERE table_schema = $1 AND table_name = 'search_documents' ORDER BY ordinal_position`, [schema]);
    expect(columns.map((c: any) => [c.column_name, c.data_type])).toEqual(CONTRACT);
    for (const c of columns.filter((c: any) => c.data_type === 'ARRAY')) expect(c.udt_name, c.column_name).toBe('_text');
  });

  it.each(SCHEMAS)('%s.search_documents returns well-formed rows', async (schema) => {
    const rows = await rowsOf(schema);
    expect(rows.length).toBeGreaterThan(3);
    const keys = new Set<string>();
    for (const r of rows) {
      const key = `${r.doc_type}:${r.doc_id}`;
      expect(keys.has(key), key).toBe(false);
      keys.add(key);
      expect(r.title.trim().length, key).toBeGreaterThan(0);
      expect(r.body.trim().length, key).toBeGreaterThan(0);
      expect(r.language, key).toMatch(/^[a-z]{2}$/);
      expect(['PUBLIC', 'MEMBERS', 'LEA', 'MANAGEMENT'], key).toContain(r.visibility);
      expect(Array.isArray(r.restricted_to), key).toBe(true);
      expect(Array.isArray(r.topics), key).toBe(true);
      for (const t of r.topics) expect(['COMMUNICATION', 'MONITORING', 'INVESTIGATION'], key).toContain(t);
      expect(r.updated_at, key).toBeInstanceOf(Date);
      expect((r.parent_type === null) === (r.parent_id === null), key).toBe(true);
    }
  });

  it('keys documents by the GraphQL type names and ids of their owners', async () => {
    const types = async (schema: Schema) =>
      (await db(schema).query(`SELECT DISTINCT doc_type FROM ${schema}.search_documents ORDER BY 1`)).map((r: any) => r.doc_type);
    expect(await types('procedures')).toEqual(['Procedure']);
    expect(await types('legal')).toEqual(['LegalFramework', 'LegalProvision']);
    expect(await types('training')).toEqual(['Curriculum']);
    expect(await types('workshops')).toEqual(['Recommendation', 'SwotItem', 'Workshop']);
  });
});

describe('procedures', () => {
  it('shows each published procedure once, with its published version', async () => {
    const rows = await rowsOf('procedures');
    expect(rows.map((r) => r.doc_id).sort()).toEqual(proceduresSeed.procedures.map((p) => p.id).sort());
    for (const p of proceduresSeed.procedures) {
      const inForce = p.versions.find((v) => v.status === 'IN_FORCE')!;
      const row = rows.find((r) => r.doc_id === p.id)!;
      expect(row.title, p.id).toBe(inForce.title);
      expect(row.body, p.id).toContain(inForce.summary);
      expect(row.body, p.id).toContain(inForce.steps[0]!.action);
      expect(row.language, p.id).toBe(p.language);
      expect(row.jurisdiction, p.id).toBe(p.jurisdiction);
      expect(row.topics, p.id).toEqual([p.topic]);
      expect(row.parent_type, p.id).toBeNull();
      expect(row.parent_id, p.id).toBeNull();
    }
    // Markdown headings are plain text.
    expect(rows.every((r) => !/^#/m.test(r.body))).toBe(true);
  });

  it('keeps fields stricter than the procedure out of the text', async () => {
    const seed = seedProc('proc-es-ct-monitoring');
    const inForce = seed.versions.find((v) => v.status === 'IN_FORCE')!;
    expect(inForce.operationalNotes).toBeTruthy();
    const row = (await one('procedures', 'Procedure', seed.id))!;
    expect(row.body).not.toContain(inForce.operationalNotes!);
    for (const tool of inForce.resourcing?.tooling ?? []) expect(row.body).not.toContain(tool);
  });

  it('shows the published version of a procedure with a newer draft (seeded)', async () => {
    const seed = seedProc('proc-de-by-communication');
    const [published, draft] = seed.versions;
    expect(draft!.status).toBe('DRAFT');
    const row = (await one('procedures', 'Procedure', seed.id))!;
    expect(row.title).toBe(published!.title);
    expect(row.body).toContain(published!.summary);
    expect(row.body).not.toContain(draft!.summary);
  });

  it('carries the MANAGEMENT visibility and the ES-CT restriction of the seeded procedures', async () => {
    expect(await one('procedures', 'Procedure', 'proc-es-ct-investigation')).toMatchObject({ visibility: 'MANAGEMENT', restricted_to: [] });
    expect(await one('procedures', 'Procedure', 'proc-es-ct-communication')).toMatchObject({ visibility: 'LEA', restricted_to: ['ES-CT'] });
    expect(await one('procedures', 'Procedure', 'proc-es-communication')).toMatchObject({ visibility: 'PUBLIC', restricted_to: [] });
  });
});

describe('legal', () => {
  it('carries frameworks as the parent of their provisions, at their current text', async () => {
    const rows = await rowsOf('legal');
    const provisions = rows.filter((r) => r.doc_type === 'LegalProvision');
    const [{ n }] = await db('legal').query('SELECT count(*)::int AS n FROM legal.provisions');
    expect(provisions).toHaveLength(n);
    const [{ framework_id: frameworkId }] = await db('legal').query(`SELECT framework_id FROM legal.provisions WHERE id = 'gb-dpa-2018-s-62'`);
    const s62 = provisions.find((r) => r.doc_id === 'gb-dpa-2018-s-62')!;
    expect(s62).toMatchObject({ parent_type: 'LegalFramework', parent_id: frameworkId, jurisdiction: 'GB', language: 'en' });
    // Two versions: the one in force today (the newest, since 2025-03-01) is the text readers see.
    const [current] = await db('legal').query(
      `SELECT heading, text FROM legal.provision_versions WHERE provision_id = 'gb-dpa-2018-s-62' ORDER BY version DESC LIMIT 1`);
    expect(s62.body).toContain(current.text);
    expect(s62.title).toContain(current.heading);
    for (const p of provisions) expect(rows.some((f) => f.doc_type === 'LegalFramework' && f.doc_id === p.parent_id), p.doc_id).toBe(true);

    const children = await lookup('legal', 'LegalFramework', [frameworkId]);
    expect(children.map((r) => r.doc_type).sort()).toEqual(['LegalFramework', ...Array(children.length - 1).fill('LegalProvision')]);
  });

  it('guards a provision with its own guard and its framework\'s', async () => {
    expect(await one('legal', 'LegalProvision', 'es-ct-osint-guideline-2024-s-3'))
      .toMatchObject({ visibility: 'LEA', restricted_to: ['ES'], jurisdiction: 'ES-CT', parent_id: 'es-ct-osint-guideline-2024' });
    expect(await one('legal', 'LegalFramework', 'es-ct-osint-guideline-2024')).toMatchObject({ visibility: 'LEA', restricted_to: ['ES'] });
    expect(await one('legal', 'LegalProvision', 'de-by-covert-accounts-guideline-s-2')).toMatchObject({ visibility: 'MANAGEMENT' });
    // A PUBLIC provision of a stricter framework is as strict as its framework.
    await db('legal').query(`UPDATE legal.provisions SET visibility = 'PUBLIC' WHERE id = 'eu-dsa-art18-practice-note-p-1'`);
    expect(await one('legal', 'LegalProvision', 'eu-dsa-art18-practice-note-p-1')).toMatchObject({ visibility: 'MEMBERS' });
    await db('legal').query(`UPDATE legal.provisions SET visibility = 'MEMBERS' WHERE id = 'eu-dsa-art18-practice-note-p-1'`);
  });

  it('combines two jurisdiction restrictions into the one a viewer must pass for both', async () => {
    const combine = async (framework: string[], provision: string[]) =>
      (await db('legal').query('SELECT legal.search_restriction($1::text[], $2::text[]) AS r', [framework, provision]))[0].r;
    expect(await combine([], [])).toEqual([]);
    expect(await combine(['ES'], [])).toEqual(['ES']);
    expect(await combine([], ['DE', 'FR'])).toEqual(['DE', 'FR']);
    expect(await combine(['ES'], ['ES'])).toEqual(['ES']);
    expect(await combine(['ES'], ['ES-CT', 'DE'])).toEqual(['ES-CT']);
    expect(await combine(['ES-CT-BCN', 'FR'], ['ES'])).toEqual(['ES-CT-BCN']);
    expect(await combine(['EU'], ['DE-BY', 'GB'])).toEqual(['DE-BY']);
    expect(await combine(['GB'], ['FR'])).toBeNull();
  });
});

describe('training', () => {
  it('shows every curriculum with its language, topics and module titles', async () => {
    const rows = await rowsOf('training');
    const curricula = await db('training').query('SELECT id, title, language, topics, visibility, restricted_to FROM training.curricula ORDER BY id');
    expect(rows.map((r) => r.doc_id).sort()).toEqual(curricula.map((c: any) => c.id).sort());
    for (const c of curricula) {
      expect(rows.find((r) => r.doc_id === c.id), c.id).toMatchObject({
        doc_type: 'Curriculum', title: c.title, language: c.language, topics: c.topics, visibility: c.visibility,
        restricted_to: c.restricted_to, parent_type: null, parent_id: null,
      });
    }
    expect(rows.find((r) => r.doc_id === 'cur-hate-speech')!.language).toBe('de');
    expect(rows.find((r) => r.doc_id === 'cur-citizen-engagement')!.language).toBe('ca');
    const [module] = await db('training').query(`SELECT title FROM training.modules WHERE curriculum_id = 'cur-osint-basics' ORDER BY position LIMIT 1`);
    expect(rows.find((r) => r.doc_id === 'cur-osint-basics')!.body).toContain(module.title);
  });
});

describe('workshops', () => {
  it('gives SWOT items and recommendations their workshop as parent, visibility and restriction', async () => {
    const rows = await rowsOf('workshops');
    const ws = new Map(rows.filter((r) => r.doc_type === 'Workshop').map((r) => [r.doc_id, r]));
    expect(ws.get('ws-ber-osint-limits')).toMatchObject({ visibility: 'LEA', restricted_to: ['DE'], jurisdiction: 'DE-BE' });
    expect(ws.get('ws-hag-leadership')).toMatchObject({ visibility: 'MANAGEMENT', restricted_to: [] });
    const children = rows.filter((r) => r.doc_type !== 'Workshop');
    const [{ n }] = await db('workshops').query(
      'SELECT (SELECT count(*) FROM workshops.swot_items) + (SELECT count(*) FROM workshops.recommendations) AS n');
    expect(children).toHaveLength(Number(n));
    for (const c of children) {
      const w = ws.get(c.parent_id!)!;
      expect(c.parent_type, c.doc_id).toBe('Workshop');
      expect(w, c.doc_id).toBeDefined();
      expect({ visibility: c.visibility, restricted_to: c.restricted_to }, c.doc_id).toEqual({ visibility: w.visibility, restricted_to: w.restricted_to });
    }
    expect(rows.find((r) => r.doc_id === 'swot-ber-01')).toMatchObject({
      doc_type: 'SwotItem', parent_id: 'ws-ber-osint-limits', visibility: 'LEA', restricted_to: ['DE'] });
    expect(rows.find((r) => r.doc_id === 'rec-hag-01')).toMatchObject({
      doc_type: 'Recommendation', parent_id: 'ws-hag-leadership', visibility: 'MANAGEMENT' });
  });

  it('returns a workshop and its children for a lookup by the workshop', async () => {
    const found = await lookup('workshops', 'Workshop', ['ws-bcn-everyday-security']);
    const count = (type: string) => found.filter((r) => r.doc_type === type).length;
    expect(count('Workshop')).toBe(1);
    expect(count('SwotItem')).toBe(20);
    expect(count('Recommendation')).toBe(7);
    expect(found.filter((r) => r.doc_type !== 'Workshop').every((r) => r.parent_id === 'ws-bcn-everyday-security')).toBe(true);
    expect(await lookup('workshops', 'SwotItem', ['swot-bcn-01'])).toMatchObject([{ doc_id: 'swot-bcn-01', parent_id: 'ws-bcn-everyday-security' }]);
  });

  it('puts key messages into the workshop text', async () => {
    const [k] = await db('workshops').query(`SELECT text FROM workshops.key_messages WHERE workshop_id = 'ws-bcn-everyday-security' LIMIT 1`);
    expect((await one('workshops', 'Workshop', 'ws-bcn-everyday-security'))!.body).toContain(k.text);
  });
});

describe('lookups', () => {
  // With sequential scans priced out, a scan of a base table means an id predicate did not reach its index.
  const CASES: [Schema, string, string[], string[]][] = [
    ['procedures', 'Procedure', ['proc-es-communication'], ['procedures', 'procedure_versions']],
    ['legal', 'LegalFramework', ['es-lo-7-2021'], ['frameworks', 'provisions', 'provision_versions']],
    ['legal', 'LegalProvision', ['es-lo-7-2021-led'], ['frameworks', 'provisions', 'provision_versions']],
    ['training', 'Curriculum', ['cur-osint-basics'], ['curricula', 'modules']],
    ['workshops', 'Workshop', ['ws-bcn-everyday-security'], ['workshops', 'swot_items', 'recommendations', 'key_messages']],
    ['workshops', 'SwotItem', ['swot-bcn-01', 'swot-dub-01'], ['workshops', 'swot_items', 'recommendations', 'key_messages']],
    ['workshops', 'Recommendation', ['rec-bcn-01'], ['workshops', 'swot_items', 'recommendations', 'key_messages']],
  ];
  it.each(CASES)('%s: a lookup by %s id reaches the indexes (custom and generic plans)', async (schema, type, ids, tables) => {
    const runner = db(schema).createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query('SET LOCAL enable_seqscan = off');
      await runner.query(`PREPARE search_lookup(text, text[]) AS ${LOOKUP(schema)}`);
      for (const mode of ['force_custom_plan', 'force_generic_plan']) {
        await runner.query(`SET LOCAL plan_cache_mode = ${mode}`);
        // EXECUTE takes no bind parameters; the test's ids are plain slugs.
        const [{ 'QUERY PLAN': plan }] = await runner.query(
          `EXPLAIN (FORMAT JSON) EXECUTE search_lookup('${type}', ARRAY[${ids.map((id) => `'${id}'`).join(', ')}]::text[])`);
        const scans: string[] = [];
        const walk = (node: any) => {
          if (node['Node Type'] === 'Seq Scan') scans.push(node['Relation Name']);
          for (const child of node.Plans ?? []) walk(child);
        };
        walk(plan[0].Plan);
        expect(scans.filter((t) => tables.includes(t)), mode).toEqual([]);
      }
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.query('DEALLOCATE ALL');
      await runner.release();
    }
  });
});

describe('agreement with the owners\' read paths', () => {
  /** The view's rows a viewer may see, by the one rule. */
  const visibleIn = (rows: Row[], v: Viewer, type: string) =>
    rows.filter((r) => r.doc_type === type && canSee(v, { visibility: r.visibility, restrictedTo: r.restricted_to })).map((r) => r.doc_id).sort();
  const viewerNames = () => Object.keys(viewers);

  it('shows each viewer the same procedures as the procedures subgraph (published ones)', async () => {
    const rows = await rowsOf('procedures');
    for (const who of viewerNames()) {
      const data = await run('procedures', who, '{ procedures(first: 100) { nodes { id status } } }');
      // Editors also read their agency's drafts; a procedure is searchable only with a version in force.
      const ids = data.procedures.nodes.filter((n: any) => n.status !== 'WITHDRAWN').map((n: any) => n.id).sort();
      expect(visibleIn(rows, viewers[who]!, 'Procedure'), who).toEqual(ids);
    }
  });

  it('shows each viewer the same frameworks and provisions as the legal subgraph', async () => {
    const rows = await rowsOf('legal');
    for (const who of viewerNames()) {
      const data = await run('legal', who, '{ legalFrameworks(first: 100) { totalCount nodes { id provisions { id heading } } } }');
      expect(data.legalFrameworks.totalCount).toBeLessThanOrEqual(100);
      const nodes = data.legalFrameworks.nodes;
      expect(visibleIn(rows, viewers[who]!, 'LegalFramework'), who).toEqual(nodes.map((n: any) => n.id).sort());
      const provisions = nodes.flatMap((n: any) => n.provisions);
      expect(visibleIn(rows, viewers[who]!, 'LegalProvision'), who).toEqual(provisions.map((p: any) => p.id).sort());
      for (const p of provisions) expect(rows.find((r) => r.doc_id === p.id)!.title, p.id).toContain(p.heading);
    }
  });

  it('shows each viewer the same curricula as the training subgraph', async () => {
    const rows = await rowsOf('training');
    for (const who of viewerNames()) {
      const data = await run('training', who, '{ curricula(first: 100) { nodes { id } } }');
      expect(visibleIn(rows, viewers[who]!, 'Curriculum'), who).toEqual(data.curricula.nodes.map((n: any) => n.id).sort());
    }
  });

  it('shows each viewer the same workshops, SWOT items and recommendations as the workshops subgraph', async () => {
    const rows = await rowsOf('workshops');
    for (const who of viewerNames()) {
      const data = await run('workshops', who, '{ workshops(first: 100) { nodes { id swotItems { id } recommendations { id } } } }');
      const nodes = data.workshops.nodes;
      expect(visibleIn(rows, viewers[who]!, 'Workshop'), who).toEqual(nodes.map((n: any) => n.id).sort());
      expect(visibleIn(rows, viewers[who]!, 'SwotItem'), who).toEqual(nodes.flatMap((n: any) => n.swotItems.map((s: any) => s.id)).sort());
      expect(visibleIn(rows, viewers[who]!, 'Recommendation'), who)
        .toEqual(nodes.flatMap((n: any) => n.recommendations.map((s: any) => s.id)).sort());
    }
  });
});

// Last: these writes change what the other suites above compare.
describe('procedures after writes through the subgraph', () => {
  it('leaves out a draft-only procedure, shows a new draft only once published, and drops a withdrawn procedure', async () => {
    const created = await run('procedures', 'demo-manager-es', `mutation($input: CreateProcedureInput!) {
      createProcedure(input: $input) { id status } }`, {
      input: {
        topic: 'COMMUNICATION', title: 'Draft-only procedure for search', summary: 'Never published, never searchable.',
        body: '## Purpose\n\nA draft.', language: 'en', visibility: 'PUBLIC',
      },
    });
    const id = created.createProcedure.id as string;
    expect(created.createProcedure.status).toBe('DRAFT');
    expect(await lookup('procedures', 'Procedure', [id])).toEqual([]);

    // A newer draft of a procedure in force: the row keeps the published title until the draft is published.
    const target = 'proc-es-ct-communication';
    const publishedTitle = seedProc(target).versions[0]!.title;
    await run('procedures', 'demo-manager-es', `mutation { updateProcedure(id: "${target}", expectedVersion: 1,
      input: { title: "Renamed in a draft", changeNote: "rename" }) { version status } }`);
    expect((await one('procedures', 'Procedure', target))!.title).toBe(publishedTitle);
    const before = (await one('procedures', 'Procedure', target))!.updated_at;
    await run('procedures', 'demo-manager-es', `mutation { publishProcedure(id: "${target}", expectedVersion: 2) { version status } }`);
    const republished = (await one('procedures', 'Procedure', target))!;
    expect(republished.title).toBe('Renamed in a draft');
    expect(republished.updated_at.getTime()).toBeGreaterThan(before.getTime());

    // Withdrawing through the subgraph's own write path removes the row.
    expect(await one('procedures', 'Procedure', 'proc-es-ct-monitoring')).toBeDefined();
    const withdrawn = await run('procedures', 'demo-manager-es', `mutation {
      withdrawProcedure(id: "proc-es-ct-monitoring", reason: "Replaced by a regional plan") { status } }`);
    expect(withdrawn.withdrawProcedure.status).toBe('WITHDRAWN');
    expect(await lookup('procedures', 'Procedure', ['proc-es-ct-monitoring'])).toEqual([]);
  });
});
