import { memberReference } from '../../../lib/memberReference.ts';
import { reviewsContributions } from '../views.ts';
import { conflictPaths, reviewConflict } from '../reviewerConflicts.ts';
import type { ContributionResolvers } from './types.generated.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);

export const Contribution: ContributionResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.contribution.load(ref.id),
  author: (c) => ({ id: c.authorId }),
  reviewer: (c, _, ctx) => memberReference(ctx.viewer, c.reviewerId),
  framework: (c, _, ctx) => ctx.loaders.framework.load(c.targetFrameworkId),
  provision: (c, _, ctx) =>
    (c.targetProvisionId ? ctx.loaders.provisionsAt(null).provision.load(c.targetProvisionId) : null),
  resultingProvision: (c, _, ctx) =>
    (c.resultingProvisionId ? ctx.loaders.provisionsAt(null).provision.load(c.resultingProvisionId) : null),
  submittedAt: (c) => iso(c.submittedAt),
  reviewStartedAt: (c) => isoOrNull(c.reviewStartedAt),
  decidedAt: (c) => isoOrNull(c.decidedAt),
  withdrawnAt: (c) => isoOrNull(c.withdrawnAt),
  /** The mutations' own rule, with the paths read through loaders: two statements for a whole list. */
  reviewConflict: async (c, _, ctx) => {
    if (!reviewsContributions(ctx.viewer)) return null;
    const paths = await conflictPaths(ctx.viewer, c,
      async (id) => (await ctx.loaders.memberPath.load(id))?.agencyPath ?? [],
      async (id) => (await ctx.loaders.agencyPath.load(id))?.agencyPath ?? []);
    return reviewConflict(ctx.viewer, c, paths);
  },
};
