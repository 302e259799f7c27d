import { parseInput } from '../../../lib/errors.ts';
import { followInput, notificationIds, preferencesInput, saveSearchInput, savedSearchId } from '../inputs.ts';
import { deleteSavedSearch, follow, markRead, saveSearch, setPreferences, unfollow } from '../writes.ts';
import { preferencesOf } from '../views.ts';
import type { Ctx } from './context.ts';
import type { MutationResolvers } from './types.generated.ts';

const own = (ctx: Ctx) => ctx.viewer.memberId!;

export const Mutation: MutationResolvers = {
  follow: (_, args, ctx) => follow(ctx.db, ctx.loaders.sources, ctx.viewer, parseInput(followInput, args.input)),
  unfollow: (_, args, ctx) => unfollow(ctx.db, own(ctx), parseInput(followInput, args.input)),
  saveSearch: (_, args, ctx) => saveSearch(ctx.db, own(ctx), parseInput(saveSearchInput, args.input)),
  deleteSavedSearch: (_, args, ctx) => deleteSavedSearch(ctx.db, own(ctx), parseInput(savedSearchId, args.id)),
  markNotificationsRead: (_, args, ctx) => markRead(ctx.db, own(ctx), parseInput(notificationIds, args.ids)),
  markAllNotificationsRead: (_, _args, ctx) => markRead(ctx.db, own(ctx), 'all'),
  setNotificationPreferences: async (_, args, ctx) => {
    await setPreferences(ctx.db, own(ctx), parseInput(preferencesInput, args.input).email);
    return preferencesOf(ctx.db, own(ctx));
  },
};
