import { TrainingCreateTables1764400004000 } from './1764400004000-training-create-tables.ts';

export const trainingMigrations = [TrainingCreateTables1764400004000];
