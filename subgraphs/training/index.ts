import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { distinctIds } from '../../lib/audit/declarations.ts';
import type { SubgraphCode } from '../../lib/subgraphServer.ts';
import { createLoaders } from './loaders.ts';
import type { TrainingLoaders } from './loaders.ts';
import { permissions } from './permissions.ts';
import { procedureChanged } from './events.ts';
import { trainingJobs } from './reminders.ts';
import { resolvers } from './resolvers/index.ts';

export const trainingSubgraph: SubgraphCode<TrainingLoaders> = {
  name: 'training',
  typeDefs: parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8')),
  resolvers,
  permissions,
  createLoaders,
  publishesSearchDocuments: true,
  consumers: [procedureChanged],
  jobs: trainingJobs,
  // An assignment is personal: only its assignee, their managers and trainers in scope read it.
  audit: {
    restricted: { Assignment: () => true },
    // Who is overdue is a personal training record, whichever of their fields are selected.
    consults: { 'TrainingReport.overdueMembers': (members: { id: string }[]) => [{ entityType: 'Member', ids: distinctIds(members) }] },
  },
};
