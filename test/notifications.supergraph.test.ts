import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_SECRET_HEADER } from '../lib/secret.ts';
import { postGraphQL, startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

// Follows and notifications through the gateway: a member is told of changes to what they follow, only while they may
// see it, and a notification about an item hidden since names nothing.

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seeded: true });
});
afterAll(async () => {
  await platform?.stop();
});

async function ok<T = any>(query: string, variables: Record<string, unknown>, who: string | null): Promise<T> {
  const r = await platform.query<any>(query, variables, who);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
}

async function refused(query: string, variables: Record<string, unknown>, who: string | null) {
  const r = await platform.query<any>(query, variables, who);
  expect(r.errors?.length, `expected an error: ${JSON.stringify(r.data)}`).toBeGreaterThan(0);
  return { code: r.errors![0]!.extensions?.code, message: r.errors![0]!.message };
}

const FOLLOW = `mutation($input: FollowInput!) { follow(input: $input) { id targetType title available jurisdiction topic item { __typename ... on Procedure { id title } } } }`;
const UNFOLLOW = `mutation($input: FollowInput!) { unfollow(input: $input) }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateProcedureInput!) { updateProcedure(id: $id, expectedVersion: $v, input: $input) { version } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishProcedure(id: $id, expectedVersion: $v) { version status } }`;
const CREATE = `mutation($input: CreateProcedureInput!) { createProcedure(input: $input) { id version } }`;
const WITHDRAW = `mutation($id: ID!, $reason: String!) { withdrawProcedure(id: $id, reason: $reason) { status } }`;
const UNREAD = `{ me { unreadCount } }`;
const INBOX = `query($unreadOnly: Boolean) { me { unreadCount notifications(first: 50, unreadOnly: $unreadOnly) { totalCount
  nodes { id kind message available readAt item { __typename ... on Procedure { id title } ... on Curriculum { id } } } } } }`;

const unread = async (who: string) => (await ok(UNREAD, {}, who)).me.unreadCount as number;
const inbox = async (who: string, unreadOnly = false) => (await ok(INBOX, { unreadOnly }, who)).me.notifications;
const procedureFollow = (id: string) => ({ input: { targetType: 'PROCEDURE', id } });

/** Publishes a new version of a procedure of demo-manager-de's agency with these changes; returns the version. */
async function publishNewVersion(id: string, input: Record<string, unknown>) {
  const { procedure } = await ok(`query($id: ID!) { procedure(id: $id) { history { version } } }`, { id }, 'demo-manager-de');
  const current = Math.max(...procedure.history.map((v: { version: number }) => v.version));
  const { updateProcedure } = await ok(UPDATE, { id, v: current, input }, 'demo-manager-de');
  await ok(PUBLISH, { id, v: updateProcedure.version }, 'demo-manager-de');
  return updateProcedure.version as number;
}

/** Waits until the notifications subgraph has read every outbox row written so far. */
async function settled() {
  const db = platform.databases.bySubgraph.notifications!;
  await expect.poll(async () => {
    const [row] = await db.query(`SELECT bool_and(coalesce(p.last_id, 0) >= o.max_id) AS done FROM
      (SELECT 'procedures' AS s, coalesce(max(id), 0) AS max_id FROM procedures.outbox UNION ALL SELECT 'legal', coalesce(max(id), 0) FROM legal.outbox
       UNION ALL SELECT 'training', coalesce(max(id), 0) FROM training.outbox UNION ALL SELECT 'workshops', coalesce(max(id), 0) FROM workshops.outbox) o
      LEFT JOIN notifications.consumer_positions p ON p.consumer = 'notifications-' || o.s`);
    return row.done;
  }, { timeout: 15_000, interval: 100 }).toBe(true);
}

describe('following a procedure', () => {
  it('tells the follower of a new version: the bell count rises, the notification names and links the procedure, mark all read clears it', async () => {
    const id = 'proc-de-by-monitoring';
    const follow = (await ok(FOLLOW, procedureFollow(id), 'demo-practitioner-de')).follow;
    expect(follow).toMatchObject({ targetType: 'PROCEDURE', available: true, item: { __typename: 'Procedure', id } });
    expect(follow.title).toEqual(expect.any(String));
    const again = (await ok(FOLLOW, procedureFollow(id), 'demo-practitioner-de')).follow;
    expect(again.id).toBe(follow.id);
    expect((await ok(`{ procedure(id: "${id}") { followedByMe } }`, {}, 'demo-practitioner-de')).procedure.followedByMe).toBe(true);
    expect((await ok(`{ procedure(id: "${id}") { followedByMe } }`, {}, 'demo-manager-de')).procedure.followedByMe).toBe(false);

    const before = await unread('demo-practitioner-de');
    const version = await publishNewVersion(id, { summary: 'Bavarian monitoring, revised.', changeNote: 'Revised summary.' });
    await expect.poll(() => unread('demo-practitioner-de'), { timeout: 15_000 }).toBe(before + 1);
    const { nodes } = await inbox('demo-practitioner-de', true);
    const n = nodes.find((x: any) => x.kind === 'PROCEDURE_PUBLISHED' && x.item?.id === id);
    expect(n).toBeDefined();
    expect(n.available).toBe(true);
    expect(n.message).toBe(`A new version (${version}) of the procedure “${n.item.title}” was published.`);
    expect(await unread('demo-manager-de')).toBe(0);

    expect((await ok(`mutation { markAllNotificationsRead }`, {}, 'demo-practitioner-de')).markAllNotificationsRead).toBe(before + 1);
    expect(await unread('demo-practitioner-de')).toBe(0);
    expect((await inbox('demo-practitioner-de', true)).nodes).toEqual([]);
    expect((await inbox('demo-practitioner-de')).nodes.find((x: any) => x.id === n.id).readAt).toEqual(expect.any(String));
  });

  it('tells nobody who may not see the new version, and hides earlier notifications about it once it is restricted', async () => {
    const id = 'proc-de-by-investigation';
    await ok(FOLLOW, procedureFollow(id), 'demo-practitioner-de');
    await ok(FOLLOW, procedureFollow(id), 'demo-practitioner-es');
    // An unrestricted version: both are told.
    await publishNewVersion(id, { summary: 'Federal monitoring, clarified.' });
    await settled();
    const esInbox = await inbox('demo-practitioner-es');
    const told = esInbox.nodes.filter((x: any) => x.item?.id === id);
    expect(told).toHaveLength(1);
    expect(told[0].message).toContain('was published');
    const esUnread = await unread('demo-practitioner-es');
    expect(esUnread).toBeGreaterThan(0);
    const deBefore = (await inbox('demo-practitioner-de')).nodes.filter((x: any) => x.kind === 'PROCEDURE_PUBLISHED').length;

    // Restricted to Germany: the German practitioner is told, the Catalan one is not, and what they were told before
    // no longer names the procedure nor counts.
    await publishNewVersion(id, { restrictedTo: ['DE'], summary: 'Federal monitoring, German units only.' });
    await settled();
    expect((await inbox('demo-practitioner-de')).nodes.filter((x: any) => x.kind === 'PROCEDURE_PUBLISHED').length).toBe(deBefore + 1);
    const after = await inbox('demo-practitioner-es');
    expect(after.nodes.map((x: any) => x.id)).toEqual(esInbox.nodes.map((x: any) => x.id));
    const hidden = after.nodes.find((x: any) => x.id === told[0].id);
    expect(hidden).toMatchObject({ available: false, item: null, message: 'A new version of an item that is no longer available to you was published.' });
    expect(await unread('demo-practitioner-es')).toBe(esUnread - 1);
    expect(after.totalCount).toBe(esInbox.totalCount - 1);
    const esFollows = (await ok(`{ me { follows { targetType targetId available title item { __typename } } } }`, {}, 'demo-practitioner-es')).me.follows;
    expect(esFollows).toContainEqual({ targetType: 'PROCEDURE', targetId: id, available: false, title: null, item: null });
    // What they followed, they may still stop following.
    expect((await ok(UNFOLLOW, procedureFollow(id), 'demo-practitioner-es')).unfollow).toBe(true);
  });

  it('tells followers of a withdrawal, by the guard the procedure had', async () => {
    const { createProcedure } = await ok(CREATE, { input: {
      topic: 'INVESTIGATION', title: 'Bavarian seizure of online accounts', summary: 'How accounts are seized.', body: 'Steps.', language: 'de', visibility: 'LEA',
    } }, 'demo-manager-de');
    await ok(PUBLISH, { id: createProcedure.id, v: 1 }, 'demo-manager-de');
    await ok(FOLLOW, procedureFollow(createProcedure.id), 'demo-practitioner-de');
    await ok(FOLLOW, procedureFollow(createProcedure.id), 'demo-practitioner-es');
    await ok(WITHDRAW, { id: createProcedure.id, reason: 'Replaced.' }, 'demo-manager-de');
    await settled();
    for (const who of ['demo-practitioner-de', 'demo-practitioner-es']) {
      const withdrawn = (await inbox(who)).nodes.filter((x: any) => x.kind === 'PROCEDURE_WITHDRAWN');
      expect(withdrawn, who).toHaveLength(1);
      expect(withdrawn[0]).toMatchObject({ available: false, item: null, message: 'The procedure “Bavarian seizure of online accounts” was withdrawn.' });
    }
  });

  it('refuses what the member may not see exactly as what does not exist, and bad input with a reason', async () => {
    const hidden = await refused(FOLLOW, procedureFollow('proc-de-by-monitoring'), 'demo-partner');
    const missing = await refused(FOLLOW, procedureFollow('no-such-procedure'), 'demo-partner');
    expect(hidden).toEqual({ code: 'NOT_FOUND', message: 'The procedure was not found.' });
    expect(missing).toEqual(hidden);
    expect(await refused(FOLLOW, { input: { targetType: 'JURISDICTION_TOPIC', jurisdiction: 'DE' } }, 'demo-partner'))
      .toEqual({ code: 'BAD_USER_INPUT', message: 'Invalid input: topic: is required for a jurisdiction and topic' });
    expect((await refused(FOLLOW, { input: { targetType: 'JURISDICTION_TOPIC', jurisdiction: 'XX', topic: 'MONITORING' } }, 'demo-partner')).code).toBe('NOT_FOUND');
    expect((await refused(FOLLOW, { input: { targetType: 'PROCEDURE' } }, 'demo-partner')).code).toBe('BAD_USER_INPUT');
    expect((await refused(FOLLOW, procedureFollow('proc-de-communication'), null)).code).toBe('UNAUTHENTICATED');
    const [{ n }] = await platform.databases.bySubgraph.notifications!.query(`SELECT count(*)::int AS n FROM notifications.follows WHERE member_id = 'demo-partner'`);
    expect(n).toBe(0);
    expect((await ok(UNFOLLOW, procedureFollow('proc-de-communication'), 'demo-partner')).unfollow).toBe(false);
    expect(await refused(`mutation { deleteSavedSearch(id: "not-a-saved-search") }`, {}, 'demo-partner'))
      .toEqual({ code: 'BAD_USER_INPUT', message: 'Invalid input: must be a saved search id' });
  });

  it('holds a member to 500 follows and 50 saved searches', async () => {
    const db = platform.databases.bySubgraph.notifications!;
    await db.query(`INSERT INTO notifications.follows (member_id, target_type, target_id)
      SELECT 'demo-manager-es', 'JURISDICTION_TOPIC', 'FILL:' || n FROM generate_series(1, 499) n`);
    await ok(FOLLOW, procedureFollow('proc-de-communication'), 'demo-manager-es');
    expect(await refused(FOLLOW, { input: { targetType: 'JURISDICTION_TOPIC', jurisdiction: 'ES', topic: 'MONITORING' } }, 'demo-manager-es'))
      .toEqual({ code: 'CONFLICT', message: 'You follow 500 items already, the most a member may; unfollow one first.' });
    expect((await ok(UNFOLLOW, procedureFollow('proc-de-communication'), 'demo-manager-es')).unfollow).toBe(true);
    await ok(FOLLOW, { input: { targetType: 'JURISDICTION_TOPIC', jurisdiction: 'ES', topic: 'MONITORING' } }, 'demo-manager-es');

    await db.query(`INSERT INTO notifications.saved_searches (member_id, name, query) SELECT 'demo-manager-es', 'filled ' || n, 'word' FROM generate_series(1, 50) n`);
    expect(await refused(`mutation { saveSearch(input: { name: "one more", query: "drones" }) { id } }`, {}, 'demo-manager-es'))
      .toEqual({ code: 'CONFLICT', message: 'You have 50 saved searches already, the most a member may; delete one first.' });
  });
});

describe('jurisdiction and topic, saved searches', () => {
  it('tells followers of a jurisdiction and topic of a new procedure in force there, and saved searches of a new match, each as far as they may see it', async () => {
    await ok(FOLLOW, { input: { targetType: 'JURISDICTION_TOPIC', jurisdiction: 'DE-BY', topic: 'COMMUNICATION' } }, 'demo-practitioner-de');
    await ok(FOLLOW, { input: { targetType: 'JURISDICTION_TOPIC', jurisdiction: 'DE-BY', topic: 'COMMUNICATION' } }, 'demo-partner');
    const saved = (await ok(`mutation { saveSearch(input: { name: "Drones", query: "quadcopter", topics: [COMMUNICATION] }) { id name query topics types } }`, {}, 'demo-partner')).saveSearch;
    expect(saved).toMatchObject({ name: 'Drones', query: 'quadcopter', topics: ['COMMUNICATION'], types: [] });
    await ok(`mutation { saveSearch(input: { name: "Drones", query: "quadcopter" }) { id } }`, {}, 'demo-practitioner-es');

    const { createProcedure } = await ok(CREATE, { input: {
      topic: 'COMMUNICATION', title: 'Announcing quadcopter flights to residents', summary: 'Posting before a flight.', body: 'Post the route.',
      language: 'de', visibility: 'LEA',
    } }, 'demo-manager-de');
    await ok(PUBLISH, { id: createProcedure.id, v: 1 }, 'demo-manager-de');
    await settled();
    const de = (await inbox('demo-practitioner-de')).nodes.filter((x: any) => x.item?.id === createProcedure.id);
    expect(de.map((x: any) => x.kind)).toEqual(['PROCEDURE_IN_FORCE']);
    expect(de[0].message).toBe('A new procedure is in force in DE-BY on communication: “Announcing quadcopter flights to residents”.');
    const es = (await inbox('demo-practitioner-es')).nodes.filter((x: any) => x.item?.id === createProcedure.id);
    expect(es.map((x: any) => x.kind)).toEqual(['SAVED_SEARCH_MATCH']);
    expect(es[0].message).toBe('New match for your saved search “Drones”: “Announcing quadcopter flights to residents”.');
    // The partner follows the same jurisdiction and topic and searches the same word, but may not see an LEA procedure.
    const partner = await inbox('demo-partner');
    expect(partner.nodes).toEqual([]);
    expect(partner.totalCount).toBe(0);

    // A public one reaches the partner, once, through either path.
    const pub = (await ok(CREATE, { input: {
      topic: 'COMMUNICATION', title: 'Quadcopter notices for the public', summary: 'Public notices.', body: 'Publish notices.', language: 'de', visibility: 'PUBLIC',
    } }, 'demo-manager-de')).createProcedure;
    await ok(PUBLISH, { id: pub.id, v: 1 }, 'demo-manager-de');
    await settled();
    const partnerAfter = (await inbox('demo-partner')).nodes;
    expect(partnerAfter.map((x: any) => [x.kind, x.item?.id])).toEqual([['PROCEDURE_IN_FORCE', pub.id]]);
  });

  it('answers nothing about a hidden item through _entities, and lists another member\'s follows and notifications as empty', async () => {
    const notifications = platform.subgraphs.find((s) => s.name === 'notifications')!;
    const ask = async (who: string) => postGraphQL<any>(notifications.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Procedure { id followedByMe } } }`,
      { r: [{ __typename: 'Procedure', id: 'proc-de-by-monitoring' }] }, await platform.token(who), { [SUBGRAPH_SECRET_HEADER]: platform.secret });
    expect((await ask('demo-practitioner-de')).data._entities).toEqual([{ id: 'proc-de-by-monitoring', followedByMe: true }]);
    expect((await ask('demo-partner')).data._entities).toEqual([null]);

    const other = await ok(`{ member(id: "demo-practitioner-de") { unreadCount follows { id } savedSearches { id } notificationPreferences { email }
      notifications { totalCount nodes { id } } } }`, {}, 'demo-manager-de');
    expect(other.member).toEqual({ unreadCount: 0, follows: [], savedSearches: [], notificationPreferences: null, notifications: { totalCount: 0, nodes: [] } });
  });

  it('logs reading a notification or a follow that names a non-PUBLIC item as consulting that item', async () => {
    const since = new Date().toISOString();
    await ok(`query ReadBell { me { notifications(first: 50) { nodes { message } } } }`, {}, 'demo-practitioner-de');
    await ok(`query ReadFollows { me { follows { title } } }`, {}, 'demo-practitioner-de');
    const log = async () => (await ok(`query($since: String!) { auditLog(first: 50, filter: { member: "demo-practitioner-de", kind: CONSULTATION, from: $since }) {
      nodes { operationName entityType entityIds } } }`, { since }, 'demo-auditor')).auditLog.nodes;
    await expect.poll(async () => (await log()).length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    const entries = await log();
    const read = (operation: string) => entries.filter((e: any) => e.operationName === operation && e.entityType === 'Procedure').flatMap((e: any) => e.entityIds);
    expect(read('ReadBell')).toContain('proc-de-by-monitoring');
    expect(read('ReadFollows')).toContain('proc-de-by-monitoring');
  });

  it('pages through a member\'s notifications once, newest first, even when one arrives between pages', async () => {
    const db = platform.databases.bySubgraph.notifications!;
    const made = async (n: number, from: number) => (await db.query(`INSERT INTO notifications.notifications (member_id, kind, personal, detail, dedupe_key)
      SELECT 'demo-trainer', 'ASSIGNMENT_MADE', true, '{}', 'paging:' || k FROM generate_series($1::int, $2::int) k RETURNING id::text`, [from, from + n - 1]))
      .map((r: { id: string }) => r.id);
    const first = await made(5, 1);
    const PAGE = `query($after: String) { me { notifications(first: 2, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let n = 0; ; n++) {
      const { notifications }: any = (await ok(PAGE, { after }, 'demo-trainer')).me;
      seen.push(...notifications.nodes.map((x: { id: string }) => x.id));
      if (n === 0) await made(1, 6); // a new one while the member reads the first page
      if (!notifications.pageInfo.hasNextPage) break;
      after = notifications.pageInfo.endCursor;
    }
    expect(seen).toEqual([...first].reverse());
    expect((await refused(PAGE, { after: 'bm90LWEtY3Vyc29y' }, 'demo-trainer')))
      .toEqual({ code: 'BAD_USER_INPUT', message: 'after is not a cursor this list returned.' });
  });

  it('keeps the e-mail choice per member, IMMEDIATE until changed', async () => {
    const prefs = `{ me { notificationPreferences { email emailAddress } } }`;
    expect((await ok(prefs, {}, 'demo-practitioner-de')).me.notificationPreferences)
      .toEqual({ email: 'IMMEDIATE', emailAddress: 'lena.hoffmann@demo.polizei-by.example' });
    expect((await ok(`mutation { setNotificationPreferences(input: { email: DAILY_DIGEST }) { email } }`, {}, 'demo-practitioner-de')).setNotificationPreferences)
      .toEqual({ email: 'DAILY_DIGEST' });
    expect((await ok(prefs, {}, 'demo-practitioner-de')).me.notificationPreferences.email).toBe('DAILY_DIGEST');
    // A digest covers what came since the choice was made: saving the same choice again does not move that time.
    const chosenAt = async () => (await platform.databases.bySubgraph.notifications!.query(
      `SELECT updated_at::text AS at FROM notifications.preferences WHERE member_id = 'demo-practitioner-de'`))[0].at;
    const first = await chosenAt();
    await ok(`mutation { setNotificationPreferences(input: { email: DAILY_DIGEST }) { email } }`, {}, 'demo-practitioner-de');
    expect(await chosenAt()).toBe(first);
    expect((await ok(prefs, {}, 'demo-manager-de')).me.notificationPreferences.email).toBe('IMMEDIATE');
    expect((await refused(`mutation { setNotificationPreferences(input: { email: WEEKLY }) { email } }`, {}, 'demo-practitioner-de')).code)
      .toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
