import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proceduresSeed } from '../seeds/procedures.ts';
import { amendProvisionAsReviewer } from './support/amendment.ts';
import { startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

// Each kind of event that notifies, through the gateway: made by the mutation a member would use, read by the member
// told, with the sentence they read.

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

const FOLLOW = `mutation($input: FollowInput!) { follow(input: $input) { id } }`;
const INBOX = `{ me { notifications(first: 50) { nodes { kind message available item { __typename
  ... on LegalFramework { id title: shortTitle } ... on Procedure { id title } ... on Curriculum { id title } ... on Recommendation { id title: statement } } } } } }`;

/** The member's notifications of one kind, once the notifications subgraph has made at least `count` of them. */
async function told(who: string, kind: string, count = 1) {
  let found: any[] = [];
  await expect.poll(async () => {
    found = (await ok(INBOX, {}, who)).me.notifications.nodes.filter((n: any) => n.kind === kind);
    return found.length;
  }, { timeout: 15_000, interval: 150 }).toBeGreaterThanOrEqual(count);
  return found;
}

describe('events that notify', () => {
  it('tells followers of a framework that a provision was amended, and followers of a procedure citing it that it needs a review', async () => {
    const provision = 'eu-2016-680-art-25';
    const citing = proceduresSeed.procedures.find((p) => p.id.startsWith('proc-de') && p.reviewStatus === 'CURRENT'
      && [...p.versions].reverse().find((v) => v.status !== 'DRAFT')?.legalBasis.includes(provision));
    expect(citing, 'a German procedure in force citing the provision').toBeDefined();
    await ok(FOLLOW, { input: { targetType: 'LEGAL_FRAMEWORK', id: 'eu-2016-680' } }, 'demo-practitioner-de');
    await ok(FOLLOW, { input: { targetType: 'PROCEDURE', id: citing!.id } }, 'demo-practitioner-de');
    const amended = await amendProvisionAsReviewer(platform, provision);
    expect(amended.errors).toBeUndefined();

    const [framework] = await told('demo-practitioner-de', 'PROVISION_AMENDED');
    expect(framework.item.id).toBe('eu-2016-680');
    expect(framework.message).toBe(`A provision of “${framework.item.title}” was amended.`);
    const [review] = await told('demo-practitioner-de', 'PROCEDURE_NEEDS_REVIEW');
    expect(review.item.id).toBe(citing!.id);
    expect(review.message).toBe(`The procedure “${review.item.title}” needs a review: a provision it cites was amended.`);
  });

  it('tells a contribution\'s author of the reviewer\'s decision, and nobody else', async () => {
    const { submitContribution } = await ok(`mutation($input: SubmitContributionInput!) { submitContribution(input: $input) { id } }`, { input: {
      kind: 'COMMENT', target: 'eu-2016-680', proposedText: 'A worked example of the logging duty would help.', rationale: 'Asked every year.',
    } }, 'demo-partner');
    await ok(`mutation($id: ID!) { startReview(id: $id) { id } }`, { id: submitContribution.id }, 'demo-reviewer');
    await ok(`mutation($id: ID!) { decideContribution(id: $id, decision: REJECT, reason: "Covered by the guidance already.") { status } }`,
      { id: submitContribution.id }, 'demo-reviewer');
    const [decided] = await told('demo-partner', 'CONTRIBUTION_DECIDED');
    expect(decided).toMatchObject({ available: true, item: { __typename: 'LegalFramework', id: 'eu-2016-680' } });
    expect(decided.message).toBe(`Your contribution to “${decided.item.title}” was rejected.`);
    const reviewer = (await ok(INBOX, {}, 'demo-reviewer')).me.notifications.nodes;
    expect(reviewer.filter((n: any) => n.kind === 'CONTRIBUTION_DECIDED')).toEqual([]);
  });

  it('tells the assignee of a new assignment, and followers of a curriculum that it changed', async () => {
    await ok(FOLLOW, { input: { targetType: 'CURRICULUM', id: 'cur-osint-basics' } }, 'demo-manager-de');
    const { assignCurriculum } = await ok(`mutation { assignCurriculum(input: { curriculumId: "cur-osint-basics", memberIds: ["demo-practitioner-es"],
      dueOn: "2099-01-01" }) { createdCount alreadyAssignedCount } }`, {}, 'demo-trainer');
    expect(assignCurriculum).toEqual({ createdCount: 1, alreadyAssignedCount: 0 });
    const [assigned] = await told('demo-practitioner-es', 'ASSIGNMENT_MADE');
    expect(assigned.item).toMatchObject({ __typename: 'Curriculum', id: 'cur-osint-basics' });
    expect(assigned.message).toBe(`You were assigned “${assigned.item.title}”, due 2099-01-01.`);

    const { curriculum } = await ok(`{ curriculum(id: "cur-osint-basics") { version } }`, {}, 'demo-trainer');
    await ok(`mutation($v: Int!) { updateCurriculum(id: "cur-osint-basics", expectedVersion: $v, input: { summary: "Open sources, revised." }) { version } }`,
      { v: curriculum.version }, 'demo-trainer');
    const [updated] = await told('demo-manager-de', 'CURRICULUM_UPDATED');
    expect(updated.message).toBe(`The curriculum “${updated.item.title}” was updated.`);
    // The assignee follows nothing: besides the assignment, only what concerns their own training reached them (the
    // amendment in the first test made a procedure taught by a curriculum they completed need a review).
    const own = (await ok(INBOX, {}, 'demo-practitioner-es')).me.notifications.nodes;
    expect(own.map((n: any) => [n.kind, n.item.id])).toEqual([['ASSIGNMENT_MADE', 'cur-osint-basics'], ['ASSIGNMENT_NEEDS_REFRESH', 'cur-monitoring-limits']]);
    expect(own[1].message).toBe(`The curriculum “${own[1].item.title}” needs a refresher: a procedure it teaches changed.`);
  });

  it('tells followers of a workshop that a recommendation\'s status changed', async () => {
    await ok(FOLLOW, { input: { targetType: 'WORKSHOP', id: 'ws-dub-online-hate' } }, 'demo-practitioner-es');
    await ok(`mutation { setRecommendationStatus(id: "rec-dub-01", status: ENDORSED, reason: "Agreed by the board.") { id } }`, {}, 'demo-admin');
    const [changed] = await told('demo-practitioner-es', 'RECOMMENDATION_STATUS_CHANGED');
    expect(changed.item).toMatchObject({ __typename: 'Recommendation', id: 'rec-dub-01' });
    expect(changed.message).toBe(`The recommendation “${changed.item.title}” is now endorsed.`);
  });
});
