import { WorkshopsCreateTables1764400005000 } from './1764400005000-workshops-create-tables.ts';

export const workshopsMigrations = [WorkshopsCreateTables1764400005000];
