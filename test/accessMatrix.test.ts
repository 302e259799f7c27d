import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { canSee } from '../lib/access.ts';
import type { Guarded, Viewer, Visibility } from '../lib/access.ts';
import { SUBGRAPH_SECRET_HEADER } from '../lib/secret.ts';
import {
  VARIANTS, VIEWER_KINDS, createContribution, createCurriculum, createFixtures, createLegalFramework, createLegalHolders, createLegalProvision,
  createProcedure, createRecommendation, createReferringHolders, createSwotItem, createWorkshop, startRun, theAuthor, uniqueWord,
} from './support/accessFixtures.ts';
import type { Creator, Fixture, Run, Variant, ViewerKind } from './support/accessFixtures.ts';
import { codes, postGraphQL, startTestPlatform, viewerOf } from './support/platform.ts';
import type { GraphQLResponse, TestPlatform } from './support/platform.ts';

// The access matrix: every entity type x visibility x viewer kind x path. Each item is created through the API; the
// expected answer of every cell is canSee(viewer, item) from lib/access.ts, and each cell checks both directions:
// visible -> found with its id; hidden -> absent (null or NOT_FOUND, never FORBIDDEN), not counted, not in search.

// --- the table ----------------------------------------------------------------------------------------------------

interface Args {
  run: Run;
  /** The fixture a per-fixture path is asked about. */
  fixture: Fixture | null;
  /** The signed-in member asking (null: anonymous). */
  member: string | null;
}

interface PathSpec {
  name: string;
  query: string;
  vars?: (a: Args) => Record<string, unknown>;
  /** Where the items are in `data`: a dotted path, `[]` after a list. */
  items: string;
  /** Where the count is: it must equal the visible fixtures (plus what the viewer saw under the filter before the run). */
  total?: string;
  /** The query names one fixture (or its parent): asked per fixture; for a hidden one only NOT_FOUND may be reported. */
  perFixture?: boolean;
  /** A PUBLIC item every viewer must reach for the path to say anything (shared paths). */
  holder?: string;
  /** The path selects the type's tiered fields. */
  fields?: boolean;
  /** The path exists only for signed-in viewers (their own assignments). */
  membersOnly?: boolean;
  /** Count the filter's matches before the fixtures exist (the filter also matches seeded items). */
  baseline?: boolean;
  /** Guards of items the run creates along with other fixtures that the filter also matches: counted where visible. */
  alsoCounted?: (run: Run) => Guarded[];
}

interface TieredField {
  name: string;
  /** How it is selected. */
  selection: string;
  tier: Visibility;
}

interface EntityRow {
  type: string;
  /** The subgraph owning the type: `_entities` goes there with the gateway's secret. */
  owner: string;
  /** How an item of a visibility is created through the API (see test/support/accessFixtures.ts). */
  create: Creator;
  /** The visibilities the type can take; all of VARIANTS unless said. */
  variants?: readonly Variant[];
  /** Root field reading one item by id. */
  direct: string | null;
  /** SearchType value when the type is searchable. */
  search: string | null;
  fields?: TieredField[];
  lists: PathSpec[];
  nested: PathSpec[];
}

const holderVar = (pick: (run: Run) => string) => ({ run }: Args) => ({ h: pick(run) });
const parentVar = ({ fixture }: Args) => ({ p: fixture!.parent });
const fixtureIds = (type: string) => ({ run }: Args) => ({ ids: run.fixtures[type]!.map((f) => f.id) });

const TABLE: EntityRow[] = [
  {
    type: 'Procedure', owner: 'procedures', create: createProcedure, direct: 'procedure', search: 'PROCEDURE',
    fields: [{ name: 'operationalNotes', selection: 'operationalNotes', tier: 'LEA' }, { name: 'resourcing', selection: 'resourcing { staff }', tier: 'MANAGEMENT' }],
    lists: [{
      name: 'procedures(jurisdictions: ES-CT, tags: run)', baseline: true, items: 'procedures.nodes[]', total: 'procedures.totalCount',
      query: `query ($tag: String!) { procedures(filter: { jurisdictions: ["ES-CT"], tags: [$tag] }, first: 100) { totalCount nodes { id } } }`,
      vars: ({ run }) => ({ tag: run.tag }),
    }],
    nested: [
      { name: 'Jurisdiction(ES-CT).procedures', query: `{ jurisdiction(code: "ES-CT") { code procedures { id } } }`, items: 'jurisdiction.procedures[]', holder: 'jurisdiction' },
      { name: 'Agency(es-ct-mossos).procedures', query: `{ agency(id: "es-ct-mossos") { id procedures { id } } }`, items: 'agency.procedures[]', holder: 'agency' },
      { name: 'Curriculum.relatedProcedures { id }', query: `query ($h: ID!) { curriculum(id: $h) { id relatedProcedures { id } } }`,
        vars: holderVar((r) => r.holders.curriculum), items: 'curriculum.relatedProcedures[]', holder: 'curriculum' },
      { name: 'Curriculum.relatedProcedures { id title }', query: `query ($h: ID!) { curriculum(id: $h) { id relatedProcedures { id title } } }`,
        vars: holderVar((r) => r.holders.curriculum), items: 'curriculum.relatedProcedures[]', holder: 'curriculum' },
      { name: 'Recommendation.implementedBy.procedure { id }', query: `query ($h: ID!) { recommendation(id: $h) { id implementedBy { procedure { id } } } }`,
        vars: holderVar((r) => r.holders.recommendation), items: 'recommendation.implementedBy[].procedure', holder: 'recommendation' },
      { name: 'Recommendation.implementedBy.procedure { id title }', query: `query ($h: ID!) { recommendation(id: $h) { id implementedBy { procedure { id title } } } }`,
        vars: holderVar((r) => r.holders.recommendation), items: 'recommendation.implementedBy[].procedure', holder: 'recommendation' },
    ],
  },
  {
    type: 'LegalFramework', owner: 'legal', create: createLegalFramework, direct: 'legalFramework', search: 'LEGAL_FRAMEWORK',
    lists: [{
      name: 'legalFrameworks(jurisdictions: ES-CT, kind: STATUTE)', baseline: true, items: 'legalFrameworks.nodes[]', total: 'legalFrameworks.totalCount',
      query: `{ legalFrameworks(filter: { jurisdictions: ["ES-CT"], kind: STATUTE }, first: 100) { totalCount nodes { id } } }`,
    }],
    nested: [
      { name: 'Jurisdiction(ES-CT).legalFrameworks', query: `{ jurisdiction(code: "ES-CT") { code legalFrameworks { id } } }`, items: 'jurisdiction.legalFrameworks[]', holder: 'jurisdiction' },
      { name: 'LegalFramework(directive).transposedBy', query: `query ($h: ID!) { legalFramework(id: $h) { id transposedBy { id } } }`,
        vars: holderVar((r) => r.holders.directive), items: 'legalFramework.transposedBy[]', holder: 'legalFramework' },
      { name: 'transposition(directive).rows.acts', query: `query ($h: ID!) { transposition(directive: $h) { directive { id } rows { acts { id } } } }`,
        vars: holderVar((r) => r.holders.directive), items: 'transposition.rows[].acts[]', holder: 'transposition.directive' },
      { name: 'Curriculum.relatedLegalFrameworks { id }', query: `query ($h: ID!) { curriculum(id: $h) { id relatedLegalFrameworks { id } } }`,
        vars: holderVar((r) => r.holders.curriculum), items: 'curriculum.relatedLegalFrameworks[]', holder: 'curriculum' },
      { name: 'Curriculum.relatedLegalFrameworks { id title }', query: `query ($h: ID!) { curriculum(id: $h) { id relatedLegalFrameworks { id title } } }`,
        vars: holderVar((r) => r.holders.curriculum), items: 'curriculum.relatedLegalFrameworks[]', holder: 'curriculum' },
      { name: 'Recommendation.implementedBy.legalFramework { id }', query: `query ($h: ID!) { recommendation(id: $h) { id implementedBy { legalFramework { id } } } }`,
        vars: holderVar((r) => r.holders.recommendation), items: 'recommendation.implementedBy[].legalFramework', holder: 'recommendation' },
      { name: 'Recommendation.implementedBy.legalFramework { id title }', query: `query ($h: ID!) { recommendation(id: $h) { id implementedBy { legalFramework { id title } } } }`,
        vars: holderVar((r) => r.holders.recommendation), items: 'recommendation.implementedBy[].legalFramework', holder: 'recommendation' },
    ],
  },
  {
    type: 'LegalProvision', owner: 'legal', create: createLegalProvision, direct: 'legalProvision', search: 'LEGAL_PROVISION',
    lists: [],
    nested: [
      { name: 'LegalFramework(directive).provisions', query: `query ($h: ID!) { legalFramework(id: $h) { id provisions { id } } }`,
        vars: holderVar((r) => r.holders.directive), items: 'legalFramework.provisions[]', holder: 'legalFramework' },
      { name: 'Procedure.legalBasis { id }', query: `query ($h: ID!) { procedure(id: $h) { id legalBasis { id } } }`,
        vars: holderVar((r) => r.holders.procedure), items: 'procedure.legalBasis[]', holder: 'procedure' },
      { name: 'Procedure.legalBasis { id heading }', query: `query ($h: ID!) { procedure(id: $h) { id legalBasis { id heading } } }`,
        vars: holderVar((r) => r.holders.procedure), items: 'procedure.legalBasis[]', holder: 'procedure' },
    ],
  },
  {
    // Accepted contributions only: before acceptance a contribution belongs to its author's organisation and the
    // reviewers, which is not a visibility rule (the author's organisation is none of the viewers').
    type: 'Contribution', owner: 'legal', create: createContribution, direct: 'contribution', search: null,
    // A contribution is at least MEMBERS (the default floor of a comment), never PUBLIC.
    variants: VARIANTS.filter((v) => v.key !== 'PUBLIC'),
    lists: [{
      name: 'contributions(status: ACCEPTED)', baseline: true, items: 'contributions.nodes[]', total: 'contributions.totalCount',
      query: `{ contributions(filter: { status: ACCEPTED }, first: 100) { totalCount nodes { id } } }`,
      // The run's author (a REVIEWER) adds the LegalProvision fixtures to the PUBLIC directive directly: each is kept as
      // an accepted contribution, as strict as its provision and at least MEMBERS.
      alsoCounted: (r) => r.fixtures.LegalProvision!.map((f) => ({
        visibility: f.variant.visibility === 'PUBLIC' ? 'MEMBERS' : f.variant.visibility, restrictedTo: f.variant.restrictedTo })),
    }],
    nested: [
      { name: 'LegalFramework(target).contributions', query: `query ($p: ID!) { legalFramework(id: $p) { id contributions { id } } }`,
        vars: parentVar, items: 'legalFramework.contributions[]', perFixture: true },
    ],
  },
  {
    type: 'Curriculum', owner: 'training', create: createCurriculum, direct: 'curriculum', search: 'CURRICULUM',
    lists: [{
      name: 'curricula(language: ga)', baseline: true, items: 'curricula.nodes[]', total: 'curricula.totalCount',
      query: `{ curricula(filter: { language: "ga" }, first: 100) { totalCount nodes { id } } }`,
    }],
    nested: [
      { name: 'Recommendation.implementedBy.curriculum { id }', query: `query ($h: ID!) { recommendation(id: $h) { id implementedBy { curriculum { id } } } }`,
        vars: holderVar((r) => r.holders.recommendation), items: 'recommendation.implementedBy[].curriculum', holder: 'recommendation' },
      { name: 'Recommendation.implementedBy.curriculum { id title }', query: `query ($h: ID!) { recommendation(id: $h) { id implementedBy { curriculum { id title } } } }`,
        vars: holderVar((r) => r.holders.recommendation), items: 'recommendation.implementedBy[].curriculum', holder: 'recommendation' },
      { name: 'Member(me).assignments.curriculum', query: `query ($me: ID!) { member(id: $me) { id assignments { curriculum { id } } } }`,
        vars: ({ member }) => ({ me: member }), items: 'member.assignments[].curriculum', holder: 'member', membersOnly: true },
      { name: 'myAssignments.curriculum', query: `{ myAssignments { id curriculum { id } } }`, items: 'myAssignments[].curriculum', membersOnly: true },
    ],
  },
  {
    type: 'Workshop', owner: 'workshops', create: createWorkshop, direct: 'workshop', search: 'WORKSHOP',
    lists: [{
      name: 'workshops(theme: run)', baseline: true, items: 'workshops.nodes[]', total: 'workshops.totalCount',
      query: `query ($t: String!) { workshops(filter: { theme: $t }, first: 100) { totalCount nodes { id } } }`, vars: ({ run }) => ({ t: run.token }),
    }],
    nested: [
      { name: 'swotMatrix(workshops).workshops', query: `query ($ids: [ID!]) { swotMatrix(workshops: $ids) { workshops { id } } }`,
        vars: fixtureIds('Workshop'), items: 'swotMatrix.workshops[]', holder: 'swotMatrix' },
    ],
  },
  {
    type: 'SwotItem', owner: 'workshops', create: createSwotItem, direct: null, search: 'SWOT_ITEM',
    lists: [{
      name: 'swotMatrix(workshops).itemCount', items: 'swotMatrix.quadrants[].items[]', total: 'swotMatrix.itemCount',
      query: `query ($ids: [ID!]) { swotMatrix(workshops: $ids) { itemCount quadrants { quadrant count items { id } } } }`,
      vars: ({ run }) => ({ ids: run.fixtures.Workshop!.map((f) => f.id) }),
    }],
    nested: [
      { name: 'Workshop.swotItems', query: `query ($p: ID!) { workshop(id: $p) { id swotItems { id } } }`, vars: parentVar, items: 'workshop.swotItems[]', perFixture: true },
    ],
  },
  {
    type: 'Recommendation', owner: 'workshops', create: createRecommendation, direct: 'recommendation', search: 'RECOMMENDATION',
    lists: [{
      name: 'recommendations(addressee: ACADEMIA, topic: COMMUNICATION)', baseline: true, items: 'recommendations.nodes[]', total: 'recommendations.totalCount',
      query: `{ recommendations(filter: { addressee: ACADEMIA, topic: COMMUNICATION }, first: 100) { totalCount nodes { id } } }`,
    }],
    nested: [
      { name: 'Workshop.recommendations', query: `query ($p: ID!) { workshop(id: $p) { id recommendations { id } } }`, vars: parentVar, items: 'workshop.recommendations[]', perFixture: true },
    ],
  },
  {
    // A member is visible to signed-in members (MEMBERS); the email is a field for LEA staff only.
    type: 'Member', owner: 'directory', create: theAuthor, direct: 'member', search: null,
    variants: [{ key: 'MEMBERS', visibility: 'MEMBERS', restrictedTo: [] }],
    fields: [{ name: 'email', selection: 'email', tier: 'LEA' }],
    lists: [],
    nested: [
      { name: 'Agency(es-ct-ispc).members', query: `query ($p: ID!) { agency(id: $p) { id members { id email } } }`, vars: parentVar,
        items: 'agency.members[]', holder: 'agency', fields: true, perFixture: true },
    ],
  },
];

// --- deriving the paths of a row ------------------------------------------------------------------------------------

const SEARCH = `query ($q: String!, $types: [SearchType!]) {
  search(query: $q, filter: { types: $types }, first: 50) {
    total
    hits { type title snippet entity { __typename
      ... on Procedure { id } ... on LegalFramework { id } ... on LegalProvision { id } ... on Curriculum { id }
      ... on Workshop { id } ... on SwotItem { id } ... on Recommendation { id } } }
    facets { field values { value count } }
  }
}`;

const fieldSelection = (row: EntityRow) => (row.fields ?? []).map((f) => f.selection).join(' ');

/** Every path a row is checked on. `_entities` and the search are asked differently (see ask()). */
function pathsOf(row: EntityRow): PathSpec[] {
  const paths: PathSpec[] = [];
  if (row.direct) {
    paths.push({ name: `${row.direct}(id)`, query: `query ($id: ID!) { ${row.direct}(id: $id) { id ${fieldSelection(row)} } }`,
      vars: ({ fixture }) => ({ id: fixture!.id }), items: row.direct, perFixture: true, fields: true });
  }
  paths.push(...row.lists, ...row.nested);
  if (row.search) {
    paths.push({ name: 'search(unique word)', query: SEARCH, vars: ({ fixture }) => ({ q: fixture!.word, types: [row.search] }),
      items: 'search.hits[].entity', perFixture: true });
  }
  paths.push({ name: `_entities on ${row.owner}`, query: `query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on ${row.type} { id ${fieldSelection(row)} } } }`,
    vars: ({ fixture }) => ({ r: [{ __typename: row.type, id: fixture!.id }] }), items: '_entities[]', perFixture: true, fields: true });
  return paths;
}

const isEntities = (p: PathSpec) => p.name.startsWith('_entities');
const isSearch = (p: PathSpec) => p.query === SEARCH;

// --- the platform, the fixtures and the answers ---------------------------------------------------------------------

let platform: TestPlatform;
let run: Run;
const viewers = new Map<string, Viewer>();
/** Totals seen under each baseline filter before the fixtures existed, per path and viewer kind. */
const baselines = new Map<string, number>();
const answers = new Map<string, Promise<GraphQLResponse<any>>>();

function ask(row: EntityRow, path: PathSpec, viewer: ViewerKind, fixture: Fixture | null): Promise<GraphQLResponse<any>> {
  const key = `${row.type}|${path.name}|${viewer.kind}|${path.perFixture ? fixture!.id : '*'}`;
  let answer = answers.get(key);
  if (!answer) {
    const variables = path.vars?.({ run, fixture, member: viewer.member }) ?? {};
    answer = isEntities(path)
      ? (async () => {
        const subgraph = platform.subgraphs.find((s) => s.name === row.owner)!;
        const token = viewer.member ? await platform.token(viewer.member) : null;
        return postGraphQL(subgraph.url, path.query, variables, token, { [SUBGRAPH_SECRET_HEADER]: platform.secret });
      })()
      : platform.query(path.query, variables, viewer.member);
    answers.set(key, answer);
  }
  return answer;
}

/** Values at a dotted path (`[]` steps into lists), with where each one is; nulls are left out. */
function pluck(data: unknown, path: string): { value: any; at: (string | number)[] }[] {
  let current: { value: any; at: (string | number)[] }[] = [{ value: data, at: [] }];
  for (const step of path.split('.')) {
    const many = step.endsWith('[]');
    const key = many ? step.slice(0, -2) : step;
    current = current.flatMap(({ value, at }) => {
      const next = value?.[key];
      if (next === null || next === undefined) return [];
      if (!many) return [{ value: next, at: [...at, key] }];
      return Array.isArray(next) ? next.map((v, i) => ({ value: v, at: [...at, key, i] })) : [];
    });
  }
  return current.filter((c) => c.value !== null && c.value !== undefined);
}

async function inBatches<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < tasks.length) await tasks[next++]!().catch(() => undefined);
  }));
}

const fixturesOf = (row: EntityRow) => run.fixtures[row.type]!;
const appliesTo = (path: PathSpec, viewer: ViewerKind) => !path.membersOnly || viewer.member !== null;
const sees = (viewer: ViewerKind, item: Guarded) => canSee(viewers.get(viewer.kind)!, item);
const visibleCount = (row: EntityRow, viewer: ViewerKind) => fixturesOf(row).filter((f) => sees(viewer, f.variant)).length;

/** Polls until the manager (who may see every fixture) finds all of them, and the training outbox's sentinel. */
async function waitForSearchIndex(searchable: EntityRow[]): Promise<void> {
  const expected = searchable.reduce((n, row) => n + fixturesOf(row).length, 0);
  await vi.waitFor(async () => {
    const [all, sentinel] = await Promise.all([
      platform.query<any>(SEARCH, { q: run.token }, 'demo-manager-es'),
      platform.query<any>(SEARCH, { q: run.holderWord, types: ['CURRICULUM'] }, 'demo-manager-es'),
    ]);
    expect(all.data?.search.total, 'fixtures in the search index').toBe(expected);
    expect(pluck(sentinel.data, 'search.hits[].entity').map((e) => e.value.id), 'the training sentinel').toContain(run.holders.curriculum);
  }, { timeout: 20_000, interval: 100 });
}

beforeAll(async () => {
  // The matrix asks about a thousand questions in a few seconds: the per-viewer rate limit is not what it tests.
  platform = await startTestPlatform({ seeded: true, env: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_BURST: '1000000' } });
  for (const v of VIEWER_KINDS) viewers.set(v.kind, await viewerOf(platform.databases, v.member));
  run = await startRun(platform);

  // What each viewer counts under the lists' filters before the fixtures exist.
  await Promise.all(TABLE.flatMap((row) => row.lists.filter((p) => p.baseline).flatMap((path) => VIEWER_KINDS.map(async (viewer) => {
    const r = await platform.query<any>(path.query, path.vars?.({ run, fixture: null, member: viewer.member }) ?? {}, viewer.member);
    const [total] = pluck(r.data, path.total!);
    if (total === undefined) throw new Error(`baseline of ${path.name} as ${viewer.kind}: ${JSON.stringify(r.errors)}`);
    baselines.set(`${row.type}|${path.name}|${viewer.kind}`, total.value);
  }))));

  // Each owner's fixtures in table order, owners side by side; then the PUBLIC holders that refer to them.
  const ctx = { platform, run };
  const byOwner = new Map<string, EntityRow[]>();
  for (const row of TABLE) byOwner.set(row.owner, [...(byOwner.get(row.owner) ?? []), row]);
  await Promise.all([...byOwner].map(async ([owner, rows]) => {
    if (owner === 'legal') await createLegalHolders(ctx);
    for (const row of rows) await createFixtures(ctx, row.type, row.create, row.variants ?? VARIANTS);
  }));
  await createReferringHolders(ctx);
  await waitForSearchIndex(TABLE.filter((row) => row.search));

  // Every answer the cells read, asked a few at a time.
  const tasks: (() => Promise<unknown>)[] = [];
  for (const row of TABLE) {
    for (const path of pathsOf(row)) {
      for (const viewer of VIEWER_KINDS) {
        if (!appliesTo(path, viewer)) continue;
        for (const fixture of path.perFixture ? fixturesOf(row) : [null]) tasks.push(() => ask(row, path, viewer, fixture));
      }
    }
    if (row.search) for (const viewer of VIEWER_KINDS) tasks.push(() => searchAll(row, viewer));
  }
  await inBatches(tasks, 6);
}, 180_000);

afterAll(async () => {
  await platform?.stop();
});

const searchAnswers = new Map<string, Promise<GraphQLResponse<any>>>();
/** The run's word restricted to one type: every fixture of the type matches it. */
function searchAll(row: EntityRow, viewer: ViewerKind) {
  const key = `${row.type}|${viewer.kind}`;
  if (!searchAnswers.has(key)) searchAnswers.set(key, platform.query(SEARCH, { q: run.token, types: [row.search] }, viewer.member));
  return searchAnswers.get(key)!;
}

// --- the cells ------------------------------------------------------------------------------------------------------

const describeResponse = (r: GraphQLResponse<unknown>) => JSON.stringify({ data: r.data, errors: r.errors?.map((e) => ({ code: e.extensions?.code, path: e.path, message: e.message })) }).slice(0, 1500);

interface Cell { row: EntityRow; variantIndex: number; viewer: ViewerKind; path: PathSpec }

for (const row of TABLE) {
  describe(row.type, () => {
    const variants = row.variants ?? VARIANTS;
    const cells: [string, Cell][] = [];
    for (const path of pathsOf(row)) {
      for (const [variantIndex, variant] of variants.entries()) {
        for (const viewer of VIEWER_KINDS) {
          if (appliesTo(path, viewer)) cells.push([`${variant.key} · ${viewer.kind} · ${path.name}`, { row, variantIndex, viewer, path }]);
        }
      }
    }

    it.each(cells)('%s', async (_name, { variantIndex, viewer, path }) => {
      const fixture = fixturesOf(row)[variantIndex]!;
      const visible = sees(viewer, fixture.variant);
      const r = await ask(row, path, viewer, fixture);
      const context = `${row.type} ${fixture.variant.key} (${fixture.id}) as ${viewer.kind} on ${path.name}: ${describeResponse(r)}`;
      if (path.holder) expect(pluck(r.data, path.holder), `the PUBLIC holder must be reachable: ${context}`).toHaveLength(1);
      const found = pluck(r.data, path.items).filter((n) => n.value.id === fixture.id);
      if (visible) {
        expect(found, `visible, so found once: ${context}`).toHaveLength(1);
        if (isSearch(path)) {
          expect(r.data.search.total, `counted: ${context}`).toBe(1);
          expect(facetCount(r.data, 'TYPE', row.search!), `in the type facet: ${context}`).toBe(1);
        }
        return;
      }
      expect(found, `hidden, so absent: ${context}`).toHaveLength(0);
      expect(JSON.stringify(r.data ?? null), `hidden id in the answer: ${context}`).not.toContain(`"${fixture.id}"`);
      expect(JSON.stringify(r), `hidden text in the answer: ${context}`).not.toContain(fixture.word);
      if (path.perFixture) expect(codes(r).filter((c) => c !== 'NOT_FOUND'), `only NOT_FOUND may be said of a hidden item: ${context}`).toEqual([]);
      if (isEntities(path)) expect(r.data?._entities, `_entities answers null: ${context}`).toEqual([null]);
      if (isSearch(path)) {
        expect(r.data.search.total, `not counted: ${context}`).toBe(0);
        expect(r.data.search.facets.flatMap((f: any) => f.values), `not in facets: ${context}`).toEqual([]);
      }
    });

    // Tiered fields: null with FORBIDDEN below their tier, on every path that selects them, for an item the viewer sees.
    const fieldCells: [string, Cell & { field: TieredField }][] = [];
    for (const field of row.fields ?? []) {
      for (const path of pathsOf(row).filter((p) => p.fields)) {
        for (const [variantIndex, variant] of variants.entries()) {
          for (const viewer of VIEWER_KINDS) {
            fieldCells.push([`${variant.key} · ${viewer.kind} · ${path.name} · field ${field.name} (${field.tier})`, { row, variantIndex, viewer, path, field }]);
          }
        }
      }
    }
    if (fieldCells.length) {
      it.each(fieldCells)('%s', async (_name, { variantIndex, viewer, path, field }) => {
        const fixture = fixturesOf(row)[variantIndex]!;
        const r = await ask(row, path, viewer, fixture);
        const context = `${row.type} ${fixture.variant.key} (${fixture.id}) as ${viewer.kind} on ${path.name}: ${describeResponse(r)}`;
        const node = pluck(r.data, path.items).find((n) => n.value.id === fixture.id);
        if (!sees(viewer, fixture.variant)) {
          expect(node, `hidden item: ${context}`).toBeUndefined();
          expect(codes(r), `no FORBIDDEN for a field of a hidden item: ${context}`).not.toContain('FORBIDDEN');
          return;
        }
        expect(node, `visible item: ${context}`).toBeDefined();
        const forbidden = (r.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN' && e.path?.join('.') === [...node!.at, field.name].join('.'));
        if (sees(viewer, { visibility: field.tier })) {
          expect(node!.value[field.name], `field readable at ${field.tier}: ${context}`).not.toBeNull();
          expect(forbidden, context).toEqual([]);
        } else {
          expect(node!.value[field.name], `field above the viewer's tier: ${context}`).toBeNull();
          expect(forbidden, `FORBIDDEN on the field: ${context}`).toHaveLength(1);
        }
      });
    }

    // Totals: what each viewer counts is what it saw before plus the fixtures it may see.
    const totalCells: [string, { viewer: ViewerKind; path: PathSpec | null }][] = [];
    for (const viewer of VIEWER_KINDS) {
      for (const path of row.lists) totalCells.push([`${viewer.kind} · ${path.name} · total`, { viewer, path }]);
      if (row.search) totalCells.push([`${viewer.kind} · search(run word, type) · total, hits and facets`, { viewer, path: null }]);
    }
    if (totalCells.length) {
      it.each(totalCells)('%s', async (_name, { viewer, path }) => {
        const expected = visibleCount(row, viewer);
        const visibleIds = fixturesOf(row).filter((f) => sees(viewer, f.variant)).map((f) => f.id).sort();
        if (path) {
          const r = await ask(row, path, viewer, null);
          const context = `${row.type} as ${viewer.kind} on ${path.name}: ${describeResponse(r)}`;
          const before = baselines.get(`${row.type}|${path.name}|${viewer.kind}`) ?? 0;
          const also = (path.alsoCounted?.(run) ?? []).filter((g) => sees(viewer, g)).length;
          expect(pluck(r.data, path.total!)[0]?.value, `total = ${before} before + ${expected} visible fixtures + ${also} created with others: ${context}`)
            .toBe(before + expected + also);
          return;
        }
        const r = await searchAll(row, viewer);
        const context = `${row.type} as ${viewer.kind} searching the run's word: ${describeResponse(r)}`;
        expect(r.data.search.total, `total: ${context}`).toBe(expected);
        expect(pluck(r.data, 'search.hits[].entity').map((e) => e.value.id).sort(), `hits: ${context}`).toEqual(visibleIds);
        expect(facetCount(r.data, 'TYPE', row.search!), `type facet: ${context}`).toBe(expected);
        for (const value of r.data.search.facets.flatMap((f: any) => f.values)) expect(value.count, `facet ${value.value}: ${context}`).toBeLessThanOrEqual(expected);
      });
    }
  });
}

function facetCount(data: any, field: string, value: string): number {
  return data.search.facets.find((f: any) => f.field === field)?.values.find((v: any) => v.value === value)?.count ?? 0;
}

// --- an item whose guard changes after it was indexed ---------------------------------------------------------------

describe('a provision whose framework is restricted to DE after it was indexed', () => {
  const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on LegalFramework { id } ... on LegalProvision { id heading } } }`;
  const asOwner = async (member: string, query: string, variables: Record<string, unknown>) => {
    const legal = platform.subgraphs.find((s) => s.name === 'legal')!;
    return postGraphQL<any>(legal.url, query, variables, await platform.token(member), { [SUBGRAPH_SECRET_HEADER]: platform.secret });
  };
  const mutate = async (member: string, query: string, variables: Record<string, unknown>) => {
    const r = await platform.query<any>(query, variables, member);
    expect(r.errors, query).toBeUndefined();
    return r.data;
  };

  it('is gone for a Catalan manager on every path: by id, _entities, its contribution record, search hits, totals and facets', async () => {
    const word = uniqueWord('rs');
    const renamed = uniqueWord('rt');
    // A Bavarian manager with the REVIEWER role: able to write the framework and to read it once restricted to DE.
    const invited = await mutate('demo-admin', `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`, {
      input: { id: `reviewer-${word}`, displayName: 'Bavarian Reviewer', email: `${word}@demo.polizei.example`, agency: 'de-by-polizei', tier: 'MANAGER', roles: ['REVIEWER'] },
    });
    const reviewer: string = invited.inviteMember.id;
    const framework = (await mutate(reviewer, `mutation ($input: CreateLegalFrameworkInput!) { createLegalFramework(input: $input) { id } }`, {
      input: { jurisdiction: 'EU', kind: 'GUIDELINE', title: `Shared guideline ${word}`, shortTitle: `Guideline ${word}`, languages: ['en'],
        summary: 'A guideline shared by the Union\'s police forces.', topics: ['DATA_PROTECTION'], visibility: 'LEA' },
    })).createLegalFramework.id as string;
    const added = (await mutate(reviewer, `mutation ($f: ID!, $input: AddProvisionInput!) { addProvision(framework: $f, input: $input) { id contribution { id } } }`, {
      f: framework, input: { reference: 'Art. 1', heading: `Logging ${word}`, text: 'Every consultation is logged.', visibility: 'LEA' },
    })).addProvision;
    const provision: string = added.id;
    // The reviewer's direct addition is kept as an accepted contribution, which carries the provision's text.
    const contribution: string = added.contribution.id;
    const CONTRIBUTIONS = `query ($f: ID!, $id: ID!) { contributions(filter: { target: $f }) { totalCount nodes { id } } contribution(id: $id) { id } }`;
    const listed = await platform.query<any>(CONTRIBUTIONS, { f: framework, id: contribution }, 'demo-manager-es');
    expect(listed.data).toEqual({ contributions: { totalCount: 1, nodes: [{ id: contribution }] }, contribution: { id: contribution } });

    const search = (member: string, q: string) => platform.query<any>(SEARCH, { q, types: ['LEGAL_PROVISION'] }, member);
    const hitIds = (r: GraphQLResponse<any>) => pluck(r.data, 'search.hits[].entity').map((e) => e.value.id);
    await vi.waitFor(async () => expect(hitIds(await search('demo-manager-es', word))).toEqual([provision]), { timeout: 20_000, interval: 100 });

    await mutate(reviewer, `mutation ($id: ID!, $input: UpdateLegalFrameworkInput!) { updateLegalFramework(id: $id, input: $input) { id } }`, {
      id: framework, input: { restrictedTo: ['DE'], shortTitle: `Guideline ${renamed}` },
    });

    // At once, before the indexer's own round: the search answers from the framework as it is now.
    const atOnce = await search('demo-manager-es', word);
    expect(atOnce.errors).toBeUndefined();
    expect(atOnce.data.search).toMatchObject({ total: 0, hits: [] });
    expect(atOnce.data.search.facets.flatMap((f: any) => f.values)).toEqual([]);

    // The owner answers from the framework as it is now, whatever the index still holds.
    const byId = await platform.query<any>('query ($id: ID!) { legalProvision(id: $id) { id heading } }', { id: provision }, 'demo-manager-es');
    expect(byId.data).toEqual({ legalProvision: null });
    const entities = await asOwner('demo-manager-es', ENTITIES, { r: [{ __typename: 'LegalProvision', id: provision }, { __typename: 'LegalFramework', id: framework }] });
    expect(entities.data).toEqual({ _entities: [null, null] });
    const forBavaria = await asOwner('demo-manager-de', ENTITIES, { r: [{ __typename: 'LegalProvision', id: provision }] });
    expect(forBavaria.data).toEqual({ _entities: [{ __typename: 'LegalProvision', id: provision, heading: `Logging ${word}` }] });
    const contributions = await platform.query<any>(CONTRIBUTIONS, { f: framework, id: contribution }, 'demo-manager-es');
    expect(contributions.errors).toBeUndefined();
    expect(contributions.data).toEqual({ contributions: { totalCount: 0, nodes: [] }, contribution: null });
    const contributionsInBavaria = await platform.query<any>(CONTRIBUTIONS, { f: framework, id: contribution }, 'demo-manager-de');
    expect(contributionsInBavaria.data).toEqual({ contributions: { totalCount: 1, nodes: [{ id: contribution }] }, contribution: { id: contribution } });

    // The provision is indexed again (its title carries the framework's new short title); search leaves it out.
    await vi.waitFor(async () => {
      const r = await search('demo-manager-de', word);
      expect(r.data.search.hits.map((h: any) => h.title)).toEqual([`Guideline ${renamed}, Art. 1: Logging ${word}`]);
    }, { timeout: 20_000, interval: 100 });
    for (const q of [word, renamed]) {
      const r = await search('demo-manager-es', q);
      expect(r.errors).toBeUndefined();
      expect(r.data.search.total).toBe(0);
      expect(r.data.search.hits).toEqual([]);
      expect(r.data.search.facets.flatMap((f: any) => f.values)).toEqual([]);
      expect(JSON.stringify(r)).not.toContain(provision);
    }
  });
});
