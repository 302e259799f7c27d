import { guardStatisticsMigration } from '../../lib/guardStatistics.ts';

/** Statistics on how many rows of the guarded tables are unrestricted (see lib/guardStatistics.ts). */
export const SearchGuardStatistics1764400015305 = guardStatisticsMigration('SearchGuardStatistics1764400015305', ['search.documents']);
