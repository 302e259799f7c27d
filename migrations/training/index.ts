import { TrainingCreateTables1764400004000 } from './1764400004000-training-create-tables.ts';
import { TrainingSearchDocuments1764400006003 } from './1764400006003-training-search-documents.ts';
import { TrainingDeadLetters1764400008403 } from './1764400008403-training-dead-letters.ts';
import { TrainingGuardStatistics1764400015303 } from './1764400015303-training-guard-statistics.ts';
import { TrainingAssignmentReminders1764400019401 } from './1764400019401-training-assignment-reminders.ts';

export const trainingMigrations = [TrainingCreateTables1764400004000, TrainingSearchDocuments1764400006003, TrainingDeadLetters1764400008403, TrainingGuardStatistics1764400015303,
  TrainingAssignmentReminders1764400019401];
