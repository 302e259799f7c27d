import type { DataSource } from 'typeorm';
import { visibilitySql } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { badInput } from '../../lib/errors.ts';
import type { Connection } from '../../lib/pagination.ts';
import { NOTIFICATION_COLUMNS, itemShownSql } from './views.ts';
import type { NotificationRow } from './views.ts';

/** Whether notification `n` still counts for the viewer: about their own business, or its item may be named to them. */
export const stillVisibleSql = (sources: string[], viewer: Viewer, params: unknown[]) =>
  `(n.personal OR ${itemShownSql(sources, (alias) => visibilitySql(viewer, alias, params))})`;

/** How many of the member's (unread) notifications concern their own business or items they may still see. */
export async function countVisible(db: DataSource, sources: string[], viewer: Viewer, unreadOnly: boolean): Promise<number> {
  const params: unknown[] = [viewer.memberId];
  const [row] = await db.query(
    `SELECT count(*)::int AS n FROM notifications.notifications n
     WHERE n.member_id = $1 ${unreadOnly ? 'AND n.read_at IS NULL' : ''} AND ${stillVisibleSql(sources, viewer, params)}`, params);
  return row.n;
}

const cursorOf = (id: string) => Buffer.from(`n:${id}`, 'utf8').toString('base64url');

/** The notification id a cursor of this list points after (null: from the newest), or BAD_USER_INPUT. */
export function notificationAfter(after: string | null | undefined): string | null {
  if (!after) return null;
  const id = /^n:(\d{1,18})$/.exec(Buffer.from(after, 'base64url').toString('utf8'))?.[1];
  if (!id) throw badInput('after is not a cursor this list returned.');
  return id;
}

/**
 * A page of the member's notifications, newest first, after a notification (keyset: one arriving meanwhile moves no
 * page); those about items hidden since are listed (their resolvers name nothing) but not counted.
 */
export async function notificationPage(
  db: DataSource, sources: string[], viewer: Viewer, unreadOnly: boolean, page: { limit: number; after: string | null },
): Promise<Connection<NotificationRow>> {
  const [rows, totalCount] = await Promise.all([
    db.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notifications.notifications n WHERE n.member_id = $1 ${unreadOnly ? 'AND n.read_at IS NULL' : ''}
         AND ($2::bigint IS NULL OR n.id < $2::bigint)
       ORDER BY n.id DESC LIMIT $3`, [viewer.memberId, page.after, page.limit + 1]) as Promise<NotificationRow[]>,
    countVisible(db, sources, viewer, unreadOnly),
  ]);
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node.id), node }));
  return {
    totalCount, nodes, edges,
    pageInfo: {
      hasNextPage: rows.length > page.limit, hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

export type NotificationPage = Connection<NotificationRow>;
