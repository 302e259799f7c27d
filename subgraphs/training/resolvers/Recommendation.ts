import type { RecommendationResolvers } from './types.generated.ts';

// A workshop recommendation's links to curricula: the gateway hands over the ids (a field the workshops subgraph keeps
// @inaccessible) and this subgraph answers those the viewer may see, so a hidden curriculum's id never shows.
export const Recommendation: RecommendationResolvers = {
  __resolveReference: (ref) => ref,
  visibleCurriculumLinkIds: async (r, _, ctx) => {
    const loaded = await ctx.loaders.curriculum.loadMany(r.curriculumLinkIds ?? []);
    return loaded.flatMap((c) => (c && !(c instanceof Error) ? [c.id] : []));
  },
};
