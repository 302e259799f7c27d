import { LegalCreateTables1764400003000 } from './1764400003000-legal-create-tables.ts';
import { LegalSearchDocuments1764400006002 } from './1764400006002-legal-search-documents.ts';

export const legalMigrations = [LegalCreateTables1764400003000, LegalSearchDocuments1764400006002];
