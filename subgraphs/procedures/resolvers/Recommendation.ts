import { visibleProcedures } from '../loaders.ts';
import type { RecommendationResolvers } from './types.generated.ts';

// Another subgraph's entity that refers to procedures by id. The gateway hands over the ids (fields that subgraph keeps
// @inaccessible) and this subgraph answers only what the viewer may see, so a hidden procedure's id never shows. Without
// the ids (a request that did not come through the gateway's plan) nothing is listed.

export const Recommendation: RecommendationResolvers = {
  __resolveReference: (ref) => ref,
  visibleProcedureLinkIds: async (r, _, ctx) =>
    (await visibleProcedures(ctx.loaders, r.procedureLinkIds)).map((p) => p.id),
};
