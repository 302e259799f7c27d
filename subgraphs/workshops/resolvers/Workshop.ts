import { memberReference } from '../../../lib/memberReference.ts';
import type { LinkView, RecommendationView, StatusChangeView, SwotItemView, WorkshopView } from '../views.ts';
import type { Ctx } from './context.ts';

export const Workshop = {
  __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.workshop.load(ref.id),
  city: (w: WorkshopView) => ({ code: w.cityCode }),
  organiser: (w: WorkshopView) => ({ id: w.organiserId }),
  swotItems: async (w: WorkshopView, args: { topic?: string | null; quadrant?: string | null }, ctx: Ctx) =>
    (await ctx.loaders.swotItemsOfWorkshop.load(w.id))
      .filter((s) => (!args.topic || s.topic === args.topic) && (!args.quadrant || s.quadrant === args.quadrant)),
  keyMessages: (w: WorkshopView, _: unknown, ctx: Ctx) => ctx.loaders.keyMessagesOfWorkshop.load(w.id),
  recommendations: async (w: WorkshopView, args: { status?: string | null }, ctx: Ctx) =>
    (await ctx.loaders.recommendationsOfWorkshop.load(w.id)).filter((r) => !args.status || r.status === args.status),
};

// A visible item, message or recommendation always has a visible workshop: they share its visibility.
const workshopOf = (x: { workshopId: string }, _: unknown, ctx: Ctx) => ctx.loaders.workshop.load(x.workshopId);

export const SwotItem = {
  __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.swotItem.load(ref.id),
  workshop: workshopOf,
  jurisdictions: (s: SwotItemView) => s.jurisdictions.map((code) => ({ code })),
  votedByMe: async (s: SwotItemView, _: unknown, ctx: Ctx) => (await ctx.loaders.votedByViewer.load(s.id)) !== null,
};

export const KeyMessage = {
  workshop: workshopOf,
};

/** The linked targets' owners' answer: which of the ids this viewer may see (set by the gateway from @requires). */
interface VisibleTargets {
  visibleProcedureLinkIds?: string[];
  visibleLegalFrameworkLinkIds?: string[];
  visibleCurriculumLinkIds?: string[];
}

const linkIdsOf = (type: LinkView['type']) => async (r: RecommendationView, _: unknown, ctx: Ctx) =>
  (await ctx.loaders.linksOfRecommendation.load(r.id)).filter((l) => l.type === type).map((l) => l.targetId);

export const Recommendation = {
  // The representation may carry the owners' answers that implementedBy requires: keep them on the recommendation.
  __resolveReference: async (ref: { id: string } & VisibleTargets, ctx: Ctx) => {
    const r = await ctx.loaders.recommendation.load(ref.id);
    return r && { ...ref, ...r };
  },
  workshop: workshopOf,
  history: async (r: RecommendationView, _: unknown, ctx: Ctx) =>
    (await ctx.loaders.historyOfRecommendation.load(r.id)).map((c: StatusChangeView) => ({
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
  implementedBy: async (r: RecommendationView & VisibleTargets, _: unknown, ctx: Ctx) => {
    const visible: Record<LinkView['type'], Set<string>> = {
      PROCEDURE: new Set(r.visibleProcedureLinkIds ?? []),
      LEGAL_FRAMEWORK: new Set(r.visibleLegalFrameworkLinkIds ?? []),
      CURRICULUM: new Set(r.visibleCurriculumLinkIds ?? []),
    };
    return (await ctx.loaders.linksOfRecommendation.load(r.id)).filter((l) => visible[l.type].has(l.targetId)).map((l: LinkView) => ({
      type: l.type,
      procedure: l.type === 'PROCEDURE' ? { id: l.targetId } : null,
      legalFramework: l.type === 'LEGAL_FRAMEWORK' ? { id: l.targetId } : null,
      curriculum: l.type === 'CURRICULUM' ? { id: l.targetId } : null,
      linkedAt: l.linkedAt.toISOString(),
    }));
  },
};
