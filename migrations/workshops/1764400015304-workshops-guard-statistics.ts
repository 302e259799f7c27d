import { guardStatisticsMigration } from '../../lib/guardStatistics.ts';

/** Statistics on how many rows of the guarded tables are unrestricted (see lib/guardStatistics.ts). */
export const WorkshopsGuardStatistics1764400015304 = guardStatisticsMigration('WorkshopsGuardStatistics1764400015304', ['workshops.workshops', 'workshops.swot_counts']);
