import { notFound } from '../../../lib/errors.ts';
import { pageOf } from '../../../lib/pagination.ts';
import type { QueryResolvers } from './types.generated.ts';

export const Query: QueryResolvers = {
  localMail: async (_, args, ctx) => {
    const page = pageOf(args, 100);
    if (!ctx.loaders.mail.local) throw notFound('The local mail outbox (this platform sends e-mail through SMTP)');
    return ctx.db.query(
      `SELECT id::text, to_address AS "to", subject, text, to_char(sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "sentAt"
       FROM notifications.local_mail WHERE member_id = $1 ORDER BY id DESC LIMIT $2`, [ctx.viewer.memberId, page.limit]);
  },
};
