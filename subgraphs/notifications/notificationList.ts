import type { DataSource } from 'typeorm';
import { visibilitySql } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { connectionOf } from '../../lib/pagination.ts';
import type { Connection, Page } from '../../lib/pagination.ts';
import { NOTIFICATION_COLUMNS, guardsSql } from './views.ts';
import type { NotificationRow } from './views.ts';

/**
 * Whether notification `n` still counts for the viewer: about their own business, or about an item they may see now.
 * Correlated on the item, so each published view is probed by its key.
 */
export function stillVisibleSql(sources: string[], viewer: Viewer, params: unknown[]): string {
  return `(n.personal OR n.item_type IS NULL OR EXISTS (SELECT 1 FROM ${guardsSql(sources)} g
    WHERE g.doc_type = n.item_type AND g.doc_id = n.item_id AND ${visibilitySql(viewer, 'g', params)}))`;
}

/** How many of the member's (unread) notifications concern their own business or items they may still see. */
export async function countVisible(db: DataSource, sources: string[], viewer: Viewer, unreadOnly: boolean): Promise<number> {
  const params: unknown[] = [viewer.memberId];
  const [row] = await db.query(
    `SELECT count(*)::int AS n FROM notifications.notifications n
     WHERE n.member_id = $1 ${unreadOnly ? 'AND n.read_at IS NULL' : ''} AND ${stillVisibleSql(sources, viewer, params)}`, params);
  return row.n;
}

/**
 * A page of the member's notifications, newest first; those about items hidden since are listed (their resolvers
 * name nothing) but not counted.
 */
export async function notificationPage(db: DataSource, sources: string[], viewer: Viewer, unreadOnly: boolean, page: Page): Promise<Connection<NotificationRow>> {
  const [rows, total] = await Promise.all([
    db.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notifications.notifications n WHERE n.member_id = $1 ${unreadOnly ? 'AND n.read_at IS NULL' : ''}
       ORDER BY n.id DESC LIMIT $2 OFFSET $3`, [viewer.memberId, page.limit + 1, page.offset]) as Promise<NotificationRow[]>,
    countVisible(db, sources, viewer, unreadOnly),
  ]);
  const connection = connectionOf(rows.slice(0, page.limit), total, page);
  connection.pageInfo.hasNextPage = rows.length > page.limit;
  return connection;
}
export type NotificationPage = Connection<NotificationRow>;
