import type { FrameworkView, ProvisionView } from '../views.ts';
import type { Ctx } from './context.ts';

const present = <T>(x: T | null | Error): x is T => x !== null && !(x instanceof Error);

// Other subgraphs' entities that refer to legal texts by id. The gateway hands over the ids (fields those subgraphs keep
// @inaccessible) and this subgraph answers only what the viewer may see, so a hidden text's id never shows. Without the
// ids (a request that did not come through the gateway's plan) nothing is listed.

/** The frameworks among `ids` this viewer may see, in the order given. */
const visibleFrameworks = async (ids: readonly string[] | undefined, ctx: Ctx): Promise<FrameworkView[]> =>
  (await ctx.loaders.framework.loadMany(ids ?? [])).filter(present);

export const Procedure = {
  __resolveReference: (ref: { id: string; legalBasisIds?: string[] }) => ref,
  /** Each cited provision as it stands today, as `legalProvision(id)` reads it. */
  legalBasis: async (p: { legalBasisIds?: string[] }, _: unknown, ctx: Ctx): Promise<ProvisionView[]> =>
    (await ctx.loaders.provisionsAt(null).provision.loadMany(p.legalBasisIds ?? [])).filter(present),
};

export const Curriculum = {
  __resolveReference: (ref: { id: string; relatedLegalFrameworkIds?: string[] }) => ref,
  relatedLegalFrameworks: (c: { relatedLegalFrameworkIds?: string[] }, _: unknown, ctx: Ctx) =>
    visibleFrameworks(c.relatedLegalFrameworkIds, ctx),
};

export const Recommendation = {
  __resolveReference: (ref: { id: string; legalFrameworkLinkIds?: string[] }) => ref,
  visibleLegalFrameworkLinkIds: async (r: { legalFrameworkLinkIds?: string[] }, _: unknown, ctx: Ctx) =>
    (await visibleFrameworks(r.legalFrameworkLinkIds, ctx)).map((f) => f.id),
};
