import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../lib/scalars.ts';
import { directorySeed } from '../seeds/directory.ts';
import { trainingSeed } from '../seeds/training.ts';
import { codes, startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seeded: true });
});
afterAll(async () => {
  await platform?.stop();
});

const nameOf = new Map(directorySeed.members.map((m) => [m.id, m.displayName]));
const agencyOf = new Map(directorySeed.members.map((m) => [m.id, m.agency]));
const overdueIn = (agency: string) => [...new Set(trainingSeed.assignments
  .filter((a) => (a.status === 'ASSIGNED' || a.status === 'IN_PROGRESS') && a.dueOn < today() && agencyOf.get(a.member) === agency)
  .map((a) => a.member))].sort();

describe('training through the gateway', () => {
  it('joins assignments with the directory\'s members and the procedures they teach', async () => {
    const r = await platform.query<any>(`{ member(id: "m-es-ct-1") { displayName assignments { id status assignee { displayName }
      curriculum { title relatedProcedures { id title } } } } }`, {}, 'demo-manager-es');
    expect(r.errors).toBeUndefined();
    const expected = trainingSeed.assignments.filter((a) => a.member === 'm-es-ct-1' && a.status !== 'CANCELLED');
    expect(r.data.member.assignments.map((a: any) => a.id).sort()).toEqual(expected.map((a) => a.id).sort());
    const first = r.data.member.assignments[0];
    expect(first.assignee.displayName).toBe(nameOf.get('m-es-ct-1'));
    expect(first.curriculum.relatedProcedures.find((p: any) => p.id === 'proc-es-ct-monitoring').title).toEqual(expect.any(String));
    const practitioner = await platform.query<any>('{ member(id: "m-es-ct-1") { displayName assignments { id } } }', {}, 'demo-practitioner-es');
    expect(practitioner.data.member.assignments).toEqual([]);
  });

  it('names overdue members to their agency\'s manager and only counts them for a practitioner of another agency', async () => {
    const q = `{ trainingReport(agency: "es-ct-mossos") { totals { overdue } overdueMembers { id displayName } overdueMembersWithheld }
      agency(id: "es-ct-mossos") { name trainingSummary { totals { assigned overdue } } } }`;
    const overdue = overdueIn('es-ct-mossos');
    const manager = await platform.query<any>(q, {}, 'demo-manager-es');
    expect(manager.errors).toBeUndefined();
    expect(manager.data.trainingReport.overdueMembers).toEqual(overdue.map((id) => ({ id, displayName: nameOf.get(id) })));
    expect(manager.data.agency.trainingSummary.totals.overdue).toBe(manager.data.trainingReport.totals.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    // demo-practitioner-de follows none of the unit's five members: the count, without the names.
    const practitioner = await platform.query<any>(q, {}, 'demo-practitioner-de');
    expect(practitioner.data.trainingReport.overdueMembers).toEqual([]);
    expect(practitioner.data.trainingReport.overdueMembersWithheld).toBe(overdue.length);
    // demo-practitioner-es knows their own figures: the unit's would tell them about their four colleagues.
    const colleague = await platform.query<any>(q, {}, 'demo-practitioner-es');
    expect(colleague.data.trainingReport.overdueMembers.map((m: any) => m.id)).toEqual(overdue.filter((id) => id === 'demo-practitioner-es'));
    expect(colleague.data.trainingReport).toMatchObject({ totals: null, overdueMembersWithheld: null });
    const anonymous = await platform.query<any>('{ agency(id: "es-ct-mossos") { name trainingSummary { totals { assigned } } } }');
    expect(anonymous.data.agency).toEqual({ name: expect.any(String), trainingSummary: null });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('flags a completed assignment for refresher training when a procedure it teaches is published anew', async () => {
    const completed = trainingSeed.assignments.find((a) => a.status === 'COMPLETED'
      && trainingSeed.curricula.find((c) => c.id === a.curriculum)!.relatedProcedures.includes('proc-es-ct-monitoring'))!;
    const MINE = '{ myAssignments(status: COMPLETED) { id needsRefresh } }';
    const before = await platform.query<any>(MINE, {}, completed.member);
    expect(before.data.myAssignments.find((a: any) => a.id === completed.id).needsRefresh).toBe(false);
    const current = await platform.query<any>('{ procedure(id: "proc-es-ct-monitoring") { version } }', {}, 'demo-manager-es');
    const version = current.data.procedure.version;
    const updated = await platform.query<any>(`mutation($v: Int!) { updateProcedure(id: "proc-es-ct-monitoring", expectedVersion: $v,
      input: { changeNote: "Retention reviewed", summary: "Monitoring of open sources with the reviewed retention rules." }) { version } }`, { v: version }, 'demo-manager-es');
    expect(updated.errors).toBeUndefined();
    const published = await platform.query<any>(`mutation($v: Int!) { publishProcedure(id: "proc-es-ct-monitoring", expectedVersion: $v) { status } }`,
      { v: updated.data.updateProcedure.version }, 'demo-manager-es');
    expect(published.data.publishProcedure.status).toBe('IN_FORCE');
    await expect.poll(async () => {
      const r = await platform.query<any>(MINE, {}, completed.member);
      return r.data.myAssignments.find((a: any) => a.id === completed.id).needsRefresh;
    }, { timeout: 5_000, interval: 100 }).toBe(true);
  });

  it('lets a trainer assign and the assignee see it, with stubs resolved by the owning subgraphs', async () => {
    const r = await platform.query<any>(`mutation { assignCurriculum(input: { curriculumId: "cur-osint-basics", memberIds: ["m-nir-1"], dueOn: "${Number(today().slice(0, 4)) + 1}-03-31" }) {
      createdCount assignments { id assignedBy { displayName } assignee { agency { id } } } } }`, {}, 'demo-trainer');
    expect(r.errors).toBeUndefined();
    expect(r.data.assignCurriculum.createdCount).toBe(1);
    expect(r.data.assignCurriculum.assignments[0]).toMatchObject({ assignedBy: { displayName: nameOf.get('demo-trainer') }, assignee: { agency: { id: 'gb-nir-psni' } } });
    const mine = await platform.query<any>('{ myAssignments(status: ASSIGNED) { id curriculum { id } } }', {}, 'm-nir-1');
    expect(mine.data.myAssignments.map((a: any) => a.id)).toContain(r.data.assignCurriculum.assignments[0].id);
    const other = await platform.query<any>(`{ assignments(first: 100) { totalCount nodes { assignee { id } } } }`, {}, 'm-nir-1');
    expect(other.data.assignments.nodes.length).toBeGreaterThan(0);
    expect(other.data.assignments.nodes.every((n: any) => n.assignee.id === 'm-nir-1')).toBe(true);
  });
});
