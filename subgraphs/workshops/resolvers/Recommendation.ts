import { memberReference } from '../../../lib/memberReference.ts';
import type { LinkView } from '../views.ts';
import type { RecommendationResolvers } from './types.generated.ts';
import { workshopOf } from './Workshop.ts';

const linkIdsOf = (type: LinkView['type']): RecommendationResolvers['procedureLinkIds'] => async (r, _, ctx) =>
  (await ctx.loaders.linksOfRecommendation.load(r.id)).filter((l) => l.type === type).map((l) => l.targetId);

export const Recommendation: RecommendationResolvers = {
  // The representation may carry the owners' answers that implementedBy requires: keep them on the recommendation.
  __resolveReference: async (ref, ctx) => {
    const r = await ctx.loaders.recommendation.load(ref.id);
    return r && { ...ref, ...r };
  },
  workshop: (r, _, ctx) => workshopOf(r, ctx),
  history: async (r, _, ctx) =>
    (await ctx.loaders.historyOfRecommendation.load(r.id)).map((c) => ({
      from: c.from,
      to: c.to,
      reason: c.reason,
      changedBy: memberReference(ctx.viewer, c.changedBy),
      changedAt: c.changedAt.toISOString(),
    })),
  // Handed to each target's owning subgraph, which answers the ones the viewer may see.
  procedureLinkIds: linkIdsOf('PROCEDURE'),
  legalFrameworkLinkIds: linkIdsOf('LEGAL_FRAMEWORK'),
  curriculumLinkIds: linkIdsOf('CURRICULUM'),
  /**
   * Only links whose target its owner said the viewer may see: a hidden or gone target is left out, so its id never
   * shows. Without the owners' answers (a request that did not come through the gateway's plan) nothing is listed.
   */
  implementedBy: async (r, _, ctx) => {
    const visible: Record<LinkView['type'], Set<string>> = {
      PROCEDURE: new Set(r.visibleProcedureLinkIds ?? []),
      LEGAL_FRAMEWORK: new Set(r.visibleLegalFrameworkLinkIds ?? []),
      CURRICULUM: new Set(r.visibleCurriculumLinkIds ?? []),
    };
    return (await ctx.loaders.linksOfRecommendation.load(r.id)).filter((l) => visible[l.type].has(l.targetId)).map((l) => ({
      type: l.type,
      procedure: l.type === 'PROCEDURE' ? { id: l.targetId } : null,
      legalFramework: l.type === 'LEGAL_FRAMEWORK' ? { id: l.targetId } : null,
      curriculum: l.type === 'CURRICULUM' ? { id: l.targetId } : null,
      linkedAt: l.linkedAt.toISOString(),
    }));
  },
};
