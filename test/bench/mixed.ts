// The mixed scenario: varied operations from viewers of every kind the dataset has, each with a token of their own,
// in a fixed shuffled order (the load generator hands them out in turn across its connections).
import { BIG_AGENCIES, MEMBER_STATES } from './dataset.ts';
import { TOPICS, random } from './generate.ts';
import { COMPARE, SEARCH, SWOT_MATRIX, TRAINING_REPORT } from './scenarios.ts';

export const MIXED = 'mixed';
export const MIXED_LABEL = 'varied searches, comparisons, procedure pages, training reports and SWOT matrices by 10 viewers of every tier, anonymous included';

/** Seeded members (README: Demo members) plus anonymous (null): LEA practitioners and managers, trainer, reviewer, partner, admin, auditor. */
export const MIXED_VIEWERS: (string | null)[] = ['demo-practitioner-es', 'demo-manager-es', 'demo-practitioner-de', 'demo-manager-de',
  'demo-trainer', 'demo-reviewer', 'demo-partner', 'demo-admin', 'demo-auditor', null];

/** Common and rare words of the generated texts (generate.ts), one and two at a time. */
const SEARCH_WORDS = ['police', 'kalomi', 'monitoring evidence', 'tasren', 'platform', 'vol'];

const JURISDICTION_SETS = [MEMBER_STATES, ['ES', 'DE', 'FR', 'IT', 'NL'], ['ES-CT', 'DE-BY', 'IE', 'PL'], MEMBER_STATES.slice(0, 9)];

const PROCEDURES_PAGE = `query ProceduresFiltered($filter: ProcedureFilter, $first: Int!) {
  procedures(filter: $filter, first: $first) {
    totalCount
    nodes { id title version topic status jurisdiction { code name } agency { id name } }
  }
}`;

export interface MixedViewer {
  memberId: string | null;
  /** Law-enforcement members may ask for training reports; anyone else is refused by rule. */
  lea: boolean;
}

export interface MixedOperation {
  memberId: string | null;
  query: string;
  variables: Record<string, unknown>;
}

function operationsOf(viewer: MixedViewer): Omit<MixedOperation, 'memberId'>[] {
  return [
    ...SEARCH_WORDS.map((query) => ({ query: SEARCH, variables: { query } })),
    ...JURISDICTION_SETS.map((jurisdictions, i) => ({ query: COMPARE, variables: { topic: TOPICS[i % TOPICS.length], jurisdictions } })),
    { query: PROCEDURES_PAGE, variables: { first: 20 } },
    { query: PROCEDURES_PAGE, variables: { first: 20, filter: { topic: 'INVESTIGATION' } } },
    { query: PROCEDURES_PAGE, variables: { first: 50, filter: { jurisdictions: ['ES', 'ES-CT'] } } },
    ...(viewer.lea ? BIG_AGENCIES.slice(0, 4).map((agency) => ({ query: TRAINING_REPORT, variables: { agency } })) : []),
    { query: SWOT_MATRIX, variables: {} },
    { query: SWOT_MATRIX, variables: { topic: 'MONITORING' } },
    { query: SWOT_MATRIX, variables: { topic: 'COMMUNICATION' } },
  ];
}

/** Every viewer's operations, shuffled the same way on every run. */
export function mixedOperations(viewers: MixedViewer[]): MixedOperation[] {
  const all = viewers.flatMap((v) => operationsOf(v).map((op) => ({ memberId: v.memberId, ...op })));
  const rand = random(15);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}
