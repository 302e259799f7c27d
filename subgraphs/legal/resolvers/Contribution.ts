import { memberReference } from '../../../lib/memberReference.ts';
import { reviewsContributions } from '../views.ts';
import type { ContributionView } from '../views.ts';
import { conflictPaths, reviewConflict } from '../reviewerConflicts.ts';
import type { Ctx } from './context.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export const Contribution = {
  __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.contribution.load(ref.id),
  author: (c: ContributionView) => ({ id: c.authorId }),
  reviewer: (c: ContributionView, _: unknown, ctx: Ctx) => memberReference(ctx.viewer, c.reviewerId),
  framework: (c: ContributionView, _: unknown, ctx: Ctx) => ctx.loaders.framework.load(c.targetFrameworkId),
  provision: (c: ContributionView, _: unknown, ctx: Ctx) =>
    (c.targetProvisionId ? ctx.loaders.provisionsAt(null).provision.load(c.targetProvisionId) : null),
  resultingProvision: (c: ContributionView, _: unknown, ctx: Ctx) =>
    (c.resultingProvisionId ? ctx.loaders.provisionsAt(null).provision.load(c.resultingProvisionId) : null),
  submittedAt: (c: ContributionView) => iso(c.submittedAt),
  reviewStartedAt: (c: ContributionView) => iso(c.reviewStartedAt),
  decidedAt: (c: ContributionView) => iso(c.decidedAt),
  withdrawnAt: (c: ContributionView) => iso(c.withdrawnAt),
  /** The mutations' own rule, with the paths read through loaders: two statements for a whole list. */
  reviewConflict: async (c: ContributionView, _: unknown, ctx: Ctx) => {
    if (!reviewsContributions(ctx.viewer)) return null;
    const paths = await conflictPaths(ctx.viewer, c,
      async (id) => (await ctx.loaders.memberPath.load(id))?.agencyPath ?? [],
      async (id) => (await ctx.loaders.agencyPath.load(id))?.agencyPath ?? []);
    return reviewConflict(ctx.viewer, c, paths);
  },
};
