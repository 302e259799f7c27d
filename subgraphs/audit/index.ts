import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { SubgraphCode } from '../../lib/subgraphServer.ts';
import { createLoaders } from './loaders.ts';
import type { AuditLoaders } from './loaders.ts';
import { permissions } from './permissions.ts';
import { resolvers } from './resolvers.ts';

/** The audit log for auditors: reads the kernel's `audit.log` (written by every subgraph, see lib/audit). */
export const auditSubgraph: SubgraphCode<AuditLoaders> = {
  name: 'audit',
  typeDefs: parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8')),
  resolvers,
  permissions,
  createLoaders: (db) => createLoaders(db),
  entities: [],
};
