import { visibleProcedures } from '../loaders.ts';
import type { Ctx } from './context.ts';

// Another subgraph's entity that refers to procedures by id. The gateway hands over the ids (fields that subgraph keeps
// @inaccessible) and this subgraph answers only what the viewer may see, so a hidden procedure's id never shows. Without
// the ids (a request that did not come through the gateway's plan) nothing is listed.

export const Curriculum = {
  __resolveReference: (ref: { id: string; relatedProcedureIds?: string[] }) => ref,
  relatedProcedures: (c: { relatedProcedureIds?: string[] }, _: unknown, ctx: Ctx) => visibleProcedures(ctx.loaders, c.relatedProcedureIds),
};
