import { guardStatisticsMigration } from '../../lib/guardStatistics.ts';

/** Statistics on how many rows of the guarded tables are unrestricted (see lib/guardStatistics.ts). */
export const NotificationsGuardStatistics1764400019403 = guardStatisticsMigration('NotificationsGuardStatistics1764400019403', ['notifications.followed_items']);
