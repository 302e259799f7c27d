import { TrainingCreateTables1764400004000 } from './1764400004000-training-create-tables.ts';
import { TrainingSearchDocuments1764400006003 } from './1764400006003-training-search-documents.ts';

export const trainingMigrations = [TrainingCreateTables1764400004000, TrainingSearchDocuments1764400006003];
