import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { distinctIds, isNonPublic } from '../../lib/audit/declarations.ts';
import type { SubgraphCode } from '../../lib/subgraphServer.ts';
import { legalEntities } from './entities.ts';
import type { ContributionView, ProvisionView } from './legalViews.ts';
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
  audit: {
    restricted: {
      // A provision is guarded by its framework too.
      LegalProvision: (p: ProvisionView) =>
        isNonPublic(p) || isNonPublic({ visibility: p.frameworkVisibility, restrictedTo: p.frameworkRestrictedTo }),
      // Before acceptance a contribution is read only by its author's organisation and the reviewers.
      Contribution: (c: ContributionView) => c.status !== 'ACCEPTED' || isNonPublic(c),
    },
    exports: {
      'LegalPositionComparison.csv': (c: { rows: { cells: { provision: ProvisionView | null }[] }[] }) =>
        ({ entityType: 'LegalProvision', ids: distinctIds(c.rows.flatMap((r) => r.cells.map((cell) => cell.provision))) }),
    },
  },
};
