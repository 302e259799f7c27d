import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { SubgraphCode } from '../../lib/subgraphServer.ts';
import { NO_CHECKPOINTS, cachedChainStatus } from './chain.ts';
import type { ChainSettings } from './chain.ts';
import { createLoaders } from './loaders.ts';
import type { AuditLoaders } from './loaders.ts';
import { permissions } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

export { chainSettingsOf } from './chain.ts';

/**
 * The audit log for auditors: reads the kernel's `audit.log` (written by every subgraph, see lib/audit), and judges
 * its hash chain against the signed checkpoints `settings` point to (one cached verdict per subgraph instance).
 */
export const auditSubgraph = (settings: ChainSettings = NO_CHECKPOINTS): SubgraphCode<AuditLoaders> => {
  const status = cachedChainStatus(settings);
  return {
    name: 'audit',
    typeDefs: parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8')),
    resolvers,
    permissions,
    createLoaders: (db) => createLoaders(db, status),
  };
};
