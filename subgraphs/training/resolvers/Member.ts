import type { MemberResolvers } from './types.generated.ts';

export const Member: MemberResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  assignments: async (m, args, ctx) =>
    (await ctx.loaders.assignmentsOfMember.load(m.id)).filter((a) => !args.status || a.status === args.status),
};
