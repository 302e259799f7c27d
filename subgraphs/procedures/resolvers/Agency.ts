import type { AgencyResolvers } from './types.generated.ts';

export const Agency: AgencyResolvers = {
  procedures: async (a, args, ctx) =>
    (await ctx.loaders.proceduresOfAgency.load(a.id)).filter((p) => !args.topic || p.topic === args.topic),
};
