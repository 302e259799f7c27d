import { NotificationsCreateTables1764400019001 } from './1764400019001-notifications-create-tables.ts';
import { NotificationsMail1764400019402 } from './1764400019402-notifications-mail.ts';

export const notificationsMigrations = [NotificationsCreateTables1764400019001, NotificationsMail1764400019402];
