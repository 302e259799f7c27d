import { ProceduresCreateTables1764400002000 } from './1764400002000-procedures-create-tables.ts';
import { ProceduresSearchDocuments1764400006001 } from './1764400006001-procedures-search-documents.ts';
import { ProceduresVersionsByEffectiveDate1764400006101 } from './1764400006101-procedures-versions-by-effective-date.ts';
import { ProceduresDimensionValueLabels1764400007001 } from './1764400007001-procedures-dimension-value-labels.ts';
import { ProceduresDeadLetters1764400008401 } from './1764400008401-procedures-dead-letters.ts';
import { ProceduresBackdatingReason1764400014101 } from './1764400014101-procedures-backdating-reason.ts';
import { ProceduresPublishedCounts1764400015301 } from './1764400015301-procedures-published-counts.ts';

export const proceduresMigrations = [ProceduresCreateTables1764400002000, ProceduresSearchDocuments1764400006001, ProceduresVersionsByEffectiveDate1764400006101,
  ProceduresDimensionValueLabels1764400007001, ProceduresDeadLetters1764400008401, ProceduresBackdatingReason1764400014101,
  ProceduresPublishedCounts1764400015301];
