import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { distinctIds, isNonPublic } from '../../lib/audit/declarations.ts';
import type { SubgraphCode } from '../../lib/subgraphServer.ts';
import { proceduresEntities } from './entities.ts';
import { provisionAmended } from './legalEvents.ts';
import { createLoaders } from './loaders.ts';
import type { ProcedureLoaders } from './loaders.ts';
import { permissions } from './permissions.ts';
import type { ProcedureView } from './procedureView.ts';
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
  audit: {
    // A draft is read only by its agency's editors and managers, whatever its visibility.
    restricted: { Procedure: (p: ProcedureView) => p.status === 'DRAFT' || isNonPublic(p) },
    exports: {
      'ProcedureComparison.csv': (c: { rows: { cells: { procedure: ProcedureView | null }[] }[] }) =>
        ({ entityType: 'Procedure', ids: distinctIds(c.rows.flatMap((r) => r.cells.map((cell) => cell.procedure))) }),
    },
  },
};
