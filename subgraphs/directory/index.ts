import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { SubgraphCode } from '../../lib/subgraphServer.ts';
import { directoryEntities } from './entities.ts';
import { createLoaders } from './loaders.ts';
import type { DirectoryLoaders } from './loaders.ts';
import { permissions } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

export const directorySubgraph: SubgraphCode<DirectoryLoaders> = {
  name: 'directory',
  typeDefs: parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8')),
  resolvers,
  permissions,
  createLoaders,
  entities: directoryEntities,
  // A member's profile is personal data: every read of one is logged, whoever reads it.
  audit: { restricted: { Member: () => true } },
};
