import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { SubgraphCode } from '../../lib/subgraphServer.ts';
import { proceduresEntities } from './entities.ts';
import { provisionAmended } from './legalEvents.ts';
import { createLoaders } from './loaders.ts';
import type { ProcedureLoaders } from './loaders.ts';
import { permissions } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

export const procedures: SubgraphCode<ProcedureLoaders> = {
  name: 'procedures',
  typeDefs: parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8')),
  resolvers,
  permissions,
  createLoaders,
  entities: proceduresEntities,
  publishesSearchDocuments: true,
  consumers: [provisionAmended],
};
