import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { SubgraphCode } from '../../lib/subgraphServer.ts';
import { legalEntities } from './entities.ts';
import { createLoaders } from './loaders.ts';
import type { LegalLoaders } from './loaders.ts';
import { permissions } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

export const legal: SubgraphCode<LegalLoaders> = {
  name: 'legal',
  typeDefs: parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8')),
  resolvers,
  permissions,
  createLoaders,
  entities: legalEntities,
  publishesSearchDocuments: true,
};
