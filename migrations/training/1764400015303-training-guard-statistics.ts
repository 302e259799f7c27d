import { guardStatisticsMigration } from '../../lib/guardStatistics.ts';

/** Statistics on how many rows of the guarded tables are unrestricted (see lib/guardStatistics.ts). */
export const TrainingGuardStatistics1764400015303 = guardStatisticsMigration('TrainingGuardStatistics1764400015303', ['training.curricula']);
