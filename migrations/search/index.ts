import { SearchCreateIndex1764400006100 } from './1764400006100-search-create-index.ts';

export const searchMigrations = [SearchCreateIndex1764400006100];
