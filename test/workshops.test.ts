import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, canSee } from '../lib/access.ts';
import type { Viewer, Visibility } from '../lib/access.ts';
import { countStatements } from './support/sqlStatements.ts';
import type { Databases } from '../scripts/platform.ts';
import { workshopsSeed } from '../seeds/workshops.ts';
import { workshopsSubgraph } from '../subgraphs/workshops/index.ts';
import { freshDatabases, viewerOf, codes as codesOf } from './support/platform.ts';
import { subgraphClient } from './support/subgraph.ts';

let dbs: Databases;
let client: Awaited<ReturnType<typeof subgraphClient>>;
const viewers: Record<string, Viewer> = { anonymous: ANONYMOUS };
const TIERS = ['anonymous', 'demo-partner', 'demo-practitioner-es', 'demo-manager-es', 'demo-practitioner-de', 'demo-manager-de'];
const run = <T = any>(who: string, query: string, variables: Record<string, unknown> = {}) => client.run<T>(viewers[who]!, query, variables);

const seen = (who: string) => workshopsSeed.workshops.filter((w) => canSee(viewers[who]!, { visibility: w.visibility as Visibility, restrictedTo: w.restrictedTo }));
const votesOf = (item: string) => workshopsSeed.votes.filter((v) => v.item === item).length;
const bcn = workshopsSeed.workshops.find((w) => w.id === 'ws-bcn-everyday-security')!;

async function tableCounts() {
  const [r] = await dbs.bySubgraph.workshops!.query(`SELECT
    (SELECT count(*)::int FROM workshops.workshops) AS workshops, (SELECT count(*)::int FROM workshops.swot_items) AS items,
    (SELECT count(*)::int FROM workshops.swot_votes) AS votes, (SELECT count(*)::int FROM workshops.key_messages) AS messages,
    (SELECT count(*)::int FROM workshops.recommendations) AS recommendations,
    (SELECT count(*)::int FROM workshops.recommendation_status_changes) AS changes,
    (SELECT count(*)::int FROM workshops.recommendation_links) AS links, (SELECT count(*)::int FROM workshops.outbox) AS outbox,
    (SELECT string_agg(id || status, ',' ORDER BY id) FROM workshops.recommendations) AS statuses`);
  return r;
}

beforeAll(async () => {
  dbs = await freshDatabases({ seeded: true });
  client = await subgraphClient(workshopsSubgraph, dbs.bySubgraph.workshops!);
  for (const id of [...TIERS.slice(1), 'demo-admin', 'demo-trainer', 'm-es-ct-1', 'm-es-ct-2', 'm-bcn-1']) viewers[id] = await viewerOf(dbs, id);
});
afterAll(async () => {
  await client?.stop();
  await dbs?.close();
});

const MATRIX = `query($topic: Topic, $w: [ID!], $j: [ID!]) { swotMatrix(topic: $topic, workshops: $w, jurisdictions: $j) {
  topic itemCount totalWeight workshops { id } quadrants { quadrant count weight items { id weight workshop { id } } } } }`;

function expectedMatrix(who: string, topic?: string, workshopIds?: string[]) {
  const items = seen(who).filter((w) => !workshopIds || workshopIds.includes(w.id))
    .flatMap((w) => w.swotItems.map((s) => ({ ...s, workshop: w.id, weight: votesOf(s.id) })))
    .filter((s) => !topic || s.topic === topic);
  return ['STRENGTH', 'WEAKNESS', 'OPPORTUNITY', 'THREAT'].map((quadrant) => {
    const inQuadrant = items.filter((s) => s.quadrant === quadrant);
    return { quadrant, count: inQuadrant.length, weight: inQuadrant.reduce((n, s) => n + s.weight, 0), ids: inQuadrant.map((s) => s.id).sort() };
  });
}

describe('swotMatrix', () => {
  it.each(TIERS)('counts and weighs the items %s may see, per quadrant, across workshops', async (who) => {
    for (const topic of [undefined, 'MONITORING']) {
      const r = await run(who, MATRIX, { topic });
      expect(r.errors).toBeUndefined();
      const expected = expectedMatrix(who, topic);
      const m = r.data.swotMatrix;
      expect(m.quadrants.map((q: any) => ({ quadrant: q.quadrant, count: q.count, weight: q.weight, ids: q.items.map((i: any) => i.id).sort() })))
        .toEqual(expected);
      expect(m.itemCount).toBe(expected.reduce((n, q) => n + q.count, 0));
      expect(m.totalWeight).toBe(expected.reduce((n, q) => n + q.weight, 0));
      for (const q of m.quadrants) {
        const weights = q.items.map((i: any) => i.weight);
        expect(weights).toEqual([...weights].sort((a: number, b: number) => b - a));
      }
    }
  });

  it('aggregates across several workshops and shows something for a manager', async () => {
    const r = await run('demo-manager-de', MATRIX, {});
    expect(r.data.swotMatrix.workshops.length).toBeGreaterThanOrEqual(3);
    expect(r.data.swotMatrix.totalWeight).toBeGreaterThan(0);
  });

  it('limits to named workshops, and never counts a hidden one even when named', async () => {
    const named = ['ws-bcn-everyday-security', 'ws-ber-osint-limits'];
    const r = await run('demo-practitioner-es', MATRIX, { w: named });
    expect(r.data.swotMatrix.quadrants.map((q: any) => q.count)).toEqual(expectedMatrix('demo-practitioner-es', undefined, named).map((q) => q.count));
    expect(r.data.swotMatrix.workshops.map((w: any) => w.id)).toEqual(['ws-bcn-everyday-security']);
  });

  it('filters by the jurisdictions concerned, including the workshop city and places within', async () => {
    const r = await run('demo-manager-de', MATRIX, { j: ['DE'] });
    const ids = r.data.swotMatrix.quadrants.flatMap((q: any) => q.items.map((i: any) => i.id)).sort();
    const expected = workshopsSeed.workshops.flatMap((w) => w.swotItems.filter((s) => w.city.startsWith('DE') || s.jurisdictions.some((j) => j === 'DE' || j.startsWith('DE-'))).map((s) => s.id)).sort();
    expect(ids).toEqual(expected);
    expect(ids.length).toBeGreaterThan(0);
  });

  it('sends as many statements for one workshop as for all of them', async () => {
    const one = await countStatements(() => run('demo-manager-de', MATRIX, { w: ['ws-bcn-everyday-security'] }));
    const all = await countStatements(() => run('demo-manager-de', MATRIX, {}));
    expect((all.result as any).data.swotMatrix.workshops.length).toBe(4);
    expect(all.statements).toBe(one.statements);
  });

  it('refuses a malformed jurisdiction code', async () => {
    expect(codesOf(await run('demo-manager-es', MATRIX, { j: ['spain'] }))).toEqual(['BAD_USER_INPUT']);
  });

  it('lists the heaviest itemsPerQuadrant items of each quadrant and still counts and weighs them all', async () => {
    const LIMITED = MATRIX.replace('jurisdictions: $j)', 'jurisdictions: $j, itemsPerQuadrant: $n)').replace('$j: [ID!])', '$j: [ID!], $n: Int)');
    const all = (await run('demo-manager-de', MATRIX, {})).data.swotMatrix;
    const top = (await run('demo-manager-de', LIMITED, { n: 2 })).data.swotMatrix;
    expect(top.itemCount).toBe(all.itemCount);
    expect(top.totalWeight).toBe(all.totalWeight);
    expect(top.workshops.map((w: any) => w.id).sort()).toEqual(all.workshops.map((w: any) => w.id).sort());
    for (const [i, q] of top.quadrants.entries()) {
      expect(q.count).toBe(all.quadrants[i].count);
      expect(q.items.map((x: any) => x.weight)).toEqual(all.quadrants[i].items.slice(0, 2).map((x: any) => x.weight));
    }
    expect(all.quadrants.some((q: any) => q.items.length > 2)).toBe(true);
    for (const n of [0, 101]) expect(codesOf(await run('demo-manager-de', LIMITED, { n }))).toEqual(['BAD_USER_INPUT']);
  });
});

const LIST = `query($filter: WorkshopFilter, $first: Int) { workshops(filter: $filter, first: $first) { totalCount nodes { id title city { code } } } }`;

describe('access per tier', () => {
  it.each(TIERS)('%s lists, counts and reads only the workshops it may see, with their items', async (who) => {
    const expected = seen(who).map((w) => w.id).sort();
    const r = await run(who, LIST, { first: 50 });
    expect(r.data.workshops.totalCount).toBe(expected.length);
    expect(r.data.workshops.nodes.map((n: any) => n.id).sort()).toEqual(expected);
    const recs = await run(who, '{ recommendations(first: 100) { totalCount nodes { id workshop { id } } } }');
    const expectedRecs = seen(who).flatMap((w) => w.recommendations.map((x) => x.id)).sort();
    expect(recs.data.recommendations.totalCount).toBe(expectedRecs.length);
    expect(recs.data.recommendations.nodes.map((n: any) => n.id).sort()).toEqual(expectedRecs);
    for (const w of workshopsSeed.workshops) {
      const visible = expected.includes(w.id);
      const one = await run(who, `query($id: ID!, $item: ID!, $rec: ID!) { workshop(id: $id) { id swotItems { id } keyMessages { id } recommendations { id } }
        recommendation(id: $rec) { id } byAlias: workshop(id: $id) { title }
        _entities(representations: [{ __typename: "Workshop", id: $id }, { __typename: "SwotItem", id: $item }, { __typename: "Recommendation", id: $rec }]) {
          ... on Workshop { id } ... on SwotItem { id } ... on Recommendation { id } } }`,
      { id: w.id, item: w.swotItems[0]!.id, rec: w.recommendations[0]!.id });
      expect(one.errors, `${who} ${w.id}`).toBeUndefined();
      if (visible) {
        expect(one.data.workshop.swotItems).toHaveLength(w.swotItems.length);
        expect(one.data.workshop.keyMessages).toHaveLength(w.keyMessages.length);
        expect(one.data.workshop.recommendations).toHaveLength(w.recommendations.length);
        expect(one.data._entities.map((e: any) => e?.id)).toEqual([w.id, w.swotItems[0]!.id, w.recommendations[0]!.id]);
      } else {
        expect(one.data).toEqual({ workshop: null, recommendation: null, byAlias: null, _entities: [null, null, null] });
      }
    }
  });

  it('filters by theme, topics, jurisdiction (including places within) and dates', async () => {
    const ids = async (filter: Record<string, unknown>) => (await run('demo-manager-de', LIST, { filter, first: 50 })).data.workshops.nodes.map((n: any) => n.id).sort();
    expect(await ids({ jurisdiction: 'ES' })).toEqual(['ws-bcn-everyday-security']);
    expect(await ids({ jurisdiction: 'DE' })).toEqual(['ws-ber-osint-limits']);
    expect(await ids({ theme: 'hate speech' })).toEqual(['ws-dub-online-hate']);
    expect(await ids({ topics: ['INVESTIGATION'] })).toEqual(workshopsSeed.workshops.filter((w) => w.topics.includes('INVESTIGATION')).map((w) => w.id).sort());
    expect(await ids({ from: '2025-05-07', to: '2025-06-01' })).toEqual(['ws-ber-osint-limits']);
  });

  it('pages recommendations with a stable total', async () => {
    const first = await run('demo-manager-de', '{ recommendations(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }');
    const next = await run('demo-manager-de', `{ recommendations(first: 2, after: "${first.data.recommendations.pageInfo.endCursor}") { totalCount nodes { id } } }`);
    expect(next.data.recommendations.totalCount).toBe(first.data.recommendations.totalCount);
    expect(next.data.recommendations.nodes[0].id).not.toBe(first.data.recommendations.nodes[0].id);
  });

  it('filters recommendations by status, addressee, topic and workshop', async () => {
    const r = await run('demo-manager-es', `{ recommendations(first: 100, filter: { addressee: PLATFORMS, topic: COMMUNICATION, workshop: "ws-bcn-everyday-security" }) { nodes { id } } }`);
    expect(r.data.recommendations.nodes.map((n: any) => n.id)).toEqual(
      bcn.recommendations.filter((x) => x.addressees.includes('PLATFORMS') && x.topics.includes('COMMUNICATION')).map((x) => x.id));
    const s = await run('demo-manager-es', '{ recommendations(first: 100, filter: { status: ENDORSED }) { nodes { id status } } }');
    expect(s.data.recommendations.nodes.length).toBeGreaterThan(0);
    expect(s.data.recommendations.nodes.every((n: any) => n.status === 'ENDORSED')).toBe(true);
  });
});

const RECS = `query($first: Int!) { recommendations(first: $first) { nodes { id history { to changedAt } implementedBy { type procedure { id } legalFramework { id } curriculum { id } } } } }`;

it('sends as many statements for 20 recommendations with their links as for 2', async () => {
  const small = await countStatements(() => run('demo-manager-de', RECS, { first: 2 }));
  const large = await countStatements(() => run('demo-manager-de', RECS, { first: 20 }));
  expect((large.result as any).data.recommendations.nodes.length).toBeGreaterThan(5);
  expect(large.statements).toBe(small.statements);
});

const VOTE = 'mutation($id: ID!) { voteSwotItem(id: $id) { id weight votedByMe } }';

describe('votes', () => {
  it('counts one vote per member and refuses a second with CONFLICT, writing nothing', async () => {
    const item = 'swot-bcn-05';
    const first = await run('m-es-ct-2', VOTE, { id: item });
    expect(first.data.voteSwotItem).toEqual({ id: item, weight: votesOf(item) + 1, votedByMe: true });
    const before = await tableCounts();
    const again = await run('m-es-ct-2', VOTE, { id: item });
    expect(codesOf(again)).toEqual(['CONFLICT']);
    expect(await tableCounts()).toEqual(before);
    const other = await run('m-bcn-1', VOTE, { id: item });
    expect(other.data.voteSwotItem.weight).toBe(votesOf(item) + 2);
    const someoneElse = await run('demo-manager-es', `{ swotItem: _entities(representations: [{ __typename: "SwotItem", id: "${item}" }]) { ... on SwotItem { weight votedByMe } } }`);
    expect(someoneElse.data.swotItem[0]).toEqual({ weight: votesOf(item) + 2, votedByMe: false });
  });

  it('lets only law-enforcement members vote, and only on items they may see', async () => {
    const before = await tableCounts();
    expect(codesOf(await run('demo-partner', VOTE, { id: 'swot-bcn-06' }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await run('anonymous', VOTE, { id: 'swot-dub-01' }))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await run('demo-practitioner-es', VOTE, { id: 'swot-ber-01' }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await run('demo-practitioner-es', VOTE, { id: 'swot-hag-01' }))).toEqual(['NOT_FOUND']);
    expect(await tableCounts()).toEqual(before);
  });
});

const STATUS = `mutation($id: ID!, $status: RecommendationStatus!, $reason: String!) {
  setRecommendationStatus(id: $id, status: $status, reason: $reason) { id status history { from to reason changedBy { id } changedAt } } }`;

describe('recommendation lifecycle', () => {
  it('walks the allowed transitions and keeps a dated history with reasons and who', async () => {
    const id = 'rec-bcn-06';
    const steps = [['ENDORSED', 'Agreed by the steering group.'], ['IN_PROGRESS', 'Drafting started.'], ['ENDORSED', 'Paused for lack of staff.'],
      ['IN_PROGRESS', 'Resumed.'], ['IMPLEMENTED', 'Procedures published.']] as const;
    for (const [status, reason] of steps) {
      const r = await run('demo-admin', STATUS, { id, status, reason });
      expect(r.errors, status).toBeUndefined();
      expect(r.data.setRecommendationStatus.status).toBe(status);
    }
    const r = await run('demo-admin', `{ recommendation(id: "${id}") { history { from to reason changedBy { id } changedAt } } }`);
    const history = r.data.recommendation.history;
    expect(history.map((h: any) => [h.from, h.to])).toEqual([[null, 'PROPOSED'], ['PROPOSED', 'ENDORSED'], ['ENDORSED', 'IN_PROGRESS'],
      ['IN_PROGRESS', 'ENDORSED'], ['ENDORSED', 'IN_PROGRESS'], ['IN_PROGRESS', 'IMPLEMENTED']]);
    expect(history.slice(1).map((h: any) => h.reason)).toEqual(steps.map(([, reason]) => reason));
    expect(history.slice(1).every((h: any) => h.changedBy?.id === 'demo-admin')).toBe(true);
    const times = history.map((h: any) => Date.parse(h.changedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('refuses transitions outside the table, a missing reason and non-admins, writing nothing', async () => {
    const before = await tableCounts();
    expect(codesOf(await run('demo-admin', STATUS, { id: 'rec-bcn-04', status: 'IMPLEMENTED', reason: 'Skipping ahead.' }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await run('demo-admin', STATUS, { id: 'rec-bcn-04', status: 'PROPOSED', reason: 'Same again.' }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await run('demo-admin', STATUS, { id: 'rec-bcn-04', status: 'ENDORSED', reason: ' ' }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await run('demo-manager-es', STATUS, { id: 'rec-bcn-04', status: 'ENDORSED', reason: 'I am not an admin.' }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await run('demo-admin', STATUS, { id: 'rec-ber-01', status: 'ENDORSED', reason: 'Hidden from the admin.' }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await run('demo-admin', STATUS, { id: 'rec-bcn-01', status: 'PROPOSED', reason: 'Backwards.' }))).toEqual(['BAD_USER_INPUT']);
    expect(await tableCounts()).toEqual(before);
  });

  it('lets a rejected recommendation be reconsidered', async () => {
    const r = await run('demo-admin', STATUS, { id: 'rec-bcn-07', status: 'PROPOSED', reason: 'Reconsidered with the education working group.' });
    expect(r.data.setRecommendationStatus.status).toBe('PROPOSED');
  });
});

describe('writes', () => {
  const CREATE = 'mutation($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id title city { code } topics visibility language } }';
  const input = {
    title: 'Test workshop on crisis communication', theme: 'Crisis communication', city: 'ES-CT-BCN', startsOn: '2025-09-01', endsOn: '2025-09-02',
    organiser: 'es-ct-mossos', topics: ['COMMUNICATION', 'MONITORING'], participantCount: 12, summary: 'A test.', language: 'es', visibility: 'LEA',
  };

  it('creates a workshop, adds items, a key message, a recommendation and links, each with its outbox rows', async () => {
    const before = await tableCounts();
    const w = await run('demo-practitioner-es', CREATE, { input });
    expect(w.errors).toBeUndefined();
    const id = w.data.createWorkshop.id;
    expect(w.data.createWorkshop.language).toBe('es');
    const items = await run('demo-practitioner-es', `mutation($id: ID!, $items: [SwotItemInput!]!) { addSwotItems(workshop: $id, items: $items) { id quadrant weight workshop { id } } }`,
      { id, items: [{ topic: 'COMMUNICATION', quadrant: 'STRENGTH', statement: 'Fast alerts.' }, { topic: 'MONITORING', quadrant: 'THREAT', statement: 'Rumours spread.', jurisdictions: ['ES-CT'] }] });
    expect(items.errors).toBeUndefined();
    expect(items.data.addSwotItems.map((i: any) => i.quadrant)).toEqual(['STRENGTH', 'THREAT']);
    const km = await run('demo-practitioner-es', `mutation($id: ID!) { addKeyMessage(workshop: $id, input: { text: "Say it early.", attribution: "a participant" }) { text workshop { id } } }`, { id });
    expect(km.data.addKeyMessage).toEqual({ text: 'Say it early.', workshop: { id } });
    const rec = await run('demo-practitioner-es', `mutation($id: ID!) { addRecommendation(workshop: $id, input: { statement: "Plan crisis posts.", rationale: "It helps.", addressees: [LEAS], priority: HIGH }) { id status history { from to } } }`, { id });
    expect(rec.data.addRecommendation.status).toBe('PROPOSED');
    expect(rec.data.addRecommendation.history).toEqual([{ from: null, to: 'PROPOSED' }]);
    const recId = rec.data.addRecommendation.id;
    // The subgraph alone hands out the linked ids (for the owners); implementedBy lists what the owners said is visible.
    const LINK = `mutation($id: ID!, $t: RecommendationLinkInput!) { linkRecommendation(id: $id, target: $t) { procedureLinkIds curriculumLinkIds implementedBy { type } } }`;
    const linked = await run('demo-practitioner-es', LINK, { id: recId, t: { type: 'PROCEDURE', id: 'proc-es-ct-communication' } });
    expect(linked.data.linkRecommendation).toEqual({ procedureLinkIds: ['proc-es-ct-communication'], curriculumLinkIds: [], implementedBy: [] });
    const ENTITY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Recommendation { implementedBy { type procedure { id } curriculum { id } } } } }`;
    const answered = { __typename: 'Recommendation', id: recId, visibleLegalFrameworkLinkIds: [], visibleCurriculumLinkIds: [] };
    const shown = await run('demo-practitioner-es', ENTITY, { r: [{ ...answered, visibleProcedureLinkIds: ['proc-es-ct-communication'] }] });
    expect(shown.data._entities[0].implementedBy).toEqual([{ type: 'PROCEDURE', procedure: { id: 'proc-es-ct-communication' }, curriculum: null }]);
    const hidden = await run('demo-practitioner-es', ENTITY, { r: [{ ...answered, visibleProcedureLinkIds: [] }] });
    expect(hidden.data._entities[0].implementedBy).toEqual([]);
    // Linking again is an idempotent success that writes nothing.
    const again = await run('demo-practitioner-es', LINK, { id: recId, t: { type: 'PROCEDURE', id: 'proc-es-ct-communication' } });
    expect(again.errors).toBeUndefined();
    expect(again.data.linkRecommendation.procedureLinkIds).toEqual(['proc-es-ct-communication']);
    const unlinked = await run('demo-practitioner-es', LINK.replace('linkRecommendation', 'unlinkRecommendation'), { id: recId, t: { type: 'PROCEDURE', id: 'proc-es-ct-communication' } });
    expect(unlinked.data.unlinkRecommendation.procedureLinkIds).toEqual([]);
    const after = await tableCounts();
    // Its outputs are searched as the language the workshop records.
    const documents = await dbs.bySubgraph.workshops!.query(
      `SELECT doc_type, language FROM workshops.search_documents WHERE doc_id = $1 OR parent_id = $1 ORDER BY doc_type`, [id]);
    expect(documents).toEqual([
      { doc_type: 'Recommendation', language: 'es' }, { doc_type: 'SwotItem', language: 'es' }, { doc_type: 'SwotItem', language: 'es' },
      { doc_type: 'Workshop', language: 'es' },
    ]);
    expect(after.workshops - before.workshops).toBe(1);
    expect(after.items - before.items).toBe(2);
    expect(after.outbox - before.outbox).toBe(1 + 2 + 2 + 1 + 1 + 1);
    const events = await dbs.bySubgraph.workshops!.query(`SELECT event FROM workshops.outbox ORDER BY id DESC LIMIT 8`);
    expect(events.map((e: any) => e.event).reverse()).toEqual(['workshop.created', 'swotItem.added', 'swotItem.added', 'keyMessage.added',
      'workshop.updated', 'recommendation.added', 'recommendation.linked', 'recommendation.unlinked']);
  });

  it('writes none of several items when one is bad', async () => {
    const before = await tableCounts();
    const ADD = `mutation($id: ID!, $items: [SwotItemInput!]!) { addSwotItems(workshop: $id, items: $items) { id } }`;
    const good = { topic: 'MONITORING', quadrant: 'STRENGTH', statement: 'A good item.' };
    const tooShort = await run('demo-manager-es', ADD, { id: bcn.id, items: [good, { ...good, statement: 'x' }] });
    expect(codesOf(tooShort)).toEqual(['BAD_USER_INPUT']);
    expect(tooShort.errors![0]!.message).toContain('1.statement');
    // An administrator, since only the organiser's staff or an administrator write to a workshop.
    const offTopic = await run('demo-admin', ADD, { id: 'ws-dub-online-hate', items: [good, { ...good, topic: 'INVESTIGATION' }] });
    expect(codesOf(offTopic)).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await run('demo-manager-es', ADD, { id: bcn.id, items: [] }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await run('demo-manager-es', ADD, { id: 'ws-ber-osint-limits', items: [good] }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await run('m-es-ct-1', ADD, { id: bcn.id, items: [good] }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await run('anonymous', ADD, { id: bcn.id, items: [good] }))).toEqual(['UNAUTHENTICATED']);
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses bad workshops and bad links with coded errors, writing nothing', async () => {
    const before = await tableCounts();
    const bad = async (patch: Record<string, unknown>, who = 'demo-practitioner-es') => codesOf(await run(who, CREATE, { input: { ...input, ...patch } }));
    expect(await bad({ endsOn: '2025-08-01' })).toEqual(['BAD_USER_INPUT']);
    expect(await bad({ city: 'Barcelona' })).toEqual(['BAD_USER_INPUT']);
    expect(await bad({ topics: [] })).toEqual(['BAD_USER_INPUT']);
    expect(await bad({ participantCount: -1 })).toEqual(['BAD_USER_INPUT']);
    expect(await bad({ startsOn: '2025-02-30' })).toEqual(['BAD_USER_INPUT']);
    expect(await bad({ language: 'Spanish' })).toEqual(['BAD_USER_INPUT']);
    expect(await bad({ language: undefined })).toEqual(['BAD_USER_INPUT']);
    expect(await bad({ visibility: 'MANAGEMENT' })).toEqual(['BAD_USER_INPUT']);
    expect(await bad({ visibility: 'LEA', restrictedTo: ['DE'] })).toEqual(['BAD_USER_INPUT']);
    expect(await bad({}, 'demo-trainer')).toEqual(['FORBIDDEN']);
    const LINK = `mutation($id: ID!, $t: RecommendationLinkInput!) { linkRecommendation(id: $id, target: $t) { id } }`;
    // An administrator links: only the organiser's staff or an administrator change a workshop's outputs.
    const link = async (id: string, t: Record<string, unknown>) => codesOf(await run('demo-admin', LINK, { id, t }));
    expect(await link('rec-bcn-05', { type: 'PROCEDURE', id: 'cur-osint-basics' })).toEqual(['BAD_USER_INPUT']);
    expect(await link('rec-bcn-05', { type: 'CURRICULUM', id: 'Robert; DROP TABLE' })).toEqual(['BAD_USER_INPUT']);
    expect(await link('rec-ber-01', { type: 'CURRICULUM', id: 'cur-osint-basics' })).toEqual(['NOT_FOUND']);
    expect(codesOf(await run('demo-manager-es', LINK, { id: 'rec-bcn-05', t: { type: 'CURRICULUM', id: 'cur-citizen-engagement' } }))).toEqual(['FORBIDDEN']);
    // Linking what is linked already, and unlinking what the caller did not link, succeed and change nothing.
    const linkedAgain = await run('demo-admin', LINK, { id: 'rec-bcn-05', t: { type: 'CURRICULUM', id: 'cur-citizen-engagement' } });
    expect(linkedAgain.errors).toBeUndefined();
    const notLinked = await run('demo-admin', LINK.replace('linkRecommendation', 'unlinkRecommendation'), { id: 'rec-bcn-05', t: { type: 'PROCEDURE', id: 'proc-es-monitoring' } });
    expect(notLinked.errors).toBeUndefined();
    expect(await tableCounts()).toEqual(before);
  });
});
