import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

// Links from one subgraph's entity to another's (Procedure.legalBasis, Curriculum.relatedProcedures and
// relatedLegalFrameworks, Recommendation.implementedBy): a target the viewer may not see must show no trace of its id,
// whatever the client selects, and a visible one must resolve as its owner answers it.

let platform: TestPlatform;

// Targets of every visibility, seeded: PUBLIC, MEMBERS, LEA restricted to ES-CT (or ES), MANAGEMENT (DE-BY for the legal ones).
const PROVISIONS = ['eu-2016-680-art-4', 'eu-dsa-art18-practice-note-p-1', 'es-ct-osint-guideline-2024-s-3', 'de-by-covert-accounts-guideline-s-2'];
const PROCEDURES = ['proc-es-communication', 'proc-fr-monitoring', 'proc-es-ct-communication', 'proc-es-ct-investigation'];
const FRAMEWORKS = ['eu-2016-680', 'eu-dsa-art18-practice-note', 'es-ct-osint-guideline-2024', 'de-by-covert-accounts-guideline'];
const SEEDED_CURRICULA = ['cur-citizen-engagement', 'cur-osint-basics'];
const VIEWERS = [null, 'demo-partner', 'demo-practitioner-es', 'demo-manager-es', 'demo-practitioner-de', 'demo-manager-de', 'demo-admin'] as const;
type Who = (typeof VIEWERS)[number];
const label = (who: Who) => who ?? 'anonymous';

/** Created through the API in beforeAll: a PUBLIC procedure citing PROVISIONS, a PUBLIC curriculum, a PUBLIC recommendation. */
const made = { procedure: '', curriculum: '', recommendation: '' };
let curricula: string[] = [];

async function ok<T = any>(query: string, variables: Record<string, unknown>, as: string | null): Promise<T> {
  const r = await platform.query<T>(query, variables, as);
  expect(r.errors, `${query}: ${JSON.stringify(r.errors)}`).toBeUndefined();
  return r.data as T;
}

beforeAll(async () => {
  platform = await startTestPlatform({ seeded: true });
  const procedure = await ok(`mutation($input: CreateProcedureInput!) { createProcedure(input: $input) { id version } }`, {
    input: {
      topic: 'COMMUNICATION', title: 'Public statements after an incident', summary: 'How a unit answers the public online.',
      body: '## Purpose\nAnswer the public quickly.', language: 'en', visibility: 'PUBLIC', legalBasis: PROVISIONS,
    },
  }, 'demo-manager-es');
  made.procedure = procedure.createProcedure.id;
  await ok(`mutation($id: ID!) { publishProcedure(id: $id, expectedVersion: 1) { status } }`, { id: made.procedure }, 'demo-manager-es');
  // A curriculum cites only what its author may see: a Catalan manager who trains sees every target.
  const trainer = await ok(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`, {
    input: { id: 'links-trainer', displayName: 'Links Trainer', email: 'links.trainer@demo.ispc.example', agency: 'es-ct-ispc', tier: 'MANAGER', roles: ['TRAINER'] },
  }, 'demo-admin');
  const curriculum = await ok(`mutation($input: CreateCurriculumInput!) { createCurriculum(input: $input) { id } }`, {
    input: {
      title: 'Open sources and the law', summary: 'What the procedures and the law say about open sources.', audience: 'ALL',
      topics: ['MONITORING'], language: 'en', estimatedHours: 2, visibility: 'PUBLIC', validityMonths: 24,
      relatedProcedures: PROCEDURES, relatedLegalFrameworks: FRAMEWORKS,
    },
  }, trainer.inviteMember.id);
  made.curriculum = curriculum.createCurriculum.id;
  curricula = [made.curriculum, ...SEEDED_CURRICULA];
  const recommendation = await ok(`mutation { addRecommendation(workshop: "ws-dub-online-hate", input: {
      statement: "Link practice to the law.", rationale: "Readers follow the links.", addressees: [LEAS], priority: MEDIUM }) { id } }`,
  {}, 'demo-admin');
  made.recommendation = recommendation.addRecommendation.id;
  const targets = [
    ...PROCEDURES.map((id) => ({ type: 'PROCEDURE', id })),
    ...FRAMEWORKS.map((id) => ({ type: 'LEGAL_FRAMEWORK', id })),
    ...curricula.map((id) => ({ type: 'CURRICULUM', id })),
  ];
  // A link is stored only to a target its writer sees, and no writer sees the targets of every jurisdiction: each is
  // linked by the first administrator who sees it (the platform's, a Catalan manager's, a Bavarian manager's).
  const writers = ['demo-admin'];
  for (const [id, agency] of [['links-admin-es', 'es-ct-mossos'], ['links-admin-de', 'de-by-polizei']]) {
    writers.push((await ok(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`, {
      input: { id, displayName: id, email: `${id}@demo.example`, agency, tier: 'MANAGER', roles: ['ADMIN'] } }, 'demo-admin')).inviteMember.id);
  }
  for (const t of targets) {
    const linkedBy: string[] = [];
    for (const writer of writers) {
      const r = await ok(`mutation($id: ID!, $t: RecommendationLinkInput!) { linkRecommendation(id: $id, target: $t) {
          implementedBy { procedure { id } legalFramework { id } curriculum { id } } } }`, { id: made.recommendation, t }, writer);
      if (r.linkRecommendation.implementedBy.some((l: any) => (l.procedure ?? l.legalFramework ?? l.curriculum)?.id === t.id)) {
        linkedBy.push(writer);
        break;
      }
    }
    expect(linkedBy, `${t.type} ${t.id} linked`).toHaveLength(1);
  }
});
afterAll(async () => {
  await platform?.stop();
});

interface LinkKind {
  name: string;
  typename: string;
  /** The owner's root field reading one target by id. */
  owner: string;
  /** A field of the target beyond its key. */
  field: string;
  targets(): string[];
  /** The query reading the link with `selection` on each target. */
  query(selection: string): string;
  /** The targets as the response lists them. */
  pick(data: any): any[];
}

const linksOfType = (type: string, field: string) => (data: any) =>
  data.recommendation.implementedBy.filter((l: any) => l.type === type).map((l: any) => l[field]);

const KINDS: LinkKind[] = [
  {
    name: 'Procedure.legalBasis', typename: 'LegalProvision', owner: 'legalProvision', field: 'heading', targets: () => PROVISIONS,
    query: (s) => `{ procedure(id: "${made.procedure}") { id legalBasis { ${s} } } }`,
    pick: (d) => d.procedure.legalBasis,
  },
  {
    name: 'Curriculum.relatedProcedures', typename: 'Procedure', owner: 'procedure', field: 'title', targets: () => PROCEDURES,
    query: (s) => `{ curriculum(id: "${made.curriculum}") { id relatedProcedures { ${s} } } }`,
    pick: (d) => d.curriculum.relatedProcedures,
  },
  {
    name: 'Curriculum.relatedLegalFrameworks', typename: 'LegalFramework', owner: 'legalFramework', field: 'title', targets: () => FRAMEWORKS,
    query: (s) => `{ curriculum(id: "${made.curriculum}") { id relatedLegalFrameworks { ${s} } } }`,
    pick: (d) => d.curriculum.relatedLegalFrameworks,
  },
  {
    name: 'RecommendationLink.procedure', typename: 'Procedure', owner: 'procedure', field: 'title', targets: () => PROCEDURES,
    query: (s) => `{ recommendation(id: "${made.recommendation}") { id implementedBy { type procedure { ${s} } } } }`,
    pick: linksOfType('PROCEDURE', 'procedure'),
  },
  {
    name: 'RecommendationLink.legalFramework', typename: 'LegalFramework', owner: 'legalFramework', field: 'title', targets: () => FRAMEWORKS,
    query: (s) => `{ recommendation(id: "${made.recommendation}") { id implementedBy { type legalFramework { ${s} } } } }`,
    pick: linksOfType('LEGAL_FRAMEWORK', 'legalFramework'),
  },
  {
    name: 'RecommendationLink.curriculum', typename: 'Curriculum', owner: 'curriculum', field: 'title', targets: () => curricula,
    query: (s) => `{ recommendation(id: "${made.recommendation}") { id implementedBy { type curriculum { ${s} } } } }`,
    pick: linksOfType('CURRICULUM', 'curriculum'),
  },
];

/** Selections a client might use to read a target's id without asking for anything else. */
const selections = (k: LinkKind) => [
  { sel: 'id', ids: (t: any) => t.id },
  { sel: `id ${k.field}`, ids: (t: any) => t.id },
  { sel: '__typename', ids: null },
  { sel: 'a: id b: id', ids: (t: any) => t.a },
  { sel: 'kind: __typename', ids: null },
  { sel: `... on ${k.typename} { id }`, ids: (t: any) => t.id },
  { sel: `__typename ... on ${k.typename} { key: id }`, ids: (t: any) => t.key },
];

/** What each target's owner answers this viewer when asked directly: its id and field, or null when hidden. */
async function ownerAnswers(k: LinkKind, who: Who): Promise<Map<string, Record<string, string> | null>> {
  const ids = k.targets();
  const data = await ok(`{ ${ids.map((id, i) => `t${i}: ${k.owner}(id: "${id}") { id ${k.field} }`).join(' ')} }`, {}, who);
  return new Map(ids.map((id, i) => [id, data[`t${i}`]]));
}

const quoted = (id: string) => `"${id}"`;

describe('links to other subgraphs\' entities through the gateway', () => {
  it('covers hidden and visible targets of every kind (the data below means something)', async () => {
    const hiddenFrom = async (k: LinkKind, who: Who) => [...(await ownerAnswers(k, who))].filter(([, a]) => a === null).map(([id]) => id);
    const [legalBasis, procedures, frameworks, , , linkedCurricula] = KINDS;
    expect(await hiddenFrom(legalBasis!, 'demo-partner')).toEqual(['es-ct-osint-guideline-2024-s-3', 'de-by-covert-accounts-guideline-s-2']);
    expect(await hiddenFrom(legalBasis!, 'demo-manager-de')).toEqual(['es-ct-osint-guideline-2024-s-3']);
    expect(await hiddenFrom(procedures!, 'demo-practitioner-es')).toEqual(['proc-es-ct-investigation']);
    expect(await hiddenFrom(procedures!, 'demo-manager-es')).toEqual([]);
    expect(await hiddenFrom(procedures!, 'demo-practitioner-de')).toEqual(['proc-es-ct-communication', 'proc-es-ct-investigation']);
    expect(await hiddenFrom(frameworks!, null)).toEqual(FRAMEWORKS.slice(1));
    expect(await hiddenFrom(frameworks!, 'demo-partner')).toEqual(['es-ct-osint-guideline-2024', 'de-by-covert-accounts-guideline']);
    expect(await hiddenFrom(linkedCurricula!, 'demo-partner')).toEqual(['cur-osint-basics']);
    expect(await hiddenFrom(linkedCurricula!, null)).toEqual(SEEDED_CURRICULA);
  });

  for (const k of KINDS) {
    it(`${k.name}: lists exactly the targets the owner shows the viewer, by any selection`, async () => {
      for (const who of VIEWERS) {
        const answers = await ownerAnswers(k, who);
        const visible = k.targets().filter((id) => answers.get(id) !== null);
        const hidden = k.targets().filter((id) => answers.get(id) === null);
        await Promise.all(selections(k).map(async ({ sel, ids }) => {
          const where = `${k.name} { ${sel} } as ${label(who)}`;
          const r = await platform.query<any>(k.query(sel), {}, who);
          expect(r.errors, `${where}: ${JSON.stringify(r.errors)}`).toBeUndefined();
          const text = JSON.stringify(r);
          for (const id of hidden) expect(text, where).not.toContain(quoted(id));
          const listed = k.pick(r.data);
          // No placeholder for a hidden target: the list holds the visible ones only.
          expect(listed, where).toHaveLength(visible.length);
          if (ids) expect(listed.map(ids).sort(), where).toEqual([...visible].sort());
          else expect(listed.map((t: any) => t.__typename ?? t.kind), where).toEqual(visible.map(() => k.typename));
          if (sel.includes(k.field)) {
            for (const t of listed) expect(t[k.field], where).toBe(answers.get(t.id)![k.field]);
          }
        }));
      }
    });
  }

  it('keeps the order of the ids given (legal bases, related items) and the link order (recommendations)', async () => {
    const who = 'demo-practitioner-es';
    const shown = async (k: LinkKind) => {
      const answers = await ownerAnswers(k, who);
      return k.targets().filter((id) => answers.get(id) !== null);
    };
    const [legalBasis, procedures, frameworks, linkedProcedures, linkedFrameworks, linkedCurricula] = KINDS as [LinkKind, LinkKind, LinkKind, LinkKind, LinkKind, LinkKind];
    const r = await ok(`{ procedure(id: "${made.procedure}") { legalBasis { id } } curriculum(id: "${made.curriculum}") {
      relatedProcedures { id } relatedLegalFrameworks { id } } }`, {}, who);
    expect(r.procedure.legalBasis.map((p: any) => p.id)).toEqual(await shown(legalBasis));
    expect(r.curriculum.relatedProcedures.map((p: any) => p.id)).toEqual(await shown(procedures));
    expect(r.curriculum.relatedLegalFrameworks.map((f: any) => f.id)).toEqual(await shown(frameworks));
    const links = await ok(`{ recommendation(id: "${made.recommendation}") { implementedBy { type linkedAt
      procedure { id } legalFramework { id } curriculum { id } } } }`, {}, who);
    const listed = links.recommendation.implementedBy;
    const at = listed.map((l: any) => l.linkedAt);
    expect(at).toEqual([...at].sort());
    expect(listed.map((l: any) => (l.procedure ?? l.legalFramework ?? l.curriculum).id)).toEqual([
      ...await shown(linkedProcedures), ...await shown(linkedFrameworks), ...await shown(linkedCurricula)]);
  });

  it('shows no hidden target on the seeded links either, from any entry point', async () => {
    // rec-bcn-01 links the MANAGEMENT procedure proc-es-ct-investigation; cur-citizen-engagement relates the ES-CT-only
    // proc-es-ct-communication; rec-bcn-03 links LEA curricula a partner may not see.
    const q = `{ recommendation(id: "rec-bcn-01") { implementedBy { procedure { id } } }
      search(query: "shared European knowledge base", filter: { types: [RECOMMENDATION] }) { hits { entity {
        ... on Recommendation { id implementedBy { procedure { id } } } } } }
      recommendations(first: 100) { nodes { id implementedBy { type procedure { id } legalFramework { id } curriculum { id } } } }
      curricula(first: 100) { nodes { id relatedProcedures { id } relatedLegalFrameworks { __typename } } }
      procedures(first: 100) { nodes { id legalBasis { id } } } }`;
    const practitioner = await ok(q, {}, 'demo-practitioner-es');
    expect(practitioner.recommendation.implementedBy.map((l: any) => l.procedure.id).sort()).toEqual(['proc-es-ct-communication', 'proc-es-ct-monitoring']);
    // The same recommendation reached through a search hit.
    const hit = practitioner.search.hits.find((h: any) => h.entity?.id === 'rec-bcn-01');
    expect(hit.entity.implementedBy.map((l: any) => l.procedure.id).sort()).toEqual(['proc-es-ct-communication', 'proc-es-ct-monitoring']);
    expect(JSON.stringify(practitioner)).not.toContain(quoted('proc-es-ct-investigation'));
    const manager = await ok(q, {}, 'demo-manager-es');
    expect(manager.recommendation.implementedBy.map((l: any) => l.procedure.id)).toContain('proc-es-ct-investigation');
    const de = JSON.stringify(await ok(q, {}, 'demo-practitioner-de'));
    for (const id of ['proc-es-ct-communication', 'proc-es-ct-investigation', 'es-ct-osint-guideline-2024']) expect(de).not.toContain(quoted(id));
    const partner = await ok(q, {}, 'demo-partner');
    const text = JSON.stringify(partner);
    for (const id of ['proc-es-ct-communication', 'proc-es-ct-investigation', 'cur-osint-basics', 'cur-monitoring-limits', 'es-ct-osint-guideline-2024']) {
      expect(text).not.toContain(quoted(id));
    }
    expect(partner.curricula.nodes.find((c: any) => c.id === 'cur-citizen-engagement').relatedProcedures.map((p: any) => p.id)).toEqual(['proc-es-communication']);
  });

  it('does not reach a hidden item\'s links through the item itself', async () => {
    const r = await ok(`{ procedure(id: "proc-es-ct-investigation") { legalBasis { id } } curriculum(id: "cur-osint-basics") { relatedProcedures { id } }
      recommendation(id: "rec-ber-01") { implementedBy { procedure { id } } } }`, {}, 'demo-partner');
    expect(r).toEqual({ procedure: null, curriculum: null, recommendation: null });
  });

  it('leaves the legal basis out of a procedure diff\'s field list, and shows each side as the legal subgraph does', async () => {
    const hidden = 'de-by-covert-accounts-guideline-s-2';
    const created = await ok(`mutation($input: CreateProcedureInput!) { createProcedure(input: $input) { id } }`, {
      input: {
        topic: 'MONITORING', title: 'Checking a rumour before answering', summary: 'What a unit checks before it answers online.',
        body: '## Purpose\nCheck first.', language: 'en', visibility: 'PUBLIC', legalBasis: ['eu-2016-680-art-4', hidden],
      },
    }, 'demo-manager-es');
    const id = created.createProcedure.id;
    await ok(`mutation($id: ID!) { publishProcedure(id: $id, expectedVersion: 1) { status } }`, { id }, 'demo-manager-es');
    await ok(`mutation($id: ID!) { updateProcedure(id: $id, expectedVersion: 1, input: { legalBasis: ["eu-2016-680-art-4"] }) { version } }`, { id }, 'demo-manager-es');
    await ok(`mutation($id: ID!) { publishProcedure(id: $id, expectedVersion: 2) { status } }`, { id }, 'demo-manager-es');
    const q = `query($id: ID!) { procedure(id: $id) { diff(from: 1, to: 2) { fields { field before after } left { legalBasis { id } } right { legalBasis { id } } } }
      diffProcedures(left: $id, right: "proc-es-communication") { fields { field before after } } }`;
    for (const who of ['demo-practitioner-es', 'demo-partner', null] as const) {
      const r = await ok(q, { id }, who);
      expect(JSON.stringify(r), label(who)).not.toContain(hidden);
      expect(r.procedure.diff.left.legalBasis.map((p: any) => p.id)).toEqual(['eu-2016-680-art-4']);
    }
    const manager = await ok(q, { id }, 'demo-manager-es');
    expect(manager.procedure.diff.left.legalBasis.map((p: any) => p.id)).toEqual(['eu-2016-680-art-4', hidden]);
    expect(manager.procedure.diff.fields.map((f: any) => f.field)).not.toContain('legalBasis');
  });

  it('keeps the ids handed between subgraphs out of the API', async () => {
    for (const q of [
      `{ procedure(id: "${made.procedure}") { legalBasisIds } }`,
      `{ curriculum(id: "${made.curriculum}") { relatedProcedureIds } }`,
      `{ curriculum(id: "${made.curriculum}") { relatedLegalFrameworkIds } }`,
      `{ recommendation(id: "${made.recommendation}") { procedureLinkIds } }`,
      `{ recommendation(id: "${made.recommendation}") { visibleCurriculumLinkIds } }`,
      `{ _entities(representations: [{ __typename: "Recommendation", id: "${made.recommendation}" }]) { __typename } }`,
    ]) {
      const r = await platform.query(q, {}, 'demo-admin');
      expect(codes(r), q).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(r.data ?? null, q).toBeNull();
      expect(JSON.stringify(r), q).not.toContain('proc-es-ct');
    }
  });
});
