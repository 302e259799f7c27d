import { ProceduresCreateTables1764400002000 } from './1764400002000-procedures-create-tables.ts';

export const proceduresMigrations = [ProceduresCreateTables1764400002000];
