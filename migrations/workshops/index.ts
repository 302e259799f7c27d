import { WorkshopsCreateTables1764400005000 } from './1764400005000-workshops-create-tables.ts';
import { WorkshopsSearchDocuments1764400006004 } from './1764400006004-workshops-search-documents.ts';
import { WorkshopsSwotCounts1764400015201 } from './1764400015201-workshops-swot-counts.ts';
import { WorkshopsSwotCountsLocks1764400015202 } from './1764400015202-workshops-swot-counts-locks.ts';
import { WorkshopsGuardStatistics1764400015304 } from './1764400015304-workshops-guard-statistics.ts';
import { WorkshopsLanguage1764400017001 } from './1764400017001-workshops-language.ts';

export const workshopsMigrations = [WorkshopsCreateTables1764400005000, WorkshopsSearchDocuments1764400006004, WorkshopsSwotCounts1764400015201, WorkshopsSwotCountsLocks1764400015202, WorkshopsGuardStatistics1764400015304, WorkshopsLanguage1764400017001];
