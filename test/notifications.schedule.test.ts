import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keySetup, signToken } from '../lib/auth.ts';
import { startPlatform } from '../scripts/platform.ts';
import type { Databases, Platform } from '../scripts/platform.ts';
import { freshDatabases, postGraphQL, silentLog, testConfig } from './support/platform.ts';

// Scheduled work across replicas: two platforms over one database, both running the job runner, remind each member of
// an assignment falling due within 7 days (and of an overdue one) once; running the reminder job again changes
// nothing; a run missed while every replica was down is caught up when they start again.

const REMIND = 'training.remindAssignments';
const cfg = testConfig();
let databases: Databases;
let replicas: Platform[] = [];
/** Tasks finished by any replica's runner, in order (with whether the scheduler backfilled the run). */
const finished: { task: string; backfilled: boolean }[] = [];

async function startReplica(): Promise<Platform> {
  const p = await startPlatform(cfg, { seed: false, log: silentLog, databases, anyPorts: true, checkpoints: false, jobs: true });
  p.jobs!.events.on('job:success', ({ job }) => {
    finished.push({ task: job.task_identifier, backfilled: Boolean((job.payload as { _cron?: { backfilled?: boolean } } | null)?._cron?.backfilled) });
  });
  return p;
}

const keys = keySetup(cfg);
async function query(q: string, variables: Record<string, unknown>, memberId: string, via = replicas[0]!) {
  const [p] = await databases.kernel.query('SELECT agency_id, tier, roles FROM access.principals WHERE member_id = $1', [memberId]);
  const token = await signToken(await keys, { sub: memberId, agency: p.agency_id, tier: p.tier, roles: p.roles }, '1h');
  const r = await postGraphQL<any>(via.gatewayUrl, q, variables, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
}

/** The UTC date `days` from today. */
const utcDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const NOTIFICATIONS = `{ me { notifications(first: 100) { nodes { kind message item { __typename ... on Curriculum { id } } } } } }`;
const remindersOf = async (memberId: string, kind: string, curriculum: string) =>
  (await query(NOTIFICATIONS, {}, memberId)).me.notifications.nodes
    .filter((n: any) => n.kind === kind && n.item?.id === curriculum).map((n: any) => n.message as string);

const outboxEvents = async (event: string, assignmentIds: string[]) => (await databases.kernel.query(
  'SELECT entity_id AS id, payload FROM training.outbox WHERE event = $1 AND entity_id = ANY($2) ORDER BY entity_id', [event, assignmentIds]));

/** Waits until the notifications subgraph has read every training outbox row written so far. */
async function settled() {
  await expect.poll(async () => {
    const [row] = await databases.kernel.query(`SELECT coalesce((SELECT last_id FROM notifications.consumer_positions WHERE consumer = 'notifications-training'), 0)
      >= coalesce((SELECT max(id) FROM training.outbox), 0) AS done`);
    return row.done;
  }, { timeout: 15_000, interval: 100 }).toBe(true);
}

const finishedRuns = (task: string) => finished.filter((f) => f.task === task);

beforeAll(async () => {
  databases = await freshDatabases({ seeded: true });
  replicas = await Promise.all([startReplica(), startReplica()]);
}, 120_000);

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  await databases?.close();
});

describe('assignment reminders with two replicas', () => {
  const dueSoonIds: string[] = [];

  it('reminds each member once of an assignment due in 7 days, and once of an overdue one, however many times the job runs', async () => {
    const dueOn = utcDay(7);
    const assigned = await query(`mutation($input: AssignCurriculumInput!) { assignCurriculum(input: $input) { createdCount assignments { id assignee { id } } } }`,
      { input: { curriculumId: 'cur-hate-speech', memberIds: ['demo-practitioner-de', 'demo-practitioner-es'], dueOn } }, 'demo-trainer');
    expect(assigned.assignCurriculum.createdCount).toBe(2);
    dueSoonIds.push(...assigned.assignCurriculum.assignments.map((a: any) => a.id).sort());
    // An open assignment of demo-practitioner-de's, due three days ago.
    await databases.kernel.query(`UPDATE training.assignments SET due_on = (now() AT TIME ZONE 'UTC')::date - 3 WHERE id = 'asg-seed-de-by-osint-2'`);

    // Both replicas are asked to run the reminders at the same time.
    await Promise.all(replicas.map((r) => r.jobs!.addJob(REMIND)));
    await expect.poll(() => finishedRuns(REMIND).length, { timeout: 20_000 }).toBe(2);
    await settled();

    for (const member of ['demo-practitioner-de', 'demo-practitioner-es']) {
      expect(await remindersOf(member, 'ASSIGNMENT_DUE_SOON', 'cur-hate-speech')).toEqual([`Your assignment “Investigating online hate speech and harassment” is due on ${dueOn}.`]);
    }
    const overdueOn = utcDay(-3);
    expect(await remindersOf('demo-practitioner-de', 'ASSIGNMENT_OVERDUE', 'cur-osint-basics'))
      .toEqual([`Your assignment “Open-source intelligence basics” is overdue (due ${overdueOn}).`]);
    expect(await outboxEvents('assignment.due_soon', dueSoonIds)).toEqual([
      { id: dueSoonIds[0], payload: { curriculum: 'cur-hate-speech', member: expect.any(String), dueOn } },
      { id: dueSoonIds[1], payload: { curriculum: 'cur-hate-speech', member: expect.any(String), dueOn } },
    ]);
    expect(await outboxEvents('assignment.overdue', ['asg-seed-de-by-osint-2'])).toEqual([
      { id: 'asg-seed-de-by-osint-2', payload: { curriculum: 'cur-osint-basics', member: 'demo-practitioner-de', dueOn: overdueOn } },
    ]);

    // Twice more, once on each replica: nobody is reminded again.
    await Promise.all(replicas.map((r) => r.jobs!.addJob(REMIND)));
    await expect.poll(() => finishedRuns(REMIND).length, { timeout: 20_000 }).toBe(4);
    await settled();
    for (const member of ['demo-practitioner-de', 'demo-practitioner-es']) {
      expect(await remindersOf(member, 'ASSIGNMENT_DUE_SOON', 'cur-hate-speech')).toHaveLength(1);
    }
    expect(await remindersOf('demo-practitioner-de', 'ASSIGNMENT_OVERDUE', 'cur-osint-basics')).toHaveLength(1);
    expect(await outboxEvents('assignment.due_soon', dueSoonIds)).toHaveLength(2);
    expect(await outboxEvents('assignment.overdue', ['asg-seed-de-by-osint-2'])).toHaveLength(1);
  }, 60_000);

  it('does not remind of an assignment due in more than 7 days, nor of a cancelled one', async () => {
    const later = await query(`mutation($input: AssignCurriculumInput!) { assignCurriculum(input: $input) { assignments { id } } }`,
      { input: { curriculumId: 'cur-hate-speech', memberIds: ['m-nir-1'], dueOn: utcDay(8) } }, 'demo-trainer');
    const cancelled = await query(`mutation($input: AssignCurriculumInput!) { assignCurriculum(input: $input) { assignments { id } } }`,
      { input: { curriculumId: 'cur-osint-basics', memberIds: ['m-nir-1'], dueOn: utcDay(2) } }, 'demo-trainer');
    await query('mutation($id: ID!) { cancelAssignment(id: $id) { status } }', { id: cancelled.assignCurriculum.assignments[0].id }, 'demo-trainer');
    const runs = finishedRuns(REMIND).length;
    await replicas[1]!.jobs!.addJob(REMIND);
    await expect.poll(() => finishedRuns(REMIND).length, { timeout: 20_000 }).toBe(runs + 1);
    await settled();
    const ids = [later.assignCurriculum.assignments[0].id, cancelled.assignCurriculum.assignments[0].id];
    expect(await outboxEvents('assignment.due_soon', ids)).toEqual([]);
    expect(await outboxEvents('assignment.overdue', ids)).toEqual([]);
  }, 60_000);
});

describe('a run missed while the platform was down', () => {
  it('is caught up once when the replicas start again', async () => {
    const dueOn = utcDay(3);
    const assigned = await query(`mutation($input: AssignCurriculumInput!) { assignCurriculum(input: $input) { assignments { id } } }`,
      { input: { curriculumId: 'cur-citizen-engagement', memberIds: ['m-nir-1'], dueOn } }, 'demo-trainer');
    const id = assigned.assignCurriculum.assignments[0].id;
    await Promise.all(replicas.map((r) => r.stop()));
    replicas = [];
    // Every replica was down for the last two days: the daily run (06:00 UTC) of the last 24 hours did not happen.
    await databases.kernel.query(`UPDATE graphile_worker._private_known_crontabs
      SET known_since = now() - interval '3 days', last_execution = now() - interval '2 days' WHERE identifier = $1`, [REMIND]);
    expect(await outboxEvents('assignment.due_soon', [id])).toEqual([]);

    finished.length = 0;
    replicas = await Promise.all([startReplica(), startReplica()]);
    await expect.poll(async () => (await outboxEvents('assignment.due_soon', [id])).length, { timeout: 20_000 }).toBe(1);
    await settled();
    expect(await remindersOf('m-nir-1', 'ASSIGNMENT_DUE_SOON', 'cur-citizen-engagement')).toHaveLength(1);
    // One run, by one of the two replicas, marked as caught up; the schedule knows it ran.
    await expect.poll(() => finishedRuns(REMIND), { timeout: 10_000 }).toEqual([{ task: REMIND, backfilled: true }]);
    const [known] = await databases.kernel.query(
      `SELECT last_execution > now() - interval '1 day' AS recent FROM graphile_worker._private_known_crontabs WHERE identifier = $1`, [REMIND]);
    expect(known.recent).toBe(true);
  }, 90_000);
});
