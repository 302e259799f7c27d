import { guardStatisticsMigration } from '../../lib/guardStatistics.ts';

/** Statistics on how many rows of the guarded tables are unrestricted (see lib/guardStatistics.ts). */
export const LegalGuardStatistics1764400015302 = guardStatisticsMigration('LegalGuardStatistics1764400015302', ['legal.frameworks', 'legal.provisions', 'legal.contributions']);
