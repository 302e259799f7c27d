import { visibleFrameworks } from '../loaders.ts';
import type { Ctx } from './context.ts';

// Another subgraph's entity that refers to legal texts by id. The gateway hands over the ids (fields that subgraph keeps
// @inaccessible) and this subgraph answers only what the viewer may see, so a hidden text's id never shows. Without the
// ids (a request that did not come through the gateway's plan) nothing is listed.

export const Recommendation = {
  __resolveReference: (ref: { id: string; legalFrameworkLinkIds?: string[] }) => ref,
  visibleLegalFrameworkLinkIds: async (r: { legalFrameworkLinkIds?: string[] }, _: unknown, ctx: Ctx) =>
    (await visibleFrameworks(ctx.loaders, r.legalFrameworkLinkIds)).map((f) => f.id),
};
