import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { distinctIds, isNonPublic } from '../../lib/audit/declarations.ts';
import type { SubgraphCode } from '../../lib/subgraphServer.ts';
import type { ContributionView, FrameworkView, ProvisionView } from './views.ts';
import { createLoaders } from './loaders.ts';
import type { LegalLoaders } from './loaders.ts';
import { permissions } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

// A provision is guarded by its framework too.
const restrictedProvision = (p: ProvisionView) =>
  isNonPublic(p) || isNonPublic({ visibility: p.frameworkVisibility, restrictedTo: p.frameworkRestrictedTo });
type Comparison = { rows: { cells: { provision: ProvisionView | null }[] }[] };
const provisionsIn = (c: Comparison) => c.rows.flatMap((r) => r.cells.map((cell) => cell.provision));

export const legalSubgraph: SubgraphCode<LegalLoaders> = {
  name: 'legal',
  typeDefs: parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8')),
  resolvers,
  permissions,
  createLoaders,
  publishesSearchDocuments: true,
  audit: {
    restricted: {
      LegalProvision: restrictedProvision,
      // Before acceptance a contribution is read only by its author's organisation and the reviewers.
      Contribution: (c: ContributionView) => c.status !== 'ACCEPTED' || isNonPublic(c),
    },
    exports: {
      'LegalPositionComparison.csv': (c: Comparison) => ({ entityType: 'LegalProvision', ids: distinctIds(provisionsIn(c)) }),
    },
    // Their values carry the items' content whether or not the items themselves are selected.
    consults: {
      'Query.compareLegalPositions': (c: Comparison) =>
        [{ entityType: 'LegalProvision', ids: distinctIds(provisionsIn(c).filter((p) => p && restrictedProvision(p))) }],
      'Query.transposition': (t: { rows: { acts: FrameworkView[] }[]; outsideUnion: { acts: FrameworkView[] }[] }) =>
        [{ entityType: 'LegalFramework', ids: distinctIds([...t.rows, ...t.outsideUnion].flatMap((r) => r.acts).filter(isNonPublic)) }],
    },
  },
};
