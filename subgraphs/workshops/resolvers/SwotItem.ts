import { workshopOf } from './Workshop.ts';
import type { SwotItemResolvers } from './types.generated.ts';

export const SwotItem: SwotItemResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.swotItem.load(ref.id),
  workshop: (s, _, ctx) => workshopOf(s, ctx),
  jurisdictions: (s) => s.jurisdictions.map((code) => ({ code })),
  votedByMe: async (s, _, ctx) => (await ctx.loaders.votedByViewer.load(s.id)) !== null,
};
