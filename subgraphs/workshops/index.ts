import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { SubgraphCode } from '../../lib/subgraphServer.ts';
import { createLoaders } from './loaders.ts';
import type { WorkshopLoaders } from './loaders.ts';
import { permissions } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

export const workshopsSubgraph: SubgraphCode<WorkshopLoaders> = {
  name: 'workshops',
  typeDefs: parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8')),
  resolvers,
  permissions,
  createLoaders,
  publishesSearchDocuments: true,
};
