import { NotificationsCreateTables1764400019001 } from './1764400019001-notifications-create-tables.ts';
import { NotificationsMail1764400019402 } from './1764400019402-notifications-mail.ts';
import { NotificationsGuardStatistics1764400019403 } from './1764400019403-notifications-guard-statistics.ts';

export const notificationsMigrations = [NotificationsCreateTables1764400019001, NotificationsMail1764400019402, NotificationsGuardStatistics1764400019403];
