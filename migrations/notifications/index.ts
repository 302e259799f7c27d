import { NotificationsCreateTables1764400019001 } from './1764400019001-notifications-create-tables.ts';

export const notificationsMigrations = [NotificationsCreateTables1764400019001];
