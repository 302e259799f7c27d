import type { ProcedureView } from '../views.ts';
import type { Ctx } from './context.ts';

// Other subgraphs' entities that refer to procedures by id. The gateway hands over the ids (fields those subgraphs keep
// @inaccessible) and this subgraph answers only what the viewer may see, so a hidden procedure's id never shows. Without
// the ids (a request that did not come through the gateway's plan) nothing is listed.

/** The procedures among `ids` this viewer may see, in the order given (hidden and unknown ones left out). */
async function visibleProcedures(ids: readonly string[] | undefined, ctx: Ctx): Promise<ProcedureView[]> {
  const loaded = await ctx.loaders.procedure.loadMany(ids ?? []);
  return loaded.filter((p): p is ProcedureView => p !== null && !(p instanceof Error));
}

export const Curriculum = {
  __resolveReference: (ref: { id: string; relatedProcedureIds?: string[] }) => ref,
  relatedProcedures: (c: { relatedProcedureIds?: string[] }, _: unknown, ctx: Ctx) => visibleProcedures(c.relatedProcedureIds, ctx),
};

export const Recommendation = {
  __resolveReference: (ref: { id: string; procedureLinkIds?: string[] }) => ref,
  visibleProcedureLinkIds: async (r: { procedureLinkIds?: string[] }, _: unknown, ctx: Ctx) =>
    (await visibleProcedures(r.procedureLinkIds, ctx)).map((p) => p.id),
};
