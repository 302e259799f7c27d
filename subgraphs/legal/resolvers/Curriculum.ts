import { visibleFrameworks } from '../loaders.ts';
import type { CurriculumResolvers } from './types.generated.ts';

// Another subgraph's entity that refers to legal texts by id. The gateway hands over the ids (fields that subgraph keeps
// @inaccessible) and this subgraph answers only what the viewer may see, so a hidden text's id never shows. Without the
// ids (a request that did not come through the gateway's plan) nothing is listed.

export const Curriculum: CurriculumResolvers = {
  __resolveReference: (ref) => ref,
  relatedLegalFrameworks: (c, _, ctx) =>
    visibleFrameworks(ctx.loaders, c.relatedLegalFrameworkIds),
};
