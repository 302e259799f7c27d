import { LegalCreateTables1764400003000 } from './1764400003000-legal-create-tables.ts';

export const legalMigrations = [LegalCreateTables1764400003000];
