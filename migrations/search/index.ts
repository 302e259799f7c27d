import { SearchCreateIndex1764400006100 } from './1764400006100-search-create-index.ts';
import { SearchIndexedParents1764400008400 } from './1764400008400-search-indexed-parents.ts';
import { SearchDeadLetters1764400008410 } from './1764400008410-search-dead-letters.ts';
import { SearchGuardStatistics1764400015305 } from './1764400015305-search-guard-statistics.ts';

export const searchMigrations = [SearchCreateIndex1764400006100, SearchIndexedParents1764400008400, SearchDeadLetters1764400008410, SearchGuardStatistics1764400015305];
