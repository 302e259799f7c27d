import { DirectoryCreateTables1764400001000 } from './1764400001000-directory-create-tables.ts';

export const directoryMigrations = [DirectoryCreateTables1764400001000];
