import { TrainingCreateTables1764400004000 } from './1764400004000-training-create-tables.ts';
import { TrainingSearchDocuments1764400006003 } from './1764400006003-training-search-documents.ts';
import { TrainingDeadLetters1764400008403 } from './1764400008403-training-dead-letters.ts';

export const trainingMigrations = [TrainingCreateTables1764400004000, TrainingSearchDocuments1764400006003, TrainingDeadLetters1764400008403];
