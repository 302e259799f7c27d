import { canSee } from '../../../lib/access.ts';
import { messageOf } from '../messages.ts';
import type { Ctx } from './context.ts';
import { notifiedItem } from '../views.ts';
import type { NotificationRow } from '../views.ts';
import type { NotificationResolvers } from './types.generated.ts';

/** The item as the viewer may see it now (null when hidden since, withdrawn, or there is none). */
const visibleItemOf = (n: NotificationRow, ctx: Ctx) => {
  const item = notifiedItem(n);
  return item ? ctx.loaders.visibleItem.load(item) : Promise.resolve(null);
};

/** A withdrawn item is named to whoever could read it when it was withdrawn (it is no longer available to anyone). */
const goneButSeen = (n: NotificationRow, ctx: Ctx) =>
  n.goneVisibility !== null && canSee(ctx.viewer, { visibility: n.goneVisibility, restrictedTo: n.goneRestrictedTo });

export const Notification: NotificationResolvers = {
  available: async (n, _args, ctx) => !n.itemType || (await visibleItemOf(n, ctx)) !== null,
  message: async (n, _args, ctx) => messageOf(n, (await visibleItemOf(n, ctx)) || goneButSeen(n, ctx) ? n.title : null),
  item: async (n, _args, ctx) => {
    const item = await visibleItemOf(n, ctx);
    return item ? { __typename: item.type, id: item.id } : null;
  },
  savedSearch: (n, _args, ctx) => (n.savedSearchId ? ctx.loaders.ownSavedSearch.load(n.savedSearchId) : null),
};
