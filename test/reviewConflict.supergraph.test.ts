import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from './support/sqlStatements.ts';
import { codes, startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seeded: true, consumers: false });
});
afterAll(async () => {
  await platform?.stop();
});

const OWN = 'Nobody reviews their own contribution.';
const ORGANISATION = 'A contribution is reviewed by someone outside the author\'s organisation.';

const SUBMIT = `mutation($input: SubmitContributionInput!) { submitContribution(input: $input) { id } }`;
const START_REVIEW = `mutation($id: ID!) { startReview(id: $id) { id status } }`;
const CONFLICT = `query($id: ID!) { contribution(id: $id) { id reviewConflict } }`;
const LIST = `query($first: Int!) { contributions(first: $first) { nodes { id status author { id } reviewConflict } } }`;
const comment = { kind: 'COMMENT', target: 'eu-2016-680', proposedText: 'Logging duties deserve a worked example.', rationale: 'Practitioners ask for one every year.' };

async function invite(id: string, agency: string, roles: string[] = []) {
  const invited = await platform.query<any>(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`,
    { input: { id, displayName: `Member ${id}`, email: `${id}@example.org`, agency, tier: 'PRACTITIONER', roles } }, 'demo-admin');
  expect(invited.errors).toBeUndefined();
}

async function submit(author: string): Promise<string> {
  const submitted = await platform.query<any>(SUBMIT, { input: comment }, author);
  expect(submitted.errors).toBeUndefined();
  return submitted.data.submitContribution.id;
}

async function conflictOf(id: string, member: string): Promise<string | null> {
  const r = await platform.query<any>(CONFLICT, { id }, member);
  expect(r.errors).toBeUndefined();
  expect(r.data.contribution.id).toBe(id);
  return r.data.contribution.reviewConflict;
}

/** Starts the review and returns what the API refused with (null when it started it). */
async function startReviewRefusal(id: string, reviewer: string): Promise<string | null> {
  const r = await platform.query<any>(START_REVIEW, { id }, reviewer);
  if (!r.errors) {
    expect(r.data.startReview).toEqual({ id, status: 'UNDER_REVIEW' });
    return null;
  }
  expect(codes(r)).toEqual(['FORBIDDEN']);
  return r.errors[0]!.message;
}

describe('Contribution.reviewConflict: the mutations\' conflict-of-interest rule, readable before acting', () => {
  let iruComment: string;
  let reviewerComment: string;

  beforeAll(async () => {
    await invite('rc-iru-analyst', 'eu-europol-iru');
    await invite('rc-iru-reviewer', 'eu-europol-iru', ['REVIEWER']);
    iruComment = await submit('rc-iru-analyst');
    reviewerComment = await submit('demo-reviewer');
  });

  it('is null for a reviewer outside the author\'s organisation (a Europol reviewer, a partner\'s comment)', async () => {
    expect(await conflictOf('contrib-seed-submitted', 'demo-reviewer')).toBeNull();
    expect(await conflictOf('contrib-seed-lea-comment', 'demo-reviewer')).toBeNull();
  });

  it('names the reviewer\'s own contribution', async () => {
    expect(await conflictOf(reviewerComment, 'demo-reviewer')).toBe(OWN);
  });

  it('names the organisation for a Europol reviewer and a Europol unit\'s contribution, in both directions', async () => {
    expect(await conflictOf(iruComment, 'demo-reviewer')).toBe(ORGANISATION);
    expect(await conflictOf(reviewerComment, 'rc-iru-reviewer')).toBe(ORGANISATION);
    expect(await conflictOf(iruComment, 'rc-iru-reviewer')).toBe(ORGANISATION);
  });

  it('is null for callers who are not reviewers, their own contributions included', async () => {
    expect(await conflictOf(iruComment, 'rc-iru-analyst')).toBeNull();
    expect(await conflictOf('contrib-seed-submitted', 'demo-partner')).toBeNull();
    const admin = await platform.query<any>(LIST, { first: 50 }, 'demo-admin');
    expect(admin.errors).toBeUndefined();
    expect(admin.data.contributions.nodes.length).toBeGreaterThan(0);
    expect(admin.data.contributions.nodes.map((n: any) => n.reviewConflict).filter((c: unknown) => c !== null)).toEqual([]);
  });

  it('reads the conflicts of a whole list in two SQL statements (members\' and agencies\' paths), however long it is', async () => {
    const PLAIN = LIST.replace(' reviewConflict', '');
    const cost = async (query: string, first: number) => {
      await platform.query(query, { first }, 'demo-reviewer');
      const counted = await countStatements(() => platform.query<any>(query, { first }, 'demo-reviewer'));
      return { statements: counted.statements, nodes: (counted.result as any).data.contributions.nodes };
    };
    const large = await cost(LIST, 20);
    expect(large.nodes.length).toBeGreaterThanOrEqual(9);
    expect(new Set(large.nodes.map((n: any) => n.author.id)).size).toBeGreaterThanOrEqual(5);
    expect(large.nodes.map((n: any) => n.id)).toContain('contrib-seed-lea-comment');
    expect(large.nodes.map((n: any) => n.reviewConflict)).toContain(OWN);
    expect(large.nodes.map((n: any) => n.reviewConflict)).toContain(ORGANISATION);
    expect(large.statements - (await cost(PLAIN, 20)).statements).toBe(2);
    expect((await cost(LIST, 2)).statements - (await cost(PLAIN, 2)).statements).toBeLessThanOrEqual(2);
  });

  it('agrees with what startReview answers, for every submitted contribution and both reviewers', async () => {
    const extra = await submit('demo-partner');
    const cases = [
      { id: extra, reviewer: 'rc-iru-reviewer', expected: null },
      { id: iruComment, reviewer: 'rc-iru-reviewer', expected: ORGANISATION },
      { id: reviewerComment, reviewer: 'rc-iru-reviewer', expected: ORGANISATION },
      { id: iruComment, reviewer: 'demo-reviewer', expected: ORGANISATION },
      { id: reviewerComment, reviewer: 'demo-reviewer', expected: OWN },
      { id: 'contrib-seed-submitted', reviewer: 'demo-reviewer', expected: null },
    ];
    for (const { id, reviewer, expected } of cases) {
      expect(await conflictOf(id, reviewer)).toBe(expected);
      expect(await startReviewRefusal(id, reviewer)).toBe(expected);
    }
  });
});
