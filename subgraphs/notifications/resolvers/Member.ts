import { connectionOf, pageOf } from '../../../lib/pagination.ts';
import { MAX_NOTIFICATION_PAGE } from '../inputs.ts';
import { countVisible, notificationAfter, notificationPage } from '../notificationList.ts';
import { markConsulted } from '../consulted.ts';
import { FOLLOW_COLUMNS, SAVED_SEARCH_COLUMNS, followedItem, notifiedItem, preferencesOf } from '../views.ts';
import type { FollowRow } from '../views.ts';
import type { Ctx } from './context.ts';
import type { MemberResolvers } from './types.generated.ts';

const isSelf = (id: string, ctx: Ctx) => ctx.viewer.memberId !== null && ctx.viewer.memberId === id;

export const Member: MemberResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  follows: async (m, _args, ctx) => {
    if (!isSelf(m.id, ctx)) return [];
    const rows: FollowRow[] = await ctx.db.query(`SELECT ${FOLLOW_COLUMNS} FROM notifications.follows WHERE member_id = $1 ORDER BY created_at DESC, id`, [m.id]);
    return markConsulted(ctx.loaders, rows, followedItem);
  },
  savedSearches: async (m, _args, ctx) => (isSelf(m.id, ctx)
    ? ctx.db.query(`SELECT ${SAVED_SEARCH_COLUMNS} FROM notifications.saved_searches WHERE member_id = $1 ORDER BY created_at DESC, id`, [m.id])
    : []),
  notifications: async (m, args, ctx) => {
    const { limit } = pageOf({ first: args.first }, MAX_NOTIFICATION_PAGE);
    const after = notificationAfter(args.after);
    if (!isSelf(m.id, ctx)) return connectionOf([], 0, { limit, offset: 0 });
    const connection = await notificationPage(ctx.db, ctx.loaders.sources, ctx.viewer, args.unreadOnly ?? false, { limit, after });
    return { ...connection, nodes: await markConsulted(ctx.loaders, connection.nodes, notifiedItem) };
  },
  unreadCount: async (m, _args, ctx) => (isSelf(m.id, ctx) ? countVisible(ctx.db, ctx.loaders.sources, ctx.viewer, true) : 0),
  notificationPreferences: (m, _args, ctx) => (isSelf(m.id, ctx) ? preferencesOf(ctx.db, m.id) : null),
};
