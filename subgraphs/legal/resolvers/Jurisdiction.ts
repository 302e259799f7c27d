import type { JurisdictionResolvers } from './types.generated.ts';

export const Jurisdiction: JurisdictionResolvers = {
  legalFrameworks: async (j, args, ctx) =>
    (await ctx.loaders.frameworksOfJurisdiction.load(j.code)).filter((f) => !args.topic || f.topics.includes(args.topic)),
};
