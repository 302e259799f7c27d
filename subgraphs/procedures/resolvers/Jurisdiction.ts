import type { JurisdictionResolvers } from './types.generated.ts';

export const Jurisdiction: JurisdictionResolvers = {
  procedures: async (j, args, ctx) =>
    (await ctx.loaders.proceduresOfJurisdiction.load(j.code)).filter((p) => !args.topic || p.topic === args.topic),
};
