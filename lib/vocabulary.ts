/** The three uses of social media by law enforcement: what procedures, curricula, workshops and search are filed under. */
export const TOPICS = ['COMMUNICATION', 'MONITORING', 'INVESTIGATION'] as const;
export type Topic = (typeof TOPICS)[number];
