import { visibleProcedures } from '../loaders.ts';
import type { CurriculumResolvers } from './types.generated.ts';

// Another subgraph's entity that refers to procedures by id. The gateway hands over the ids (fields that subgraph keeps
// @inaccessible) and this subgraph answers only what the viewer may see, so a hidden procedure's id never shows. Without
// the ids (a request that did not come through the gateway's plan) nothing is listed.

export const Curriculum: CurriculumResolvers = {
  __resolveReference: (ref) => ref,
  relatedProcedures: (c, _, ctx) => visibleProcedures(ctx.loaders, c.relatedProcedureIds),
};
