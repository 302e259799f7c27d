import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../lib/scalars.ts';
import { startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';
import { rowsReceived } from './support/sqlRows.ts';

// trainingReport counts in SQL: its figures must follow every write at once, derive OVERDUE from the date of the
// request, leave out curricula the viewer may not see, and reach Node as one row per tier.

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seeded: true });
});
afterAll(async () => {
  await platform?.stop();
});

const REPORT = `query($agency: ID) { trainingReport(agency: $agency) {
  totals { assigned notStarted inProgress completed overdue completionRate } totalsWithheld
  byTier { tier counts { assigned notStarted inProgress completed overdue } withheld } overdueMembers { id } overdueMembersWithheld } }`;

async function report(who: string) {
  const r = await platform.query<any>(REPORT, { agency: 'es-ct-mossos' }, who);
  expect(r.errors).toBeUndefined();
  return r.data.trainingReport;
}

async function mutate(who: string, query: string, variables: Record<string, unknown>) {
  const r = await platform.query<any>(query, variables, who);
  expect(r.errors).toBeUndefined();
  return r.data;
}

const ASSIGN = `mutation($input: AssignCurriculumInput!) { assignCurriculum(input: $input) { assignments { id assignee { id } } } }`;
const PROGRESS = `mutation($a: ID!, $m: ID!, $score: Int) { recordModuleProgress(assignmentId: $a, moduleId: $m, completed: true, score: $score) { status } }`;
const nextYear = `${Number(today().slice(0, 4)) + 1}-06-30`;
const tierOf = (r: any, tier: string) => r.byTier.find((t: any) => t.tier === tier).counts;

describe('trainingReport figures in SQL', () => {
  it('reaches Node as one row per tier, not one per assignment', async () => {
    const { result, rows } = await rowsReceived(/training\.assignments/, () => report('demo-manager-es'));
    expect(result.totals.assigned).toBe(5);
    // The figures did come from the database: the tap saw them arrive.
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(3);
  });

  it('counts a new assignment, a due date passing and a completion at the moment of the request', async () => {
    const before = await report('demo-manager-es');
    const { assignCurriculum } = await mutate('m-trainer-es', ASSIGN, { input: { curriculumId: 'cur-citizen-engagement', memberIds: ['m-es-ct-2'], dueOn: nextYear } });
    const assignment = assignCurriculum.assignments.find((a: any) => a.assignee.id === 'm-es-ct-2').id;

    const assigned = await report('demo-manager-es');
    expect(assigned.totals).toMatchObject({ assigned: before.totals.assigned + 1, notStarted: before.totals.notStarted + 1, overdue: before.totals.overdue });
    expect(tierOf(assigned, 'PRACTITIONER').assigned).toBe(tierOf(before, 'PRACTITIONER').assigned + 1);
    expect(tierOf(assigned, 'MANAGER')).toEqual(tierOf(before, 'MANAGER'));

    // Nothing is written when a due date passes: OVERDUE is derived from the date of each request.
    await platform.databases.bySubgraph.training!.query(`UPDATE training.assignments SET due_on = current_date - 1 WHERE id = $1`, [assignment]);
    const overdue = await report('demo-manager-es');
    expect(overdue.totals).toMatchObject({ assigned: before.totals.assigned + 1, notStarted: before.totals.notStarted, overdue: before.totals.overdue + 1 });
    expect(overdue.overdueMembers.map((m: any) => m.id)).toEqual([...new Set([...before.overdueMembers.map((m: any) => m.id), 'm-es-ct-2'])].sort());
    expect(overdue.overdueMembersWithheld).toBe(0);

    await mutate('m-es-ct-2', PROGRESS, { a: assignment, m: 'cur-citizen-engagement-m1' });
    await mutate('m-es-ct-2', PROGRESS, { a: assignment, m: 'cur-citizen-engagement-m2', score: 80 });
    const completed = await report('demo-manager-es');
    expect(completed.totals).toMatchObject({
      assigned: before.totals.assigned + 1, notStarted: before.totals.notStarted, completed: before.totals.completed + 1, overdue: before.totals.overdue,
      completionRate: Math.round(((before.totals.completed + 1) / (before.totals.assigned + 1)) * 10_000) / 10_000,
    });
    expect(completed.overdueMembers).toEqual(before.overdueMembers);
  });

  it('gives a viewer who may follow nobody counted the totals but no names, and withholds small cells', async () => {
    const manager = await report('demo-manager-es');
    const outsider = await report('demo-manager-de');
    expect(outsider.totals).toEqual(manager.totals);
    expect(outsider.overdueMembers).toEqual([]);
    expect(outsider.overdueMembersWithheld).toBe(manager.overdueMembers.length);
    // Three practitioners and two managers: each cell counts fewer than five people, the totals five.
    expect(outsider.byTier).toEqual([
      { tier: 'PRACTITIONER', counts: null, withheld: 'Counts fewer than 5 people you may not follow.' },
      { tier: 'MANAGER', counts: null, withheld: 'Counts fewer than 5 people you may not follow.' },
    ]);
  });

  it('leaves out a curriculum\'s assignments for those who may no longer see it, at once', async () => {
    const CURRICULUM = `query($id: ID!) { curriculum(id: $id) { version } }`;
    const UPDATE = `mutation($id: ID!, $v: Int!, $to: [ID!]) { updateCurriculum(id: $id, expectedVersion: $v, input: { restrictedTo: $to }) { version } }`;
    const everywhere = await report('demo-trainer');
    const inSpain = await report('m-trainer-es');
    const { curriculum } = await mutate('m-trainer-es', CURRICULUM, { id: 'cur-monitoring-limits' });
    const { updateCurriculum } = await mutate('m-trainer-es', UPDATE, { id: 'cur-monitoring-limits', v: curriculum.version, to: ['ES'] });
    // The unit holds three assignments of it, all of practitioners; the EU-level trainer is not in Spain.
    const restricted = await report('demo-trainer');
    expect(restricted.totals.assigned).toBe(everywhere.totals.assigned - 3);
    expect(tierOf(restricted, 'PRACTITIONER').assigned).toBe(tierOf(everywhere, 'PRACTITIONER').assigned - 3);
    expect(tierOf(restricted, 'MANAGER')).toEqual(tierOf(everywhere, 'MANAGER'));
    expect(await report('m-trainer-es')).toEqual(inSpain);
    await mutate('m-trainer-es', UPDATE, { id: 'cur-monitoring-limits', v: updateCurriculum.version, to: [] });
    expect(await report('demo-trainer')).toEqual(everywhere);
  });
});
