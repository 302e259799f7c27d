import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertPrincipals } from '../lib/principals.ts';
import { codes, startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seeded: true, consumers: false });
  // An administrator who is also a manager of the Mossos: the one kind of member who may publish with a past date.
  await upsertPrincipals(platform.databases.kernel.manager, [{
    memberId: 'test-admin-manager-es', agencyId: 'es-ct-mossos', jurisdiction: 'ES-CT', jurisdictionPath: ['ES-CT', 'ES', 'EU'],
    orgKind: 'LEA', tier: 'MANAGER', roles: ['EDITOR', 'ADMIN'], active: true,
  }, {
    // A Mossos manager posted in Barcelona, who may write versions restricted to the city.
    memberId: 'test-manager-es-bcn', agencyId: 'es-ct-mossos', jurisdiction: 'ES-CT-BCN', jurisdictionPath: ['ES-CT-BCN', 'ES-CT', 'ES', 'EU'],
    orgKind: 'LEA', tier: 'MANAGER', roles: ['EDITOR'], active: true,
  }]);
});
afterAll(async () => {
  await platform?.stop();
});

const DAY = 86_400_000;
const yesterday = () => new Date(Date.now() - DAY).toISOString().slice(0, 10);

const READ = `query($id: ID!) { procedure(id: $id) { version status visibility summary history { version } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateProcedureInput!) {
  updateProcedure(id: $id, expectedVersion: $v, input: $input) { version visibility summary } }`;
const SET_DIMENSIONS = `mutation($id: ID!, $v: Int!) {
  setDimensionValues(id: $id, expectedVersion: $v, values: [{ key: "retention_limit_days", value: 1 }]) { version } }`;
const VERIFY = 'mutation($id: ID!) { verifyProcedure(id: $id) { id lastVerifiedAt } }';
const PUBLISH = `mutation($id: ID!, $v: Int!, $from: Date, $reason: String) {
  publishProcedure(id: $id, expectedVersion: $v, effectiveFrom: $from, reason: $reason) {
    version status effectiveFrom history { version backdatingReason } } }`;

const MANAGER_SUMMARY = 'Manager-only: the monitoring cell is being cut to two officers during the budget review.';

describe('a practitioner editor and a manager-only draft (proc-es-ct-monitoring)', () => {
  const id = 'proc-es-ct-monitoring';

  it('neither shows nor lets the practitioner overwrite the draft, and still gives them the version in force', async () => {
    const draft = await platform.query<any>(UPDATE,
      { id, v: 3, input: { visibility: 'MANAGEMENT', summary: MANAGER_SUMMARY } }, 'demo-manager-es');
    expect(draft.errors).toBeUndefined();
    expect(draft.data.updateProcedure).toEqual({ version: 4, visibility: 'MANAGEMENT', summary: MANAGER_SUMMARY });

    // The reader gets the latest version they may see: v3, in force and LEA-visible, not null.
    const read = await platform.query<any>(READ, { id }, 'demo-practitioner-es');
    expect(read.errors).toBeUndefined();
    expect(read.data.procedure).toMatchObject({ version: 3, status: 'IN_FORCE', visibility: 'LEA' });
    expect(read.data.procedure.summary).not.toBe(MANAGER_SUMMARY);
    expect(read.data.procedure.history.map((h: any) => h.version)).toEqual([3, 2, 1]);

    // Every write that builds on the hidden v4 answers as an unknown procedure does, whatever version it names.
    const unknown = await platform.query<any>(UPDATE, { id: 'proc-es-ct-nothing', v: 3, input: { summary: 'A new summary.' } }, 'demo-practitioner-es');
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const expected = unknown.errors![0]!.message.replace('proc-es-ct-nothing', id);
    expect(expected).toBe(`Procedure "${id}" was not found.`);
    const attempts = [
      await platform.query<any>(UPDATE, { id, v: 3, input: { summary: 'A new summary.' } }, 'demo-practitioner-es'),
      await platform.query<any>(UPDATE, { id, v: 4, input: { visibility: 'LEA' } }, 'demo-practitioner-es'),
      await platform.query<any>(SET_DIMENSIONS, { id, v: 4 }, 'demo-practitioner-es'),
      await platform.query<any>(VERIFY, { id }, 'demo-practitioner-es'),
    ];
    for (const r of attempts) {
      expect(codes(r)).toEqual(['NOT_FOUND']);
      expect(r.errors![0]!.message).toBe(expected);
      expect(JSON.stringify(r)).not.toContain(MANAGER_SUMMARY);
      expect(r.data).toBeNull();
    }

    // Nothing was written: the manager still sees their draft as the latest version.
    const after = await platform.query<any>(READ, { id }, 'demo-manager-es');
    expect(after.data.procedure).toMatchObject({ version: 4, status: 'DRAFT', visibility: 'MANAGEMENT', summary: MANAGER_SUMMARY });
    expect(after.data.procedure.history.map((h: any) => h.version)).toEqual([4, 3, 2, 1]);
  });

  it('refuses a manager an effectiveFrom before a version in force they cannot read, without naming its date', async () => {
    const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
    const BARCELONA_ONLY = 'Barcelona only: the monitoring cell moves to the city\'s crisis room.';
    const restricted = await platform.query<any>(UPDATE,
      { id, v: 4, input: { restrictedTo: ['ES-CT-BCN'], summary: BARCELONA_ONLY } }, 'test-manager-es-bcn');
    expect(restricted.data.updateProcedure).toEqual({ version: 5, visibility: 'MANAGEMENT', summary: BARCELONA_ONLY });
    const inForce = await platform.query<any>(PUBLISH, { id, v: 5, from: inDays(30) }, 'test-manager-es-bcn');
    expect(inForce.errors).toBeUndefined();
    expect(inForce.data.publishProcedure).toMatchObject({ version: 5, status: 'IN_FORCE', effectiveFrom: inDays(30) });
    const open = await platform.query<any>(UPDATE,
      { id, v: 5, input: { restrictedTo: [], visibility: 'LEA', summary: 'Monitoring procedure, open to all Mossos staff again.' } }, 'test-manager-es-bcn');
    expect(open.data.updateProcedure).toMatchObject({ version: 6, visibility: 'LEA' });

    // The Mossos manager in Catalonia works on the open draft but cannot read the Barcelona-only version in force.
    const manager = await platform.query<any>(PUBLISH, { id, v: 6, from: inDays(10) }, 'demo-manager-es');
    expect(codes(manager)).toEqual(['BAD_USER_INPUT']);
    expect(manager.errors![0]!.message).toBe('effectiveFrom must not be before the day the version in force took effect.');
    expect(JSON.stringify(manager)).not.toContain(inDays(30));

    const reader = await platform.query<any>(PUBLISH, { id, v: 6, from: inDays(10) }, 'test-manager-es-bcn');
    expect(codes(reader)).toEqual(['BAD_USER_INPUT']);
    expect(reader.errors![0]!.message).toBe(`effectiveFrom must not be before ${inDays(30)}, when the version in force took effect.`);
    const after = await platform.query<any>(READ, { id }, 'demo-manager-es');
    expect(after.data.procedure).toMatchObject({ version: 6, status: 'DRAFT' });
  });
});

describe('fields stricter than their procedure (proc-es-ct-communication)', () => {
  const id = 'proc-es-ct-communication';
  const RESOURCING = `query($id: ID!) { procedure(id: $id) { version resourcing { staff budgetEur tooling } } }`;

  it('refuses resourcing from a practitioner with FORBIDDEN and writes nothing', async () => {
    const before = await platform.query<any>(RESOURCING, { id }, 'demo-manager-es');
    expect(before.data.procedure.version).toBe(1);
    expect(before.data.procedure.resourcing).not.toBeNull();
    for (const resourcing of [{ staff: 0, budgetEur: 0, tooling: [] }, null]) {
      const r = await platform.query<any>(UPDATE, { id, v: 1, input: { resourcing } }, 'demo-practitioner-es');
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.errors![0]!.message).toBe('Only law-enforcement managers may set resourcing.');
    }
    const after = await platform.query<any>(RESOURCING, { id }, 'demo-manager-es');
    expect(after.data.procedure).toEqual(before.data.procedure);
  });

  it('lets a practitioner edit what they can read and keeps the manager\'s resourcing as it was', async () => {
    const before = await platform.query<any>(RESOURCING, { id }, 'demo-manager-es');
    const r = await platform.query<any>(UPDATE, { id, v: 1, input: { summary: 'How the Mossos communicate on social media, revised.' } }, 'demo-practitioner-es');
    expect(r.errors).toBeUndefined();
    expect(r.data.updateProcedure.version).toBe(2);
    const after = await platform.query<any>(RESOURCING, { id }, 'demo-manager-es');
    expect(after.data.procedure.version).toBe(2);
    expect(after.data.procedure.resourcing).toEqual(before.data.procedure.resourcing);
  });
});

describe('backdating', () => {
  it('refuses a past effectiveFrom from a manager, and takes one from an administrator with the reason kept in the history', async () => {
    const id = 'proc-es-ct-investigation';
    const draft = await platform.query<any>(UPDATE, { id, v: 1, input: { summary: 'Investigation procedure, revised after the audit.' } }, 'demo-manager-es');
    expect(draft.data.updateProcedure.version).toBe(2);
    const past = yesterday();

    const manager = await platform.query<any>(PUBLISH, { id, v: 2, from: past }, 'demo-manager-es');
    expect(codes(manager)).toEqual(['BAD_USER_INPUT']);
    expect(manager.errors![0]!.message).toMatch(/^effectiveFrom must be today or later/);
    const withReason = await platform.query<any>(PUBLISH, { id, v: 2, from: past, reason: 'Signed on paper last week.' }, 'demo-manager-es');
    expect(codes(withReason)).toEqual(['BAD_USER_INPUT']);

    const noReason = await platform.query<any>(PUBLISH, { id, v: 2, from: past }, 'test-admin-manager-es');
    expect(codes(noReason)).toEqual(['BAD_USER_INPUT']);
    expect(noReason.errors![0]!.message).toBe('Give a reason to set effectiveFrom before today: it is kept in the history.');

    // Nothing was published by the refused calls: on the past date the first version is still the one in force.
    const at = await platform.query<any>('query($id: ID!, $at: Date) { procedure(id: $id, at: $at) { version } }', { id, at: past }, 'demo-manager-es');
    expect(at.data.procedure).toEqual({ version: 1 });

    const admin = await platform.query<any>(PUBLISH, { id, v: 2, from: past, reason: 'The order was signed on paper before the platform was updated.' }, 'test-admin-manager-es');
    expect(admin.errors).toBeUndefined();
    expect(admin.data.publishProcedure).toMatchObject({ version: 2, status: 'IN_FORCE', effectiveFrom: past });
    expect(admin.data.publishProcedure.history).toEqual([
      { version: 2, backdatingReason: 'The order was signed on paper before the platform was updated.' },
      { version: 1, backdatingReason: null },
    ]);
  });

  it('publishes from today without a reason, and keeps no reason where there is no backdating', async () => {
    const id = 'proc-de-by-monitoring';
    const latest = await platform.query<any>(READ, { id }, 'demo-manager-de');
    const draft = await platform.query<any>(UPDATE,
      { id, v: latest.data.procedure.version, input: { summary: 'Monitoring procedure, revised.' } }, 'demo-manager-de');
    const v = draft.data.updateProcedure.version;
    expect(v).toBe(latest.data.procedure.version + 1);
    const r = await platform.query<any>(PUBLISH, { id, v, reason: 'No reason needed.' }, 'demo-manager-de');
    expect(r.errors).toBeUndefined();
    expect(r.data.publishProcedure).toMatchObject({ version: v, status: 'IN_FORCE' });
    expect(r.data.publishProcedure.history[0]).toEqual({ version: v, backdatingReason: null });
  });

  const AMEND = `mutation($id: ID!, $v: Int!, $from: Date, $reason: String) {
    amendProvision(id: $id, expectedVersion: $v, input: { heading: "Logging (amended)", changeNote: "Heading clarified", validFrom: $from, reason: $reason }) {
      version validFrom history { version backdatingReason } } }`;
  const ADD = `mutation($from: Date, $reason: String) {
    addProvision(framework: "de-bdsg-2017", input: { reference: "§ 77", heading: "Test provision", text: "A provision added by a test.",
      visibility: PUBLIC, validFrom: $from, reason: $reason }) { id validFrom history { version backdatingReason } } }`;

  it('refuses a past validFrom from a reviewer on amendProvision and addProvision', async () => {
    const past = yesterday();
    const amend = await platform.query<any>(AMEND, { id: 'de-bdsg-2017-s-76', v: 1, from: past }, 'demo-reviewer');
    expect(codes(amend)).toEqual(['BAD_USER_INPUT']);
    expect(amend.errors![0]!.message).toMatch(/^validFrom must be today or later/);
    const add = await platform.query<any>(ADD, { from: past }, 'demo-reviewer');
    expect(codes(add)).toEqual(['BAD_USER_INPUT']);
    expect(add.errors![0]!.message).toMatch(/^validFrom must be today or later/);
    const read = await platform.query<any>('{ legalProvision(id: "de-bdsg-2017-s-76") { version } legalFramework(id: "de-bdsg-2017") { provisions { reference } } }', {}, 'demo-reviewer');
    expect(read.data.legalProvision).toEqual({ version: 1 });
    expect(read.data.legalFramework.provisions.map((p: any) => p.reference)).not.toContain('§ 77');
  });

  it('takes a past validFrom from an administrator with a reason, kept in the provision\'s history', async () => {
    const past = yesterday();
    const noReason = await platform.query<any>(AMEND, { id: 'de-bdsg-2017-s-76', v: 1, from: past }, 'demo-admin');
    expect(codes(noReason)).toEqual(['BAD_USER_INPUT']);
    const amend = await platform.query<any>(AMEND, { id: 'de-bdsg-2017-s-76', v: 1, from: past, reason: 'Published in the gazette yesterday.' }, 'demo-admin');
    expect(amend.errors).toBeUndefined();
    expect(amend.data.amendProvision).toMatchObject({ version: 2, validFrom: past });
    expect(amend.data.amendProvision.history).toEqual([
      { version: 2, backdatingReason: 'Published in the gazette yesterday.' },
      { version: 1, backdatingReason: null },
    ]);
    const add = await platform.query<any>(ADD, { from: past, reason: 'Published in the gazette yesterday.' }, 'demo-admin');
    expect(add.errors).toBeUndefined();
    expect(add.data.addProvision).toMatchObject({ validFrom: past, history: [{ version: 1, backdatingReason: 'Published in the gazette yesterday.' }] });
  });
});

describe('one write path', () => {
  // Each pair: a write on an item the caller may not see, and the same write on an id that does not exist.
  const cases = [
    {
      member: 'demo-practitioner-es', hidden: 'proc-es-ct-investigation', unknown: 'proc-es-ct-nothing',
      query: 'mutation($id: ID!) { updateProcedure(id: $id, expectedVersion: 1, input: { summary: "A new summary." }) { version } }',
    },
    {
      member: 'demo-reviewer', hidden: 'de-by-covert-accounts-guideline-s-2', unknown: 'de-by-nothing-s-2',
      query: 'mutation($id: ID!) { amendProvision(id: $id, expectedVersion: 1, input: { heading: "A heading", changeNote: "A note" }) { version } }',
    },
    { member: 'demo-practitioner-de', hidden: 'swot-hag-01', unknown: 'swot-nothing', query: 'mutation($id: ID!) { voteSwotItem(id: $id) { id } }' },
  ];

  /** Runs `sql` in a transaction of its own on the subgraph's database and keeps it open until `end` is called. */
  async function openTransaction(subgraph: string, sql: string, params: unknown[]) {
    const runner = platform.databases.bySubgraph[subgraph]!.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(sql, params);
    return async () => {
      await runner.commitTransaction();
      await runner.release();
    };
  }
  const waitingForLocks = async () =>
    (await platform.databases.kernel.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0].n;
  const STILL_WAITING = 'still waiting after 5 s';
  const within5s = <T>(p: Promise<T>) => Promise.race([p, new Promise<string>((resolve) => setTimeout(() => resolve(STILL_WAITING), 5_000))]);
  const errorsOf = (r: any) => r.errors?.map((e: any) => ({ code: e.extensions?.code, message: e.message }));

  /** Sends `request` while a change made by `sql` is not yet committed, and answers its response once it waited for it. */
  async function whileChangeIsOpen(subgraph: string, sql: string, request: () => Promise<any>) {
    const end = await openTransaction(subgraph, sql, []);
    let response: Promise<any> | undefined;
    try {
      response = request();
      await expect.poll(waitingForLocks, { timeout: 5_000 }).toBe(1);
    } finally {
      await end();
    }
    return response;
  }

  it('takes a vote for a SWOT item while another member\'s vote for it is still being written', async () => {
    const VOTE = 'mutation($id: ID!) { voteSwotItem(id: $id) { id votedByMe } }';
    const end = await openTransaction('workshops', `INSERT INTO workshops.swot_votes (swot_item_id, member_id) VALUES ('swot-dub-02', 'm-ie-1')`, []);
    let vote: Promise<any> | undefined;
    try {
      vote = platform.query<any>(VOTE, { id: 'swot-dub-02' }, 'demo-practitioner-de');
      expect(await within5s(vote)).toMatchObject({ data: { voteSwotItem: { id: 'swot-dub-02', votedByMe: true } } });
    } finally {
      await end();
      await vote;
    }
    const workshop = await platform.query<any>('{ workshop(id: "ws-dub-online-hate") { swotItems { id weight } } }', {}, 'demo-practitioner-de');
    expect(workshop.data.workshop.swotItems.find((i: any) => i.id === 'swot-dub-02')).toEqual({ id: 'swot-dub-02', weight: 2 });
  });

  it('answers a vote for a SWOT item deleted while the vote waits as one for an unknown item', async () => {
    const r = await whileChangeIsOpen('workshops', `DELETE FROM workshops.swot_items WHERE id = 'swot-dub-03'`,
      () => platform.query<any>('mutation { voteSwotItem(id: "swot-dub-03") { id } }', {}, 'demo-practitioner-de'));
    expect(r.data).toBeNull();
    expect(errorsOf(r)).toEqual([{ code: 'NOT_FOUND', message: 'SWOT item "swot-dub-03" was not found.' }]);
  });

  it('answers a cancellation that waited for an assignment to be completed with what the assignment has become', async () => {
    const r = await whileChangeIsOpen('training', `UPDATE training.assignments SET status = 'COMPLETED', completed_on = current_date WHERE id = 'asg-seed-ie-osint-1'`,
      () => platform.query<any>('mutation { cancelAssignment(id: "asg-seed-ie-osint-1") { status } }', {}, 'demo-trainer'));
    expect(r.data).toBeNull();
    expect(errorsOf(r)).toEqual([{ code: 'BAD_USER_INPUT', message: 'This assignment is completed and cannot be cancelled.' }]);
  });

  it('answers a write on a hidden item exactly as one on an unknown id, in procedures, legal and workshops', async () => {
    for (const c of cases) {
      const hidden = await platform.query<any>(c.query, { id: c.hidden }, c.member);
      const unknown = await platform.query<any>(c.query, { id: c.unknown }, c.member);
      expect(codes(hidden)).toEqual(['NOT_FOUND']);
      expect(codes(unknown)).toEqual(['NOT_FOUND']);
      expect(hidden.errors![0]!.message.replace(c.hidden, '<id>')).toBe(unknown.errors![0]!.message.replace(c.unknown, '<id>'));
      expect(hidden.errors![0]!.message).toMatch(/ was not found\.$/);
    }
  });
});
