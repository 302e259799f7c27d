import type { Ctx } from './resolvers/context.ts';
import { DOC_TYPE_OF } from './views.ts';
import type { ItemTargetType } from './views.ts';

/**
 * `followedByMe` on an item another subgraph owns; the reference resolves only when the viewer may see the item (so
 * `_entities` answers nothing about a hidden one).
 */
export function followable(targetType: ItemTargetType) {
  const type = DOC_TYPE_OF[targetType];
  return {
    __resolveReference: async (ref: { id: string }, ctx: Ctx) => ((await ctx.loaders.visibleItem.load({ type, id: ref.id })) ? { id: ref.id } : null),
    followedByMe: async (item: { id: string }, _args: unknown, ctx: Ctx) => (await ctx.loaders.ownFollow.load({ type: targetType, id: item.id })) !== null,
  };
}
