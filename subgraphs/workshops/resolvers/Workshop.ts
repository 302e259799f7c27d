import { expectRow } from '../../../lib/loaders.ts';
import type { Ctx } from './context.ts';
import type { WorkshopResolvers } from './types.generated.ts';

export const Workshop: WorkshopResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.workshop.load(ref.id),
  city: (w) => ({ code: w.cityCode }),
  organiser: (w) => ({ id: w.organiserId }),
  swotItems: async (w, args, ctx) =>
    (await ctx.loaders.swotItemsOfWorkshop.load(w.id))
      .filter((s) => (!args.topic || s.topic === args.topic) && (!args.quadrant || s.quadrant === args.quadrant)),
  keyMessages: (w, _, ctx) => ctx.loaders.keyMessagesOfWorkshop.load(w.id),
  recommendations: async (w, args, ctx) =>
    (await ctx.loaders.recommendationsOfWorkshop.load(w.id)).filter((r) => !args.status || r.status === args.status),
};

// A visible item, message or recommendation always has a visible workshop: they share its visibility.
export const workshopOf = async ({ workshopId }: { workshopId: string }, ctx: Ctx) =>
  expectRow(await ctx.loaders.workshop.load(workshopId), workshopId);
