import { describe, expect, it } from 'vitest';
import { OWN_CONTRIBUTION, OWN_ORGANISATION, reviewConflict } from '../subgraphs/legal/reviewerConflicts.ts';

const reviewer = { memberId: 'demo-reviewer', agencyId: 'eu-europol' };
const europolPath = ['eu-europol'];
const none = { reviewer: europolPath, author: [], authorAgency: [] };

describe('the reviewers\' conflict-of-interest rule', () => {
  it('names the reviewer\'s own contribution first', () => {
    expect(reviewConflict(reviewer, { authorId: 'demo-reviewer', authorAgencyId: 'partner-agora', authorAgencyPath: ['partner-agora'] }, none))
      .toBe(OWN_CONTRIBUTION);
  });

  it('counts an agency with its parents as one organisation, from the path kept on the contribution', () => {
    expect(reviewConflict(reviewer, { authorId: 'm-iru', authorAgencyId: 'eu-europol-iru', authorAgencyPath: ['eu-europol-iru', 'eu-europol'] }, none))
      .toBe(OWN_ORGANISATION);
  });

  it('reads the agency\'s path for an older contribution that kept none, and the author\'s present agency', () => {
    const older = { authorId: 'm-iru', authorAgencyId: 'eu-europol-iru', authorAgencyPath: [] };
    expect(reviewConflict(reviewer, older, none)).toBeNull();
    expect(reviewConflict(reviewer, older, { ...none, authorAgency: ['eu-europol-iru', 'eu-europol'] })).toBe(OWN_ORGANISATION);
    const moved = { authorId: 'm-moved', authorAgencyId: 'de-by-polizei', authorAgencyPath: ['de-by-polizei'] };
    expect(reviewConflict(reviewer, moved, { ...none, author: ['eu-europol-iru', 'eu-europol'] })).toBe(OWN_ORGANISATION);
  });

  it('leaves a reviewer free to review another organisation\'s work', () => {
    expect(reviewConflict(reviewer, { authorId: 'demo-partner', authorAgencyId: 'partner-agora', authorAgencyPath: [] },
      { reviewer: europolPath, author: ['partner-agora'], authorAgency: ['partner-agora'] })).toBeNull();
  });
});
