import type { Ctx } from './context.ts';
import { followedItem } from '../views.ts';
import type { FollowRow } from '../views.ts';
import type { FollowResolvers } from './types.generated.ts';

const visibleItemOf = (f: FollowRow, ctx: Ctx) => {
  const item = followedItem(f);
  return item ? ctx.loaders.visibleItem.load(item) : Promise.resolve(null);
};

const jurisdictionTopic = (f: FollowRow) => (f.targetType === 'JURISDICTION_TOPIC' ? f.targetId.split(':') : null);

export const Follow: FollowResolvers = {
  item: async (f, _args, ctx) => {
    const item = await visibleItemOf(f, ctx);
    return item ? { __typename: item.type, id: item.id } : null;
  },
  targetId: (f) => (f.targetType === 'JURISDICTION_TOPIC' ? null : f.targetId),
  available: async (f, _args, ctx) => f.targetType === 'JURISDICTION_TOPIC' || (await visibleItemOf(f, ctx)) !== null,
  title: async (f, _args, ctx) => (await visibleItemOf(f, ctx))?.title ?? null,
  jurisdiction: (f) => jurisdictionTopic(f)?.[0] ?? null,
  topic: (f) => (jurisdictionTopic(f)?.[1] as never) ?? null,
};
