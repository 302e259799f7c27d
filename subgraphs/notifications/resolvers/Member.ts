import { connectionOf, pageOf } from '../../../lib/pagination.ts';
import { MAX_NOTIFICATION_PAGE } from '../inputs.ts';
import { countVisible, notificationPage } from '../notificationList.ts';
import { FOLLOW_COLUMNS, SAVED_SEARCH_COLUMNS, preferencesOf } from '../views.ts';
import type { Ctx } from './context.ts';
import type { MemberResolvers } from './types.generated.ts';

const isSelf = (id: string, ctx: Ctx) => ctx.viewer.memberId !== null && ctx.viewer.memberId === id;

export const Member: MemberResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  follows: async (m, _args, ctx) => (isSelf(m.id, ctx)
    ? ctx.db.query(`SELECT ${FOLLOW_COLUMNS} FROM notifications.follows WHERE member_id = $1 ORDER BY created_at DESC, id`, [m.id])
    : []),
  savedSearches: async (m, _args, ctx) => (isSelf(m.id, ctx)
    ? ctx.db.query(`SELECT ${SAVED_SEARCH_COLUMNS} FROM notifications.saved_searches WHERE member_id = $1 ORDER BY created_at DESC, id`, [m.id])
    : []),
  notifications: async (m, args, ctx) => {
    const page = pageOf(args, MAX_NOTIFICATION_PAGE);
    if (!isSelf(m.id, ctx)) return connectionOf([], 0, page);
    return notificationPage(ctx.db, ctx.loaders.sources, ctx.viewer, args.unreadOnly ?? false, page);
  },
  unreadCount: async (m, _args, ctx) => (isSelf(m.id, ctx) ? countVisible(ctx.db, ctx.loaders.sources, ctx.viewer, true) : 0),
  notificationPreferences: (m, _args, ctx) => (isSelf(m.id, ctx) ? preferencesOf(ctx.db, m.id) : null),
};
